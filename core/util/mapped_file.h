// A read-only memory map of a whole file (POSIX), falling back to reading it into memory.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "util/result.h"

namespace unveil {

class MappedFile {
 public:
  static Result<MappedFile> open(const std::filesystem::path& file);
  MappedFile(MappedFile&& o) noexcept;
  MappedFile& operator=(MappedFile&& o) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view text() const { return {data_, size_}; }

 private:
  MappedFile() = default;
  const char* data_ = "";
  std::size_t size_ = 0;
  bool mapped_ = false;
  std::string fallback_;
};

}  // namespace unveil
