#include "plots/plot_view.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QToolTip>

#include "plots/plot_theme.h"

namespace unveil::ui {

PlotView::PlotView(QWidget* parent) : QCustomPlot(parent) {
  theme::stylePlot(this);
  plotLayout()->insertRow(0);
  auto* header = new QCPLayoutGrid;
  plotLayout()->addElement(0, 0, header);
  header->setRowSpacing(0);
  title_ = new QCPTextElement(this, QString(), theme::titleFont());
  title_->setTextColor(theme::kText);
  subtitle_ = new QCPTextElement(this, QString(), theme::subtitleFont());
  subtitle_->setTextColor(theme::kMutedText);
  header->addElement(0, 0, title_);
  header->addElement(1, 0, subtitle_);
  title_->setMargins(QMargins(0, 8, 0, 0));
  subtitle_->setMargins(QMargins(0, 2, 0, 2));
  plotLayout()->setRowStretchFactor(0, 0.001);

  setMouseTracking(true);
  setContextMenuPolicy(Qt::CustomContextMenu);
  connect(this, &QCustomPlot::mouseMove, this, &PlotView::showToolTip);
  connect(this, &QCustomPlot::mousePress, this, &PlotView::mousePressed);
  connect(this, &QWidget::customContextMenuRequested, this, &PlotView::showContextMenu);
}

QString PlotView::title() const {
  return title_->text();
}
void PlotView::setTitle(const QString& title) {
  title_->setText(title);
  requestReplot();
}
QString PlotView::subtitle() const {
  return subtitle_->text();
}
void PlotView::setSubtitle(const QString& subtitle) {
  subtitle_->setText(subtitle);
  requestReplot();
}

void PlotView::requestReplot() {
  replot(QCustomPlot::rpQueuedReplot);
}
void PlotView::replotNow() {
  replot(QCustomPlot::rpImmediateRefresh);
}

QCPAxisRect* PlotView::mainAxisRect() const {
  return axisRect(0);
}

void PlotView::exportWithDialog(PlotFormat format) {
  const QString fileName = exportPlotWithDialog(this, exportBaseName(), format, this);
  if (!fileName.isEmpty()) emit exported(fileName);
}

int PlotView::binIndexAt(double) const {
  return -1;
}

void PlotView::clickAt(double key) {
  const int bin = binIndexAt(key);
  if (bin >= 0) emit binClicked(bin);
}

double PlotView::keyAt(const QPointF& pos, bool* inside) const {
  // A bin's column includes any strip below the main rect (the count strip).
  for (QCPAxisRect* r : axisRects()) {
    if (r->rect().contains(pos.toPoint())) {
      *inside = true;
      return mainAxisRect()->axis(QCPAxis::atBottom)->pixelToCoord(pos.x());
    }
  }
  *inside = false;
  return 0;
}

void PlotView::showToolTip(QMouseEvent* event) {
  bool inside = false;
  const double key = keyAt(event->position(), &inside);
  const QString text = inside ? toolTipAt(key) : QString();
  const bool onBin = inside && binIndexAt(key) >= 0;
  setCursor(onBin ? Qt::PointingHandCursor : Qt::ArrowCursor);
  if (text.isEmpty())
    QToolTip::hideText();
  else
    QToolTip::showText(event->globalPosition().toPoint(),
                       onBin ? text + QStringLiteral("<br><i>") + tr("Click to list these items") +
                                   QStringLiteral("</i>")
                             : text,
                       this);
}

void PlotView::mousePressed(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  bool inside = false;
  const double key = keyAt(event->position(), &inside);
  if (inside) clickAt(key);
}

void PlotView::showContextMenu(const QPoint& pos) {
  QMenu menu(this);
  menu.addAction(tr("Export as PNG…"), this, [this] { exportWithDialog(PlotFormat::kPng); });
  menu.addAction(tr("Export as SVG…"), this, [this] { exportWithDialog(PlotFormat::kSvg); });
  menu.addAction(tr("Export as PDF…"), this, [this] { exportWithDialog(PlotFormat::kPdf); });
  menu.addSeparator();
  menu.addAction(tr("Copy image"), this, [this] {
    QApplication::clipboard()->setPixmap(toPixmap(width(), height(), 2.0));
  });
  menu.exec(mapToGlobal(pos));
}

}  // namespace unveil::ui
