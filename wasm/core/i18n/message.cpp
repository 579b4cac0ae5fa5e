#include "core/i18n/message.h"

#include <algorithm>
#include <memory>

#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>

namespace etalase {

namespace {

// ICU parses nested plural and select arguments by recursion: a catalog with thousands of
// levels ("{n, plural, other {{n, plural, other {...") would overflow the stack. No message
// needs more than a few; deeper ones are refused before ICU sees them.
constexpr int kMaxMessageDepth = 32;

bool too_deep(std::string_view pattern) {
  int depth = 0;
  for (char c : pattern) {
    if (c == '{' && ++depth > kMaxMessageDepth) return true;
    if (c == '}' && depth > 0) --depth;
  }
  return false;
}

Error too_deep_error() {
  return Error{ErrorKind::invalid_pattern,
               "message nests arguments more than " + std::to_string(kMaxMessageDepth) + " levels deep"};
}

}  // namespace

Expected<std::string> format_message(std::string_view pattern, std::string_view locale, const MessageArgs& args) {
  if (too_deep(pattern)) return too_deep_error();
  UErrorCode code = U_ZERO_ERROR;
  UParseError parse{};
  icu::UnicodeString upattern = icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), int32_t(pattern.size())));
  icu::MessageFormat fmt(upattern, icu::Locale(std::string(locale).c_str()), parse, code);
  if (U_FAILURE(code)) {
    return Error{ErrorKind::invalid_pattern,
                 "message does not parse at offset " + std::to_string(parse.offset) + " (" + u_errorName(code) + ")"};
  }
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(args.size());
  values.reserve(args.size());
  for (const auto& [name, value] : args) {
    names.push_back(icu::UnicodeString::fromUTF8(name));
    if (const double* d = std::get_if<double>(&value)) values.emplace_back(*d);
    else values.emplace_back(icu::UnicodeString::fromUTF8(std::get<std::string>(value)));
  }
  icu::UnicodeString out;
  fmt.format(names.data(), values.data(), int32_t(values.size()), out, code);
  if (U_FAILURE(code)) return Error{ErrorKind::invalid_input, std::string("message format failed: ") + u_errorName(code)};
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

Expected<std::vector<std::string>> message_argument_names(std::string_view pattern) {
  if (too_deep(pattern)) return too_deep_error();
  UErrorCode code = U_ZERO_ERROR;
  UParseError parse{};
  icu::UnicodeString upattern = icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), int32_t(pattern.size())));
  icu::MessagePattern mp(upattern, &parse, code);
  if (U_FAILURE(code)) {
    return Error{ErrorKind::invalid_pattern,
                 "message does not parse at offset " + std::to_string(parse.offset) + " (" + u_errorName(code) + ")"};
  }
  std::vector<std::string> names;
  for (int32_t i = 0; i < mp.countParts(); ++i) {
    const icu::MessagePattern::Part& part = mp.getPart(i);
    if (part.getType() != UMSGPAT_PART_TYPE_ARG_NAME && part.getType() != UMSGPAT_PART_TYPE_ARG_NUMBER) continue;
    std::string name;
    mp.getSubstring(part).toUTF8String(name);
    names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace etalase
