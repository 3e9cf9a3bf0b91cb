#include "browser/thumbnail_loader.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QStandardPaths>
#include <algorithm>
#include <cmath>
#include <exception>

#include "data/thumbnail_cache.h"

namespace unveil::ui {

namespace {

/// PNG files on disk are this big: twice the displayed size, sharp on high-DPI screens.
constexpr int kCachedSide = 2 * ThumbnailLoader::kDisplaySide;

/// Device pixels per displayed pixel of the thumbnails: the screens' (1.25, 2, ...), up to what
/// the cached PNGs hold.
double thumbnailPixelRatio() {
  return std::clamp(qApp ? qApp->devicePixelRatio() : 1.0, 1.0,
                    static_cast<double>(kCachedSide) / ThumbnailLoader::kDisplaySide);
}

QPixmap placeholder(bool dashed, double ratio) {
  const int side = static_cast<int>(std::lround(ThumbnailLoader::kDisplaySide * ratio));
  QPixmap pixmap(side, side);
  pixmap.setDevicePixelRatio(ratio);
  pixmap.fill(Qt::transparent);
  QPainter p(&pixmap);
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF box = QRectF(0, 0, ThumbnailLoader::kDisplaySide, ThumbnailLoader::kDisplaySide)
                         .adjusted(2.5, 2.5, -2.5, -2.5);
  // Translucent greys read on light and dark rows alike.
  if (dashed) {
    // No image: an outline only, with a diagonal stroke.
    QPen pen(QColor(0x80, 0x80, 0x80, 0xB0), 1, Qt::DashLine);
    p.setPen(pen);
    p.drawRoundedRect(box, 4, 4);
    p.drawLine(box.bottomLeft() + QPointF(8, -8), box.topRight() + QPointF(-8, 8));
  } else {
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x80, 0x80, 0x80, 0x40));
    p.drawRoundedRect(box, 4, 4);
  }
  return pixmap;
}

/// Runs on a pool thread: the cached PNG, made if needed, scaled for display. Never throws.
QImage makeThumbnail(data::ThumbnailCache& cache, const data::Item& item, const std::string& root,
                     double ratio) {
  try {
    Result<std::string> png = cache.get_or_make(item.image, root, kCachedSide);
    if (!png.ok()) return {};
    QImage image(QFile::decodeName(QByteArray::fromStdString(*png)));
    if (image.isNull()) return {};
    const int side = static_cast<int>(std::lround(ThumbnailLoader::kDisplaySide * ratio));
    QImage scaled = image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    scaled.setDevicePixelRatio(ratio);  // shown at kDisplaySide, with every device pixel
    return scaled;
  } catch (const std::exception&) {
    return {};  // shown as "no thumbnail"; the item view reports the reason when opened
  }
}

}  // namespace

ThumbnailLoader::ThumbnailLoader(QObject* parent, const QString& cacheDir) : QObject(parent) {
  QString dir = cacheDir;
  if (dir.isEmpty())
    dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
          QStringLiteral("/thumbnails");
  QDir().mkpath(dir);
  cache_ = std::make_shared<data::ThumbnailCache>(QFile::encodeName(dir).toStdString());
  // Two threads keep a 2-core machine responsive; the disk cache makes a second visit cheap.
  pool_.setMaxThreadCount(2);
  pending_ = placeholder(false, thumbnailPixelRatio());
  noImage_ = placeholder(true, thumbnailPixelRatio());
}

ThumbnailLoader::~ThumbnailLoader() {
  queue_.clear();
  pool_.waitForDone();
}

QString ThumbnailLoader::cacheDir() const {
  return QFile::decodeName(QByteArray::fromStdString(cache_->dir().string()));
}

void ThumbnailLoader::setDataset(std::shared_ptr<const data::Dataset> dataset) {
  ++generation_;
  dataset_ = std::move(dataset);
  queue_.clear();
  queued_.clear();
  running_set_.clear();
  failed_.clear();
  ready_.clear();
}

QPixmap ThumbnailLoader::thumbnail(int index) {
  if (QPixmap* ready = ready_.object(index)) return *ready;
  if (!dataset_ || index < 0 || static_cast<std::size_t>(index) >= dataset_->items.size())
    return noImage_;
  if (dataset_->items[index].image.empty() || failed_.contains(index)) return noImage_;
  if (!queued_.contains(index) && !running_set_.contains(index)) {
    queue_.push_back(index);
    queued_.insert(index);
    while (queue_.size() > kMaxQueued) {
      queued_.remove(queue_.front());
      queue_.pop_front();
    }
    pump();
  }
  return pending_;
}

void ThumbnailLoader::pump() {
  while (running_ < pool_.maxThreadCount() && !queue_.empty()) {
    const int index = queue_.back();
    queue_.pop_back();
    queued_.remove(index);
    running_set_.insert(index);
    ++running_;
    const quint64 generation = generation_;
    // The task holds the dataset and the cache, so neither goes away while it runs.
    pool_.start([this, generation, index, cache = cache_, dataset = dataset_,
                 ratio = thumbnailPixelRatio()] {
      const QImage image = makeThumbnail(*cache, dataset->items[index], dataset->root, ratio);
      QMetaObject::invokeMethod(
          this, [this, generation, index, image] { finished(generation, index, image); },
          Qt::QueuedConnection);
    });
  }
}

void ThumbnailLoader::finished(quint64 generation, int index, const QImage& image) {
  --running_;
  if (generation == generation_) {
    running_set_.remove(index);
    if (image.isNull())
      failed_.insert(index);
    else
      ready_.insert(index, new QPixmap(QPixmap::fromImage(image)));
    emit thumbnailReady(index);
  }
  pump();
  if (!isBusy()) emit idle();
}

}  // namespace unveil::ui
