// Rules beyond the lexicons: contact details, links, scams, gambling, spam.
//
// Phrases that decide alone ("slot gacor", "selamat anda menang") and words that rules
// combine ("tf" + "bca" + an account number) go into the same automaton as the lexicons, so
// a clean comment costs one scan whatever the number of rules. The rules themselves look at
// the folded characters (digits intact, leetspeak NOT applied) and only run when a cheap
// gate says they could match (enough digits, a dot, a feature word...).
//
// Severities (policy level L acts on severity >= 5 - L; the default level 2 acts on 3-4):
//   contact.phone 3, contact.link 4, contact.email 3, contact.handle 3, contact.invite 1-2
//   link.url 3, link.domain 3
//   scam.transfer 3-4, scam.prize 3-4, scam.otp 4, scam.admin 3
//   gambling.* 3-4, except a lone "gacor" (1: it is also praise, "host-nya gacor") and
//   "judi" (2: people talk about it)
//   spam.caps 1 (sellers shout too), spam.emoji 2, spam.repeat_char 2, spam.repeat_word 2
//   flood.rate 3, flood.repeat 3, flood.same_text 2
#include <algorithm>
#include <cstring>
#include <string_view>

#include "core/moderation/engine.h"

namespace etalase {

namespace {

// Letter look-alikes among digits ("O812 34S6 789O").
char digit_lookalike(char32_t c) {
  switch (c) {
    case 'o': return '0';
    case 'i':
    case 'l': return '1';
    case 's': return '5';
    case 'b': return '8';
    case 'z': return '2';
    case 'g':
    case 'q': return '9';
    default: return 0;
  }
}


bool in_list(std::string_view s, const std::vector<std::string>& list) {
  for (const std::string& x : list) {
    if (s == x) return true;
  }
  return false;
}

bool ends_with_domain(std::string_view host, std::string_view d) {
  if (host == d) return true;
  return host.size() > d.size() && host.substr(host.size() - d.size()) == d &&
         host[host.size() - d.size() - 1] == '.';
}



bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

Status Engine::register_rules() {
  r_.phone = rule_index("contact.phone");
  r_.handle = rule_index("contact.handle");
  r_.contact_link = rule_index("contact.link");
  r_.email = rule_index("contact.email");
  r_.link_url = rule_index("link.url");
  r_.link_domain = rule_index("link.domain");
  r_.transfer = rule_index("scam.transfer");
  r_.prize = rule_index("scam.prize");
  r_.otp = rule_index("scam.otp");
  r_.depo = rule_index("gambling.depo");
  r_.wd = rule_index("gambling.wd");
  r_.brand = rule_index("gambling.brand");
  r_.shape = rule_index("gambling.shape");
  r_.caps = rule_index("spam.caps");
  r_.emoji = rule_index("spam.emoji");
  r_.repeat_char = rule_index("spam.repeat_char");
  r_.repeat_word = rule_index("spam.repeat_word");
  r_.flood_rate = rule_index("flood.rate");
  r_.flood_repeat = rule_index("flood.repeat");
  r_.flood_same = rule_index("flood.same_text");

  // Affix set 0: Indonesian endings for rule phrases ("togelnya", "rekeningnya").
  AffixSet aff;
  for (const char* s : {"nya", "lah", "kah", "in", "an", "mu", "ku"}) aff.suffixes.push_back(fold(s));
  affixes_.push_back(std::move(aff));

  for (std::string_view text : rule_texts_) {
    Expected<RuleVocab> parsed = parse_rule_vocab(text);
    if (!parsed.ok()) return parsed.error();
    for (auto& [name, words] : parsed.value().lists) {
      std::vector<std::string>* list = name == "strong-tlds"     ? &strong_tlds_
                                       : name == "word-tlds"     ? &word_tlds_
                                       : name == "contact-hosts" ? &contact_hosts_
                                       : name == "brand-stems"   ? &brand_stems_
                                                                 : &handle_fillers_;
      list->insert(list->end(), words.begin(), words.end());
    }
    for (const RuleVocabEntry& d : parsed.value().entries) {
      PatInfo info;
      info.scope = uint8_t(Scope::word);
      info.affixes = 0;
      if (d.kind == RuleVocabEntry::rule) {
        info.kind = kPatRule;
        info.category = uint8_t(d.category);
        info.severity = uint8_t(d.severity);
        info.rule = rule_index(d.rule_id);
      } else {
        info.kind = kPatFeature;
        info.feature = d.feature;
        // A stem that ends a site's name is found inside the word ("vikingtoto").
        if (d.feature == kFeatBrandEnd) info.scope = uint8_t(Scope::any);
        info.value = uint8_t(d.value);
      }
      add_phrase(d.phrase, info);
    }
  }
  return {};
}

bool Engine::has_feature(uint8_t f) const { return feat_mask_ & (1u << f); }

uint32_t Engine::words_between(uint32_t a, uint32_t b) const {
  uint32_t n = 0;
  for (uint32_t r = a + 1; r < b && r < nt_.runs.size(); ++r) {
    uint8_t fl = nt_.runs[r].flags;
    n += (fl & kRunWordStart) && (fl & (kRunLetter | kRunDigit));
  }
  return n;
}

void Engine::run_rules() {
  if (nt_.view().empty()) return;
  rule_phone();
  if (nt_.dots || has_feature(kFeatDot)) rule_links();
  if (has_feature(kFeatApp) || has_feature(kFeatAppWeak)) rule_handles();
  if ((has_feature(kFeatBank) || has_feature(kFeatAccount)) && nt_.digits >= 8) rule_transfer();
  if (has_feature(kFeatOtp) || has_feature(kFeatWinner)) rule_scam_words();
  rule_gambling();
  rule_gambling_shape();
  rule_spam();
}

// ---- contact: phone numbers --------------------------------------------------------------------

void Engine::rule_phone() {
  size_t words = 0;
  for (const FeatHit& f : feats_) words += f.feature == kFeatDigit;
  if (nt_.digits + words < 6) return;
  const CharView ch = nt_.view();
  const RunVec& runs = nt_.runs;
  uint32_t n = uint32_t(ch.size());

  struct D {
    char digit;
    uint32_t b, e;  // folded chars [b, e]
    bool group_start;
  };
  D seq[64];
  int len = 0;
  auto evaluate = [&]() {
    for (int k = 0; k + 10 <= len;) {
      int found_end = -1;
      if (seq[k].group_start) {
        // Indonesian mobiles: 08[1-9]..., 10-13 digits (62 8.. = 08..); Malaysian: 01x...,
        // 10-11 digits (60 1.. = 01..).
        int skip = -1, lo = 10, hi = 13;
        auto d = [&](int at) { return k + at < len ? seq[k + at].digit : 'x'; };
        if (d(0) == '0' && d(1) == '8' && d(2) >= '1' && d(2) <= '9') skip = 0;
        else if (d(0) == '6' && d(1) == '2' && d(2) == '8' && d(3) >= '1' && d(3) <= '9') skip = 1;
        else if (d(0) == '0' && d(1) == '1' && d(2) >= '0' && d(2) <= '9') skip = 0, hi = 11;
        else if (d(0) == '6' && d(1) == '0' && d(2) == '1' && d(3) >= '0' && d(3) <= '9') skip = 1, hi = 11;
        if (skip >= 0) {
          for (int e = k; e < len; ++e) {
            bool group_end = e + 1 == len || seq[e + 1].group_start;
            int digits = e - k + 1 - skip;  // "62 8.." counts as "08.."
            if (group_end && digits >= lo && digits <= hi) found_end = e;
            if (digits > hi) break;
          }
        }
      }
      if (found_end >= 0) {
        push(ch[seq[k].b].o16, ch[seq[found_end].e].o16_end, r_.phone, uint8_t(Category::contact), 3);
        k = found_end + 1;
      } else {
        ++k;
      }
    }
    len = 0;
  };
  auto add = [&](char d, uint32_t b, uint32_t e, bool group_start) {
    if (len == 64) evaluate();
    seq[len++] = D{d, b, e, group_start || len == 0};
  };

  // Digit words, in order.
  size_t fw = 0;
  std::vector<FeatHit>& dw = feats_;  // feats_ is in text order (by end run)
  uint32_t gap = 0;
  bool prev_digit = false;
  for (uint32_t i = 0; i < n;) {
    while (fw < dw.size() && (dw[fw].feature != kFeatDigit || runs[dw[fw].first].first < i)) ++fw;
    if (fw < dw.size() && runs[dw[fw].first].first == i) {
      const FeatHit& f = dw[fw++];
      add(char('0' + f.value), i, runs[f.last].last, true);
      i = runs[f.last].last + 1;
      gap = 0;
      prev_digit = false;
      continue;
    }
    const FoldedChar c = ch[i];
    if (c.cp >= '0' && c.cp <= '9') {
      add(char(c.cp), i, i, !prev_digit);
      prev_digit = true;
      gap = 0;
      ++i;
      continue;
    }
    if (c.cls == kClsLetter) {
      uint32_t j = i;
      bool all = true;
      while (j < n && ch[j].cls == kClsLetter) {
        if (!digit_lookalike(ch[j].cp)) all = false;
        ++j;
      }
      bool near_digit = (i > 0 && ch[i - 1].cp >= '0' && ch[i - 1].cp <= '9') ||
                        (j < n && ch[j].cp >= '0' && ch[j].cp <= '9');
      if (all && j - i <= 2 && (near_digit || j - i == 1)) {
        for (uint32_t k = i; k < j; ++k) add(digit_lookalike(ch[k].cp), k, k, k == i && !prev_digit);
        prev_digit = true;
        gap = 0;
      } else {
        evaluate();
        prev_digit = false;
      }
      i = j;
      continue;
    }
    prev_digit = false;
    bool soft = c.cls == kClsSpace || c.cls == kClsJoinSep || c.cp == '(' || c.cp == ')' || c.cp == '+' ||
                c.cp == '/' || c.cp == ':';
    if (!soft || c.cp == '\n' || ++gap > 3) {
      evaluate();
      gap = 0;
    }
    ++i;
  }
  evaluate();
}

// ---- links ---------------------------------------------------------------------------------------

void Engine::rule_links() {
  const CharView ch = nt_.view();
  // Most comments with a '.' hold prices ("Rp 149.000") or sentences, not hosts. A host ends
  // in a TLD of letters, so some dot ('.', "[.]", " . ") has an ASCII letter after it; a
  // URL with a numeric host has "://". Without either (or a spelled "dot"), nothing below
  // can match, and the host view is not built.
  if (!has_feature(kFeatDot)) {
    const size_t n = ch.size();
    // Whether the '.' or ':' at i may start a host or a scheme.
    auto host_after = [&](size_t i) {
      if (ch[uint32_t(i)].cp == ':') return i + 2 < n && ch[uint32_t(i + 1)].cp == '/' && ch[uint32_t(i + 2)].cp == '/';
      size_t j = i + 1;
      for (int skip = 0; j < n && skip < 4; ++j, ++skip) {
        char32_t c = ch[uint32_t(j)].cp;
        if (!(c == ' ' || c == ')' || c == ']' || c == '}')) break;
      }
      return j < n && ch[uint32_t(j)].cp >= 'a' && ch[uint32_t(j)].cp <= 'z';
    };
    bool maybe = false;
    if (const unsigned char* b = ch.plain_bytes()) {
      // Plain ASCII: memchr finds the few dots and colons.
      for (unsigned char mark : {'.', ':'}) {
        for (const void* at = std::memchr(b, mark, n); at && !maybe;) {
          const size_t i = size_t(static_cast<const unsigned char*>(at) - b);
          maybe = host_after(i);
          at = std::memchr(b + i + 1, mark, n - i - 1);
        }
      }
    } else {
      for (size_t i = 0; i < n && !maybe; ++i) {
        const char32_t c = ch[uint32_t(i)].cp;
        if (c == '.' || c == ':') maybe = host_after(i);
      }
    }
    if (!maybe) return;
  }
  std::string& v = host_;
  v.clear();
  for (uint32_t i = 0; i < ch.size(); ++i) {
    const FoldedChar c = ch[i];
    char x;
    if (c.cp < 0x80) x = char(c.cp);
    else x = c.cls == kClsSpace ? ' ' : '\x01';
    if (x == '\t' || x == '\n' || x == '\r') x = ' ';
    v.push_back(x);
  }
  size_t n = v.size();
  bool spelled_dots = has_feature(kFeatDot);
  auto starts = [&](size_t at, const char* w) {
    size_t l = std::strlen(w);
    return at + l <= n && v.compare(at, l, w) == 0;
  };
  // A dot between labels at `e`: plain '.', spaced " . ", or spelled "(dot)", " dot ", "[.]".
  // Returns the start of the next label (or npos) and the kind (1 plain, 2 spaced, 3 spelled).
  auto match_dot = [&](size_t e, int* kind) -> size_t {
    size_t s = e;
    int sp1 = 0, sp2 = 0;
    while (s < n && v[s] == ' ' && sp1 < 2) ++s, ++sp1;
    size_t after = std::string::npos;
    if (s < n && v[s] == '.') {
      after = s + 1;
      *kind = 1;
    } else if (s < n && (v[s] == '(' || v[s] == '[' || v[s] == '{' || (spelled_dots && (v[s] == 'd' || v[s] == 't')))) {
      static const char* const spelled[] = {"(dot)", "[dot]", "{dot}", "(.)", "[.]", "{.}", "(titik)", "[titik]"};
      for (const char* w : spelled) {
        if (starts(s, w)) {
          after = s + std::strlen(w);
          *kind = 3;
          break;
        }
      }
      if (after == std::string::npos && sp1 > 0 && spelled_dots) {
        for (const char* w : {"dot ", "titik "}) {
          if (starts(s, w)) {
            after = s + std::strlen(w) - 1;
            *kind = 3;
            break;
          }
        }
      }
    }
    if (after == std::string::npos) return after;
    s = after;
    while (s < n && v[s] == ' ' && sp2 < 2) ++s, ++sp2;
    if (*kind == 1 && (sp1 || sp2)) *kind = 2;
    if (*kind == 3 && v[after - 1] != ')' && v[after - 1] != ']' && v[after - 1] != '}' && sp2 == 0) {
      return std::string::npos;  // " dot" must be followed by a space
    }
    return s < n && is_alnum(v[s]) ? s : std::string::npos;
  };

  size_t i = 0;
  while (i < n) {
    if (!is_alnum(v[i]) || (i > 0 && (is_alnum(v[i - 1]) || v[i - 1] == '-' || v[i - 1] == '_'))) {
      ++i;
      continue;
    }
    struct Label {
      size_t b, e;
      int dot_before;
    };
    Label labels[16];
    int nl = 0;
    size_t j = i;
    int kind = 0;
    for (;;) {
      size_t e = j;
      while (e < n && (is_alnum(v[e]) || v[e] == '-')) ++e;
      labels[nl++] = Label{j, e, kind};
      if (nl == 16) break;
      size_t next = match_dot(e, &kind);
      if (next == std::string::npos) break;
      j = next;
    }
    size_t host_end = labels[nl - 1].e;
    if (nl == 1) {  // no dot: not a host
      i = std::max(host_end, i + 1);
      continue;
    }
    size_t scheme_len = labels[0].b >= 8 && v.compare(labels[0].b - 8, 8, "https://") == 0  ? 8
                        : labels[0].b >= 7 && v.compare(labels[0].b - 7, 7, "http://") == 0 ? 7
                                                                                               : 0;
    bool scheme = scheme_len > 0;
    bool www = v.compare(labels[0].b, labels[0].e - labels[0].b, "www") == 0 && nl > 2;
    int top = -1;
    if (scheme && nl == 4) {  // http://1.2.3.4/...
      bool ip = true;
      for (int k = 0; k < 4; ++k) {
        for (size_t x = labels[k].b; x < labels[k].e; ++x) ip &= v[x] >= '0' && v[x] <= '9';
      }
      if (ip) {
        size_t span_e = labels[3].e;
        while (span_e < n && v[span_e] != ' ' && v[span_e] != '\x01') ++span_e;
        push(ch[labels[0].b - scheme_len].o16, ch[span_e - 1].o16_end, r_.link_url, uint8_t(Category::link), 3);
        i = span_e;
        continue;
      }
    }
    for (int k = nl - 1; k >= 1 && top < 0; --k) {
      std::string_view tld(v.data() + labels[k].b, labels[k].e - labels[k].b);
      // Every TLD we know is letters only: prices ("149.000") and versions stop here, before
      // the lists are searched.
      bool letters = true;
      for (char x : tld) letters &= x >= 'a' && x <= 'z';
      if (!letters) continue;
      bool strong = in_list(tld, strong_tlds_);
      bool wordy = in_list(tld, word_tlds_);
      bool contact_tld = false;  // the last label of some messenger host ("me", "dog", ...)
      for (std::string_view h : contact_hosts_) contact_tld |= ends_with_domain(h, tld);
      if (!strong && !wordy && !contact_tld) continue;
      std::string host;
      for (int m = 0; m <= k; ++m) {
        if (m) host.push_back('.');
        host.append(v, labels[m].b, labels[m].e - labels[m].b);
      }
      bool contact_host = false;
      if (contact_tld) {
        for (std::string_view h : contact_hosts_) contact_host |= ends_with_domain(host, h);
      }
      int dot = labels[k].dot_before;
      bool letter = false, digit = false;
      for (int m = 0; m < k; ++m) {
        for (size_t x = labels[m].b; x < labels[m].e; ++x) {
          letter |= v[x] >= 'a' && v[x] <= 'z';
          digit |= v[x] >= '0' && v[x] <= '9';
        }
      }
      if (!letter && !scheme) continue;
      bool path = labels[k].e < n && v[labels[k].e] == '/';
      bool evidence = scheme || www || path || dot == 3 || k >= 2 || digit || contact_host;
      if (dot == 2 && !(contact_host || (strong && tld.size() >= 2 && (tld == "com" || tld == "net" ||
                                                                      tld == "org" || tld == "xyz" ||
                                                                      tld == "ly" || tld == "io")))) {
        continue;
      }
      // Two-letter word TLDs ("call.me", "up.to") need evidence; longer ones a real name.
      if (wordy && !strong && !evidence && (tld.size() <= 2 || labels[k - 1].e - labels[k - 1].b < 2)) continue;
      top = k;
      // Allowed shops pass.
      bool allowed = false;
      for (const std::string& d : allowed_domains_) allowed |= ends_with_domain(host, d);
      size_t span_b = labels[0].b, span_e = labels[k].e;
      span_b -= scheme_len;
      if (span_e < n && v[span_e] == '/') {
        while (span_e < n && v[span_e] != ' ' && v[span_e] != '\x01') ++span_e;
      }
      host_end = std::max(host_end, span_e);
      if (allowed) break;
      uint16_t rule = scheme || www ? r_.link_url : r_.link_domain;
      uint8_t cat = uint8_t(Category::link), sev = 3;
      if (contact_host) {
        rule = r_.contact_link;
        cat = uint8_t(Category::contact);
        sev = 4;
      } else if (!scheme && span_b >= 2 && v[span_b - 1] == '@' && is_alnum(v[span_b - 2])) {
        rule = r_.email;
        cat = uint8_t(Category::contact);
        span_b -= 1;
        while (span_b > 0 && (is_alnum(v[span_b - 1]) || v[span_b - 1] == '.' || v[span_b - 1] == '_' ||
                              v[span_b - 1] == '-' || v[span_b - 1] == '+')) {
          --span_b;
        }
      }
      push(ch[span_b].o16, ch[span_e - 1].o16_end, rule, cat, sev);
    }
    i = std::max(host_end, i + 1);
  }
}

// ---- contact: handles -----------------------------------------------------------------------------

void Engine::rule_handles() {
  const CharView ch = nt_.view();
  const RunVec& runs = nt_.runs;
  uint32_t n = uint32_t(ch.size());
  auto skip_spaces = [&](uint32_t i) {
    int k = 0;
    while (i < n && ch[i].cls == kClsSpace && k < 3) ++i, ++k;
    return i;
  };
  auto word_at = [&](uint32_t i, uint32_t* end) {
    uint32_t j = i;
    while (j < n && ch[j].cls == kClsLetter && ch[j].cp < 0x80) ++j;
    *end = j;
    return j;
  };
  for (size_t fi = 0; fi < feats_.size(); ++fi) {
    const FeatHit& f = feats_[fi];
    if (f.feature != kFeatApp && f.feature != kFeatAppWeak) continue;
    uint32_t i = skip_spaces(runs[f.last].last + 1);
    // One filler word: "ig nya @budi", "line aku: budi88".
    uint32_t we;
    word_at(i, &we);
    if (we > i) {
      std::string w;
      for (uint32_t k = i; k < we; ++k) w.push_back(char(ch[k].cp));
      if (in_list(w, handle_fillers_)) i = skip_spaces(we);
    }
    bool strong = false;
    if (i < n && (ch[i].cp == ':' || ch[i].cp == '=')) {
      strong = true;
      i = skip_spaces(i + 1);
    }
    if (i < n && ch[i].cp == '@') {
      strong = true;
      ++i;
    }
    if (i >= n || ch[i].cp == '.') continue;
    uint32_t j = i;
    bool mixed = false, letters = false;
    while (j < n && ch[j].cp < 0x80 &&
           (ch[j].cls == kClsLetter || ch[j].cls == kClsDigit || ch[j].cp == '.' || ch[j].cp == '_')) {
      mixed |= ch[j].cls != kClsLetter;
      letters |= ch[j].cls == kClsLetter;
      ++j;
    }
    while (j > i && ch[j - 1].cp == '.') --j;
    if (j - i < 3 || !letters) continue;
    bool add_before = false;
    for (const FeatHit& a : feats_) {
      if (a.feature == kFeatAdd && a.last < f.first && words_between(a.last, f.first) <= 1) add_before = true;
    }
    if (!(strong || add_before || (f.feature == kFeatApp && mixed))) continue;
    push(nt_.run_o16(f.first), ch[j - 1].o16_end, r_.handle, uint8_t(Category::contact), 3);
  }
}

// ---- scams ------------------------------------------------------------------------------------------

void Engine::rule_transfer() {
  const CharView ch = nt_.view();
  const RunVec& runs = nt_.runs;
  uint32_t n = uint32_t(ch.size());
  for (const FeatHit& b : feats_) {
    if (b.feature != kFeatBank && b.feature != kFeatAccount) continue;
    const FeatHit* t = nullptr;
    for (const FeatHit& x : feats_) {
      if (x.feature == kFeatTransfer && x.last < b.first && words_between(x.last, b.first) <= 6) t = &x;
    }
    if (!t && b.feature != kFeatAccount) continue;
    // An account number after the bank word: >= 8 digits, single separators allowed, not a
    // price ("149.000", "Rp 1.250.000", "50rb"); prices in between are skipped.
    uint32_t i = runs[b.last].last + 1, limit = std::min(n, i + 60);
    bool found = false;
    uint32_t last = i;
    while (i < limit && !found) {
      while (i < limit && !(ch[i].cp >= '0' && ch[i].cp <= '9')) ++i;
      if (i >= limit) break;
      bool rp = i >= 2 && ch[i - 1].cp == 'p' && ch[i - 2].cp == 'r';
      rp |= i >= 3 && ch[i - 1].cls == kClsSpace && ch[i - 2].cp == 'p' && ch[i - 3].cp == 'r';
      uint32_t digits = 0, group = 0, groups = 0;
      bool thousands = true, dotted = false;
      while (i < n) {
        if (ch[i].cp >= '0' && ch[i].cp <= '9') {
          ++digits;
          ++group;
          last = i;
          ++i;
          continue;
        }
        bool sep = ch[i].cp == ' ' || ch[i].cp == '-' || ch[i].cp == '.' || ch[i].cp == ',';
        if (!sep || i + 1 >= n || !(ch[i + 1].cp >= '0' && ch[i + 1].cp <= '9')) break;
        if (ch[i].cp == '.' || ch[i].cp == ',') dotted = true;
        if (groups == 0 ? group > 3 : group != 3) thousands = false;
        ++groups;
        group = 0;
        ++i;
      }
      if (groups > 0 && group != 3) thousands = false;
      bool price = rp || (dotted && groups > 0 && thousands);
      if (i < n && ch[i].cls == kClsLetter) price = true;  // "150rb", "2jt"
      found = digits >= 8 && !price;
    }
    if (!found) continue;
    uint32_t from = t ? t->first : b.first;
    push(nt_.run_o16(from), ch[last].o16_end, r_.transfer, uint8_t(Category::scam), t ? 4 : 3);
  }
}

void Engine::rule_scam_words() {
  for (const FeatHit& f : feats_) {
    if (f.feature == kFeatOtp) {
      bool negated = false;
      for (const FeatHit& g : feats_) {
        if (g.feature == kFeatNegation && g.last < f.first && words_between(g.last, f.first) <= 4) negated = true;
      }
      if (!negated) push_runs(f.first, f.last, r_.otp, uint8_t(Category::scam), 4);
    } else if (f.feature == kFeatWinner) {
      for (const FeatHit& g : feats_) {
        if (g.feature == kFeatReach && g.first > f.last) {
          push_runs(f.first, g.last, r_.prize, uint8_t(Category::scam), 3);
          break;
        }
      }
    }
  }
}

// ---- gambling -----------------------------------------------------------------------------------------

void Engine::rule_gambling() {
  const CharView ch = nt_.view();
  const RunVec& runs = nt_.runs;
  uint32_t n = uint32_t(ch.size());
  // "depo 10rb", "wd 500k": the word followed by an amount.
  if (has_feature(kFeatDepo) || has_feature(kFeatWd)) {
    for (const FeatHit& f : feats_) {
      if (f.feature != kFeatDepo && f.feature != kFeatWd) continue;
      uint32_t i = runs[f.last].last + 1;
      int skipped = 0;
      while (i < n && skipped < 3 && (ch[i].cls == kClsSpace || ch[i].cp == ':' || ch[i].cp == '-')) ++i, ++skipped;
      if (i >= n || !(ch[i].cp >= '0' && ch[i].cp <= '9')) continue;
      while (i < n && (ch[i].cls == kClsDigit || ch[i].cls == kClsLetter || ch[i].cp == '.')) ++i;
      push(nt_.run_o16(f.first), ch[i - 1].o16_end, f.feature == kFeatDepo ? r_.depo : r_.wd,
           uint8_t(Category::gambling), 3);
    }
  }
  // Brand-like names: letters + 2-3 digits ("zeus88", "hoki138"). A known stem decides
  // alone; any other name ("budi88", a normal username) only next to other gambling signs.
  if (!nt_.has_alnum_token) return;
  bool context = gambling_seen_ || has_feature(kFeatGambling) || has_feature(kFeatDepo) || has_feature(kFeatWd);
  std::string stem;
  for (const Token& t : nt_.tokens) {
    if (!t.letters || !t.digits || t.end - t.begin > 15) continue;
    uint32_t m = t.begin;
    while (m < t.end && ch[m].cls == kClsLetter && ch[m].cp < 0x80) ++m;
    uint32_t letters = m - t.begin, digits = t.end - m;
    if (letters < 2 || letters > 12 || digits < 2 || digits > 3) continue;
    bool all_digits = true;
    for (uint32_t k = m; k < t.end; ++k) all_digits &= ch[k].cp >= '0' && ch[k].cp <= '9';
    if (!all_digits) continue;
    stem.clear();
    for (uint32_t k = t.begin; k < m; ++k) stem.push_back(char(ch[k].cp));
    bool known = in_list(stem, brand_stems_);
    if (!known) {
      for (const char* s : {"slot", "gacor", "hoki", "zeus", "bet", "togel", "maxwin", "jp"}) {
        if (stem.find(s) != std::string::npos) known = true;
      }
    }
    if (known || context) push(ch[t.begin].o16, ch[t.end - 1].o16_end, r_.brand, uint8_t(Category::gambling), 3);
  }
}

// ---- spam in one message ---------------------------------------------------------------------------

void Engine::rule_spam() {
  const NormText& t = nt_;
  uint32_t letters = t.upper + t.lower;
  if (letters >= 20 && t.upper * 5 >= letters * 4) {
    push(0, t.utf16_len, r_.caps, uint8_t(Category::spam), 1, kOriginMessage);
  }
  if (t.emoji_run >= 10) push(t.emoji_o16, t.emoji_o16_end, r_.emoji, uint8_t(Category::spam), 2, kOriginMessage);
  constexpr uint32_t kRepeatMin = 30;  // one character this many times in a row
  uint32_t at, same;
  const CharView ch = t.view();
  if (ch.size() >= kRepeatMin && (same = t.longest_repeat(&at)) >= kRepeatMin) {
    push(ch[at].o16, ch[at + same - 1].o16_end, r_.repeat_char, uint8_t(Category::spam), 2, kOriginMessage);
  }
  if (t.words >= 10) {
    // Count words (letter runs, repeats ignored) in a small open-addressing table.
    const RunVec& runs = t.runs;
    size_t cap = 16;
    while (cap < t.words * 2) cap <<= 1;
    word_keys_.assign(cap, 0);
    word_counts_.assign(cap, 0);
    word_first_.resize(cap);
    word_last_.resize(cap);
    uint32_t best = 0;
    size_t best_slot = 0;
    for (size_t r = 0; r < runs.size();) {
      if (!(runs[r].flags & kRunLetter)) {
        ++r;
        continue;
      }
      size_t e = r + 1;
      uint64_t h = 0x84222325cbf29ce4ull;
      h = (h ^ runs[r].sym) * 0x100000001b3ull;
      while (e < runs.size() && (runs[e].flags & kRunLetter) && !(runs[e].flags & kRunWordStart)) {
        h = (h ^ runs[e].sym) * 0x100000001b3ull;
        ++e;
      }
      if (e - r >= 2) {
        h |= 1;
        size_t s = size_t(h ^ (h >> 29)) & (cap - 1);
        while (word_keys_[s] != 0 && word_keys_[s] != h) s = (s + 1) & (cap - 1);
        if (word_keys_[s] == 0) {
          word_keys_[s] = h;
          word_first_[s] = t.run_o16(r);
        }
        word_last_[s] = t.run_o16_end(e - 1);
        if (++word_counts_[s] > best) {
          best = word_counts_[s];
          best_slot = s;
        }
      }
      r = e;
    }
    if (best >= 10) {
      push(word_first_[best_slot], word_last_[best_slot], r_.repeat_word, uint8_t(Category::spam), 2,
           kOriginMessage);
    }
  }
}

}  // namespace etalase
