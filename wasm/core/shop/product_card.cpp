#include "core/shop/product_card.h"

#include <cmath>
#include <cstdio>

namespace etalase {

Expected<ProductCardText> product_card_text(const ProductPrice& p, const std::string& locale,
                                            MoneyFormatter& money) {
  if (!std::isfinite(p.price) || p.price < 0)
    return Error{ErrorKind::invalid_input, "price must be a number >= 0"};
  ProductCardText t;
  t.name = p.name;
  auto price = money.format(p.price, p.currency, locale);
  if (!price) return price.error();
  t.price = *price;
  if (std::isfinite(p.original_price) && p.original_price > p.price) {
    auto orig = money.format(p.original_price, p.currency, locale);
    if (!orig) return orig.error();
    t.original_price = *orig;
    // Shops round discounts down: "-24%" is never shown as "-25%".
    double off = std::floor((1 - p.price / p.original_price) * 100) / 100;
    auto pct = money.percent(off, locale);
    if (!pct) return pct.error();
    t.discount = "-" + *pct;
  }
  return t;
}

std::string countdown_text(double seconds_left) {
  long total = std::isfinite(seconds_left) && seconds_left > 0 ? long(std::ceil(seconds_left)) : 0;
  long h = total / 3600, m = (total / 60) % 60, sec = total % 60;
  char buf[32];
  if (h > 0) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", h, m, sec);
  else std::snprintf(buf, sizeof buf, "%02ld:%02ld", m, sec);
  return buf;
}

}  // namespace etalase
