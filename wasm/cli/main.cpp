// etalase: the native command line face of the core.
//
//   etalase moderate [--level N] [--terms FILE] [--lexicon FILE ...] [--no-builtin]
//                    [--allow-domain D ...] [--rate N/S] [--repeats N]
//       NDJSON in ({"id","user","text","ts"} per line), one verdict line out per input line,
//       in order; a bad line gets {"error":"line N: ..."} and the run goes on.
//   etalase lint-lexicon FILE...
//   etalase lint-rules FILE...
//       FILE:LINE: message for each problem; exit 1 if any.
//   etalase lint-catalog [--reference FILE] FILE...
//       the same for UI catalogs (see lint_catalog.h); exit 1 on errors, not on warnings.
//
// Exit codes: 0 ok, 1 failure (unreadable file, bad lexicon or terms), 2 usage.
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <memory>
#include <string>
#include <vector>

#include "cli/json_reader.h"
#include "cli/lint_catalog.h"
#include "cli/read_file.h"
#include "core/moderation/lexicon.h"
#include "core/moderation/moderator.h"
#include "core/moderation/rule_vocab.h"
#include "core/text/normalize.h"

namespace {

using namespace etalase;

const char kUsage[] =
    "usage:\n"
    "  etalase moderate [--level N] [--terms FILE] [--lexicon FILE ...] [--no-builtin]\n"
    "                   [--allow-domain D ...] [--rate N/S] [--repeats N]\n"
    "                                            NDJSON comments in, NDJSON verdicts out\n"
    "  etalase lint-lexicon FILE...              check lexicon files (assets/lexicons)\n"
    "  etalase lint-rules FILE...                check rule vocabulary files (assets/rules)\n"
    "  etalase lint-catalog [--reference F] FILE...  check UI catalogs (i18n/*.json) against\n"
    "                                            English (default: en.json beside each FILE)\n"
    "\n"
    "  --level N         policy level 0 (off) to 4 (strictest), default 2\n"
    "  --terms FILE      moderator terms, one per line: '+term' permits, '-term' or 'term' blocks;\n"
    "                    'term<TAB>SECONDS' lapses for comments with ts >= SECONDS\n"
    "  --lexicon FILE    an extra lexicon file (same format as assets/lexicons)\n"
    "  --no-builtin      leave out the built-in lexicons\n"
    "  --allow-domain D  links to D (and its subdomains) pass, besides the defaults\n"
    "  --rate N/S        flood: at most N comments per user in S seconds (default 11/30)\n"
    "  --repeats N       flood: the same text at most N times per user in the window (default 3)\n";

// A usage error: the problem and where to look, in two lines (GNU's convention), exit 2.
int usage(const char* problem) {
  if (problem) std::fprintf(stderr, "etalase: %s\n", problem);
  std::fputs("Try 'etalase --help' for more information.\n", stderr);
  return 2;
}

// Buffered stdout. Verdicts are written in place (room() then commit()): no zero-filled
// string growth per line.
class Output {
 public:
  ~Output() { flush(); }
  char* room(size_t need) {
    if (len_ + need > cap_) {
      flush();
      if (need > cap_) {
        buf_.reset(new char[need]);
        cap_ = need;
      }
    }
    return buf_.get() + len_;
  }
  void commit(const char* end) { len_ = size_t(end - buf_.get()); }
  void append(std::string_view s) {
    char* w = room(s.size());
    std::memcpy(w, s.data(), s.size());
    commit(w + s.size());
  }
  void flush() {
    if (len_) std::fwrite(buf_.get(), 1, len_, stdout);
    len_ = 0;
  }

