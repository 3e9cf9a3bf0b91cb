// The risk–coverage curve behind AURC (docs/METRICS.md): answer only the k most confident items
// (ties keep input order, as AURC's definition), and see how often those answers are wrong. The
// curve tells a reviewer what abstaining below a confidence threshold would buy.
#pragma once

#include <cstddef>
#include <vector>

#include "calib/outcomes.h"

namespace unveil::calib {

struct RiskCoveragePoint {
  double coverage = 0;   ///< k / N
  double risk = 0;       ///< errors among the first k / k
  double threshold = 0;  ///< the k-th highest confidence: answer when confidence >= threshold
  std::size_t k = 0;
};

/// The curve at k = 1..N, thinned to at most `max_points` points (evenly in k; the last point,
/// k = N, is always kept). Empty for an empty set. The mean of risk over all k = 1..N is AURC.
std::vector<RiskCoveragePoint> risk_coverage(const Outcomes& o, std::size_t max_points = 512);

}  // namespace unveil::calib
