// The browser's filters over DatasetTableModel: split, category, IDK or answerable questions, a
// text search in the id, the question and the options, and — with a run laid over the items —
// right or wrong, a confidence range, and a set of items (those of a reliability-diagram bar).
// All filters apply together.
#pragma once

#include <QSortFilterProxyModel>
#include <vector>

namespace unveil::ui {

class DatasetFilterProxy : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  enum class IdkFilter { kAll, kIdkOnly, kAnswerableOnly };
  enum class OutcomeFilter { kAll, kRight, kWrong, kUnanswered };

  explicit DatasetFilterProxy(QObject* parent = nullptr);

  /// Empty: every split / category.
  void setSplit(const QString& split);
  void setCategory(const QString& category);
  void setIdkFilter(IdkFilter filter);
  /// Case-insensitive substring of the id, the question or an option's text; empty: everything.
  void setSearchText(const QString& text);
  /// Items the run got right, or wrong, or on which the model gave no option letter (items it
  /// did not predict are hidden by each).
  void setOutcomeFilter(OutcomeFilter filter);
  /// Items whose run confidence lies in [lo, hi]; (0, 1) both included is no filter.
  void setConfidenceRange(double lo, double hi);
  /// Only these items (dataset positions), described by `label` ("bin 0.90–1.00").
  void setItemSubset(const std::vector<int>& items, const QString& label);
  void clearItemSubset();
  bool hasItemSubset() const { return !subsetLabel_.isEmpty(); }
  const QString& itemSubsetLabel() const { return subsetLabel_; }
  /// Wrong answers first, the most confident on top (sorts the result column descending).
  void sortConfidentlyWrongFirst();
  /// Back to showing every item.
  void clearFilters();

  const QString& split() const { return split_; }
  const QString& category() const { return category_; }
  IdkFilter idkFilter() const { return idk_; }
  OutcomeFilter outcomeFilter() const { return outcome_; }
  double confidenceLow() const { return confLo_; }
  double confidenceHigh() const { return confHi_; }
  const QString& searchText() const { return search_; }

  /// The dataset position of the item shown at proxy row `row`, -1 when none.
  int itemIndex(int row) const;
  /// The proxy row showing dataset item `itemIndex`, -1 when it is filtered out.
  int rowOfItem(int itemIndex) const;

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
  /// The run's columns compare their numbers directly (no QVariant per comparison).
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

 private:
  void refilter();

  QString split_, category_, search_;
  IdkFilter idk_ = IdkFilter::kAll;
  OutcomeFilter outcome_ = OutcomeFilter::kAll;
  double confLo_ = 0, confHi_ = 1;
  std::vector<char> subset_;  ///< per dataset item, when a subset is set
  QString subsetLabel_;
};

}  // namespace unveil::ui
