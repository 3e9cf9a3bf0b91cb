#include "util/atomic_file.h"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <string>

namespace unveil {

Status write_file_atomically(const std::filesystem::path& file, std::string_view bytes,
                             std::string_view what) {
  static std::atomic<std::uint64_t> counter{0};
  std::filesystem::path tmp = file;
  tmp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  const auto fail = [&](const std::string& why) -> Status {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    return Error{file.string() + ": cannot write " + std::string(what) + " (" + why + ")"};
  };
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return fail("cannot create " + tmp.filename().string() + " beside it");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return fail("writing " + std::to_string(bytes.size()) + " bytes failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec) return fail("cannot move it into place: " + ec.message());
  return ok_status();
}

}  // namespace unveil
