// A loaded model, whatever runs it: the card and its backend (backend.h). Copyable and cheap to
// copy (the backend is shared); the card's "backend" field picks the TorchScript backend
// (torch_backend.h, the default) or an OpenAI-compatible server (openai_backend.h).
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/backend.h"
#include "model/model_card.h"

namespace unveil::model {

class TorchBackend;

/// What makes two runs the same model, from the card alone (no model is loaded): the SHA-256 of
/// a TorchScript card's model file, a hash of an endpoint card's URL and model id. Equal to the
/// loaded backend's fingerprint().
Result<std::string> card_fingerprint(const ModelCard& card);

class Model {
 public:
  /// Reads the card and loads its backend: a TorchScript model is read and checked with a dry run
  /// on `device`; an endpoint is checked for its form only (no request is made; the first
  /// request says whether the server answers). `device` is ignored for endpoints.
  static Result<Model> load(const std::filesystem::path& card_json, DeviceChoice device);
  /// A model over a backend already made (tests, `unveil-cli serve`).
  explicit Model(std::shared_ptr<const Backend> backend);

  const ModelCard& card() const { return backend_->card(); }
  std::string device_name() const { return backend_->device_name(); }
  std::string fingerprint() const { return backend_->fingerprint(); }
  std::size_t batch_size(std::size_t requested) const { return backend_->batch_size(requested); }
  Result<std::vector<ScoreResult>> score(const std::vector<ScoreRequest>& batch,
                                         const std::atomic<bool>* cancel = nullptr) const {
    return backend_->score(batch, cancel);
  }
  BackendCounters counters() const { return backend_->counters(); }
  const Backend& backend() const { return *backend_; }
  /// The TorchScript backend, or null when the model runs elsewhere.
  const TorchBackend* torchscript() const { return torch_; }

 private:
  Model() = default;
  std::shared_ptr<const Backend> backend_;
  const TorchBackend* torch_ = nullptr;
};

}  // namespace unveil::model
