// The demo models' public side (demo_trainer.h): the prompt wordings they learn, and training,
// which runs in the libtorch module (demo_trainer.cpp, loaded through torch_runtime.h).
#include "model/demo_trainer.h"

#include "model/prompt.h"
#include "model/torch_runtime.h"

namespace unveil::model {

const std::vector<std::string>& demo_training_templates() {
  static const std::vector<std::string> t = [] {
    std::vector<std::string> v = {
        kStudyTemplate,
        "{image}{hint}{question}\n{options}\nAnswer with the letter of the "
        "right option.\nAnswer: ("};
    for (const auto& s : uncertainty_inviting_templates())
      v.push_back(s);
    return v;
  }();
  return t;
}

Result<std::vector<DemoModel>> train_demo_models(const std::filesystem::path& world_json,
                                                 const std::filesystem::path& out_dir,
                                                 const DemoTrainOptions& options) {
  auto rt = torch_runtime();
  if (!rt) return Error{"cannot train the demo models: " + rt.error().message};
  return (*rt)->train_demo_models(world_json, out_dir, options);
}

}  // namespace unveil::model
