// Helpers shared by the core tests.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

#include "calib/prediction_set.h"
#include "data/shapes_world.h"
#include "model/demo_trainer.h"

namespace unveil::test {

/// A tiny shapes world in `dir` (`train` training items) and the demo models trained on it for
/// one epoch per stage into DIR/models: real models of the contract, trained in seconds. Returns
/// the world's summary, or the error.
inline Result<data::ShapesWorldSummary> tiny_demo_models(const std::filesystem::path& dir,
                                                         int train = 96) {
  data::ShapesWorldOptions w;
  w.train = train;
  auto world = data::write_shapes_world(dir, w);
  if (!world) return world.error();
  model::DemoTrainOptions t;
  t.base_epochs = t.mm_epochs = t.ft_epochs = 1;
  auto trained = model::train_demo_models(world->json, dir / "models", t);
  if (!trained) return trained.error();
  return world;
}

struct Row {
  std::vector<double> scores;
  int label = 0;
  bool probs = false;
  int idk = -1;
  std::string id = {};
};

inline calib::PredictionSet make_set(std::initializer_list<Row> rows) {
  calib::PredictionSet set;
  calib::PredictionInput in;
  int n = 0;
  for (const Row& r : rows) {
    in.clear();
    in.id = r.id.empty() ? "q" + std::to_string(n) : r.id;
    in.scores = r.scores;
    in.kind = r.probs ? calib::ScoreKind::kProbabilities : calib::ScoreKind::kLogits;
    in.label = r.label;
    in.idk_index = r.idk;
    set.add(in);
    ++n;
  }
  return set;
}

}  // namespace unveil::test
