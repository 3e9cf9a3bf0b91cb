// The "I don't know" analysis with the built-in prompt set (the study's prompt and the
// wordings that invite admitting uncertainty) on the demo-sized shapes world's idk (500) and test
// (1,000) splits with the demo multimodal model, into a fresh project: every (prompt, split) run
// made, then the summaries and 1,000 paired-bootstrap replicates per comparison. The model is
// trained one epoch per stage, as in bench_modality.cpp (speed does not depend on the epochs).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "analysis/idk_analysis.h"
#include "data/readers.h"
#include "model/model.h"
#include "store/store.h"

#include "bench_demo_fixture.h"

namespace {

namespace fs = std::filesystem;
using namespace unveil;

using Fixture = bench::DemoFixture;

const Fixture& fixture() {
  // The demo's size: idk 500 items, test 1,000
  static const Fixture f = bench::make_demo_fixture("idk", /*train=*/6000);
  return f;
}

void BM_IdkBuiltinPromptsIdkAndTest(benchmark::State& state) {
  const auto& f = fixture();
  const fs::path db = f.dir / "bench.unveil";
  std::size_t runs = 0, items = 0;
  for (auto _ : state) {
    state.PauseTiming();
    fs::remove(db);
    (void)store::Store::open(db)->add_dataset(f.world, "bench", "llava");
    state.ResumeTiming();
    analysis::IdkSpec spec;
    spec.db = db;
    spec.card = f.card;
    spec.dataset = "shapes";
    spec.device = model::DeviceChoice::kCpu;
    spec.replicates = 1000;
    spec.bootstrap_seed = 1;
    auto r = analysis::run_idk_analysis(spec);
    if (!r || r->prompts.empty()) {
      state.SkipWithError(r ? "no prompt summarised" : r.error().message.c_str());
      break;
    }
    runs = r->prompts.size() * r->prompts[0].runs.size();
    items = r->prompts.size() * (r->prompts[0].idk.items + r->prompts[0].answerable.items);
  }
  state.counters["runs"] = static_cast<double>(runs);
  state.counters["items"] = static_cast<double>(items);
}
BENCHMARK(BM_IdkBuiltinPromptsIdkAndTest)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
