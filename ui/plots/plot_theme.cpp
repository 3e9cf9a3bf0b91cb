#include "plots/plot_theme.h"

#include <qcustomplot.h>

#include <QApplication>

namespace unveil::ui::theme {

namespace {
QFont scaledFont(double points, bool bold = false) {
  QFont font = QApplication::font();
  font.setPointSizeF(points);
  font.setBold(bold);
  return font;
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

QColor withAlpha(QColor color, int alpha) {
  color.setAlpha(alpha);
  return color;
}

}  // namespace unveil::ui::theme
