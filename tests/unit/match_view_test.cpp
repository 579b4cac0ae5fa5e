// The match view: single letters joined, leetspeak read inside words, repeats collapsed
// into runs with counts, word starts; and terms folded the same way (fold_pattern).
#include "doctest.h"

#include <string>
#include <vector>

#include "core/text/normalize.h"
#include "core/text/utf8.h"
#include "fold_fixture.h"

using namespace etalase;
using namespace etalase::testing;

namespace {

// The match view with counts: "a n j(3)..." compact form "anj3i3ng".
std::string counted(std::string_view text) {
  NormText t;
  norm().normalize(text, 1 << 20, t);
  std::string s;
  for (const Run& r : t.runs) {
    utf8::append(s, r.sym == ' ' ? U'_' : r.sym);
    if (r.count > 1 && r.sym != ' ') s += std::to_string(r.count);
  }
  return s;
}

}  // namespace

TEST_CASE("separators between single letters are dropped") {
  CHECK(view("a.n.j.i.n.g") == "anjing");
  CHECK(view("a n j i n g") == "anjing");
  CHECK(view("a-n_j*i,n~g") == "anjing");
  CHECK(view("k  o  n  t  o  l") == "kontoi");
  // two single letters are not enough; words are not joined
  CHECK(view("a.n. budi") == "a_n_budi");
  CHECK(view("ini itu") == "ini_itu");
  // digits alone are not letters: phone numbers and sizes stay apart
  CHECK(view("0 8 1 2") == "0_8_1_2");
}

TEST_CASE("leetspeak folds inside words only") {
  CHECK(view("4nj1ng") == "anjing");
  CHECK(view("k0nt0l") == "kontoi");
  CHECK(view("b4ngs4t") == "bangsat");
  CHECK(view("@nj!ng") == "anjing");
  CHECK(view("$hit") == "shit");
  CHECK(view("4.n.j.1.n.g") == "anjing");
  // several spelled-out words
  CHECK(view("s.l.o.t g.a.c.o.r") == "siot_gacor");
  CHECK(view("s l o t   g a c o r") == "siot_gacor");
  // numbers stay numbers
  CHECK(view("149000") == "1490");  // repeats collapse, digits stay digits
  CHECK(view("12.12") == "12_12");
  CHECK(view("Rp 149.000") == "rp_149_0");
  CHECK(view("149rb") == "149rb");
  CHECK(view("100k") == "10k");  // repeats collapse, digits stay
  // trailing digits are not letters: reduplication and names
  CHECK(view("kata2") == "kata2");
  CHECK(view("anak2") == "anak2");
  CHECK(view("gacor88") == "gacor8");
  // '!' after a word is punctuation
  CHECK(view("bagus!") == "bagus_");
}

TEST_CASE("repeated letters collapse but keep their counts") {
  CHECK(view("anjjjiiing") == "anjing");
  CHECK(counted("anjjjiiing") == "anj3i3ng");
  CHECK(counted("ass") == "as2");
  CHECK(counted("mantaaap") == "manta3p");
  CHECK(counted("wkwkwk") == "wkwkwk");
}

TEST_CASE("word starts follow letter/non-letter transitions") {
  NormText t;
  norm().normalize("dasar bego2 kamu", 1000, t);
  std::string starts;
  for (const Run& r : t.runs) {
    if ((r.flags & kRunWordStart) && (r.flags & kRunLetter)) utf8::append(starts, r.sym);
  }
  CHECK(starts == "dbk");
  CHECK(t.words == 3);
}

TEST_CASE("fold_pattern folds terms like text and trims separators") {
  std::vector<char32_t> syms;
  std::vector<uint32_t> counts;
  norm().fold_pattern(" Babi  Guling ", &syms, &counts);
  std::string s;
  for (char32_t c : syms) utf8::append(s, c == ' ' ? U'_' : c);
  CHECK(s == "babi_guing");  // l -> i, then "ii" collapses
  norm().fold_pattern("ass", &syms, &counts);
  REQUIRE(counts.size() == 2);
  CHECK(counts[1] == 2);
}
