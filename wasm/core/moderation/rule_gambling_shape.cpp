// Gambling sites by their shape, not their names (which rotate weekly): a brand-like word
// next to the ads' words of winning.
//
// A brand-like word is one of
//   - letters with digits: "alexis17", "sor76", "mbak4d2" (not "anak2": one trailing digit
//     is reduplication, and prices or sizes have no letters before them);
//   - styled: written in letters no one types for plain words (mathematical bold or italic,
//     fullwidth, circled, small capitals, letters under combining underlines or overlays);
//   - spaced out letter by letter: "P U L A U W I N";
//   - ending in a gambling stem: "vikingtoto", "kpktoto", "mamajitu" (assets/rules/gambling.tsv).
// The sites' words (assets/rules/gambling.tsv) are `win` (jp, maxwin, gacor, wd: gambling
// talk) and `pitch` (hoki, rezeki, terpercaya: praise that is only suspicious next to a
// brand). A styled or spaced brand with digits decides alone: shop chat never writes a
// product that way. Plain letters with digits ("iphone13") need the sites' words.
#include <unicode/uchar.h>

#include <algorithm>

#include "core/moderation/engine.h"
#include "core/text/utf8.h"

namespace etalase {

namespace {

// Letters and digits that only decorative text generators produce.
bool styled_code_point(char32_t c) {
  return (c >= 0x1D400 && c <= 0x1D7FF) ||  // mathematical alphanumerics
         (c >= 0xFF10 && c <= 0xFF5A) ||    // fullwidth digits and letters
         (c >= 0x2460 && c <= 0x24FF) ||    // enclosed alphanumerics
         (c >= 0x1F100 && c <= 0x1F1FF) ||  // enclosed alphanumeric supplement, regional indicators
         (c >= 0x1D00 && c <= 0x1D2B) ||    // small capitals
         c == 0x0280 || c == 0x0274 || c == 0x026A || c == 0x0262 || c == 0x029C || c == 0x029F ||
         c == 0xA731 || c == 0xA730 ||      // small capitals outside that block (ʀ ɴ ɪ ɢ ʜ ʟ ꜱ ꜰ)
         (c >= 0x2100 && c <= 0x214F) ||    // letterlike symbols (ℍ ℝ)
         (c >= 0x2776 && c <= 0x2793);      // dingbat circled digits
}

}  // namespace

// How the folded char at `i` was written: 0 plain, 1 styled (a styled code point, or a
// letter under combining marks: underline, strike-through, overlay), 2 Greek or Cyrillic
// (styled only inside a Latin word: ΛLEXIS), 3 a regional indicator (neither).
int Engine::char_style(uint32_t i) const {
  const FoldedChar f = nt_.view()[i];
  if (f.b_end - f.b <= 1) return 0;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text_.data());
  int len = 0;
  bool bad = false;
  char32_t c = utf8::decode(p, f.b_end, f.b, &len, &bad);
  if (bad) return 0;
  if ((c >= 0x0370 && c <= 0x03FF) || (c >= 0x0400 && c <= 0x04FF)) return 2;
  if (c >= 0x1F1E6 && c <= 0x1F1FF) return 3;  // regional indicators: mostly flags (🇮🇩), no style
  if (styled_code_point(c)) return 1;
  if (c >= 0x80 || f.b_end - f.b < uint32_t(len) + 2) return 0;
  // A letter under marks: everything after it in its bytes is a combining mark (not, say, a
  // stripped control the ICU path chunked with it, which the ASCII path never sees).
  for (uint32_t i = f.b + uint32_t(len); i < f.b_end;) {
    int l = 0;
    bool b = false;
    char32_t m = utf8::decode(p, f.b_end, i, &l, &b);
    const bool mark = (m >= 0x0300 && m <= 0x036F) || (m >= 0x1AB0 && m <= 0x1AFF) || (m >= 0x1DC0 && m <= 0x1DFF) ||
                      (m >= 0x20D0 && m <= 0x20FF) || (m >= 0xFE20 && m <= 0xFE2F);
    if (b || !mark) return 0;
    i += uint32_t(l);
  }
  return 1;
}

// Whether the styled char at `i` was written as a capital (𝐀, Ａ, 🅐).
bool Engine::styled_capital(uint32_t i) const {
  const FoldedChar f = nt_.view()[i];
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text_.data());
  int len = 0;
  bool bad = false;
  char32_t c = utf8::decode(p, f.b_end, f.b, &len, &bad);
  if (bad) return false;
  if (c >= 0x1F130 && c <= 0x1F189) return true;  // squared and negative letters: capitals only
  return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(UChar32(c));
}

