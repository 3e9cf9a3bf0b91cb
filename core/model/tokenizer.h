// Tokenizers of the model contract. The word-level tokenizer serves the demo models; a
// SentencePiece tokenizer (LLaMA family) is planned behind the same interface.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/result.h"

namespace unveil::model {

/// Word-level tokenizer over a JSON vocabulary {"tokens": ["<pad>", "<unk>", "<nl>", ...]} (the
/// index of a token is its id). Text is split into words and punctuation; words are lower-cased
/// except a lone capital letter (an option letter, "A"), and each line break is the token "<nl>".
class WordTokenizer {
 public:
  static constexpr std::int64_t kPad = 0, kUnk = 1, kNewline = 2;

  static Result<WordTokenizer> load(const std::filesystem::path& vocab_json);
  /// Builds a vocabulary from texts (the three special tokens first, then words in first-seen
  /// order, then any `extra` tokens), as the demo trainer does.
  static WordTokenizer build(const std::vector<std::string>& texts,
                             const std::vector<std::string>& extra = {});
  Status save(const std::filesystem::path& vocab_json) const;

  std::vector<std::int64_t> encode(std::string_view text) const;
  /// The token of an id ("<unk>" for an id out of range).
  const std::string& token(std::int64_t id) const;
  std::int64_t id(std::string_view token) const;  ///< kUnk when absent
  std::size_t size() const { return tokens_.size(); }

  /// The pieces encode() produces, before lookup.
  static std::vector<std::string> split(std::string_view text);

 private:
  std::vector<std::string> tokens_;
  std::unordered_map<std::string, std::int64_t> ids_;
};

}  // namespace unveil::model
