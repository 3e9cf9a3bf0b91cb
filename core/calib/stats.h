// Small statistics: the regularised incomplete beta function, Clopper-Pearson intervals, and
// percentile quantiles.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace unveil::calib {

/// I_x(a, b), the regularised incomplete beta function, for a, b > 0 and 0 <= x <= 1.
double incomplete_beta(double a, double b, double x);

/// x such that I_x(a, b) = p.
double inverse_incomplete_beta(double a, double b, double p);

/// Clopper-Pearson ("exact") two-sided interval for k successes in n trials at the given level.
/// n = 0 gives [0, 1].
std::pair<double, double> clopper_pearson(std::size_t k, std::size_t n, double level = 0.95);

/// The q-quantile of values (sorted in place) with linear interpolation between order statistics
/// (Hyndman & Fan type 7, NumPy's default).
double quantile(std::vector<double>& values, double q);

}  // namespace unveil::calib
