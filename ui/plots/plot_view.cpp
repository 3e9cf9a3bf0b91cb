#include "plots/plot_view.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QToolTip>
#include <algorithm>
#include <utility>

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

  // Every redraw first takes the colours of the look in effect (a no-op when they are).
  connect(this, &QCustomPlot::beforeReplot, this, [this] {
    theme::recolorPlot(this, theme::plotPaletteFor(this));
    fitSubtitle();
  });

  setMouseTracking(true);
  setContextMenuPolicy(Qt::CustomContextMenu);
  connect(this, &QCustomPlot::mouseMove, this, &PlotView::showToolTip);
  connect(this, &QCustomPlot::mousePress, this, &PlotView::mousePressed);
  connect(this, &QCustomPlot::mouseRelease, this, &PlotView::mouseReleased);
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
  return subtitleText_;
}
void PlotView::setSubtitle(const QString& subtitle) {
  subtitleText_ = subtitle;
  subtitle_->setText(subtitle);
  requestReplot();
}

void PlotView::setTextScale(double factor) {
  textScale_ = factor;
  const auto scaled = [factor](QFont font) {
    font.setPointSizeF(font.pointSizeF() * factor);
    return font;
  };
  title_->setFont(scaled(theme::titleFont()));
  subtitle_->setFont(scaled(theme::subtitleFont()));
  for (QCPAxisRect* rect : axisRects())
    for (QCPAxis* axis : rect->axes()) {
      axis->setTickLabelFont(scaled(theme::tickFont()));
      axis->setLabelFont(scaled(theme::labelFont()));
    }
  legend->setFont(scaled(theme::tickFont()));
  for (int i = 0; i < legend->itemCount(); ++i)
    if (QCPAbstractLegendItem* item = legend->item(i)) item->setFont(legend->font());
  legend->setIconSize(qRound(22 * factor), qRound(16 * factor));
  requestReplot();
}

void PlotView::fitSubtitle() {
  const int room = viewport().width() - 16;
  const QString shown =
      room > 0 ? QFontMetrics(subtitle_->font()).elidedText(subtitleText_, Qt::ElideRight, room)
               : subtitleText_;
  if (shown != subtitle_->text()) subtitle_->setText(shown);
}

void PlotView::requestReplot() {
  replot(QCustomPlot::rpQueuedReplot);
}
void PlotView::replotNow() {
  replot(QCustomPlot::rpImmediateRefresh);
}

void PlotView::changeEvent(QEvent* event) {
  QCustomPlot::changeEvent(event);
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
    requestReplot();
}

void PlotView::paintEvent(QPaintEvent* event) {
  const double ratio = devicePixelRatioF();
  if (!qFuzzyCompare(bufferDevicePixelRatio(), ratio)) {
    setBufferDevicePixelRatio(ratio);
    replot(QCustomPlot::rpQueuedRefresh);
  }
  QCustomPlot::paintEvent(event);
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

int PlotView::comparisonBinAt(double) const {
  return -1;
}

void PlotView::clickAt(double key) {
  if (const int after = comparisonBinAt(key); after >= 0) {
    emit comparisonBinClicked(after);
    return;
  }
  const int bin = binIndexAt(key);
  if (bin >= 0) emit binClicked(bin);
}

void PlotView::dragBetween(double fromKey, double toKey) {
  // A click (or a drag that stays on one bar) on a comparison bar reports that bar's bin.
  if (const int after = comparisonBinAt(fromKey); after >= 0 && after == comparisonBinAt(toKey)) {
    emit comparisonBinClicked(after);
    return;
  }
  int first = binIndexAt(std::min(fromKey, toKey));
  int last = binIndexAt(std::max(fromKey, toKey));
  // A drag may start or end just outside the bins (past 0 or 1): it takes the bins it crossed.
  if (first < 0 && last >= 0) first = binIndexAt(std::clamp(std::min(fromKey, toKey), 0.0, 1.0));
  if (last < 0 && first >= 0) last = binIndexAt(std::clamp(std::max(fromKey, toKey), 0.0, 1.0));
  if (first < 0 || last < 0) return;
  if (first == last)
    emit binClicked(first);
  else
    emit binRangeSelected(std::min(first, last), std::max(first, last));
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
  if (dragFrom_ && (event->buttons() & Qt::LeftButton)) {
    QToolTip::hideText();
    shadeDrag(mainAxisRect()->axis(QCPAxis::atBottom)->pixelToCoord(event->position().x()), true);
    return;
  }
  bool inside = false;
  const double key = keyAt(event->position(), &inside);
  QString text = inside ? toolTipAt(key) : QString();
  // A shortened subtitle shows in full under the mouse.
  if (!inside && subtitle_->text() != subtitleText_ &&
      subtitle_->outerRect().contains(event->position().toPoint()))
    text = subtitleText_.toHtmlEscaped();
  const bool onBin = inside && binIndexAt(key) >= 0;
  setCursor(onBin ? Qt::PointingHandCursor : Qt::ArrowCursor);
  if (text.isEmpty())
    QToolTip::hideText();
  else
    QToolTip::showText(event->globalPosition().toPoint(),
                       onBin ? text + QStringLiteral("<br><i>") +
                                   tr("Click to list these items; drag across bins for a range") +
                                   QStringLiteral("</i>")
                             : text,
                       this);
}

void PlotView::mousePressed(QMouseEvent* event) {
  dragFrom_.reset();
  if (event->button() != Qt::LeftButton) return;
  bool inside = false;
  const double key = keyAt(event->position(), &inside);
  if (inside && (binIndexAt(key) >= 0 || comparisonBinAt(key) >= 0)) dragFrom_ = key;
}

void PlotView::mouseReleased(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || !dragFrom_) return;
  const double from = *std::exchange(dragFrom_, std::nullopt);
  shadeDrag(from, false);
  const double to = mainAxisRect()->axis(QCPAxis::atBottom)->pixelToCoord(event->position().x());
  dragBetween(from, to);
}

void PlotView::shadeDrag(double toKey, bool show) {
  if (!dragShade_) {
    dragShade_ = new QCPItemRect(this);
    dragShade_->setClipAxisRect(mainAxisRect());
    dragShade_->setLayer(QStringLiteral("overlay"));
    for (QCPItemPosition* p : {dragShade_->topLeft, dragShade_->bottomRight}) {
      p->setAxisRect(mainAxisRect());
      p->setTypeX(QCPItemPosition::ptPlotCoords);
      p->setTypeY(QCPItemPosition::ptAxisRectRatio);
      p->setAxes(mainAxisRect()->axis(QCPAxis::atBottom), mainAxisRect()->axis(QCPAxis::atLeft));
    }
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(48);
    dragShade_->setBrush(fill);
    dragShade_->setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
  }
  dragShade_->setVisible(show);
  if (show && dragFrom_) {
    dragShade_->topLeft->setCoords(std::min(*dragFrom_, toKey), 0);
    dragShade_->bottomRight->setCoords(std::max(*dragFrom_, toKey), 1);
  }
  requestReplot();
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
