// The overlay's face for web/overlay.mjs: the core draws into its own RGBA buffer and the
// page copies it into a 2D canvas (SDL's web framebuffer would force every pixel opaque and
// hide the video underneath).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <optional>
#include <string>

#include "bindings/js_bytes.h"
#include "core/shop/product_card.h"
#include "overlay/overlay.h"

using emscripten::val;
using namespace etalase;

namespace {

MoneyFormatter& card_money() {
  static MoneyFormatter f;
  return f;
}

// Constructed from JS as `new core.Overlay(w, h)`; a failed creation leaves error() set.
class JsOverlay {
 public:
  JsOverlay(int w, int h) {
    auto o = Overlay::create(w, h);
    if (o) o_ = std::move(*o);
    else error_ = o.error().message;
  }
  std::string error() const { return error_; }
  std::string resize(int w, int h) { return message(o_->resize(w, h)); }
  std::string load_fonts(val regular, val bold) {
    return message(o_->load_fonts(bytes_from_js(regular), bytes_from_js(bold)));
  }
  std::string set_card_image(val bytes) { return message(o_->set_card_image(bytes_from_js(bytes))); }
  // Formats the prices for the locale and pins the card. Returns the card's text (what the
  // page's accessible button says) or {error}.
  val set_card(const std::string& name, double price, double original, const std::string& currency,
               const std::string& locale) {
    auto t = product_card_text({name, price, original, currency}, locale, card_money());
    val out = val::object();
    if (!t) {
      out.set("error", t.error().message);
      return out;
    }
    card_ = *t;
    o_->set_card(*t);
    out.set("name", t->name);
    out.set("price", t->price);
    out.set("originalPrice", t->original_price);
    out.set("discount", t->discount);
    return out;
  }
  void set_stock_text(const std::string& stock) {
    // The stock line comes from the page's catalog (ICU plural), after set_card.
    if (card_) {
      card_->stock = stock;
      o_->set_card(*card_);
    }
  }
  void clear_card() {
    card_.reset();
    o_->clear_card();
  }
  // The countdown is formatted by the core (countdown_text), the label and sold line by the
  // page's catalog.
  void set_flash_sale(const std::string& label, double seconds_left, const std::string& sold, double fraction) {
    o_->set_flash_sale({label, countdown_text(seconds_left), sold, fraction});
  }
  void clear_flash_sale() { o_->clear_flash_sale(); }
  void set_voucher(const std::string& title, const std::string& detail) { o_->set_voucher({title, detail}); }
  void clear_voucher() { o_->clear_voucher(); }
  void add_hearts(int n, double now) { o_->add_hearts(n, now); }
  void set_reduced_motion(bool on) { o_->set_reduced_motion(on); }
  bool animating(double now) const { return o_->animating(now); }
  void render(double now) { o_->render(now); }
  val pixels() const {
    return val(emscripten::typed_memory_view(size_t(o_->width()) * o_->height() * 4, o_->pixels()));
  }
  val card_rect() const { return rect(o_->card_rect()); }
  static val rect(SDL_Rect r) {
    val out = val::object();
    out.set("x", r.x);
    out.set("y", r.y);
    out.set("width", r.w);
    out.set("height", r.h);
    return out;
  }
  int width() const { return o_->width(); }
  int height() const { return o_->height(); }

 private:
  static std::string message(const Status& s) { return s.ok() ? "" : s.error().message; }
  std::unique_ptr<Overlay> o_;
  std::string error_;
  std::optional<ProductCardText> card_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(etalase_overlay) {
  emscripten::class_<JsOverlay>("Overlay")
      .constructor<int, int>()
      .function("error", &JsOverlay::error)
      .function("resize", &JsOverlay::resize)
      .function("loadFonts", &JsOverlay::load_fonts)
      .function("setCardImage", &JsOverlay::set_card_image)
      .function("setCard", &JsOverlay::set_card)
      .function("setStockText", &JsOverlay::set_stock_text)
      .function("clearCard", &JsOverlay::clear_card)
      .function("setFlashSale", &JsOverlay::set_flash_sale)
      .function("clearFlashSale", &JsOverlay::clear_flash_sale)
      .function("setVoucher", &JsOverlay::set_voucher)
      .function("clearVoucher", &JsOverlay::clear_voucher)
      .function("addHearts", &JsOverlay::add_hearts)
      .function("setReducedMotion", &JsOverlay::set_reduced_motion)
      .function("animating", &JsOverlay::animating)
      .function("render", &JsOverlay::render)
      .function("pixels", &JsOverlay::pixels)
      .function("cardRect", &JsOverlay::card_rect)
      .function("width", &JsOverlay::width)
      .function("height", &JsOverlay::height);
}
