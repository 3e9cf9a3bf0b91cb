// A module for the tests only: SentencePiece's trainer, loaded into a link map of its own like the
// runtime module (core/model/sentencepiece_backend.h says why), so only plain C crosses.
#include <sentencepiece_trainer.h>

#include <cstddef>
#include <string>

extern "C" __attribute__((visibility("default"))) int unveil_sentencepiece_train(
    const char* args, void (*error)(void* ctx, const char* text, std::size_t n), void* ctx) {
  try {
    const auto status = sentencepiece::SentencePieceTrainer::Train(args);
    if (status.ok()) return 0;
    const std::string why = status.ToString();
    error(ctx, why.data(), why.size());
  } catch (...) {
    error(ctx, "the trainer failed", 18);
  }
  return 1;
}
