// The confidence histogram: how many predictions fall in each confidence bin, with reference
// lines at the accuracy and the mean confidence (their distance is the over-confidence at a
// glance). A second table (after temperature scaling) is drawn beside the first. The legend sits
// under the axes, where it never hides a bar.
#pragma once

#include <optional>

#include "calib/metrics.h"
#include "plots/bin_layout.h"
#include "plots/plot_view.h"

namespace unveil::ui {

class ConfidenceHistogram : public PlotView {
  Q_OBJECT

 public:
  explicit ConfidenceHistogram(QWidget* parent = nullptr);

  void setTable(const calib::BinTable& table, const QString& label = QString());
  void setComparison(const calib::BinTable& table, const QString& label);
  void clearComparison();
  void clear();

  /// Vertical reference lines: the accuracy, the mean confidence, and the comparison's mean
  /// confidence. nullopt hides a line.
  void setReferenceLines(std::optional<double> accuracy, std::optional<double> meanConfidence,
                         std::optional<double> comparisonMeanConfidence = std::nullopt);

  QString exportBaseName() const override;
  QString toolTipAt(double confidence) const override;
  int binIndexAt(double confidence) const override;
  /// With a comparison shown the two bars of a bin stand side by side: the right half of the
  /// bin is the comparison's (after scaling), the left half its own.
  int comparisonBinAt(double confidence) const override;

  QCPBars* primaryBars() const { return primary_; }
  QCPBars* comparisonBars() const { return comparisonBars_; }
  QCPItemStraightLine* accuracyLine() const { return accuracy_.line; }
  QCPItemStraightLine* meanConfidenceLine() const { return confidence_.line; }
  QCPItemStraightLine* comparisonMeanConfidenceLine() const { return comparisonConfidence_.line; }

 private:
  void rebuild();
  struct ReferenceLine {
    QCPItemStraightLine* line = nullptr;
    QCPGraph* legendEntry = nullptr;  ///< an empty graph with the line's pen, for the legend
    std::optional<double> x;
  };
  ReferenceLine makeLine(const QColor& color, Qt::PenStyle style);
  void placeLine(ReferenceLine& line, std::optional<double> x, const QString& text);
  void updateLegend();

  calib::BinTable table_;
  QString label_;
  std::optional<calib::BinTable> comparison_;
  QString comparisonLabel_;
  BinLayout layout_;

  QCPBars* primary_ = nullptr;
  QCPBars* comparisonBars_ = nullptr;
  QCPBarsGroup* group_ = nullptr;
  ReferenceLine accuracy_, confidence_, comparisonConfidence_;
};

}  // namespace unveil::ui
