// Filled shapes the software renderer lacks.
#pragma once
#include <SDL.h>

namespace etalase {

// A rounded rectangle: corner circles are filled row by row (exact, no antialiasing).
void fill_rounded_rect(SDL_Renderer* r, SDL_Rect box, int radius, SDL_Color c);

}  // namespace etalase
