#include "cli/lint_catalog.h"

#include <climits>
#include <cstdlib>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/read_file.h"
#include "core/i18n/message.h"

namespace etalase {

namespace {

using Json = nlohmann::json;

// One catalog as read: its messages in file order, or why it could not be read.
struct Catalog {
  std::string path;
  std::string text;
  std::vector<std::pair<std::string, std::string>> messages;
};

int line_at(const std::string& text, size_t byte) {
  byte = std::min(byte, text.size());
  return 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(byte), '\n'));
}

// The line of the `nth` `"key":` in the file (keys are found by their JSON spelling), or 0.
int key_line(const Catalog& c, const std::string& key, int nth = 1) {
  std::string quoted = Json(key).dump();
  for (size_t at = c.text.find(quoted); at != std::string::npos; at = c.text.find(quoted, at + 1)) {
    size_t after = at + quoted.size();
    while (after < c.text.size() && std::strchr(" \t\r\n", c.text[after])) ++after;
    if (after < c.text.size() && c.text[after] == ':' && --nth == 0) return line_at(c.text, at);
  }
  return 0;
}

class Report {
 public:
  void error(const Catalog& c, int line, const std::string& what) {
    say(c, line, "", what);
    ++errors;
  }
  void warning(const Catalog& c, int line, const std::string& what) {
    say(c, line, "warning: ", what);
    ++warnings;
  }
  int errors = 0, warnings = 0;

 private:
  static void say(const Catalog& c, int line, const char* kind, const std::string& what) {
    if (line > 0) std::printf("%s:%d: %s%s\n", c.path.c_str(), line, kind, what.c_str());
    else std::printf("%s: %s%s\n", c.path.c_str(), kind, what.c_str());
  }
};

// Reads and checks the shape of one catalog: JSON, one flat object, string values, no key
// twice. Returns false (with the problems reported) when it cannot be used further.
bool load(Catalog& c, Report& report) {
  if (!read_file(c.path.c_str(), &c.text)) {
    report.error(c, 0, "cannot read the file");
    return false;
  }
  std::set<std::string> seen;
  std::vector<std::string> twice;
  Json doc;
  try {
    // nlohmann keeps the last of two equal keys without a word: watch the keys go by.
    doc = Json::parse(c.text, [&](int depth, Json::parse_event_t event, Json& parsed) {
      if (event == Json::parse_event_t::key && depth == 1 && !seen.insert(parsed.get<std::string>()).second) {
        twice.push_back(parsed.get<std::string>());
      }
      return true;
    });
  } catch (const Json::parse_error& e) {
    // e.what(): "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
    const char* what = std::strchr(e.what(), ']');
    report.error(c, line_at(c.text, e.byte > 0 ? e.byte - 1 : 0),
                 std::string("not valid JSON: ") + (what ? what + 2 : e.what()));
    return false;
  }
  if (!doc.is_object()) {
    report.error(c, 1, "a catalog is one JSON object of \"key\": \"message\" pairs");
    return false;
  }
  for (const std::string& key : twice) {
    report.error(c, key_line(c, key, 2), "\"" + key + "\" is there twice (the last one wins)");
  }
  bool usable = true;
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    if (!it.value().is_string()) {
      report.error(c, key_line(c, it.key()), "\"" + it.key() + "\": the message must be a string");
      usable = false;
      continue;
    }
    c.messages.emplace_back(it.key(), it.value().get<std::string>());
  }
  return usable;
}

std::string braced(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "{" : ", {") + n + "}";
  return s.empty() ? "no arguments" : s;
}

std::string default_reference(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + "en.json";
}

bool same_file(const std::string& a, const std::string& b) {
  if (a == b) return true;
  char ra[PATH_MAX], rb[PATH_MAX];
  return realpath(a.c_str(), ra) && realpath(b.c_str(), rb) && std::strcmp(ra, rb) == 0;
}

void lint(Catalog& c, const Catalog* ref, Report& report) {
  // English's argument names per key, to compare the translations' with.
  std::map<std::string, std::vector<std::string>> ref_names;
  std::set<std::string> ref_keys;
  if (ref) {
    for (const auto& [key, message] : ref->messages) {
      ref_keys.insert(key);
      auto names = message_argument_names(message);
      if (names.ok()) ref_names[key] = *names;
    }
  }
  std::set<std::string> have;
  for (const auto& [key, message] : c.messages) {
    have.insert(key);
    auto names = message_argument_names(message);
    if (!names.ok()) {
      report.error(c, key_line(c, key), "\"" + key + "\": " + names.error().message);
      continue;
    }
    if (!ref) continue;
    auto it = ref_names.find(key);
    if (it == ref_names.end()) {
      if (!ref_keys.count(key)) report.warning(c, key_line(c, key), "\"" + key + "\" is not in " + ref->path + " (no page uses it)");
      continue;
    }
    std::vector<std::string> unknown;
    std::set_difference(names->begin(), names->end(), it->second.begin(), it->second.end(), std::back_inserter(unknown));
    if (!unknown.empty()) {
      report.error(c, key_line(c, key),
                   "\"" + key + "\": uses " + braced(unknown) + ", which the English message does not (it has " +
                       braced(it->second) + "); the page would show it raw");
    }
  }
  if (!ref) return;
  // A group of keys not translated at all ("console.*" in a locale only the viewer speaks)
  // is one line, not one per key, so a missing key that matters is not lost among them.
  auto group_of = [](const std::string& key) { return key.substr(0, key.find('.')); };
  std::map<std::string, int> missing_in_group;
  std::set<std::string> groups_present, groups_said;
  for (const std::string& key : have) groups_present.insert(group_of(key));
  for (const auto& [key, message] : ref->messages) {
    if (!have.count(key)) ++missing_in_group[group_of(key)];
  }
  for (const auto& [key, message] : ref->messages) {
    if (have.count(key)) continue;
    std::string group = group_of(key);
    if (!groups_present.count(group) && missing_in_group[group] > 1) {
      if (groups_said.insert(group).second) {
        report.warning(c, 0, "all " + std::to_string(missing_in_group[group]) + " \"" + group +
                                 ".*\" keys are missing (shown in English until translated)");
      }
      continue;
    }
    report.warning(c, 0, "\"" + key + "\" is missing (shown in English until translated)");
  }
}

}  // namespace

int cmd_lint_catalog(int argc, char** argv) {
  std::string reference;
  std::vector<std::string> files;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--reference") == 0 && i + 1 < argc) reference = argv[++i];
    else files.emplace_back(argv[i]);
  }
  if (files.empty()) {
    std::fputs("etalase: lint-catalog needs at least one file\n", stderr);
    return 2;
  }
  Report report;
  std::map<std::string, Catalog> refs;  // by path, each read (and reported) once
  for (const std::string& path : files) {
    std::string ref_path = reference.empty() ? default_reference(path) : reference;
    const Catalog* ref = nullptr;
    if (!same_file(path, ref_path)) {
      auto found = refs.find(ref_path);
      if (found == refs.end()) {
        Catalog r;
        r.path = ref_path;
        if (!load(r, report)) r.messages.clear();
        found = refs.emplace(ref_path, std::move(r)).first;
      }
      if (!found->second.messages.empty()) ref = &found->second;
    }
    Catalog c;
    c.path = path;
    if (load(c, report)) lint(c, ref, report);
  }
  std::printf("%d error%s, %d warning%s\n", report.errors, report.errors == 1 ? "" : "s", report.warnings,
              report.warnings == 1 ? "" : "s");
  return report.errors ? 1 : 0;
}

}  // namespace etalase
