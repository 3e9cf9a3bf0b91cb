#include "sentencepiece_train_util.h"

#ifdef UNVEIL_HAVE_SENTENCEPIECE_TRAIN
#include <dlfcn.h>
#endif

#include <fstream>

namespace unveil::test {

#ifdef UNVEIL_HAVE_SENTENCEPIECE_TRAIN

namespace {

using ErrorSink = void (*)(void* ctx, const char* text, std::size_t n);
using TrainFn = int (*)(const char* args, ErrorSink error, void* ctx);

// The trainer module (sentencepiece_train_module.cpp), in a link map of its own, never closed.
TrainFn trainer() {
  static const TrainFn fn = [] {
    void* h = ::dlmopen(LM_ID_NEWLM, UNVEIL_SENTENCEPIECE_TRAIN_MODULE, RTLD_NOW | RTLD_LOCAL);
    return h ? reinterpret_cast<TrainFn>(::dlsym(h, "unveil_sentencepiece_train")) : nullptr;
  }();
  return fn;
}

void append_text(void* ctx, const char* text, std::size_t n) {
  static_cast<std::string*>(ctx)->append(text, n);
}

}  // namespace

bool sentencepiece_trainer_available() {
  return trainer() != nullptr;
}

Status train_sentencepiece(const SentencePieceTrainSpec& spec,
                           const std::filesystem::path& model_file) {
  const std::filesystem::path corpus = model_file.string() + ".corpus.txt";
  {
    std::ofstream f(corpus);
    for (const auto& line : spec.lines)
      f << line << "\n";
    if (!f) return Error{corpus.string() + ": cannot write"};
  }
  std::string symbols;
  for (const auto& s : spec.user_symbols)
    symbols += (symbols.empty() ? "" : ",") + s;
  std::filesystem::path prefix = model_file;
  prefix.replace_extension();
  // The trainer's command-line form (the paths are the tests' own: no spaces).
  std::string args = "--input=" + corpus.string() + " --model_prefix=" + prefix.string() +
                     " --vocab_size=" + std::to_string(spec.vocab_size) +
                     " --model_type=" + spec.model_type +
                     " --character_coverage=1.0"  // every character of the corpus gets a piece
                     " --byte_fallback=" +
                     (spec.byte_fallback ? "true" : "false") +
                     " --unk_id=0 --bos_id=" + std::to_string(spec.bos_id) +
                     " --eos_id=" + (spec.bos_id < 0 ? "1" : "2") +  // no gap in the special ids
                     " --pad_id=-1 --num_threads=1"  // deterministic; the machine is shared
                     " --minloglevel=1";             // its progress log is long
  if (!symbols.empty()) args += " --user_defined_symbols=" + symbols;
  if (spec.identity_normalization)
    args += " --normalization_rule_name=identity --remove_extra_whitespaces=false";
  if (!trainer()) return Error{std::string(UNVEIL_SENTENCEPIECE_TRAIN_MODULE) + ": cannot load"};
  std::string why;
  if (trainer()(args.c_str(), append_text, &why) != 0) {
    return Error{prefix.string() + ": training failed: " + why};
  }
  std::filesystem::path trained = prefix;
  trained += ".model";
  if (trained != model_file) std::filesystem::rename(trained, model_file);
  return ok_status();
}

#else

bool sentencepiece_trainer_available() {
  return false;
}

Status train_sentencepiece(const SentencePieceTrainSpec&, const std::filesystem::path&) {
  return Error{"this test binary has no SentencePiece trainer"};
}

#endif

}  // namespace unveil::test
