// libunveil_sentencepiece.so: the only translation unit that includes SentencePiece's headers. It
// runs in a link map of its own (sentencepiece_backend.h), so nothing but plain C leaves it and no
// exception crosses its border.
#include <sentencepiece_processor.h>

#include <exception>
#include <new>

#include "model/sentencepiece_backend.h"

struct UnveilSpm {
  sentencepiece::SentencePieceProcessor sp;
};

namespace {

void say(UnveilSpmTextSink sink, void* ctx, const std::string& text) {
  sink(ctx, text.data(), text.size());
}

UnveilSpm* open(const char* model_file, UnveilSpmTextSink error, void* ctx) noexcept {
  try {
    auto* m = new UnveilSpm;
    // Load() reports a damaged, truncated or foreign file as a status (a protobuf that does not
    // parse, a vocabulary without <unk>, ...); it does not throw or abort.
    if (const auto s = m->sp.Load(model_file); !s.ok()) {
      delete m;
      say(error, ctx, s.ToString());
      return nullptr;
    }
    return m;
  } catch (const std::exception& e) {
    say(error, ctx, e.what());
  } catch (...) {
    say(error, ctx, "unknown failure");
  }
  return nullptr;
}

void close(UnveilSpm* m) noexcept {
  delete m;
}
int size(const UnveilSpm* m) noexcept {
  return m->sp.GetPieceSize();
}
int bos_id(const UnveilSpm* m) noexcept {
  return m->sp.bos_id();
}
int unk_id(const UnveilSpm* m) noexcept {
  return m->sp.unk_id();
}
int piece_to_id(const UnveilSpm* m, const char* piece, std::size_t n) noexcept {
  return m->sp.PieceToId(std::string_view(piece, n));
}
void id_to_piece(const UnveilSpm* m, int id, UnveilSpmTextSink out, void* ctx) noexcept {
  say(out, ctx, m->sp.IdToPiece(id));
}
int encode(const UnveilSpm* m, const char* text, std::size_t n, UnveilSpmIdSink out,
           void* ctx) noexcept {
  try {
    std::vector<int> ids;
    if (!m->sp.Encode(std::string_view(text, n), &ids).ok()) return 1;
    out(ctx, ids.data(), ids.size());
    return 0;
  } catch (...) {
    return 1;
  }
}
int decode(const UnveilSpm* m, const int* ids, std::size_t n, UnveilSpmTextSink out,
           void* ctx) noexcept {
  try {
    std::string text;
    if (!m->sp.Decode(std::vector<int>(ids, ids + n), &text).ok()) return 1;
    say(out, ctx, text);
    return 0;
  } catch (...) {
    return 1;
  }
}

constexpr UnveilSpmApi kApi = {unveil::model::spm::kUnveilSpmAbi,
                               open,
                               close,
                               size,
                               bos_id,
                               unk_id,
                               piece_to_id,
                               id_to_piece,
                               encode,
                               decode};

}  // namespace

extern "C" __attribute__((visibility("default"))) const UnveilSpmApi* unveil_sentencepiece_api() {
  return &kApi;
}
