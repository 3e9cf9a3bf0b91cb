#include "calib/bootstrap.h"

#include <chrono>
#include <cmath>
#include <mutex>
#include <unordered_map>

#include "calib/stats.h"
#include "util/parallel.h"
#include "util/random.h"

namespace unveil::calib {
namespace {

// Replicate r draws from its own generator, so results depend only on (seed, r).
void draw_weights(std::uint64_t seed, int r, std::vector<std::uint32_t>& w) {
  std::fill(w.begin(), w.end(), 0u);
  Xoshiro256 rng(seed ^ (0xD1B54A32D192ED03ull * static_cast<std::uint64_t>(r + 1)));
  const std::size_t n = w.size();
  for (std::size_t j = 0; j < n; ++j)
    ++w[rng.below(n)];
}

std::optional<Interval> percentile_interval(std::vector<double> values, double level) {
  std::erase_if(values, [](double v) { return std::isnan(v); });
  if (values.empty()) return std::nullopt;
  const double tail = (1.0 - level) / 2.0;
  Interval iv;
  iv.lo = quantile(values, tail);
  iv.hi = quantile(values, 1.0 - tail);
  return iv;
}

// Runs `replicate(r, weights)` for every replicate on the worker threads, with cancel and
// throttled progress. Returns false when cancelled.
template <class F>
bool run_replicates(std::size_t n, const BootstrapOptions& opt, F replicate) {
  std::atomic<int> done{0};
  std::atomic<bool> stop{false};
  std::mutex progress_mutex;
  auto last = std::chrono::steady_clock::now();
  const int total = opt.replicates;
  parallel_chunks(static_cast<std::size_t>(total), 1, [&](int, std::size_t b, std::size_t e) {
    std::vector<std::uint32_t> w(n);
    for (std::size_t r = b; r < e; ++r) {
      if (stop.load(std::memory_order_relaxed)) return;
      if (opt.cancel && opt.cancel->load(std::memory_order_relaxed)) {
        stop = true;
        return;
      }
      draw_weights(opt.seed, static_cast<int>(r), w);
      replicate(static_cast<int>(r), w);
      const int d = ++done;
      if (opt.progress) {
        std::lock_guard lock(progress_mutex);
        const auto now = std::chrono::steady_clock::now();
        if (d == total || now - last > std::chrono::milliseconds(50)) {
          last = now;
          opt.progress(d, total);
        }
      }
    }
  });
  return !stop.load();
}

double value_or_nan(const std::optional<double>& v) {
  return v ? *v : NAN;
}

}  // namespace

BootstrapResult bootstrap(const Outcomes& o, const BootstrapOptions& opt) {
  BootstrapResult res;
  res.seed = opt.seed;
  res.level = opt.level;
  if (o.size() == 0 || opt.replicates <= 0) return res;
  const auto order = confidence_order(o.confidence);
  const auto names = scalars(
      compute_metrics_weighted(o, order, std::vector<std::uint32_t>(o.size(), 1u), opt.metrics));
  std::vector<std::vector<double>> values(names.size(), std::vector<double>(opt.replicates, NAN));
  const bool complete = run_replicates(o.size(), opt, [&](int r, const auto& w) {
    const auto s = scalars(compute_metrics_weighted(o, order, w, opt.metrics));
    for (std::size_t k = 0; k < s.size(); ++k)
      values[k][r] = value_or_nan(s[k].second);
  });
  res.cancelled = !complete;
  res.replicates = opt.replicates;
  for (std::size_t k = 0; k < names.size(); ++k) {
    res.ci[names[k].first] = percentile_interval(values[k], opt.level);
  }
  return res;
}

Result<PairedBootstrapResult> paired_bootstrap(const PredictionSet& a, const PredictionSet& b,
                                               const BootstrapOptions& opt) {
  if (a.size() != b.size()) {
    return Error{"the two prediction sets have different sizes (" + std::to_string(a.size()) +
                 " and " + std::to_string(b.size()) + " items); a paired comparison needs the " +
                 "same items in both"};
  }
  std::unordered_map<std::string_view, std::size_t> index_b;
  index_b.reserve(b.size());
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (!index_b.emplace(b.id(i), i).second) {
      return Error{"item id \"" + std::string(b.id(i)) + "\" appears twice in the second set"};
    }
  }
  std::vector<std::size_t> map(a.size());
  std::unordered_map<std::string_view, bool> seen_a;
  seen_a.reserve(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!seen_a.emplace(a.id(i), true).second) {
      return Error{"item id \"" + std::string(a.id(i)) + "\" appears twice in the first set"};
    }
    const auto it = index_b.find(a.id(i));
    if (it == index_b.end()) {
      return Error{"item id \"" + std::string(a.id(i)) +
                   "\" of the first set is not in the second"};
    }
    map[i] = it->second;
  }
  const Outcomes oa = compute_outcomes(a);
  const Outcomes ob = compute_outcomes(b.subset(map));
  const auto order_a = confidence_order(oa.confidence);
  const auto order_b = confidence_order(ob.confidence);

  PairedBootstrapResult res;
  res.seed = opt.seed;
  res.level = opt.level;
  res.n = a.size();
  const auto sa = scalars(compute_metrics(oa, opt.metrics));
  const auto sb = scalars(compute_metrics(ob, opt.metrics));
  const std::size_t count = std::min(sa.size(), sb.size());
  std::vector<std::vector<double>> values(count, std::vector<double>(opt.replicates, NAN));
  if (opt.replicates > 0 && a.size() > 0) {
    const bool complete = run_replicates(a.size(), opt, [&](int r, const auto& w) {
      const auto ra = scalars(compute_metrics_weighted(oa, order_a, w, opt.metrics));
      const auto rb = scalars(compute_metrics_weighted(ob, order_b, w, opt.metrics));
      for (std::size_t k = 0; k < count; ++k) {
        values[k][r] = value_or_nan(rb[k].second) - value_or_nan(ra[k].second);
      }
    });
    res.cancelled = !complete;
    res.replicates = opt.replicates;
  }
  for (std::size_t k = 0; k < count; ++k) {
    PairedDifference d;
    if (sa[k].second && sb[k].second) d.observed = *sb[k].second - *sa[k].second;
    d.ci = percentile_interval(values[k], opt.level);
    res.diff[sa[k].first] = d;
  }
  return res;
}

}  // namespace unveil::calib
