// The OpenAI-compatible endpoint backend: a multimodal model served elsewhere (vLLM, SGLang,
// llama.cpp's llama-server, LMDeploy, TGI, OpenAI, or `unveil-cli serve`), asked through the
// chat-completions API with the image as a data URL, greedy, with log-probabilities. The answer is
// the first generated token that spells an option letter, and the option letters' log-probabilities
// at that step are its option logits (openai_protocol.h; docs/MODELS.md, "Real models"). HTTP and
// TLS through libcurl; many requests in flight, retries with back-off, cancel within a second.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "model/backend.h"

namespace unveil::model {

class OpenAiBackend final : public Backend {
 public:
  /// Checks the card's endpoint and reads the key from the environment variable it names (a
  /// named variable that is unset or empty is refused). Makes no request.
  static Result<std::shared_ptr<const OpenAiBackend>> load(const ModelCard& card);
  ~OpenAiBackend() override;

  const ModelCard& card() const override { return card_; }
  /// The server's URL ("http://gpu-box:8000/v1").
  std::string device_name() const override { return card_.endpoint.base_url; }
  /// A hash of the URL and the model id: the same server and model is the same model.
  std::string fingerprint() const override;
  /// Four requests per slot of max_concurrency, whatever batch was asked for (a batch of a GPU
  /// is not a batch of a server).
  std::size_t batch_size(std::size_t requested) const override;
  Result<std::vector<ScoreResult>> score(const std::vector<ScoreRequest>& batch,
                                         const std::atomic<bool>* cancel) const override;
  BackendCounters counters() const override;

 private:
  OpenAiBackend() = default;
  ModelCard card_;
  std::string key_;  ///< never written anywhere; sent as "Authorization: Bearer"
  mutable std::atomic<std::uint64_t> requests_{0}, retries_{0}, errors_{0}, in_flight_{0};
};

/// A hash of the endpoint's URL and model id (OpenAiBackend::fingerprint()).
std::string openai_fingerprint(const EndpointSpec& endpoint);

/// The model ids a server lists (GET {base_url}/models), for the window's model picker and a
/// first check that a server answers. `key` empty: no Authorization header.
Result<std::vector<std::string>> list_server_models(const std::string& base_url,
                                                    const std::string& key, double timeout_s);

}  // namespace unveil::model
