#include "analysis/compare.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "calib/metric_catalog.h"
#include "util/error_message.h"

namespace unveil::analysis {
namespace {

struct LoadedRun {
  store::RunInfo info;
  calib::PredictionSet set;
};

std::string run_name(std::int64_t id) {
  return "run " + std::to_string(id);
}

Status check_run_ids(std::span<const std::int64_t> ids) {
  if (ids.size() < kMinCompareRuns || ids.size() > kMaxCompareRuns) {
    return Error{"a comparison needs " + std::to_string(kMinCompareRuns) + " to " +
                 std::to_string(kMaxCompareRuns) + " runs; got " + std::to_string(ids.size())};
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (std::count(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(i), ids[i]) > 0)
      return Error{run_name(ids[i]) + " is listed twice"};
  }
  return ok_status();
}

Result<std::vector<LoadedRun>> load_runs(store::Store& st, std::span<const std::int64_t> ids) {
  std::vector<LoadedRun> runs;
  for (const std::int64_t id : ids) {
    auto info = st.run(id);
    if (!info) return info.error();
    auto set = st.prediction_set(id);
    if (!set) return set.error();
    if (set->empty())
      return prefixed(literal(st.file()), Error::from(message("analysis.run_empty", id)));
    runs.push_back({std::move(*info), std::move(*set)});
  }
  return runs;
}

// For each run, the positions of the items every run predicted, in the first run's order, so
// that position j names the same item in every restricted set.
std::vector<std::vector<std::size_t>> shared_positions(const std::vector<LoadedRun>& runs) {
  std::vector<std::unordered_map<std::string_view, std::size_t>> where(runs.size());
  for (std::size_t r = 1; r < runs.size(); ++r) {
    where[r].reserve(runs[r].set.size());
    for (std::size_t i = 0; i < runs[r].set.size(); ++i)
      where[r].emplace(runs[r].set.id(i), i);
  }
  std::vector<std::vector<std::size_t>> pos(runs.size());
  for (std::size_t i = 0; i < runs[0].set.size(); ++i) {
    std::vector<std::size_t> found{i};
    for (std::size_t r = 1; r < runs.size(); ++r) {
      const auto it = where[r].find(runs[0].set.id(i));
      if (it == where[r].end()) break;
      found.push_back(it->second);
    }
    if (found.size() < runs.size()) continue;
    for (std::size_t r = 0; r < runs.size(); ++r)
      pos[r].push_back(found[r]);
  }
  return pos;
}

calib::BootstrapOptions bootstrap_options(const CompareOptions& o) {
  calib::BootstrapOptions b;
  b.replicates = o.replicates;
  b.seed = o.seed;
  b.level = o.level;
  b.metrics = o.metrics;
  b.cancel = o.cancel;
  return b;
}

Better better_side(const std::string& metric, const calib::PairedDifference& d) {
  const int direction = metric_direction(metric);
  if (!d.significant() || direction == 0) return Better::kNeither;
  const int sign = d.ci->lo > 0 ? 1 : -1;  // significant: the interval lies on one side of 0
  return sign * direction > 0 ? Better::kRun : Better::kAgainst;
}

// run - first for every scalar metric of the first run, in calib::scalars order.
std::vector<MetricDifference> differences(const ComparedRun& first, const ComparedRun& run,
                                          const calib::PairedBootstrapResult& paired,
                                          double level) {
  std::vector<MetricDifference> out;
  for (const auto& scalar : calib::scalars(first.metrics)) {
    const std::string& metric = scalar.first;
    const auto it = paired.diff.find(metric);
    if (it == paired.diff.end()) continue;  // an IDK metric the other run cannot have
    MetricDifference d;
    d.run = run.info.id;
    d.against = first.info.id;
    d.metric = metric;
    d.difference = it->second;
    d.better = better_side(metric, d.difference);
    d.verdict = verdict(d, level);
    out.push_back(std::move(d));
  }
  return out;
}

// A run's metrics and intervals on its shared items.
ComparedRun measure(LoadedRun& run, const calib::PredictionSet& shared,
                    const CompareOptions& options) {
  ComparedRun r;
  r.info = std::move(run.info);
  r.n_run = run.set.size();
  const calib::Outcomes o = calib::compute_outcomes(shared);
  r.metrics = calib::compute_metrics(o, options.metrics);
  r.ci = calib::bootstrap(o, bootstrap_options(options));
  return r;
}

std::string number(double v) {
  if (v == 0) v = 0;  // no "-0.000"
  char buf[32];
  std::snprintf(buf, sizeof buf, std::fabs(v) >= 0.001 || v == 0 ? "%.3f" : "%.2g", v);
  return buf;
}

std::string percent(double level) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%g%%", level * 100);
  return buf;
}

}  // namespace

