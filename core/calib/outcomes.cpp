#include "calib/outcomes.h"

#include <algorithm>
#include <cmath>

namespace unveil::calib {
namespace {
// -log p for given probabilities is clamped at p = 1e-12, as DESIGN.md defines NLL.
constexpr double kMaxProbNll = 27.631021115928547;  // -log(1e-12)
}  // namespace

std::vector<double> softmax(std::span<const double> logits, double temperature) {
  std::vector<double> p(logits.size());
  double zmax = -INFINITY;
  for (double z : logits)
    zmax = std::max(zmax, z);
  double sum = 0;
  for (std::size_t k = 0; k < logits.size(); ++k) {
    p[k] = std::exp((logits[k] - zmax) / temperature);
    sum += p[k];
  }
  for (double& v : p)
    v /= sum;
  return p;
}

Outcomes compute_outcomes(const PredictionSet& set, double temperature) {
  const std::size_t n = set.size();
  Outcomes o;
  o.confidence.resize(n);
  o.nll.resize(n);
  o.brier.resize(n);
  o.predicted.resize(n);
  o.correct.resize(n);
  o.said_idk.resize(n);
  o.has_idk = set.has_idk();
  const double inv_t = 1.0 / temperature;
  double e[32];  // at most 26 options
  for (std::size_t i = 0; i < n; ++i) {
    const auto z = set.logits(i);
    const std::size_t k_count = z.size();
    // Argmax on the raw logits: dividing by T > 0 keeps the order, ties go to the lowest index.
    std::size_t arg = 0;
    for (std::size_t k = 1; k < k_count; ++k) {
      if (z[k] > z[arg]) arg = k;
    }
    const double zmax = z[arg];
    double sum = 0;
    for (std::size_t k = 0; k < k_count; ++k) {
      // exp(0) = 1 for the maximum: one exp fewer per item (a fifth of them for five options).
      e[k] = k == arg ? 1.0 : std::exp((z[k] - zmax) * inv_t);
      sum += e[k];
    }
    const int label = set.label(i);
    const double inv_sum = 1.0 / sum;
    // e[arg] == 1 exactly, so a one-hot distribution has confidence exactly 1.0.
    o.confidence[i] = inv_sum;
    double brier = 0;
    for (std::size_t k = 0; k < k_count; ++k) {
      const double d = e[k] * inv_sum - (static_cast<int>(k) == label ? 1.0 : 0.0);
      brier += d * d;
    }
    o.brier[i] = brier;
    double nll = std::log(sum) - (z[label] - zmax) * inv_t;
    if (set.kind(i) == ScoreKind::kProbabilities) nll = std::min(nll, kMaxProbNll);
    o.nll[i] = nll;
    o.predicted[i] = static_cast<std::int32_t>(arg);
    o.correct[i] = static_cast<int>(arg) == label ? 1 : 0;
    const int idk = set.idk_index(i);
    o.said_idk[i] = idk < 0 ? -1 : (static_cast<int>(arg) == idk ? 1 : 0);
  }
  return o;
}

}  // namespace unveil::calib
