// Display order for text with explicit bidi controls. "dasar \u202Egnijna\u202C" is stored
// as "gnijna" but a browser shows "anjing": moderation must read what the viewer sees. ICU's
// bidi algorithm (UAX #9) gives the visual order and, per UTF-16 unit of it, the logical
// unit it came from, so matches found there map back to spans of the original text.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace etalase {

// Whether `utf8` holds an explicit embedding, override or isolate (U+202A-202E, U+2066-2069):
// without one, the visual order of the chat's scripts reads as the logical one.
bool has_bidi_controls(std::string_view utf8);

// Writes `utf8` (well-formed) in visual order to `out`, and to `logical16[v]` the UTF-16
// index in the original of visual UTF-16 unit v. False when ICU cannot (the caller then
// moderates the logical order only).
bool visual_order(std::string_view utf8, std::string& out, std::vector<uint32_t>& logical16);

}  // namespace etalase
