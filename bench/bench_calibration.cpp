// Google Benchmark programs for the calibration engine.
//
// The data is a seeded synthetic over-confident 5-option model (4 answers and an "I don't know"
// option at index 4), generated here with std::mt19937_64 and our own Box-Muller transform so that
// every platform gets the same numbers:
//   z_k ~ N(0, 1) for every option; z_4 -= 0.5 (IDK is a little less likely);
//   z_label += 1.4 (the signal; label uniform over the 4 answers); logits = 2.2 * z.
// Accuracy is about 0.65, mean confidence about 0.75 (over-confident), IDK predicted ~4%.
// scripts/make_bench_predictions.py writes the same model as predictions JSONL.
//
// Targets: all metrics + a 15-bin table on 1,000,000 x 5 <= 50 ms on one core;
// temperature fit on 1,000,000 x 5 <= 300 ms. Results and commands: docs/PERFORMANCE.md.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "calib/bootstrap.h"
#include "calib/metrics.h"
#include "calib/outcomes.h"
#include "calib/prediction_set.h"
#include "calib/predictions_jsonl.h"
#include "calib/predictions_jsonl_internal.h"
#include "calib/temperature.h"
#include "util/parallel.h"

namespace {

using namespace unveil;

constexpr int kOptions = 5;
constexpr int kIdk = 4;
constexpr std::uint64_t kSeed = 20240613;

// Standard normals by Box-Muller from a 64-bit Mersenne Twister (std::normal_distribution is not
// specified exactly, so it would differ between standard libraries).
class Normal {
 public:
  explicit Normal(std::uint64_t seed) : rng_(seed) {}
  double next() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double u1 = uniform_open();
    const double u2 = uniform_open();
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double a = 2.0 * std::numbers::pi * u2;
    spare_ = r * std::sin(a);
    has_spare_ = true;
    return r * std::cos(a);
  }
  std::uint64_t below(std::uint64_t n) { return rng_() % n; }

 private:
  double uniform_open() {  // (0, 1]
    return (static_cast<double>(rng_() >> 11) + 1.0) * 0x1.0p-53;
  }
  std::mt19937_64 rng_;
  double spare_ = 0;
  bool has_spare_ = false;
};

struct Item {
  double z[kOptions];
  int label;
};

// The synthetic model of the file comment; calls body(index, item) for n items.
template <class F>
void generate(std::size_t n, std::uint64_t seed, F&& body) {
  Normal g(seed);
  Item it{};
  for (std::size_t i = 0; i < n; ++i) {
    it.label = static_cast<int>(g.below(4));
    for (int k = 0; k < kOptions; ++k)
      it.z[k] = g.next();
    it.z[kIdk] -= 0.5;
    it.z[it.label] += 1.4;
    for (double& v : it.z)
      v *= 2.2;
    body(i, it);
  }
}

calib::PredictionSet make_set(std::size_t n) {
  calib::PredictionSet set;
  set.reserve(n, n * kOptions);
  calib::PredictionInput p;
  generate(n, kSeed, [&](std::size_t i, const Item& it) {
    p.clear();
    // Appended rather than "q" + std::to_string(i): GCC 12 warns falsely (-Wrestrict, GCC bug
    // 105329) on operator+(const char*, std::string&&) at -O3.
    p.id.assign(1, 'q');
    p.id += std::to_string(i);
    p.scores.assign(it.z, it.z + kOptions);
    p.kind = calib::ScoreKind::kLogits;
    p.label = it.label;
    p.idk_index = kIdk;
    set.add(p);
  });
  return set;
}

