// Prompt suffixes for the prompt search (docs/ANALYSES.md, "The paraphrase bank"): how a suffix
// becomes a full prompt template, and the built-in paraphrase bank that stands in for the chat
// model the study asked for paraphrases (offline, deterministic).
//
// A suffix is the wording the model reads just before it answers — the study's "The answer might
// be". The study's prompt is the question with its options, then "Please provide the option letter
// directly.", then "<suffix>: (" on a line of its own; suffix_template() makes exactly that from a
// base template (the card's, or --prompt).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util/random.h"

namespace unveil::analysis {

/// The study's seeds: "The answer might be", "The answer must be".
const std::vector<std::string>& default_seed_suffixes();

/// The form suffixes are compared, stored and scored in: white space (line breaks included)
/// collapsed to single spaces, trimmed, and trailing '.', ':' and '(' removed (the template adds
/// ": (" itself) — "The answer is: (" and "The answer is" are one suffix. "" when nothing is left.
std::string canonical_suffix(std::string_view text);

/// Why a canonical suffix cannot be used ("" when it can): it is empty, or it holds '{' or '}'
/// (a placeholder such as {options} would be filled in by the template).
std::string suffix_problem(const std::string& canonical);

/// The full template for a suffix. When the base template's last line (after its last line break)
/// holds no placeholder, that line is its answer cue ("Answer: (" in the study's template) and is
/// replaced by "<suffix>: ("; otherwise (a last line with placeholders, or no line break at all)
/// "\n<suffix>: (" is appended. So the study's template gives
/// "{image}{hint}{question}\n{options}\nPlease provide the option letter directly.\n<suffix>: (",
/// the prompt of the study's optimisation script.
std::string suffix_template(const std::string& base, const std::string& suffix);

/// Every paraphrase the built-in bank makes from a suffix in one step, in a fixed order: the
/// hedging phrase swapped for each other one (might be, must be, could be, may be, should be, is
/// likely, is probably, is certainly, is most likely, is definitely, is possibly, is), the subject
/// swapped ("The answer", "The correct answer", "My answer", ...) — a bare cue with neither
/// ("Answer") becomes "The answer <hedge>" and "<subject> is" — a lead-in added, swapped or
/// removed ("If unsure, answer I don't know.", "If you are not sure, choose I don't know.", ...;
/// "I think", "I believe", ... only before a subject), then whole templates ("Answer", "The answer
/// is", "The option letter is", ...). Canonical, without duplicates and without the suffix itself.
std::vector<std::string> bank_paraphrases(const std::string& suffix);

/// Where the variants of a kept prompt come from, deterministic for a seed: first the user's own
/// suffixes that were not tried yet, in the order given; then the bank's paraphrases of the prompt
/// that were not tried yet, in an order shuffled by a generator seeded once per search (so the
/// same seed and the same scores give the same search); when every one-step paraphrase of the
/// prompt has been tried, two-step ones (paraphrases of its paraphrases), shuffled likewise.
class VariantSource {
 public:
  /// `user` in canonical form, without duplicates.
  VariantSource(std::vector<std::string> user, bool use_bank, std::uint64_t seed);

  /// Up to m variants of `parent` that are not in `seen`, each added to `seen`. Fewer when the user
  /// list and the bank have nothing new left for this parent.
  std::vector<std::string> expand(const std::string& parent, std::size_t m,
                                  std::set<std::string>& seen);

 private:
  std::vector<std::string> user_;
  bool use_bank_;
  Xoshiro256 rng_;
};

}  // namespace unveil::analysis
