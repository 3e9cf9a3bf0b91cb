// Helpers shared by the core tests.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "calib/prediction_set.h"

namespace unveil::test {

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
