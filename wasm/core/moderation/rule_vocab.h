// Rule vocabulary files (assets/rules/*.tsv, format in assets/rules/README.md): the phrases
// that decide alone ("slot gacor" -> gambling.slot), the words rules combine ("tf" + "bca"
// + an account number), spelled digits, and named lists (top-level domains, brand stems).
// Trust & safety edit them as data; `etalase lint-rules` checks them.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/moderation/categories.h"
#include "core/moderation/lexicon.h"
#include "core/moderation/result.h"

namespace etalase {

// The words rules combine; names as written in the files (feature_name()).
enum Feature : uint8_t {
  kFeatNone = 0,
  kFeatTransfer,   // transfer, tf, kirim
  kFeatBank,       // bca, bri, dana, ovo...
  kFeatAccount,    // rek, rekening, no rek
  kFeatDepo,       // depo, deposit
  kFeatWd,         // wd, withdraw
  kFeatWinner,     // pemenang, anda menang
  kFeatReach,      // hubungi, klik, wa, dm, chat, link
  kFeatOtp,        // otp, kode otp
  kFeatNegation,   // jangan, tidak, never
  kFeatApp,        // wa, whatsapp, telegram, tele, ig, instagram
  kFeatAppWeak,    // line (an English word too)
  kFeatAdd,        // add, follow, hubungi, cek
  kFeatDigit,      // nol, satu, dua... (value = the digit)
  kFeatDot,        // dot, titik (obfuscated links)
  kFeatGambling,   // words that make a name+digits look like a gambling brand
  kFeatWin,        // jp, maxwin, gacor, cuan: winning, as the sites' ads say it
  kFeatPitch,      // menang, hoki, terpercaya, gabung: the ads' praise, weaker alone
  kFeatBrandEnd,   // toto, togel: a stem that ends a gambling site's name ("vikingtoto")
  kFeatCount
};
const char* feature_name(Feature f);
bool parse_feature(std::string_view name, Feature* out);

struct RuleVocabEntry {
  enum Kind : uint8_t { rule, word, digit } kind = rule;  // word: a feature word
  std::string phrase;
  std::string rule_id;      // kind rule: "gambling.slot"
  Category category = Category::spam;  // kind rule: the rule id's prefix
  int severity = 0;         // kind rule: 1-4
  Feature feature = kFeatNone;  // kind feature / digit
  int value = 0;            // kind digit: 0-9
  int line = 0;
};

struct RuleVocab {
  std::string name;
  std::vector<RuleVocabEntry> entries;
  std::map<std::string, std::vector<std::string>, std::less<>> lists;  // @list NAME words...
};

// The list names the rules read; a file may not define others (a typo would be silent).
const std::vector<std::string_view>& rule_list_names();

Expected<RuleVocab> parse_rule_vocab(std::string_view text, std::string_view name = {});
// Every problem, parse errors and duplicates once folded (with `norm`), by line.
std::vector<LexiconIssue> lint_rule_vocab(std::string_view text, Normalizer& norm);

// The built-in rule vocabulary, generated at build time from assets/rules/*.tsv.
const std::vector<std::string_view>& builtin_rule_texts();

}  // namespace etalase
