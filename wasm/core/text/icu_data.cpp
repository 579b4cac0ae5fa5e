#include "core/text/icu_data.h"

#include <memory>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>
#include <unicode/timezone.h>
#include <unicode/udata.h>
#include <unicode/uspoof.h>

namespace etalase {

namespace {
Error data_error(const char* what, UErrorCode code) {
  return Error{ErrorKind::invalid_data,
               std::string("ICU data is missing or incomplete: cannot open ") + what + " (" +
                   u_errorName(code) + ")"};
}
}  // namespace

Status install_icu_data(const void* data, size_t size) {
  // The archive starts with a 0xDA27 magic in its header; anything smaller cannot be one.
  if (data == nullptr || size < 32) {
    return Error{ErrorKind::invalid_data, "ICU data is missing (empty archive)"};
  }
  UErrorCode code = U_ZERO_ERROR;
  udata_setCommonData(data, &code);
  if (U_FAILURE(code)) return data_error("the data archive", code);
  // The trimmed data holds no time zones: dates are formatted in GMT, and callers pass the
  // local wall-clock time (the page knows its own offset). Set here so it never depends on
  // what the runtime reports as the local zone.
  icu::TimeZone::adoptDefault(icu::TimeZone::getGMT()->clone());
  return {};
}

Status check_icu_data() {
  if (Status s = check_icu_formatting(); !s.ok()) return s;
  return check_icu_moderation();
}

Status check_icu_moderation() {
  UErrorCode code = U_ZERO_ERROR;
  icu::Normalizer2::getNFKCCasefoldInstance(code);
  if (U_FAILURE(code)) return data_error("NFKC_Casefold", code);

  USpoofChecker* spoof = uspoof_open(&code);
  if (U_FAILURE(code)) return data_error("confusables", code);
  uspoof_close(spoof);

  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("th"), code));
  if (U_FAILURE(code)) return data_error("word boundaries", code);
  return {};
}

Status check_icu_formatting() {
  UErrorCode code = U_ZERO_ERROR;
  std::unique_ptr<icu::PluralRules> plurals(icu::PluralRules::forLocale(icu::Locale("en"), code));
  if (U_FAILURE(code)) return data_error("plural rules", code);

  icu::UnicodeString price = icu::number::NumberFormatter::withLocale(icu::Locale("id"))
                                 .unit(icu::CurrencyUnit(u"IDR", code))
                                 .formatDouble(1, code)
                                 .toString(code);
  if (U_FAILURE(code)) return data_error("currency formats", code);
  return {};
}

}  // namespace etalase
