// Moderator: decides what happens to one chat comment.
//
//   etalase::ModeratorOptions opt;                 // built-in lexicons, default policy
//   auto mod = etalase::Moderator::create(opt);    // Expected<std::unique_ptr<Moderator>>
//   etalase::Verdict v = (*mod)->moderate({"c1", "budi", "dasar 4nj1ng", 12.5});
//   // v.action == Action::mask, v.spans[0] covers "4nj1ng" in UTF-16 units of the original text
//
// The core is platform-free: no I/O, no clocks. Lexicon texts come in through options
// (the CLI reads files, the wasm build embeds them); time comes in with each comment.
// One Moderator is single-threaded and keeps per-user flood state between calls.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/moderation/categories.h"
#include "core/moderation/result.h"

namespace etalase {

enum class Action : uint8_t { allow = 0, mask = 1, hold = 2, block = 3 };
const char* action_name(Action a);

// A matched stretch of the ORIGINAL text, in UTF-16 code units (what JS string indices use).
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string rule;  // rule id, e.g. "lexicon.id.insult", "contact.phone", "term.block"
};

struct Comment {
  std::string_view id;
  std::string_view user;
  std::string_view text;  // UTF-8; invalid sequences are handled, never trusted
  double ts = -1;         // seconds; negative = unknown (flood rules by time then skip it)
};

struct Verdict {
  Action action = Action::allow;
  CategorySet categories;      // the categories the policy acted on (empty when allowed)
  std::vector<Span> spans;     // what was acted on, sorted by start
  std::string masked;          // the original text with spans starred (valid UTF-8)
  std::vector<std::string> reasons;  // rule ids, de-duplicated, in order of first appearance
};

// Twitch-AutoMod-like levels: 0 = off, 4 = strictest. A category's own level overrides
// `overall` when it is set (>= 0).
struct Policy {
  int overall = 2;
  int level[kCategoryCount] = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
  int level_for(Category c) const { return level[int(c)] >= 0 ? level[int(c)] : overall; }
};

struct FloodOptions {
  int max_messages = 11;        // per user per window (YouTube: 11 per 30 s)
  double window_seconds = 30;
  int max_repeats = 3;          // same text from one user within the window
  int max_same_text_users = 5;  // same text from this many users within the window
  // Only texts of at least this many symbols (once folded) count for the rule above:
  // "mau kak" or "ready?" from many viewers at once is a live chat doing its job.
  size_t same_text_min_length = 20;
  // Bounds on the state (least recently seen users / texts are forgotten first).
  size_t max_tracked_users = 8192;
  size_t max_tracked_texts = 8192;
};

struct ModeratorOptions {
  // Lexicon sources: the text of each lexicon file (format: assets/lexicons/README.md).
  // Empty = the built-in lexicons compiled into the binary.
  std::vector<std::string> lexicons;
  // Rule vocabulary sources (format: assets/rules/README.md). Empty = the built-in ones.
  std::vector<std::string> rules;
  std::vector<std::string> allowed_domains = {  // links to these (and subdomains) pass
      "shopee.co.id", "tokopedia.com", "tiktok.com", "lazada.co.id", "blibli.com", "bukalapak.com"};
  Policy policy;
  FloodOptions flood;
  size_t max_comment_bytes = 2000;  // longer input is cut (and the verdict says so)
  // Review aid: each lexicon entry reports its own rule id, "lexicon.<lang>:<line>", instead
  // of "lexicon.<lang>.<category>" (a test uses it to find entries no corpus line reaches).
  bool rule_per_entry = false;
};

enum class TermMode : uint8_t { block, permit };

// One moderator term (for set_terms): pattern, mode, and when it lapses (< 0 = never).
struct TermSpec {
  std::string pattern;
  TermMode mode = TermMode::block;
  double expires_at = -1;
};

// Whether `pattern` is a term a moderator can hold: the same check add_term and set_terms
// make, for consoles to refuse a term before it is saved. Empty = fine, else why not.
std::string check_term(std::string_view pattern);

class Moderator {
 public:
  static Expected<std::unique_ptr<Moderator>> create(const ModeratorOptions& options);
  virtual ~Moderator() = default;

  virtual Verdict moderate(const Comment& c) = 0;
  // The same, reusing `out`'s buffers (no allocation per comment once they are warm).
  virtual void moderate_into(const Comment& c, Verdict& out) = 0;

  // Moderator terms, effective at once. `*` at either end is a wildcard (Discord's
  // semantics: "mur*" matches words starting with "mur", "*mur*" anywhere, "mur*h" is
  // start + end). expires_at < 0 = never; compared with Comment::ts.
  virtual Status add_term(std::string_view pattern, TermMode mode, double expires_at) = 0;
  virtual bool remove_term(std::string_view pattern) = 0;
  // Replaces every term at once, building their automaton once (add_term rebuilds it each
  // time: n terms one by one cost n builds). On an error the old terms stay, and the error
  // names the term; a pattern given twice keeps its last mode and expiry.
  virtual Status set_terms(const std::vector<TermSpec>& terms) = 0;
  virtual void set_policy(const Policy& p) = 0;
  virtual const Policy& policy() const = 0;
};

// One NDJSON verdict line (without newline): {"id","action","categories","spans","masked"}.
std::string verdict_to_json(std::string_view id, const Verdict& v);
// The same, appended to `out`.
void append_verdict_json(std::string& out, std::string_view id, const Verdict& v);
// The same, written at `w` (room for verdict_json_bound bytes); returns the end. `ascii`
// escapes non-ASCII as \uXXXX: the same JSON values in pure ASCII.
enum class JsonText { utf8, ascii };
size_t verdict_json_bound(std::string_view id, const Verdict& v);
char* write_verdict_json(char* w, std::string_view id, const Verdict& v, JsonText text = JsonText::utf8);
// Appends `s` as a JSON string literal (quotes included); ill-formed UTF-8 becomes U+FFFD.
void append_json_string(std::string& out, std::string_view s);

// The built-in lexicon texts, generated at build time from assets/lexicons/*.tsv.
const std::vector<std::string_view>& builtin_lexicon_texts();

}  // namespace etalase
