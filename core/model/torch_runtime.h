// The seam between unveil_core and the libtorch module (libunveil_torch.so, built from
// torch_module.cpp and demo_trainer.cpp, the only files that include libtorch's headers).
//
// Why a module: loading Debian's libtorch costs 0.4 s of an idle machine's time (1.7 s on a busy
// one) before any work, and most of what a user does (metrics, calibration, reports, browsing a
// project, the first window) runs no model. Programs link no libtorch; the module is loaded with
// dlopen when the first model is loaded or the demo models are trained. Module and core are built
// together from the same sources, in the same link map, so C++ types cross this interface; the
// entry point still checks the interface's version and the layout of the types that cross.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/backend.h"
#include "model/demo_trainer.h"
#include "model/model_card.h"
#include "model/torch_model.h"
#include "util/result.h"

namespace unveil::model {

/// One loaded TorchScript model, inside the module (TorchModel's implementation).
class TorchModelImpl {
 public:
  virtual ~TorchModelImpl() = default;
  virtual Result<std::vector<ModelOutput>> run(const std::vector<ModelInput>& batch) const = 0;
  virtual Result<std::vector<Generation>> generate(
      const std::vector<ModelInput>& batch, const std::vector<GenerationLimits>& limits,
      const std::vector<std::int64_t>& stop_ids) const = 0;
  virtual std::string device_name() const = 0;
};

/// What the module offers.
class TorchRuntime {
 public:
  virtual ~TorchRuntime() = default;
  /// libtorch's intra-op thread count.
  virtual void set_threads(int threads) const = 0;
  virtual int threads() const = 0;
  virtual bool cuda_available() const = 0;
  /// TorchModel::load's work: load, check with a dry run.
  virtual Result<std::unique_ptr<TorchModelImpl>> load(
      const ModelCard& card, DeviceChoice device, std::size_t vocab_size,
      const std::vector<std::int64_t>& sample_ids) const = 0;
  /// train_demo_models' work (demo_trainer.h).
  virtual Result<std::vector<DemoModel>> train_demo_models(
      const std::filesystem::path& world_json, const std::filesystem::path& out_dir,
      const DemoTrainOptions& options) const = 0;
};

/// The module's runtime, loaded on the first call (thread-safe); the thread count given to
/// init_torch_threads is applied on load. An error names the module's paths and why it could not
/// be loaded ("missing", a dlopen message, another build's module).
Result<const TorchRuntime*> torch_runtime();

/// Whether this process has loaded libtorch (the module) yet; nothing is loaded by asking.
bool torch_runtime_loaded();

namespace torch_module {
/// The interface's version: raise it when TorchRuntime or TorchModelImpl change.
inline constexpr int kAbi = 1;
/// A check of the layout of the types that cross the interface, compiled into both sides.
inline constexpr std::size_t layout_tag() {
  return sizeof(ModelCard) * 1000003u + sizeof(ModelOutput) * 10007u + sizeof(ModelInput) * 101u +
         sizeof(DemoTrainOptions) + sizeof(Generation) * 7u + sizeof(Error) * 3u;
}
/// The module's entry point: `const TorchRuntime* unveil_torch_runtime(int abi, size_t layout)`,
/// null when `abi` or `layout` are not its own.
inline constexpr const char* kEntrySymbol = "unveil_torch_runtime";
using EntryFn = const TorchRuntime* (*)(int abi, std::size_t layout);

/// Implemented in the module (demo_trainer.cpp): the training itself.
Result<std::vector<DemoModel>> train_demo_models(const std::filesystem::path& world_json,
                                                 const std::filesystem::path& out_dir,
                                                 const DemoTrainOptions& options);
}  // namespace torch_module

}  // namespace unveil::model
