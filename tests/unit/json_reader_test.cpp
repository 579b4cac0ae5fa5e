// The CLI's NDJSON line reader: its fast path (compact lines without escapes) must read
// every line it accepts exactly as the general path does, and leave every other line to it.
#include "doctest.h"

#include <string>
#include <vector>

#include "cli/json_reader.h"

using namespace etalase;
using Kind = FlatJsonReader::Kind;

namespace {

// What a parse left in the reader, comparable across readers.
struct Parsed {
  bool ok = false;
  std::string error;
  std::vector<std::string> fields;  // kind, view and number of id, user, text, ts
};

std::string describe(const FlatJsonReader::Field& f) {
  std::string s = std::to_string(int(f.kind));
  if (f.kind == Kind::string || f.kind == Kind::number) s += ":" + std::string(f.view);
  if (f.kind == Kind::number || f.kind == Kind::boolean) s += "=" + std::to_string(f.num);
  return s;
}

Parsed read(FlatJsonReader& r, bool ok, std::string error) {
  Parsed p{ok, std::move(error), {}};
  if (ok) {
    for (const FlatJsonReader::Field* f : {&r.id, &r.user, &r.text, &r.ts}) p.fields.push_back(describe(*f));
  }
  return p;
}

Parsed general(const std::string& line) {
  FlatJsonReader r;
  std::string err;
  bool ok = r.parse_general(line, &err);
  return read(r, ok, err);
}

Parsed full(const std::string& line) {
  FlatJsonReader r;
  std::string err;
  bool ok = r.parse(line, &err);
  return read(r, ok, err);
}

void check_agree(const std::string& line) {
  CAPTURE(line);
  Parsed a = full(line), b = general(line);
  CHECK(a.ok == b.ok);
  CHECK(a.error == b.error);
  CHECK(a.fields == b.fields);
  FlatJsonReader r;
  if (r.parse_fast(line)) {
    CHECK(b.ok);  // the fast path never accepts what the general one refuses
    CHECK(read(r, true, "").fields == b.fields);
  }
}

}  // namespace

TEST_CASE("a compact line takes the fast path, and its strings are slices of the line") {
  const std::string line = R"({"id":"c1","user":"budi","text":"halo kak, ready size M?"})";
  FlatJsonReader r;
  REQUIRE(r.parse_fast(line));
  CHECK(r.id.kind == Kind::string);
  CHECK(r.id.view == "c1");
  CHECK(r.user.view == "budi");
  CHECK(r.text.view == "halo kak, ready size M?");
  CHECK(r.ts.kind == Kind::absent);
  CHECK(r.text.view.data() > line.data());
  CHECK(r.text.view.data() + r.text.view.size() < line.data() + line.size());
}

TEST_CASE("the fast path reads numbers, literals and unknown keys like the general one") {
  FlatJsonReader r;
  REQUIRE(r.parse_fast(R"({"id":9,"text":"x","ts":12.5,"extra":true,"n":null,"user":"u"})"));
  CHECK(r.id.kind == Kind::number);
  CHECK(r.id.view == "9");
  CHECK(r.ts.num == doctest::Approx(12.5));
  CHECK(r.user.view == "u");
  check_agree(R"({"id":9,"text":"x","ts":12.5,"extra":true,"n":null,"user":"u"})");
  check_agree(R"({"ts":-1e3,"text":"a"})");
  check_agree(R"({"text":"a","text":"b"})");  // the last one wins on both paths
}

TEST_CASE("lines the fast path leaves to the general one read the same through parse()") {
  FlatJsonReader r;
  const std::vector<std::string> left = {
      R"({"id":"c10","text":"quote \" back\\ nl\n"})",      // escapes
      R"({ "id": "c2", "text": "spaced" })",                 // whitespace
      R"({"id":"c9","x":{"a":"}","b":["\"",1]},"text":"y"})",  // nesting
      "{\"text\":\"tab\there\"}",                            // a raw control character
      R"({"id":"c14","text":"trailing"} junk)",              // errors
      R"({"id":"c1","text":"open)",
      R"({"id":"c1" "text":"x"})",
      R"({"id":"c1",})",
      R"({"id":01x,"text":"x"})",
      R"({"text":"x"})" + std::string(600, ' '),  // too long for the fast path
      "[1,2]",
      "{",
      "",
  };
  for (const std::string& line : left) {
    CAPTURE(line);
    CHECK_FALSE(r.parse_fast(line));
    check_agree(line);
  }
}

TEST_CASE("the quote masks hold at every line length around their word and chunk edges") {
  // Lengths cross the 16-byte chunks and the 64-bit words of the masks; the quotes move with
  // the padding, so a mask off by one bit anywhere reads a different text.
  for (size_t pad = 0; pad < 200; ++pad) {
    std::string text(pad, 'a');
    for (size_t i = 3; i < text.size(); i += 7) text[i] = ' ';
    const std::string line = R"({"id":"c)" + std::to_string(pad) + R"(","user":"u","text":")" + text + R"("})";
    CAPTURE(line.size());
    FlatJsonReader r;
    REQUIRE(r.parse_fast(line));
    CHECK(r.text.view == text);
    CHECK(r.id.view == "c" + std::to_string(pad));
    check_agree(line);
    check_agree(line.substr(0, line.size() - 1));        // unterminated object
    check_agree(line.substr(0, line.size() - 2) + "}");  // unterminated string
  }
  // Quotes past the 512-byte limit are the general path's again, and still read the same.
  check_agree(R"({"text":")" + std::string(700, 'b') + R"("})");
}

TEST_CASE("UTF-8 and DEL pass through the fast path as they are") {
  const std::string line = "{\"text\":\"caf\xC3\xA9 \xF0\x9F\x98\x80 \x7F ok\",\"user\":\"\xE5\xB0\x8F\"}";
  FlatJsonReader r;
  REQUIRE(r.parse_fast(line));
  CHECK(r.text.view == "caf\xC3\xA9 \xF0\x9F\x98\x80 \x7F ok");
  check_agree(line);
}

TEST_CASE("the id-user-text layout and its near misses read like the general path") {
  FlatJsonReader r;
  REQUIRE(r.parse_fast(R"({"id":"c1","user":"u","text":"x","ts":5})"));
  CHECK(r.text.view == "x");
  CHECK(r.ts.num == 5);
  REQUIRE(r.parse_fast(R"({"id":"","user":"","text":""})"));
  CHECK(r.id.kind == Kind::string);
  CHECK(r.text.view.empty());
  for (const char* line : {
           R"({"id":"c1","user":"u","text":"x","ts":5})",
           R"({"id":"c1","user":"u","text":"x","text":"y"})",
           R"({"id":"c1","user":"u","text":"x",})",
           R"({"id":"c1","user":"u","text":"x")",
           R"({"id":"c1","user":"u","text":"x"}})",
           R"({"id":"c1","user":"u","text":"x"})",
           R"({"id":"c1","user":"u","tex":"x"})",
           R"({"id":"c1","usr":"u","text":"x"})",
           R"({"id":"c1","user":"u","ts":1,"text":"x"})",
           R"({"id":"c1","user":7,"text":"x"})",
           R"({"id":"c1","user":"u","text":5})",
           R"({"id":"c1","user":"u","text":)",
           R"({"id":"c1","user":"u)",
           R"({"id":"c1)",
           R"({"id":")",
       }) {
    check_agree(line);
  }
}
