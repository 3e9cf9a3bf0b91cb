#include "report/failure_cases.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "data/image.h"

namespace unveil::report {
namespace {

// The image scaled to fit thumbnail_side, as JPEG, or the reason it cannot be shown.
Status add_thumbnail(FailureCase& c, const data::ImageRef& ref, const std::filesystem::path& root,
                     int thumbnail_side) {
  auto image = data::load_image(ref, root);
  if (!image) return image.error();
  const data::RgbImage small = data::fit_within(*image, thumbnail_side);
  auto jpeg = data::encode_jpeg(small, 85);
  if (!jpeg) return jpeg.error();
  c.thumbnail_jpeg = std::move(*jpeg);
  c.thumbnail_width = small.width;
  c.thumbnail_height = small.height;
  return ok_status();
}

std::vector<data::Option> letters_only(std::string_view letters, std::size_t n) {
  std::vector<data::Option> out;
  for (std::size_t k = 0; k < n; ++k)
    out.push_back({k < letters.size() ? letters[k] : static_cast<char>('A' + k), {}});
  return out;
}

void add_item(FailureCase& c, const data::Item& item, const std::filesystem::path& root,
              int thumbnail_side) {
  c.question = item.hint.empty() ? item.question : item.hint + "\n" + item.question;
  if (item.options.size() == c.probabilities.size()) c.options = item.options;
  if (item.image.empty()) return;
  if (auto s = add_thumbnail(c, item.image, root, thumbnail_side); !s)
    c.image_problem = s.error().message;
}

}  // namespace

std::vector<std::size_t> worst_failures(const calib::Outcomes& o, std::size_t n) {
  std::vector<std::size_t> wrong;
  for (std::size_t i = 0; i < o.size(); ++i)
    if (!o.correct[i]) wrong.push_back(i);
  std::stable_sort(wrong.begin(), wrong.end(),
                   [&](std::size_t a, std::size_t b) { return o.confidence[a] > o.confidence[b]; });
  if (wrong.size() > n) wrong.resize(n);
  return wrong;
}

std::vector<FailureCase> failure_cases(const calib::PredictionSet& set, const calib::Outcomes& o,
                                       const std::vector<std::size_t>& positions,
                                       const std::vector<data::Item>& items,
                                       const std::filesystem::path& image_root,
                                       int thumbnail_side) {
  std::unordered_map<std::string_view, const data::Item*> by_id;
  for (const auto& item : items)
    by_id.emplace(item.id, &item);
  std::vector<FailureCase> out;
  for (const std::size_t j : positions) {
    // j is a position of the outcomes; i the set's item there (they differ when unanswered items
    // were left out, calib::Outcomes::index).
    const std::size_t i = o.item(j);
    FailureCase c;
    c.id = std::string(set.id(i));
    c.confidence = o.confidence[j];
    c.predicted = o.predicted[j];
    c.label = set.label(i);
    c.probabilities = calib::softmax(set.logits(i));
    c.options = letters_only(set.options(i), c.probabilities.size());
    if (const auto it = by_id.find(set.id(i)); it != by_id.end())
      add_item(c, *it->second, image_root, thumbnail_side);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace unveil::report
