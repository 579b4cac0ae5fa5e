#include "core/moderation/categories.h"

#include "core/moderation/moderator.h"

namespace etalase {

namespace {
constexpr std::string_view kNames[kCategoryCount] = {
    "profanity", "insult", "sexual", "hate", "threat", "contact",
    "link",      "scam",   "gambling", "spam", "flood",
};
}  // namespace

std::string_view category_name(Category c) {
  int i = int(c);
  return i >= 0 && i < kCategoryCount ? kNames[i] : std::string_view("unknown");
}

bool parse_category(std::string_view name, Category* out) {
  for (int i = 0; i < kCategoryCount; ++i) {
    if (kNames[i] == name) {
      if (out) *out = Category(i);
      return true;
    }
  }
  return false;
}

const char* action_name(Action a) {
  switch (a) {
    case Action::allow: return "allow";
    case Action::mask: return "mask";
    case Action::hold: return "hold";
    case Action::block: return "block";
  }
  return "allow";
}

}  // namespace etalase
