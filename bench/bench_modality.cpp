// Issue 7: the modality analysis of 5 conditions (image, text, blank, noise:0.3, blur:2) on 1,000
// items of the shapes world with the demo multimodal model, into a fresh project each time: at most
// 60 s here. The model is trained once, one epoch per stage: the demo's real epochs (8/12/4) took
// 3.5-4 min here under load, and speed does not depend on the epochs — the same network runs
// whatever its weights (checked: `unveil-cli eval` of both models on the same 1,000 items,
// interleaved, took the same time).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "analysis/modality.h"
#include "data/readers.h"
#include "data/shapes_world.h"
#include "model/demo_trainer.h"
#include "model/model.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;
using namespace unveil;

struct Fixture {
  fs::path dir;
  data::Dataset world;
  fs::path card;
};

// Removes the world, the models and the project (~60 MB) when the program ends.
struct RemoveAtExit {
  fs::path dir;
  ~RemoveAtExit() { fs::remove_all(dir); }
};

const Fixture& fixture() {
  static const Fixture f = [] {
    model::init_torch_threads(static_cast<int>(std::thread::hardware_concurrency()));
    Fixture x;
    x.dir = fs::temp_directory_path() / ("unveil_bench_modality_" + std::to_string(::getpid()));
    data::ShapesWorldOptions w;
    w.train = 6000;  // the demo's size; its test split holds 1,000 items
    auto json = data::write_shapes_world(x.dir, w);
    const auto t0 = std::chrono::steady_clock::now();
    model::DemoTrainOptions t;
    t.base_epochs = t.mm_epochs = t.ft_epochs = 1;
    (void)model::train_demo_models(json->json, x.dir / "models", t);
    std::fprintf(stderr, "trained the demo models in %.0f s\n",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    x.world = *data::read_llava_json(json->json);
    x.world.name = "shapes";
    x.card = x.dir / "models" / "shapes-mm.json";
    static const RemoveAtExit cleanup{x.dir};
    return x;
  }();
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
