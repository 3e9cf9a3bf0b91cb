// The libtorch module's TorchScript runner and entry point (torch_runtime.h says why a module).
// The only translation unit (with demo_trainer.cpp) that includes libtorch: ~30 s of compile each.
#include "model/torch_runtime.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/script.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace unveil::model {
namespace {

std::string first_line(const std::string& s) {
  return summarise_torch_error(s);
}

std::string describe(const c10::IValue& v) {
  if (v.isTensor()) {
    std::ostringstream os;
    os << "a Tensor of shape " << v.toTensor().sizes() << " and type " << v.toTensor().dtype();
    return os.str();
  }
  return std::string("a ") + v.tagKind();
}

class LoadedModel final : public TorchModelImpl {
 public:
  Result<std::vector<ModelOutput>> run(const std::vector<ModelInput>& batch) const override;
  Result<std::vector<Generation>> generate(
      const std::vector<ModelInput>& batch, const std::vector<GenerationLimits>& limits,
      const std::vector<std::int64_t>& stop_ids) const override;
  std::string device_name() const override { return device.str(); }

  // c10 modules are not const-callable: forward() runs under InferenceMode, changing nothing.
  mutable torch::jit::Module module;
  torch::Device device{torch::kCPU};
  ModelCard card;
  std::size_t vocab = 0;

  // Left-pads the prompts into [B, T] so that every prompt ends at the last position.
  torch::Tensor ids_tensor(const std::vector<std::vector<std::int64_t>>& ids) const {
    std::size_t t = 1;
    for (const auto& v : ids)
      t = std::max(t, v.size());
    auto out = torch::full({static_cast<std::int64_t>(ids.size()), static_cast<std::int64_t>(t)},
                           card.pad_token_id, torch::kInt64);
    auto acc = out.accessor<std::int64_t, 2>();
    for (std::size_t b = 0; b < ids.size(); ++b) {
      const std::size_t off = t - ids[b].size();
      for (std::size_t k = 0; k < ids[b].size(); ++k)
        acc[static_cast<std::int64_t>(b)][static_cast<std::int64_t>(off + k)] = ids[b][k];
    }
    return out.to(device);
  }

  torch::Tensor pixel_tensor(const std::vector<const std::vector<float>*>& px) const {
    const std::int64_t h = card.image ? card.preprocess.height : 1;
    const std::int64_t w = card.image ? card.preprocess.width : 1;
    auto out = torch::zeros({static_cast<std::int64_t>(px.size()), 3, h, w}, torch::kFloat32);
    const std::size_t per = static_cast<std::size_t>(3 * h * w);
    float* dst = out.data_ptr<float>();
    for (std::size_t b = 0; b < px.size(); ++b) {
      if (px[b]->size() == per) std::copy(px[b]->begin(), px[b]->end(), dst + b * per);
    }
    return out.to(device);
  }

