// Running one item through a model, as the item view's "Run now" does: the model's input under a
// condition and prompt, the greedy answer, and both confidences of docs/METRICS.md.
#pragma once

#include <QString>
#include <memory>
#include <vector>

#include "data/item.h"
#include "model/model.h"

namespace unveil::ui {

struct ItemRunResult {
  QString error;                      ///< "" on success
  int answer = -1;                    ///< the generated option (-1: none in max_new_tokens)
  std::vector<double> probabilities;  ///< softmax of the option letters' logits (renormalised)
  std::vector<double> logits;
  std::optional<double> confVocab;  ///< the answer letter's probability over the vocabulary
  int steps = 0;
  QString text;             ///< the generated text (endpoint models)
  QString bounded;          ///< option letters whose logits are bounds (absent from a top-k)
  double milliseconds = 0;  ///< prepare + run
};

/// Prepares and runs one item (any thread). `condition` is core's perturbation spec ("image",
/// "noise:0.2"); `prompt` empty: the card's template. Errors come back as messages.
ItemRunResult runItem(const model::Model& model, const data::Item& item, const std::string& root,
                      const QString& condition, const QString& prompt, std::uint64_t seed = 0);

struct ModelLoadResult {
  QString path;
  std::shared_ptr<const model::Model> model;
  QString error;
  double milliseconds = 0;
};

/// Loads a model card (any thread) on `device` ("auto", "cpu" or "cuda"); errors name the file.
ModelLoadResult loadModel(const QString& cardPath, const QString& device = QStringLiteral("auto"));

}  // namespace unveil::ui
