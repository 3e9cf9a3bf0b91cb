// Per-item outcomes: what every calibration metric is computed from.
#pragma once

#include <cstdint>
#include <vector>

#include "calib/prediction_set.h"
#include "util/result.h"

namespace unveil::calib {

/// Which probability is an item's confidence (docs/METRICS.md, "Two confidences").
enum class ConfidenceKind : std::uint8_t {
  kOptions,  ///< the answer's probability renormalised over the option letters (the default)
  kVocab,    ///< the answer letter's probability over the whole vocabulary (the study's)
};
/// What becomes of items the model did not answer (no option letter produced).
enum class UnansweredPolicy : std::uint8_t {
  kWrong,  ///< counted, as wrong answers (the default)
  kDrop,   ///< left out of every metric, and counted (the study's choice)
};
const char* to_string(ConfidenceKind k);
const char* to_string(UnansweredPolicy p);

/// How outcomes are read from a prediction set.
struct Scoring {
  ConfidenceKind confidence = ConfidenceKind::kOptions;
  UnansweredPolicy unanswered = UnansweredPolicy::kWrong;
};

/// Column-wise per-item outcomes of a prediction set, at a given temperature.
/// For an item with option probabilities p = softmax(logits / T): predicted = the recorded answer
/// (argmax p, ties to the lowest index, when the input records none), confidence = p[predicted],
/// correct = predicted == label. An item recorded as unanswered has predicted = -1, is wrong, and
/// keeps max p as its confidence (the probability its distribution gave its top option): a model
/// that does not answer is never shown as calibrated by default. Items given as probabilities are
/// used exactly as given at T = 1 (no log/exp round trip).
struct Outcomes {
  std::vector<double> confidence;
  std::vector<double> nll;    ///< -log p_label (log-softmax; clamped at 1e-12 for given probs)
  std::vector<double> brier;  ///< sum_k (p_k - y_k)^2, in [0, 2]
  std::vector<std::int32_t> predicted;
  std::vector<std::uint8_t> correct;
  std::vector<std::int8_t> said_idk;     ///< 1 predicted the IDK option, 0 did not, -1 IDK unknown
  std::vector<std::uint8_t> unanswered;  ///< 1: no option letter was produced (counted wrong)
  /// For a set scored with UnansweredPolicy::kDrop, index[j] is the set's item of outcome j;
  /// empty means outcome j is item j.
  std::vector<std::uint32_t> index;
  std::size_t dropped_unanswered = 0;  ///< unanswered items left out (kDrop)
  ConfidenceKind confidence_kind = ConfidenceKind::kOptions;
  bool has_idk = false;

  /// The set's item of outcome j.
  std::size_t item(std::size_t j) const { return index.empty() ? j : index[j]; }

  std::size_t size() const { return confidence.size(); }
};

/// Computes outcomes at temperature T (> 0; T = 1 leaves the scores as they are), with the
/// option-level confidence and unanswered items counted wrong.
Outcomes compute_outcomes(const PredictionSet& set, double temperature = 1.0);

/// Outcomes under a scoring. The vocabulary confidence needs, for every item kept, the stored
/// full-vocabulary confidence (T = 1) or the answer step's vocabulary logits (any T); an item
/// without them is an error naming it.
Result<Outcomes> compute_outcomes(const PredictionSet& set, double temperature,
                                  const Scoring& scoring);

/// The answer letter's full-vocabulary probability of item i at temperature T: the stored value
/// at T = 1, else exp(z_a / T - logsumexp(v / T)) from the vocabulary logits v, z_a being the
/// answer's (or, unanswered, the top option's) logit. NaN when neither is known.
double vocab_confidence(const PredictionSet& set, std::size_t i, double temperature);

/// The option probabilities of one item at temperature T.
std::vector<double> softmax(std::span<const double> logits, double temperature = 1.0);

}  // namespace unveil::calib
