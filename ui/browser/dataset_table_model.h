// The items of a dataset as a table: thumbnail, id, question, gold answer, split, category, and —
// with a run laid over it — the run's answer, its confidence and whether it was right.
// Rows are the dataset's items in file order; filtering and sorting are DatasetFilterProxy's.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <memory>

#include "browser/run_overlay.h"
#include "data/item.h"

namespace unveil::ui {

class ThumbnailLoader;

class DatasetTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kThumbnail,
    kId,
    kQuestion,
    kAnswer,
    kSplit,
    kCategory,
    kRunAnswer,
    kConfidence,
    kCorrect,
    kColumnCount
  };
  enum Role {
    kItemIndexRole = Qt::UserRole + 1,  ///< int: the item's position in the dataset
    kIsIdkRole,                         ///< bool: the gold answer is the "I don't know" option
    kSplitRole,                         ///< QString
    kCategoryRole,                      ///< QString
    kSearchTextRole,                    ///< QString: id, question and options, case-folded
    kSortRole,  ///< what sorting a column compares (numbers for the run's columns)
  };

  /// `thumbnails` may be null (no thumbnail column content, e.g. in tests of the filters).
  explicit DatasetTableModel(ThumbnailLoader* thumbnails, QObject* parent = nullptr);

  void setDataset(std::shared_ptr<const data::Dataset> dataset);
  /// Lays a run's predictions over the items (null: none). It must belong to this dataset.
  void setRunOverlay(std::shared_ptr<const RunOverlay> overlay);
  const std::shared_ptr<const RunOverlay>& runOverlay() const { return overlay_; }
  const std::shared_ptr<const data::Dataset>& dataset() const { return dataset_; }
  const data::Item* item(int row) const;

  /// Distinct splits and categories, sorted, for the filter choices.
  const QStringList& splits() const { return splits_; }
  const QStringList& categories() const { return categories_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

  /// The number kSortRole gives for the run's columns (kRunAnswer, kConfidence, kCorrect), without
  /// a QVariant: sorting 100,000 rows compares two million times.
  double runSortKey(int row, int column) const;

  /// "B · red" — the gold letter and its text; "—" when the dataset gives no answer.
  static QString answerText(const data::Item& item);

 private:
  void thumbnailReady(int index);

  ThumbnailLoader* thumbnails_ = nullptr;
  std::shared_ptr<const data::Dataset> dataset_;
  std::shared_ptr<const RunOverlay> overlay_;
  QStringList search_;  // per item, built once: the filter runs on every keystroke
  QStringList splits_, categories_;
};

}  // namespace unveil::ui
