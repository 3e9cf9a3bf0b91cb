// The seam between unveil_core and the SentencePiece module (libunveil_sentencepiece.so, built from
// sentencepiece_module.cpp), which core loads at the first SentencePiece card.
//
// Why a module in a namespace of its own: Debian's libsentencepiece.so.0 carries its own copy of
// protobuf-lite (3.1x) and exports it, while libtorch needs the system libprotobuf.so.32 (3.21).
// Linked into one program the two copies interpose each other and the program crashes before
// main(); RTLD_DEEPBIND breaks std::cerr instead. dlmopen(LM_ID_NEWLM) gives the module its own
// link map (its own libstdc++ and libc too), so only plain C crosses this interface: no C++ type,
// no exception, and no memory that one side allocates and the other frees. Results come back
// through sinks the caller passes, which copy them into the caller's own memory.
#pragma once

#include <cstddef>

extern "C" {

struct UnveilSpm;  // one loaded model, owned by the module

using UnveilSpmIdSink = void (*)(void* ctx, const int* ids, std::size_t n);
using UnveilSpmTextSink = void (*)(void* ctx, const char* text, std::size_t n);

struct UnveilSpmApi {
  int abi;  ///< kUnveilSpmAbi of the module's build
  /// A loaded model, or nullptr with the reason given to `error`.
  UnveilSpm* (*open)(const char* model_file, UnveilSpmTextSink error, void* ctx);
  void (*close)(UnveilSpm*);
  int (*size)(const UnveilSpm*);
  int (*bos_id)(const UnveilSpm*);  ///< -1 when none
  int (*unk_id)(const UnveilSpm*);
  int (*piece_to_id)(const UnveilSpm*, const char* piece, std::size_t n);
  /// The piece of an id in 0..size()-1 (SentencePiece does not check it).
  void (*id_to_piece)(const UnveilSpm*, int id, UnveilSpmTextSink out, void* ctx);
  /// 0 on success; the ids (without BOS) go to `out` in one call.
  int (*encode)(const UnveilSpm*, const char* text, std::size_t n, UnveilSpmIdSink out, void* ctx);
  int (*decode)(const UnveilSpm*, const int* ids, std::size_t n, UnveilSpmTextSink out, void* ctx);
};

}  // extern "C"

namespace unveil::model::spm {
inline constexpr int kUnveilSpmAbi = 1;
inline constexpr const char* kApiSymbol =
    "unveil_sentencepiece_api";  ///< const UnveilSpmApi* (void)
}  // namespace unveil::model::spm
