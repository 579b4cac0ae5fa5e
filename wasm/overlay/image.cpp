#include "overlay/image.h"

#include <string>
#include <utility>

#include "stb_image.h"

namespace etalase {

Image::~Image() {
  if (texture_) SDL_DestroyTexture(texture_);
}

Image& Image::operator=(Image&& o) noexcept {
  std::swap(texture_, o.texture_);
  std::swap(w_, o.w_);
  std::swap(h_, o.h_);
  return *this;
}

Expected<Image> Image::decode(SDL_Renderer* r, std::string_view bytes) {
  const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
  int len = bytes.size() > 64u * 1024 * 1024 ? 0 : int(bytes.size());
  int w = 0, h = 0, comp = 0;
  if (len == 0 || !stbi_info_from_memory(data, len, &w, &h, &comp))
    return Error{ErrorKind::invalid_data, "not a PNG or JPEG image"};
  if (w <= 0 || h <= 0 || w > kMaxImageSide || h > kMaxImageSide)
    return Error{ErrorKind::invalid_data, "image too large: " + std::to_string(w) + "x" + std::to_string(h) +
                                              " (at most " + std::to_string(kMaxImageSide) + " per side)"};
  stbi_uc* pixels = stbi_load_from_memory(data, len, &w, &h, &comp, 4);
  if (!pixels) return Error{ErrorKind::invalid_data, std::string("image decode failed: ") + stbi_failure_reason()};
  Image img;
  img.texture_ = SDL_CreateTexture(r, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, w, h);
  if (img.texture_) {
    SDL_UpdateTexture(img.texture_, nullptr, pixels, w * 4);
    SDL_SetTextureBlendMode(img.texture_, SDL_BLENDMODE_BLEND);
  }
  stbi_image_free(pixels);
  if (!img.texture_) return Error{ErrorKind::internal, std::string("texture: ") + SDL_GetError()};
  img.w_ = w;
  img.h_ = h;
  return img;
}

}  // namespace etalase
