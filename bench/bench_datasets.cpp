// Targets: reading a 100,000-item LLaVA conversation JSON (without decoding images) in at most
// 2 s; writing predictions (>= 200,000 per second, 5 options) and opening a project holding
// 1,000,000 predictions (< 1 s), metrics of a 100,000-prediction run from the store (< 0.5 s).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "calib/metrics.h"
#include "data/readers.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;
using namespace unveil;

// 100,000 items in the shape of the study's data: an image path, a question with five options.
const std::string& llava_text() {
  static const std::string text = [] {
    nlohmann::json items = nlohmann::json::array();
    const char* colours[] = {"red", "green", "blue", "yellow", "purple"};
    for (int i = 0; i < 100000; ++i) {
      std::string q = "<image>\nWhat colour is the object number " + std::to_string(i) +
                      " in the news photograph?\n";
      for (int k = 0; k < 4; ++k)
        q += std::string(1, static_cast<char>('A' + k)) + ". " + colours[(i + k) % 5] + "\n";
      q += "E. I don't know";
      items.push_back(
          {{"id", "q" + std::to_string(i)},
           {"image", "images/" + std::to_string(i) + ".jpg"},
           {"conversations",
            {{{"from", "human"}, {"value", q}},
             {{"from", "gpt"}, {"value", std::string(1, static_cast<char>('A' + i % 5))}}}}});
    }
    return items.dump();
  }();
  return text;
}

void BM_ReadLlavaJson_100k(benchmark::State& state) {
  const std::string& text = llava_text();
  data::ReadOptions opt;
  opt.check_images = false;  // the images do not exist here; reading never decodes them anyway
  for (auto _ : state) {
    auto ds = data::parse_llava_json(text, "bench.json", "/data", opt);
    if (!ds || ds->items.size() != 100000) state.SkipWithError("read failed");
    benchmark::DoNotOptimize(ds->items.data());
  }
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
  state.SetItemsProcessed(state.iterations() * 100000);
}
BENCHMARK(BM_ReadLlavaJson_100k)->Unit(benchmark::kMillisecond)->UseRealTime();

struct Project {
  fs::path file;
  std::int64_t dataset = 0;
  std::vector<std::int64_t> ids;
};

Project make_project(int items, const std::string& tag) {
  Project p;
  p.file = fs::temp_directory_path() /
           ("unveil_bench_" + tag + "_" + std::to_string(::getpid()) + ".unveil");
  fs::remove(p.file);
  auto st = store::Store::open(p.file);
  data::Dataset ds;
  ds.name = "bench";
  for (int i = 0; i < items; ++i) {
    data::Item it;
    it.id = "q" + std::to_string(i);
    it.question = "Q";
    it.options = {{'A', "a"}, {'B', "b"}, {'C', "c"}, {'D', "d"}, {'E', "I don't know"}};
    it.answer = i % 5;
    it.idk_index = 4;
    it.split = "test";
    ds.items.push_back(std::move(it));
  }
  p.dataset = st->add_dataset(ds, "bench", "llava")->dataset_id;
  p.ids = *st->item_ids(p.dataset);
  return p;
}

std::int64_t write_run(const Project& p, std::size_t n, std::size_t batch) {
  auto st = store::Store::open(p.file);
  store::RunSpec spec;
  spec.dataset_id = p.dataset;
  spec.expected = n;
  const auto run = *st->create_run(spec);
  auto w = store::PredictionWriter::open(p.file, run, batch);
  store::PredictionRecord r;
  for (std::size_t i = 0; i < n; ++i) {
    r.item_id = p.ids[i];
    r.label = static_cast<int>(i % 5);
    r.logits = {0.1 * static_cast<double>(i % 7), 0.5, -0.25, 1.5, 0.0};
    r.answer = 3;
    r.conf_options = 0.5;
    r.correct = r.label == 3;
    (void)w->add(r);
  }
  (void)w->flush();
  (void)st->set_run_status(run, store::RunStatus::kComplete);
  return run;
}

void BM_WritePredictions_100k(benchmark::State& state) {
  const Project p = make_project(100000, "write");
  for (auto _ : state)
    write_run(p, 100000, static_cast<std::size_t>(state.range(0)));
  state.SetItemsProcessed(state.iterations() * 100000);
  fs::remove(p.file);
}
BENCHMARK(BM_WritePredictions_100k)
    ->Arg(512)
    ->Arg(4096)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

// 1,000,000 predictions: ten runs of 100,000.
const Project& big_project() {
  static const Project p = [] {
    Project q = make_project(100000, "big");
    for (int r = 0; r < 10; ++r)
      write_run(q, 100000, 4096);
    return q;
  }();
  return p;
}

void BM_OpenProject_1M(benchmark::State& state) {
  const Project& p = big_project();
  for (auto _ : state) {
    auto st = store::Store::open(p.file);
    auto runs = st->runs();  // what the window shows first: the runs with their sizes
    if (!runs || runs->size() != 10) state.SkipWithError("open failed");
    benchmark::DoNotOptimize(runs->data());
  }
}
BENCHMARK(BM_OpenProject_1M)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_RunMetricsFromStore_100k(benchmark::State& state) {
  const Project& p = big_project();
  auto st = store::Store::open(p.file);
  for (auto _ : state) {
    auto set = st->prediction_set(5);
    const auto m =
        calib::compute_metrics(calib::compute_outcomes(*set), {15, calib::Binning::kEqualWidth});
    benchmark::DoNotOptimize(m.ece);
  }
}
BENCHMARK(BM_RunMetricsFromStore_100k)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
