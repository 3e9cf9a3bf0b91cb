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

}  // namespace unveil::data
