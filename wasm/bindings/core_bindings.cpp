// The only code that knows JavaScript. Exports an explicit list; pages never call these
// directly but go through web/moderation.mjs, web/overlay.mjs and web/i18n.mjs.
//
// Verdicts cross as the same JSON line the CLI prints (verdict_to_json), so the browser and
// the CLI cannot drift apart: same core, same bytes.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "core/i18n/message.h"
#include "core/i18n/money.h"
#include "core/moderation/moderator.h"
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
std::string install_icu(const std::string& bytes) {
  static std::string data;  // ICU reads from it for the life of the page
  data = bytes;
  Status st = install_icu_data(data.data(), data.size());
  if (!st.ok()) return st.error().message;
  st = check_icu_data();
  return st.ok() ? "" : st.error().message;
}

MoneyFormatter& money() {
  static MoneyFormatter f;
  return f;
}

val format_money(double amount, const std::string& currency, const std::string& locale) {
  auto r = money().format(amount, currency, locale);
  if (!r) return error_value(r.error().message);
  val out = val::object();
  out.set("value", *r);
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

Policy policy_from(const val& o) {
  Policy p;
  if (o.isUndefined() || o.isNull()) return p;
  val overall = o["level"];
  if (overall.isNumber()) p.overall = overall.as<int>();
  val levels = o["levels"];
  if (!levels.isUndefined() && !levels.isNull()) {
    for (int i = 0; i < kCategoryCount; ++i) {
      val v = levels[std::string(category_name(Category(i)))];
      if (v.isNumber()) p.level[i] = v.as<int>();
    }
  }
  return p;
}

// Constructed from JS as `new core.Moderator(options)`; a failed creation leaves error() set.
class JsModerator {
 public:
  explicit JsModerator(val options) {
    ModeratorOptions opt;
    opt.policy = policy_from(options);
    val domains = options.isUndefined() || options.isNull() ? val::undefined() : options["allowedDomains"];
    if (!domains.isUndefined() && !domains.isNull()) {
      opt.allowed_domains.clear();
      unsigned n = domains["length"].as<unsigned>();
      for (unsigned i = 0; i < n; ++i) opt.allowed_domains.push_back(domains[i].as<std::string>());
    }
    auto m = Moderator::create(opt);
    if (m) m_ = std::move(*m);
    else error_ = m.error().message;
  }
  std::string error() const { return error_; }
  std::string moderate(const std::string& id, const std::string& user, const std::string& text, double ts) {
    Verdict v = m_->moderate(Comment{id, user, text, ts});
    return verdict_to_json(id, v);
  }
  // Many comments in one call (one text per line in, NDJSON verdicts out): the benchmark
  // measures the core through it without per-call JS overhead.
  std::string moderate_lines(const std::string& texts) {
    std::string out;
    size_t start = 0, n = 0;
    while (start < texts.size()) {
      size_t end = texts.find('\n', start);
      if (end == std::string::npos) end = texts.size();
      std::string id = std::to_string(n++);
      Verdict v = m_->moderate(Comment{id, "bench", std::string_view(texts).substr(start, end - start), -1});
      out += verdict_to_json(id, v);
      out += '\n';
      start = end + 1;
    }
    return out;
  }
  std::string add_term(const std::string& pattern, bool permit, double expires_at) {
    Status st = m_->add_term(pattern, permit ? TermMode::permit : TermMode::block, expires_at);
    return st.ok() ? "" : st.error().message;
  }
  bool remove_term(const std::string& pattern) { return m_->remove_term(pattern); }
  void set_policy(val o) { m_->set_policy(policy_from(o)); }

 private:
  std::unique_ptr<Moderator> m_;
  std::string error_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(etalase_core) {
  emscripten::function("installIcuData", &install_icu);
  emscripten::function("formatMoney", &format_money);
  emscripten::function("formatMessage", &format_message_js);
  emscripten::class_<JsModerator>("Moderator")
      .constructor<val>()
      .function("error", &JsModerator::error)
      .function("moderate", &JsModerator::moderate)
      .function("moderateLines", &JsModerator::moderate_lines)
      .function("addTerm", &JsModerator::add_term)
      .function("removeTerm", &JsModerator::remove_term)
      .function("setPolicy", &JsModerator::set_policy);
}
