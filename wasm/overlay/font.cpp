#include "core/text/utf8.h"
#include "overlay/font.h"

#include <cmath>

#include "stb_truetype.h"

namespace etalase {

namespace {
// Unicode ranges an atlas covers: what product names and prices need in the app's
// Latin-script locales (id, en, ms, vi).
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
// An atlas starts with room for about 64 glyphs of its size and doubles its side when
// a glyph no longer fits: a card needs a few dozen characters at each of about eight sizes,
// and whole 1024 x 1024 atlases (a 4 MB texture each) made the first frame slow.
constexpr int kMinSide = 128, kMaxSide = 2048;
int first_side(float px) {
  float cell = (px + 2) * (px * 0.7f + 2);  // a glyph's box, roughly
  int side = kMinSide;
  while (side < kMaxSide && float(side) * float(side) < 64 * cell) side *= 2;
  return side;
}
}  // namespace

// One pixel size: glyphs are rasterized into `alpha` as text first needs them (a card shows a
// few dozen characters, the ranges hold over five hundred), and uploaded to the texture.
struct FontAtlas {
  float px = 0;
  int side = 0;                      // alpha and texture are side x side
  std::vector<unsigned char> alpha;  // coverage; the packer writes here
  stbtt_pack_context pc{};           // kept open so later glyphs pack beside earlier ones
  std::map<uint32_t, stbtt_packedchar> glyphs;
  SDL_Texture* texture = nullptr;    // made on the first draw with a renderer
  std::vector<SDL_Rect> unsent;      // glyphs packed since the texture was made or remade
  ~FontAtlas() {
    stbtt_PackEnd(&pc);
    if (texture) SDL_DestroyTexture(texture);
  }
  void begin(int new_side) {
    side = new_side;
    alpha.assign(size_t(side) * size_t(side), 0);
    stbtt_PackBegin(&pc, alpha.data(), side, side, 0, 1, nullptr);
    stbtt_PackSetOversampling(&pc, 1, 1);
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

namespace {

// White glyphs with coverage as alpha: colour comes from SDL_SetTextureColorMod.
void upload(FontAtlas* a, const SDL_Rect& rect) {
  std::vector<uint32_t> argb(size_t(rect.w) * size_t(rect.h));
  for (int y = 0; y < rect.h; ++y) {
    const unsigned char* row = &a->alpha[size_t(rect.y + y) * size_t(a->side) + size_t(rect.x)];
    for (int x = 0; x < rect.w; ++x) argb[size_t(y) * rect.w + x] = (uint32_t(row[x]) << 24) | 0x00FFFFFFu;
  }
  SDL_UpdateTexture(a->texture, &rect, argb.data(), rect.w * 4);
}

bool pack(FontAtlas* a, const std::string& ttf, uint32_t cp, stbtt_packedchar* out) {
  return stbtt_PackFontRange(&a->pc, reinterpret_cast<const unsigned char*>(ttf.data()), 0, a->px, int(cp), 1, out) != 0;
}

// Doubles the atlas and packs its glyphs again (their places change). The texture goes: the
// next draw makes it anew from the whole atlas. Glyphs that fit before fit in twice the side.
void grow(FontAtlas* a, const std::string& ttf) {
  stbtt_PackEnd(&a->pc);
  a->begin(a->side * 2);
  for (auto& [cp, pch] : a->glyphs) pack(a, ttf, cp, &pch);
  if (a->texture) SDL_DestroyTexture(a->texture);
  a->texture = nullptr;
  a->unsent.assign(1, SDL_Rect{0, 0, a->side, a->side});
}

// The glyph of `cp`, rasterized on first use; null outside the atlas's ranges.
const stbtt_packedchar* glyph(FontAtlas* a, const std::string& ttf, uint32_t cp) {
  auto it = a->glyphs.find(cp);
  if (it != a->glyphs.end()) return &it->second;
  bool covered = false;
  for (const Range& range : kRanges) covered |= cp >= uint32_t(range.first) && cp < uint32_t(range.first + range.count);
  if (!covered) return nullptr;
  stbtt_packedchar pch{};
  while (!pack(a, ttf, cp, &pch)) {
    if (a->side >= kMaxSide) return nullptr;  // a size no screen draws at
    grow(a, ttf);
  }
  SDL_Rect rect{pch.x0, pch.y0, pch.x1 - pch.x0, pch.y1 - pch.y0};
  if (rect.w > 0 && rect.h > 0) {
    if (a->texture) upload(a, rect);
    else a->unsent.push_back(rect);
  }
  return &a->glyphs.emplace(cp, pch).first->second;
}

}  // namespace

FontAtlas* Font::atlas_for(SDL_Renderer* r, float px) {
  int key = int(std::lround(px * 4));
  auto it = atlases_.find(key);
  if (it == atlases_.end()) {
    auto atlas = std::make_unique<FontAtlas>();
    atlas->px = px;
    atlas->begin(first_side(px));
    it = atlases_.emplace(key, std::move(atlas)).first;
  }
  FontAtlas* a = it->second.get();
  if (r) make_texture(r, a);
  return a;
}

// Makes the atlas's texture when it has none (at first or after the atlas grew); true then.
bool Font::make_texture(SDL_Renderer* r, FontAtlas* a) {
  if (a->texture) return false;
  a->texture = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, a->side, a->side);
  if (!a->texture) return false;
  SDL_SetTextureBlendMode(a->texture, SDL_BLENDMODE_BLEND);
  for (const SDL_Rect& rect : a->unsent) upload(a, rect);
  a->unsent.clear();
  return true;
}


float Font::measure(float px, std::string_view utf8) {
  if (!loaded()) return 0;
  FontAtlas* a = atlas_for(nullptr, px);
  float w = 0;
  for (Utf8Reader rd(utf8); !rd.done();) {
    if (const stbtt_packedchar* g = glyph(a, ttf_, rd.next())) w += g->xadvance;
  }
  return w;
}

float Font::draw(SDL_Renderer* r, float px, std::string_view utf8, float x, float baseline, SDL_Color c) {
  if (!loaded()) return x;
  FontAtlas* a = atlas_for(r, px);
  bool tinted = false;
  for (Utf8Reader rd(utf8); !rd.done();) {
    const stbtt_packedchar* pc = glyph(a, ttf_, rd.next());
    if (!pc) continue;
    // Anew after the atlas grew for this glyph (a new texture may reuse the old address, so
    // "made" is what says it needs its colour).
    bool made = make_texture(r, a);
    if (!a->texture) return x;
    if (made || !tinted) {
      tinted = true;
      SDL_SetTextureColorMod(a->texture, c.r, c.g, c.b);
      SDL_SetTextureAlphaMod(a->texture, c.a);
    }
    SDL_Rect src{pc->x0, pc->y0, pc->x1 - pc->x0, pc->y1 - pc->y0};
    SDL_FRect dst{x + pc->xoff, baseline + pc->yoff, float(src.w), float(src.h)};
    if (src.w > 0 && src.h > 0) SDL_RenderCopyF(r, a->texture, &src, &dst);
    x += pc->xadvance;
  }
  return x;
}

std::string Font::elide(float px, std::string_view utf8, float max_width) {
  if (measure(px, utf8) <= max_width) return std::string(utf8);
  const char* ellipsis = "\xE2\x80\xA6";
  float budget = max_width - measure(px, ellipsis);
  FontAtlas* a = atlas_for(nullptr, px);
  float w = 0;
  size_t cut = 0;
  for (Utf8Reader rd(utf8); !rd.done();) {
    const stbtt_packedchar* g = glyph(a, ttf_, rd.next());
    float adv = g ? g->xadvance : 0;
    if (w + adv > budget) break;
    w += adv;
    cut = rd.offset();
  }
  // Do not leave a dangling space before the ellipsis.
  while (cut > 0 && utf8[cut - 1] == ' ') --cut;
  return std::string(utf8.substr(0, cut)) + ellipsis;
}

}  // namespace etalase
