#include "overlay/shapes.h"

#include <algorithm>
#include <cmath>

namespace etalase {

namespace {
// Fills `rect` but for its overlap with `skip` (when given): up to four rectangles.
void fill_except(SDL_Renderer* r, const SDL_Rect& rect, const SDL_Rect* skip) {
  SDL_Rect in;
  if (!skip || !SDL_IntersectRect(&rect, skip, &in)) {
    SDL_RenderFillRect(r, &rect);
    return;
  }
  const SDL_Rect parts[4] = {
      {rect.x, rect.y, rect.w, in.y - rect.y},                              // above
      {rect.x, in.y + in.h, rect.w, rect.y + rect.h - (in.y + in.h)},       // below
      {rect.x, in.y, in.x - rect.x, in.h},                                  // left
      {in.x + in.w, in.y, rect.x + rect.w - (in.x + in.w), in.h},           // right
  };
  for (const SDL_Rect& p : parts) {
    if (p.w > 0 && p.h > 0) SDL_RenderFillRect(r, &p);
  }
}
}  // namespace

SDL_Rect rounded_rect_core(SDL_Rect box, int radius) {
  radius = std::max(0, std::min(radius, std::min(box.w, box.h) / 2));
  return SDL_Rect{box.x, box.y + radius, box.w, box.h - 2 * radius};
}

void fill_rounded_rect(SDL_Renderer* r, SDL_Rect box, int radius, SDL_Color c, const SDL_Rect* skip) {
  if (box.w <= 0 || box.h <= 0) return;
  radius = std::max(0, std::min(radius, std::min(box.w, box.h) / 2));
  // An opaque colour blends to itself: a plain fill gives the same pixels, and SDL's software
  // renderer fills without blending many times faster (most of a first frame went here).
  SDL_BlendMode mode = SDL_BLENDMODE_NONE;
  SDL_GetRenderDrawBlendMode(r, &mode);
  if (c.a == 255) SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
  SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
  fill_except(r, rounded_rect_core(box, radius), skip);
  for (int dy = 0; dy < radius; ++dy) {
    // Row dy from the top edge: inset by how far the circle is from the corner.
    float yc = radius - dy - 0.5f;
    int inset = radius - int(std::lround(std::sqrt(std::max(0.0f, float(radius * radius) - yc * yc))));
    fill_except(r, SDL_Rect{box.x + inset, box.y + dy, box.w - 2 * inset, 1}, skip);
    fill_except(r, SDL_Rect{box.x + inset, box.y + box.h - 1 - dy, box.w - 2 * inset, 1}, skip);
  }
  SDL_SetRenderDrawBlendMode(r, mode);
}

}  // namespace etalase
