// What a pinned product card says, as plain text in the viewer's locale. The overlay draws
// exactly this; the page's accessible button reads the same strings.
//
//   MoneyFormatter money;
//   ProductCardText t = product_card_text({"Kaos", 149000, 199000, "IDR"}, "id", money);
//   // t.price == "Rp 149.000", t.original_price == "Rp 199.000", t.discount == "-25%"
#pragma once
#include <string>

#include "core/i18n/money.h"

namespace etalase {

struct ProductPrice {
  std::string name;           // already in the viewer's locale
  double price = 0;           // major units
  double original_price = 0;  // 0 or <= price: no discount shown
  std::string currency = "IDR";
};

struct ProductCardText {
  std::string name;
  std::string price;
  std::string original_price;  // empty when there is no discount
  std::string discount;        // "-25%", empty when there is no discount
  std::string stock;           // "Sisa 12" / "12 left": set by the caller from its catalog
};

// The flash-sale banner: the caller formats the strings (catalog + locale), the overlay
// draws them; fraction_sold (0..1) fills the progress bar.
struct FlashSaleView {
  std::string label;      // "Flash Sale"
  std::string time_left;  // "04:59"
  std::string sold;       // "Terjual 7" / "7 sold"
  double fraction_sold = 0;
};

// A pinned voucher: a ticket with a title ("Voucher Rp 20.000") and a detail line.
struct VoucherView {
  std::string title;
  std::string detail;  // "Min. belanja Rp 100.000 · LIVE20"
};

// "04:59" for 299 s, "1:02:03" past an hour; negative time reads as "00:00".
std::string countdown_text(double seconds_left);

Expected<ProductCardText> product_card_text(const ProductPrice& p, const std::string& locale,
                                            MoneyFormatter& money);

}  // namespace etalase
