// Bytes from a JS Uint8Array into C++ in one native copy. embind's std::string conversion
// copies a typed array byte by byte in JS: for the ICU data and the fonts (3 MB at start-up)
// that loop alone cost tens of milliseconds before the first frame.
#pragma once
#include <string>

#include <emscripten/val.h>

namespace etalase {

// A non-Uint8Array (or anything without a length) gives an empty string.
inline std::string bytes_from_js(const emscripten::val& u8) {
  std::string out;
  if (!u8.instanceof(emscripten::val::global("Uint8Array"))) return out;
  out.resize(u8["length"].as<size_t>());
  if (!out.empty()) {
    emscripten::val(emscripten::typed_memory_view(out.size(), reinterpret_cast<unsigned char*>(&out[0])))
        .call<void>("set", u8);
  }
  return out;
}

}  // namespace etalase
