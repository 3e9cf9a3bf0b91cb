// Modules of this build: shared libraries core loads on first use (libtorch's, OpenCV's image
// codecs', SentencePiece's), so that a program pays their start-up only when it needs them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "util/result.h"

namespace unveil::util {

/// Where a module may be, in the order to try: beside an installed program (`relative` to the
/// prefix above its bin/ folder, e.g. lib/unveil/libunveil_torch.so), then the build tree's file
/// `build` (programs and tests run from the build tree), then the configured install prefix's
/// `installed`.
std::vector<std::filesystem::path> module_candidates(const char* relative, const char* build,
                                                     const char* installed);

struct ModuleSpec {
  const char* what;       ///< for messages: "libtorch module"
  const char* file_name;  ///< libunveil_torch.so
  const char* relative;   ///< module_candidates' three places
  const char* build;
  const char* installed;
  const char* env;     ///< an environment variable naming the file to use instead
  const char* symbol;  ///< the entry point to look up
};

/// Loads the first of the module's places that exists (dlopen, RTLD_NOW | RTLD_LOCAL, never
/// closed) and returns its entry point's address. An error names the file and the reason: missing
/// (with the places looked in), not loadable (dlopen's message), or without the entry point.
Result<void*> open_module(const ModuleSpec& spec);

}  // namespace unveil::util
