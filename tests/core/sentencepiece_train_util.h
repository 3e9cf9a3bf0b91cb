// Trains tiny SentencePiece models for the tokenizer tests, with the library's own trainer
// (libsentencepiece_train, linked by the test binary only). The trainer's headers stay in the .cpp.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "util/result.h"

namespace unveil::test {

struct SentencePieceTrainSpec {
  std::vector<std::string> lines;  ///< the corpus, one sentence a line
  int vocab_size = 64;
  std::string model_type = "bpe";         ///< "bpe" or "unigram"
  std::vector<std::string> user_symbols;  ///< pieces kept whole ("A", "B", "<image>", ...)
  bool byte_fallback = false;  ///< unknown characters as byte pieces <0x..> (256 more pieces)
  /// LLaMA's normalisation: none (text and whitespace kept as they are); otherwise SentencePiece's
  /// default (NFKC; a line break becomes a space).
  bool identity_normalization = false;
  int bos_id = 1;  ///< -1: the model has no BOS piece
};

/// True when the test binary was built with the SentencePiece trainer.
bool sentencepiece_trainer_available();

/// Writes `model_file`, with LLaMA's special ids: <unk> 0, <s> 1 (spec.bos_id), </s> 2, no
/// padding piece; the user symbols come next, in order.
Status train_sentencepiece(const SentencePieceTrainSpec& spec,
                           const std::filesystem::path& model_file);

}  // namespace unveil::test
