// The worst failure cases of a run for the report: wrong answers with the highest confidence,
// joined with their dataset items and a small embedded thumbnail of each image.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "calib/outcomes.h"
#include "calib/prediction_set.h"
#include "data/item.h"

namespace unveil::report {

struct FailureCase {
  std::string id;
  double confidence = 0;
  int predicted = 0, label = 0;
  std::vector<double> probabilities;  ///< per option
  std::string question;               ///< empty when the item is unknown (imported predictions)
  std::vector<data::Option> options;  ///< letters only when the item is unknown
  std::string thumbnail_jpeg;         ///< JPEG bytes, empty when there is no image
  int thumbnail_width = 0, thumbnail_height = 0;
  std::string image_problem;  ///< why an image could not be shown, empty otherwise
};

/// Positions of the wrong answers, most confident first (ties keep the set's order), at most `n`.
std::vector<std::size_t> worst_failures(const calib::Outcomes& o, std::size_t n);

/// The cases at those positions, with their items (matched by id) and thumbnails no larger than
/// `thumbnail_side` pixels, read from files below `image_root` or from embedded bytes.
std::vector<FailureCase> failure_cases(const calib::PredictionSet& set, const calib::Outcomes& o,
                                       const std::vector<std::size_t>& positions,
                                       const std::vector<data::Item>& items,
                                       const std::filesystem::path& image_root,
                                       int thumbnail_side = 160);

}  // namespace unveil::report
