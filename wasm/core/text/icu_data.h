// ICU data: installed once at start-up, then probed, so a missing or wrong archive is a
// clear error at load time rather than a crash deep inside a formatter.
//
//   static std::string dat = read_file("icudt72l.dat");   // must outlive every ICU call
//   if (Status s = install_icu_data(dat.data(), dat.size()); !s.ok()) fail(s);
//   if (Status s = check_icu_data(); !s.ok()) fail(s);
//
// A page that must show prices before it moderates probes in two steps: the formatting
// services first (check_icu_formatting), the moderation ones when it builds its moderator
// (check_icu_moderation), so the first frame does not wait for confusables and
// dictionary-based word breaks.
//
// Natively ICU finds its data on its own (Debian's libicudata): only the probe is needed.
#pragma once
#include <cstddef>

#include "core/moderation/result.h"

namespace etalase {

// Also makes GMT ICU's default zone: the data has no zones, so dates are formatted from
// wall-clock times the caller shifts to its own zone.
Status install_icu_data(const void* data, size_t size);
// Opens every ICU service the core uses; the error names the one that failed.
Status check_icu_data();
// Plural rules and currency formats (what prices and UI strings need).
Status check_icu_formatting();
// NFKC_Casefold, confusables and word boundaries (what moderation needs).
Status check_icu_moderation();

}  // namespace etalase
