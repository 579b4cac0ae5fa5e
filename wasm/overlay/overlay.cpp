#include "overlay/overlay.h"

#include <algorithm>

#include "overlay/shapes.h"

namespace etalase {

namespace {
constexpr SDL_Color kInk{33, 33, 33, 255};
constexpr SDL_Color kMuted{117, 117, 117, 255};
constexpr SDL_Color kPrice{208, 1, 27, 255};     // sale red: 5.9:1 on white (AA)
constexpr SDL_Color kCardBg{255, 255, 255, 255};
constexpr SDL_Color kShadow{0, 0, 0, 60};
constexpr SDL_Color kBadgeBg{208, 1, 27, 255};
constexpr SDL_Color kBadgeInk{255, 255, 255, 255};
}  // namespace

Expected<std::unique_ptr<Overlay>> Overlay::create(int width, int height) {
  std::unique_ptr<Overlay> ov(new Overlay());
  Status st = ov->resize(width, height);
  if (!st.ok()) return st.error();
  return ov;
}

Overlay::~Overlay() {
  card_image_ = Image();
  regular_.forget_textures();
  bold_.forget_textures();
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (surface_) SDL_FreeSurface(surface_);
}

Status Overlay::resize(int width, int height) {
  if (width < 16 || height < 16 || width > 4096 || height > 4096)
    return Error{ErrorKind::invalid_input, "overlay size out of range"};
  // Textures belong to a renderer: keep the card's image by re-decoding is not possible
  // here, so a resize drops it and the page sets it again.
  card_image_ = Image();
  regular_.forget_textures();
  bold_.forget_textures();
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (surface_) SDL_FreeSurface(surface_);
  surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
  if (!surface_) return Error{ErrorKind::internal, std::string("surface: ") + SDL_GetError()};
  renderer_ = SDL_CreateSoftwareRenderer(surface_);
  if (!renderer_) return Error{ErrorKind::internal, std::string("renderer: ") + SDL_GetError()};
  w_ = width;
  h_ = height;
  return {};
}

Status Overlay::load_fonts(std::string_view regular_ttf, std::string_view bold_ttf) {
  Status a = regular_.load(regular_ttf);
  if (!a.ok()) return a;
  return bold_.load(bold_ttf);
}

Status Overlay::set_card_image(std::string_view bytes) {
  auto img = Image::decode(renderer_, bytes);
  if (!img) return img.error();
  card_image_ = std::move(*img);
  return {};
}

void Overlay::set_card(const ProductCardText& text) { card_ = text; }
void Overlay::clear_card() {
  card_.reset();
  card_image_ = Image();
}

const uint8_t* Overlay::pixels() const { return static_cast<const uint8_t*>(surface_->pixels); }

SDL_Rect Overlay::card_rect() const {
  if (!card_) return SDL_Rect{0, 0, 0, 0};
  float s = scale();
  int w = int(std::min(300 * s, w_ - 24 * s));
  int h = int(96 * s);
  return SDL_Rect{int(12 * s), h_ - h - int(16 * s), w, h};
}

void Overlay::render() {
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
  SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 0);
  SDL_RenderClear(renderer_);
  if (card_) draw_card();
  SDL_RenderPresent(renderer_);
}

void Overlay::draw_card() {
  const float s = scale();
  const SDL_Rect box = card_rect();
  const int radius = int(12 * s);
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_BLEND);
  fill_rounded_rect(renderer_, SDL_Rect{box.x + int(2 * s), box.y + int(3 * s), box.w, box.h}, radius, kShadow);
  fill_rounded_rect(renderer_, box, radius, kCardBg);

  const int pad = int(10 * s);
  const int img_side = box.h - 2 * pad;
  SDL_Rect img{box.x + pad, box.y + pad, img_side, img_side};
  if (card_image_.texture()) {
    // Cover the square: crop the longer side of the product photo.
    int iw = card_image_.width(), ih = card_image_.height(), side = std::min(iw, ih);
    SDL_Rect src{(iw - side) / 2, (ih - side) / 2, side, side};
    SDL_RenderCopy(renderer_, card_image_.texture(), &src, &img);
  } else {
    fill_rounded_rect(renderer_, img, int(6 * s), SDL_Color{238, 238, 238, 255});
  }

  const float tx = float(img.x + img.w + pad);
  const float text_w = float(box.x + box.w - pad) - tx;
  const float name_px = 15 * s, price_px = 19 * s, small_px = 12 * s;
  float y = box.y + pad + regular_.ascent(name_px);
  regular_.draw(renderer_, name_px, regular_.elide(name_px, card_->name, text_w), tx, y, kInk);

  y = box.y + box.h * 0.62f;
  float after_price = bold_.draw(renderer_, price_px, bold_.elide(price_px, card_->price, text_w), tx, y, kPrice);

  if (!card_->discount.empty()) {
    // Discount badge to the right of the price when it fits.
    float bw = bold_.measure(small_px, card_->discount) + 8 * s;
    if (after_price + 6 * s + bw <= tx + text_w) {
      SDL_Rect badge{int(after_price + 6 * s), int(y - small_px - 2 * s), int(bw), int(small_px + 6 * s)};
      fill_rounded_rect(renderer_, badge, int(3 * s), kBadgeBg);
      bold_.draw(renderer_, small_px, card_->discount, badge.x + 4 * s, y, kBadgeInk);
    }
  }
  if (!card_->original_price.empty()) {
    float oy = y + small_px + 6 * s;
    std::string orig = regular_.elide(small_px, card_->original_price, text_w);
    float end = regular_.draw(renderer_, small_px, orig, tx, oy, kMuted);
    // Struck through: the old price is context, not an offer.
    SDL_SetRenderDrawColor(renderer_, kMuted.r, kMuted.g, kMuted.b, 255);
    SDL_FRect strike{tx, oy - small_px * 0.3f, end - tx, std::max(1.0f, s)};
    SDL_RenderFillRectF(renderer_, &strike);
  }
}

}  // namespace etalase
