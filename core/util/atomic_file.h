// Writing a whole file so that no reader ever sees half of it and a failed write leaves the
// file that was there before.
#pragma once

#include <filesystem>
#include <string_view>

#include "util/result.h"

namespace unveil {

/// Writes `bytes` to a unique temporary name next to `file`, then renames it over `file`
/// (rename(2) is atomic and replaces an existing file). Errors name the file and `what` it holds
/// ("the report", "a thumbnail"); the temporary file is removed on failure.
Status write_file_atomically(const std::filesystem::path& file, std::string_view bytes,
                             std::string_view what);

}  // namespace unveil
