#include "util/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

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

std::string random_hex() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t v = random_64();
  std::string hex(16, '0');
  for (auto it = hex.rbegin(); it != hex.rend(); ++it, v >>= 4)
    *it = kHex[v & 15];
  return hex;
}

std::string random_temp_name(const std::string& base) {
  return "." + base.substr(0, kMaxBaseInTempName) + ".tmp-" + random_hex();
}

// renameat2 within one folder: RENAME_EXCHANGE (2) trades two names at once, RENAME_NOREPLACE (1)
// refuses an existing target. ENOSYS where the system has neither.
constexpr unsigned kRenameNoReplace = 1, kRenameExchange = 2;
int rename2(int dir_fd, const std::string& from, const std::string& to, unsigned flags) {
#if defined(__linux__) && defined(SYS_renameat2)
  return static_cast<int>(
      ::syscall(SYS_renameat2, dir_fd, from.c_str(), dir_fd, to.c_str(), flags));
#else
  (void)dir_fd, (void)from, (void)to, (void)flags;
  errno = ENOSYS;
  return -1;
#endif
}

bool process_alive(long pid) {
  return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

// The process id in a temporary folder's name PREFIX + PID + "-" + 16 hex digits; 0 when the name
// is not one.
long staging_pid(const std::string& entry, const std::string& prefix) {
  if (entry.size() <= prefix.size() || entry.compare(0, prefix.size(), prefix) != 0) return 0;
  const std::string_view rest = std::string_view(entry).substr(prefix.size());
  const auto dash = rest.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 9) return 0;
  long pid = 0;
  for (char c : rest.substr(0, dash)) {
    if (c < '0' || c > '9') return 0;
    pid = pid * 10 + (c - '0');
  }
  const std::string_view hex = rest.substr(dash + 1);
  if (hex.size() != 16) return 0;
  for (char c : hex) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return 0;
  }
  return pid;
}

// Marks a folder as a StagedFolder's temporary one (an existing mark is kept).
void mark_staging(const std::filesystem::path& dir) {
  const int fd = ::open((dir / kStagingMark).c_str(),
                        O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);
}

// Removes a temporary folder: everything in it but its mark first and the mark last, so that a
// removal cut short by a kill leaves a folder still marked as a leftover. Links are removed, never
// followed.
void remove_staged(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> entries;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    if (it->path().filename() != kStagingMark) entries.push_back(it->path());
  }
  for (const auto& e : entries) {
    std::error_code ignored;
    fs::remove_all(e, ignored);
  }
  fs::remove(dir / kStagingMark, ec);
  fs::remove(dir, ec);
}

