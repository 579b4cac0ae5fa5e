// Glyph atlases start small and grow; what a shopper sees must not depend on that history.
#include "doctest.h"

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/text/utf8.h"
#include "overlay/font.h"

using namespace etalase;

namespace {
std::string read_font() {
  std::ifstream in(std::string(ETALASE_SOURCE_DIR) + "/assets/fonts/DejaVuSans.ttf", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A software renderer over a surface of its own, freed together.
struct Canvas {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 400, 120, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  ~Canvas() {
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
  }
  // The pixels of `text` drawn alone on a cleared canvas.
  std::vector<uint32_t> draw(Font& font, float px, const std::string& text) {
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 0);
    SDL_RenderClear(renderer);
    font.draw(renderer, px, text, 10, 80, SDL_Color{20, 20, 20, 255});
    SDL_RenderPresent(renderer);
    const uint32_t* p = static_cast<const uint32_t*>(surface->pixels);
    return std::vector<uint32_t>(p, p + surface->w * surface->h);
  }
};

// Every code point the atlases cover (font.cpp's ranges), as UTF-8.
std::string all_covered() {
  const int ranges[][2] = {{0x20, 0x5F}, {0xA0, 0xE0}, {0x1A0, 0x20}, {0x300, 0x10},
                           {0x1EA0, 0x5A}, {0x2010, 0x30}, {0x20A0, 0x20}, {0x2665, 0x1}};
  std::string s;
  for (const auto& r : ranges)
    for (int cp = r[0]; cp < r[0] + r[1]; ++cp) utf8::append(s, char32_t(cp));
  return s;
}
}  // namespace

TEST_CASE("a glyph atlas that grew draws the same pixels as a fresh one") {
  Canvas canvas;
  REQUIRE(canvas.renderer);
  const std::string ttf = read_font();
  const std::string sample = "Rp 149.000 \xE2\x82\xAB Vi\xE1\xBB\x87t Ag";  // "Rp 149.000 ₫ Việt Ag"
  for (float px : {13.0f, 48.0f}) {
    CAPTURE(px);
    Font fresh, grown;
    REQUIRE(fresh.load(ttf).ok());
    REQUIRE(grown.load(ttf).ok());
    // Some glyphs first, then every covered one: the atlas outgrows its first size (several
    // times at 48 px) while earlier glyphs are already in its texture.
    canvas.draw(grown, px, "Ag");
    const std::string all = all_covered();
    float width = grown.measure(px, all);
    canvas.draw(grown, px, all);
    CHECK(width > 100 * px * 0.3f);  // every glyph was packed and has its advance

    std::vector<uint32_t> want = canvas.draw(fresh, px, sample);
    std::vector<uint32_t> got = canvas.draw(grown, px, sample);
    size_t inked = 0;
    for (uint32_t p : want) inked += (p >> 24) != 0;
    CHECK(inked > size_t(20 * px));
    CHECK(got == want);
  }
}
