// Tokenizers of the model contract, behind one interface: a word-level JSON vocabulary for the demo
// models, SentencePiece (sentencepiece_tokenizer.h) for LLaMA-family models. The card says which.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/result.h"

namespace unveil::model {

struct ModelCard;

/// Text to token ids, and the vocabulary the model's logits range over. Immutable once loaded, so
/// one instance may serve several threads.
class Tokenizer {
 public:
  virtual ~Tokenizer() = default;

  /// The prompt's ids, with whatever the tokenizer adds at the start (SentencePiece's BOS).
  virtual std::vector<std::int64_t> encode(std::string_view text) const = 0;
  /// The token (piece) of an id; the unknown token's for an id out of range.
  virtual std::string token(std::int64_t id) const = 0;
  /// The id of a token (piece); the unknown token's id when absent.
  virtual std::int64_t id(std::string_view token) const = 0;
  /// The vocabulary's size: the V of the model's [B, V] logits.
  virtual std::size_t size() const = 0;

 protected:
  Tokenizer() = default;
  Tokenizer(const Tokenizer&) = default;
  Tokenizer& operator=(const Tokenizer&) = default;
  Tokenizer(Tokenizer&&) = default;
  Tokenizer& operator=(Tokenizer&&) = default;
};

/// Word-level tokenizer over a JSON vocabulary {"tokens": ["<pad>", "<unk>", "<nl>", ...]} (the
/// index of a token is its id). Text is split into words and punctuation; words are lower-cased
/// except a lone capital letter (an option letter, "A"), and each line break is the token "<nl>".
class WordTokenizer final : public Tokenizer {
 public:
  static constexpr std::int64_t kPad = 0, kUnk = 1, kNewline = 2;

  static Result<WordTokenizer> load(const std::filesystem::path& vocab_json);
  /// Builds a vocabulary from texts (the three special tokens first, then words in first-seen
  /// order, then any `extra` tokens), as the demo trainer does.
  static WordTokenizer build(const std::vector<std::string>& texts,
                             const std::vector<std::string>& extra = {});
  Status save(const std::filesystem::path& vocab_json) const;

  std::vector<std::int64_t> encode(std::string_view text) const override;
  std::string token(std::int64_t id) const override;       ///< "<unk>" for an id out of range
  std::int64_t id(std::string_view token) const override;  ///< kUnk when absent
  std::size_t size() const override { return tokens_.size(); }

  /// The pieces encode() produces, before lookup.
  static std::vector<std::string> split(std::string_view text);

 private:
  std::vector<std::string> tokens_;
  std::unordered_map<std::string, std::int64_t> ids_;
};

/// The tokenizer a card asks for ("wordlevel" or "sentencepiece"), checked against the card: the
/// option letters' ids and the padding id must lie in the vocabulary, and each option id must be
/// that letter's token (SentencePiece: "A" or "▁A"). Every message names the file and the field.
Result<std::unique_ptr<Tokenizer>> load_tokenizer(const ModelCard& card);

}  // namespace unveil::model
