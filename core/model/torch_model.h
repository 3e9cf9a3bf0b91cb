// A TorchScript model of the contract, behind a plain interface: no torch type crosses this header
// (Qt and libtorch must never meet in one translation unit). The work is done in the libtorch
// module, loaded on the first model load (torch_runtime.h); nothing here loads libtorch before.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/backend.h"
#include "model/model_card.h"
#include "util/result.h"

namespace unveil::model {

class TorchModelImpl;  // torch_runtime.h

/// Sets libtorch's intra-op thread count; call once at start-up (Debian's libtorch starts with
/// one). libtorch is not loaded by this: the count is applied when it is. Also asks libtorch's
/// OpenMP workers to sleep rather than spin when idle (OMP_WAIT_POLICY=PASSIVE, unless the user set
/// it), so that a run shares a busy machine.
void init_torch_threads(int threads);
/// True when libtorch has CUDA and a GPU is present (loads the libtorch module).
bool cuda_available();

/// The line of a libtorch exception's message that says what went wrong: for an error raised
/// inside a TorchScript model, the wrapped exception at the end of the traceback rather than the
/// interpreter's "The following operation failed" first line; otherwise the first line.
std::string summarise_torch_error(std::string_view what);

/// One prepared item.
struct ModelInput {
  std::vector<float> pixels;             ///< 3*H*W in model space; empty: zeros
  std::vector<std::int64_t> ids;         ///< the prompt's token ids
  std::vector<std::int64_t> option_ids;  ///< token ids of this item's option letters, in order
};

/// One generated token with its step's log-probabilities (log-softmax over the whole vocabulary,
/// computed in double from the model's logits).
struct GenerationStep {
  std::int64_t id = 0;  ///< the chosen (greedy) token
  double logprob = 0;   ///< its log-probability
  /// The step's `top_k` most likely tokens as (id, log-probability), in descending order, ties
  /// broken by the lower id (so the chosen token is first).
  std::vector<std::pair<std::int64_t, double>> top;
};

struct Generation {
  std::vector<GenerationStep> steps;
  bool stopped = false;  ///< the last step generated a stop id (else max_tokens were generated)
};

/// What generate() does for one item.
struct GenerationLimits {
  int max_tokens = 1;  ///< tokens to generate, at least 1
  int top_k = 0;       ///< alternatives kept per step, 0..vocabulary size
};

class TorchModel {
 public:
  /// Loads and checks the model with a dry run (signature, dtypes, output [B, V] with V equal to
  /// `vocab_size`); refuses it with a message saying what was expected and what was found.
  static Result<TorchModel> load(const ModelCard& card, DeviceChoice device, std::size_t vocab_size,
                                 const std::vector<std::int64_t>& sample_ids);
  TorchModel(TorchModel&&) noexcept;
  TorchModel& operator=(TorchModel&&) noexcept;
  ~TorchModel();

  /// Greedy decoding up to max_new_tokens for a batch; the first generated option letter is the
  /// answer. Runs under c10::InferenceMode.
  Result<std::vector<ModelOutput>> run(const std::vector<ModelInput>& batch) const;

  /// Greedy decoding for `unveil-cli serve` (core/serve/openai_server.h): each item generates
  /// `max_tokens` tokens (or up to and including one of `stop_ids`), with the per-step
  /// log-probabilities an OpenAI-compatible server returns. The greedy path is run()'s (the same
  /// inputs, the same argmax, lowest id first among equal logits), so the step where run() found
  /// its answer is the same step here. Option ids are not used. Runs under c10::InferenceMode.
  Result<std::vector<Generation>> generate(const std::vector<ModelInput>& batch,
                                           const std::vector<GenerationLimits>& limits,
                                           const std::vector<std::int64_t>& stop_ids = {}) const;
  /// The same limits for every item.
  Result<std::vector<Generation>> generate(const std::vector<ModelInput>& batch, int max_tokens,
                                           int top_k) const;

  /// "cpu" or "cuda:0".
  std::string device_name() const;

 private:
  TorchModel();
  std::unique_ptr<TorchModelImpl> impl_;
};

}  // namespace unveil::model
