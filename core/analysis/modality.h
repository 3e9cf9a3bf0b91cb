// Text versus image uncertainty: one model over one item set under several conditions (with the
// image, text only, a blank image, noise, blur, ...), each condition a stored run, and how
// accuracy, calibration, confidence and entropy move between them. See docs/ANALYSES.md, "Text
// versus image uncertainty".
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
#include "calib/prediction_set.h"
#include "util/result.h"

namespace unveil::analysis {

struct ModalitySpec {
  std::filesystem::path db;
  std::filesystem::path card;  ///< the model card (JSON)
  std::string dataset;         ///< dataset name in the project
  std::string split;           ///< empty: all items
  std::vector<std::string> conditions = {"image", "text", "blank"};  ///< perturbation specs
  std::string prompt;  ///< template; empty: the card's
  model::DeviceChoice device = model::DeviceChoice::kAuto;
  int batch = 32;
  std::uint64_t seed = 0;   ///< for seeded perturbations (noise); part of what a reused run matches
  int ece_bins = 10;        ///< equal-width bins of the ECE
  int histogram_bins = 20;  ///< bins of the confidence and entropy histograms
};

struct ModalityProgress {
  std::size_t condition_index = 0;  ///< 0-based position in the list
  std::size_t conditions = 0;
  std::string condition;  ///< canonical spec ("noise:0.3")
  RunOrigin origin = RunOrigin::kCreated;
  EvalProgress run;    ///< of this condition's run (done == total for a reused run)
  double overall = 0;  ///< fraction of all conditions done, 0-1
};

/// Per item, how the answer moves from this condition to the reference (with the image): right or
/// wrong in each, over the items both runs predicted. Right means the most probable option is the
/// gold answer (as in the calibration metrics).
struct Transitions {
  std::size_t kept_right = 0;        ///< right in both
  std::size_t kept_wrong = 0;        ///< wrong in both
  std::size_t changed_to_right = 0;  ///< wrong here, right with the reference
  std::size_t changed_to_wrong = 0;  ///< right here, wrong with the reference

  std::size_t total() const {
    return kept_right + kept_wrong + changed_to_right + changed_to_wrong;
  }
};

/// One item predicted under both the reference and this condition.
struct ConfidencePair {
  std::string item;  ///< the item's id in the dataset (to open it)
  double reference = 0, confidence = 0;
  bool reference_correct = false, correct = false;
};

struct ReferenceComparison {
  std::string reference;   ///< the reference condition
  std::size_t shared = 0;  ///< items both runs predicted
  Transitions transitions;
  std::vector<ConfidencePair> pairs;  ///< in the order of this condition's run
};

struct ConditionSummary {
  std::string condition;  ///< canonical spec
  std::int64_t run_id = 0;
  RunOrigin origin = RunOrigin::kCreated;
  std::size_t n = 0;
  double accuracy = 0, ece = 0;
  double mean_confidence = 0;  ///< max option probability
  double mean_entropy = 0;     ///< -sum p ln p of the option distribution (nats)
  Histogram confidence, entropy;
  /// Against the reference condition; absent for the reference itself.
  std::optional<ReferenceComparison> versus_reference;
};

struct ModalityResult {
  std::string model, dataset, split, prompt;
  std::string reference;  ///< "image" when listed, else the first condition
  int ece_bins = 10;
  std::vector<ConditionSummary> conditions;  ///< in the order given
  bool cancelled =
      false;  ///< stopped early: conditions is empty, the started run resumes next time
  double seconds = 0;
};

/// Makes sure a complete run exists for each condition — reusing a complete run of the same model
/// file (path and SHA-256), dataset, split, condition, prompt and seed, resuming an incomplete one,
/// else creating one, all through run_eval — then summarises and compares them. Conditions are
/// checked (and the dataset looked up) before any run starts.
Result<ModalityResult> run_modality(
    const ModalitySpec& spec, const std::atomic<bool>* cancel = nullptr,
    const std::function<void(const ModalityProgress&)>& progress = {});

/// The summary of one run's predictions (everything except run_id, origin and versus_reference).
ConditionSummary summarise_condition(const calib::PredictionSet& set, int ece_bins,
                                     int histogram_bins);

/// Joins two runs by item id: transitions from `other` to `reference` and confidence pairs.
ReferenceComparison compare_to_reference(const calib::PredictionSet& reference,
                                         const calib::PredictionSet& other);

/// -sum p ln p (0 ln 0 = 0), in nats.
double entropy(const std::vector<double>& p);

/// JSON (undefined numbers are null, never NaN) and an aligned text table.
nlohmann::ordered_json to_json(const ModalityResult& r);
std::string to_text(const ModalityResult& r);

}  // namespace unveil::analysis