namespace {

constexpr uint32_t kStyledNameMin = 6;

// Whether a '4' is followed by a 'd' in the folded chars with nothing between but symbols
// (the word loop reads "4@d" as "4d" too). It decides a skip that must never change a
// verdict, so it may say yes where the loop then says no, never the other way.
bool has_4d(const CharView& ch) {
  for (uint32_t i = 0, n = ch.size(); i < n; ++i) {
    if (ch[i].cp != '4') continue;
    uint32_t j = i + 1;
    while (j < n && ch[j].cls != kClsLetter && ch[j].cls != kClsDigit && ch[j].cls != kClsSpace) ++j;
    if (j < n && ch[j].cp == 'd') return true;
  }
  return false;
}

// The lucky numbers gambling sites put after their names ("berkah99", "hoki777", "sgi88");
// product models end in other numbers ("iphone13", "rtx3060").
bool lucky_number(const char32_t* d, uint32_t n) {
  if (n == 2) return d[0] == d[1] && (d[0] == '7' || d[0] == '8' || d[0] == '9');
  if (n == 3) {
    if (d[0] == d[1] && d[1] == d[2]) return d[0] == '7' || d[0] == '8' || d[0] == '9';
    const char32_t s[3] = {d[0], d[1], d[2]};
    return (s[0] == '3' && s[1] == '0' && s[2] == '3') || (s[0] == '1' && s[1] == '3' && s[2] == '8') ||
           (s[0] == '1' && s[1] == '6' && s[2] == '8');
  }
  return false;
}

}  // namespace

bool Engine::covered_by_word_match(const ShapeWord& w) const {
  const uint32_t b = nt_.run_o16(w.b), e = nt_.run_o16_end(w.e);
  for (const Match& m : matches_) {
    if (m.category <= uint8_t(Category::threat) && m.o16 < e && b < m.o16_end) return true;
  }
  return false;
}

// Whether the word starting at folded char `at` follows a '/' that follows a dotted host in
// the same stretch without spaces: a link's path ("t.co/c7Hj3DvNgp"), which the link rules
// judge. ("P/ulau777" has no host before its slash.)
bool Engine::in_link_path(uint32_t at) const {
  const CharView ch = nt_.view();
  if (at == 0 || ch[at - 1].cp != '/') return false;
  for (uint32_t i = at - 1; i-- > 0;) {
    if (ch[i].cls == kClsSpace) return false;
    if (ch[i].cp == '.') return true;
  }
  return false;
}

