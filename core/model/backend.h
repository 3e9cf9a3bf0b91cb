// The model backend interface: how Unveil asks a model about items, whatever runs it. A TorchScript
// file of the contract through libtorch (torch_backend.h) and an OpenAI-compatible inference server
// (openai_backend.h) are the two backends; everything that runs a model (eval, the analyses, the
// window's Run now and New run, the demo) goes through this interface only. docs/MODELS.md says
// how each backend reads an answer and its confidences.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/item.h"
#include "data/perturb.h"
#include "model/model_card.h"
#include "util/result.h"

namespace unveil::model {

enum class DeviceChoice { kCpu, kCuda, kAuto };
Result<DeviceChoice> parse_device(std::string_view text);

/// Vocabularies up to this size keep the answer step's whole logits (for the study's
/// full-vocabulary temperature, docs/METRICS.md); larger ones keep the confidence only.
constexpr std::size_t kMaxKeptVocab = 8192;

/// What a model said about one item.
struct ModelOutput {
  int answer = -1;  ///< index of the first generated option letter; -1: none in max_new_tokens
  /// The option letters' logits (or log-probabilities) at the answer step (at the first step
  /// when unanswered).
  std::vector<double> option_logits;
  /// The answer letter's softmax probability over the vocabulary at that step; for an
  /// unanswered item the top option letter's.
  std::optional<double> conf_vocab;
  /// The whole vocabulary's logits at that step, when the backend has them and the vocabulary
  /// has at most kMaxKeptVocab tokens (empty otherwise).
  std::vector<double> vocab_logits;
  int steps = 0;  ///< tokens generated up to and including the answer
};

/// One item to score: the item, where its image lives, the condition it is shown under and the
/// prompt template (empty: the card's).
struct ScoreRequest {
  const data::Item* item = nullptr;
  std::filesystem::path root;
  data::Perturbation condition;
  std::string prompt_template;
  std::uint64_t seed = 0;  ///< for seeded perturbations
};

/// What became of one request.
struct ScoreResult {
  enum class Status {
    kScored,     ///< `output` holds the model's answer
    kItemError,  ///< the model failed on this item (`error` says why, naming the item)
    kSkipped,    ///< this item's input could not be made (`error` says why): no model was asked
    kCancelled,  ///< cancelled before it was scored
  };
  Status status = Status::kScored;
  std::string error;
  ModelOutput output;
  std::string text;         ///< the generated text, where the backend returns it
  std::string bounded;      ///< option letters whose logits are upper bounds (absent from a top-k)
  double milliseconds = 0;  ///< the request's own time (a batch's share for batched backends)
};

/// Counters of a backend that makes requests, for progress views (zero for local backends).
struct BackendCounters {
  std::uint64_t requests = 0;  ///< requests answered (any status)
  std::uint64_t retries = 0;   ///< requests sent again after a 429, a 5xx or a lost connection
  std::uint64_t errors = 0;    ///< items that ended in an error
  std::uint64_t in_flight = 0;
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual const ModelCard& card() const = 0;
  /// Where it runs, for runs and messages: "cpu", "cuda:0", or the server's URL.
  virtual std::string device_name() const = 0;
  /// What makes two runs the same model: the model file's SHA-256 for a TorchScript model, a
  /// hash of the server's URL and model name for an endpoint. A run resumes only with the same.
  virtual std::string fingerprint() const = 0;
  /// How many items a batch should hold to keep this backend busy, given what the user asked.
  virtual std::size_t batch_size(std::size_t requested) const = 0;
  /// Scores a batch; results are in the order of the requests. A failure of the whole batch (a
  /// model that fails, a server that cannot be reached or refuses the key) is an Error; one
  /// item's failure is its result's. With `cancel` set, returns soon (within a second) with the
  /// unfinished requests marked kCancelled.
  virtual Result<std::vector<ScoreResult>> score(const std::vector<ScoreRequest>& batch,
                                                 const std::atomic<bool>* cancel) const = 0;
  virtual BackendCounters counters() const { return {}; }
};

}  // namespace unveil::model
