// An image with zoom: fit to the window, 100 %, +/- buttons and Ctrl+wheel. When there is no
// image it shows a message in its place ("No image", "Loading…", or why it could not be read).
#pragma once

#include <QImage>
#include <QWidget>

class QLabel;
class QScrollArea;
class QToolButton;

namespace unveil::ui {

class ImageCanvas;

class ImageViewer : public QWidget {
  Q_OBJECT

 public:
  explicit ImageViewer(QWidget* parent = nullptr);

  void setImage(const QImage& image);
  /// Hides the image and shows `message` instead.
  void setMessage(const QString& message);
  bool hasImage() const;
  QString message() const;
  QImage image() const;

  /// Scale of the image on screen (1 = 100 %).
  double zoom() const { return zoom_; }
  bool fitsWindow() const { return fit_; }
  void setZoom(double zoom);
  void zoomIn();
  void zoomOut();
  void fitToWindow();
  void actualSize();

  static constexpr double kMinZoom = 0.05;
  static constexpr double kMaxZoom = 16.0;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void relayout();
  void updateZoomLabel();

  QScrollArea* scroll_ = nullptr;
  ImageCanvas* canvas_ = nullptr;
  QLabel* message_ = nullptr;
  QLabel* zoomLabel_ = nullptr;
  QToolButton* fitButton_ = nullptr;
  double zoom_ = 1.0;
  bool fit_ = true;
};

}  // namespace unveil::ui
