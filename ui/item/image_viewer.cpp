#include "item/image_viewer.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedLayout>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace unveil::ui {

/// Paints the image scaled to its own size (no scaled copy is kept).
class ImageCanvas : public QWidget {
 public:
  using QWidget::QWidget;
  void setImage(const QImage& image) {
    pixmap_ = QPixmap::fromImage(image);
    update();
  }
  const QPixmap& pixmap() const { return pixmap_; }

 protected:
  void paintEvent(QPaintEvent*) override {
    if (pixmap_.isNull()) return;
    QPainter p(this);
    // Enlarged images keep sharp pixels, so one can see what the model sees; reduced ones are
    // smoothed.
    p.setRenderHint(QPainter::SmoothPixmapTransform, width() < pixmap_.width());
    p.drawPixmap(rect(), pixmap_);
  }

 private:
  QPixmap pixmap_;
};

namespace {
QToolButton* toolButton(const QString& text, const QString& tip, QWidget* parent) {
  auto* b = new QToolButton(parent);
  b->setText(text);
  b->setToolTip(tip);
  b->setAutoRaise(true);
  return b;
}
}  // namespace

ImageViewer::ImageViewer(QWidget* parent) : QWidget(parent) {
  canvas_ = new ImageCanvas;
  scroll_ = new QScrollArea(this);
  scroll_->setObjectName(QStringLiteral("imageScroll"));
  scroll_->setWidget(canvas_);
  scroll_->setAlignment(Qt::AlignCenter);
  scroll_->setWidgetResizable(false);
  scroll_->viewport()->installEventFilter(this);
  message_ = new QLabel(this);
  message_->setObjectName(QStringLiteral("imageMessage"));
  message_->setAlignment(Qt::AlignCenter);
  message_->setWordWrap(true);

  auto* fit = toolButton(tr("Fit"), tr("Fit the image to the window (F)"), this);
  fit->setShortcut(QKeySequence(Qt::Key_F));
  fit->setCheckable(true);
  fitButton_ = fit;
  auto* actual = toolButton(tr("100%"), tr("Show the image at its actual size (1)"), this);
  actual->setShortcut(QKeySequence(Qt::Key_1));
  auto* out = toolButton(QStringLiteral("−"), tr("Zoom out (-, or Ctrl+wheel)"), this);
  out->setShortcut(QKeySequence(Qt::Key_Minus));
  auto* in = toolButton(QStringLiteral("+"), tr("Zoom in (+, or Ctrl+wheel)"), this);
  in->setShortcut(QKeySequence(Qt::Key_Plus));
  zoomLabel_ = new QLabel(this);
  zoomLabel_->setObjectName(QStringLiteral("zoomLabel"));
  zoomLabel_->setMinimumWidth(48);
  zoomLabel_->setToolTip(tr("Scale of the image on screen"));
  connect(fit, &QToolButton::clicked, this, &ImageViewer::fitToWindow);
  connect(actual, &QToolButton::clicked, this, &ImageViewer::actualSize);
  connect(out, &QToolButton::clicked, this, &ImageViewer::zoomOut);
  connect(in, &QToolButton::clicked, this, &ImageViewer::zoomIn);

  auto* stack = new QStackedLayout;
  stack->setStackingMode(QStackedLayout::StackAll);
  stack->addWidget(message_);
  stack->addWidget(scroll_);
  auto* buttons = new QHBoxLayout;
  buttons->setSpacing(2);
  buttons->addWidget(fit);
  buttons->addWidget(actual);
  buttons->addWidget(out);
  buttons->addWidget(in);
  buttons->addWidget(zoomLabel_);
  buttons->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addLayout(stack, 1);
  layout->addLayout(buttons);
  setMessage(tr("No item selected"));
}

void ImageViewer::setImage(const QImage& image) {
  if (image.isNull()) return setMessage(tr("No image"));
  canvas_->setImage(image);
  message_->hide();
  scroll_->show();
  relayout();
}

void ImageViewer::setMessage(const QString& message) {
  canvas_->setImage(QImage());
  message_->setText(message);
  message_->show();
  scroll_->hide();
  updateZoomLabel();
}

bool ImageViewer::hasImage() const {
  return !canvas_->pixmap().isNull();
}
QString ImageViewer::message() const {
  return message_->isHidden() ? QString() : message_->text();
}
QImage ImageViewer::image() const {
  return canvas_->pixmap().toImage();
}

void ImageViewer::setZoom(double zoom) {
  fit_ = false;
  zoom_ = std::clamp(zoom, kMinZoom, kMaxZoom);
  relayout();
}

void ImageViewer::zoomIn() {
  setZoom(zoom_ * 1.25);
}
void ImageViewer::zoomOut() {
  setZoom(zoom_ / 1.25);
}
void ImageViewer::fitToWindow() {
  fit_ = true;
  relayout();
}
void ImageViewer::actualSize() {
  setZoom(1.0);
}

void ImageViewer::relayout() {
  fitButton_->setChecked(fit_);
  const QSize size = canvas_->pixmap().size();
  if (size.isEmpty()) return updateZoomLabel();
  if (fit_) {
    const QSize room = scroll_->viewport()->size() - QSize(2, 2);
    zoom_ = std::clamp(std::min(static_cast<double>(room.width()) / size.width(),
                                static_cast<double>(room.height()) / size.height()),
                       kMinZoom, kMaxZoom);
  }
  canvas_->resize(std::max(1, static_cast<int>(std::lround(size.width() * zoom_))),
                  std::max(1, static_cast<int>(std::lround(size.height() * zoom_))));
  updateZoomLabel();
}

void ImageViewer::updateZoomLabel() {
  zoomLabel_->setText(hasImage() ? QStringLiteral("%1 %").arg(std::lround(zoom_ * 100))
                                 : QString());
}

void ImageViewer::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (fit_) relayout();
}

bool ImageViewer::eventFilter(QObject* watched, QEvent* event) {
  if (watched == scroll_->viewport()) {
    if (event->type() == QEvent::Wheel) {
      auto* wheel = static_cast<QWheelEvent*>(event);
      if (wheel->modifiers() & Qt::ControlModifier) {
        const int steps = wheel->angleDelta().y();
        if (steps > 0)
          zoomIn();
        else if (steps < 0)
          zoomOut();
        return true;
      }
    } else if (event->type() == QEvent::Resize && fit_) {
      relayout();
    }
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace unveil::ui
