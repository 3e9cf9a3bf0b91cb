// Filtering and sorting a 100,000-item browser with a run laid over it in
// at most 200 ms; and the window's work after a change of bins for a 100,000-prediction run (the
// metrics, both tables and the risk–coverage curve: what a re-plot waits for) in at most 50 ms.
// Runs offscreen (QT_QPA_PLATFORM=offscreen is set when unset).
#include <benchmark/benchmark.h>

#include <QApplication>
#include <random>

#include "browser/dataset_filter_proxy.h"
#include "browser/dataset_table_model.h"
#include "browser/run_overlay.h"
#include "calib/metrics.h"
#include "calib/outcomes.h"
#include "calib/risk_coverage.h"

namespace {

using namespace unveil;
using namespace unveil::ui;

constexpr int kItems = 100000;

struct Fixture {
  std::shared_ptr<data::Dataset> dataset = std::make_shared<data::Dataset>();
  std::shared_ptr<calib::PredictionSet> set = std::make_shared<calib::PredictionSet>();
  calib::Outcomes outcomes;
  std::shared_ptr<const RunOverlay> overlay;

  Fixture() {
    std::mt19937_64 rng(5);
    std::normal_distribution<double> z(0, 1);
    const char* splits[] = {"train", "calibration", "test", "idk"};
    calib::PredictionInput in;
    for (int i = 0; i < kItems; ++i) {
      data::Item item;
      item.id = "q" + std::to_string(i);
      item.question = "What colour is object " + std::to_string(i) + " in the picture?";
      item.options = {{'A', "red"}, {'B', "green"}, {'C', "blue"}, {'D', "I don't know"}};
      item.answer = i % 3;
      item.idk_index = 3;
      item.split = splits[i % 4];
      item.category = i % 2 ? "colour" : "count";
      dataset->items.push_back(item);
      in.clear();
      in.id = item.id;
      in.label = item.answer;
      in.idk_index = 3;
      for (int k = 0; k < 4; ++k)
        in.scores.push_back(2.2 * z(rng) + (k == item.answer ? 1.4 : 0));
      set->add(in);
    }
    outcomes = calib::compute_outcomes(*set);
    overlay = std::make_shared<const RunOverlay>(
        makeRunOverlay(*dataset, set, outcomes, QStringLiteral("bench")));
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

// Wrong answers only, then "confidently wrong first"; then back to every item.
void BM_BrowserFilterAndSort_100k(benchmark::State& state) {
  Fixture& f = fixture();
  DatasetTableModel model(nullptr);
  model.setDataset(f.dataset);
  model.setRunOverlay(f.overlay);
  DatasetFilterProxy proxy;
  proxy.setSourceModel(&model);
  int shown = 0;
  for (auto _ : state) {
    proxy.setOutcomeFilter(DatasetFilterProxy::OutcomeFilter::kWrong);
    proxy.sortConfidentlyWrongFirst();
    shown = proxy.rowCount();
    benchmark::DoNotOptimize(proxy.index(0, 0));
    state.PauseTiming();
    proxy.setOutcomeFilter(DatasetFilterProxy::OutcomeFilter::kAll);
    proxy.sort(-1);
    state.ResumeTiming();
  }
  state.counters["shown"] = shown;
}
BENCHMARK(BM_BrowserFilterAndSort_100k)->Unit(benchmark::kMillisecond)->UseRealTime();

// The two halves alone: the right/wrong filter, and sorting every item by confidence.
void BM_BrowserFilterWrong_100k(benchmark::State& state) {
  Fixture& f = fixture();
  DatasetTableModel model(nullptr);
  model.setDataset(f.dataset);
  model.setRunOverlay(f.overlay);
  DatasetFilterProxy proxy;
  proxy.setSourceModel(&model);
  for (auto _ : state) {
    proxy.setOutcomeFilter(DatasetFilterProxy::OutcomeFilter::kWrong);
    benchmark::DoNotOptimize(proxy.rowCount());
    state.PauseTiming();
    proxy.setOutcomeFilter(DatasetFilterProxy::OutcomeFilter::kAll);
    state.ResumeTiming();
  }
}
BENCHMARK(BM_BrowserFilterWrong_100k)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_BrowserSortByConfidence_100k(benchmark::State& state) {
  Fixture& f = fixture();
  DatasetTableModel model(nullptr);
  model.setDataset(f.dataset);
  model.setRunOverlay(f.overlay);
  DatasetFilterProxy proxy;
  proxy.setSourceModel(&model);
  for (auto _ : state) {
    proxy.sort(DatasetTableModel::kConfidence, Qt::DescendingOrder);
    benchmark::DoNotOptimize(proxy.index(0, 0));
    state.PauseTiming();
    proxy.sort(-1);
    state.ResumeTiming();
  }
}
BENCHMARK(BM_BrowserSortByConfidence_100k)->Unit(benchmark::kMillisecond)->UseRealTime();

// A text search over the 100,000 items (the filter runs on each pause in typing).
void BM_BrowserSearch_100k(benchmark::State& state) {
  Fixture& f = fixture();
  DatasetTableModel model(nullptr);
  model.setDataset(f.dataset);
  DatasetFilterProxy proxy;
  proxy.setSourceModel(&model);
  for (auto _ : state) {
    proxy.setSearchText(QStringLiteral("object 12"));
    benchmark::DoNotOptimize(proxy.rowCount());
    state.PauseTiming();
    proxy.setSearchText(QString());
    state.ResumeTiming();
  }
}
BENCHMARK(BM_BrowserSearch_100k)->Unit(benchmark::kMillisecond)->UseRealTime();

// What the diagrams wait for after the bin count changes (outcomes are kept): metrics with the
// reliability table, the equal-width histogram table and the risk–coverage curve.
void BM_ReplotWork_100k(benchmark::State& state) {
  Fixture& f = fixture();
  int bins = 10;
  for (auto _ : state) {
    bins = bins == 10 ? 15 : 10;
    auto m = calib::compute_metrics(f.outcomes, {bins, calib::Binning::kEqualWidth});
    auto curve = calib::risk_coverage(f.outcomes);
    benchmark::DoNotOptimize(m);
    benchmark::DoNotOptimize(curve);
  }
}
BENCHMARK(BM_ReplotWork_100k)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
