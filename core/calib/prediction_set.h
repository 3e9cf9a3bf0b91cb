// A set of multiple-choice predictions stored column-wise, so that a million items cost a few
// flat arrays rather than a million small objects.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/string_column.h"

namespace unveil::calib {

/// How an item's scores were given.
enum class ScoreKind : std::uint8_t {
  kLogits,         ///< unnormalised logits; probabilities are their softmax
  kProbabilities,  ///< probabilities (normalised on ingest); stored as log p and as given
  kAnswerOnly,     ///< no scores at all (a tool that records answers only): the stored scores are
                   ///< a one-hot placeholder at the answer, only accuracy means anything
};

/// PredictionInput::answer when the input names no answer: the answer is the argmax of the
/// scores (ties to the lowest index), as for a predictions file that gives scores only.
constexpr int kAnswerFromScores = -2;
/// PredictionInput::answer of an item the model did not answer (no option letter produced).
constexpr int kUnanswered = -1;

/// One prediction as handed to PredictionSet::add (a line of the predictions JSONL of
/// docs/FORMATS.md).
/// Readers reuse one object across lines, so its buffers keep their capacity.
struct PredictionInput {
  std::string id;
  std::vector<double> scores;  ///< logits, or probabilities when kind == kProbabilities
  ScoreKind kind = ScoreKind::kLogits;
  int label = 0;  ///< index of the right option
  /// The option the model answered (index), kUnanswered, or kAnswerFromScores (the default).
  int answer = kAnswerFromScores;
  /// The answer letter's probability over the model's whole vocabulary at the answer step (the
  /// study's confidence); NaN when unknown. For an unanswered item: the top option letter's.
  double conf_vocab = std::numeric_limits<double>::quiet_NaN();
  /// The whole vocabulary's logits at the answer step (empty when not known). With them the
  /// study's temperature (full-vocabulary NLL) can be fitted; `scores` must then be the option
  /// letters' raw logits of the same step.
  std::vector<double> vocab_logits;
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
  /// values (probabilities >= 0 with a positive sum), 0 <= label < scores, idk_index < scores,
  /// answer < scores, finite vocabulary logits. A kAnswerOnly item's scores are ignored (a one-hot
  /// placeholder at its answer is stored; it must have answer >= -1 and options or label set the
  /// option count through `scores.size()`).
  void add(const PredictionInput& p);
  /// Appends all items of another set (merges chunks read in parallel).
  void append(const PredictionSet& other);

  std::span<const double> logits(std::size_t i) const {
    return {logits_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]};
  }
  std::size_t num_options(std::size_t i) const { return offsets_[i + 1] - offsets_[i]; }
  int label(std::size_t i) const { return labels_[i]; }
  /// The recorded answer: an option index, kUnanswered, or kAnswerFromScores.
  int answer(std::size_t i) const { return answers_[i]; }
  /// The stored full-vocabulary confidence (NaN when unknown).
  double conf_vocab(std::size_t i) const { return conf_vocab_[i]; }
  /// The answer step's full-vocabulary logits (empty when not known).
  std::span<const double> vocab_logits(std::size_t i) const {
    if (vocab_offsets_.empty()) return {};
    return {vocab_logits_.data() + vocab_offsets_[i], vocab_offsets_[i + 1] - vocab_offsets_[i]};
  }
  /// The probabilities of an item given as probabilities, normalised but otherwise exactly as
  /// given (no log/exp round trip); empty for other items.
  std::span<const double> given_probs(std::size_t i) const {
    if (kind(i) == ScoreKind::kLogits) return {};  // answer-only items hold their placeholder
    return {probs_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]};
  }
  int idk_index(std::size_t i) const { return idk_[i]; }
  ScoreKind kind(std::size_t i) const { return static_cast<ScoreKind>(kinds_[i]); }
  std::string_view id(std::size_t i) const { return ids_[i]; }
  std::string_view options(std::size_t i) const { return options_[i]; }
  std::string_view category(std::size_t i) const { return categories_[i]; }
  std::string_view split(std::size_t i) const { return splits_[i]; }
  std::string_view extra(std::size_t i) const { return extras_[i]; }

  /// True when at least one item names its "I don't know" option.
  bool has_idk() const { return idk_known_ > 0; }
  /// True when at least one item has a recorded answer (or is recorded as unanswered).
  bool has_recorded_answers() const { return recorded_answers_ > 0; }
  /// Items recorded as unanswered.
  std::size_t unanswered() const { return unanswered_; }
  /// True when at least one item was given as probabilities.
  bool has_given_probs() const { return has_probs_; }
  /// Items that carry a full-vocabulary confidence / full-vocabulary logits.
  std::size_t vocab_confidences() const { return vocab_known_; }
  std::size_t vocab_logit_items() const { return vocab_logit_items_; }
  /// Items with no scores at all (ScoreKind::kAnswerOnly): for them only accuracy is defined.
  std::size_t answer_only() const { return answer_only_; }
  /// The common number of options when every item has the same, else 0.
  std::size_t uniform_options() const;

  /// The items whose split equals `split` (all items when it is empty).
  PredictionSet filter_split(std::string_view split) const;
  /// The items at the given indices, in that order.
  PredictionSet subset(std::span<const std::size_t> indices) const;
  /// The items not recorded as unanswered (the study's choice: it drops items without a letter).
  PredictionSet answered() const;

 private:
  void push_meta(const PredictionSet& from, std::size_t i);
  void push_scores(std::span<const double> logits, std::span<const double> probs);
  void push_vocab(std::span<const double> v);

  std::vector<std::uint32_t> offsets_{0};
  std::vector<double> logits_;
  std::vector<double> probs_;  ///< parallel to logits_ once any item is given as probabilities
  bool has_probs_ = false;
  std::vector<std::uint64_t> vocab_offsets_;  ///< empty until an item has vocabulary logits
  std::vector<double> vocab_logits_;
  std::vector<std::int32_t> labels_;
  std::vector<std::int16_t> answers_;
  std::vector<double> conf_vocab_;
  std::vector<std::int16_t> idk_;
  std::vector<std::uint8_t> kinds_;
  StringColumn ids_, options_, categories_, splits_, extras_;
  std::size_t idk_known_ = 0;
  std::size_t recorded_answers_ = 0, unanswered_ = 0, vocab_known_ = 0, vocab_logit_items_ = 0;
  std::size_t answer_only_ = 0;
};

}  // namespace unveil::calib
