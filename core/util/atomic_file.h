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

  /// The temporary file's path (for tests).
  std::filesystem::path temp_path() const;

 private:
  struct State;
  explicit AtomicFileWriter(std::unique_ptr<State> s);
  std::unique_ptr<State> s_;
};

/// Writes `bytes` to `file` through an AtomicFileWriter. Errors read "FILE: cannot write WHAT
/// (REASON)", REASON naming the step and the system's reason ("no space left on the device").
Status write_file_atomically(const std::filesystem::path& file, std::string_view bytes,
                             std::string_view what, const AtomicWriteOptions& options = {});

/// A system error number in words for messages: "no space left on the device", "permission
/// denied", ...
std::string os_error_text(int err);

}  // namespace unveil
