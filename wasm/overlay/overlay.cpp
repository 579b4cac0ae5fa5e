#include "overlay/overlay.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

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
// Opaque: SDL blends onto the transparent canvas as premultiplied colour, which the page would
// show darker than meant; the card and banners are solid, only hearts and shadows blend.
constexpr SDL_Color kFlashBg{238, 77, 45, 255};
constexpr SDL_Color kFlashTrack{255, 255, 255, 90};
constexpr SDL_Color kFlashBar{255, 214, 0, 255};
constexpr SDL_Color kVoucherBg{255, 243, 224, 255};
constexpr SDL_Color kVoucherEdge{230, 81, 0, 255};
constexpr SDL_Color kVoucherInk{191, 54, 12, 255};
constexpr int kHeartSprite = 48;

// Hash for per-heart variation (colour, sway): deterministic, so frames are reproducible.
uint32_t mix(uint32_t x) {
  x ^= x >> 16; x *= 0x7feb352d; x ^= x >> 15; x *= 0x846ca68b; x ^= x >> 16;
  return x;
}
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
  if (heart_) SDL_DestroyTexture(heart_);
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (surface_) SDL_FreeSurface(surface_);
}

void Overlay::set_flash_sale(const FlashSaleView& v) {
  // The page sets it every frame of a sale; only a new second or count is a change.
  if (flash_ && flash_->label == v.label && flash_->time_left == v.time_left && flash_->sold == v.sold &&
      flash_->fraction_sold == v.fraction_sold) {
    return;
  }
  flash_ = v;
  still_changed(flash_rect(), edge_margin());
}
void Overlay::clear_flash_sale() {
  if (flash_) still_changed(flash_rect(), edge_margin());
  flash_.reset();
}
void Overlay::set_voucher(const VoucherView& v) {
  if (voucher_ && voucher_->title == v.title && voucher_->detail == v.detail) return;
  voucher_ = v;
  still_changed(voucher_rect(), edge_margin());
}
void Overlay::clear_voucher() {
  if (voucher_) still_changed(voucher_rect(), edge_margin());
  voucher_.reset();
}

// Part of the still layer changed: the area (grown by `margin`) is redrawn, clipped, at the
// next render. No area may cross the card's photo: a scaled draw, clipped, rounds
// differently from a whole one.
void Overlay::still_changed(SDL_Rect area, int margin) {
  if (still_dirty_) return;  // all of it is redrawn anyway
  int m = margin;
  still_areas_.push_back(SDL_Rect{area.x - m, area.y - m, area.w + 2 * m, area.h + 2 * m});
}

Status Overlay::resize(int width, int height) {
  if (width < 16 || height < 16 || width > 4096 || height > 4096)
    return Error{ErrorKind::invalid_input, "overlay size out of range"};
  // Textures belong to a renderer: keep the card's image by re-decoding is not possible
  // here, so a resize drops it and the page sets it again.
  card_image_ = Image();
  regular_.forget_textures();
  bold_.forget_textures();
  if (heart_) SDL_DestroyTexture(heart_);
  heart_ = nullptr;
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (surface_) SDL_FreeSurface(surface_);
  surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
  if (!surface_) return Error{ErrorKind::internal, std::string("surface: ") + SDL_GetError()};
  renderer_ = SDL_CreateSoftwareRenderer(surface_);
  if (!renderer_) return Error{ErrorKind::internal, std::string("renderer: ") + SDL_GetError()};
  w_ = width;
  h_ = height;
  still_dirty_ = true;
  moved_ = SDL_Rect{0, 0, 0, 0};
  return {};
}

Status Overlay::load_fonts(std::string_view regular_ttf, std::string_view bold_ttf) {
  still_dirty_ = true;
  Status a = regular_.load(regular_ttf);
  if (!a.ok()) return a;
  return bold_.load(bold_ttf);
}

