#include "calib/risk_coverage.h"

#include <algorithm>
#include <numeric>

namespace unveil::calib {

std::vector<RiskCoveragePoint> risk_coverage(const Outcomes& o, std::size_t max_points) {
  const std::size_t n = o.size();
  std::vector<RiskCoveragePoint> curve;
  if (n == 0) return curve;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return o.confidence[a] > o.confidence[b]; });
  const std::size_t points = std::max<std::size_t>(1, std::min(max_points, n));
  curve.reserve(points);
  std::size_t errors = 0, next = 0;
  for (std::size_t k = 1; k <= n; ++k) {
    errors += o.correct[order[k - 1]] ? 0 : 1;
    // Point j (0-based) sits at k = ceil((j + 1) N / points): evenly spread, the last at N.
    if (k * points < (next + 1) * n) continue;
    curve.push_back({static_cast<double>(k) / static_cast<double>(n),
                     static_cast<double>(errors) / static_cast<double>(k),
                     o.confidence[order[k - 1]], k});
    ++next;
  }
  return curve;
}

}  // namespace unveil::calib
