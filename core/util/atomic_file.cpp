#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <random>
#include <streambuf>
#include <system_error>
#include <vector>

namespace unveil {
namespace {

// Room for ".", the name, ".tmp-" and 16 hex digits within NAME_MAX (255 bytes).
constexpr std::size_t kMaxBaseInTempName = 200;

std::uint64_t random_64() {
  std::uint64_t v = 0;
  if (::getrandom(&v, sizeof v, GRND_NONBLOCK) == static_cast<ssize_t>(sizeof v)) return v;
  std::random_device rd;
  return (std::uint64_t{rd()} << 32) ^ rd();
}

std::string random_temp_name(const std::string& base) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t v = random_64();
  std::string hex(16, '0');
  for (auto it = hex.rbegin(); it != hex.rend(); ++it, v >>= 4)
    *it = kHex[v & 15];
  return "." + base.substr(0, kMaxBaseInTempName) + ".tmp-" + hex;
}

}  // namespace

std::string os_error_text(int err) {
  switch (err) {
    case ENOSPC:
      return "no space left on the device";
    case EDQUOT:
      return "the disk quota is used up";
    case EACCES:
      return "permission denied";
    case EPERM:
      return "operation not permitted";
    case EROFS:
      return "the file system is read-only";
    case ENOENT:
      return "no such file or folder";
    case ENOTDIR:
      return "a part of the path is not a folder";
    case EISDIR:
      return "it is a folder";
    case ENAMETOOLONG:
      return "the name is too long";
    case EIO:
      return "an input/output error on the device";
    case EFBIG:
      return "the file is too large for the file system";
    case EEXIST:
      return "the name is taken";
    case ELOOP:
      return "a symbolic link where none may be";
    case EMFILE:
    case ENFILE:
      return "too many open files";
    default: {
      std::string s = std::generic_category().message(err);
      if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
      return s;
    }
  }
}

// A buffered stream buffer over State::write; the buffer is made on first use (most writes go
// through write() alone).
template <typename Sink>
class AtomicStreamBuf : public std::streambuf {
 public:
  explicit AtomicStreamBuf(Sink* sink) : sink_(sink) {}

 protected:
  int_type overflow(int_type ch) override {
    flush_buffer();
    if (buf_.empty()) {
      buf_.resize(std::size_t{1} << 16);
      setp(buf_.data(), buf_.data() + buf_.size());
    }
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override {
    flush_buffer();
    return 0;
  }

 private:
  void flush_buffer() {
    const auto n = static_cast<std::size_t>(pptr() - pbase());
    if (n > 0) sink_->write(std::string_view(pbase(), n));
    setp(buf_.data(), buf_.data() + buf_.size());
  }
  Sink* sink_;
  std::vector<char> buf_;
};

struct AtomicFileWriter::State {
  std::filesystem::path file, dir;
  std::string base, what, temp;
  AtomicWriteOptions options;
  int dir_fd = -1, fd = -1;
  bool temp_exists = false;
  std::string failed;  // the first failure, in words; empty while all is well
  AtomicStreamBuf<State> buf{this};
  std::ostream os{&buf};

