#include "plots/plot_theme.h"

#include <qcustomplot.h>

#include <QApplication>
#include <array>

namespace unveil::ui::theme {

namespace {
QFont scaledFont(double points, bool bold = false) {
  QFont font = QApplication::font();
  font.setPointSizeF(points);
  font.setBold(bold);
  return font;
}

constexpr int kRoles = 11;

std::array<QColor, kRoles> roles(const PlotPalette& p) {
  return {p.background,    p.text,           p.mutedText,  p.grid,      p.axis,  p.accuracy,
          p.overConfident, p.underConfident, p.comparison, p.reference, p.counts};
}

/// Maps the colours of both palettes to their roles' colours in the target one.
class Recolorer {
 public:
  explicit Recolorer(const PlotPalette& to) : to_(roles(to)) {
    for (const PlotPalette& p : {lightPlotPalette(), darkPlotPalette()}) {
      const auto from = roles(p);
      for (int i = 0; i < kRoles; ++i)
        from_[i].push_back(from[i].rgb());
    }
  }
  QColor operator()(const QColor& c) const {
    const QRgb rgb = c.rgb();
    for (int i = 0; i < kRoles; ++i) {
      for (QRgb candidate : from_[i]) {
        if (candidate != rgb) continue;
        QColor mapped = to_[i];
        mapped.setAlpha(c.alpha());
        return mapped;
      }
    }
    return c;
  }
  QPen operator()(QPen pen) const {
    if (pen.style() != Qt::NoPen) pen.setColor((*this)(pen.color()));
    return pen;
  }
  QBrush operator()(QBrush brush) const {
    if (brush.style() == Qt::SolidPattern) brush.setColor((*this)(brush.color()));
    return brush;
  }

