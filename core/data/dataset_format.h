#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace unveil::data {

enum class DatasetFormat { kAuto, kLlavaJson, kLlavaQuestionsJsonl, kMmbenchTsv };

std::optional<DatasetFormat> parse_dataset_format(std::string_view name);
const char* to_string(DatasetFormat f);
/// By extension: .json -> LLaVA JSON, .jsonl -> questions JSONL, .tsv -> MMBench.
DatasetFormat guess_format(const std::filesystem::path& file);
/// A file that holds a model's answers rather than a dataset: a TSV whose header has a
/// "prediction" column (a VLMEvalKit prediction file). The reason to refuse reading it as a
/// dataset, naming the command that imports it; "" for any other file.
std::string predictions_not_dataset(const std::filesystem::path& file);

}  // namespace unveil::data
