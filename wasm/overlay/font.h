// A TrueType font rasterized by stb_truetype into one glyph atlas per pixel size, a glyph at
// a time as text first needs it, drawn with an SDL_Renderer. Covers Latin (incl.
// Vietnamese), general punctuation and currency signs; characters outside those ranges are
// skipped.
//
//   Font f;
//   if (!f.load(ttf_bytes).ok()) ...;          // bytes are copied
//   f.draw(renderer, 15, "Kaos Polos", x, baseline_y, {34, 34, 34, 255});
//   std::string fit = f.elide(15, name, 200);   // "Kaos Polos Katun Premi…"
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <SDL.h>

#include "core/moderation/result.h"

namespace etalase {

struct FontAtlas;  // one pixel size's glyphs (font.cpp)

class Font {
 public:
  Font();
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  Status load(std::string_view ttf_bytes);
  bool loaded() const { return !ttf_.empty(); }

  // Width in pixels of UTF-8 text at a pixel height.
  float measure(float px, std::string_view utf8);
  // Draws at a baseline; returns the x after the last glyph.
  float draw(SDL_Renderer* r, float px, std::string_view utf8, float x, float baseline, SDL_Color color);
  // The longest prefix (at character boundaries) that fits in max_width with "…" appended,
  // or the text itself when it fits.
  std::string elide(float px, std::string_view utf8, float max_width);
  float ascent(float px);
  // Glyph textures belong to one renderer: drop them before that renderer goes away.
  void forget_textures();

 private:
  FontAtlas* atlas_for(SDL_Renderer* r, float px);
  static bool make_texture(SDL_Renderer* r, FontAtlas* a);
  std::string ttf_;
  std::map<int, std::unique_ptr<FontAtlas>> atlases_;  // keyed by pixel size
};

}  // namespace etalase
