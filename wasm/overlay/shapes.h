// Filled shapes the software renderer lacks.
#pragma once
#include <SDL.h>

namespace etalase {

// A rounded rectangle: corner circles are filled row by row (exact, no antialiasing).
// Pixels inside `skip` are left alone: for a translucent shadow under an opaque shape that
// will cover them anyway, blending them would only cost time.
void fill_rounded_rect(SDL_Renderer* r, SDL_Rect box, int radius, SDL_Color c, const SDL_Rect* skip = nullptr);

// The widest full-height band a rounded rectangle surely covers (its middle rows).
SDL_Rect rounded_rect_core(SDL_Rect box, int radius);

}  // namespace etalase
