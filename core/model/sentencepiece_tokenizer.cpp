// SentencePiece through the module libunveil_sentencepiece.so, loaded on first use into a link map
// of its own (why: sentencepiece_backend.h). UNVEIL_HAVE_SENTENCEPIECE and the module's paths are
// defined for this file alone, when the top-level CMakeLists.txt found the library.
#include "model/sentencepiece_tokenizer.h"

#include "model/sentencepiece_backend.h"

#ifdef UNVEIL_HAVE_SENTENCEPIECE
#include <dlfcn.h>

#include "util/modules.h"
#endif

#include <system_error>

namespace unveil::model {

struct SentencePieceTokenizer::Impl {
  const UnveilSpmApi* api = nullptr;
  UnveilSpm* model = nullptr;
  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    if (model) api->close(model);
  }
};

SentencePieceTokenizer::SentencePieceTokenizer() : impl_(std::make_unique<Impl>()) {}
SentencePieceTokenizer::~SentencePieceTokenizer() = default;

namespace {

// Sinks for the module's results: they copy into this side's memory.
void append_text(void* ctx, const char* text, std::size_t n) {
  static_cast<std::string*>(ctx)->append(text, n);
}
void append_ids(void* ctx, const int* ids, std::size_t n) {
  auto* out = static_cast<std::vector<std::int64_t>*>(ctx);
  out->insert(out->end(), ids, ids + n);
}

}  // namespace

#ifdef UNVEIL_HAVE_SENTENCEPIECE

namespace {

struct Module {
  const UnveilSpmApi* api = nullptr;
  std::string error;  ///< why there is none
};

const Module& module() {
  static const Module m = [] {
    Module r;
    std::string looked;
    for (const auto& path : util::module_candidates(UNVEIL_SENTENCEPIECE_MODULE_RELATIVE,
                                                    UNVEIL_SENTENCEPIECE_MODULE_BUILD,
                                                    UNVEIL_SENTENCEPIECE_MODULE_INSTALLED)) {
      std::error_code ec;
      if (!std::filesystem::is_regular_file(path, ec)) {
        looked += (looked.empty() ? "" : ", ") + path.string();
        continue;
      }
      // A new link map, never closed: the module's protobuf stays out of libtorch's way.
      void* h = ::dlmopen(LM_ID_NEWLM, path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!h) {
        const char* why = ::dlerror();
        r.error = path.string() +
                  ": cannot load the SentencePiece module: " + (why ? why : "unknown reason");
        return r;
      }
      using ApiFn = const UnveilSpmApi* (*)();
      const auto api = reinterpret_cast<ApiFn>(::dlsym(h, spm::kApiSymbol));
      if (!api) {
        r.error =
            path.string() + ": not Unveil's SentencePiece module (no " + spm::kApiSymbol + ")";
      } else if (api()->abi != spm::kUnveilSpmAbi) {
        r.error =
            path.string() + ": a SentencePiece module of another build of Unveil (interface " +
            std::to_string(api()->abi) + ", expected " + std::to_string(spm::kUnveilSpmAbi) + ")";
      } else {
        r.api = api();
      }
      return r;
    }
    r.error =
        "the SentencePiece module of this build (libunveil_sentencepiece.so) is missing; looked "
        "in " +
        looked;
    return r;
  }();
  return m;
}

}  // namespace

bool sentencepiece_available() {
  return module().api != nullptr;
}

std::string sentencepiece_unavailable_reason() {
  return module().error;
}

Result<std::unique_ptr<SentencePieceTokenizer>> SentencePieceTokenizer::load(
    const std::filesystem::path& file, bool add_bos) {
  const std::string name = file.string();
  if (!sentencepiece_available()) return Error{name + ": " + module().error};
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    return Error{name + ": cannot open the SentencePiece model (no such file)"};
  }
  std::unique_ptr<SentencePieceTokenizer> t(new SentencePieceTokenizer());
  t->impl_->api = module().api;
  std::string why;
  t->impl_->model = module().api->open(name.c_str(), append_text, &why);
  if (!t->impl_->model) {
    return Error{name + ": not a loadable SentencePiece model (damaged, truncated, or another " +
                 "format): " + why};
  }
  if (t->size() < 1) return Error{name + ": the SentencePiece model has no pieces"};
  if (add_bos && t->bos_id() < 0) {
    return Error{name + ": the card asks for a BOS token (tokenizer.add_bos), but this " +
                 "SentencePiece model defines none; set \"add_bos\": false"};
  }
  t->add_bos_ = add_bos;
  return t;
}

#else  // no SentencePiece in this build: the interface stays, and load() says why it cannot work.

bool sentencepiece_available() {
  return false;
}

std::string sentencepiece_unavailable_reason() {
  return "this build has no SentencePiece (install libsentencepiece-dev and rebuild)";
}

Result<std::unique_ptr<SentencePieceTokenizer>> SentencePieceTokenizer::load(
    const std::filesystem::path& file, bool /*add_bos*/) {
  return Error{file.string() + ": " + sentencepiece_unavailable_reason()};
}

#endif

// Without a model (never handed out by load()) every query answers as an empty vocabulary.
std::vector<std::int64_t> SentencePieceTokenizer::encode(std::string_view text) const {
  std::vector<std::int64_t> out;
  if (!impl_->model) return out;
  if (add_bos_) out.push_back(bos_id());
  // Fails only on an unloaded model or memory exhaustion: the prompt is then empty.
  if (impl_->api->encode(impl_->model, text.data(), text.size(), append_ids, &out) != 0)
    out.clear();
  return out;
}

std::string SentencePieceTokenizer::decode(const std::vector<std::int64_t>& ids) const {
  std::string text;
  if (!impl_->model) return text;
  std::vector<int> in;
  in.reserve(ids.size());
  for (const std::int64_t id : ids)  // SentencePiece does not check ids: out of range is <unk>
    in.push_back(in_range(id) ? static_cast<int>(id) : static_cast<int>(unk_id()));
  if (impl_->api->decode(impl_->model, in.data(), in.size(), append_text, &text) != 0) text.clear();
  return text;
}

std::string SentencePieceTokenizer::token(std::int64_t id) const {
  std::string piece;
  if (!impl_->model) return piece;
  const int i = in_range(id) ? static_cast<int>(id) : static_cast<int>(unk_id());
  impl_->api->id_to_piece(impl_->model, i, append_text, &piece);
  return piece;
}

std::int64_t SentencePieceTokenizer::id(std::string_view piece) const {
  return impl_->model ? impl_->api->piece_to_id(impl_->model, piece.data(), piece.size()) : 0;
}

std::size_t SentencePieceTokenizer::size() const {
  return impl_->model ? static_cast<std::size_t>(impl_->api->size(impl_->model)) : 0;
}

std::int64_t SentencePieceTokenizer::bos_id() const {
  return impl_->model ? impl_->api->bos_id(impl_->model) : -1;
}

std::int64_t SentencePieceTokenizer::unk_id() const {
  return impl_->model ? impl_->api->unk_id(impl_->model) : 0;
}

bool SentencePieceTokenizer::in_range(std::int64_t id) const {
  return id >= 0 && id < static_cast<std::int64_t>(size());
}

}  // namespace unveil::model
