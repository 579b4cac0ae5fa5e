// The overlay is checked on its pixels: what a shopper would see, not what the code meant.
#include "doctest.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "overlay/overlay.h"

using namespace etalase;

namespace {
std::string read_asset(const std::string& rel) {
  std::ifstream in(std::string(ETALASE_SOURCE_DIR) + "/" + rel, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Rgba { int r, g, b, a; };
Rgba at(const Overlay& ov, int x, int y) {
  const uint8_t* p = ov.pixels() + (size_t(y) * ov.width() + x) * 4;
  return {p[0], p[1], p[2], p[3]};
}

// Counts pixels in a rectangle that are close to a colour.
int count_near(const Overlay& ov, SDL_Rect r, Rgba c, int tol) {
  int n = 0;
  for (int y = r.y; y < r.y + r.h; ++y)
    for (int x = r.x; x < r.x + r.w; ++x) {
      Rgba p = at(ov, x, y);
      if (std::abs(p.r - c.r) <= tol && std::abs(p.g - c.g) <= tol && std::abs(p.b - c.b) <= tol && p.a > 200) ++n;
    }
  return n;
}

std::unique_ptr<Overlay> make_overlay() {
  auto ov = Overlay::create(360, 640);
  REQUIRE(ov.ok());
  REQUIRE((*ov)->load_fonts(read_asset("assets/fonts/DejaVuSans.ttf"), read_asset("assets/fonts/DejaVuSans-Bold.ttf")).ok());
  return std::move(*ov);
}
}  // namespace

TEST_CASE("an empty overlay is fully transparent, so the video shows through") {
  auto ov = make_overlay();
  ov->render();
  int opaque = 0;
  for (int y = 0; y < ov->height(); y += 7)
    for (int x = 0; x < ov->width(); x += 7) opaque += at(*ov, x, y).a != 0;
  CHECK(opaque == 0);
  CHECK(ov->card_rect().w == 0);
}

TEST_CASE("the pinned product card draws its image, name and red price") {
  auto ov = make_overlay();
  MoneyFormatter money;
  auto text = product_card_text({"Kaos Polos Katun Premium", 149000, 199000, "IDR"}, "id", money);
  REQUIRE(text.ok());
  ov->set_card(*text);
  REQUIRE(ov->set_card_image(read_asset("assets/products/kaos-polos.png")).ok());
  ov->render();

  SDL_Rect card = ov->card_rect();
  REQUIRE(card.w > 200);
  CHECK(card.y + card.h <= ov->height());
  // White card body, transparent above it.
  CHECK(count_near(*ov, card, {255, 255, 255, 255}, 2) > card.w * card.h / 3);
  CHECK(at(*ov, card.x + card.w / 2, card.y - 20).a == 0);
  // The T-shirt's teal (0,150,136) inside the image square at the card's left.
  SDL_Rect img{card.x, card.y, card.h, card.h};
  CHECK(count_near(*ov, img, {0, 150, 136}, 10) > 500);
  // Sale-red price glyphs on the right half, dark name glyphs above them.
  SDL_Rect right{card.x + card.h, card.y, card.w - card.h, card.h};
  CHECK(count_near(*ov, right, {208, 1, 27}, 40) > 80);
  CHECK(count_near(*ov, right, {33, 33, 33}, 40) > 40);
}

TEST_CASE("card text: ICU prices, the struck original and the discount, in the viewer's locale") {
  MoneyFormatter money;
  auto id = product_card_text({"Kaos", 149000, 199000, "IDR"}, "id", money);
  REQUIRE(id.ok());
  CHECK(id->price == "Rp\u00a0149.000");
  CHECK(id->original_price == "Rp\u00a0199.000");
  CHECK(id->discount == "-25%");
  auto en = product_card_text({"Tee", 149000, 199000, "IDR"}, "en", money);
  REQUIRE(en.ok());
  CHECK(en->price == "IDR\u00a0149,000");
  CHECK(en->original_price == "IDR\u00a0199,000");
  // No discount to show: no struck price, no badge.
  auto plain = product_card_text({"Tee", 149000, 0, "IDR"}, "en", money);
  REQUIRE(plain.ok());
  CHECK(plain->original_price.empty());
  CHECK(plain->discount.empty());
  auto higher = product_card_text({"Tee", 149000, 120000, "IDR"}, "id", money);
  REQUIRE(higher.ok());
  CHECK(higher->discount.empty());
}

TEST_CASE("a long product name is elided to the card, never drawn past it") {
  auto ov = make_overlay();
  ProductCardText t;
  t.name = std::string(200, 'W');
  t.price = "Rp 1";
  ov->set_card(t);
  ov->render();
  SDL_Rect card = ov->card_rect();
  // Nothing dark to the right of the card's edge.
  SDL_Rect outside{card.x + card.w + 2, card.y, ov->width() - card.x - card.w - 2, card.h};
  CHECK(count_near(*ov, outside, {33, 33, 33}, 60) == 0);
}

TEST_CASE("bad images and fonts are refused with a reason") {
  auto ov = Overlay::create(360, 640);
  REQUIRE(ov.ok());
  auto bad = (*ov)->set_card_image("GIF89a not really");
  CHECK_FALSE(bad.ok());
  CHECK(bad.error().message.find("PNG or JPEG") != std::string::npos);
  CHECK_FALSE((*ov)->set_card_image("").ok());
  CHECK_FALSE((*ov)->load_fonts("not a font at all", "").ok());
  CHECK_FALSE(Overlay::create(0, 10).ok());
}

TEST_CASE("elision keeps whole characters and ends with an ellipsis") {
  Font f;
  REQUIRE(f.load(read_asset("assets/fonts/DejaVuSans.ttf")).ok());
  std::string s = f.elide(15, "Sepatu Lari Ringan Anti Slip Ukuran 36-44", 120);
  CHECK(f.measure(15, s) <= 120);
  CHECK(s.size() > 3);
  CHECK(s.substr(s.size() - 3) == "\xE2\x80\xA6");
  CHECK(f.elide(15, "Tas", 120) == "Tas");
  // Multi-byte characters are never cut in half.
  std::string vi = f.elide(15, "Áo thun cotton cao cấp màu xanh ngọc", 100);
  CHECK(vi.substr(vi.size() - 3) == "\xE2\x80\xA6");
}

TEST_CASE("countdown text for flash sales") {
  CHECK(countdown_text(299.2) == "05:00");  // a started second still counts
  CHECK(countdown_text(59) == "00:59");
  CHECK(countdown_text(3723) == "1:02:03");
  CHECK(countdown_text(-4) == "00:00");
  CHECK(countdown_text(0.0 / 0.0) == "00:00");
}

TEST_CASE("the flash-sale banner and voucher ticket are drawn where they say") {
  auto ov = make_overlay();
  ov->set_flash_sale({"Flash Sale", "04:59", "Terjual 3", 0.5});
  ov->set_voucher({"Voucher Rp 20.000", "Min. belanja Rp 100.000"});
  ov->render();
  SDL_Rect flash = ov->flash_rect(), voucher = ov->voucher_rect();
  // Without a card the banner sits at the bottom.
  CHECK(flash.y + flash.h >= ov->height() - 24);
  CHECK(count_near(*ov, flash, {238, 77, 45}, 20) > flash.w * flash.h / 3);
  // Half the stock sold: the yellow bar fills about half the track.
  SDL_Rect left{flash.x, flash.y + flash.h - 8, flash.w / 2 - 12, 8}, right{flash.x + flash.w / 2 + 12, flash.y + flash.h - 8, flash.w / 2 - 24, 8};
  CHECK(count_near(*ov, left, {255, 214, 0}, 10) > 20);
  CHECK(count_near(*ov, right, {255, 214, 0}, 10) == 0);
  CHECK(count_near(*ov, voucher, {255, 243, 224}, 8) > voucher.w * voucher.h / 3);
  // With a card pinned, the banner moves above it.
  ProductCardText t;
  t.name = "Tas";
  t.price = "Rp 1";
  ov->set_card(t);
  CHECK(ov->flash_rect().y + ov->flash_rect().h <= ov->card_rect().y);
  ov->clear_flash_sale();
  ov->clear_voucher();
  ov->render();
  CHECK(count_near(*ov, voucher, {255, 243, 224}, 8) == 0);
}

TEST_CASE("hearts float up, fade out and stop; reduced motion draws none") {
  auto ov = make_overlay();
  auto opaque_pixels = [&] {
    int n = 0;
    for (int y = 0; y < ov->height(); ++y)
      for (int x = ov->width() / 2; x < ov->width(); ++x) n += at(*ov, x, y).a > 0;
    return n;
  };
  ov->add_hearts(5, 10.0);
  CHECK(ov->animating(10.5));
  ov->render(10.5);
  int mid = opaque_pixels();
  CHECK(mid > 200);
  CHECK_FALSE(ov->animating(10.0 + 5 * 0.12 + Overlay::kHeartSeconds + 0.01));
  ov->render(20);
  CHECK(opaque_pixels() == 0);

  ov->set_reduced_motion(true);
  ov->add_hearts(5, 30.0);
  CHECK_FALSE(ov->animating(30.5));
  ov->render(30.5);
  CHECK(opaque_pixels() == 0);
}

TEST_CASE("frames drawn over the kept still layer equal full redraws, as hearts move and the overlays change") {
  MoneyFormatter money;
  auto card = *product_card_text({"Kaos Polos Katun Premium", 149000, 199000, "IDR"}, "id", money);
  auto other = *product_card_text({"Sepatu Lari Ringan", 299000, 0, "IDR"}, "id", money);
  auto sisa12 = card, sisa11 = card;
  sisa12.stock = "Sisa 12";
  sisa11.stock = "Sisa 11";
  const std::string image = read_asset("assets/products/kaos-polos.png");
  const size_t bytes = size_t(360) * 640 * 4;
  const FlashSaleView flash5{"Flash Sale", "00:05", "Terjual 7", 0.3}, flash4{"Flash Sale", "00:04", "Terjual 7", 0.3};
  const VoucherView voucher{"Voucher Rp 20.000", "Min. belanja Rp 100.000"};
  // The kept overlay lives through the changes, set as the page sets them (the flash sale
  // every frame); a fresh one is given only the state at frame f and draws it in one go.
  auto kept = make_overlay();
  kept->set_card(card);
  REQUIRE(kept->set_card_image(image).ok());
  kept->set_voucher(voucher);
  kept->add_hearts(6, 0.0);
  for (int f = 0; f <= 200; ++f) {
    kept->set_flash_sale(f < 40 ? flash5 : flash4);
    if (f == 60) kept->set_card(other);
    if (f == 75) kept->clear_voucher();
    if (f >= 90) kept->set_card(f < 150 ? sisa12 : sisa11);  // the stock line ticks
    kept->render(f / 60.0);
    if (f % 20 == 0 || f == 60 || f == 75 || f == 90 || f == 150) {
      auto fresh = make_overlay();
      fresh->set_card(f < 60 ? card : f < 90 ? other : f < 150 ? sisa12 : sisa11);
      REQUIRE(fresh->set_card_image(image).ok());
      if (f < 75) fresh->set_voucher(voucher);
      fresh->set_flash_sale(f < 40 ? flash5 : flash4);
      fresh->add_hearts(6, 0.0);
      fresh->render(f / 60.0);
      CHECK_MESSAGE(std::memcmp(kept->pixels(), fresh->pixels(), bytes) == 0, "frame " << f);
    }
  }
}