Status Overlay::set_card_image(std::string_view bytes) {
  auto img = Image::decode(renderer_, bytes);
  if (!img) return img.error();
  card_image_ = std::move(*img);
  still_dirty_ = true;
  return {};
}

void Overlay::set_card(const ProductCardText& text) {
  if (card_ && card_->name == text.name && card_->price == text.price && card_->original_price == text.original_price &&
      card_->discount == text.discount) {
    // The page sets the stock line every second of a flash sale: redraw the card's lower
    // right only (right of the photo, which must never be drawn clipped).
    if (card_->stock == text.stock) return;
    card_->stock = text.stock;
    const float s = scale();
    const SDL_Rect box = card_rect();
    const int right_of_photo = box.x + box.h - int(2 * s);
    const int top = box.y + int(box.h * 0.62f);
    still_changed(SDL_Rect{right_of_photo, top, box.x + box.w + int(4 * s) - right_of_photo, box.y + box.h + int(5 * s) - top}, 0);
    return;
  }
  card_ = text;
  still_dirty_ = true;
}
void Overlay::clear_card() {
  still_dirty_ |= card_.has_value() || card_image_.texture();
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

void Overlay::add_hearts(int count, double now) {
  if (reduced_motion_) return;
  for (int i = 0; i < count && i < kMaxHearts; ++i) {
    // Staggered so a burst of likes streams rather than stacks.
    hearts_[heart_next_] = Heart{now + i * 0.12, mix(++heart_seq_)};
    heart_next_ = (heart_next_ + 1) % kMaxHearts;
    if (heart_count_ < kMaxHearts) ++heart_count_;
  }
}

bool Overlay::animating(double now) const {
  if (reduced_motion_) return false;
  for (int i = 0; i < heart_count_; ++i)
    if (now < hearts_[i].born + kHeartSeconds) return true;
  return false;
}

namespace {
// Copies the pixels of `area` between two RGBA buffers of the same size.
void copy_rows(const SDL_Rect& area, const uint8_t* from, uint8_t* to, size_t pitch) {
  if (area.w <= 0 || area.h <= 0) return;
  const size_t x0 = size_t(area.x) * 4, len = size_t(area.w) * 4;
  for (int y = area.y; y < area.y + area.h; ++y) std::memcpy(to + size_t(y) * pitch + x0, from + size_t(y) * pitch + x0, len);
}
}  // namespace

// Clears the still layer (all of it, or only `area`, clipped) and draws its elements there.
void Overlay::draw_still(const SDL_Rect* area) {
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
  SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 0);
  if (area) {
    SDL_RenderSetClipRect(renderer_, area);
    SDL_RenderFillRect(renderer_, area);
  } else {
    SDL_RenderClear(renderer_);
  }
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_BLEND);
  if (voucher_) draw_voucher();
  if (flash_) draw_flash_sale();
  if (card_) draw_card();
}

void Overlay::render(double now) {
  uint8_t* px = static_cast<uint8_t*>(surface_->pixels);
  const size_t pitch = size_t(surface_->pitch);
  if (still_dirty_) {
    draw_still(nullptr);
    SDL_RenderFlush(renderer_);  // the software renderer batches: pixels are final after this
    still_.assign(px, px + pitch * size_t(h_));
    still_dirty_ = false;
    still_areas_.clear();
  } else {
    // Put back the still layer where the hearts were, then redraw the parts that changed.
    copy_rows(moved_, still_.data(), px, pitch);
    if (!still_areas_.empty()) {
      const SDL_Rect canvas{0, 0, w_, h_};
      for (SDL_Rect& area : still_areas_) {
        if (!SDL_IntersectRect(&area, &canvas, &area)) area = SDL_Rect{0, 0, 0, 0};
        if (area.w > 0) draw_still(&area);
      }
      SDL_RenderSetClipRect(renderer_, nullptr);
      SDL_RenderFlush(renderer_);
      for (const SDL_Rect& area : still_areas_) copy_rows(area, px, still_.data(), pitch);
      still_areas_.clear();
    }
  }
  moved_ = SDL_Rect{0, 0, 0, 0};
  if (!reduced_motion_) draw_hearts(now);
  SDL_RenderPresent(renderer_);
}