void Engine::rule_gambling_shape() {
  const bool win = has_feature(kFeatWin) || has_feature(kFeatGambling) || has_feature(kFeatDepo) ||
                   has_feature(kFeatWd) || gambling_seen_;
  const bool pitch = has_feature(kFeatPitch);
  const bool ending = has_feature(kFeatBrandEnd);
  // In ASCII without joined letters (nothing styled or spaced) a word is brand-like only
  // with the sites' words around it, a stem, a lucky number after capitals, or "4d".
  if (nt_.ascii && !nt_.joined && !ending &&
      (!nt_.has_alnum_token || (!win && !pitch && nt_.upper < 3 && !has_4d(nt_.view())))) {
    return;
  }
  const CharView ch = nt_.view();
  const RunVec& runs = nt_.runs;
  const uint32_t n = uint32_t(runs.size());
  shape_words_.clear();
  uint32_t words = 0, styled_words = 0;
  for (uint32_t b = 0; b < n;) {
    if (runs[b].sym == ' ') {
      ++b;
      continue;
    }
    ShapeWord w;
    w.b = b;
    w.e = b;  // the view word: runs [b, e], letters and digits only
    while (w.e + 1 < n && runs[w.e + 1].sym != ' ') ++w.e;
    uint32_t foreign = 0, plain_letters = 0, streak = 0, upper = 0, lower = 0;
    char32_t prev = 0;
    for (uint32_t i = runs[b].first; i <= runs[w.e].last; ++i) {
      const FoldedChar f = ch[i];
      if (f.flags & kFcDropped) {
        w.spaced = true;
        continue;
      }
      if (f.cls == kClsDigit) {
        ++w.digits;
        if (w.tail_n < 4) w.tail[w.tail_n] = f.cp;
        ++w.tail_n;
      } else if (f.cls == kClsLetter) {
        ++w.letters;
        w.tail_n = 0;
      } else {
        continue;
      }
      w.four_d |= prev == '4' && f.cp == 'd' && w.letters >= 3;  // "visi4d", "ton4d": the lottery's mark
      prev = f.cp;
      int style = nt_.ascii ? 0 : char_style(i);
      w.styled += style == 1;
      w.styled_upper += style == 1 && styled_capital(i);
      foreign += style == 2;
      streak = style == 1 || style == 2 ? streak + 1 : 0;
      w.streak = std::max(w.streak, streak);
      plain_letters += style == 0 && f.cls == kClsLetter && f.cp < 0x80;
      if (f.cls == kClsLetter && f.b_end - f.b == 1) {
        const char o = text_[f.b];
        (o >= 'A' && o <= 'Z' ? upper : lower) += 1;
      }
    }
    if (plain_letters > 0 || w.styled > 0) w.styled += foreign;
    // A lucky number after a name in capitals ("BERKAH99") is a site's name; after a
    // lowercase one ("budi88") it may be a viewer's handle, judged by the words around it.
    w.lucky = w.letters >= 3 && w.tail_n >= 2 && w.tail_n <= 3 && lucky_number(w.tail, w.tail_n) &&
              lower == 0 && (upper >= 3 || w.styled > 0);
    // "@budi88" names a viewer: a handle, not a site; nor is a link's path.
    const uint32_t before = runs[b].first;
    // A link's path ("t.co/c7Hj3DvNgp") is not a name either: the link rules judge it.
    w.mention = ch[before].cp == '@' || (before > 0 && ch[before - 1].cp == '@') || in_link_path(before);
    if (w.letters > 0) ++words;
    styled_words += w.letters > 0 && w.styled >= 3 && w.styled * 2 >= w.letters + w.digits;
    shape_words_.push_back(w);
    b = w.e + 1;
  }
  // A comment written wholly or mostly in a styled font is someone's taste ("𝕃𝕒𝕟𝕛𝕦𝕥
  // 𝕓𝕒𝕟𝕘"); a styled word among plain ones is a name made to stand out. With digits
  // ("𝐒𝐎𝐑𝟕𝟔") it is a site's name either way.
  const bool styled_stands_out = words >= 2 && styled_words * 2 <= words;
  for (size_t k = 0; k < shape_words_.size(); ++k) {
    const ShapeWord& w = shape_words_[k];
    if (w.mention) continue;
    // Styled as a whole, or a styled name glued to a plain word ("𝐆𝐀𝐑𝐔𝐃𝐀138menang").
    const bool styled_word = w.letters >= 3 && ((w.styled >= 3 && w.styled * 2 >= w.letters + w.digits) ||
                                                (w.streak >= 4 && w.styled >= 4));
    // "𝘀𝗸𝗮𝗹𝗶𝟮" is reduplication (skali-skali), not a number.
    const bool number = w.digits >= 2 || (w.digits == 1 && !(w.tail_n == 1 && w.tail[0] == '2'));
    // Alone, a styled word must be long like a site's name (PULAUWIN, MANJURBET), not a
    // word stressed in a fancy font (KEREN), and not a word the lexicons already judge.
    // Sites write their names in capitals (𝐏𝐔𝐋𝐀𝐔𝐖𝐈𝐍); a lowercase fancy word is praise.
    const bool name_like = w.letters >= kStyledNameMin && w.styled_upper * 2 >= w.styled;
    const bool is_styled = styled_word && (number || (styled_stands_out && (name_like || win || pitch) &&
                                                      !covered_by_word_match(w)));
    bool brand_end = w.four_d;
    if (ending && !brand_end) {
      for (const FeatHit& h : feats_) {
        if (h.feature == kFeatBrandEnd && h.last == w.e && h.first >= w.b + 2) brand_end = true;
      }
    }
    // A styled or spaced name with its number apart: "𝐓 𝐊 𝐏 𝟑𝟎𝟑", "𝐌𝐎𝐍𝐀 𝟒𝐃".
    const ShapeWord* next = k + 1 < shape_words_.size() ? &shape_words_[k + 1] : nullptr;
    const bool number_after = next && next->b == w.e + 2 && next->digits >= 1 && next->letters <= 1 &&
                              next->digits + next->letters >= 2;
    const bool decorated = w.spaced || w.styled >= 2;
    bool act = false;
    if (is_styled || brand_end || w.lucky || (number_after && decorated && w.letters >= 2)) {
      act = true;
    } else if (w.spaced && w.letters >= 4) {
      act = w.digits >= 1 || win || pitch;
    } else if (w.letters >= 3 && w.digits >= 2) {
      act = win || pitch;
    }
    if (act) push(nt_.run_o16(w.b), nt_.run_o16_end(w.e), r_.shape, uint8_t(Category::gambling), 3);
  }
}

}  // namespace etalase
