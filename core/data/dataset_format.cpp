#include "data/dataset_format.h"

namespace unveil::data {

std::optional<DatasetFormat> parse_dataset_format(std::string_view name) {
  if (name == "auto") return DatasetFormat::kAuto;
  if (name == "llava") return DatasetFormat::kLlavaJson;
  if (name == "llava-questions") return DatasetFormat::kLlavaQuestionsJsonl;
  if (name == "mmbench") return DatasetFormat::kMmbenchTsv;
  return std::nullopt;
}

const char* to_string(DatasetFormat f) {
  switch (f) {
    case DatasetFormat::kAuto:
      return "auto";
    case DatasetFormat::kLlavaJson:
      return "llava";
    case DatasetFormat::kLlavaQuestionsJsonl:
      return "llava-questions";
    case DatasetFormat::kMmbenchTsv:
      return "mmbench";
  }
  return "auto";
}

DatasetFormat guess_format(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".jsonl") return DatasetFormat::kLlavaQuestionsJsonl;
  if (ext == ".tsv") return DatasetFormat::kMmbenchTsv;
  return DatasetFormat::kLlavaJson;
}

}  // namespace unveil::data
