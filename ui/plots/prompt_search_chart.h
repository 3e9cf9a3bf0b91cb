// The prompt search as it goes: per round, the best prompt's accuracy (left axis) and its ECE
// (right axis), so that a reader sees whether more rounds still help.
#pragma once

#include <vector>

#include "analysis/prompt_search.h"
#include "plots/plot_view.h"

namespace unveil::ui {

class PromptSearchChart : public PlotView {
  Q_OBJECT

 public:
  explicit PromptSearchChart(QWidget* parent = nullptr);

  void setRounds(const std::vector<analysis::RoundBest>& best, int rounds);
  void clear();
  int pointCount() const { return static_cast<int>(best_.size()); }

  QString exportBaseName() const override;
  QString toolTipAt(double round) const override;

 private:
  std::vector<analysis::RoundBest> best_;
  QCPGraph* accuracy_ = nullptr;
  QCPGraph* ece_ = nullptr;
};

}  // namespace unveil::ui
