#include "util/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "util/error_message.h"

namespace unveil {

Result<MappedFile> MappedFile::open(const std::filesystem::path& file) {
  const std::string name = file.string();
  const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error::from(message("file.cannot_open", name, system_reason(errno)));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error::from(message("file.not_regular", name));
  }
  MappedFile m;
  m.size_ = static_cast<std::size_t>(st.st_size);
  if (m.size_ > 0) {
    void* p = ::mmap(nullptr, m.size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      ::madvise(p, m.size_, MADV_SEQUENTIAL);
      m.data_ = static_cast<const char*>(p);
      m.mapped_ = true;
    } else {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      m.fallback_ = ss.str();
      m.data_ = m.fallback_.data();
      m.size_ = m.fallback_.size();
    }
  }
  ::close(fd);
  return m;
}

MappedFile::MappedFile(MappedFile&& o) noexcept {
  *this = std::move(o);
}

MappedFile& MappedFile::operator=(MappedFile&& o) noexcept {
  if (this == &o) return *this;
  if (mapped_) ::munmap(const_cast<char*>(data_), size_);
  fallback_ = std::move(o.fallback_);
  mapped_ = o.mapped_;
  size_ = o.size_;
  data_ = mapped_ ? o.data_ : (fallback_.empty() ? "" : fallback_.data());
  o.mapped_ = false;
  o.data_ = "";
  o.size_ = 0;
  return *this;
}

MappedFile::~MappedFile() {
  if (mapped_) ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace unveil
