// ICU MessageFormat for UI catalogs: plurals, numbers and selects in the viewer's locale.
//
//   format_message("{count, plural, one {# item} other {# items}}", "en", {{"count", 3.0}})
//     -> "3 items"
//   format_message("Sisa {n}", "id", {{"n", 12.0}}) -> "Sisa 12"
//
// A pattern that does not parse is an error naming the offset, never a half-formatted string.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/moderation/result.h"

namespace etalase {

using MessageArg = std::variant<double, std::string>;
using MessageArgs = std::vector<std::pair<std::string, MessageArg>>;

Expected<std::string> format_message(std::string_view pattern, std::string_view locale, const MessageArgs& args);

// The argument names a message uses ("{n, plural, ...} for {name}" -> {"n", "name"}),
// sorted, each once; or the parse error with its offset. Catalog lints compare a
// translation's names with the English message's: a name the page never supplies would
// show up raw in the UI.
Expected<std::vector<std::string>> message_argument_names(std::string_view pattern);

}  // namespace etalase
