// Money formatting with ICU: the viewer's locale decides symbol, grouping and placement.
//
//   MoneyFormatter f;
//   f.format(149000, "IDR", "id")  -> "Rp 149.000"   (whole rupiah: cash digits)
//   f.format(149000, "IDR", "en")  -> "IDR 149,000"
//   f.format(12.5, "USD", "en")    -> "$12.50"
//
// Formatters are cached per (locale, currency): building one costs far more than using it.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/moderation/result.h"

namespace etalase {

class MoneyFormatter {
 public:
  // amount in major units (rupiah, dollars). currency: ISO 4217 code. locale: BCP 47 tag.
  Expected<std::string> format(double amount, std::string_view currency, std::string_view locale);
  // A whole percentage for discounts: 0.3 -> "30%" ("30%" in id, "30%" in en).
  Expected<std::string> percent(double fraction, std::string_view locale);

 private:
  struct Cached;
  std::map<std::string, std::shared_ptr<Cached>> cache_;
};

}  // namespace etalase
