// Reading a dataset file of any supported format: the choice among the readers of readers.h, by
// the format given or, for DatasetFormat::kAuto, by the file's extension and content.
#pragma once

#include <filesystem>
#include <optional>

#include "data/dataset_format.h"
#include "data/item.h"
#include "data/readers.h"
#include "util/result.h"

namespace unveil::data {

/// Chooses the reader by format (auto: by extension and content).
Result<Dataset> read_dataset(const std::filesystem::path& file, DatasetFormat format,
                             const ReadOptions& options = {},
                             const std::optional<std::filesystem::path>& answers = std::nullopt);

}  // namespace unveil::data
