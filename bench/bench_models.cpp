// The demo multimodal model on CPU — one item interactively (<= 20 ms), batch throughput
// (>= 300 items/s on both cores), a 2,000-item run end to end into the store (<= 15 s), and
// loading a model (<= 200 ms). The model is trained here on a small shapes world (one epoch):
// speed does not depend on how long a model was trained.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "analysis/eval_job.h"
#include "data/readers.h"
#include "data/shapes_world.h"
#include "model/demo_trainer.h"
#include "model/model.h"
#include "model/torch_backend.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;
using namespace unveil;

struct Fixture {
  fs::path dir;
  data::Dataset world;
  fs::path card;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    model::init_torch_threads(static_cast<int>(std::thread::hardware_concurrency()));
    Fixture x;
    x.dir = fs::temp_directory_path() / ("unveil_bench_models_" + std::to_string(::getpid()));
    data::ShapesWorldOptions w;
    w.train = 12000;  // test split: 2,000 items
    auto json = data::write_shapes_world(x.dir, w);
    model::DemoTrainOptions t;
    t.base_epochs = t.mm_epochs = t.ft_epochs = 1;
    (void)model::train_demo_models(json->json, x.dir / "models", t);
    x.world = *data::read_llava_json(json->json);
    x.card = x.dir / "models" / "shapes-mm.json";
    return x;
  }();
  return f;
}

void BM_LoadModel(benchmark::State& state) {
  const auto& f = fixture();
  for (auto _ : state) {
    auto m = model::Model::load(f.card, model::DeviceChoice::kCpu);
    if (!m) state.SkipWithError("load failed");
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_OneItem(benchmark::State& state) {
  const auto& f = fixture();
  auto m = model::Model::load(f.card, model::DeviceChoice::kCpu);
  const auto cond = *data::parse_perturbation("image");
  std::size_t i = 0;
  for (auto _ : state) {
    // What "Run now" does: read and prepare the item, run it.
    const auto& item = f.world.items[i++ % 500];
    auto in = m->torchscript()->prepare(item, f.world.root, cond, "", 0);
    auto out = m->torchscript()->run({*in});
    benchmark::DoNotOptimize(out->front().option_logits.data());
  }
}
BENCHMARK(BM_OneItem)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_BatchThroughput(benchmark::State& state) {
  const auto& f = fixture();
  auto m = model::Model::load(f.card, model::DeviceChoice::kCpu);
  const auto cond = *data::parse_perturbation("image");
  std::vector<model::ModelInput> batch;
  for (int i = 0; i < state.range(0); ++i)
    batch.push_back(*m->torchscript()->prepare(f.world.items[static_cast<std::size_t>(i)],
                                               f.world.root, cond, "", 0));
  for (auto _ : state) {
    auto out = m->torchscript()->run(batch);
    benchmark::DoNotOptimize(out->data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BatchThroughput)->Arg(32)->Arg(128)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Run2000IntoStore(benchmark::State& state) {
  const auto& f = fixture();
  const fs::path db = f.dir / "bench.unveil";
  {
    fs::remove(db);
    auto st = store::Store::open(db);
    data::Dataset ds = f.world;
    ds.name = "shapes";
    (void)st->add_dataset(ds, "bench", "llava");
  }
  for (auto _ : state) {
    analysis::EvalSpec spec;
    spec.db = db;
    spec.card = f.card;
    spec.dataset = "shapes";
    spec.split = "test";
    spec.device = model::DeviceChoice::kCpu;
    spec.batch = 64;
    auto r = analysis::run_eval(spec);
    if (!r || r->predicted != 2000) state.SkipWithError("run failed");
  }
  state.SetItemsProcessed(state.iterations() * 2000);
}
BENCHMARK(BM_Run2000IntoStore)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