SDL_Rect Overlay::flash_rect() const {
  float s = scale();
  SDL_Rect card = card_rect();
  int w = int(std::min(300 * s, w_ - 24 * s)), h = int(40 * s);
  int bottom = card.h > 0 ? card.y - int(8 * s) : h_ - int(16 * s);
  return SDL_Rect{int(12 * s), bottom - h, w, h};
}

SDL_Rect Overlay::voucher_rect() const {
  float s = scale();
  int w = int(168 * s), h = int(54 * s);
  return SDL_Rect{w_ - w - int(12 * s), int(64 * s), w, h};
}

void Overlay::draw_flash_sale() {
  const float s = scale();
  const SDL_Rect box = flash_rect();
  fill_rounded_rect(renderer_, box, int(10 * s), kFlashBg);
  const float px = 14 * s, pad = 10 * s;
  float base = box.y + box.h * 0.5f + px * 0.35f - 3 * s;
  float x = bold_.draw(renderer_, px, flash_->label, box.x + pad, base, kBadgeInk);
  // Time left, right-aligned: the number that creates urgency gets the space it needs.
  float tw = bold_.measure(px, flash_->time_left);
  bold_.draw(renderer_, px, flash_->time_left, box.x + box.w - pad - tw, base, kBadgeInk);
  float sold_px = 11 * s;
  float sw = regular_.measure(sold_px, flash_->sold);
  float sold_x = box.x + box.w - pad - tw - 10 * s - sw;
  if (sold_x > x + 8 * s) regular_.draw(renderer_, sold_px, flash_->sold, sold_x, base, kBadgeInk);
  // Progress bar of stock sold along the bottom edge.
  SDL_Rect track{box.x + int(pad), box.y + box.h - int(8 * s), box.w - int(2 * pad), std::max(2, int(4 * s))};
  fill_rounded_rect(renderer_, track, track.h / 2, kFlashTrack);
  double f = std::isfinite(flash_->fraction_sold) ? std::min(1.0, std::max(0.0, flash_->fraction_sold)) : 0;
  SDL_Rect bar{track.x, track.y, int(track.w * f), track.h};
  fill_rounded_rect(renderer_, bar, track.h / 2, kFlashBar);
}

void Overlay::draw_voucher() {
  const float s = scale();
  const SDL_Rect box = voucher_rect();
  fill_rounded_rect(renderer_, box, int(8 * s), kVoucherEdge);
  SDL_Rect inner{box.x + int(2 * s), box.y + int(2 * s), box.w - int(4 * s), box.h - int(4 * s)};
  fill_rounded_rect(renderer_, inner, int(7 * s), kVoucherBg);
  // Ticket notches on both sides.
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
  int r = int(6 * s);
  fill_rounded_rect(renderer_, SDL_Rect{box.x - r, box.y + box.h / 2 - r, 2 * r, 2 * r}, r, SDL_Color{0, 0, 0, 0});
  fill_rounded_rect(renderer_, SDL_Rect{box.x + box.w - r, box.y + box.h / 2 - r, 2 * r, 2 * r}, r, SDL_Color{0, 0, 0, 0});
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_BLEND);
  const float pad = 12 * s, tpx = 13 * s, dpx = 10 * s, w = box.w - 2 * pad;
  bold_.draw(renderer_, tpx, bold_.elide(tpx, voucher_->title, w), box.x + pad, box.y + 22 * s, kVoucherInk);
  regular_.draw(renderer_, dpx, regular_.elide(dpx, voucher_->detail, w), box.x + pad, box.y + 40 * s, kVoucherInk);
}