  torch::Tensor forward(const torch::Tensor& pixels, const torch::Tensor& ids) const {
    auto out = module.forward({pixels, ids});
    return out.toTensor().to(torch::kCPU, torch::kFloat64);
  }
};

bool has_cuda() {
  return torch::cuda::is_available();
}

Result<std::unique_ptr<TorchModelImpl>> load_model(const ModelCard& card, DeviceChoice choice,
                                                   std::size_t vocab_size,
                                                   const std::vector<std::int64_t>& sample_ids) {
  const std::string file = card.model_path().string();
  auto m = std::make_unique<LoadedModel>();
  m->card = card;
  m->vocab = vocab_size;
  if (choice == DeviceChoice::kCuda && !has_cuda()) {
    return Error::from(message("model.no_cuda"));
  }
  const bool cuda = choice == DeviceChoice::kCuda || (choice == DeviceChoice::kAuto && has_cuda());
  m->device = cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  try {
    m->module = torch::jit::load(file, m->device);
  } catch (const std::exception& e) {
    return Error::from(message("model.not_torchscript", file, first_line(e.what())));
  }
  m->module.eval();
  for (const auto& [letter, id] : card.option_token_ids) {
    if (id >= static_cast<std::int64_t>(vocab_size)) {
      return Error::from(
          message("model.option_beyond_vocab", file, std::string(1, letter), id, vocab_size));
    }
  }
  // Dry run: one item of zeros and a real prompt.
  try {
    c10::InferenceMode guard;
    const std::vector<float> none;
    auto pixels = m->pixel_tensor({&none});
    auto ids = m->ids_tensor(
        {sample_ids.empty() ? std::vector<std::int64_t>{card.pad_token_id} : sample_ids});
    const c10::IValue out = m->module.forward({pixels, ids});
    if (!out.isTensor()) {
      return Error::from(message("model.forward_not_tensor", file, describe(out)));
    }
    const auto& t = out.toTensor();
    if (t.dim() != 2 || t.size(0) != 1 || t.size(1) != static_cast<std::int64_t>(vocab_size) ||
        !t.is_floating_point()) {
      return Error::from(message("model.forward_shape", file, vocab_size, describe(out)));
    }
  } catch (const std::exception& e) {
    return Error::from(message("model.dry_run_failed", file, first_line(e.what())));
  }
  return std::unique_ptr<TorchModelImpl>(std::move(m));
}

Result<std::vector<ModelOutput>> LoadedModel::run(const std::vector<ModelInput>& batch) const {
  std::vector<ModelOutput> out(batch.size());
  if (batch.empty()) return out;
  try {
    c10::InferenceMode guard;
    std::vector<std::vector<std::int64_t>> ids;
    std::vector<const std::vector<float>*> px;
    std::vector<std::size_t> active(batch.size());
    for (std::size_t b = 0; b < batch.size(); ++b) {
      ids.push_back(batch[b].ids);
      px.push_back(&batch[b].pixels);
      active[b] = b;
    }
    for (int step = 0; step < card.max_new_tokens && !active.empty(); ++step) {
      std::vector<std::vector<std::int64_t>> step_ids;
      std::vector<const std::vector<float>*> step_px;
      for (std::size_t b : active) {
        step_ids.push_back(ids[b]);
        step_px.push_back(px[b]);
      }
      const auto logits = forward(pixel_tensor(step_px), ids_tensor(step_ids));
      auto acc = logits.accessor<double, 2>();
      const std::int64_t v = logits.size(1);
      std::vector<std::size_t> still;
      for (std::size_t r = 0; r < active.size(); ++r) {
        const std::size_t b = active[r];
        const auto row = static_cast<std::int64_t>(r);
        std::int64_t arg = 0;
        double mx = acc[row][0];
        for (std::int64_t k = 1; k < v; ++k) {
          if (acc[row][k] > mx) {
            mx = acc[row][k];
            arg = k;
          }
        }
        ModelOutput& o = out[b];
        o.steps = step + 1;
        const auto& opts = batch[b].option_ids;
        const auto hit = std::find(opts.begin(), opts.end(), arg);
        if (step == 0 || hit != opts.end()) {
          // The step whose option logits are kept: its vocabulary confidence and logits too.
          o.option_logits.clear();
          double top = -INFINITY;
          for (std::int64_t id : opts) {
            o.option_logits.push_back(acc[row][id]);
            top = std::max(top, acc[row][id]);
          }
          double sum = 0;
          for (std::int64_t k = 0; k < v; ++k)
            sum += std::exp(acc[row][k] - mx);
          // exp(0) / sum for the answer (the argmax); the top option's probability otherwise.
          o.conf_vocab = (hit != opts.end() ? 1.0 : std::exp(top - mx)) / sum;
          o.vocab_logits.clear();
          if (static_cast<std::size_t>(v) <= kMaxKeptVocab) {
            o.vocab_logits.reserve(static_cast<std::size_t>(v));
            for (std::int64_t k = 0; k < v; ++k)
              o.vocab_logits.push_back(acc[row][k]);
          }
        }
        if (hit != opts.end()) {
          o.answer = static_cast<int>(hit - opts.begin());
        } else {
          ids[b].push_back(arg);
          still.push_back(b);
        }
      }
      active.swap(still);
    }
  } catch (const std::exception& e) {
    return Error::from(
        message("model.inference_failed", card.model_path().string(), first_line(e.what())));
  }
  return out;
}

Result<std::vector<Generation>> LoadedModel::generate(
    const std::vector<ModelInput>& batch, const std::vector<GenerationLimits>& limits,
    const std::vector<std::int64_t>& stop_ids) const {
  std::vector<Generation> out(batch.size());
  if (batch.empty()) return out;
  if (limits.size() != batch.size()) {
    return Error{"generate: " + std::to_string(limits.size()) + " limits for " +
                 std::to_string(batch.size()) + " items"};
  }
  try {
    c10::InferenceMode guard;
    std::vector<std::vector<std::int64_t>> ids;
    std::vector<const std::vector<float>*> px;
    std::vector<std::size_t> active;
    for (std::size_t b = 0; b < batch.size(); ++b) {
      ids.push_back(batch[b].ids);
      px.push_back(&batch[b].pixels);
      if (limits[b].max_tokens > 0) active.push_back(b);
    }
    std::vector<std::int64_t> order;  // token ids, sorted for a step's top_k
    while (!active.empty()) {
      std::vector<std::vector<std::int64_t>> step_ids;
      std::vector<const std::vector<float>*> step_px;
      for (std::size_t b : active) {
        step_ids.push_back(ids[b]);
        step_px.push_back(px[b]);
      }
      const auto logits = forward(pixel_tensor(step_px), ids_tensor(step_ids)).contiguous();
      const std::int64_t v = logits.size(1);
      const double* data = logits.data_ptr<double>();
      std::vector<std::size_t> still;
      for (std::size_t r = 0; r < active.size(); ++r) {
        const std::size_t b = active[r];
        const double* row = data + static_cast<std::ptrdiff_t>(r) * v;
        // run()'s argmax: the first of equal maxima.
        std::int64_t arg = 0;
        double mx = row[0];
        for (std::int64_t k = 1; k < v; ++k) {
          if (row[k] > mx) {
            mx = row[k];
            arg = k;
          }
        }
        double sum = 0;
        for (std::int64_t k = 0; k < v; ++k)
          sum += std::exp(row[k] - mx);
        const double lse = mx + std::log(sum);
        GenerationStep s;
        s.id = arg;
        s.logprob = row[arg] - lse;
        const std::int64_t k_top = std::clamp<std::int64_t>(limits[b].top_k, 0, v);
        if (k_top > 0) {
          order.resize(static_cast<std::size_t>(v));
          std::iota(order.begin(), order.end(), std::int64_t{0});
          std::partial_sort(order.begin(), order.begin() + k_top, order.end(),
                            [row](std::int64_t x, std::int64_t y) {
                              return row[x] > row[y] || (row[x] == row[y] && x < y);
                            });
          s.top.reserve(static_cast<std::size_t>(k_top));
          for (std::int64_t k = 0; k < k_top; ++k) {
            const std::int64_t id = order[static_cast<std::size_t>(k)];
            s.top.emplace_back(id, row[id] - lse);
          }
        }
        Generation& g = out[b];
        g.steps.push_back(std::move(s));
        g.stopped = std::find(stop_ids.begin(), stop_ids.end(), arg) != stop_ids.end();
        if (!g.stopped && static_cast<int>(g.steps.size()) < limits[b].max_tokens) {
          ids[b].push_back(arg);
          still.push_back(b);
        }
      }
      active.swap(still);
    }
  } catch (const std::exception& e) {
    return Error::from(
        message("model.inference_failed", card.model_path().string(), first_line(e.what())));
  }
  return out;
}

class Runtime final : public TorchRuntime {
 public:
  void set_threads(int threads) const override { at::set_num_threads(std::max(1, threads)); }
  int threads() const override { return at::get_num_threads(); }
  bool cuda_available() const override { return has_cuda(); }
  Result<std::unique_ptr<TorchModelImpl>> load(
      const ModelCard& card, DeviceChoice device, std::size_t vocab_size,
      const std::vector<std::int64_t>& sample_ids) const override {
    return load_model(card, device, vocab_size, sample_ids);
  }
  Result<std::vector<DemoModel>> train_demo_models(const std::filesystem::path& world_json,
                                                   const std::filesystem::path& out_dir,
                                                   const DemoTrainOptions& options) const override {
    return torch_module::train_demo_models(world_json, out_dir, options);
  }
};

}  // namespace

}  // namespace unveil::model

extern "C" __attribute__((visibility("default"))) const unveil::model::TorchRuntime*
unveil_torch_runtime(int abi, std::size_t layout) {
  using namespace unveil::model;
  if (abi != torch_module::kAbi || layout != torch_module::layout_tag()) return nullptr;
  static const Runtime runtime;
  return &runtime;
}