int metric_direction(const std::string& metric) {
  const calib::MetricInfo* info = calib::find_metric(metric);
  if (!info) return -1;  // as the calibration errors: lower is better
  switch (info->direction) {
    case calib::MetricDirection::kHigherBetter:
      return 1;
    case calib::MetricDirection::kNeither:
      return 0;
    case calib::MetricDirection::kLowerBetter:
      break;
  }
  return -1;
}

std::string metric_label(const std::string& metric) {
  const calib::MetricInfo* info = calib::find_metric(metric);
  return info ? std::string(info->label) : metric;
}

std::string verdict(const MetricDifference& d, double level) {
  const std::string name = metric_label(d.metric);
  const std::string run = run_name(d.run), against = run_name(d.against);
  const calib::PairedDifference& x = d.difference;
  if (!x.observed) {
    return name + " is undefined for " + run + " or " + against +
           " on the shared items (every item right or every item wrong): no comparison";
  }
  std::string s = name + " of " + run + " differs from " + against + " by " + number(*x.observed);
  if (!x.ci) return s + " (no interval: the metric was undefined in every bootstrap replicate)";
  s += " (" + percent(level) + " interval " + number(x.ci->lo) + " to " + number(x.ci->hi) + "): ";
  if (!x.significant()) return s + "not a significant difference";
  const std::string direction = x.ci->lo > 0 ? "higher" : "lower";
  switch (d.better) {
    case Better::kRun:
      return s + run + " is better (" + direction + ")";
    case Better::kAgainst:
      return s + against + " is better (" + run + " is " + direction + ")";
    case Better::kNeither:
      break;
  }
  return s + "a significant difference: " + run + " is " + direction +
         " (neither direction is better in itself)";
}

Result<Comparison> compare_runs(store::Store& st, std::span<const std::int64_t> run_ids,
                                const CompareOptions& options) {
  if (auto ok = check_run_ids(run_ids); !ok) return ok.error();
  auto loaded = load_runs(st, run_ids);
  if (!loaded) return loaded.error();
  const auto pos = shared_positions(*loaded);
  Comparison c;
  c.shared_items = pos[0].size();
  if (c.shared_items < kMinSharedItems) {
    return prefixed(literal(st.file()),
                    Error::from(message("analysis.few_shared", c.shared_items, kMinSharedItems)));
  }
  c.replicates = options.replicates;
  c.seed = options.seed;
  c.level = options.level;
  std::vector<calib::PredictionSet> shared;
  for (std::size_t r = 0; r < loaded->size(); ++r) {
    shared.push_back((*loaded)[r].set.subset(pos[r]));
    c.runs.push_back(measure((*loaded)[r], shared.back(), options));
    c.cancelled = c.cancelled || c.runs.back().ci.cancelled;
  }
  for (std::size_t r = 1; r < c.runs.size(); ++r) {
    // The same seed draws the same item positions for both runs (and as for each run's own
    // intervals): the resampling is paired.
    auto paired = calib::paired_bootstrap(shared[0], shared[r], bootstrap_options(options));
    if (!paired) return Error{st.file() + ": " + paired.error().message};
    c.cancelled = c.cancelled || paired->cancelled;
    const auto d = differences(c.runs[0], c.runs[r], *paired, options.level);
    c.differences.insert(c.differences.end(), d.begin(), d.end());
  }
  return c;
}

Result<Comparison> compare_runs(const std::filesystem::path& project,
                                std::span<const std::int64_t> run_ids,
                                const CompareOptions& options) {
  auto st = store::Store::open(project, store::OpenMode::kOpenExisting);
  if (!st) return st.error();
  return compare_runs(*st, run_ids, options);
}

}  // namespace unveil::analysis