SDL_Texture* Overlay::heart_texture() {
  if (heart_) return heart_;
  // The implicit heart curve (x^2 + y^2 - 1)^3 - x^2 y^3 <= 0, 4x4 supersampled for soft edges.
  std::vector<uint32_t> px(kHeartSprite * kHeartSprite);
  for (int y = 0; y < kHeartSprite; ++y)
    for (int x = 0; x < kHeartSprite; ++x) {
      int inside = 0;
      for (int sy = 0; sy < 4; ++sy)
        for (int sx = 0; sx < 4; ++sx) {
          double u = ((x + (sx + 0.5) / 4) / kHeartSprite - 0.5) * 2.6;
          double v = (0.5 - (y + (sy + 0.5) / 4) / kHeartSprite) * 2.6 + 0.15;
          double a = u * u + v * v - 1;
          inside += a * a * a - u * u * v * v * v <= 0;
        }
      px[size_t(y) * kHeartSprite + x] = (uint32_t(inside * 255 / 16) << 24) | 0x00FFFFFFu;
    }
  heart_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, kHeartSprite, kHeartSprite);
  if (heart_) {
    SDL_UpdateTexture(heart_, nullptr, px.data(), kHeartSprite * 4);
    SDL_SetTextureBlendMode(heart_, SDL_BLENDMODE_BLEND);
  }
  return heart_;
}

void Overlay::draw_hearts(double now) {
  if (heart_count_ == 0) return;
  SDL_Texture* tex = heart_texture();
  if (!tex) return;
  static constexpr SDL_Color kColors[] = {{255, 64, 129, 255}, {255, 82, 82, 255}, {255, 171, 64, 255}, {224, 64, 251, 255}};
  const float s = scale();
  for (int i = 0; i < heart_count_; ++i) {
    const Heart& h = hearts_[i];
    double age = (now - h.born) / kHeartSeconds;
    if (age < 0 || age >= 1) continue;
    float sway = float(std::sin(age * 6.28 + (h.seed & 0xFF) / 40.0) * 14 * s);
    float x = w_ - 48 * s + sway + float(int(h.seed >> 8 & 0x1F) - 16) * s;
    float y = h_ - 130 * s - float(age * 300 * s);
    float size = (22 + float(h.seed >> 16 & 0x7)) * s * float(std::min(1.0, age * 5 + 0.4));
    SDL_Color c = kColors[h.seed >> 24 & 3];
    SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(tex, Uint8(255 * std::min(1.0, (1 - age) * 2.5)));
    SDL_FRect dst{x - size / 2, y - size / 2, size, size};
    SDL_RenderCopyF(renderer_, tex, nullptr, &dst);
    // What the next frame must restore: the heart's pixels with a pixel to spare each side
    // (the renderer rounds the float rectangle), inside the canvas.
    SDL_Rect area{int(std::floor(dst.x)) - 1, int(std::floor(dst.y)) - 1, int(std::ceil(size)) + 3, int(std::ceil(size)) + 3};
    SDL_Rect canvas{0, 0, w_, h_}, clipped;
    if (SDL_IntersectRect(&area, &canvas, &clipped)) {
      if (moved_.w > 0) SDL_UnionRect(&moved_, &clipped, &moved_);
      else moved_ = clipped;
    }
  }
}

void Overlay::draw_card() {
  const float s = scale();
  const SDL_Rect box = card_rect();
  const int radius = int(12 * s);
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_BLEND);
  const SDL_Rect covered = rounded_rect_core(box, radius);  // by the opaque card, next
  fill_rounded_rect(renderer_, SDL_Rect{box.x + int(2 * s), box.y + int(3 * s), box.w, box.h}, radius, kShadow, &covered);
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
  if (!card_->stock.empty()) {
    // Stock, bottom right: scarcity is information, shown small and muted.
    float sw = regular_.measure(small_px, card_->stock);
    regular_.draw(renderer_, small_px, card_->stock, box.x + box.w - pad - sw, y + small_px + 6 * s, kMuted);
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
