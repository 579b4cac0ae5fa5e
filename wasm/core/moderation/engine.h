// The moderation engine behind Moderator (internal header).
//
// One comment, one pass:
//   Normalizer (fold + match view, positions kept)
//   -> one Aho-Corasick scan over the runs: lexicon terms, allow phrases, rule phrases
//      (direct rules) and rule features (words that rules combine: bank names, "depo"...)
//   -> rules over the folded chars: phone numbers, links, handles, transfers, brands, spam
//   -> moderator terms (a second, small automaton, rebuilt on every change)
//   -> flood state
//   -> allow phrases / permitted terms cancel what they cover
//   -> policy: severity >= 5 - level acts; the verdict holds only what acted.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/moderation/automaton.h"
#include "core/moderation/flood.h"
#include "core/moderation/lexicon.h"
#include "core/moderation/moderator.h"
#include "core/moderation/rule_vocab.h"
#include "core/text/normalize.h"

namespace etalase {

enum PatKind : uint8_t { kPatLexicon, kPatAllow, kPatRule, kPatFeature };

struct PatInfo {
  uint8_t kind = kPatLexicon;
  uint8_t scope = 0;      // Scope
  uint8_t category = 0;   // Category
  uint8_t severity = 0;
  uint8_t feature = 0;    // Feature (kPatFeature)
  uint8_t value = 0;      // digit value of kFeatDigit
  uint8_t frame = 0;      // kFrame* bits of a lexicon frame ("dasar *"), 0 for a plain term
  uint16_t affixes = 0;   // index into affixes_
  uint16_t rule = 0;      // index into rule_ids_
  uint32_t counts = 0;    // offset into pat_counts_ (one minimum count per symbol)
};

enum : uint8_t {
  kFrameSlotBefore = 1,   // "* lu": the word before the fixed words
  kFrameSlotAfter = 2,    // "dasar *": the word after them
  kFrameClauseStart = 4,  // "^dasar *": the fixed words begin a clause
};

struct Seq {
  std::vector<char32_t> syms;
  std::vector<uint32_t> counts;
  std::vector<char32_t> letters;  // each run's first and last folded letter ('l' kept), packed
};

struct AffixSet {
  std::vector<Seq> prefixes, suffixes;
};

constexpr uint8_t kNoCategory = 0xFF;

struct Match {
  uint32_t o16, o16_end;
  uint16_t rule;
  uint8_t category;  // Category or kNoCategory
  uint8_t severity;
  uint8_t action;    // Action when acted on
  uint8_t origin;    // kOrigin*
};
enum : uint8_t {
  kOriginWord = 0,   // lexicon term or rule: allow phrases and permits cancel it
  kOriginTerm = 1,   // moderator term: only permits cancel it
  kOriginMessage = 2 // about the whole message (spam, flood, too long): never cancelled
};

struct Cover {
  uint32_t o16, o16_end;
  bool permit;  // a moderator's permitted term (also cancels blocked terms)
};

struct FeatHit {
  uint8_t feature, value;
  uint32_t first, last;  // runs
};

// One word of the match view, as the gambling shape rule sees it.
struct ShapeWord {
  uint32_t b = 0, e = 0;  // runs [b, e]
  uint32_t letters = 0, digits = 0, styled = 0;
  uint32_t streak = 0;        // the longest stretch of styled chars
  uint32_t styled_upper = 0;  // styled chars written as capitals
  bool spaced = false, four_d = false, lucky = false, mention = false;
  char32_t tail[4] = {};  // the trailing digits (up to 4)
  uint32_t tail_n = 0;
};

// A single-word lexicon term, for matching self-censored words ("k*nt*l", censored.cpp).
struct CensorTerm {
  std::string term;
  uint16_t rule;
  uint8_t category, severity;
};
constexpr size_t kCensorMaxLen = 24;

struct Term {
  std::string pattern;  // as given (trimmed): the key for remove_term
  TermMode mode;
  double expires_at;
  bool need_start, need_end;  // anchors of the head
  Seq head, tail;             // tail: "mur*h" -> "h" (must end the word)
};

class Engine final : public Moderator {
 public:
  static Expected<std::unique_ptr<Moderator>> make(const ModeratorOptions& o);

  Verdict moderate(const Comment& c) override;
  void moderate_into(const Comment& c, Verdict& out) override;
  Status add_term(std::string_view pattern, TermMode mode, double expires_at) override;
  bool remove_term(std::string_view pattern) override;
  Status set_terms(const std::vector<TermSpec>& terms) override;
  // check_term's work: parse without keeping.
  Status check_term_pattern(std::string_view pattern) {
    Term t;
    return parse_term(pattern, TermMode::block, -1, &t);
  }
  void set_policy(const Policy& p) override { policy_ = p; }
  const Policy& policy() const override { return policy_; }

  // Testing hook: send ASCII through ICU as well (differential test).
  void set_force_icu(bool on) { force_icu_ = on; }
  size_t automaton_states() const { return ac_.states(); }
  size_t automaton_bytes() const { return ac_.bytes(); }

