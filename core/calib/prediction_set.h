// A set of multiple-choice predictions stored column-wise, so that a million items cost a few
// flat arrays rather than a million small objects.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/string_column.h"

namespace unveil::calib {

/// How an item's scores were given.
enum class ScoreKind : std::uint8_t {
  kLogits,         ///< unnormalised logits; probabilities are their softmax
  kProbabilities,  ///< probabilities (normalised on ingest); stored as log p
};

/// One prediction as handed to PredictionSet::add (a line of the predictions JSONL of DESIGN.md).
/// Readers reuse one object across lines, so its buffers keep their capacity.
struct PredictionInput {
  std::string id;
  std::vector<double> scores;  ///< logits, or probabilities when kind == kProbabilities
  ScoreKind kind = ScoreKind::kLogits;
  int label = 0;        ///< index of the right option
  int idk_index = -1;   ///< index of the "I don't know" option, -1 when none is known
  std::string options;  ///< option letters ("ABCDE"), empty when not given
  std::string category;
  std::string split;
  std::string extra;  ///< unknown keys as raw JSON members ("\"k\":1,\"m\":[2]"), kept verbatim

  void clear();
};

/// Column-wise predictions. Scores are stored as logits; for items given as probabilities the
/// stored logit is log(p) after normalisation (log 0 = -inf), so that the softmax gives p back and
/// a confidence of exactly 1.0 stays exactly 1.0.
class PredictionSet {
 public:
  std::size_t size() const { return labels_.size(); }
  bool empty() const { return labels_.empty(); }

  void reserve(std::size_t items, std::size_t scores);
  /// Appends one prediction. Preconditions (checked by the readers): 2 <= scores <= 26, finite
  /// values (probabilities >= 0 with a positive sum), 0 <= label < scores, idk_index < scores.
  void add(const PredictionInput& p);
  /// Appends all items of another set (merges chunks read in parallel).
  void append(const PredictionSet& other);

  std::span<const double> logits(std::size_t i) const {
    return {logits_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]};
  }
  std::size_t num_options(std::size_t i) const { return offsets_[i + 1] - offsets_[i]; }
  int label(std::size_t i) const { return labels_[i]; }
  int idk_index(std::size_t i) const { return idk_[i]; }
  ScoreKind kind(std::size_t i) const { return static_cast<ScoreKind>(kinds_[i]); }
  std::string_view id(std::size_t i) const { return ids_[i]; }
  std::string_view options(std::size_t i) const { return options_[i]; }
  std::string_view category(std::size_t i) const { return categories_[i]; }
  std::string_view split(std::size_t i) const { return splits_[i]; }
  std::string_view extra(std::size_t i) const { return extras_[i]; }

  /// True when at least one item names its "I don't know" option.
  bool has_idk() const { return idk_known_ > 0; }
  /// The common number of options when every item has the same, else 0.
  std::size_t uniform_options() const;

  /// The items whose split equals `split` (all items when it is empty).
  PredictionSet filter_split(std::string_view split) const;
  /// The items at the given indices, in that order.
  PredictionSet subset(std::span<const std::size_t> indices) const;

 private:
  void push_meta(const PredictionSet& from, std::size_t i);

  std::vector<std::uint32_t> offsets_{0};
  std::vector<double> logits_;
  std::vector<std::int32_t> labels_;
  std::vector<std::int16_t> idk_;
  std::vector<std::uint8_t> kinds_;
  StringColumn ids_, options_, categories_, splits_, extras_;
  std::size_t idk_known_ = 0;
};

}  // namespace unveil::calib
