// The browser's filters over DatasetTableModel: split, category, IDK or answerable questions, and
// a text search in the id, the question and the options. All filters apply together.
#pragma once

#include <QSortFilterProxyModel>

namespace unveil::ui {

class DatasetFilterProxy : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  enum class IdkFilter { kAll, kIdkOnly, kAnswerableOnly };

  explicit DatasetFilterProxy(QObject* parent = nullptr);

  /// Empty: every split / category.
  void setSplit(const QString& split);
  void setCategory(const QString& category);
  void setIdkFilter(IdkFilter filter);
  /// Case-insensitive substring of the id, the question or an option's text; empty: everything.
  void setSearchText(const QString& text);
  /// Back to showing every item.
  void clearFilters();

  const QString& split() const { return split_; }
  const QString& category() const { return category_; }
  IdkFilter idkFilter() const { return idk_; }
  const QString& searchText() const { return search_; }

  /// The dataset position of the item shown at proxy row `row`, -1 when none.
  int itemIndex(int row) const;
  /// The proxy row showing dataset item `itemIndex`, -1 when it is filtered out.
  int rowOfItem(int itemIndex) const;

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  void refilter();

  QString split_, category_, search_;
  IdkFilter idk_ = IdkFilter::kAll;
};

}  // namespace unveil::ui
