// Thumbnails for the dataset browser, made in the background. The table asks for the rows it
// paints; a request is queued (newest first, so the rows on screen now come before those
// scrolled past) and served by a small thread pool calling core's ThumbnailCache, which keeps
// the PNGs on disk under the user's cache folder. Finished thumbnails are held in a bounded
// in-memory cache; until then the caller gets a placeholder.
#pragma once

#include <QCache>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QThreadPool>
#include <deque>
#include <memory>

#include "data/item.h"

namespace unveil::data {
class ThumbnailCache;
}

namespace unveil::ui {

class ThumbnailLoader : public QObject {
  Q_OBJECT

 public:
  /// `cacheDir` empty: QStandardPaths::CacheLocation/thumbnails.
  explicit ThumbnailLoader(QObject* parent = nullptr, const QString& cacheDir = QString());
  ~ThumbnailLoader() override;

  /// Forgets every thumbnail and pending request; later requests refer to `dataset`'s items.
  void setDataset(std::shared_ptr<const data::Dataset> dataset);

  /// The thumbnail of item `index` when it is ready; otherwise a placeholder (and the item is
  /// queued unless it has no image or failed before).
  QPixmap thumbnail(int index);
  bool isReady(int index) const { return ready_.contains(index); }
  /// Requests queued or running.
  bool isBusy() const { return running_ > 0 || !queue_.empty(); }
  QString cacheDir() const;

  /// Pixels of the longer side, as shown in the table.
  static constexpr int kDisplaySide = 48;
  /// Thumbnails held in memory at most; those scrolled out of sight longest are dropped first.
  static constexpr int kMemoryItems = 1500;
  /// Requests waiting at most; older ones (scrolled past) are dropped.
  static constexpr std::size_t kMaxQueued = 256;

 signals:
  void thumbnailReady(int index);
  /// The queue ran empty and no request is running.
  void idle();

 private:
  void pump();
  void finished(quint64 generation, int index, const QImage& image);

  std::shared_ptr<data::ThumbnailCache> cache_;
  std::shared_ptr<const data::Dataset> dataset_;
  QThreadPool pool_;
  quint64 generation_ = 0;
  std::deque<int> queue_;  // served from the back: the newest request first
  QSet<int> queued_, running_set_, failed_;
  int running_ = 0;
  QCache<int, QPixmap> ready_{kMemoryItems};
  QPixmap pending_, noImage_;
};

}  // namespace unveil::ui
