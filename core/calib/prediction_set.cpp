#include "calib/prediction_set.h"

#include <cmath>
#include <limits>

namespace unveil::calib {

void PredictionInput::clear() {
  id.clear();
  scores.clear();
  kind = ScoreKind::kLogits;
  label = 0;
  idk_index = -1;
  options.clear();
  category.clear();
  split.clear();
  extra.clear();
}

void PredictionSet::reserve(std::size_t items, std::size_t scores) {
  offsets_.reserve(items + 1);
  logits_.reserve(scores);
  labels_.reserve(items);
  idk_.reserve(items);
  kinds_.reserve(items);
  ids_.reserve(items, items * 8);
}

void PredictionSet::add(const PredictionInput& p) {
  if (p.kind == ScoreKind::kProbabilities) {
    double sum = 0.0;
    for (double v : p.scores)
      sum += v;
    for (double v : p.scores) {
      // log(0) = -inf is intended: the softmax maps it back to exactly 0.
      logits_.push_back(v > 0.0 ? std::log(v / sum) : -std::numeric_limits<double>::infinity());
    }
  } else {
    logits_.insert(logits_.end(), p.scores.begin(), p.scores.end());
  }
  offsets_.push_back(static_cast<std::uint32_t>(logits_.size()));
  labels_.push_back(p.label);
  idk_.push_back(static_cast<std::int16_t>(p.idk_index));
  if (p.idk_index >= 0) ++idk_known_;
  kinds_.push_back(static_cast<std::uint8_t>(p.kind));
  ids_.push_back(p.id);
  options_.push_back(p.options);
  categories_.push_back(p.category);
  splits_.push_back(p.split);
  extras_.push_back(p.extra);
}

void PredictionSet::append(const PredictionSet& o) {
  const auto base = static_cast<std::uint32_t>(logits_.size());
  for (std::size_t i = 1; i < o.offsets_.size(); ++i)
    offsets_.push_back(base + o.offsets_[i]);
  logits_.insert(logits_.end(), o.logits_.begin(), o.logits_.end());
  labels_.insert(labels_.end(), o.labels_.begin(), o.labels_.end());
  idk_.insert(idk_.end(), o.idk_.begin(), o.idk_.end());
  kinds_.insert(kinds_.end(), o.kinds_.begin(), o.kinds_.end());
  ids_.append(o.ids_);
  options_.append(o.options_);
  categories_.append(o.categories_);
  splits_.append(o.splits_);
  extras_.append(o.extras_);
  idk_known_ += o.idk_known_;
}

std::size_t PredictionSet::uniform_options() const {
  if (empty()) return 0;
  const std::size_t k = num_options(0);
  return logits_.size() == k * size() ? k : 0;
}

void PredictionSet::push_meta(const PredictionSet& from, std::size_t i) {
  labels_.push_back(from.labels_[i]);
  idk_.push_back(from.idk_[i]);
  if (from.idk_[i] >= 0) ++idk_known_;
  kinds_.push_back(from.kinds_[i]);
  ids_.push_back(from.ids_[i]);
  options_.push_back(from.options_[i]);
  categories_.push_back(from.categories_[i]);
  splits_.push_back(from.splits_[i]);
  extras_.push_back(from.extras_[i]);
}

PredictionSet PredictionSet::subset(std::span<const std::size_t> indices) const {
  PredictionSet out;
  out.reserve(indices.size(), indices.size() * 5);
  for (std::size_t i : indices) {
    const auto l = logits(i);
    out.logits_.insert(out.logits_.end(), l.begin(), l.end());
    out.offsets_.push_back(static_cast<std::uint32_t>(out.logits_.size()));
    out.push_meta(*this, i);
  }
  return out;
}

PredictionSet PredictionSet::filter_split(std::string_view split) const {
  std::vector<std::size_t> keep;
  for (std::size_t i = 0; i < size(); ++i) {
    if (split.empty() || splits_[i] == split) keep.push_back(i);
  }
  return subset(keep);
}

}  // namespace unveil::calib
