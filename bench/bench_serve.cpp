// `unveil-cli serve` (core/serve/openai_server.h): items per second of the demo multimodal model
// scored directly (the TorchScript backend) and through the server on localhost (the endpoint
// backend, core/model/openai_backend.h) at 1, 4 and 16 requests in flight, each a run of the
// test split into a project. The server generates every one of max_tokens tokens (the demo
// vocabulary has no end token) where the direct backend stops at the answer, so the served runs
// are also measured with max_new_tokens 1: what the HTTP round trip itself costs.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

// First: bench_demo_fixture.h calls init_torch_threads without including its header.
#include "model/torch_model.h"
//
#include "analysis/eval_job.h"
#include "bench_demo_fixture.h"
#include "model/torch_backend.h"
#include "serve/openai_server.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;
using namespace unveil;

struct Served {
  bench::DemoFixture demo;
  fs::path db;
  std::shared_ptr<const model::TorchBackend> model;
  std::unique_ptr<serve::OpenAiServer> server;
  std::thread thread;
  std::size_t items = 0;

  ~Served() {
    if (server) server->stop();
    if (thread.joinable()) thread.join();
  }
};

Served& served() {
  static Served s;
  static const bool made = [] {
    s.demo = bench::make_demo_fixture("serve", 600);  // test split: 100 items
    s.db = s.demo.dir / "bench.unveil";
    auto st = store::Store::open(s.db);
    (void)st->add_dataset(s.demo.world, "bench", "llava");
    for (const auto& it : s.demo.world.items)
      s.items += it.split == "test" && it.answer >= 0 ? 1 : 0;
    s.model = *serve::load_served_model(s.demo.card, model::DeviceChoice::kCpu);
    serve::ServerOptions o;
    o.port = 0;
    o.max_batch = 16;
    auto server = serve::OpenAiServer::create(s.model, o);
    if (!server) {
      std::fprintf(stderr, "%s\n", server.error().message.c_str());
      std::abort();
    }
    s.server = std::move(server).value();
    s.thread = std::thread([] { (void)s.server->run(); });
    return true;
  }();
  (void)made;
  return s;
}

Result<analysis::EvalResult> run_split(const fs::path& card) {
  // Each card loaded once, as the server's model is: the runs time scoring, not loading.
  static analysis::ModelCache models;
  analysis::EvalSpec spec;
  spec.models = &models;
  spec.db = served().db;
  spec.card = card;
  spec.dataset = "shapes";
  spec.split = "test";
  spec.device = model::DeviceChoice::kCpu;
  spec.batch = 32;
  return analysis::run_eval(spec);
}

void BM_ScoreDirect(benchmark::State& state) {
  auto& s = served();
  (void)run_split(s.demo.card);  // loads the model (once) and warms libtorch up, untimed
  for (auto _ : state) {
    auto r = run_split(s.demo.card);
    if (!r || r->predicted != s.items) state.SkipWithError("run failed");
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(s.items));
}
BENCHMARK(BM_ScoreDirect)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

// Args: max_concurrency, max_new_tokens.
void BM_ScoreServed(benchmark::State& state) {
  auto& s = served();
  const fs::path card = s.demo.dir / ("served_" + std::to_string(state.range(0)) + "_" +
                                      std::to_string(state.range(1)) + ".json");
  {
    nlohmann::json c = {{"backend", "openai"},
                        {"base_url", s.server->base_url()},
                        {"model", s.server->model_name()},
                        {"max_concurrency", state.range(0)},
                        {"max_new_tokens", state.range(1)},
                        {"top_logprobs", 20}};
    std::ofstream(card) << c.dump(2);
  }
  const std::size_t steps0 = s.server->steps_run(), rows0 = s.server->rows_run();
  static std::string error;
  for (auto _ : state) {
    auto r = run_split(card);
    if (!r || r->predicted != s.items) {
      error = r ? "items failed" : r.error().message;
      state.SkipWithError(error.c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(s.items));
  // Requests advanced together by one step of the model, on average.
  const auto steps = s.server->steps_run() - steps0;
  state.counters["mean_batch"] =
      steps ? static_cast<double>(s.server->rows_run() - rows0) / static_cast<double>(steps) : 0;
}
BENCHMARK(BM_ScoreServed)
    ->ArgNames({"concurrency", "max_new_tokens"})
    ->Args({1, 20})
    ->Args({4, 20})
    ->Args({16, 20})
    ->Args({1, 1})
    ->Args({4, 1})
    ->Args({16, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
