// The product overlay: an RGBA canvas the core draws with SDL2's software renderer, so the
// same pixels come out natively (tests) and in the browser (the page copies them into a
// <canvas>). Transparent except where something is drawn.
//
//   auto ov = Overlay::create(360, 640);           // logical size = canvas pixels
//   (*ov)->load_fonts(regular_ttf, bold_ttf);
//   (*ov)->set_card(text); (*ov)->set_card_image(png_bytes);
//   (*ov)->render();                                // then read pixels()
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include <SDL.h>

#include "core/shop/product_card.h"
#include "overlay/font.h"
#include "overlay/image.h"

namespace etalase {

class Overlay {
 public:
  static Expected<std::unique_ptr<Overlay>> create(int width, int height);
  ~Overlay();

  Status resize(int width, int height);
  Status load_fonts(std::string_view regular_ttf, std::string_view bold_ttf);
  Status set_card_image(std::string_view png_or_jpeg);
  void set_card(const ProductCardText& text);
  void clear_card();

  void render();
  // RGBA bytes, row after row, width()*4 per row (what ImageData wants).
  const uint8_t* pixels() const;
  int width() const { return w_; }
  int height() const { return h_; }
  // The card's rectangle, for hit testing taps; empty when no card is shown.
  SDL_Rect card_rect() const;

 private:
  Overlay() = default;
  void draw_card();
  float scale() const { return w_ / 360.0f; }

  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  int w_ = 0, h_ = 0;
  Font regular_, bold_;
  std::optional<ProductCardText> card_;
  Image card_image_;
};

}  // namespace etalase
