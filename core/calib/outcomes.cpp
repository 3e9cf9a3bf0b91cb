#include "calib/outcomes.h"

#include <algorithm>
#include <cmath>

#include "util/vexp.h"

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
  // In chunks that stay in cache: shifted logits into a scratch buffer, one vectorised exp over
  // it, then the per-item sums.
  constexpr std::size_t kChunk = 2048;
  std::vector<double> e;
  std::vector<std::size_t> start(kChunk + 1);
  std::vector<std::int32_t> args(kChunk);
  for (std::size_t c0 = 0; c0 < n; c0 += kChunk) {
    const std::size_t c1 = std::min(n, c0 + kChunk);
    e.clear();
    for (std::size_t i = c0; i < c1; ++i) {
      const auto z = set.logits(i);
      // Argmax on the raw logits: dividing by T > 0 keeps the order, ties go to the lowest index.
      std::size_t arg = 0;
      for (std::size_t k = 1; k < z.size(); ++k) {
        if (z[k] > z[arg]) arg = k;
      }
      args[i - c0] = static_cast<std::int32_t>(arg);
      start[i - c0] = e.size();
      const double zmax = z[arg];
      for (double v : z)
        e.push_back((v - zmax) * inv_t);
    }
    start[c1 - c0] = e.size();
    exp_inplace(e.data(), e.size());
    for (std::size_t i = c0; i < c1; ++i) {
      const std::size_t b = start[i - c0], k_count = start[i - c0 + 1] - b;
      const std::size_t arg = static_cast<std::size_t>(args[i - c0]);
      double* ei = e.data() + b;
      ei[arg] = 1.0;  // exp(0) exactly: a one-hot distribution has confidence exactly 1.0
      double sum = 0, sq = 0;
      for (std::size_t k = 0; k < k_count; ++k) {
        sum += ei[k];
        sq += ei[k] * ei[k];
      }
      const int label = set.label(i);
      const double inv_sum = 1.0 / sum;
      const double p_label = ei[label] * inv_sum;
      o.confidence[i] = inv_sum;
      // Brier: sum_k (p_k - y_k)^2 = sum_k p_k^2 - 2 p_label + 1.
      o.brier[i] = std::max(0.0, sq * inv_sum * inv_sum - 2.0 * p_label + 1.0);
      const auto z = set.logits(i);
      double nll = std::log(sum) - (z[label] - z[arg]) * inv_t;
      if (set.kind(i) == ScoreKind::kProbabilities) nll = std::min(nll, kMaxProbNll);
      o.nll[i] = nll;
      o.predicted[i] = static_cast<std::int32_t>(arg);
      o.correct[i] = static_cast<int>(arg) == label ? 1 : 0;
      const int idk = set.idk_index(i);
      o.said_idk[i] = idk < 0 ? -1 : (static_cast<int>(arg) == idk ? 1 : 0);
    }
  }
  return o;
}

}  // namespace unveil::calib
