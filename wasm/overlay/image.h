// Product images: PNG or JPEG bytes decoded by stb_image into an SDL texture.
// Untrusted input (a show file may point anywhere): dimensions are checked before decoding.
#pragma once
#include <string_view>

#include <SDL.h>

#include "core/moderation/result.h"

namespace etalase {

constexpr int kMaxImageSide = 2048;

class Image {
 public:
  Image() = default;
  ~Image();
  Image(const Image&) = delete;
  Image& operator=(const Image&) = delete;
  Image(Image&& o) noexcept { *this = std::move(o); }
  Image& operator=(Image&& o) noexcept;

  static Expected<Image> decode(SDL_Renderer* r, std::string_view bytes);
  SDL_Texture* texture() const { return texture_; }
  int width() const { return w_; }
  int height() const { return h_; }

 private:
  SDL_Texture* texture_ = nullptr;
  int w_ = 0, h_ = 0;
};

}  // namespace etalase
