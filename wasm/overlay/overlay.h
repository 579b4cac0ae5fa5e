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
#include <vector>

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
  void set_flash_sale(const FlashSaleView& v);
  void clear_flash_sale();
  void set_voucher(const VoucherView& v);
  void clear_voucher();

  // Floating hearts for likes: each rises for kHeartSeconds from `now` (seconds, any clock
  // the caller keeps steady). With reduced motion none are drawn (prefers-reduced-motion).
  static constexpr double kHeartSeconds = 2.5;
  static constexpr int kMaxHearts = 48;
  void add_hearts(int count, double now);
  void set_reduced_motion(bool on) { reduced_motion_ = on; }
  // True while something moves, so the page knows whether to keep requesting frames.
  bool animating(double now) const;

  // Draws the frame at `now`. The still layer (voucher, flash sale, card) is drawn only after
  // one of them changed, only where it changed (the flash sale's area when its second ticks),
  // and is kept as pixels; a frame in between restores what the hearts covered last time and
  // draws them anew, so a moving heart costs its own area only.
  void render(double now = 0);
  // RGBA bytes, row after row, width()*4 per row (what ImageData wants).
  const uint8_t* pixels() const;
  int width() const { return w_; }
  int height() const { return h_; }
  // The card's rectangle, for hit testing taps; empty when no card is shown.
  SDL_Rect card_rect() const;
  SDL_Rect flash_rect() const;
  SDL_Rect voucher_rect() const;

 private:
  Overlay() = default;
  void draw_still(const SDL_Rect* area);
  void draw_card();
  void draw_flash_sale();
  void draw_voucher();
  void draw_hearts(double now);
  SDL_Texture* heart_texture();
  float scale() const { return w_ / 360.0f; }

  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  std::vector<uint8_t> still_;   // pixels of the still layer alone, as last drawn
  bool still_dirty_ = true;      // a setter changed the still layer as a whole since
  std::vector<SDL_Rect> still_areas_;  // or only these parts of it (a countdown, a voucher)
  void still_changed(SDL_Rect area, int margin);
  // What the banners draw past their boxes (the voucher's notches), clear of the card.
  int edge_margin() const { return int(7 * scale()) + 1; }
  SDL_Rect moved_{0, 0, 0, 0};   // what the hearts covered in the last frame
  int w_ = 0, h_ = 0;
  Font regular_, bold_;
  std::optional<ProductCardText> card_;
  Image card_image_;
  std::optional<FlashSaleView> flash_;
  std::optional<VoucherView> voucher_;
  struct Heart {
    double born;
    uint32_t seed;
  };
  Heart hearts_[kMaxHearts] = {};
  int heart_count_ = 0, heart_next_ = 0;
  uint32_t heart_seq_ = 0;
  bool reduced_motion_ = false;
  SDL_Texture* heart_ = nullptr;
};

}  // namespace etalase
