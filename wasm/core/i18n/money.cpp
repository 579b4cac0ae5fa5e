#include "core/i18n/money.h"

#include <memory>

#include <unicode/numberformatter.h>

namespace etalase {

struct MoneyFormatter::Cached {
  icu::number::LocalizedNumberFormatter formatter;
};

namespace {

bool valid_currency(std::string_view c) {
  if (c.size() != 3) return false;
  for (char ch : c)
    if (ch < 'A' || ch > 'Z') return false;
  return true;
}

Expected<std::string> run(const icu::number::LocalizedNumberFormatter& f, double v) {
  UErrorCode code = U_ZERO_ERROR;
  icu::UnicodeString out = f.formatDouble(v, code).toString(code);
  if (U_FAILURE(code)) return Error{ErrorKind::invalid_data, std::string("number format failed: ") + u_errorName(code)};
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace

Expected<std::string> MoneyFormatter::format(double amount, std::string_view currency,
                                             std::string_view locale) {
  if (!valid_currency(currency))
    return Error{ErrorKind::invalid_input, "not an ISO 4217 currency code: '" + std::string(currency) + "'"};
  std::string key = std::string(locale) + '|' + std::string(currency);
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    UErrorCode code = U_ZERO_ERROR;
    char16_t iso[4] = {char16_t(currency[0]), char16_t(currency[1]), char16_t(currency[2]), 0};
    icu::CurrencyUnit unit(iso, code);
    if (U_FAILURE(code)) return Error{ErrorKind::invalid_input, "unknown currency " + std::string(currency)};
    // Cash digits: rupiah prices are whole numbers in every shop; dollars keep cents.
    auto f = icu::number::NumberFormatter::withLocale(icu::Locale(std::string(locale).c_str()))
                 .unit(unit)
                 .precision(icu::number::Precision::currency(UCURR_USAGE_CASH));
    it = cache_.emplace(key, std::make_shared<Cached>(Cached{f})).first;
  }
  return run(it->second->formatter, amount);
}

Expected<std::string> MoneyFormatter::percent(double fraction, std::string_view locale) {
  std::string key = std::string(locale) + "|%";
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    auto f = icu::number::NumberFormatter::withLocale(icu::Locale(std::string(locale).c_str()))
                 .unit(icu::NoUnit::percent())
                 .precision(icu::number::Precision::integer());
    it = cache_.emplace(key, std::make_shared<Cached>(Cached{f})).first;
  }
  return run(it->second->formatter, fraction * 100);
}

}  // namespace etalase
