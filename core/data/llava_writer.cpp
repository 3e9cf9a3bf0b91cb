#include <nlohmann/json.hpp>

#include "data/readers.h"
#include "util/atomic_file.h"

namespace unveil::data {
namespace {

// File extension for embedded bytes, from their signature.
std::string extension_of(const std::string& bytes) {
  if (bytes.rfind("\x89PNG", 0) == 0) return ".png";
  if (bytes.rfind("\xFF\xD8", 0) == 0) return ".jpg";
  if (bytes.rfind("GIF8", 0) == 0) return ".gif";
  if (bytes.rfind("BM", 0) == 0) return ".bmp";
  if (bytes.size() > 12 && bytes.compare(8, 4, "WEBP") == 0) return ".webp";
  return ".bin";
}

std::string safe_file_name(const std::string& id) {
  std::string s;
  for (char c : id) {
    s.push_back(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_');
  }
  return s.empty() ? "item" : s;
}

}  // namespace

std::string human_turn(const Item& item) {
  std::string s;
  if (!item.image.empty()) s += "<image>\n";
  if (!item.hint.empty()) s += item.hint + "\n";
  s += item.question;
  for (const Option& o : item.options)
    s += std::string("\n") + o.letter + ". " + o.text;
  return s;
}

Status write_llava_json(const std::filesystem::path& file, const Dataset& dataset,
                        const std::string& image_dir) {
  namespace fs = std::filesystem;
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  const fs::path dir = file.parent_path();
  // Many images: no fsync each; the JSON that names them is synced.
  AtomicWriteOptions unsynced;
  unsynced.sync = false;
  for (std::size_t i = 0; i < dataset.items.size(); ++i) {
    const Item& item = dataset.items[i];
    nlohmann::ordered_json j;
    j["id"] = item.id;
    if (item.image.kind == ImageRef::Kind::kFile) {
      j["image"] = item.image.path;
    } else if (item.image.kind == ImageRef::Kind::kEmbedded) {
      const std::string rel = image_dir + "/" + std::to_string(i) + "_" + safe_file_name(item.id) +
                              extension_of(item.image.bytes);
      std::error_code ec;
      fs::create_directories(dir / image_dir, ec);
      if (auto st = write_file_atomically(dir / rel, item.image.bytes, "the image", unsynced); !st)
        return st.error();
      j["image"] = rel;
    }
    j["conversations"] = {
        {{"from", "human"}, {"value", human_turn(item)}},
        {{"from", "gpt"}, {"value", item.answer >= 0 ? std::string(1, item.answer_letter()) : ""}}};
    if (!item.hint.empty()) j["hint"] = item.hint;
    if (!item.category.empty()) j["category"] = item.category;
    if (!item.split.empty()) j["split"] = item.split;
    out.push_back(std::move(j));
  }
  return write_file_atomically(file, out.dump(1) + "\n", "the dataset");
}

}  // namespace unveil::data