// The same items as predictions JSONL text, logits printed to 9 decimals, compact (~113 bytes a
// line), as scripts/make_bench_predictions.py writes them.
std::string make_jsonl(std::size_t n) {
  std::string text;
  text.reserve(n * 112);
  char buf[256];
  generate(n, kSeed, [&](std::size_t i, const Item& it) {
    const int len = std::snprintf(
        buf, sizeof buf,
        "{\"id\":\"q%zu\",\"logits\":[%.9f,%.9f,%.9f,%.9f,%.9f],\"label\":%d,\"idk_index\":%d}\n",
        i, it.z[0], it.z[1], it.z[2], it.z[3], it.z[4], it.label, kIdk);
    text.append(buf, static_cast<std::size_t>(len));
  });
  return text;
}

// Data built once per process, on first use.
const calib::PredictionSet& set_1m() {
  static const calib::PredictionSet s = make_set(1'000'000);
  return s;
}
const calib::Outcomes& outcomes_1m() {
  static const calib::Outcomes o = calib::compute_outcomes(set_1m());
  return o;
}
const calib::PredictionSet& set_100k() {
  static const calib::PredictionSet s = make_set(100'000);
  return s;
}
const std::string& jsonl_1m() {
  static const std::string t = make_jsonl(1'000'000);
  return t;
}

calib::MetricsOptions options(calib::Binning binning) {
  calib::MetricsOptions opt;
  opt.bins = 15;
  opt.binning = binning;
  return opt;
}

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "bench_calibration: %s\n", what);
    std::abort();
  }
}

// --- The headline: everything `unveil-cli metrics` computes after reading the file
// ----------------

void all_metrics(benchmark::State& state, calib::Binning binning) {
  set_worker_threads(1);
  const calib::PredictionSet& set = set_1m();
  const calib::MetricsOptions opt = options(binning);
  for (auto _ : state) {
    calib::Outcomes o = calib::compute_outcomes(set);
    calib::Metrics m = calib::compute_metrics(o, opt);
    benchmark::DoNotOptimize(m);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(set.size()));
}

void BM_AllMetrics_1M_x5_15bins(benchmark::State& state) {
  all_metrics(state, calib::Binning::kEqualWidth);
}
BENCHMARK(BM_AllMetrics_1M_x5_15bins)->Unit(benchmark::kMillisecond);

void BM_AllMetrics_1M_x5_15bins_EqualMass(benchmark::State& state) {
  all_metrics(state, calib::Binning::kEqualMass);
}
BENCHMARK(BM_AllMetrics_1M_x5_15bins_EqualMass)->Unit(benchmark::kMillisecond);

// --- Where the time goes ------------------------------------------------------------------------

