// The prompt search with the study's defaults (k = 5, m = 5, n = 10 rounds) on a 500-item
// split of the shapes world with the demo multimodal model, into a fresh project: at most 5 minutes
// here. The world has 3,000 training items, so its test split holds 500; the model is trained one
// epoch per stage (speed does not depend on the weights: the same network runs whatever they are,
// see bench_modality.cpp). Two smaller benchmarks split one prompt's cost: a whole run of 500 items
// through run_eval (what the search does per prompt), and loading the model with its first two
// batches (the part of it that a search loading the model once would not repeat).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>

#include "analysis/eval_job.h"
#include "analysis/prompt_search.h"
#include "analysis/prompt_variants.h"
#include "data/readers.h"
#include "model/model.h"
#include "model/prompt.h"
#include "model/torch_backend.h"
#include "store/store.h"

#include "bench_demo_fixture.h"

namespace {

namespace fs = std::filesystem;
using namespace unveil;

using Fixture = bench::DemoFixture;

const Fixture& fixture() {
  // Calibration and test get train/6 = 500 items each
  static const Fixture f = bench::make_demo_fixture("promptsearch", /*train=*/3000);
  return f;
}

fs::path fresh_project(const std::string& name) {
  const auto& f = fixture();
  const fs::path db = f.dir / name;
  fs::remove(db);
  (void)store::Store::open(db)->add_dataset(f.world, "bench", "llava");
  return db;
}

void BM_PromptSearchDefaults500Items(benchmark::State& state) {
  const auto& f = fixture();
  analysis::PromptSearchResult last;
  for (auto _ : state) {
    state.PauseTiming();
    const fs::path db = fresh_project("search.unveil");
    state.ResumeTiming();
    analysis::PromptSearchSpec spec;  // k = 5, m = 5, rounds = 10, the study's seeds
    spec.db = db;
    spec.card = f.card;
    spec.dataset = "shapes";
    spec.split = "test";
    spec.device = model::DeviceChoice::kCpu;
    auto r = analysis::run_prompt_search(spec);
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      break;
    }
    last = std::move(*r);
  }
  state.counters["prompts"] = static_cast<double>(last.scored.size());
  state.counters["items"] = last.scored.empty() ? 0 : static_cast<double>(last.scored[0].n);
  state.counters["rounds"] = last.rounds_done;
  if (!last.top.empty()) {
    state.counters["best_accuracy"] = last.top[0].accuracy;
    state.counters["best_ece"] = last.top[0].ece;
    std::fprintf(stderr, "best prompt: \"%s\"\n", last.top[0].suffix.c_str());
  }
}
BENCHMARK(BM_PromptSearchDefaults500Items)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

// One prompt's run, as the search makes it: run_eval of 500 items into the store.
void BM_OnePromptRun500Items(benchmark::State& state) {
  const auto& f = fixture();
  const fs::path db = fresh_project("one.unveil");
  int i = 0;
  for (auto _ : state) {
    analysis::EvalSpec e;
    e.db = db;
    e.card = f.card;
    e.dataset = "shapes";
    e.split = "test";
    e.device = model::DeviceChoice::kCpu;
    e.prompt = analysis::suffix_template(model::kStudyTemplate, "Run " + std::to_string(i++));
    auto r = analysis::run_eval(e);
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      break;
    }
  }
}
BENCHMARK(BM_OnePromptRun500Items)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(10);

// Of that: loading the model and its first two batches of 32 (TorchScript profiles and optimises
// its graph on the first calls of a freshly loaded module).
void BM_LoadModelAndFirstTwoBatches(benchmark::State& state) {
  const auto& f = fixture();
  std::vector<data::Item> items(f.world.items.begin(), f.world.items.begin() + 32);
  for (auto _ : state) {
    auto m = model::Model::load(f.card, model::DeviceChoice::kCpu);
    if (!m) {
      state.SkipWithError(m.error().message.c_str());
      break;
    }
    std::vector<model::ModelInput> batch;
    for (const auto& it : items) {
      auto in = m->torchscript()->prepare(it, f.world.root, data::Perturbation{}, "", 0);
      if (in) batch.push_back(std::move(*in));
    }
    for (int k = 0; k < 2; ++k)
      benchmark::DoNotOptimize(m->torchscript()->run(batch));
  }
}
BENCHMARK(BM_LoadModelAndFirstTwoBatches)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(10);

}  // namespace

BENCHMARK_MAIN();
