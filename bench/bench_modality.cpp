// The modality analysis of 5 conditions (image, text, blank, noise:0.3, blur:2) on 1,000
// items of the shapes world with the demo multimodal model, into a fresh project each time: at most
// 60 s here. The model is trained once, one epoch per stage: the demo's real epochs (8/12/4) took
// 3.5-4 min here under load, and speed does not depend on the epochs — the same network runs
// whatever its weights (checked: `unveil-cli eval` of both models on the same 1,000 items,
// interleaved, took the same time).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "analysis/modality.h"
#include "data/readers.h"
#include "model/model.h"
#include "store/store.h"

#include "bench_demo_fixture.h"

namespace {

namespace fs = std::filesystem;
using namespace unveil;

using Fixture = bench::DemoFixture;

const Fixture& fixture() {
  // The demo's size; its test split holds 1,000 items
  static const Fixture f = bench::make_demo_fixture("modality", /*train=*/6000);
  return f;
}

void BM_Modality5Conditions1000Items(benchmark::State& state) {
  const auto& f = fixture();
  const fs::path db = f.dir / "bench.unveil";
  std::size_t items = 0;
  for (auto _ : state) {
    state.PauseTiming();
    fs::remove(db);
    (void)store::Store::open(db)->add_dataset(f.world, "bench", "llava");
    state.ResumeTiming();
    analysis::ModalitySpec spec;
    spec.db = db;
    spec.card = f.card;
    spec.dataset = "shapes";
    spec.split = "test";
    spec.conditions = {"image", "text", "blank", "noise:0.3", "blur:2"};
    spec.device = model::DeviceChoice::kCpu;
    auto r = analysis::run_modality(spec);
    if (!r || r->conditions.size() != 5) {
      state.SkipWithError(r ? "a condition is missing" : r.error().message.c_str());
      break;
    }
    items = r->conditions[0].n;
  }
  state.counters["items"] = static_cast<double>(items);
}
BENCHMARK(BM_Modality5Conditions1000Items)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
