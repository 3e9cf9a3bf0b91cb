// Writing a whole file so that no reader ever sees half of it, a failed write leaves the file that
// was there before, and nothing planted beside it (a link at a guessable name) is ever followed.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "util/result.h"

namespace unveil {

struct AtomicWriteOptions {
  /// fsync the file before it is renamed into place, and its folder after. False only for many
  /// small files that can be made again (a demo world's images, thumbnails): a crash may then
  /// leave them empty, never half-written under their name.
  bool sync = true;
  /// The temporary file's name for attempt 0, 1, ... (tests plant files at it); empty: a random
  /// name of 64 bits from the system's generator.
  std::function<std::string(int attempt)> temp_name;
};

/// How many names are tried for the temporary file before giving up (each taken one: EEXIST).
inline constexpr int kAtomicWriteAttempts = 8;

/// A file being written: created as a new temporary file in the target's folder (O_CREAT|O_EXCL|
/// O_NOFOLLOW|O_CLOEXEC, mode 0666 less the umask, or the mode of the file it replaces), written
/// through stream(), and moved over the target by commit(). Destroyed without commit(), or when
/// commit() fails, it removes the temporary file and the target is left as it was.
class AtomicFileWriter {
 public:
  /// Creates the temporary file. `what` names the content in messages ("the report").
  static Result<AtomicFileWriter> create(const std::filesystem::path& file, std::string_view what,
                                         const AtomicWriteOptions& options = {});

  AtomicFileWriter(AtomicFileWriter&&) noexcept;
  AtomicFileWriter& operator=(AtomicFileWriter&&) noexcept;
  ~AtomicFileWriter();

  /// Writes all of `bytes` (short writes and EINTR are retried). After a failure every later
  /// write does nothing and commit() reports the failure.
  void write(std::string_view bytes);
  /// A buffered stream over write(); commit() flushes it.
  std::ostream& stream();
  /// Flushes, fsyncs (options.sync), closes, renames over the target and fsyncs the folder.
  Status commit();

  /// The temporary file's path (for tests, and for writers such as SQLite that open it by name).
  std::filesystem::path temp_path() const;
  /// Whether temp_path() still names the file this writer made (a regular file, not replaced by
  /// another file or a link), for writers that open it by name.
  bool temp_is_ours() const;

 private:
  struct State;
  explicit AtomicFileWriter(std::unique_ptr<State> s);
  std::unique_ptr<State> s_;
};

/// Writes `bytes` to `file` through an AtomicFileWriter. Errors read "FILE: cannot write WHAT
/// (REASON)", REASON naming the step and the system's reason ("no space left on the device").
Status write_file_atomically(const std::filesystem::path& file, std::string_view bytes,
                             std::string_view what, const AtomicWriteOptions& options = {});

/// A folder built whole under a temporary name beside its target and put in place when complete,
/// so that a kill at any moment leaves the target as it was or the finished folder, never a mix of
/// the two. The temporary folder is `.NAME.staging-PID-RANDOM` in the target's parent, made by
/// mkdir (which never takes an existing name); on Linux the finished folder and an old target
/// trade places in one atomic step (renameat2 RENAME_EXCHANGE), and the old one is then removed.
class StagedFolder {
 public:
  /// Says whether an existing folder is an earlier build of the same kind, which a new one may
  /// replace (and whose leftovers may be removed).
  using Replaceable = std::function<bool(const std::filesystem::path&)>;

  /// Makes the temporary folder (and the target's parent when missing). A target that is not a
  /// folder (a file, a symbolic link) is refused, and so is a folder that is neither empty nor
  /// `replaceable`: nothing is changed then. Temporary folders of the same target left by killed
  /// processes are removed first, when empty, marked as temporary, or replaceable. `what` names
  /// the content in messages, without an article ("demo").
  /// With `resumable`: a temporary folder of the same target left by an earlier build (stopped
  /// or killed, in this process or another that is gone) that `resumable` accepts is taken up
  /// again, with what is in it, instead of being removed.
  static Result<StagedFolder> create(const std::filesystem::path& target, std::string_view what,
                                     const Replaceable& replaceable,
                                     const Replaceable& resumable = {});

  StagedFolder(StagedFolder&&) noexcept;
  StagedFolder& operator=(StagedFolder&&) noexcept;
  ~StagedFolder();  ///< removes the temporary folder and what is in it, unless committed

  /// The temporary folder, absolute: build here.
  const std::filesystem::path& path() const;
  /// The target, absolute and without "." or ".." parts.
  const std::filesystem::path& target() const;
  /// Puts the temporary folder in place of the target, then removes the old target. Where the
  /// system cannot exchange two folders at once, the old one is first moved aside.
  Status commit();
  /// Whether create() took up an earlier build's folder.
  bool resumed() const;
  /// Leaves the temporary folder (still marked as one) when this object goes away uncommitted,
  /// for a later create() with `resumable` to go on with.
  void keep();

 private:
  struct State;
  explicit StagedFolder(std::unique_ptr<State> s);
  std::unique_ptr<State> s_;
};

/// The file that marks a StagedFolder's temporary folder as one (for the removal of leftovers).
inline constexpr const char* kStagingMark = ".unveil-staging";

/// A system error number in words for messages: "no space left on the device", "permission
/// denied", ...
std::string os_error_text(int err);

}  // namespace unveil
