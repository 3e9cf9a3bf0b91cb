// Hand-made bin tables for the plot tests: every number is written here, none comes from core.
#pragma once

#include <cmath>
#include <limits>

#include "calib/metrics.h"

namespace unveil::ui::test {

inline calib::Bin bin(double lo, double hi, std::size_t count, std::size_t correct,
                      double confidence, double ci_lo, double ci_hi) {
  calib::Bin b;
  b.lo = lo;
  b.hi = hi;
  b.count = count;
  b.correct = correct;
  b.confidence = confidence;
  b.accuracy = count ? static_cast<double>(correct) / static_cast<double>(count) : 0;
  b.gap = b.accuracy - confidence;
  b.ci_lo = ci_lo;
  b.ci_hi = ci_hi;
  return b;
}

/// An empty bin as core reports it: count 0, means NaN.
inline calib::Bin emptyBin(double lo, double hi) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  calib::Bin b;
  b.lo = lo;
  b.hi = hi;
  b.confidence = b.accuracy = b.gap = b.ci_lo = b.ci_hi = nan;
  return b;
}

/// Five equal-width bins; bins 1 and 3 are empty. Bin 0 is under-confident, bin 2
/// over-confident, bin 4 holds confidences of exactly 1.0 that are all right (no gap).
inline calib::BinTable fiveBins() {
  calib::BinTable t;
  t.binning = calib::Binning::kEqualWidth;
  t.bins = {bin(0.0, 0.2, 4, 2, 0.15, 0.0676, 0.9324), emptyBin(0.2, 0.4),
            bin(0.4, 0.6, 10, 3, 0.52, 0.0667, 0.6526), emptyBin(0.6, 0.8),
            bin(0.8, 1.0, 6, 6, 1.0, 0.5407, 1.0)};
  return t;
}

}  // namespace unveil::ui::test