void sync_folder(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
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

bool AtomicFileWriter::temp_is_ours() const {
  struct stat mine {
  }, named{};
  return s_->fd >= 0 && ::fstat(s_->fd, &mine) == 0 &&
         ::fstatat(s_->dir_fd, s_->temp.c_str(), &named, AT_SYMLINK_NOFOLLOW) == 0 &&
         S_ISREG(named.st_mode) && mine.st_dev == named.st_dev && mine.st_ino == named.st_ino;
}

Status AtomicFileWriter::commit() {
  State& s = *s_;
  if (s.fd < 0) return s.error(s.failed.empty() ? "already written" : s.failed);
  s.os.flush();
  // A copy: the caller passes s.failed itself, which this assigns.
  const auto fail = [&](std::string why) {  // NOLINT(performance-unnecessary-value-param)
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

struct StagedFolder::State {
  std::filesystem::path target, parent, path;
  std::string name, what, prefix, temp;  // temp: the temporary folder's name in parent
  int parent_fd = -1;
  bool committed = false;
  bool kept = false;     // left in place for a later build to go on with
  bool resumed = false;  // taken up from an earlier build

  Error error(const std::string& why) const {
    return Error{target.string() + ": cannot write the " + what + " (" + why + ")"};
  }
  ~State() {
    if (!committed && !kept && !temp.empty()) remove_staged(path);
    if (parent_fd >= 0) ::close(parent_fd);
  }
};

StagedFolder::StagedFolder(std::unique_ptr<State> s) : s_(std::move(s)) {}
StagedFolder::StagedFolder(StagedFolder&&) noexcept = default;
StagedFolder& StagedFolder::operator=(StagedFolder&&) noexcept = default;
StagedFolder::~StagedFolder() = default;

const std::filesystem::path& StagedFolder::path() const {
  return s_->path;
}
const std::filesystem::path& StagedFolder::target() const {
  return s_->target;
}

Result<StagedFolder> StagedFolder::create(const std::filesystem::path& target,
                                          std::string_view what, const Replaceable& replaceable,
                                          const Replaceable& resumable) {
  namespace fs = std::filesystem;
  auto s = std::make_unique<State>();
  s->what = std::string(what);
  std::error_code ec;
  fs::path t = fs::absolute(target, ec).lexically_normal();
  if (ec) t = target;
  if (!t.has_filename() && t.has_parent_path()) t = t.parent_path();  // "DIR/"
  s->target = t;
  s->name = t.filename().string();
  if (s->name.empty() || s->name == "." || s->name == ".." || t == t.root_path()) {
    return s->error("the path names no folder that can be made");
  }
  s->parent = t.parent_path();
  fs::create_directories(s->parent, ec);
  if (ec) {
    return s->error("cannot create the folder " + s->parent.string() + ": " +
                    os_error_text(ec.value()));
  }
  s->parent_fd = ::open(s->parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (s->parent_fd < 0) {
    return s->error("cannot open the folder " + s->parent.string() + ": " + os_error_text(errno));
  }
  struct stat st {};
  if (::fstatat(s->parent_fd, s->name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
    if (S_ISLNK(st.st_mode)) {
      return Error{t.string() +
                   " is a symbolic link: give the folder it points to (nothing was changed)"};
    }
    if (!S_ISDIR(st.st_mode)) {
      return Error{t.string() + " exists and is not a folder (nothing was changed)"};
    }
    if (!fs::is_empty(t, ec) && (ec || !replaceable || !replaceable(t))) {
      return Error{t.string() + ": the folder is not empty and does not hold an earlier " +
                   s->what + "; give an empty or a new folder (nothing was changed)"};
    }
  } else if (errno != ENOENT) {
    return s->error("cannot look at it: " + os_error_text(errno));
  }

  // Leftovers of killed processes for the same target: removed when they are plainly ours.
  s->prefix = "." + s->name.substr(0, kMaxBaseInTempName) + ".staging-";
  // With `resumable`, one an earlier build of this process kept is looked at too, and the first
  // that `resumable` accepts is taken up instead.
  std::vector<fs::path> stale;
  std::string adopt;
  for (auto it = fs::directory_iterator(s->parent, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    const long pid = staging_pid(entry, s->prefix);
    if (pid == 0) continue;
    const bool ours = pid == static_cast<long>(::getpid());
    if (ours ? !resumable : process_alive(pid)) continue;
    struct stat e {};
    if (::fstatat(s->parent_fd, entry.c_str(), &e, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(e.st_mode))
      continue;
    std::error_code ec2;
    const bool marked = fs::exists(it->path() / kStagingMark, ec2);
    if (adopt.empty() && marked && resumable && resumable(it->path())) {
      adopt = entry;
      continue;
    }
    if (fs::is_empty(it->path(), ec2) || marked || (replaceable && replaceable(it->path()))) {
      stale.push_back(it->path());
    }
  }
  for (const auto& p : stale)
    remove_staged(p);
  if (!adopt.empty()) {
    s->temp = adopt;
    s->path = s->parent / s->temp;
    s->resumed = true;
    return StagedFolder(std::move(s));
  }

  for (int attempt = 0; attempt < kAtomicWriteAttempts && s->temp.empty(); ++attempt) {
    const std::string name = s->prefix + std::to_string(::getpid()) + "-" + random_hex();
    if (::mkdirat(s->parent_fd, name.c_str(), 0777) == 0) {
      s->temp = name;
      break;
    }
    const int e = errno;
    if (e == EEXIST || e == EINTR) continue;
    return s->error("cannot create a temporary folder in " + s->parent.string() + ": " +
                    os_error_text(e));
  }
  if (s->temp.empty()) {
    return s->error("cannot create a temporary folder in " + s->parent.string() + ": " +
                    std::to_string(kAtomicWriteAttempts) + " names in a row were taken");
  }
  s->path = s->parent / s->temp;
  mark_staging(s->path);
  return StagedFolder(std::move(s));
}

bool StagedFolder::resumed() const {
  return s_->resumed;
}

void StagedFolder::keep() {
  s_->kept = true;
}

Status StagedFolder::commit() {
  State& s = *s_;
  if (s.committed) return s.error("it is in place already");
  // The finished folder goes in unmarked; a kill from here on leaves a folder `replaceable`
  // accepts (a finished build) under the temporary name.
  ::unlinkat(s.parent_fd, (s.temp + "/" + kStagingMark).c_str(), 0);
  sync_folder(s.path);
  struct stat st {};
  std::string old;  // the name the old target has once the new folder is in place
  if (::fstatat(s.parent_fd, s.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
    if (!S_ISDIR(st.st_mode)) return s.error(s.target.string() + " is no longer a folder");
    if (rename2(s.parent_fd, s.temp, s.name, kRenameExchange) == 0) {
      old = s.temp;
    } else if (errno == EINVAL || errno == ENOSYS) {
      // No exchange here: the old folder is moved aside first (a kill between the two steps
      // leaves no folder at the target and the old one under a temporary name).
      const std::string aside = s.prefix + std::to_string(::getpid()) + "-" + random_hex();
      if (::renameat(s.parent_fd, s.name.c_str(), s.parent_fd, aside.c_str()) != 0) {
        return s.error("cannot move the old folder aside: " + os_error_text(errno));
      }
      if (::renameat(s.parent_fd, s.temp.c_str(), s.parent_fd, s.name.c_str()) != 0) {
        const int e = errno;
        (void)::renameat(s.parent_fd, aside.c_str(), s.parent_fd, s.name.c_str());
        return s.error("cannot move it into place: " + os_error_text(e));
      }
      old = aside;
    } else {
      return s.error("cannot move it into place: " + os_error_text(errno));
    }
  } else if (rename2(s.parent_fd, s.temp, s.name, kRenameNoReplace) != 0) {
    const int e = errno;
    if ((e != EINVAL && e != ENOSYS) ||
        ::renameat(s.parent_fd, s.temp.c_str(), s.parent_fd, s.name.c_str()) != 0) {
      return s.error("cannot move it into place: " +
                     os_error_text(e == EINVAL || e == ENOSYS ? errno : e));
    }
  }
  s.committed = true;
  (void)::fsync(s.parent_fd);
  if (!old.empty()) {
    mark_staging(s.parent / old);
    remove_staged(s.parent / old);
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
