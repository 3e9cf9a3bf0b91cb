// The "I don't know" analysis: for one model over a dataset of a project, how often it admits not
// knowing on questions it cannot know (the idk split), how confident the answers are that it
// should not have given, how often it says "I don't know" on questions it can answer — and how
// prompt wording changes that, each wording against the first on the same items with
// paired-bootstrap intervals. Every (prompt, split) is a stored run, reused when complete and
// resumed when stopped (run_reuse.h). See docs/ANALYSES.md, "I don't know".
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/eval_job.h"
#include "analysis/histogram.h"
#include "analysis/run_reuse.h"
#include "calib/bootstrap.h"
#include "calib/prediction_set.h"
#include "util/result.h"

namespace unveil::analysis {

/// One prompt wording of the comparison.
struct IdkPrompt {
  std::string name;  ///< shown in tables and verdicts ("default", "inviting-1", ...)
  std::string tmpl;  ///< template (placeholders of model/prompt.h); empty: the card's own
};

/// The built-in set: "default" (the card's own template; for the demo models, the study's), then
/// "inviting-1", "inviting-2", ... for model::uncertainty_inviting_templates().
std::vector<IdkPrompt> builtin_idk_prompts();

/// A prompt list from a file, the first being the reference the others are compared with. JSON: an
/// array of templates, or of {"name": ..., "template": ...} objects. Text: one template per line,
/// a line break written as the two characters \n (and a backslash as \\), optionally preceded by
/// a name and a tab; blank lines and lines starting with # are skipped. Unnamed prompts are named
/// "prompt N" (1-based). An empty template stands for the card's own. Errors name the file and
/// the line or entry.
Result<std::vector<IdkPrompt>> read_idk_prompts(const std::filesystem::path& file);

struct IdkSpec {
  std::filesystem::path db;
  std::filesystem::path card;  ///< the model card (JSON)
  std::string dataset;         ///< dataset name in the project
  std::string idk_split = "idk";
  std::vector<std::string> answerable_splits = {"test"};  ///< may be empty: no answerable side
  std::vector<IdkPrompt> prompts;  ///< empty: builtin_idk_prompts(); the first is the reference
  std::string condition = "image";
  model::DeviceChoice device = model::DeviceChoice::kAuto;
  int batch = 32;
  std::uint64_t seed = 0;  ///< of the runs: noise and occlude draw from it (run_reuse.h)
  int replicates = 1000;   ///< paired-bootstrap replicates; 0: no intervals
  std::uint64_t bootstrap_seed = 0;
  double level = 0.95;
  int histogram_bins = 10;  ///< of the confidence of wrongly given answers, over [0, 1]
};

struct IdkProgress {
  std::size_t run_index = 0;  ///< 0-based, over all (prompt, split) runs
  std::size_t runs = 0;
  std::string prompt;  ///< the prompt's name
  std::string split;
  RunOrigin origin = RunOrigin::kCreated;
  EvalProgress run;    ///< of this run (done == total for a reused run)
  double overall = 0;  ///< fraction of all runs done, 0-1
};

/// On the IDK items: the items of the idk split whose right answer is their "I don't know" option.
/// Prediction, confidence and correctness are those of the calibration metrics (argmax of the
/// option probabilities, max probability, prediction == label).
struct IdkItemsSummary {
  std::size_t items = 0;                      ///< predictions of the split, IDK items or not
  std::size_t n = 0;                          ///< IDK items among them
  std::size_t admitted = 0;                   ///< predicted the IDK option (the right answer)
  std::optional<double> admit_rate;           ///< admitted / n; nullopt when n == 0
  std::size_t answered = 0;                   ///< n - admitted: answers it should not have given
  std::optional<double> answered_confidence;  ///< their mean confidence; nullopt when none
  Histogram answered_histogram;               ///< their confidence over [0, 1]
};

/// On the answerable items: the items of the answerable splits whose right answer is not their
/// "I don't know" option (or that have none).
struct AnswerableSummary {
  std::size_t items = 0;                 ///< predictions of the splits, answerable or not
  std::size_t n = 0;                     ///< answerable items among them
  std::size_t with_idk_option = 0;       ///< of them, those offering an IDK option
  std::size_t said_idk = 0;              ///< predicted it (wrongly)
  std::optional<double> false_idk_rate;  ///< said_idk / with_idk_option; nullopt when 0
  std::size_t correct = 0;
  std::optional<double> accuracy;           ///< correct / n; nullopt when n == 0
  std::size_t answered = 0;                 ///< n - said_idk
  std::optional<double> accuracy_answered;  ///< correct / answered; nullopt when 0
};

IdkItemsSummary summarise_idk_items(const calib::PredictionSet& idk_split, int histogram_bins);
AnswerableSummary summarise_answerable(const calib::PredictionSet& answerable);

/// variant - reference of one rate, on the items both prompts predicted (paired bootstrap).
struct IdkDifference {
  std::size_t shared = 0;
  calib::PairedDifference difference;  ///< observed is nullopt when nothing can be compared
  std::string verdict;                 ///< one plain sentence
};

/// A prompt against the reference prompt.
struct PromptComparison {
  std::string reference;         ///< the reference prompt's name
  IdkDifference admit_rate;      ///< on the IDK items (higher is better)
  IdkDifference accuracy;        ///< on the answerable items (higher is better)
  IdkDifference false_idk_rate;  ///< on answerable items offering an IDK option (lower is better)
  std::string verdict;           ///< the first two together, in one sentence
  bool cancelled = false;        ///< the bootstrap was stopped by options.cancel
};

/// Compares the variant's predictions with the reference's: the IDK rate on the IDK items of the
/// idk-split sets, accuracy and false-IDK rate on the answerable items of the answerable sets, each
/// on the items (by id) both predicted, by calib::paired_bootstrap with `options`. An error names
/// an item id that appears twice.
Result<PromptComparison> compare_prompts(const calib::PredictionSet& reference_idk,
                                         const calib::PredictionSet& variant_idk,
                                         const calib::PredictionSet& reference_answerable,
                                         const calib::PredictionSet& variant_answerable,
                                         const calib::BootstrapOptions& options,
                                         const std::string& reference_name,
                                         const std::string& variant_name);

/// A stored run of the analysis.
struct IdkRun {
  std::string split;
  std::int64_t run_id = 0;
  RunOrigin origin = RunOrigin::kCreated;
};

struct IdkPromptResult {
  IdkPrompt prompt;          ///< tmpl resolved (the card's own when it was given empty)
  std::vector<IdkRun> runs;  ///< the idk split's, then each answerable split's
  IdkItemsSummary idk;
  AnswerableSummary answerable;                      ///< all answerable splits together
  std::optional<PromptComparison> versus_reference;  ///< absent for the first prompt
};

struct IdkResult {
  std::string model, dataset, idk_split, condition;
  std::vector<std::string> answerable_splits;
  int replicates = 0;
  std::uint64_t bootstrap_seed = 0;
  double level = 0.95;
  std::vector<IdkPromptResult> prompts;  ///< in the order given; the first is the reference
  bool cancelled = false;  ///< stopped early: prompts is empty, a started run resumes next time
  double seconds = 0;
};

/// Makes sure a complete run exists for each prompt on the idk split and on each answerable split
/// (reused, resumed or made through run_eval), then summarises and compares them. Everything is
/// checked before any run starts: the prompts (named, none listed twice), the card, the dataset,
/// the splits (they exist, are distinct, and the idk split holds IDK items), the condition.
Result<IdkResult> run_idk_analysis(const IdkSpec& spec, const std::atomic<bool>* cancel = nullptr,
                                   const std::function<void(const IdkProgress&)>& progress = {});

/// JSON (undefined numbers are null, never NaN) and aligned text tables with the verdicts.
nlohmann::ordered_json to_json(const IdkResult& r);
std::string to_text(const IdkResult& r);

}  // namespace unveil::analysis
