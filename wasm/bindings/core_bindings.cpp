// The only code that knows JavaScript. Exports an explicit list; pages never call these
// directly but go through web/moderation.mjs, web/overlay.mjs and web/i18n.mjs.
//
// Verdicts cross as the same JSON line the CLI prints (verdict_to_json), so the browser and
// the CLI cannot drift apart: same core, same bytes.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>

#include "bindings/js_bytes.h"
#include "core/i18n/message.h"
#include "core/i18n/money.h"
#include "core/moderation/levels.h"
#include "core/moderation/moderator.h"
#include "core/shop/product_card.h"
#include "core/text/icu_data.h"

using emscripten::val;
using namespace etalase;

namespace {

val error_value(const std::string& message) {
  val out = val::object();
  out.set("error", message);
  return out;
}

// Returns "" on success or a message naming what is missing.
std::string install_icu(val bytes) {
  static std::string data;  // ICU reads from it for the life of the page
  data = bytes_from_js(bytes);
  Status st = install_icu_data(data.data(), data.size());
  if (!st.ok()) return st.error().message;
  // What prices and strings need now; moderation's part is probed with the first moderator.
  st = check_icu_formatting();
  return st.ok() ? "" : st.error().message;
}

// "" or what is missing: the ICU services moderation needs, probed once per page when the
// first moderator is made (install_icu leaves them out to reach the first frame sooner).
std::string check_moderation_data() {
  static const Status st = check_icu_moderation();
  return st.ok() ? "" : st.error().message;
}

MoneyFormatter& money() {
  static MoneyFormatter f;
  return f;
}

// The core's own check of a moderator term, for the console: "" or why it is refused.
std::string check_term_js(const std::string& pattern) { return check_term(pattern); }

// The level table (core/moderation/levels.h) for the console's settings, so the page
// describes the levels with the engine's own numbers.
val level_table() {
  val t = val::object();
  t.set("min", kLevelMin);
  t.set("max", kLevelMax);
  t.set("defaultLevel", kDefaultLevel);
  val words = val::array(), rules = val::array(), holds = val::array();
  for (int l = kLevelMin; l <= kLevelMax; ++l) {
    words.call<void>("push", int(kWordMinSeverity[l]));
    rules.call<void>("push", int(kRuleMinSeverity[l]));
    holds.call<void>("push", level_holds_masks(l));
  }
  t.set("wordMinSeverity", words);
  t.set("ruleMinSeverity", rules);
  t.set("holdsMasks", holds);
  val word_cats = val::array(), rule_cats = val::array();
  for (int c = 0; c < kCategoryCount; ++c) {
    (is_word_category(Category(c)) ? word_cats : rule_cats).call<void>("push", std::string(category_name(Category(c))));
  }
  t.set("wordCategories", word_cats);
  t.set("ruleCategories", rule_cats);
  return t;
}

val format_money(double amount, const std::string& currency, const std::string& locale) {
  auto r = money().format(amount, currency, locale);
  if (!r) return error_value(r.error().message);
  val out = val::object();
  out.set("value", *r);
  return out;
}

// The price lines of a product as the pinned card shows them (price, struck original,
// discount), for the product sheet: one formatting, so card and sheet never differ.
val format_prices(double price, double original, const std::string& currency, const std::string& locale) {
  auto t = product_card_text({"", price, original, currency}, locale, money());
  if (!t) return error_value(t.error().message);
  val out = val::object();
  out.set("price", t->price);
  out.set("originalPrice", t->original_price);
  out.set("discount", t->discount);
  return out;
}

// args: a plain object of names to numbers or strings.
val format_message_js(const std::string& pattern, const std::string& locale, val args) {
  MessageArgs list;
  if (!args.isUndefined() && !args.isNull()) {
    val keys = val::global("Object").call<val>("keys", args);
    unsigned n = keys["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) {
      std::string k = keys[i].as<std::string>();
      val v = args[k];
      if (v.isNumber()) list.emplace_back(k, v.as<double>());
      else list.emplace_back(k, v.isString() ? v.as<std::string>() : val::global("String")(v).as<std::string>());
    }
  }
  auto r = format_message(pattern, locale, list);
  if (!r) return error_value(r.error().message);
  val out = val::object();
  out.set("value", *r);
  return out;
}

// A level is an integer from kLevelMin to kLevelMax, as the CLI's --level: anything else
// (NaN, -1, 2.5, 7, "2") is refused with its name rather than clamped or read as "off".
bool level_from(const val& v, int* out, const std::string& name, std::string* error) {
  if (v.isUndefined() || v.isNull()) return true;
  double d = v.isNumber() ? v.as<double>() : NAN;
  if (!(d >= kLevelMin && d <= kLevelMax) || d != std::floor(d)) {
    *error = name + " must be a whole number from " + std::to_string(kLevelMin) + " to " + std::to_string(kLevelMax);
    return false;
  }
  *out = int(d);
  return true;
}

// The policy in `o` ({level, levels: {category: level}}), or an error naming the bad value.
Policy policy_from(const val& o, std::string* error) {
  Policy p;
  if (o.isUndefined() || o.isNull()) return p;
  if (!level_from(o["level"], &p.overall, "level", error)) return p;
  val levels = o["levels"];
  if (!levels.isUndefined() && !levels.isNull()) {
    for (int i = 0; i < kCategoryCount; ++i) {
      std::string name(category_name(Category(i)));
      if (!level_from(levels[name], &p.level[i], "levels." + name, error)) return p;
    }
  }
  return p;
}

// Constructed from JS as `new core.Moderator(options)`; a failed creation leaves error() set.
class JsModerator {
 public:
  explicit JsModerator(val options) {
    ModeratorOptions opt;
    opt.policy = policy_from(options, &error_);
    if (!error_.empty()) return;
    val domains = options.isUndefined() || options.isNull() ? val::undefined() : options["allowedDomains"];
    if (!domains.isUndefined() && !domains.isNull()) {
      opt.allowed_domains.clear();
      unsigned n = domains["length"].as<unsigned>();
      for (unsigned i = 0; i < n; ++i) opt.allowed_domains.push_back(domains[i].as<std::string>());
    }
    val flood = options.isUndefined() || options.isNull() ? val::undefined() : options["flood"];
    if (!flood.isUndefined() && !flood.isNull()) {
      // Numbers only; Moderator::create says which value is out of range (a count beyond
      // int is clamped first: the cast alone would be undefined).
      auto count = [&](const char* name, int& field) {
        val v = flood[name];
        if (!v.isNumber()) return;
        double d = v.as<double>();
        field = std::isnan(d) ? 0 : d <= INT_MIN ? INT_MIN : d >= INT_MAX ? INT_MAX : int(d);
      };
      count("maxMessages", opt.flood.max_messages);
      count("maxRepeats", opt.flood.max_repeats);
      count("maxSameTextUsers", opt.flood.max_same_text_users);
      if (flood["windowSeconds"].isNumber()) opt.flood.window_seconds = flood["windowSeconds"].as<double>();
    }
    auto m = Moderator::create(opt);
    if (m) m_ = std::move(*m);
    else error_ = m.error().message;
  }
  std::string error() const { return error_; }
  std::string moderate(const std::string& id, const std::string& user, const std::string& text, double ts) {
    // One Verdict, reused: its buffers stay warm between calls.
    m_->moderate_into(Comment{id, user, text, ts}, verdict_);
    std::string out;
    out.reserve(text.size() + id.size() + 96);
    append_verdict_json(out, id, verdict_);
    return out;
  }
  // Many comments in one call (one text per line in, NDJSON verdicts out): the benchmark
  // measures the core through it without per-call JS overhead.
  //
  // The text crosses into wasm through TextEncoder.encodeInto and the verdicts come back
  // through one TextDecoder.decode over wasm memory: embind's std::string conversion walks
  // every byte in JS (twice each way) and cost as much as moderating. moderation.mjs hands
  // over well-formed strings only (lone surrogates already U+FFFD); any other string takes
  // embind's conversion.
  val moderate_lines(val texts) {
    std::string_view in;
    std::string fallback;
    // The JS helpers, made once (the page lives as long as the module).
    static const bool well_formed =
        val::global("String")["prototype"]["isWellFormed"].typeOf().as<std::string>() == "function";
    static const val encoder = val::global("TextEncoder").new_();
    static const val decoder = val::global("TextDecoder").new_();
    if (well_formed && texts.isString() && texts.call<bool>("isWellFormed")) {
      size_t units = texts["length"].as<size_t>();
      size_t need = units * 3 + 1;  // UTF-8 bytes per UTF-16 unit: at most 3
      if (in_cap_ < need) {
        in_buf_.reset(new char[need]);
        in_cap_ = need;
      }
      val r = encoder.call<val>("encodeInto", texts,
                                 val(emscripten::typed_memory_view(need, reinterpret_cast<uint8_t*>(in_buf_.get()))));
      in = std::string_view(in_buf_.get(), r["written"].as<size_t>());
    } else {
      fallback = texts.as<std::string>();
      in = fallback;
    }
    out_len_ = 0;
    size_t start = 0;
    uint32_t n = 0;
    char id[16];
    // Every '\n' ends a line, so "a\n" is two texts, the second empty; "" is none.
    while (!in.empty() && start <= in.size()) {
      size_t end = in.find('\n', start);
      if (end == std::string::npos) end = in.size();
      // The line number as the id, written in place (no std::to_string per line).
      std::string_view idv(id, size_t(std::to_chars(id, id + sizeof id, n++).ptr - id));
      m_->moderate_into(Comment{idv, "bench", in.substr(start, end - start), -1}, verdict_);
      char* w = out_room(verdict_json_bound(idv, verdict_) + 1);
      w = write_verdict_json(w, idv, verdict_, JsonText::ascii);
      *w++ = '\n';
      out_len_ = size_t(w - out_buf_.get());
      start = end + 1;
    }
    // Pure ASCII (non-ASCII escaped as \uXXXX): TextDecoder copies it into a one-byte string
    // instead of decoding UTF-8, which cost twice as much whenever a batch held one emoji.
    return decoder.call<val>(
        "decode", val(emscripten::typed_memory_view(out_len_, reinterpret_cast<const uint8_t*>(out_buf_.get()))));
  }
  std::string add_term(const std::string& pattern, bool permit, double expires_at) {
    Status st = m_->add_term(pattern, permit ? TermMode::permit : TermMode::block, expires_at);
    return st.ok() ? "" : st.error().message;
  }
  bool remove_term(const std::string& pattern) { return m_->remove_term(pattern); }
  // [{pattern, permit, expiresAt}] replacing every term in one build; "" or why not.
  std::string set_terms(val list) {
    std::vector<TermSpec> specs;
    unsigned n = list["length"].as<unsigned>();
    specs.reserve(n);
    for (unsigned i = 0; i < n; ++i) {
      val t = list[i];
      TermSpec spec;
      spec.pattern = t["pattern"].as<std::string>();
      spec.mode = t["permit"].as<bool>() ? TermMode::permit : TermMode::block;
      val e = t["expiresAt"];
      spec.expires_at = e.isNumber() ? e.as<double>() : -1;
      specs.push_back(std::move(spec));
    }
    Status st = m_->set_terms(specs);
    return st.ok() ? "" : st.error().message;
  }
  // "" when the policy is applied, else why it was not (the old one stays).
  std::string set_policy(val o) {
    std::string error;
    Policy p = policy_from(o, &error);
    if (error.empty()) m_->set_policy(p);
    return error;
  }

