// The categories a verdict can carry, with their stable names (used in JSON and i18n keys).
#pragma once
#include <cstdint>
#include <string_view>

namespace etalase {

enum class Category : uint8_t {
  profanity, insult, sexual, hate, threat,  // lexicon categories
  contact, link, scam, gambling,            // rules
  spam,                                     // caps / emoji / character floods in one message
  flood,                                    // rate, repeats, same text from many users
};
constexpr int kCategoryCount = 11;

std::string_view category_name(Category c);
bool parse_category(std::string_view name, Category* out);

// A small bit set; iteration order is the enum order.
struct CategorySet {
  uint32_t bits = 0;
  void add(Category c) { bits |= 1u << int(c); }
  bool has(Category c) const { return bits & (1u << int(c)); }
  bool empty() const { return bits == 0; }
};

}  // namespace etalase
