// Rule family: links (URLs, bare domains, messenger links, e-mail addresses). Its own file:
// the host reading (spaced and spelled dots, TLD lists, allowed shops) is the largest rule.
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "core/moderation/engine.h"
#include "core/moderation/rule_lists.h"

namespace etalase {

namespace {

bool ends_with_domain(std::string_view host, std::string_view d) {
  if (host == d) return true;
  return host.size() > d.size() && host.substr(host.size() - d.size()) == d &&
         host[host.size() - d.size() - 1] == '.';
}

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

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

}  // namespace etalase
