#include "data/read_dataset.h"

#include <string>

namespace unveil::data {

Result<Dataset> read_dataset(const std::filesystem::path& file, DatasetFormat format,
                             const ReadOptions& options,
                             const std::optional<std::filesystem::path>& answers) {
  if (format == DatasetFormat::kAuto) {
    // A tool's prediction file (a `prediction` column) is never read as a dataset by accident.
    if (std::string why = predictions_not_dataset(file); !why.empty()) return Error{why};
    format = guess_format(file);
  }
  switch (format) {
    case DatasetFormat::kLlavaQuestionsJsonl:
      return read_llava_questions_jsonl(file, answers, options);
    case DatasetFormat::kMmbenchTsv:
      return read_mmbench_tsv(file, options);
    default:
      return read_llava_json(file, options);
  }
}

}  // namespace unveil::data
