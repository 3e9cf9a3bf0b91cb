// A TorchScript model of the contract, behind a plain interface: no torch type crosses this header
// (Qt and libtorch must never meet in one translation unit).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model_card.h"
#include "util/result.h"

namespace unveil::model {

enum class DeviceChoice { kCpu, kCuda, kAuto };
Result<DeviceChoice> parse_device(std::string_view text);

/// Sets libtorch's intra-op thread count; call once at start-up (Debian's libtorch starts with
/// one).
void init_torch_threads(int threads);
/// True when the linked libtorch has CUDA and a GPU is present.
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

/// Vocabularies up to this size keep the answer step's whole logits (for the study's
/// full-vocabulary temperature, docs/METRICS.md); larger ones keep the confidence only.
constexpr std::size_t kMaxKeptVocab = 8192;

struct ModelOutput {
  int answer = -1;  ///< index of the first generated option letter; -1: none in max_new_tokens
  /// The option letters' logits at the answer step (at the first step when unanswered).
  std::vector<double> option_logits;
  /// The answer letter's softmax probability over the vocabulary at that step; for an
  /// unanswered item the top option letter's.
  std::optional<double> conf_vocab;
  /// The whole vocabulary's logits at that step, when the vocabulary has at most kMaxKeptVocab
  /// tokens (empty otherwise).
  std::vector<double> vocab_logits;
  int steps = 0;  ///< tokens generated up to and including the answer
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

  /// "cpu" or "cuda:0".
  std::string device_name() const;

 private:
  TorchModel();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace unveil::model
