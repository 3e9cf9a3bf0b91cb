#include "calib/prediction_set.h"

#include <cmath>
#include <limits>
#include <vector>

namespace unveil::calib {

void PredictionInput::clear() {
  id.clear();
  scores.clear();
  kind = ScoreKind::kLogits;
  label = 0;
  answer = kAnswerFromScores;
  conf_vocab = std::numeric_limits<double>::quiet_NaN();
  vocab_logits.clear();
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
  answers_.reserve(items);
  conf_vocab_.reserve(items);
  idk_.reserve(items);
  kinds_.reserve(items);
  ids_.reserve(items, items * 8);
}

void PredictionSet::push_scores(std::span<const double> logits, std::span<const double> probs) {
  if (!probs.empty() && !has_probs_) {
    probs_.assign(logits_.size(), 0.0);
    has_probs_ = true;
  }
  logits_.insert(logits_.end(), logits.begin(), logits.end());
  if (has_probs_) {
    if (probs.empty()) {
      probs_.resize(logits_.size(), 0.0);
    } else {
      probs_.insert(probs_.end(), probs.begin(), probs.end());
    }
  }
  offsets_.push_back(static_cast<std::uint32_t>(logits_.size()));
}

void PredictionSet::push_vocab(std::span<const double> v) {
  if (!v.empty() && vocab_offsets_.empty()) {
    vocab_offsets_.assign(labels_.size() + 1, vocab_logits_.size());
  }
  if (vocab_offsets_.empty()) return;
  vocab_logits_.insert(vocab_logits_.end(), v.begin(), v.end());
  vocab_offsets_.push_back(vocab_logits_.size());
  if (!v.empty()) ++vocab_logit_items_;
}

void PredictionSet::add(const PredictionInput& p) {
  const std::size_t k = p.scores.size();
  if (p.kind == ScoreKind::kProbabilities) {
    double sum = 0.0;
    for (double v : p.scores)
      sum += v;
    // A distribution that sums to 1 up to rounding (0.7 + 0.2 + 0.1 is 0.9999999999999999) is
    // used exactly as given, as NumPy would; others are divided by their sum.
    const double scale = std::fabs(sum - 1.0) <= 1e-9 ? 1.0 : sum;
    std::vector<double> probs(k), logs(k);
    for (std::size_t j = 0; j < k; ++j) {
      probs[j] = p.scores[j] / scale;
      // log(0) = -inf is intended: the softmax maps it back to exactly 0.
      logs[j] = probs[j] > 0.0 ? std::log(probs[j]) : -std::numeric_limits<double>::infinity();
    }
    push_scores(logs, probs);
  } else if (p.kind == ScoreKind::kAnswerOnly) {
    // A one-hot placeholder at the answer (uniform when unanswered), so that every column keeps
    // its shape; nothing but accuracy is computed from it.
    std::vector<double> probs(k, p.answer >= 0 ? 0.0 : 1.0 / static_cast<double>(k));
    if (p.answer >= 0) probs[static_cast<std::size_t>(p.answer)] = 1.0;
    std::vector<double> logs(k);
    for (std::size_t j = 0; j < k; ++j)
      logs[j] = probs[j] > 0.0 ? std::log(probs[j]) : -std::numeric_limits<double>::infinity();
    push_scores(logs, probs);
    ++answer_only_;
  } else {
    push_scores(p.scores, {});
  }
  push_vocab(p.vocab_logits);
  labels_.push_back(p.label);
  answers_.push_back(static_cast<std::int16_t>(p.answer));
  if (p.answer != kAnswerFromScores) ++recorded_answers_;
  if (p.answer == kUnanswered) ++unanswered_;
  conf_vocab_.push_back(p.conf_vocab);
  if (!std::isnan(p.conf_vocab)) ++vocab_known_;
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
  const std::size_t n0 = size();
  const auto base = static_cast<std::uint32_t>(logits_.size());
  for (std::size_t i = 1; i < o.offsets_.size(); ++i)
    offsets_.push_back(base + o.offsets_[i]);
  if (o.has_probs_ || has_probs_) {
    probs_.resize(base, 0.0);
    has_probs_ = true;
    if (!o.has_probs_) {
      probs_.resize(base + o.logits_.size(), 0.0);
    } else {
      probs_.insert(probs_.end(), o.probs_.begin(), o.probs_.end());
    }
  }
  logits_.insert(logits_.end(), o.logits_.begin(), o.logits_.end());
  if (!o.vocab_offsets_.empty() || !vocab_offsets_.empty()) {
    if (vocab_offsets_.empty()) vocab_offsets_.assign(n0 + 1, 0);
    const std::uint64_t vbase = vocab_logits_.size();
    for (std::size_t i = 0; i < o.size(); ++i)
      vocab_offsets_.push_back(vbase + (o.vocab_offsets_.empty() ? 0 : o.vocab_offsets_[i + 1]));
    vocab_logits_.insert(vocab_logits_.end(), o.vocab_logits_.begin(), o.vocab_logits_.end());
  }
  labels_.insert(labels_.end(), o.labels_.begin(), o.labels_.end());
  answers_.insert(answers_.end(), o.answers_.begin(), o.answers_.end());
  conf_vocab_.insert(conf_vocab_.end(), o.conf_vocab_.begin(), o.conf_vocab_.end());
  idk_.insert(idk_.end(), o.idk_.begin(), o.idk_.end());
  kinds_.insert(kinds_.end(), o.kinds_.begin(), o.kinds_.end());
  ids_.append(o.ids_);
  options_.append(o.options_);
  categories_.append(o.categories_);
  splits_.append(o.splits_);
  extras_.append(o.extras_);
  idk_known_ += o.idk_known_;
  recorded_answers_ += o.recorded_answers_;
  unanswered_ += o.unanswered_;
  vocab_known_ += o.vocab_known_;
  vocab_logit_items_ += o.vocab_logit_items_;
  answer_only_ += o.answer_only_;
}

std::size_t PredictionSet::uniform_options() const {
  if (empty()) return 0;
  const std::size_t k = num_options(0);
  return logits_.size() == k * size() ? k : 0;
}

void PredictionSet::push_meta(const PredictionSet& from, std::size_t i) {
  labels_.push_back(from.labels_[i]);
  answers_.push_back(from.answers_[i]);
  if (from.answers_[i] != kAnswerFromScores) ++recorded_answers_;
  if (from.answers_[i] == kUnanswered) ++unanswered_;
  conf_vocab_.push_back(from.conf_vocab_[i]);
  if (!std::isnan(from.conf_vocab_[i])) ++vocab_known_;
  if (from.kind(i) == ScoreKind::kAnswerOnly) ++answer_only_;
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
    out.push_scores(logits(i), given_probs(i));
    out.push_vocab(vocab_logits(i));
    out.push_meta(*this, i);
  }
  return out;
}

PredictionSet PredictionSet::answered() const {
  std::vector<std::size_t> keep;
  keep.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) {
    if (answers_[i] != kUnanswered) keep.push_back(i);
  }
  return subset(keep);
}

PredictionSet PredictionSet::filter_split(std::string_view split) const {
  std::vector<std::size_t> keep;
  for (std::size_t i = 0; i < size(); ++i) {
    if (split.empty() || splits_[i] == split) keep.push_back(i);
  }
  return subset(keep);
}

}  // namespace unveil::calib
