#include "calib/bin_members.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace unveil::calib {

std::vector<int> bin_assignment(std::span<const double> confidence, int bins, Binning binning) {
  std::vector<int> out(confidence.size(), 0);
  if (bins < 1 || confidence.empty()) return out;
  if (binning == Binning::kEqualWidth) {
    const double nb = static_cast<double>(bins);
    for (std::size_t i = 0; i < confidence.size(); ++i)
      out[i] = std::min(static_cast<int>(std::floor(confidence[i] * nb)), bins - 1);
    return out;
  }
  std::vector<std::size_t> order(confidence.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return confidence[a] < confidence[b]; });
  const std::size_t n = confidence.size();
  const auto start = [&](int k) {
    return static_cast<std::size_t>(k) * n / static_cast<std::size_t>(bins);  // floor(kN/B)
  };
  int k = 0;
  for (std::size_t p = 0; p < n; ++p) {
    while (k + 1 < bins && start(k + 1) <= p)
      ++k;
    out[order[p]] = k;
  }
  return out;
}

std::vector<std::size_t> bin_members(std::span<const double> confidence, int bins, Binning binning,
                                     int bin) {
  std::vector<std::size_t> members;
  if (bin < 0 || bin >= bins) return members;
  const std::vector<int> assigned = bin_assignment(confidence, bins, binning);
  for (std::size_t i = 0; i < assigned.size(); ++i)
    if (assigned[i] == bin) members.push_back(i);
  return members;
}

}  // namespace unveil::calib
