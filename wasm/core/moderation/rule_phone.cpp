// Rule family: contact by phone number (Indonesian and Malaysian mobiles, in any spacing,
// spelled in words or with letter look-alikes). Its own file: the longest single rule.
#include <cstdint>
#include <string>
#include <vector>

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

}  // namespace

// Whether the number starting at folded char `at` is named as something else: written after
// '#' ("order #0812345678"), or with a label word (assets/rules/contact.tsv, number-labels)
// among the two words before it ("resi JNE 081234567890", "no pesanan 0812..."), unless a
// word of contact comes first.
bool Engine::labelled_number(uint32_t at) const {
  const CharView ch = nt_.view();
  uint32_t i = at;
  std::string word;
  for (int words = 0; words < 2 && i > 0; ++words) {
    while (i > 0 && ch[i - 1].cls != kClsLetter && ch[i - 1].cls != kClsDigit) {
      if (ch[i - 1].cp == '#' && words == 0) return true;
      if (ch[i - 1].cp == '\n') return false;
      --i;
    }
    uint32_t end = i;
    while (i > 0 && ch[i - 1].cls == kClsLetter) --i;
    if (i == end) return false;  // a number or the start: no label
    word.clear();
    for (uint32_t k = i; k < end; ++k) word.push_back(ch[k].cp < 0x80 ? char(ch[k].cp) : '?');
    for (const std::string& label : number_labels_) {
      if (word == label) return true;
    }
    // "order hubungi 0852...": a word of contact next to the number makes it a phone.
    for (const FeatHit& f : feats_) {
      const bool contact = f.feature == kFeatReach || f.feature == kFeatApp || f.feature == kFeatAdd;
      if (contact && nt_.runs[f.first].first <= i && nt_.runs[f.last].last + 1 >= end) return false;
    }
  }
  return false;
}

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
      if (found_end >= 0 && !labelled_number(seq[k].b)) {
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
    const bool first = len == 0;  // read before the store: one verdict on every compiler
    seq[len] = D{d, b, e, group_start || first};
    ++len;
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

}  // namespace etalase
