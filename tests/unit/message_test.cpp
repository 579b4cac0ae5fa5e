#include "doctest.h"

#include "core/i18n/message.h"

using namespace etalase;

TEST_CASE("plurals follow each locale's rules") {
  const char* en = "{n, plural, one {# item left} other {# items left}}";
  CHECK(*format_message(en, "en", {{"n", 1.0}}) == "1 item left");
  CHECK(*format_message(en, "en", {{"n", 12.0}}) == "12 items left");
  // Indonesian has no plural forms: "other" serves every count.
  const char* id = "{n, plural, other {Sisa #}}";
  CHECK(*format_message(id, "id", {{"n", 1.0}}) == "Sisa 1");
  CHECK(*format_message(id, "id", {{"n", 1500.0}}) == "Sisa 1.500");
}

TEST_CASE("named string arguments and selects") {
  CHECK(*format_message("Halo, {name}!", "id", {{"name", std::string("Budi")}}) == "Halo, Budi!");
  const char* sel = "{reason, select, contact {Nomor telepon tidak boleh dibagikan} other {Komentar ditolak}}";
  CHECK(*format_message(sel, "id", {{"reason", std::string("contact")}}) == "Nomor telepon tidak boleh dibagikan");
  CHECK(*format_message(sel, "id", {{"reason", std::string("x")}}) == "Komentar ditolak");
}

TEST_CASE("a broken pattern is an error with its offset") {
  auto r = format_message("Sisa {n, plural, other {#}", "id", {{"n", 2.0}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == ErrorKind::invalid_pattern);
  CHECK(r.error().message.find("offset") != std::string::npos);
}

TEST_CASE("argument names: every name once, nested ones included, sorted") {
  auto r = message_argument_names("{n, plural, one {# left of {name}} other {# left for {who}}} {name}");
  REQUIRE(r.ok());
  CHECK(*r == std::vector<std::string>{"n", "name", "who"});
  auto plain = message_argument_names("No arguments, '{quoted}' too");
  REQUIRE(plain.ok());
  CHECK(plain->empty());
  auto bad = message_argument_names("Sisa {n, plural, other {#}");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("offset") != std::string::npos);
}

TEST_CASE("messages nested past 32 levels are refused, not recursed into") {
  std::string deep;
  for (int i = 0; i < 30000; ++i) deep += "{n, plural, other {";
  deep += "x";
  for (int i = 0; i < 30000; ++i) deep += "}}";
  auto r = format_message(deep, "id", {{"n", 1.0}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "message nests arguments more than 32 levels deep");
  CHECK_FALSE(message_argument_names(deep).ok());
  // a message of ordinary depth still formats
  auto ok = format_message("{n, plural, one {# item} other {# items}}", "en", {{"n", 2.0}});
  REQUIRE(ok.ok());
  CHECK(ok.value() == "2 items");
}
