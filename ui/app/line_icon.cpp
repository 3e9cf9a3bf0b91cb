#include "app/line_icon.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>
#include <memory>

#include "app/theme.h"

namespace unveil::ui {

namespace {

// The stroke the icons are drawn with (the style sheet's secondary text) and, in the dark look,
// its counterpart there (ui/app/theme.cpp, darkColours()).
constexpr char kDrawnStroke[] = "#374151";
constexpr char kDarkStroke[] = "#cbd5e1";

QColor strokeFor(QIcon::Mode mode) {
  const QPalette palette = QApplication::palette();
  if (mode == QIcon::Disabled) return palette.color(QPalette::Disabled, QPalette::WindowText);
  return QColor(QLatin1String(Theme::isDark(palette) ? kDarkStroke : kDrawnStroke));
}

class LineIconEngine : public QIconEngine {
 public:
  explicit LineIconEngine(const QString& resource) : resource_(resource) {
    QFile file(resource);
    if (file.open(QIODevice::ReadOnly)) svg_ = file.readAll();
  }

  void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override {
    QSvgRenderer* svg = renderer(strokeFor(mode));
    if (svg->isValid()) svg->render(painter, rect);
  }

  QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
    return scaledPixmap(size, mode, state, 1.0);
  }

  // Drawn once per size and colour, as Qt's own icon engines keep theirs: a tool bar repaints
  // its icons often, and the window's thread must not parse and render SVG each time.
  QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state,
                       qreal scale) override {
    const QColor stroke = strokeFor(mode);
    const QString key = QStringLiteral("%1x%2@%3 %4")
                            .arg(size.width())
                            .arg(size.height())
                            .arg(scale)
                            .arg(stroke.rgba());
    if (const auto it = pixmaps_.constFind(key); it != pixmaps_.constEnd()) return *it;
    QPixmap pixmap(size * scale);
    pixmap.fill(Qt::transparent);
    pixmap.setDevicePixelRatio(scale);
    {
      QPainter painter(&pixmap);
      paint(&painter, QRect(QPoint(0, 0), size), mode, state);
    }
    pixmaps_.insert(key, pixmap);
    return pixmap;
  }

  QIconEngine* clone() const override { return new LineIconEngine(*this); }
  QString key() const override { return QStringLiteral("unveil.line"); }
  bool isNull() override { return svg_.isEmpty(); }

 private:
  LineIconEngine(const LineIconEngine& other)
      : QIconEngine(other),
        resource_(other.resource_),
        svg_(other.svg_),
        pixmaps_(other.pixmaps_) {}

  QSvgRenderer* renderer(const QColor& stroke) {
    auto& r = renderers_[stroke.rgba()];
    if (!r) {
      QByteArray svg = svg_;
      svg.replace(kDrawnStroke, stroke.name().toLatin1());
      r = std::make_shared<QSvgRenderer>(svg);
    }
    return r.get();
  }

  QString resource_;
  QByteArray svg_;
  QHash<QRgb, std::shared_ptr<QSvgRenderer>> renderers_;  // one per colour drawn
  QHash<QString, QPixmap> pixmaps_;                       // by size, scale and colour
};

}  // namespace

QIcon lineIcon(const QString& resource) {
  return QIcon(new LineIconEngine(resource));
}

}  // namespace unveil::ui
