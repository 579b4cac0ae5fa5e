// Rules beyond the lexicons: contact details, links, scams, gambling, spam.
//
// Phrases that decide alone ("slot gacor", "selamat anda menang") and words that rules
// combine ("tf" + "bca" + an account number) go into the same automaton as the lexicons, so
// a clean comment costs one scan whatever the number of rules. The rules themselves look at
// the folded characters (digits intact, leetspeak NOT applied) and only run when a cheap
// gate says they could match (enough digits, a dot, a feature word...).
//
// Severities (policy level L acts on severity >= 5 - L; the default level 2 acts on 3-4):
//   contact.phone 3, contact.link 4, contact.email 3, contact.handle 3, contact.invite 1-2
//   link.url 3, link.domain 3
//   scam.transfer 3-4, scam.prize 3-4, scam.otp 4, scam.admin 3
//   gambling.* 3-4, except a lone "gacor" (1: it is also praise, "host-nya gacor") and
//   "judi" (2: people talk about it)
//   spam.caps 1 (sellers shout too), spam.emoji 2, spam.repeat_char 2, spam.repeat_word 2
//   flood.rate 3, flood.repeat 3, flood.same_text 2
//
// This file holds the rules' registration (rule ids, rule vocabulary into the automaton) and
// run_rules, the gate that calls each family; each family has its own rule_<family>.cpp.
#include <string_view>

#include "core/moderation/engine.h"

namespace etalase {

Status Engine::register_rules() {
  r_.phone = rule_index("contact.phone");
  r_.handle = rule_index("contact.handle");
  r_.contact_link = rule_index("contact.link");
  r_.email = rule_index("contact.email");
  r_.link_url = rule_index("link.url");
  r_.link_domain = rule_index("link.domain");
  r_.transfer = rule_index("scam.transfer");
  r_.prize = rule_index("scam.prize");
  r_.otp = rule_index("scam.otp");
  r_.depo = rule_index("gambling.depo");
  r_.wd = rule_index("gambling.wd");
  r_.brand = rule_index("gambling.brand");
  r_.shape = rule_index("gambling.shape");
  r_.caps = rule_index("spam.caps");
  r_.emoji = rule_index("spam.emoji");
  r_.repeat_char = rule_index("spam.repeat_char");
  r_.repeat_word = rule_index("spam.repeat_word");
  r_.flood_rate = rule_index("flood.rate");
  r_.flood_repeat = rule_index("flood.repeat");
  r_.flood_same = rule_index("flood.same_text");

  // Affix set 0: Indonesian endings for rule phrases ("togelnya", "rekeningnya").
  AffixSet aff;
  for (const char* s : {"nya", "lah", "kah", "in", "an", "mu", "ku"}) aff.suffixes.push_back(fold(s));
  affixes_.push_back(std::move(aff));

  for (std::string_view text : rule_texts_) {
    Expected<RuleVocab> parsed = parse_rule_vocab(text);
    if (!parsed.ok()) return parsed.error();
    for (auto& [name, words] : parsed.value().lists) {
      std::vector<std::string>* list = name == "strong-tlds"     ? &strong_tlds_
                                       : name == "word-tlds"     ? &word_tlds_
                                       : name == "contact-hosts" ? &contact_hosts_
                                       : name == "brand-stems"   ? &brand_stems_
                                       : name == "number-labels" ? &number_labels_
                                                                 : &handle_fillers_;
      list->insert(list->end(), words.begin(), words.end());
    }
    for (const RuleVocabEntry& d : parsed.value().entries) {
      PatInfo info;
      info.scope = uint8_t(Scope::word);
      info.affixes = 0;
      if (d.kind == RuleVocabEntry::rule) {
        info.kind = kPatRule;
        info.category = uint8_t(d.category);
        info.severity = uint8_t(d.severity);
        info.rule = rule_index(d.rule_id);
      } else {
        info.kind = kPatFeature;
        info.feature = d.feature;
        // A stem that ends a site's name is found inside the word ("vikingtoto").
        if (d.feature == kFeatBrandEnd) info.scope = uint8_t(Scope::any);
        info.value = uint8_t(d.value);
      }
      add_phrase(d.phrase, info);
    }
  }
  return {};
}

bool Engine::has_feature(uint8_t f) const { return feat_mask_ & (1u << f); }

uint32_t Engine::words_between(uint32_t a, uint32_t b) const {
  uint32_t n = 0;
  for (uint32_t r = a + 1; r < b && r < nt_.runs.size(); ++r) {
    uint8_t fl = nt_.runs[r].flags;
    n += (fl & kRunWordStart) && (fl & (kRunLetter | kRunDigit));
  }
  return n;
}

void Engine::run_rules() {
  if (nt_.view().empty()) return;
  rule_phone();
  if (nt_.dots || has_feature(kFeatDot)) rule_links();
  if (has_feature(kFeatApp) || has_feature(kFeatAppWeak)) rule_handles();
  if ((has_feature(kFeatBank) || has_feature(kFeatAccount)) && nt_.digits >= 8) rule_transfer();
  if (has_feature(kFeatOtp) || has_feature(kFeatWinner)) rule_scam_words();
  rule_gambling();
  rule_gambling_shape();
  rule_spam();
}

}  // namespace etalase
