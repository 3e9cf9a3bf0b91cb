#include "data/dataset_format.h"

#include <algorithm>
#include <cctype>
#include <fstream>

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

std::string predictions_not_dataset(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  for (char& c : ext)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != ".tsv") return {};
  std::ifstream in(file, std::ios::binary);
  std::string header;
  if (!in || !std::getline(in, header)) return {};
  // The header's fields, unquoted as pandas quotes them.
  std::size_t start = 0;
  while (start <= header.size()) {
    const std::size_t end = std::min(header.find('\t', start), header.size());
    std::string f = header.substr(start, end - start);
    while (!f.empty() && (f.back() == '\r' || f.back() == ' ' || f.back() == '"'))
      f.pop_back();
    while (!f.empty() && (f.front() == ' ' || f.front() == '"' || f.front() == '\xEF' ||
                          f.front() == '\xBB' || f.front() == '\xBF'))
      f.erase(0, 1);
    for (char& c : f)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (f == "prediction") {
      return file.string() +
             ": this TSV has a \"prediction\" column: it is a VLMEvalKit prediction file (a "
             "model's answers), not a dataset; import it as a run with `unveil-cli "
             "import-predictions " +
             file.string() +
             " --db FILE --dataset NAME --name RUN`, or give --dataset-format mmbench to read its "
             "questions as a dataset";
    }
    start = end + 1;
  }
  return {};
}

}  // namespace unveil::data
