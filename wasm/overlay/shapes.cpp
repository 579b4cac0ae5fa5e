#include "overlay/shapes.h"

#include <algorithm>
#include <cmath>

namespace etalase {

void fill_rounded_rect(SDL_Renderer* r, SDL_Rect box, int radius, SDL_Color c) {
  if (box.w <= 0 || box.h <= 0) return;
  radius = std::max(0, std::min(radius, std::min(box.w, box.h) / 2));
  SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
  SDL_Rect middle{box.x, box.y + radius, box.w, box.h - 2 * radius};
  SDL_RenderFillRect(r, &middle);
  for (int dy = 0; dy < radius; ++dy) {
    // Row dy from the top edge: inset by how far the circle is from the corner.
    float yc = radius - dy - 0.5f;
    int inset = radius - int(std::lround(std::sqrt(std::max(0.0f, float(radius * radius) - yc * yc))));
    SDL_Rect top{box.x + inset, box.y + dy, box.w - 2 * inset, 1};
    SDL_Rect bottom{box.x + inset, box.y + box.h - 1 - dy, box.w - 2 * inset, 1};
    SDL_RenderFillRect(r, &top);
    SDL_RenderFillRect(r, &bottom);
  }
}

}  // namespace etalase
