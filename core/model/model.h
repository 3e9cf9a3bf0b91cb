// A loaded model of the contract: card + tokenizer + TorchScript module, and how items become its
// inputs under a condition (with the image, text only, blank, noise, blur, ...).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "data/item.h"
#include "data/perturb.h"
#include "model/model_card.h"
#include "model/tokenizer.h"
#include "model/torch_model.h"

namespace unveil::model {

/// The longest prompt, in tokens, a model is given (the template with the item filled in). A
/// longer one is refused, naming the item: the memory a model needs grows with the prompt's
/// length, and a card's template of millions of words would otherwise take all of it.
inline constexpr std::size_t kMaxPromptTokens = 8192;

class Model {
 public:
  /// Reads the card, the tokenizer it names (load_tokenizer: word-level vocabulary or
  /// SentencePiece model, checked against the card's option ids) and the TorchScript file, and
  /// checks them together with a dry run. A template that alone (with a short sample item) is
  /// longer than kMaxPromptTokens is refused.
  static Result<Model> load(const std::filesystem::path& card_json, DeviceChoice device);

  const ModelCard& card() const { return card_; }
  const Tokenizer& tokenizer() const { return *tokenizer_; }
  std::string device_name() const { return torch_->device_name(); }

  /// The model's input for an item. `prompt_template` empty: the card's. The image is loaded from
  /// the dataset root, perturbed (seeded) and preprocessed as the card asks; condition "text"
  /// (PerturbationKind::kNoImage) gives no image and a prompt without the image token. A prompt
  /// longer than kMaxPromptTokens is refused, naming the item.
  Result<ModelInput> prepare(const data::Item& item, const std::filesystem::path& root,
                             const data::Perturbation& condition,
                             const std::string& prompt_template, std::uint64_t seed) const;

  Result<std::vector<ModelOutput>> run(const std::vector<ModelInput>& batch) const {
    return torch_->run(batch);
  }

 private:
  ModelCard card_;
  std::shared_ptr<const Tokenizer> tokenizer_;  // shared, as torch_ is: a Model stays copyable
  std::shared_ptr<TorchModel> torch_;
};

}  // namespace unveil::model
