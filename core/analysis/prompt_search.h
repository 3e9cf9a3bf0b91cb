// Iterative prompt optimisation (docs/ANALYSES.md), the study's loop done offline: start
// from seed suffixes; each round expand every kept suffix into m new variants (prompt_variants.h),
// score every new one on a split — a stored run of the model with that suffix's template, made or
// reused through run_reuse.h — and keep the best k by the ranking rule below; n rounds. The search
// and every scored prompt are stored (store/prompt_searches.h).
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/eval_job.h"
#include "analysis/run_reuse.h"
#include "util/result.h"

namespace unveil::analysis {

struct PromptSearchSpec {
  std::filesystem::path db;
  std::filesystem::path card;  ///< the model card (JSON)
  std::string dataset;         ///< dataset name in the project
  std::string split;           ///< the split the prompts are scored on; empty: all items
  std::vector<std::string> seeds = {"The answer might be", "The answer must be"};
  std::vector<std::string> variants;  ///< the user's own suffixes, tried before the bank's
  bool use_bank = true;               ///< false: variants come from `variants` only
  int k = 5;                          ///< prompts kept after each round
  int m = 5;                          ///< variants made from each kept prompt per round
  int rounds = 10;                    ///< n
  std::uint64_t seed = 0;             ///< for the choice of the bank's variants
  std::string prompt;                 ///< base template; empty: the card's
  std::string condition = "image";    ///< the condition every prompt is scored under
  model::DeviceChoice device = model::DeviceChoice::kAuto;
  int batch = 32;
  int ece_bins = 10;  ///< equal-width bins of the ECE (the study's 10)
  /// The study's recipe (calib/recipe.h): prompts scored with the vocabulary confidence and
  /// unanswered items dropped, 10 bins, and ranked by PT.py's band int(acc // 0.2) in Python's
  /// floating point. Otherwise Unveil's: option confidence, unanswered counted wrong, exact band.
  bool study = false;
};

/// How the accuracy band of the ranking is computed.
enum class BandRule : std::uint8_t {
  kExact,   ///< floor(5 * correct / n) in integers (accuracy 0.6 is band 3)
  kPython,  ///< the study's int(acc // 0.2) with Python's float floor division (0.6 is band 2)
};

/// One scored prompt.
struct PromptScore {
  std::string suffix;       ///< canonical (prompt_variants.h)
  std::string parent;       ///< the kept suffix it was made from; "" for a seed
  int round = 0;            ///< the round (1-based) in which it was scored
  std::size_t n = 0;        ///< items predicted
  std::size_t correct = 0;  ///< of them right (most probable option = gold answer)
  double accuracy = 0;      ///< correct / n
  double ece = 0;           ///< equal-width bins (spec.ece_bins)
  std::int64_t run_id = 0;  ///< the stored run that scored it (0: its run was deleted)
  RunOrigin origin = RunOrigin::kCreated;  ///< how that run was obtained (not stored)
  int kept_through = 0;  ///< the last round after which it was among the kept; 0: never
};

/// The accuracy band of the study's ranking, floor(accuracy / 0.2), computed exactly as
/// floor(5 * correct / n) in integers (in floating point 0.6 / 0.2 is 2.9999999999999996, so the
/// study's `acc // 0.2` puts an accuracy of exactly 0.6 in band 2; here it is band 3).
int accuracy_band(const PromptScore& s, BandRule rule = BandRule::kExact);

/// The ranking rule, a strict total order on prompts with distinct suffixes: the higher accuracy
/// band first; within a band the lower ECE; then the higher accuracy (compared exactly as
/// correct/n); then the suffix in byte order. True when `a` ranks before `b`.
bool ranks_before(const PromptScore& a, const PromptScore& b, BandRule rule = BandRule::kExact);

/// The best `k` of `scores` by the ranking rule, best first.
std::vector<PromptScore> top_k(std::vector<PromptScore> scores, std::size_t k,
                               BandRule rule = BandRule::kExact);

/// The best prompt at the end of a round: the live chart's point.
struct RoundBest {
  int round = 0;
  double accuracy = 0, ece = 0;
  std::string suffix;
};

struct PromptSearchProgress {
  std::int64_t search_id = 0;
  int round = 0, rounds = 0;               ///< round 1..rounds
  std::size_t scored = 0;                  ///< prompts of this round scored so far
  std::size_t to_score = 0;                ///< prompts this round scores in all
  std::string suffix;                      ///< the prompt being scored ("" between prompts)
  RunOrigin origin = RunOrigin::kCreated;  ///< of its run
  EvalProgress run;                        ///< of its run
  /// The best prompt per round, for the chart: the completed rounds, then (while a round runs)
  /// the best so far including what this round has scored.
  std::vector<RoundBest> best;
  std::vector<PromptScore> top;  ///< the current top k, best first
  double overall = 0;            ///< 0-1, rounds weighted equally
};

struct PromptSearchResult {
  std::int64_t search_id = 0;
  std::string model, dataset, split, condition;
  std::string base_template;  ///< the template suffixes are put into (suffix_template)
  int k = 0, m = 0, rounds = 0, ece_bins = 10;
  bool study = false;  ///< scored and ranked by the study's recipe (PromptSearchSpec::study)
  std::uint64_t seed = 0;
  std::vector<std::string> seeds, variants;  ///< canonical
  bool use_bank = true;
  std::string status;  ///< running, complete, cancelled, interrupted, failed
  bool cancelled = false;
  int rounds_done = 0;              ///< completed rounds
  std::vector<PromptScore> scored;  ///< every scored prompt, in scoring order
  std::vector<RoundBest> best;      ///< per completed round
  /// The kept prompts per completed round (rounds_done lists, best first).
  std::vector<std::vector<std::string>> kept;
  std::vector<PromptScore> top;  ///< the final top k (after a cancel: of what was scored)
  std::string best_template;     ///< top[0]'s full template ("" when nothing was scored)
  std::size_t runs_created = 0, runs_reused = 0, runs_resumed = 0;
  double seconds = 0;
  std::string created_at, finished_at;
};

/// Runs the search. Everything is checked before the first run (the dataset and split exist, k, m
/// and rounds are at least 1, the seeds are usable, the card reads). A prompt is never scored twice
/// in one search; across searches, a complete run of the same model, dataset, split, condition and
/// full prompt is reused (so a search repeated with the same settings runs nothing). Progress is
/// reported at the start and end of each round and at most ~8 times a second in between. A cancel
/// keeps what was found: the result and the stored search (status "cancelled") hold the top k of
/// the prompts scored so far; the run in progress is left cancelled and resumes when the same
/// prompt is scored again.
Result<PromptSearchResult> run_prompt_search(
    const PromptSearchSpec& spec, const std::atomic<bool>* cancel = nullptr,
    const std::function<void(const PromptSearchProgress&)>& progress = {});

/// A stored search, for lists.
struct PromptSearchInfo {
  std::int64_t id = 0;
  std::string model, dataset, split, status, created_at, finished_at;
  int k = 0, m = 0, rounds = 0;
  std::size_t scored = 0;  ///< prompts scored
  std::string best_suffix;
  double best_accuracy = 0, best_ece = 0;  ///< of best_suffix (0 when nothing was scored)
};

/// Every search of a project, oldest first.
Result<std::vector<PromptSearchInfo>> list_prompt_searches(const std::filesystem::path& db);
/// A stored search as run_prompt_search returned it (origins read as reused, seconds 0; the kept
/// prompts and best per round are recomputed from the stored scores by the ranking rule).
Result<PromptSearchResult> load_prompt_search(const std::filesystem::path& db,
                                              std::int64_t search_id);

/// JSON (every setting, every scored prompt, the rounds, the top k) and text (a table per round
/// and the best prompt with its full template).
nlohmann::ordered_json to_json(const PromptSearchResult& r);
std::string to_text(const PromptSearchResult& r);

}  // namespace unveil::analysis
