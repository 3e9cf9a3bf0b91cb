// Which items fall in which bin of a reliability table: the same rule as the tables of
// calib/metrics.h, so that "the items of this bar" are exactly the items the bar counts.
#pragma once

#include <span>
#include <vector>

#include "calib/metrics.h"

namespace unveil::calib {

/// The bin of every item, for a table of `bins` bins over these confidences:
/// equal width: min(floor(c * B), B - 1); equal mass: stable ascending sort, sorted position p in
/// bin k when floor(k N / B) <= p < floor((k + 1) N / B) (docs/METRICS.md, "Bins").
std::vector<int> bin_assignment(std::span<const double> confidence, int bins, Binning binning);

/// The indices (ascending) of the items in bin `bin`; empty for an empty or out-of-range bin.
std::vector<std::size_t> bin_members(std::span<const double> confidence, int bins, Binning binning,
                                     int bin);

}  // namespace unveil::calib
