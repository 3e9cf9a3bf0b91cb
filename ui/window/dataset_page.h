// The dataset page: the browser. It also owns the item view that follows the browser's current
// item, which the window puts into a dock. J/K (and Up/Down) move between items from either,
// Ctrl+F goes to the search box.
#pragma once

#include <QWidget>

namespace unveil::ui {

class DatasetBrowser;
class ItemView;
struct LoadedDataset;

class DatasetPage : public QWidget {
  Q_OBJECT

 public:
  /// `thumbnailDir` empty: the user's cache folder.
  explicit DatasetPage(QWidget* parent = nullptr, const QString& thumbnailDir = QString());

  void setDataset(const LoadedDataset& dataset);

  DatasetBrowser* browser() const { return browser_; }
  ItemView* itemView() const { return item_; }
  /// Thumbnails or the item's image are still being made.
  bool isBusy() const;

 private:
  DatasetBrowser* browser_ = nullptr;
  ItemView* item_ = nullptr;
};

}  // namespace unveil::ui
