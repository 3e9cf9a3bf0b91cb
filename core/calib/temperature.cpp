#include "calib/temperature.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "util/parallel.h"

namespace unveil::calib {
namespace {

constexpr double kLogProbFloor = -27.631021115928547;  // log(1e-12): the clamp of docs/METRICS.md

// The mean NLL as a function of beta = 1/T, from logits shifted so that each item's maximum is 0:
//   f(beta)   = mean_i [ log sum_k exp(beta d_ik) - beta d_iy ]
//   f'(beta)  = mean_i [ E_p[d_i] - d_iy ]          (p = softmax(beta d_i))
//   f''(beta) = mean_i [ Var_p[d_i] ] >= 0          (so f is convex and f' monotone)
struct Shifted {
  std::vector<double> d;             // flat, item after item
  std::vector<std::uint32_t> begin;  // n + 1 offsets into d
  std::vector<double> dy;            // d of the label
};

Shifted shift(const PredictionSet& set) {
  Shifted s;
  const std::size_t n = set.size();
  s.begin.resize(n + 1);
  s.dy.resize(n);
  s.begin[0] = 0;
  for (std::size_t i = 0; i < n; ++i)
    s.begin[i + 1] = s.begin[i] + set.logits(i).size();
  s.d.resize(s.begin[n]);
  for (std::size_t i = 0; i < n; ++i) {
    const auto z = set.logits(i);
    const bool probs = set.kind(i) == ScoreKind::kProbabilities;
    double zmax = -INFINITY;
    for (double v : z)
      zmax = std::max(zmax, v);
    double* out = s.d.data() + s.begin[i];
    for (std::size_t k = 0; k < z.size(); ++k) {
      // Given probabilities are clamped at 1e-12 so that a zero on the label costs a finite NLL.
      out[k] = (probs ? std::max(z[k], kLogProbFloor) : z[k]) - zmax;
    }
    s.dy[i] = out[set.label(i)];
  }
  return s;
}

struct Eval {
  double f = 0, g = 0, h = 0;
};

Eval evaluate(const Shifted& s, double beta) {
  const std::size_t n = s.dy.size();
  std::vector<Eval> parts(static_cast<std::size_t>(worker_threads()));
  parallel_chunks(n, 65536, [&](int c, std::size_t b, std::size_t e) {
    Eval acc;
    for (std::size_t i = b; i < e; ++i) {
      const double* d = s.d.data() + s.begin[i];
      const std::size_t k_count = s.begin[i + 1] - s.begin[i];
      double sum = 0, m1 = 0, m2 = 0;
      for (std::size_t k = 0; k < k_count; ++k) {
        const double w = d[k] == 0.0 ? 1.0 : std::exp(beta * d[k]);  // the maximum: exp(0)
        sum += w;
        m1 += w * d[k];
        m2 += w * d[k] * d[k];
      }
      const double mean = m1 / sum;
      acc.f += std::log(sum) - beta * s.dy[i];
      acc.g += mean - s.dy[i];
      acc.h += std::max(0.0, m2 / sum - mean * mean);
    }
    parts[static_cast<std::size_t>(c)] = acc;
  });
  Eval total;
  for (const Eval& p : parts) {
    total.f += p.f;
    total.g += p.g;
    total.h += p.h;
  }
  const double inv_n = 1.0 / static_cast<double>(n);
  total.f *= inv_n;
  total.g *= inv_n;
  total.h *= inv_n;
  return total;
}

std::string describe(const TemperatureFit& fit, const TemperatureOptions& opt) {
  char buf[512];
  if (fit.at_bound) {
    const bool low = fit.temperature <= opt.min_temperature * 1.0000001;
    std::snprintf(buf, sizeof buf,
                  "The best temperature lies at or beyond the search bound T = %.3g: %s. "
                  "Mean NLL %.4f -> %.4f.",
                  fit.temperature,
                  low ? "the fit split rewards ever sharper confidence (almost every item is "
                        "right), so no finite temperature is optimal"
                      : "the model does no better than chance on the fit split, so the flattest "
                        "confidence is best",
                  fit.nll_before, fit.nll_after);
  } else if (fit.unchanged) {
    std::snprintf(buf, sizeof buf,
                  "T = %.3f is within 1%% of 1: the confidences were already as sharp as the fit "
                  "split supports, and temperature scaling changes almost nothing "
                  "(mean NLL %.4f -> %.4f).",
                  fit.temperature, fit.nll_before, fit.nll_after);
  } else {
    std::snprintf(buf, sizeof buf,
                  "T = %.3f %s 1: the model was %s-confident; dividing its logits by T %s its "
                  "confidence. Mean NLL %.4f -> %.4f. Accuracy is unchanged: scaling never "
                  "changes which option is predicted.",
                  fit.temperature, fit.temperature > 1 ? ">" : "<",
                  fit.temperature > 1 ? "over" : "under",
                  fit.temperature > 1 ? "softens" : "sharpens", fit.nll_before, fit.nll_after);
  }
  return buf;
}

}  // namespace

double mean_nll(const PredictionSet& set, double temperature) {
  if (set.empty()) return NAN;
  return evaluate(shift(set), 1.0 / temperature).f;
}

Result<TemperatureFit> fit_temperature(const PredictionSet& set, const TemperatureOptions& opt) {
  if (set.empty()) return Error{"cannot fit a temperature on an empty prediction set"};
  if (!(opt.min_temperature > 0) || !(opt.max_temperature > opt.min_temperature)) {
    return Error{"temperature bounds must satisfy 0 < min < max"};
  }
  const Shifted s = shift(set);
  const double beta_lo = 1.0 / opt.max_temperature, beta_hi = 1.0 / opt.min_temperature;

  TemperatureFit fit;
  double a = beta_lo, b = beta_hi;  // the root of f' lies in [a, b]
  bool a_tested = false, b_tested = false;
  double beta = std::clamp(1.0, a, b);
  Eval e = evaluate(s, beta);
  fit.nll_before = beta == 1.0 ? e.f : evaluate(s, 1.0).f;
  fit.iterations = 1;
  for (int it = 0; it < 200; ++it) {
    if (e.g == 0) break;
    if (e.g < 0) {
      a = beta;
      a_tested = true;
    } else {
      b = beta;
      b_tested = true;
    }
    double next = e.h > 0 ? beta - e.g / e.h : NAN;
    // Converged: the Newton step is below the resolution asked for (evaluating it would cost a
    // pass over the data and change nothing).
    if (std::fabs(next - beta) <= 1e-13 * beta) break;
    if (!(next > a && next < b)) {
      // Newton left the bracket: try the untested bound it points to, else bisect.
      if (e.g < 0 && !b_tested) {
        next = b;
      } else if (e.g > 0 && !a_tested) {
        next = a;
      } else {
        next = b / a > 4 ? std::sqrt(a * b) : 0.5 * (a + b);
      }
    }
    const double step = std::fabs(next - beta);
    beta = next;
    e = evaluate(s, beta);
    ++fit.iterations;
    if ((beta == beta_hi && e.g <= 0) || (beta == beta_lo && e.g >= 0)) {
      fit.at_bound = true;
      break;
    }
    if (step <= 1e-13 * beta || b - a <= 1e-13 * beta) break;
  }
  fit.temperature = 1.0 / beta;
  fit.nll_after = e.f;
  fit.unchanged = !fit.at_bound && std::fabs(std::log(fit.temperature)) < std::log(1.01);
  fit.note = describe(fit, opt);
  return fit;
}

namespace {
// The items the study's fit uses: answered, with the right letter's logit and the vocabulary.
struct VocabItems {
  std::vector<std::size_t> items;
  std::string missing;  // an item without vocabulary logits, "" when none
};

VocabItems vocab_items(const PredictionSet& set) {
  VocabItems v;
  for (std::size_t i = 0; i < set.size(); ++i) {
    if (set.answer(i) == kUnanswered) continue;
    if (set.vocab_logits(i).empty()) {
      v.missing = std::string(set.id(i));
      return v;
    }
    v.items.push_back(i);
  }
  return v;
}

// -log softmax(v / T)[y] = logsumexp(v / T) - z_y / T, with the maximum taken out.
double vocab_nll(std::span<const double> v, double z_label, double inv_t) {
  double vmax = -INFINITY;
  for (double x : v)
    vmax = std::max(vmax, x);
  double sum = 0;
  for (double x : v)
    sum += std::exp((x - vmax) * inv_t);
  return std::log(sum) - (z_label - vmax) * inv_t;
}

double mean_vocab_nll_of(const PredictionSet& set, const std::vector<std::size_t>& items,
                         double inv_t) {
  double total = 0;
  for (std::size_t i : items) {
    total += vocab_nll(set.vocab_logits(i), set.logits(i)[static_cast<std::size_t>(set.label(i))],
                       inv_t);
  }
  return total / static_cast<double>(items.size());
}
}  // namespace

double mean_vocab_nll(const PredictionSet& set, double temperature) {
  const VocabItems v = vocab_items(set);
  if (!v.missing.empty() || v.items.empty()) return std::numeric_limits<double>::quiet_NaN();
  return mean_vocab_nll_of(set, v.items, 1.0 / temperature);
}

Result<TemperatureFit> fit_temperature_study_grid(const PredictionSet& set) {
  const VocabItems v = vocab_items(set);
  if (!v.missing.empty()) {
    return Error{"item \"" + v.missing +
                 "\" has no vocabulary logits of its answer step: the study's temperature is "
                 "fitted on the full-vocabulary NLL (a run made by Unveil stores them for "
                 "vocabularies of up to 8,192 tokens; a predictions file gives them as "
                 "\"vocab_logits\")"};
  }
  if (v.items.empty()) return Error{"no answered items to fit a temperature on"};
  // The grid's 999 temperatures, each a pass over every item's vocabulary: in parallel over the
  // grid, each worker keeping its own points so that the result does not depend on the threads.
  constexpr int kGrid = 999;
  std::vector<double> nll(kGrid);
  parallel_chunks(kGrid, 8, [&](int, std::size_t b, std::size_t e) {
    for (std::size_t g = b; g < e; ++g) {
      const double t = static_cast<double>(g + 1) / 100.0;
      nll[g] = mean_vocab_nll_of(set, v.items, 1.0 / t);
    }
  });
  TemperatureFit fit;
  double best = INFINITY;
  int best_g = -1;
  for (int g = 0; g < kGrid; ++g) {
    // Strictly smaller: the first of equal values wins, as the study's loop keeps it.
    if (nll[static_cast<std::size_t>(g)] < best) {
      best = nll[static_cast<std::size_t>(g)];
      best_g = g;
    }
  }
  if (best_g < 0) return Error{"the full-vocabulary NLL is not finite at any grid temperature"};
  fit.temperature = static_cast<double>(best_g + 1) / 100.0;
  fit.nll_before = mean_vocab_nll_of(set, v.items, 1.0);
  fit.nll_after = best;
  fit.iterations = kGrid;
  fit.at_bound = best_g == 0 || best_g == kGrid - 1;
  fit.unchanged = fit.temperature == 1.0;
  char buf[200];
  std::snprintf(buf, sizeof buf,
                "T = %.2f from the study's grid (0.01 to 9.99 in steps of 0.01) on %zu answered "
                "items; full-vocabulary NLL %.4f -> %.4f%s",
                fit.temperature, v.items.size(), fit.nll_before, fit.nll_after,
                fit.at_bound ? " (at the grid's edge: the best T may lie beyond it)" : "");
  fit.note = buf;
  return fit;
}

}  // namespace unveil::calib
