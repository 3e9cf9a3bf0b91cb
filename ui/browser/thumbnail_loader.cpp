#include "browser/thumbnail_loader.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QStandardPaths>
#include <exception>

#include "data/thumbnail_cache.h"

namespace unveil::ui {

namespace {

/// PNG files on disk are this big: twice the displayed size, sharp on high-DPI screens.
constexpr int kCachedSide = 2 * ThumbnailLoader::kDisplaySide;

QPixmap placeholder(bool dashed) {
  QPixmap pixmap(ThumbnailLoader::kDisplaySide, ThumbnailLoader::kDisplaySide);
  pixmap.fill(Qt::transparent);
  QPainter p(&pixmap);
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF box = QRectF(pixmap.rect()).adjusted(2.5, 2.5, -2.5, -2.5);
  if (dashed) {
    // No image: an outline only, with a diagonal stroke.
    QPen pen(QColor(0x9C, 0xA3, 0xAF), 1, Qt::DashLine);
    p.setPen(pen);
    p.drawRoundedRect(box, 4, 4);
    p.drawLine(box.bottomLeft() + QPointF(8, -8), box.topRight() + QPointF(-8, 8));
  } else {
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xE5, 0xE7, 0xEB));
    p.drawRoundedRect(box, 4, 4);
  }
  return pixmap;
}

/// Runs on a pool thread: the cached PNG, made if needed, scaled for display. Never throws.
QImage makeThumbnail(data::ThumbnailCache& cache, const data::Item& item, const std::string& root) {
  try {
    Result<std::string> png = cache.get_or_make(item.image, root, kCachedSide);
    if (!png.ok()) return {};
    QImage image(QFile::decodeName(QByteArray::fromStdString(*png)));
    if (image.isNull()) return {};
    return image.scaled(ThumbnailLoader::kDisplaySide, ThumbnailLoader::kDisplaySide,
                        Qt::KeepAspectRatio, Qt::SmoothTransformation);
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
  pending_ = placeholder(false);
  noImage_ = placeholder(true);
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
    pool_.start([this, generation, index, cache = cache_, dataset = dataset_] {
      const QImage image = makeThumbnail(*cache, dataset->items[index], dataset->root);
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
