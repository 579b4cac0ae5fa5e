#include "core/shop/product_card.h"

#include <cmath>

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

}  // namespace etalase
