// A small, fast reader for the flat JSON objects of NDJSON input lines:
//   {"id":"c1","user":"budi","text":"halo kak","ts":12.5}
// Strings with every escape (\uXXXX, surrogate pairs; a lone surrogate becomes U+FFFD),
// numbers, true/false/null; nested objects and arrays are skipped. No allocation per line
// once the buffers are warm.
#pragma once
#include <string>
#include <string_view>

namespace etalase {

class FlatJsonReader {
 public:
  enum class Kind { absent, string, number, boolean, null, nested };
  struct Field {
    Kind kind = Kind::absent;
    std::string str;     // decoded string (when it had escapes), or the number's text
    std::string_view view;  // the decoded string: into the line itself when it had no
                            // escapes (no copy), else into `str`; valid until the next parse
    double num = 0;
  };

  // Parses one line; on failure returns false and sets *error (no line number).
  // Only the keys named below are kept. Compact lines without escapes (nearly all input)
  // take a fast path; anything else, errors included, goes the general way.
  bool parse(std::string_view line, std::string* error) {
    return parse_fast(line) || parse_general(line, error);
  }
  // The two paths alone, for tests: the fast one returns false for every line it leaves to
  // the general one (escapes, control characters, whitespace, nesting, bad JSON), which
  // then starts over; the general one is the reference the fast one is checked against.
  bool parse_fast(std::string_view line);
  bool parse_general(std::string_view line, std::string* error);

  Field id, user, text, ts;

 private:
  Field* field_for(std::string_view key);
  // Decodes the string at p_ into *view: a slice of the line when it has no escapes, else
  // decoded into *buf.
  bool parse_string(std::string* buf, std::string_view* view);
  bool string_at(const char*& p, const char* end, std::string* buf, std::string_view* view);
  // The rest of a string from p_ (its plain start at `first`), when it has escapes.
  bool parse_escaped(const char* first, std::string* buf, std::string_view* view);
  bool skip_value();
  bool parse_value(const char*& p, const char* end, Field* f);
  bool parse_other(Field* f);
  const char* p_ = nullptr;
  const char* end_ = nullptr;
  Field ignored_;  // values of other keys
  std::string key_;
  std::string scratch_;
  std::string err_;
};

}  // namespace etalase
