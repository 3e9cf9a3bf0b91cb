#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "data/read_dataset.h"
#include "data/readers.h"

namespace unveil::cli {
namespace {
constexpr const char* kUsageText =
    "unveil-cli inspect DATASET [--images DIR] [--answers ANSWERS.jsonl] "
    "[--dataset-format auto|llava|llava-questions|mmbench] [--idk-phrases \"A;B\"] [--format "
    "json|text]";
}

int cmd_inspect(std::span<const std::string> argv, Io io) {
  auto args = parse_args(
      argv, {"--images", "--answers", "--dataset-format", "--format", "--idk-phrases"}, {});
  if (!args) return usage_error(io, args.error().message, kUsageText);
  const Args& a = *args;
  if (a.positional.size() != 1)
    return usage_error(io, "inspect needs exactly one dataset file", kUsageText);
  auto json = wants_json(a);
  if (!json) return usage_error(io, json.error().message, kUsageText);
  auto da = dataset_args(a);
  if (!da) return usage_error(io, da.error().message, kUsageText);
  auto ds = data::read_dataset(a.positional[0], da->format, da->options, da->answers);
  if (!ds) return input_error(io, ds.error().message);
  // Reading checks that each image file exists; decoding it is the only way to know that it is
  // whole.
  const std::size_t skipped = ds->problems.size();
  std::vector<data::Problem> image_problems = data::check_images_decode(*ds);
  const std::size_t undecodable = image_problems.size();
  ds->problems.insert(ds->problems.end(), std::make_move_iterator(image_problems.begin()),
                      std::make_move_iterator(image_problems.end()));

  std::map<std::string, std::size_t> by_split, by_category;
  std::map<std::string, std::size_t> letters;
  std::size_t idk_questions = 0, with_idk_option = 0, with_image = 0, no_answer = 0;
  for (const auto& item : ds->items) {
    ++by_split[item.split.empty() ? "(none)" : item.split];
    ++by_category[item.category.empty() ? "(none)" : item.category];
    if (item.answer >= 0) {
      ++letters[std::string(1, item.answer_letter())];
    } else {
      ++no_answer;
    }
    if (item.idk_index >= 0) ++with_idk_option;
    if (item.is_idk_question()) ++idk_questions;
    if (!item.image.empty()) ++with_image;
  }
  const std::size_t n = ds->items.size();
  const double idk_share = n ? static_cast<double>(idk_questions) / static_cast<double>(n) : 0.0;
  if (*json) {
    nlohmann::ordered_json j;
    j["file"] = a.positional[0];
    j["items"] = n;
    j["skipped"] = skipped;
    j["undecodable_images"] = undecodable;
    j["with_image"] = with_image;
    j["with_idk_option"] = with_idk_option;
    j["idk_questions"] = idk_questions;
    j["idk_share"] = idk_share;
    j["without_answer"] = no_answer;
    j["splits"] = by_split;
    j["categories"] = by_category;
    j["answer_letters"] = letters;
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const auto& p : ds->problems) {
      problems.push_back({{"file", p.file}, {"where", p.where}, {"message", p.message}});
    }
    j["problems"] = problems;
    io.out << j.dump(2) << "\n";
    return kOk;
  }
  io.out << a.positional[0] << ": " << n << " items read, " << skipped << " skipped\n";
  io.out << "  with an image: " << with_image
         << ", with an \"I don't know\" option: " << with_idk_option
         << ", IDK questions: " << idk_questions << " ("
         << static_cast<int>(idk_share * 1000 + 0.5) / 10.0 << "%)\n";
  if (no_answer) io.out << "  without a gold answer: " << no_answer << "\n";
  if (undecodable) io.out << "  images that cannot be decoded: " << undecodable << "\n";
  io.out << "splits:\n";
  for (const auto& [k, v] : by_split)
    io.out << "  " << k << ": " << v << "\n";
  io.out << "categories:\n";
  for (const auto& [k, v] : by_category)
    io.out << "  " << k << ": " << v << "\n";
  io.out << "answer letters:\n ";
  for (const auto& [k, v] : letters)
    io.out << " " << k << "=" << v;
  io.out << "\n";
  if (!ds->problems.empty()) {
    io.out << "problems:\n";
    for (const auto& p : ds->problems)
      io.out << "  " << p.to_string() << "\n";
  }
  return kOk;
}

}  // namespace unveil::cli
