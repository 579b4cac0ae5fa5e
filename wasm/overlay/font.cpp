#include "core/text/utf8.h"
#include "overlay/font.h"

#include <cmath>

#include "stb_truetype.h"

namespace etalase {

namespace {
// Unicode ranges baked into every atlas: what product names and prices need in the
// app's Latin-script locales (id, en, ms, vi).
struct Range { int first; int count; };
constexpr Range kRanges[] = {
    {0x20, 0x5F},     // ASCII
    {0xA0, 0xE0},     // Latin-1 supplement + Latin Extended-A
    {0x1A0, 0x20},    // Vietnamese horn letters (Ơ ơ Ư ư) and neighbours
    {0x300, 0x10},    // combining accents
    {0x1EA0, 0x5A},   // Vietnamese precomposed letters
    {0x2010, 0x30},   // dashes, quotes, ellipsis
    {0x20A0, 0x20},   // currency signs (₫ ₱ ₹ €)
    {0x2665, 0x1},    // heart
};
constexpr int kAtlasSize = 1024;
}  // namespace

struct Font::Atlas {
  SDL_Texture* texture = nullptr;
  std::map<uint32_t, stbtt_packedchar> glyphs;
  float px = 0;
  ~Atlas() {
    if (texture) SDL_DestroyTexture(texture);
  }
};

Font::Font() = default;
Font::~Font() = default;
void Font::forget_textures() { atlases_.clear(); }

Status Font::load(std::string_view bytes) {
  stbtt_fontinfo info;
  // stb_truetype trusts its input; check the offset table before handing bytes over.
  if (bytes.size() < 12 || stbtt_GetFontOffsetForIndex(reinterpret_cast<const unsigned char*>(bytes.data()), 0) < 0 ||
      !stbtt_InitFont(&info, reinterpret_cast<const unsigned char*>(bytes.data()), 0)) {
    return Error{ErrorKind::invalid_data, "not a TrueType font"};
  }
  ttf_.assign(bytes.data(), bytes.size());
  atlases_.clear();
  return {};
}

float Font::ascent(float px) {
  stbtt_fontinfo info;
  stbtt_InitFont(&info, reinterpret_cast<const unsigned char*>(ttf_.data()), 0);
  int asc, desc, gap;
  stbtt_GetFontVMetrics(&info, &asc, &desc, &gap);
  return asc * stbtt_ScaleForPixelHeight(&info, px);
}

Font::Atlas* Font::atlas_for(SDL_Renderer* r, float px) {
  int key = int(std::lround(px * 4));
  auto it = atlases_.find(key);
  if (it != atlases_.end()) return it->second.get();
  auto atlas = std::make_unique<Atlas>();
  atlas->px = px;
  std::vector<unsigned char> alpha(size_t(kAtlasSize) * kAtlasSize);
  stbtt_pack_context pc;
  stbtt_PackBegin(&pc, alpha.data(), kAtlasSize, kAtlasSize, 0, 1, nullptr);
  stbtt_PackSetOversampling(&pc, 1, 1);
  for (const Range& range : kRanges) {
    std::vector<stbtt_packedchar> chars(range.count);
    stbtt_PackFontRange(&pc, reinterpret_cast<const unsigned char*>(ttf_.data()), 0, px, range.first,
                        range.count, chars.data());
    for (int i = 0; i < range.count; ++i) atlas->glyphs[uint32_t(range.first + i)] = chars[i];
  }
  stbtt_PackEnd(&pc);
  // White glyphs with coverage as alpha: colour comes from SDL_SetTextureColorMod.
  std::vector<uint32_t> rgba(alpha.size());
  for (size_t i = 0; i < alpha.size(); ++i) rgba[i] = (uint32_t(alpha[i]) << 24) | 0x00FFFFFFu;
  if (r) {
    atlas->texture = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, kAtlasSize, kAtlasSize);
    if (atlas->texture) {
      SDL_UpdateTexture(atlas->texture, nullptr, rgba.data(), kAtlasSize * 4);
      SDL_SetTextureBlendMode(atlas->texture, SDL_BLENDMODE_BLEND);
    }
  }
  return atlases_.emplace(key, std::move(atlas)).first->second.get();
}

float Font::measure(float px, std::string_view utf8) {
  if (!loaded()) return 0;
  Atlas* a = atlas_for(nullptr, px);
  float w = 0;
  for (Utf8Reader rd(utf8); !rd.done();) {
    auto g = a->glyphs.find(rd.next());
    if (g != a->glyphs.end()) w += g->second.xadvance;
  }
  return w;
}

float Font::draw(SDL_Renderer* r, float px, std::string_view utf8, float x, float baseline, SDL_Color c) {
  if (!loaded()) return x;
  Atlas* a = atlas_for(r, px);
  if (!a->texture) {  // measured before a renderer existed: bake the texture now
    atlases_.erase(int(std::lround(px * 4)));
    a = atlas_for(r, px);
    if (!a->texture) return x;
  }
  SDL_SetTextureColorMod(a->texture, c.r, c.g, c.b);
  SDL_SetTextureAlphaMod(a->texture, c.a);
  for (Utf8Reader rd(utf8); !rd.done();) {
    auto g = a->glyphs.find(rd.next());
    if (g == a->glyphs.end()) continue;
    const stbtt_packedchar& pc = g->second;
    SDL_Rect src{pc.x0, pc.y0, pc.x1 - pc.x0, pc.y1 - pc.y0};
    SDL_FRect dst{x + pc.xoff, baseline + pc.yoff, float(src.w), float(src.h)};
    if (src.w > 0 && src.h > 0) SDL_RenderCopyF(r, a->texture, &src, &dst);
    x += pc.xadvance;
  }
  return x;
}

std::string Font::elide(float px, std::string_view utf8, float max_width) {
  if (measure(px, utf8) <= max_width) return std::string(utf8);
  const char* ellipsis = "\xE2\x80\xA6";
  float budget = max_width - measure(px, ellipsis);
  Atlas* a = atlas_for(nullptr, px);
  float w = 0;
  size_t cut = 0;
  for (Utf8Reader rd(utf8); !rd.done();) {
    auto g = a->glyphs.find(rd.next());
    float adv = g != a->glyphs.end() ? g->second.xadvance : 0;
    if (w + adv > budget) break;
    w += adv;
    cut = rd.offset();
  }
  // Do not leave a dangling space before the ellipsis.
  while (cut > 0 && utf8[cut - 1] == ' ') --cut;
  return std::string(utf8.substr(0, cut)) + ellipsis;
}

}  // namespace etalase
