#include "calib/stats.h"

#include <algorithm>
#include <cmath>

namespace unveil::calib {
namespace {

// Continued fraction for I_x(a, b), evaluated with the modified Lentz method (Lentz 1976;
// Thompson & Barnett 1986). The fraction is 1 / (1 + d1 / (1 + d2 / (1 + ...))) with
//   d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)),
//   d_{2m}   =  m (b - m) x / ((a + 2m - 1)(a + 2m)),
// which converges quickly for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  double f = 1.0, c = 1.0, d = 0.0;
  for (int i = 0; i <= 1000; ++i) {
    const double m = i / 2;
    double num;
    if (i == 0) {
      num = 1.0;
    } else if (i % 2 == 0) {
      num = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    } else {
      num = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    }
    d = 1.0 + num * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    d = 1.0 / d;
    c = 1.0 + num / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    const double cd = c * d;
    f *= cd;
    if (std::fabs(1.0 - cd) < 1e-16) break;
  }
  return f - 1.0;
}

}  // namespace

double incomplete_beta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1.0 - incomplete_beta(b, a, 1.0 - x);
  const double log_front =
      std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  return std::exp(log_front) / a * beta_continued_fraction(a, b, x);
}

double inverse_incomplete_beta(double a, double b, double p) {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  // I_x is increasing in x: bisection to the resolution of a double. Once a step leaves [lo, hi]
  // as it was (lo and hi adjacent or equal doubles), every later step would too: stop there
  // rather than run out the 200 steps (the result is the same).
  double lo = 0, hi = 1;
  for (int i = 0; i < 200 && hi - lo > 1e-17; ++i) {
    const double mid = 0.5 * (lo + hi);
    const double old_lo = lo, old_hi = hi;
    if (incomplete_beta(a, b, mid) < p) {
      lo = mid;
    } else {
      hi = mid;
    }
    if (lo == old_lo && hi == old_hi) break;
  }
  return 0.5 * (lo + hi);
}

std::pair<double, double> clopper_pearson(std::size_t k, std::size_t n, double level) {
  if (n == 0) return {0.0, 1.0};
  const double alpha = 1.0 - level;
  const double kd = static_cast<double>(k), nd = static_cast<double>(n);
  const double lo = k == 0 ? 0.0 : inverse_incomplete_beta(kd, nd - kd + 1, alpha / 2);
  const double hi = k == n ? 1.0 : inverse_incomplete_beta(kd + 1, nd - kd, 1 - alpha / 2);
  return {lo, hi};
}

double quantile(std::vector<double>& values, double q) {
  if (values.empty()) return NAN;
  std::sort(values.begin(), values.end());
  const double h = (static_cast<double>(values.size()) - 1) * q;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= values.size()) return values.back();
  return values[lo] + (h - static_cast<double>(lo)) * (values[lo + 1] - values[lo]);
}

}  // namespace unveil::calib
