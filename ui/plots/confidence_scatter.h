// Per item, the confidence under one condition against the confidence with the image (the
// reference): points above the diagonal grew surer without the image. Colour says how the answer
// moved (kept right, kept wrong, changed to right, changed to wrong); a click on a point reports
// that item.
#pragma once

#include <QString>
#include <vector>

#include "analysis/modality.h"
#include "plots/plot_view.h"

namespace unveil::ui {

class ConfidenceScatter : public PlotView {
  Q_OBJECT

 public:
  explicit ConfidenceScatter(QWidget* parent = nullptr);

  /// `reference` and `condition` name the axes.
  void setPairs(std::vector<analysis::ConfidencePair> pairs, const QString& reference,
                const QString& condition);
  void clear();
  const std::vector<analysis::ConfidencePair>& pairs() const { return pairs_; }
  /// The pair nearest to the widget point within `radius` pixels, -1 for none.
  int pairAt(const QPointF& pos, double radius = 8) const;
  /// Reports pair `i` as clicked (what a click on it does).
  void activatePair(int i);

  QString exportBaseName() const override;
  QString toolTipAt(double key) const override;

 signals:
  /// The item of a clicked point (its id in the dataset).
  void itemClicked(const QString& itemId);

 private:
  std::vector<analysis::ConfidencePair> pairs_;
  std::vector<QCPGraph*> groups_;
};

}  // namespace unveil::ui
