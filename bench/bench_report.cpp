// The report of a run of the demo multimodal model over the demo-sized test
// split (1,000 items) — building the document (metrics, 1,000 bootstrap replicates, the stored
// temperature refitted, the ten worst failures with their thumbnails read and encoded) and
// writing it as HTML and as PDF. The model is trained one epoch per stage, as in
// bench_modality.cpp (speed does not depend on the epochs).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "analysis/eval_job.h"
#include "calib/temperature.h"
#include "report/report.h"
#include "store/store.h"

#include "bench_demo_fixture.h"

namespace {

namespace fs = std::filesystem;
using namespace unveil;

struct ReportFixture {
  bench::DemoFixture demo;
  fs::path db;
  std::int64_t run = 0;
};

// A project with the world, the model's runs on the calibration and test splits, and a
// temperature fitted on the calibration run and stored for the test run (as the demo has).
const ReportFixture& fixture() {
  static const ReportFixture f = [] {
    ReportFixture x{bench::make_demo_fixture("report", /*train=*/6000), {}, 0};
    x.db = x.demo.dir / "bench.unveil";
    (void)store::Store::open(x.db)->add_dataset(x.demo.world, "bench", "llava");
    analysis::EvalSpec e;
    e.db = x.db;
    e.card = x.demo.card;
    e.dataset = "shapes";
    e.device = model::DeviceChoice::kCpu;
    e.split = "calibration";
    const auto fit_run = analysis::run_eval(e);
    e.split = "test";
    const auto test_run = analysis::run_eval(e);
    if (!fit_run || !test_run) return x;
    x.run = test_run->run_id;
    auto st = store::Store::open(x.db);
    const auto fit = calib::fit_temperature(*st->prediction_set(fit_run->run_id));
    store::CalibrationInfo c;
    c.run_id = x.run;
    c.method = "temperature";
    c.params = "{\"temperature\": " + std::to_string(fit->temperature) + "}";
    c.fit_run_id = fit_run->run_id;
    c.fit_split = "calibration";
    (void)st->add_calibration(c);
    return x;
  }();
  return f;
}

void BM_RunReportDocument1000Items(benchmark::State& state) {
  const auto& f = fixture();
  auto st = store::Store::open(f.db, store::OpenMode::kReadOnly);
  for (auto _ : state) {
    auto doc = report::run_report(*st, f.run);
    if (!doc) {
      state.SkipWithError(doc.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(doc->sections.size());
  }
}
BENCHMARK(BM_RunReportDocument1000Items)->Unit(benchmark::kMillisecond)->UseRealTime();

// The writers alone, on the document made once.
const report::Document& document() {
  static const report::Document doc = [] {
    auto st = store::Store::open(fixture().db, store::OpenMode::kReadOnly);
    return *report::run_report(*st, fixture().run);
  }();
  return doc;
}

void BM_WriteHtml(benchmark::State& state) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string html = report::to_html(document());
    bytes = html.size();
    benchmark::DoNotOptimize(html.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_WriteHtml)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WritePdf(benchmark::State& state) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string pdf = report::to_pdf(document());
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_WritePdf)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
