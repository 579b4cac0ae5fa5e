// The overlay is checked on its pixels: what a shopper would see, not what the code meant.
#include "doctest.h"

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
