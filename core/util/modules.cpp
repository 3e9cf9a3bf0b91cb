#include "util/modules.h"

#include <dlfcn.h>

#include <cstdlib>
#include <system_error>

namespace unveil::util {

std::vector<std::filesystem::path> module_candidates(const char* relative, const char* build,
                                                     const char* installed) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) out.push_back(exe.parent_path().parent_path() / relative);
  out.emplace_back(build);
  out.emplace_back(installed);
  return out;
}

Result<void*> open_module(const ModuleSpec& spec) {
  const char* chosen = spec.env ? std::getenv(spec.env) : nullptr;
  const auto candidates = chosen && *chosen
                              ? std::vector<std::filesystem::path>{chosen}
                              : module_candidates(spec.relative, spec.build, spec.installed);
  std::string looked;
  for (const auto& path : candidates) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      looked += (looked.empty() ? "" : ", ") + path.string();
      continue;
    }
    void* h = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!h) {
      const char* why = ::dlerror();
      return Error{path.string() + ": cannot load the " + spec.what + ": " +
                   (why ? why : "unknown reason")};
    }
    void* entry = ::dlsym(h, spec.symbol);
    if (!entry) {
      return Error{path.string() + ": not Unveil's " + spec.what + " (no " + spec.symbol + ")"};
    }
    return entry;
  }
  return Error{std::string("the ") + spec.what + " of this build (" + spec.file_name +
               ") is missing; looked in " + looked};
}

}  // namespace unveil::util
