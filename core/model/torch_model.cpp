// TorchModel and the libtorch module's loader (torch_runtime.h). No libtorch header here: this
// file is part of every program, and the module it loads holds the torch code.
#include "model/torch_model.h"

#include <cstdlib>
#include <mutex>

#include "model/torch_runtime.h"
#include "util/error_message.h"
#include "util/modules.h"

namespace unveil::model {
namespace {

std::atomic<int> g_threads{0};  // asked by init_torch_threads; 0: libtorch's own choice
std::atomic<bool> g_loaded{false};

// libtorch's OpenMP threads (libgomp) spin between parallel regions by default, for up to a few
// hundred microseconds each time; on a machine kept busy by anything else (a browser, a build, this
// program's own UI thread on two cores) the spinning threads take the cores from the thread that
// has the work, and a run slows by tens of times (docs/PERFORMANCE.md). A passive wait lets idle
// workers sleep. libgomp reads the variable once, when it is loaded, which is when the module is:
// a user's own setting is kept.
void prefer_passive_wait() {
  static std::once_flag once;
  std::call_once(once, [] { ::setenv("OMP_WAIT_POLICY", "PASSIVE", /*overwrite=*/0); });
}

struct Loaded {
  const TorchRuntime* runtime = nullptr;
  std::string error;  ///< why there is none
};

const Loaded& loaded() {
  static const Loaded l = [] {
    prefer_passive_wait();
    Loaded r;
    // UNVEIL_TORCH_MODULE names the module to use instead (another build's libtorch, a test).
    const util::ModuleSpec spec{
        "libtorch module",         "libunveil_torch.so",          UNVEIL_TORCH_MODULE_RELATIVE,
        UNVEIL_TORCH_MODULE_BUILD, UNVEIL_TORCH_MODULE_INSTALLED, "UNVEIL_TORCH_MODULE",
        torch_module::kEntrySymbol};
    auto entry = util::open_module(spec);
    if (!entry) {
      r.error = entry.error().message + ", so no TorchScript model can run";
      return r;
    }
    r.runtime = reinterpret_cast<torch_module::EntryFn>(*entry)(torch_module::kAbi,
                                                                torch_module::layout_tag());
    if (!r.runtime) {
      r.error = "the libtorch module is another build of Unveil's (its interface differs)";
      return r;
    }
    if (const int n = g_threads.load(); n > 0) r.runtime->set_threads(n);
    g_loaded = true;
    return r;
  }();
  return l;
}

}  // namespace

Result<const TorchRuntime*> torch_runtime() {
  const Loaded& l = loaded();
  if (!l.runtime) return Error{l.error};
  return l.runtime;
}

bool torch_runtime_loaded() {
  return g_loaded.load();
}

void init_torch_threads(int threads) {
  prefer_passive_wait();
  g_threads = std::max(1, threads);
  if (torch_runtime_loaded()) loaded().runtime->set_threads(g_threads);
}

bool cuda_available() {
  const auto rt = torch_runtime();
  return rt && (*rt)->cuda_available();
}

std::string summarise_torch_error(std::string_view what) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at <= what.size();) {
    const auto nl = what.find('\n', at);
    std::string_view line = what.substr(at, nl == std::string_view::npos ? what.npos : nl - at);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
      line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ')
      line.remove_prefix(1);
    if (!line.empty()) lines.push_back(line);
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  if (lines.empty()) return "(no message)";
  // The interpreter's own first line says only that something failed; the exception it wraps
  // ("RuntimeError: mat1 and mat2 shapes cannot be multiplied ...") closes the traceback.
  if (lines.front().find("failed in the TorchScript interpreter") != std::string_view::npos) {
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
      if (it->find("Error: ") != std::string_view::npos ||
          it->find("Exception: ") != std::string_view::npos) {
        return std::string(*it);
      }
    }
    return std::string(lines.back());
  }
  return std::string(lines.front());
}

Result<DeviceChoice> parse_device(std::string_view text) {
  if (text == "cpu") return DeviceChoice::kCpu;
  if (text == "cuda") return DeviceChoice::kCuda;
  if (text == "auto") return DeviceChoice::kAuto;
  return Error::from(message("model.unknown_device", text));
}

TorchModel::TorchModel() = default;
TorchModel::TorchModel(TorchModel&&) noexcept = default;
TorchModel& TorchModel::operator=(TorchModel&&) noexcept = default;
TorchModel::~TorchModel() = default;

Result<TorchModel> TorchModel::load(const ModelCard& card, DeviceChoice device,
                                    std::size_t vocab_size,
                                    const std::vector<std::int64_t>& sample_ids) {
  auto rt = torch_runtime();
  if (!rt) return prefixed(literal(card.model_path().string()), rt.error());
  auto impl = (*rt)->load(card, device, vocab_size, sample_ids);
  if (!impl) return impl.error();
  TorchModel m;
  m.impl_ = std::move(*impl);
  return m;
}

Result<std::vector<ModelOutput>> TorchModel::run(const std::vector<ModelInput>& batch) const {
  return impl_->run(batch);
}

Result<std::vector<Generation>> TorchModel::generate(
    const std::vector<ModelInput>& batch, const std::vector<GenerationLimits>& limits,
    const std::vector<std::int64_t>& stop_ids) const {
  return impl_->generate(batch, limits, stop_ids);
}

Result<std::vector<Generation>> TorchModel::generate(const std::vector<ModelInput>& batch,
                                                     int max_tokens, int top_k) const {
  return impl_->generate(batch, std::vector<GenerationLimits>(batch.size(), {max_tokens, top_k}),
                         {});
}

std::string TorchModel::device_name() const {
  return impl_->device_name();
}

}  // namespace unveil::model
