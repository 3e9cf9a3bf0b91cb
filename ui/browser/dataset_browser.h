// The dataset browser: a line naming the dataset, the filters (search, split, category, IDK and,
// with a run laid over the items, right/wrong) and the table of items with their thumbnails; a
// bar above the table names a set of items shown alone (a reliability-diagram bin) until it is
// cleared. It reports the chosen item; the item view shows it.
#pragma once

#include <QWidget>

#include <memory>
#include <vector>

#include "browser/dataset_loading.h"
#include "browser/run_overlay.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace unveil::ui {

class DatasetFilterProxy;
class DatasetTableModel;
class ThumbnailLoader;

class DatasetBrowser : public QWidget {
  Q_OBJECT

 public:
  /// `thumbnailDir` empty: the user's cache folder.
  explicit DatasetBrowser(QWidget* parent = nullptr, const QString& thumbnailDir = QString());

  void setDataset(const LoadedDataset& dataset);
  /// Shows a run's answers, confidences and results next to the items (null: none).
  void setRunOverlay(std::shared_ptr<const RunOverlay> overlay);
  /// Shows only these items (dataset positions), named by `label`, until clearItemSubset().
  void showItemSubset(const std::vector<int>& items, const QString& label);
  void clearItemSubset();
  QString subsetText() const;
  /// The count under the table ("Showing 159 of the dataset's 8,500 items").
  QString countText() const;
  /// Writes the run's predictions of the items shown now (after every filter, in the order
  /// shown) to `path`: CSV when it ends in .csv, else predictions JSONL. Off the UI thread;
  /// exportFinished() follows.
  void exportShown(const QString& path);
  const LoadedDataset& dataset() const { return dataset_; }

  DatasetTableModel* model() const { return model_; }
  DatasetFilterProxy* proxy() const { return proxy_; }
  QTableView* view() const { return view_; }
  ThumbnailLoader* thumbnails() const { return thumbnails_; }
  QLineEdit* searchBox() const { return search_; }
  QComboBox* splitBox() const { return split_; }
  QComboBox* categoryBox() const { return category_; }
  QComboBox* idkBox() const { return idk_; }
  QComboBox* outcomeBox() const { return outcome_; }
  /// The confidence range filter, in percent (shown with a run).
  QDoubleSpinBox* confidenceFromBox() const { return confFrom_; }
  QDoubleSpinBox* confidenceToBox() const { return confTo_; }

  /// The dataset position of the selected item, -1 when none.
  int currentItem() const;
  /// Selects the item `delta` rows below (negative: above) the current one, as shown.
  void moveSelection(int delta);
  void selectRow(int row);
  /// Puts the keyboard focus in the search box.
  void focusSearch();

 signals:
  /// An export ended: `count` predictions written, or `error` says why not.
  void exportFinished(const QString& path, int count, const QString& error);
  /// The selected item changed (its dataset position, -1 when none).
  void currentItemChanged(int itemIndex);

 private:
  void fillFilterChoices();
  void applyFilters();
  void updateCount();

  LoadedDataset dataset_;
  ThumbnailLoader* thumbnails_ = nullptr;
  DatasetTableModel* model_ = nullptr;
  DatasetFilterProxy* proxy_ = nullptr;
  QLabel* title_ = nullptr;
  QLabel* count_ = nullptr;
  QLineEdit* search_ = nullptr;
  QComboBox* split_ = nullptr;
  QComboBox* category_ = nullptr;
  QComboBox* idk_ = nullptr;
  QComboBox* outcome_ = nullptr;
  QPushButton* wrongFirst_ = nullptr;
  QPushButton* export_ = nullptr;
  QWidget* confRange_ = nullptr;
  QWidget* runFilters_ = nullptr;
  QDoubleSpinBox* confFrom_ = nullptr;
  QDoubleSpinBox* confTo_ = nullptr;
  QWidget* subsetBar_ = nullptr;
  QLabel* subsetLabel_ = nullptr;
  QTableView* view_ = nullptr;
};

}  // namespace unveil::ui
