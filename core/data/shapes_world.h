// The built-in shapes world: a seeded, procedural dataset of small scenes (OpenCV drawing) with
// multiple-choice questions of three kinds — answerable from the image, answerable from the text
// alone (the world's rules), and unanswerable ("I don't know") — written as LLaVA conversation JSON
// with PNG images, so it reads through the same path as a user's dataset.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "data/item.h"
#include "util/result.h"

namespace unveil::data {

struct ShapesWorldOptions {
  std::uint64_t seed = 1;
  int train = 6000;  ///< training items; calibration and test get train/6 each, idk train/12
  int image_size = 64;
  double noise_share = 0.3;  ///< share of scenes with Gaussian pixel noise
  const std::atomic<bool>* cancel = nullptr;
  std::function<void(int done, int total)> progress;
};

struct ShapesWorldSummary {
  std::filesystem::path json;  ///< DIR/shapes_world.json
  int items = 0;
  int train = 0, calibration = 0, test = 0, idk = 0;
};

/// The world's vocabulary, shared with the demo models' tokenizer and tests.
struct ShapesVocabulary {
  static const std::vector<std::string>& shapes();   ///< circle, square, triangle, diamond
  static const std::vector<std::string>& colours();  ///< red, green, blue, yellow, purple
  static int corners(const std::string& shape);      ///< the world's rule: 0, 4, 3, 4
};

/// Writes DIR/shapes_world.json and DIR/images/*.png. Byte-identical for the same options.
Result<ShapesWorldSummary> write_shapes_world(const std::filesystem::path& dir,
                                              const ShapesWorldOptions& options = {});

/// The file that marks a folder as a demo made by `unveil-cli demo` or the demo project's build
/// (core/cli/cmd_demo.cpp, core/analysis/demo_project.cpp).
inline constexpr const char* kDemoFolderMark = ".unveil-demo";

/// Marks `dir` as a demo folder (kDemoFolderMark).
Status mark_demo_folder(const std::filesystem::path& dir);

/// Whether `dir` holds an earlier demo that a new one may replace: nothing but what a demo writes
/// (the world, its images, the models, the demo project, the mark) and either the mark or a world
/// file. A folder with anything else in it is not one: a demo never removes what it did not make.
bool is_demo_folder(const std::filesystem::path& dir);

}  // namespace unveil::data
