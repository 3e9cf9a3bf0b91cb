// The fixture shared by the analysis benchmarks: a shapes world of the given size and the demo
// models trained on it one epoch per stage (speed does not depend on the epochs: the same network
// runs whatever its weights), in a temporary folder removed when the program ends.
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include "data/readers.h"
#include "data/shapes_world.h"
#include "model/demo_trainer.h"
#include "model/model.h"
#include "model/torch_model.h"

namespace unveil::bench {

struct DemoFixture {
  std::filesystem::path dir;
  data::Dataset world;         // the world, named "shapes"
  std::filesystem::path card;  // the demo multimodal model's card
};

/// Makes the fixture in TMP/unveil_bench_NAME_<pid>: `train` training items (calibration and test
/// get train/6 each, idk train/12). Call it once per program: it registers its folder for removal
/// at exit.
inline DemoFixture make_demo_fixture(const std::string& name, int train) {
  namespace fs = std::filesystem;
  // Removes the world, the models and the projects when the program ends.
  struct RemoveAtExit {
    fs::path dir;
    ~RemoveAtExit() { fs::remove_all(dir); }
  };
  model::init_torch_threads(static_cast<int>(std::thread::hardware_concurrency()));
  DemoFixture x;
  x.dir = fs::temp_directory_path() / ("unveil_bench_" + name + "_" + std::to_string(::getpid()));
  data::ShapesWorldOptions w;
  w.train = train;
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
}

}  // namespace unveil::bench
