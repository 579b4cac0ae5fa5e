// Look-alikes that UTS #39's skeleton leaves alone but spammers use as letters and digits:
// small capitals (ᴋᴏɴᴛᴏʟ), negative circled and squared letters (🅚 🅺), regional
// indicators (🇰), dingbat circled digits (❶ ➊), and the Cyrillic and Greek letters that
// read as Latin ones in a Latin word (п к т в н м, κ τ η, ŋ). Applied to a code point after
// NFKC_Casefold, before the skeleton.
#pragma once

namespace etalase {

// Applied before NFKC_Casefold, which would spell these out with parentheses ("⒜" is
// "(a)", "⑴" is "(1)") and split a word into one-letter pieces: the letter or digit, else c.
constexpr char32_t pre_nfkc_lookalike(char32_t c) {
  if (c >= 0x249C && c <= 0x24B5) return U'a' + (c - 0x249C);  // parenthesized a-z
  if (c >= 0x2474 && c <= 0x247C) return U'1' + (c - 0x2474);  // parenthesized 1-9
  return c;
}

// The ASCII letter or digit `c` stands for, or 0.
constexpr char32_t extra_lookalike(char32_t c) {
  if (c == 0x20AC) return U'e';  // "€" inside a word ("kampr€t")
  // Negative circled A-Z, negative squared A-Z, regional indicators A-Z.
  if (c >= 0x1F150 && c <= 0x1F169) return U'a' + (c - 0x1F150);
  if (c >= 0x1F170 && c <= 0x1F189) return U'a' + (c - 0x1F170);
  if (c >= 0x1F1E6 && c <= 0x1F1FF) return U'a' + (c - 0x1F1E6);
  // Dingbat circled digits 1-9 (three styles; the tenth of each is "10", left alone).
  if (c >= 0x2776 && c <= 0x277E) return U'1' + (c - 0x2776);
  if (c >= 0x2780 && c <= 0x2788) return U'1' + (c - 0x2780);
  if (c >= 0x278A && c <= 0x2792) return U'1' + (c - 0x278A);
  if (c == 0x24FF || c == 0x1F10C) return U'0';  // negative circled zero
  switch (c) {
    // Small capitals (IPA and phonetic extensions).
    case 0x1D00: return U'a';
    case 0x0299: return U'b';
    case 0x1D04: return U'c';
    case 0x1D05: return U'd';
    case 0x1D07: return U'e';
    case 0xA730: return U'f';
    case 0x0262: return U'g';
    case 0x029C: return U'h';
    case 0x026A: return U'i';
    case 0x1D0A: return U'j';
    case 0x1D0B: return U'k';
    case 0x029F: return U'l';
    case 0x1D0D: return U'm';
    case 0x0274: return U'n';
    case 0x1D0F: return U'o';
    case 0x1D18: return U'p';
    case 0x0280: return U'r';
    case 0xA731: return U's';
    case 0x1D1B: return U't';
    case 0x1D1C: return U'u';
    case 0x1D20: return U'v';
    case 0x1D21: return U'w';
    case 0x028F: return U'y';
    case 0x1D22: return U'z';
    // Cyrillic (lowercase after case folding) that the skeleton keeps.
    case 0x043F: return U'n';  // п
    case 0x043A: return U'k';  // к
    case 0x0442: return U't';  // т
    case 0x0432: return U'b';  // в
    case 0x043D: return U'h';  // н
    case 0x043C: return U'm';  // м
    case 0x0433: return U'r';  // г
    case 0x0438: return U'u';  // и
    case 0x044F: return U'r';  // я (mirrored R)
    // Greek.
    case 0x03BA: return U'k';  // κ
    case 0x03C4: return U't';  // τ
    case 0x03B7: return U'n';  // η
    case 0x03BD: return U'v';  // ν
    case 0x03C1: return U'p';  // ρ
    case 0x03B9: return U'i';  // ι
    case 0x03BB: return U'a';  // λ (Λ as A: "ΛLEXIS")
    case 0x03C9: return U'w';  // ω
    // Latin.
    case 0x014B: return U'n';  // ŋ
    default: return 0;
  }
}

}  // namespace etalase
