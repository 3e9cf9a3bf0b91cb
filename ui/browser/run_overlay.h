// A run's predictions laid over a dataset's items, for the browser: per item the predicted
// option, the confidence and whether it was right (none when the run did not predict the item),
// and the way between the run's prediction indices and the dataset's items.
#pragma once

#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

#include "calib/outcomes.h"
#include "calib/prediction_set.h"
#include "data/item.h"

namespace unveil::ui {

struct RunOverlay {
  QString name;                                ///< the run, as the window names it
  std::vector<std::int32_t> predicted;         ///< per dataset item; -1: no prediction
  std::vector<double> confidence;              ///< per dataset item; NaN: no prediction
  std::vector<std::int8_t> correct;            ///< per dataset item; -1 none, 0 wrong, 1 right
  std::vector<std::int32_t> itemOfPrediction;  ///< per prediction; -1: not an item of the dataset
  std::vector<std::int32_t> predictionOfItem;  ///< per dataset item; -1: not predicted
  std::shared_ptr<const calib::PredictionSet> predictions;  ///< the run's set
  std::size_t matched = 0;  ///< predictions that name an item of the dataset
  QString split;            ///< the split of every predicted item when they share one, else empty

  bool hasPrediction(std::size_t item) const { return item < correct.size() && correct[item] >= 0; }
};

/// Joins the predictions (ids = item ids) to the dataset's items. Any thread.
RunOverlay makeRunOverlay(const data::Dataset& dataset,
                          std::shared_ptr<const calib::PredictionSet> set,
                          const calib::Outcomes& outcomes, const QString& name);

}  // namespace unveil::ui