 private:
  std::unique_ptr<char[]> buf_{new char[1 << 16]};
  size_t cap_ = 1 << 16, len_ = 0;
};

int cmd_moderate(int argc, char** argv) {
  ModeratorOptions opt;
  bool builtin = true;
  std::vector<std::string> lexicon_files, term_files;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    // "--opt=value" as well as "--opt value".
    std::string inline_value;
    bool has_inline = false;
    if (a.rfind("--", 0) == 0 && a.find('=') != std::string::npos) {
      inline_value = a.substr(a.find('=') + 1);
      a.erase(a.find('='));
      has_inline = true;
    }
    auto value = [&](const char* name) -> const char* {
      if (has_inline) return inline_value.c_str();
      if (i + 1 >= argc) {
        std::fprintf(stderr, "etalase: %s needs a value\n", name);
        return nullptr;
      }
      return argv[++i];
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (a == "--level") {
      const char* v = value("--level");
      if (!v) return usage(nullptr);
      if (std::strlen(v) != 1 || v[0] < '0' || v[0] > '4') return usage("--level must be 0-4");
      opt.policy.overall = v[0] - '0';
    } else if (a == "--terms") {
      const char* v = value("--terms");
      if (!v) return usage(nullptr);
      term_files.push_back(v);
    } else if (a == "--lexicon") {
      const char* v = value("--lexicon");
      if (!v) return usage(nullptr);
      lexicon_files.push_back(v);
      while (!has_inline && i + 1 < argc && std::strncmp(argv[i + 1], "--", 2) != 0) lexicon_files.push_back(argv[++i]);
    } else if (a == "--allow-domain") {
      const char* v = value("--allow-domain");
      if (!v) return usage(nullptr);
      opt.allowed_domains.push_back(v);
      while (!has_inline && i + 1 < argc && std::strncmp(argv[i + 1], "--", 2) != 0) opt.allowed_domains.push_back(argv[++i]);
    } else if (a == "--rate") {
      // N/S: at most N messages per user in S seconds (YouTube's 11/30 is the default).
      const char* v = value("--rate");
      if (!v) return usage(nullptr);
      char* end = nullptr;
      long n = std::strtol(v, &end, 10);
      double secs = *end == '/' ? std::strtod(end + 1, &end) : -1;
      if (end == v || *end != '\0' || secs < 0 || n < INT32_MIN || n > INT32_MAX) return usage("--rate takes N/SECONDS, e.g. 11/30");
      opt.flood.max_messages = int(n);
      opt.flood.window_seconds = secs;
    } else if (a == "--repeats") {
      const char* v = value("--repeats");
      if (!v) return usage(nullptr);
      char* end = nullptr;
      long n = std::strtol(v, &end, 10);
      if (end == v || *end != '\0' || n < INT32_MIN || n > INT32_MAX) return usage("--repeats takes a number");
      opt.flood.max_repeats = int(n);
    } else if (a == "--no-builtin" && !has_inline) {
      builtin = false;
    } else {
      return usage(("unknown option '" + a + "'").c_str());
    }
  }
  if (!lexicon_files.empty() || !builtin) {
    if (builtin) {
      for (std::string_view t : builtin_lexicon_texts()) opt.lexicons.emplace_back(t);
    }
    for (const std::string& f : lexicon_files) {
      std::string text;
      if (!read_file(f.c_str(), &text)) {
        std::fprintf(stderr, "etalase: cannot read %s: %s\n", f.c_str(), std::strerror(errno));
        return 1;
      }
      opt.lexicons.push_back(std::move(text));
    }
    if (opt.lexicons.empty()) opt.lexicons.push_back("@lang\tnone\n");
  }
  auto created = Moderator::create(opt);
  if (!created) {
    std::fprintf(stderr, "etalase: %s\n", created.error().message.c_str());
    return 1;
  }
  std::unique_ptr<Moderator> mod = std::move(*created);
  // Terms from every file are applied in one batch: one build of their automaton.
  std::vector<TermSpec> terms;
  std::vector<std::string> term_lines;  // "FILE:LINE" of each term, for errors
  for (const std::string& f : term_files) {
    std::string text;
    if (!read_file(f.c_str(), &text)) {
      std::fprintf(stderr, "etalase: cannot read %s: %s\n", f.c_str(), std::strerror(errno));
      return 1;
    }
    size_t pos = 0;
    int line = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      std::string t = text.substr(pos, nl - pos);
      pos = nl + 1;
      ++line;
      while (!t.empty() && (t.back() == '\r' || t.back() == ' ' || t.back() == '\t')) t.pop_back();
      size_t b = t.find_first_not_of(" \t");
      if (b == std::string::npos || t[b] == '#') continue;
      t = t.substr(b);
      TermMode mode = TermMode::block;
      if (t[0] == '+' || t[0] == '-') {
        mode = t[0] == '+' ? TermMode::permit : TermMode::block;
        t = t.substr(1);
      }
      // "term<TAB>SECONDS": the term lapses for comments whose ts is at or past SECONDS.
      double expires_at = -1;
      size_t tab = t.find('\t');
      if (tab != std::string::npos) {
        std::string when = t.substr(tab + 1);
        char* end = nullptr;
        expires_at = std::strtod(when.c_str(), &end);
        if (when.empty() || *end != '\0' || !std::isfinite(expires_at) || expires_at < 0) {
          std::fprintf(stderr, "%s:%d: after the tab comes when the term lapses, in comment seconds (ts)\n", f.c_str(), line);
          return 1;
        }
        t.erase(tab);
      }
      terms.push_back(TermSpec{t, mode, expires_at});
      term_lines.push_back(f + ":" + std::to_string(line));
    }
  }
  if (!terms.empty() && !mod->set_terms(terms).ok()) {
    // Only now, on the error path, each term is checked alone to name its file and line.
    for (size_t k = 0; k < terms.size(); ++k) {
      std::string problem = check_term(terms[k].pattern);
      if (!problem.empty()) {
        std::fprintf(stderr, "%s: %s\n", term_lines[k].c_str(), problem.c_str());
        return 1;
      }
    }
    return 1;
  }

