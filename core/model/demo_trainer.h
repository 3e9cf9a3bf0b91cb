// The built-in demo model family, trained by Unveil itself with libtorch on the shapes world and
// saved as TorchScript + card, loaded through the same path as a user's model:
//   shapes-base    text only (a "base language model" before multimodal training)
//   shapes-mm      the base model after multimodal training (adds a small CNN over the image)
//   shapes-mm-ft   shapes-mm after an extra visual fine-tuning stage on image questions
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "util/result.h"

namespace unveil::model {

struct DemoTrainOptions {
  std::uint64_t seed = 1;
  int base_epochs = 8;
  int mm_epochs = 12;
  int ft_epochs = 4;
  int batch = 64;
  const std::atomic<bool>* cancel = nullptr;
  /// Models an earlier, stopped build with the same options left finished in the folder (the
  /// card, the TorchScript file and "<name>.done") are loaded instead of trained again, and the
  /// random draws their training made are replayed, so that the models after them are exactly
  /// the ones a build in one go makes. A stage cut short by cancel writes nothing.
  bool reuse_finished = false;
  /// stage ("shapes-base", ...), done and total epochs of that stage, last training loss
  std::function<void(const std::string& stage, int done, int total, double loss)> progress;
};

struct DemoModel {
  std::string name;
  std::filesystem::path card;
  double seconds = 0;
  double final_loss = 0;
};

/// Trains the three models on the train split of the shapes world at `world_json` and writes
/// DIR/<name>.pt, DIR/<name>.json (the card) and DIR/vocab.json.
Result<std::vector<DemoModel>> train_demo_models(const std::filesystem::path& world_json,
                                                 const std::filesystem::path& out_dir,
                                                 const DemoTrainOptions& options = {});

/// The prompt wordings the demo models are trained with: the study's, a plain variant, and the
/// wordings that invite admitting uncertainty.
const std::vector<std::string>& demo_training_templates();

}  // namespace unveil::model