 private:
  explicit Engine(const ModeratorOptions& o);
  Status load(const ModeratorOptions& o);
  uint16_t rule_index(const std::string& id);
  void add_pattern(const Seq& s, PatInfo info);
  // A phrase, plus its spaces-removed variant ("rape seed" also covers "rapeseed") when it
  // has at most `max_joined_words` words.
  void add_phrase(std::string_view text, PatInfo info, size_t max_joined_words = SIZE_MAX);
  Seq fold(std::string_view text);

  // Matching.
  void scan();
  void scan_alternatives();
  void on_hit(uint32_t pattern, uint32_t last_run);
  bool allow_literal(uint32_t first_run, const PatInfo& p, uint32_t len) const;
  void on_state(uint32_t state, uint32_t last_run);  // on_hit for each pattern ending there
  bool word_ok(uint32_t first, uint32_t last, const AffixSet* aff, uint32_t last_count) const;
  // A frame's match (frame.cpp): checks its clause start and pushes its slot's word.
  void on_frame(const PatInfo& p, uint32_t first, uint32_t last);
  bool clause_starts_at(uint32_t first_run) const;
  // Self-censored words and words spelled with symbols (censored.cpp).
  void add_censor_term(std::string_view term, const PatInfo& info);
  void match_censored();
  void match_symbol_words();
  const CensorTerm* censor_term(const char* word, uint32_t len) const;
  void push(uint32_t o16, uint32_t o16_end, uint16_t rule, uint8_t category, uint8_t severity,
            uint8_t origin = kOriginWord);
  void push_runs(uint32_t first, uint32_t last, uint16_t rule, uint8_t category, uint8_t severity);
  void match_terms(double ts);
  Status parse_term(std::string_view pattern, TermMode mode, double expires_at, Term* out);
  void build_terms();

  // Rules (rule_vocab_register.cpp; each family in its rule_<family>.cpp).
  Status register_rules();
  void run_rules();
  void rule_phone();
  bool labelled_number(uint32_t at) const;
  void rule_links();
  void rule_handles();
  void rule_transfer();
  void rule_gambling();
  void rule_gambling_shape();  // rule_gambling_shape.cpp
  int char_style(uint32_t i) const;
  bool styled_capital(uint32_t i) const;
  bool in_link_path(uint32_t at) const;
  bool covered_by_word_match(const ShapeWord& w) const;
  void rule_scam_words();
  void rule_spam();
  bool has_feature(uint8_t f) const;
  // Words starting strictly between runs a and b (a < b).
  uint32_t words_between(uint32_t a, uint32_t b) const;

  void finish(const Comment& c, std::string_view text, bool truncated, Verdict& out);
  void scan_visual_order(std::string_view text);  // engine_moderate.cpp

  ModeratorOptions opt_;
  Policy policy_;
  Normalizer norm_;
  Automaton ac_;
  std::vector<PatInfo> pats_;
  std::vector<uint32_t> pat_counts_;
  std::vector<char32_t> pat_letters_;  // beside pat_counts_: allow phrases are literal about l and i
  std::vector<std::vector<char32_t>> pat_syms_;  // kept until build()
  std::vector<std::string> rule_ids_;
  std::vector<AffixSet> affixes_;
  std::vector<std::string> allowed_domains_;
  // Rule vocabulary (assets/rules): texts, and the named lists the rules read.
  std::vector<std::string_view> rule_texts_;
  std::vector<std::string> strong_tlds_, word_tlds_, contact_hosts_, brand_stems_,
      handle_fillers_, number_labels_;
  std::vector<CensorTerm> censor_terms_[kCensorMaxLen + 1];  // by length
  std::vector<ShapeWord> shape_words_;
  // The display-order pass (bidi controls): its text, the map back, what it found.
  std::string vis_text_;
  std::vector<uint32_t> vis_map_;
  std::vector<Match> bidi_matches_;
  std::vector<Cover> bidi_covers_;  // rule_gambling_shape's scratch
  std::string_view text_;
  double ts_ = -1;  // the comment's time, for terms matched on alternative readings
  double arrival_ts_ = 0;  // stands in for the time of comments that come without one  // the comment being moderated (rules read its original code points)

  std::vector<Term> terms_;
  Automaton term_ac_;
  std::vector<uint32_t> term_of_pattern_;

  FloodTracker flood_;
  bool force_icu_ = false;

  // Per-comment scratch, reused.
  NormText nt_;
  std::vector<Match> matches_;
  std::vector<Cover> covers_;
  std::vector<FeatHit> feats_;
  std::vector<Match> acted_;
  std::string host_;
  std::vector<uint32_t> ivals_;
  std::vector<uint64_t> word_keys_;
  std::vector<uint32_t> word_counts_, word_first_, word_last_;
  uint32_t feat_mask_ = 0;
  bool gambling_seen_ = false;
  bool alt_scan_ = false;  // scanning an alternative reading: lexicon and allow hits only
  RunVec alt_runs_;

  // Rule ids used by the code (indices into rule_ids_).
  struct RuleIds {
    uint16_t too_long, term_block, phone, handle, contact_link, email, link_url, link_domain,
        transfer, prize, otp, depo, wd, brand, shape, caps, emoji, repeat_char, repeat_word, flood_rate,
        flood_repeat, flood_same;
  } r_{};
};

}  // namespace etalase
