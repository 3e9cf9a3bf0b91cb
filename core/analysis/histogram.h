// Fixed-width histograms of per-item values (confidence, entropy), shared by the analyses.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace unveil::analysis {

/// Fixed-width bins over [lo, hi]: bin = min(floor((x - lo) / (hi - lo) * B), B - 1).
struct Histogram {
  double lo = 0, hi = 1;
  std::vector<std::size_t> counts;
};

/// Counts `values` into max(1, bins) bins over [lo, hi]; values outside are clamped into the first
/// or last bin (the top edge, confidence 1 or entropy ln K, lands in the last bin).
inline Histogram make_histogram(std::span<const double> values, double lo, double hi, int bins) {
  Histogram h{lo, hi, std::vector<std::size_t>(static_cast<std::size_t>(std::max(1, bins)), 0)};
  const double width = hi > lo ? hi - lo : 1.0;
  const auto last = static_cast<double>(h.counts.size() - 1);
  for (double v : values) {
    const double b =
        std::clamp(std::floor((v - lo) / width * static_cast<double>(h.counts.size())), 0.0, last);
    ++h.counts[static_cast<std::size_t>(b)];
  }
  return h;
}

}  // namespace unveil::analysis