  FlatJsonReader reader;
  Verdict verdict;
  Output out;
  std::string err;
  size_t line_no = 0;
  auto handle = [&](std::string_view line) {
    ++line_no;
    // A byte order mark before the first line (files saved by some editors) is not part
    // of the JSON, as the browser's reader of the same file would not see it.
    if (line_no == 1 && line.size() >= 3 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t b = 0;
    while (b < line.size() && (line[b] == ' ' || line[b] == '\t')) ++b;
    if (b == line.size()) return;  // blank lines are skipped
    auto error = [&](const std::string& m) {
      std::string o = "{\"error\":";
      append_json_string(o, "line " + std::to_string(line_no) + ": " + m);
      o.append("}\n");
      out.append(o);
    };
    if (!reader.parse(line, &err)) {
      error("invalid JSON: " + err);
    } else if (reader.text.kind == FlatJsonReader::Kind::absent) {
      error("missing \"text\"");
    } else if (reader.text.kind != FlatJsonReader::Kind::string) {
      error("\"text\" must be a string");
    } else {
      bool id_ok = reader.id.kind == FlatJsonReader::Kind::string || reader.id.kind == FlatJsonReader::Kind::number;
      std::string_view id = id_ok ? reader.id.view : std::string_view();
      std::string_view user = reader.user.kind == FlatJsonReader::Kind::string ? reader.user.view : std::string_view();
      double ts = reader.ts.kind == FlatJsonReader::Kind::number ? reader.ts.num : -1;
      mod->moderate_into(Comment{id, user, reader.text.view, ts}, verdict);
      char* w = write_verdict_json(out.room(verdict_json_bound(id, verdict) + 1), id, verdict);
      *w++ = '\n';
      out.commit(w);
    }
  };
  // stdin is read straight into one buffer and each line handled where it lies; only a
  // partial last line moves to the front before the next read, and the buffer doubles
  // when one line outgrows it.
  size_t cap = 1 << 20, len = 0;
  std::unique_ptr<char[]> buf(new char[cap]);
  for (;;) {
    if (len == cap) {
      std::unique_ptr<char[]> bigger(new char[cap * 2]);
      std::memcpy(bigger.get(), buf.get(), len);
      buf.swap(bigger);
      cap *= 2;
    }
    size_t n = std::fread(buf.get() + len, 1, cap - len, stdin);
    if (n == 0) break;
    size_t start = 0, from = len;  // no newline before `from`: it was searched last time
    len += n;
    while (const void* nl = std::memchr(buf.get() + from, '\n', len - from)) {
      size_t end = size_t(static_cast<const char*>(nl) - buf.get());
      handle(std::string_view(buf.get() + start, end - start));
      start = from = end + 1;
    }
    std::memmove(buf.get(), buf.get() + start, len - start);
    len -= start;
  }
  if (len) handle(std::string_view(buf.get(), len));
  out.flush();
  std::fflush(stdout);
  return 0;
}

using LintFn = std::vector<LexiconIssue> (*)(std::string_view, Normalizer&);

int cmd_lint(const char* cmd, LintFn lint, int argc, char** argv) {
  if (argc == 0) return usage((std::string(cmd) + " needs at least one file").c_str());
  Normalizer norm;
  bool problems = false;
  for (int i = 0; i < argc; ++i) {
    std::string text;
    if (!read_file(argv[i], &text)) {
      std::printf("%s: cannot read\n", argv[i]);
      problems = true;
      continue;
    }
    for (const LexiconIssue& is : lint(text, norm)) {
      problems = true;
      if (is.line > 0) std::printf("%s:%d: %s\n", argv[i], is.line, is.message.c_str());
      else std::printf("%s: %s\n", argv[i], is.message.c_str());
    }
  }
  return problems ? 1 : 0;
}

}  // namespace

#ifndef ETALASE_VERSION
#define ETALASE_VERSION "dev"
#endif

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // Compiling the lexicons makes and frees tables of a few hundred kilobytes. By default
  // glibc maps each of those afresh and unmaps it on free, so every reuse faults its pages
  // in again (a third of start-up on a virtual machine); from the heap, freed pages are
  // reused as they are.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
  if (argc < 2) return usage("a command is needed (moderate, lint-lexicon, lint-rules, lint-catalog)");
  std::string cmd = argv[1];
  if (cmd == "moderate") return cmd_moderate(argc - 2, argv + 2);
  if (cmd == "lint-lexicon") return cmd_lint("lint-lexicon", &lint_lexicon, argc - 2, argv + 2);
  if (cmd == "lint-rules") return cmd_lint("lint-rules", &lint_rule_vocab, argc - 2, argv + 2);
  if (cmd == "lint-catalog") return cmd_lint_catalog(argc - 2, argv + 2);
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (cmd == "--version") {
    std::printf("etalase %s\n", ETALASE_VERSION);
    return 0;
  }
  return usage(("unknown command '" + cmd + "'").c_str());
}
