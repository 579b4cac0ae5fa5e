// libFuzzer target: bytes in as a comment (plus a user id and a time derived from them)
// into one long-lived Moderator; invariants checked with __builtin_trap.
//   - spans lie within the original text (UTF-16 units), sorted by start, non-empty rules
//   - allow <=> no spans, no reasons, no categories
//   - masked is valid UTF-8; the JSON line is valid UTF-8 and framed as an object
//   - the ICU path agrees with the fast path on ASCII input
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/moderation/engine.h"
#include "core/moderation/moderator.h"
#include "core/text/utf8.h"

using namespace etalase;

namespace {

std::unique_ptr<Moderator> make(bool force_icu) {
  ModeratorOptions o;  // built-in lexicons
  o.policy.overall = 4;
  o.flood.max_tracked_users = 64;
  o.flood.max_tracked_texts = 64;
  auto m = Moderator::create(o);
  if (!m) __builtin_trap();
  std::unique_ptr<Moderator> p = std::move(*m);
  if (force_icu) dynamic_cast<Engine&>(*p).set_force_icu(true);
  p->add_term("mur*", TermMode::block, -1);
  p->add_term("ba*h", TermMode::block, 1000);
  p->add_term("*aman*", TermMode::permit, -1);
  return p;
}

uint32_t units(std::string_view s) {
  uint32_t n = 0;
  for (Utf8Reader rd(s); !rd.done();) n += rd.next() >= 0x10000 ? 2 : 1;
  return n;
}

void check(std::string_view text, const Verdict& v) {
  uint32_t len = units(text);
  uint32_t prev = 0;
  for (const Span& s : v.spans) {
    if (s.start > s.end || s.end > len || s.start < prev || s.rule.empty()) __builtin_trap();
    prev = s.start;
  }
  bool allowed = v.action == Action::allow;
  if (allowed != v.spans.empty() || allowed != v.reasons.empty() || allowed != v.categories.empty()) {
    // term.block acts without a category: categories may be empty when not allowed
    if (allowed || !v.categories.empty() || v.spans.empty()) __builtin_trap();
  }
  if (!utf8::valid(v.masked)) __builtin_trap();
  if (text.size() <= 2000 && allowed) {
    // an allowed comment comes back unchanged (bad bytes replaced)
    std::string expect;
    utf8::append_sanitized(expect, text);
    if (expect != v.masked) __builtin_trap();
  }
  std::string json = verdict_to_json("fuzz", v);
  if (!utf8::valid(json) || json.front() != '{' || json.back() != '}') __builtin_trap();
  for (unsigned char c : json) {
    if (c < 0x20) __builtin_trap();  // control characters must be escaped
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<Moderator> fast = make(false);
  static std::unique_ptr<Moderator> icu = make(true);
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string user = "u" + std::to_string(size ? data[0] % 8 : 0);
  double ts = size > 1 ? double(data[1]) : -1;
  Verdict v = fast->moderate(Comment{"f", user, text, ts});
  check(text, v);
  // Both moderators see every input (their flood state stays in step).
  Verdict w = icu->moderate(Comment{"f", user, text, ts});
  check(text, w);
  if (utf8::is_ascii(text) && verdict_to_json("f", v) != verdict_to_json("f", w)) __builtin_trap();
  return 0;
}
