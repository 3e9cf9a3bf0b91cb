// Per-item outcomes: what every calibration metric is computed from.
#pragma once

#include <cstdint>
#include <vector>

#include "calib/prediction_set.h"

namespace unveil::calib {

/// Column-wise per-item outcomes of a prediction set, at a given temperature.
/// For an item with option probabilities p = softmax(logits / T): predicted = argmax p (ties go to
/// the lowest index), confidence = max p, correct = predicted == label.
struct Outcomes {
  std::vector<double> confidence;
  std::vector<double> nll;    ///< -log p_label (log-softmax; clamped at 1e-12 for given probs)
  std::vector<double> brier;  ///< sum_k (p_k - y_k)^2, in [0, 2]
  std::vector<std::int32_t> predicted;
  std::vector<std::uint8_t> correct;
  std::vector<std::int8_t> said_idk;  ///< 1 predicted the IDK option, 0 did not, -1 IDK unknown
  bool has_idk = false;

  std::size_t size() const { return confidence.size(); }
};

/// Computes outcomes at temperature T (> 0; T = 1 leaves the scores as they are).
Outcomes compute_outcomes(const PredictionSet& set, double temperature = 1.0);

/// The option probabilities of one item at temperature T.
std::vector<double> softmax(std::span<const double> logits, double temperature = 1.0);

}  // namespace unveil::calib
