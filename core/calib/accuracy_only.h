// What a set of answers without scores supports: accuracy. A tool that records only the answer
// (VLMEvalKit's prediction files) gives no confidence, so no calibration metric exists for it.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "calib/prediction_set.h"

namespace unveil::calib {

struct AccuracyOnly {
  std::size_t n = 0;           ///< items
  std::size_t unanswered = 0;  ///< items whose reply names no option (counted wrong)
  std::size_t correct = 0;
  double accuracy = 0;                      ///< correct / n
  std::optional<double> accuracy_answered;  ///< correct / (n - unanswered); none when all are
};

/// Accuracy of every item's recorded answer (an item without one: the argmax of its scores).
AccuracyOnly accuracy_only(const PredictionSet& set);

/// The sentence that says why only accuracy is shown.
extern const char* const kAccuracyOnlyNote;

/// The report of `unveil-cli metrics` for such a set, as text:
///   accuracy only: the file holds answers only, no probabilities: calibration metrics ...
///   n                  200
///   unanswered         12 (no option could be read from the reply: counted wrong)
///   accuracy           0.7350
///   accuracy_answered  0.7819
std::string accuracy_only_text(const AccuracyOnly& a);
/// The same as JSON: {"scores": "none", "n", "unanswered", "accuracy", "accuracy_answered"
/// (null when every item is unanswered), "note"}.
nlohmann::ordered_json accuracy_only_json(const AccuracyOnly& a);

}  // namespace unveil::calib
