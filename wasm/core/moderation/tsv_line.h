// The line format shared by lexicon and rule vocabulary files: tab-separated fields, '#'
// comments, '@' directives. Small pure functions, used at load time only.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace etalase::tsv {

inline std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

// Cuts a comment: '#' at the start of the line or after whitespace.
inline std::string_view strip_comment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return line.substr(0, i);
    }
  }
  return line;
}

inline std::vector<std::string_view> split_tabs(std::string_view s) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\t') {
      std::string_view f = trim(s.substr(b, i - b));
      if (!f.empty() || i < s.size()) out.push_back(f);
      b = i + 1;
    }
  }
  // Several tabs in a row (columns aligned with tabs) leave empty fields: drop them.
  std::vector<std::string_view> kept;
  for (auto f : out) {
    if (!f.empty()) kept.push_back(f);
  }
  return kept;
}

inline std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.emplace_back(s.substr(b, i - b));
  }
  return out;
}

// Calls f(line_no, line) for each line with something left once a byte order mark (first
// line), a comment and surrounding blanks are cut; numbers count every line from 1.
template <typename F>
void for_each_line(std::string_view text, F f) {
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line_no == 1 && raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
    std::string_view line = trim(strip_comment(raw));
    if (!line.empty()) f(line_no, line);
  }
}

}  // namespace etalase::tsv
