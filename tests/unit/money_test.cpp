#include "doctest.h"

#include "core/i18n/money.h"

using etalase::MoneyFormatter;

// ICU separates symbol and digits with a no-break space; shoppers see a space.
static std::string plain_spaces(std::string s) {
  const std::string nbsp = "\xC2\xA0";
  for (size_t p; (p = s.find(nbsp)) != std::string::npos;) s.replace(p, nbsp.size(), " ");
  return s;
}

TEST_CASE("rupiah prices are whole numbers in the viewer's locale") {
  MoneyFormatter f;
  auto id = f.format(149000, "IDR", "id");
  REQUIRE(id.ok());
  CHECK(plain_spaces(*id) == "Rp 149.000");
  auto en = f.format(149000, "IDR", "en");
  REQUIRE(en.ok());
  CHECK(plain_spaces(*en) == "IDR 149,000");
  auto big = f.format(1250000, "IDR", "id");
  CHECK(plain_spaces(*big) == "Rp 1.250.000");
}

TEST_CASE("other currencies keep their cash digits") {
  MoneyFormatter f;
  CHECK(*f.format(12.5, "USD", "en") == "$12.50");
  CHECK(plain_spaces(*f.format(59.9, "MYR", "ms")) == "RM 59.90");
}

TEST_CASE("percentages are whole and localized") {
  MoneyFormatter f;
  CHECK(*f.percent(0.3, "en") == "30%");
  CHECK(*f.percent(0.25, "id") == "25%");
}

TEST_CASE("a malformed currency code is an error, not a crash") {
  MoneyFormatter f;
  auto bad = f.format(1, "rupiah", "id");
  CHECK_FALSE(bad.ok());
  CHECK(bad.error().message.find("ISO 4217") != std::string::npos);
  CHECK_FALSE(f.format(1, "", "id").ok());
}