 private:
  std::unique_ptr<Moderator> m_;
  std::string error_;
  Verdict verdict_;   // reused by moderate / moderate_lines
  // moderate_lines: the UTF-8 input buffer and the output, reused.
  std::unique_ptr<char[]> in_buf_;
  size_t in_cap_ = 0;
  // moderate_lines' output, grown (never shrunk, never zero-filled) as verdicts are written.
  std::unique_ptr<char[]> out_buf_;
  size_t out_cap_ = 0, out_len_ = 0;

  // Room for `need` more bytes after the output written so far.
  char* out_room(size_t need) {
    if (out_len_ + need > out_cap_) {
      size_t cap = std::max(out_cap_ * 2, out_len_ + need + 4096);
      std::unique_ptr<char[]> grown(new char[cap]);
      if (out_len_) std::memcpy(grown.get(), out_buf_.get(), out_len_);
      out_buf_ = std::move(grown);
      out_cap_ = cap;
    }
    return out_buf_.get() + out_len_;
  }
};

}  // namespace

EMSCRIPTEN_BINDINGS(etalase_core) {
  emscripten::function("installIcuData", &install_icu);
  emscripten::function("checkModerationData", &check_moderation_data);
  emscripten::function("formatMoney", &format_money);
  emscripten::function("levelTable", &level_table);
  emscripten::function("checkTerm", &check_term_js);
  emscripten::function("formatPrices", &format_prices);
  emscripten::function("formatMessage", &format_message_js);
  emscripten::class_<JsModerator>("Moderator")
      .constructor<val>()
      .function("error", &JsModerator::error)
      .function("moderate", &JsModerator::moderate)
      .function("moderateLines", &JsModerator::moderate_lines)
      .function("addTerm", &JsModerator::add_term)
      .function("removeTerm", &JsModerator::remove_term)
      .function("setTerms", &JsModerator::set_terms)
      .function("setPolicy", &JsModerator::set_policy);
}
