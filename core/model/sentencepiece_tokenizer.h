// SentencePiece tokenizers (LLaMA family), through Debian's libsentencepiece-dev. The library lives
// in a module loaded on first use (sentencepiece_backend.h says why); its headers are included by
// sentencepiece_module.cpp alone. A build without the library has this interface too, and load()
// then says what is missing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/tokenizer.h"
#include "util/result.h"

namespace unveil::model {

/// True when this build has SentencePiece (libsentencepiece-dev was found at configure time) and
/// its module loads; otherwise sentencepiece_unavailable_reason() says what is missing.
bool sentencepiece_available();
std::string sentencepiece_unavailable_reason();

class SentencePieceTokenizer final : public Tokenizer {
 public:
  /// Loads a SentencePiece model file ("tokenizer.model"). With `add_bos`, encode() puts the
  /// model's BOS id first, as LLaMA's tokenizer does; a model without a BOS piece is then refused.
  static Result<std::unique_ptr<SentencePieceTokenizer>> load(const std::filesystem::path& file,
                                                              bool add_bos);
  ~SentencePieceTokenizer() override;
  SentencePieceTokenizer(const SentencePieceTokenizer&) = delete;
  SentencePieceTokenizer& operator=(const SentencePieceTokenizer&) = delete;

  std::vector<std::int64_t> encode(std::string_view text) const override;
  std::string token(std::int64_t id) const override;
  std::int64_t id(std::string_view piece) const override;
  std::size_t size() const override;

  /// The text of ids (BOS, EOS and other control pieces are dropped, as SentencePiece does).
  std::string decode(const std::vector<std::int64_t>& ids) const;
  std::int64_t bos_id() const;  ///< -1 when the model has none
  std::int64_t unk_id() const;
  bool adds_bos() const { return add_bos_; }

 private:
  SentencePieceTokenizer();
  bool in_range(std::int64_t id) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool add_bos_ = false;
};

}  // namespace unveil::model
