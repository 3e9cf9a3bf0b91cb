// The base of every plot: a QCustomPlot with a title, batched redraws, a hover tooltip, a click
// on a bin (reported as binClicked), a drag across bins (shaded while dragging, reported as
// binRangeSelected) and a context menu that exports the picture.
#pragma once

#include <qcustomplot.h>

#include <optional>

#include "plots/plot_export.h"

namespace unveil::ui {

class PlotView : public QCustomPlot {
  Q_OBJECT

 public:
  explicit PlotView(QWidget* parent = nullptr);

  QString title() const;
  void setTitle(const QString& title);
  void setSubtitle(const QString& subtitle);
  QString subtitle() const;

  /// The file name an export suggests ("reliability-diagram").
  virtual QString exportBaseName() const = 0;
  /// The tooltip for a point of the key (confidence) axis; empty for none.
  virtual QString toolTipAt(double key) const = 0;
  /// The bin under a point of the key axis, -1 for none (plots without bins).
  virtual int binIndexAt(double key) const;
  /// The bin whose comparison bar (after scaling) is under a point of the key axis, -1 for none
  /// (plots that draw no comparison bars beside their own).
  virtual int comparisonBinAt(double key) const;
  /// What a click on the key axis point would report (for tests): comparisonBinAt, else
  /// binIndexAt.
  void clickAt(double key);
  /// What a drag from one key axis point to another would report (for tests):
  /// comparisonBinClicked when both fall on one comparison bar, binClicked when both fall in one
  /// bin, else binRangeSelected with the bins in order.
  void dragBetween(double fromKey, double toKey);

  /// Asks for a file and exports the plot in `format`.
  void exportWithDialog(PlotFormat format);
  /// Redraws now (before a screenshot); otherwise redraws are queued and batched.
  void replotNow();
  /// Draws every text of the plot (title, subtitle, axes, legend) at `factor` times its usual
  /// size: 1 on a desk, about 2 on a projector seen from across a room.
  void setTextScale(double factor);
  double textScale() const { return textScale_; }

 signals:
  void exported(const QString& fileName);
  /// A bin was clicked (its index in the table shown).
  void binClicked(int bin);
  /// A bin's comparison bar (after scaling) was clicked (its index in the comparison table).
  void comparisonBinClicked(int bin);
  /// Bins first..last (first < last) were selected by dragging across them.
  void binRangeSelected(int first, int last);

 protected:
  /// Marks the plot dirty; QCustomPlot coalesces queued replots into one per event-loop pass.
  void requestReplot();
  /// The axis rect that hover and export refer to (the first one by default).
  virtual QCPAxisRect* mainAxisRect() const;
  /// A new application palette (light or dark look) redraws the plot in its colours.
  void changeEvent(QEvent* event) override;
  /// Keeps the buffers at the screen's device pixel ratio (the window may move to another
  /// screen; QCustomPlot 2.1 reads it once, when made).
  void paintEvent(QPaintEvent* event) override;

 private:
  void showToolTip(QMouseEvent* event);
  void mousePressed(QMouseEvent* event);
  void mouseReleased(QMouseEvent* event);
  /// Shades the key range of the drag in hand (hidden when `show` is false).
  void shadeDrag(double toKey, bool show);
  double keyAt(const QPointF& pos, bool* inside) const;
  void showContextMenu(const QPoint& pos);
  /// Shows the subtitle cut to the plot's width with an ellipsis (centred text wider than the
  /// plot would lose both ends).
  void fitSubtitle();

  QCPTextElement* title_ = nullptr;
  QCPTextElement* subtitle_ = nullptr;
  QString subtitleText_;
  double textScale_ = 1.0;  ///< the whole subtitle; subtitle_ may show it shortened
  QCPItemRect* dragShade_ = nullptr;
  std::optional<double> dragFrom_;  ///< key where the left button went down on a bin
};

}  // namespace unveil::ui
