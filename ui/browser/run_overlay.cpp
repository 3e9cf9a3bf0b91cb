#include "browser/run_overlay.h"

#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace unveil::ui {

RunOverlay makeRunOverlay(const data::Dataset& dataset,
                          std::shared_ptr<const calib::PredictionSet> predictions,
                          const calib::Outcomes& outcomes, const QString& name) {
  RunOverlay o;
  o.name = name;
  o.predictions = std::move(predictions);
  const calib::PredictionSet& set = *o.predictions;
  const std::size_t n = dataset.items.size();
  o.predicted.assign(n, -1);
  o.confidence.assign(n, std::numeric_limits<double>::quiet_NaN());
  o.correct.assign(n, -1);
  o.itemOfPrediction.assign(set.size(), -1);
  o.predictionOfItem.assign(n, -1);
  std::unordered_map<std::string_view, std::int32_t> byId;
  byId.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    byId.emplace(dataset.items[i].id, static_cast<std::int32_t>(i));
  for (std::size_t p = 0; p < set.size() && p < outcomes.size(); ++p) {
    const auto it = byId.find(set.id(p));
    if (it == byId.end()) continue;
    const auto item = static_cast<std::size_t>(it->second);
    o.itemOfPrediction[p] = it->second;
    o.predictionOfItem[item] = static_cast<std::int32_t>(p);
    o.predicted[item] = outcomes.predicted[p];
    o.confidence[item] = outcomes.confidence[p];
    o.correct[item] = outcomes.correct[p] ? 1 : 0;
    const std::string& split = dataset.items[item].split;
    if (o.matched == 0)
      o.split = QString::fromStdString(split);
    else if (!o.split.isEmpty() && o.split != QString::fromStdString(split))
      o.split.clear();
    ++o.matched;
  }
  return o;
}

}  // namespace unveil::ui