  // Writes all of `bytes`; the first failure is kept and later writes do nothing.
  void write(std::string_view bytes) {
    if (!failed.empty() || fd < 0) return;
    while (!bytes.empty()) {
      const std::size_t chunk = std::min<std::size_t>(bytes.size(), std::size_t{1} << 30);
      const ssize_t n = ::write(fd, bytes.data(), chunk);
      if (n < 0) {
        const int e = errno;
        if (e == EINTR) continue;
        failed = "writing to the temporary file " + temp + " failed: " + os_error_text(e);
        return;
      }
      if (n == 0) {
        failed = "writing to the temporary file " + temp + " made no progress";
        return;
      }
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  Error error(const std::string& why) const {
    return Error{file.string() + ": cannot write " + what + " (" + why + ")"};
  }
  // Closes and removes the temporary file (after a failure, or when never committed).
  void discard() {
    if (fd >= 0) ::close(fd);
    fd = -1;
    if (temp_exists) ::unlinkat(dir_fd, temp.c_str(), 0);
    temp_exists = false;
  }
  ~State() {
    discard();
    if (dir_fd >= 0) ::close(dir_fd);
  }
};

AtomicFileWriter::AtomicFileWriter(std::unique_ptr<State> s) : s_(std::move(s)) {}
AtomicFileWriter::AtomicFileWriter(AtomicFileWriter&&) noexcept = default;
AtomicFileWriter& AtomicFileWriter::operator=(AtomicFileWriter&&) noexcept = default;
AtomicFileWriter::~AtomicFileWriter() = default;

Result<AtomicFileWriter> AtomicFileWriter::create(const std::filesystem::path& file,
                                                  std::string_view what,
                                                  const AtomicWriteOptions& options) {
  auto s = std::make_unique<State>();
  s->file = file;
  s->what = std::string(what);
  s->options = options;
  s->dir = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  s->base = file.filename().string();
  if (s->base.empty() || s->base == "." || s->base == "..") {
    return s->error("the path names a folder, not a file");
  }
  s->dir_fd = ::open(s->dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (s->dir_fd < 0) {
    const int e = errno;
    return s->error(e == ENOENT
                        ? "the folder " + s->dir.string() + " does not exist"
                        : "cannot open the folder " + s->dir.string() + ": " + os_error_text(e));
  }
  // A file that is replaced keeps its permissions; a new one gets 0666 less the umask.
  struct stat old {};
  const bool replaces =
      ::fstatat(s->dir_fd, s->base.c_str(), &old, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(old.st_mode);
  for (int attempt = 0; attempt < kAtomicWriteAttempts && s->fd < 0; ++attempt) {
    s->temp = options.temp_name ? options.temp_name(attempt) : random_temp_name(s->base);
    // O_EXCL: never an existing file, and never through a link planted at the name (a dangling
    // one included); O_NOFOLLOW says the same for the last component.
    s->fd = ::openat(s->dir_fd, s->temp.c_str(),
                     O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (s->fd >= 0) break;
    const int e = errno;
    if (e == EEXIST || e == EINTR) continue;
    return s->error("cannot create a temporary file in " + s->dir.string() + ": " +
                    os_error_text(e));
  }
  if (s->fd < 0) {
    return s->error("cannot create a temporary file in " + s->dir.string() + ": " +
                    std::to_string(kAtomicWriteAttempts) + " names in a row were taken");
  }
  s->temp_exists = true;
  if (replaces) (void)::fchmod(s->fd, old.st_mode & 07777);
  return AtomicFileWriter(std::move(s));
}

void AtomicFileWriter::write(std::string_view bytes) {
  s_->os.flush();  // what went through stream() comes first
  s_->write(bytes);
}

std::ostream& AtomicFileWriter::stream() {
  return s_->os;
}

std::filesystem::path AtomicFileWriter::temp_path() const {
  return s_->dir / s_->temp;
}

Status AtomicFileWriter::commit() {
  State& s = *s_;
  if (s.fd < 0) return s.error(s.failed.empty() ? "already written" : s.failed);
  s.os.flush();
  const auto fail = [&](std::string why) {
    s.discard();
    s.failed = why;
    return s.error(why);
  };
  if (!s.failed.empty()) return fail(s.failed);
  if (s.options.sync) {
    int r;
    while ((r = ::fsync(s.fd)) != 0 && errno == EINTR) {
    }
    if (r != 0) return fail("saving it to the device failed: " + os_error_text(errno));
  }
  const int fd = s.fd;
  s.fd = -1;
  if (::close(fd) != 0 && errno != EINTR) {
    return fail("closing the temporary file " + s.temp + " failed: " + os_error_text(errno));
  }
  if (::renameat(s.dir_fd, s.temp.c_str(), s.dir_fd, s.base.c_str()) != 0) {
    return fail("cannot move it into place: " + os_error_text(errno));
  }
  s.temp_exists = false;
  if (s.options.sync && ::fsync(s.dir_fd) != 0 && errno != EINVAL && errno != EROFS) {
    // The file is complete and in place; only the folder's record of it may not be on disk yet.
    s.failed = "it is in place, but saving its folder " + s.dir.string() +
               " to the device failed: " + os_error_text(errno);
    return s.error(s.failed);
  }
  return ok_status();
}

Status write_file_atomically(const std::filesystem::path& file, std::string_view bytes,
                             std::string_view what, const AtomicWriteOptions& options) {
  auto w = AtomicFileWriter::create(file, what, options);
  if (!w) return w.error();
  w->write(bytes);
  return w->commit();
}

}  // namespace unveil
