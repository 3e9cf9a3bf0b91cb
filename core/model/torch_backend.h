// The TorchScript backend: a model file of the contract (docs/MODELS.md) with its card and
// tokenizer, run through libtorch on the CPU or a GPU. It tokenises prompts and preprocesses
// images itself; no torch type crosses this header.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "data/image.h"
#include "model/backend.h"
#include "model/tokenizer.h"
#include "model/torch_model.h"

namespace unveil::model {

/// The longest prompt, in tokens, a model is given (the template with the item filled in). A
/// longer one is refused, naming the item: the memory a model needs grows with the prompt's
/// length, and a card's template of millions of words would otherwise take all of it.
inline constexpr std::size_t kMaxPromptTokens = 8192;

class TorchBackend final : public Backend {
 public:
  /// Reads the tokenizer the card names (load_tokenizer: word-level vocabulary or SentencePiece
  /// model, checked against the card's option ids) and the TorchScript file, and checks them
  /// together with a dry run. A template that alone (with a short sample item) is longer than
  /// kMaxPromptTokens is refused.
  static Result<std::shared_ptr<const TorchBackend>> load(const ModelCard& card,
                                                          DeviceChoice device);

  const ModelCard& card() const override { return card_; }
  std::string device_name() const override { return torch_->device_name(); }
  /// The SHA-256 of the model file (hex), read once at load.
  std::string fingerprint() const override { return sha256_; }
  std::size_t batch_size(std::size_t requested) const override {
    return requested > 0 ? requested : 1;
  }
  /// Prepares each item (an item whose input cannot be made is kSkipped) and runs the rest
  /// as one batch. A cancel is seen between batches, not inside one.
  Result<std::vector<ScoreResult>> score(const std::vector<ScoreRequest>& batch,
                                         const std::atomic<bool>* cancel) const override;

  const Tokenizer& tokenizer() const { return *tokenizer_; }

  /// The model's input for an item. `prompt_template` empty: the card's. The image is loaded from
  /// the dataset root, perturbed (seeded) and preprocessed as the card asks; condition "text"
  /// (PerturbationKind::kNoImage) gives no image and a prompt without the image token. A prompt
  /// longer than kMaxPromptTokens is refused, naming the item.
  Result<ModelInput> prepare(const data::Item& item, const std::filesystem::path& root,
                             const data::Perturbation& condition,
                             const std::string& prompt_template, std::uint64_t seed) const;

  /// The input for a prompt already rendered (with "<image>\n" where a template's {image} put
  /// the image) and an image already perturbed (null: none), for the option letters `letters`:
  /// what `unveil-cli serve` receives from a client.
  Result<ModelInput> prepare_prompt(const std::string& prompt, const data::RgbImage* image,
                                    std::string_view letters) const;

  Result<std::vector<ModelOutput>> run(const std::vector<ModelInput>& batch) const {
    return torch_->run(batch);
  }
  const TorchModel& torch() const { return *torch_; }

 private:
  TorchBackend() = default;
  ModelCard card_;
  std::shared_ptr<const Tokenizer> tokenizer_;
  std::unique_ptr<TorchModel> torch_;
  std::string sha256_;
};

}  // namespace unveil::model
