// `etalase lint-catalog`: checks UI catalogs (i18n/<locale>.json) the way localizers need,
// in a second, before anything reaches a shopper's screen:
//   errors   - not JSON, not one flat object of strings, a key twice, a message ICU cannot
//              parse, or an argument name the English message does not have (the page never
//              supplies it, so it would show up raw);
//   warnings - keys English has and this catalog lacks (shown in English until translated),
//              and keys English does not have (no page uses them).
// Each problem is one line, FILE:LINE: ... (LINE where the key stands). Exit 1 on errors.
#pragma once

namespace etalase {

int cmd_lint_catalog(int argc, char** argv);

}  // namespace etalase