void BM_Outcomes_1M_x5(benchmark::State& state) {
  set_worker_threads(1);
  const calib::PredictionSet& set = set_1m();
  for (auto _ : state) {
    calib::Outcomes o = calib::compute_outcomes(set);
    benchmark::DoNotOptimize(o.confidence.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(set.size()));
}
BENCHMARK(BM_Outcomes_1M_x5)->Unit(benchmark::kMillisecond);

void metrics_only(benchmark::State& state, calib::Binning binning) {
  set_worker_threads(1);
  const calib::Outcomes& o = outcomes_1m();
  const calib::MetricsOptions opt = options(binning);
  for (auto _ : state) {
    calib::Metrics m = calib::compute_metrics(o, opt);
    benchmark::DoNotOptimize(m);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(o.size()));
}

void BM_Metrics_1M_15bins(benchmark::State& state) {
  metrics_only(state, calib::Binning::kEqualWidth);
}
BENCHMARK(BM_Metrics_1M_15bins)->Unit(benchmark::kMillisecond);

void BM_Metrics_1M_15bins_EqualMass(benchmark::State& state) {
  metrics_only(state, calib::Binning::kEqualMass);
}
BENCHMARK(BM_Metrics_1M_15bins_EqualMass)->Unit(benchmark::kMillisecond);

// The stable confidence sort into a permutation, as the bootstrap uses it (compute_metrics sorts
// packed (confidence, correct) words itself and builds no permutation).
void BM_ConfidenceOrder_1M(benchmark::State& state) {
  const calib::Outcomes& o = outcomes_1m();
  for (auto _ : state) {
    auto order = calib::confidence_order(o.confidence);
    benchmark::DoNotOptimize(order.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(o.size()));
}
BENCHMARK(BM_ConfidenceOrder_1M)->Unit(benchmark::kMillisecond);

// The 15-bin reliability table alone (with Clopper-Pearson intervals).
void BM_BinTable_1M_15bins(benchmark::State& state) {
  const calib::Outcomes& o = outcomes_1m();
  for (auto _ : state) {
    calib::BinTable t = calib::bin_table(o, 15, calib::Binning::kEqualWidth);
    benchmark::DoNotOptimize(t);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(o.size()));
}
BENCHMARK(BM_BinTable_1M_15bins)->Unit(benchmark::kMillisecond);

// --- Temperature scaling ------------------------------------------------------------------------

void BM_TemperatureFit_1M_x5(benchmark::State& state) {
  set_worker_threads(static_cast<int>(state.range(0)));
  const calib::PredictionSet& set = set_1m();
  int iterations = 0;
  double temperature = 0;
  for (auto _ : state) {
    auto fit = calib::fit_temperature(set);
    check(fit.ok(), "temperature fit failed");
    // The whole result, not a double: benchmark 1.7's DoNotOptimize lets GCC put a double in a
    // general-purpose register and read garbage back.
    benchmark::DoNotOptimize(fit);
    iterations = fit->iterations;
    temperature = fit->temperature;
  }
  state.counters["T"] = temperature;
  state.counters["evals"] = iterations;  // NLL/gradient/Hessian passes over the data per fit
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(set.size()));
}
BENCHMARK(BM_TemperatureFit_1M_x5)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// --- Reading predictions JSONL (in memory: no disk in the figure) --------------------------------

// The reader as the programs call it: the simdjson fast path on
// (core/calib/predictions_jsonl_fast.cpp).
void BM_ParseJsonl_1M(benchmark::State& state) {
  set_worker_threads(static_cast<int>(state.range(0)));
  const std::string& text = jsonl_1m();
  for (auto _ : state) {
    auto set = calib::parse_predictions_jsonl(text, "bench.jsonl");
    check(set.ok() && set->size() == 1'000'000, "parse failed");
    benchmark::DoNotOptimize(set->size());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations() * 1'000'000);
  state.SetLabel(calib::jsonl_internal::fast_path_kernels());
}
BENCHMARK(BM_ParseJsonl_1M)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The same with the fast path off: the strict parser alone (the reader before the fast path), to
// compare in the same run.
void BM_ParseJsonl_1M_StrictOnly(benchmark::State& state) {
  set_worker_threads(static_cast<int>(state.range(0)));
  const std::string& text = jsonl_1m();
  for (auto _ : state) {
    auto set = calib::jsonl_internal::parse_predictions_jsonl(
        text, "bench.jsonl", {}, nullptr, calib::jsonl_internal::FastPath::kOff);
    check(set.ok() && set->size() == 1'000'000, "parse failed");
    benchmark::DoNotOptimize(set->size());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations() * 1'000'000);
}
BENCHMARK(BM_ParseJsonl_1M_StrictOnly)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// --- Bootstrap (for information: no target) ------------------------------------------------------

void BM_Bootstrap_100k_x5_200reps(benchmark::State& state) {
  set_worker_threads(static_cast<int>(state.range(0)));
  const calib::Outcomes o = calib::compute_outcomes(set_100k());
  calib::BootstrapOptions bo;
  bo.replicates = 200;
  bo.seed = 7;
  bo.metrics = options(calib::Binning::kEqualWidth);
  for (auto _ : state) {
    calib::BootstrapResult r = calib::bootstrap(o, bo);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * 200);  // replicates
}
BENCHMARK(BM_Bootstrap_100k_x5_200reps)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
