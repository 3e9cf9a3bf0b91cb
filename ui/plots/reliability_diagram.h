// The reliability diagram: per confidence bin, how often the model was right (accuracy bars)
// against how sure it was (the gap to the diagonal, coloured by direction), with Clopper–Pearson
// whiskers and a strip of item counts. A second table (after temperature scaling) is drawn on
// the same axes as a curve of (mean confidence, accuracy) points.
#pragma once

#include <optional>

#include "calib/metrics.h"
#include "plots/bin_layout.h"
#include "plots/plot_view.h"

namespace unveil::ui {

class ReliabilityDiagram : public PlotView {
  Q_OBJECT

 public:
  explicit ReliabilityDiagram(QWidget* parent = nullptr);

  /// The table drawn as bars; `label` names it in the legend and tooltip ("Before scaling").
  void setTable(const calib::BinTable& table, const QString& label = QString());
  /// A second table on the same axes (e.g. after temperature scaling).
  void setComparison(const calib::BinTable& table, const QString& label);
  void clearComparison();
  /// Removes all data.
  void clear();

  bool hasComparison() const { return comparison_.has_value(); }

  QString exportBaseName() const override;
  QString toolTipAt(double confidence) const override;
  int binIndexAt(double confidence) const override;

  // The plottables, for tests and for styling.
  QCPBars* accuracyBars() const { return accuracy_; }
  QCPFinancial* overConfidenceGaps() const { return over_; }
  QCPFinancial* underConfidenceGaps() const { return under_; }
  QCPErrorBars* accuracyIntervals() const { return intervals_; }
  QCPGraph* diagonal() const { return diagonal_; }
  QCPGraph* comparisonCurve() const { return comparisonCurve_; }
  QCPErrorBars* comparisonIntervals() const { return comparisonIntervals_; }
  QCPBars* countBars() const { return counts_; }
  QCPBars* comparisonCountBars() const { return comparisonCounts_; }
  QCPAxisRect* countStrip() const { return countRect_; }

 private:
  void rebuild();
  void updateLegend();
  QString describeBin(const calib::Bin& bin, const QString& label) const;

  calib::BinTable table_;
  QString label_;
  std::optional<calib::BinTable> comparison_;
  QString comparisonLabel_;
  BinLayout layout_;

  QCPAxisRect* countRect_ = nullptr;
  QCPGraph* diagonal_ = nullptr;
  QCPBars* accuracy_ = nullptr;
  QCPFinancial* over_ = nullptr;
  QCPFinancial* under_ = nullptr;
  QCPErrorBars* intervals_ = nullptr;
  QCPGraph* comparisonCurve_ = nullptr;
  QCPErrorBars* comparisonIntervals_ = nullptr;
  QCPBars* counts_ = nullptr;
  QCPBars* comparisonCounts_ = nullptr;
  QCPBarsGroup* countGroup_ = nullptr;
};

}  // namespace unveil::ui