 private:
  std::array<QColor, kRoles> to_;
  std::array<std::vector<QRgb>, kRoles> from_;
};

void recolorAxis(QCPAxis* axis, const Recolorer& map) {
  axis->setBasePen(map(axis->basePen()));
  axis->setTickPen(map(axis->tickPen()));
  axis->setSubTickPen(map(axis->subTickPen()));
  axis->setTickLabelColor(map(axis->tickLabelColor()));
  axis->setLabelColor(map(axis->labelColor()));
  QCPGrid* grid = axis->grid();
  grid->setPen(map(grid->pen()));
  grid->setSubGridPen(map(grid->subGridPen()));
  grid->setZeroLinePen(map(grid->zeroLinePen()));
}

void recolorLegend(QCPLegend* legend, const Recolorer& map) {
  legend->setTextColor(map(legend->textColor()));
  legend->setBrush(map(legend->brush()));
  legend->setBorderPen(map(legend->borderPen()));
  for (int i = 0; i < legend->itemCount(); ++i)
    if (QCPAbstractLegendItem* item = legend->item(i)) item->setTextColor(map(item->textColor()));
}

void recolorItem(QCPAbstractItem* item, const Recolorer& map) {
  if (auto* line = qobject_cast<QCPItemStraightLine*>(item)) {
    line->setPen(map(line->pen()));
  } else if (auto* segment = qobject_cast<QCPItemLine*>(item)) {
    segment->setPen(map(segment->pen()));
  } else if (auto* text = qobject_cast<QCPItemText*>(item)) {
    text->setColor(map(text->color()));
    text->setPen(map(text->pen()));
    text->setBrush(map(text->brush()));
  } else if (auto* rect = qobject_cast<QCPItemRect*>(item)) {
    rect->setPen(map(rect->pen()));
    rect->setBrush(map(rect->brush()));
  } else if (auto* tracer = qobject_cast<QCPItemTracer*>(item)) {
    tracer->setPen(map(tracer->pen()));
    tracer->setBrush(map(tracer->brush()));
  }
}

void recolorPlottable(QCPAbstractPlottable* plottable, const Recolorer& map) {
  plottable->setPen(map(plottable->pen()));
  plottable->setBrush(map(plottable->brush()));
  if (auto* graph = qobject_cast<QCPGraph*>(plottable)) {
    QCPScatterStyle scatter = graph->scatterStyle();
    if (!scatter.isNone()) {
      scatter.setPen(map(scatter.pen()));
      scatter.setBrush(map(scatter.brush()));
      graph->setScatterStyle(scatter);
    }
  }
}

void styleAxis(QCPAxis* axis) {
  const QPen axisPen(kAxis, 1);
  axis->setBasePen(axisPen);
  axis->setTickPen(axisPen);
  axis->setSubTickPen(Qt::NoPen);
  axis->setTickLengthIn(0);
  axis->setTickLengthOut(4);
  axis->setTickLabelFont(tickFont());
  axis->setTickLabelColor(kMutedText);
  axis->setLabelFont(labelFont());
  axis->setLabelColor(kText);
  axis->grid()->setPen(QPen(kGrid, 1));
  axis->grid()->setZeroLinePen(Qt::NoPen);
  axis->grid()->setSubGridVisible(false);
}
}  // namespace

PlotPalette lightPlotPalette() {
  return {Qt::white,      kText,           kMutedText,  kGrid,      kAxis,  kAccuracy,
          kOverConfident, kUnderConfident, kComparison, kReference, kCounts};
}

PlotPalette darkPlotPalette() {
  PlotPalette p;
  p.background = QColor(0x23, 0x28, 0x30);  // the dark look's surfaces (app/theme.cpp)
  p.text = QColor(0xE2, 0xE8, 0xF0);
  p.mutedText = QColor(0xA0, 0xAE, 0xC0);
  p.grid = QColor(0x36, 0x3D, 0x49);
  p.axis = QColor(0x6B, 0x77, 0x85);
  p.accuracy = QColor(0x4A, 0xA3, 0xDF);
  p.overConfident = QColor(0xEE, 0x77, 0x33);
  p.underConfident = QColor(0xD9, 0x8C, 0xB8);
  p.comparison = QColor(0x2B, 0xB8, 0x8A);
  p.reference = QColor(0x98, 0xA2, 0xB3);
  p.counts = QColor(0x71, 0x80, 0x96);
  return p;
}

PlotPalette plotPalette() {
  const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
  return dark ? darkPlotPalette() : lightPlotPalette();
}

namespace {
constexpr const char* kExportLookProperty = "unveilExportLook";
}  // namespace

PlotPalette plotPaletteFor(const QCustomPlot* plot) {
  return plot && plot->property(kExportLookProperty).toBool() ? lightPlotPalette() : plotPalette();
}

ExportLook::ExportLook(QCustomPlot* plot) : plot_(plot) {
  plot_->setProperty(kExportLookProperty, true);
  recolorPlot(plot_, lightPlotPalette());
}

ExportLook::~ExportLook() {
  plot_->setProperty(kExportLookProperty, false);
  recolorPlot(plot_, plotPalette());
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void recolorPlot(QCustomPlot* plot, const PlotPalette& to) {
  const Recolorer map(to);
  plot->setBackground(QBrush(to.background));
  for (QCPAxisRect* rect : plot->axisRects()) {
    rect->setBackground(map(rect->backgroundBrush()));
    for (QCPAxis* axis : rect->axes())
      recolorAxis(axis, map);
  }
  // Legends and text elements (titles) anywhere in the layout, inset layouts included.
  for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
    if (auto* legend = qobject_cast<QCPLegend*>(element)) recolorLegend(legend, map);
    if (auto* text = qobject_cast<QCPTextElement*>(element))
      text->setTextColor(map(text->textColor()));
  }
  for (int i = 0; i < plot->plottableCount(); ++i)
    recolorPlottable(plot->plottable(i), map);
  for (int i = 0; i < plot->itemCount(); ++i)
    recolorItem(plot->item(i), map);
}

QFont titleFont() {
  return scaledFont(13, true);
}
QFont subtitleFont() {
  return scaledFont(9.5);
}
QFont labelFont() {
  return scaledFont(10.5);
}
QFont tickFont() {
  return scaledFont(9);
}

void stylePlot(QCustomPlot* plot) {
  plot->setBackground(Qt::white);
  plot->setAntialiasedElements(QCP::aeAll);
  plot->setNotAntialiasedElements(QCP::aeNone);
}

void styleAxisRect(QCPAxisRect* rect) {
  rect->setBackground(Qt::white);
  for (QCPAxis* axis : rect->axes())
    styleAxis(axis);
  rect->axis(QCPAxis::atTop)->setVisible(false);
  rect->axis(QCPAxis::atRight)->setVisible(false);
}

void styleLegend(QCPLegend* legend) {
  legend->setVisible(true);
  legend->setFont(tickFont());
  legend->setTextColor(kText);
  legend->setBrush(QBrush(Qt::white));
  legend->setBorderPen(QPen(kGrid, 1));
  legend->setIconSize(22, 16);
  legend->setRowSpacing(0);
  legend->setMargins(QMargins(8, 6, 8, 6));
}

void placeLegendBelow(QCustomPlot* plot, QCPAxisRect* rect, int columns) {
  QCPLegend* legend = plot->legend;
  legend->setBorderPen(Qt::NoPen);
  legend->setFillOrder(QCPLegend::foColumnsFirst);
  legend->setWrap(columns);
  legend->setColumnSpacing(14);
  rect->insetLayout()->take(legend);
  QCPLayoutGrid* layout = plot->plotLayout();
  layout->simplify();
  const int row = layout->rowCount();
  layout->addElement(row, 0, legend);
  layout->setRowStretchFactor(row, 0.001);  // as tall as its text, no more
  legend->setMargins(QMargins(6, 0, 6, 4));
}

QColor withAlpha(QColor color, int alpha) {
  color.setAlpha(alpha);
  return color;
}

}  // namespace unveil::ui::theme
