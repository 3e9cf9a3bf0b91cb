#include "browser/dataset_filter_proxy.h"

#include "browser/dataset_table_model.h"

namespace unveil::ui {

DatasetFilterProxy::DatasetFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
  setSortCaseSensitivity(Qt::CaseInsensitive);
  setSortLocaleAware(true);
  setSortRole(DatasetTableModel::kSortRole);
}

void DatasetFilterProxy::setOutcomeFilter(OutcomeFilter filter) {
  if (filter == outcome_) return;
  outcome_ = filter;
  refilter();
}

void DatasetFilterProxy::setConfidenceRange(double lo, double hi) {
  if (lo == confLo_ && hi == confHi_) return;
  confLo_ = lo;
  confHi_ = hi;
  refilter();
}

void DatasetFilterProxy::setItemSubset(const std::vector<int>& items, const QString& label) {
  const int n = sourceModel() ? sourceModel()->rowCount() : 0;
  subset_.assign(static_cast<std::size_t>(n), 0);
  for (int i : items)
    if (i >= 0 && i < n) subset_[static_cast<std::size_t>(i)] = 1;
  subsetLabel_ = label.isEmpty() ? tr("chosen items") : label;
  refilter();
}

void DatasetFilterProxy::clearItemSubset() {
  if (subsetLabel_.isEmpty()) return;
  subset_.clear();
  subsetLabel_.clear();
  refilter();
}

void DatasetFilterProxy::sortConfidentlyWrongFirst() {
  sort(DatasetTableModel::kCorrect, Qt::DescendingOrder);
}

void DatasetFilterProxy::refilter() {
  // Rebuild the mapping in one pass: invalidateFilter() reports every removed row range to the
  // views, which for scattered rows (every wrong answer of 100,000) costs seconds.
  invalidate();
}

void DatasetFilterProxy::setSplit(const QString& split) {
  if (split == split_) return;
  split_ = split;
  refilter();
}

void DatasetFilterProxy::setCategory(const QString& category) {
  if (category == category_) return;
  category_ = category;
  refilter();
}

void DatasetFilterProxy::setIdkFilter(IdkFilter filter) {
  if (filter == idk_) return;
  idk_ = filter;
  refilter();
}

void DatasetFilterProxy::setSearchText(const QString& text) {
  const QString folded = text.trimmed().toCaseFolded();
  if (folded == search_) return;
  search_ = folded;
  refilter();
}

void DatasetFilterProxy::clearFilters() {
  split_.clear();
  category_.clear();
  search_.clear();
  idk_ = IdkFilter::kAll;
  outcome_ = OutcomeFilter::kAll;
  confLo_ = 0;
  confHi_ = 1;
  subset_.clear();
  subsetLabel_.clear();
  refilter();
}

int DatasetFilterProxy::itemIndex(int row) const {
  const QModelIndex i = index(row, 0);
  return i.isValid() ? i.data(DatasetTableModel::kItemIndexRole).toInt() : -1;
}

int DatasetFilterProxy::rowOfItem(int itemIndex) const {
  if (!sourceModel()) return -1;
  return mapFromSource(sourceModel()->index(itemIndex, 0)).row();
}

bool DatasetFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
  const int column = left.column();
  if (column == DatasetTableModel::kRunAnswer || column == DatasetTableModel::kConfidence ||
      column == DatasetTableModel::kCorrect) {
    const auto* model = static_cast<const DatasetTableModel*>(sourceModel());
    return model->runSortKey(left.row(), column) < model->runSortKey(right.row(), column);
  }
  return QSortFilterProxyModel::lessThan(left, right);
}

bool DatasetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
  const auto row = static_cast<std::size_t>(sourceRow);
  if (!subsetLabel_.isEmpty() && (row >= subset_.size() || !subset_[row])) return false;
  // The run's columns, read straight from the overlay (no QVariant per row).
  const auto* model = static_cast<const DatasetTableModel*>(sourceModel());
  const bool confidenceFilter = confLo_ > 0 || confHi_ < 1;
  if (outcome_ != OutcomeFilter::kAll || confidenceFilter) {
    const RunOverlay* run = model->runOverlay().get();
    if (!run || !run->hasPrediction(row)) return false;
    if (outcome_ == OutcomeFilter::kUnanswered) {
      if (run->predicted[row] >= 0) return false;
    } else if (outcome_ != OutcomeFilter::kAll &&
               (run->correct[row] == 1) != (outcome_ == OutcomeFilter::kRight)) {
      return false;
    }
    const double c = run->confidence[row];
    if (confidenceFilter && (c < confLo_ || c > confHi_)) return false;
  }
  const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
  if (!split_.isEmpty() && i.data(DatasetTableModel::kSplitRole).toString() != split_) return false;
  if (!category_.isEmpty() && i.data(DatasetTableModel::kCategoryRole).toString() != category_)
    return false;
  if (idk_ != IdkFilter::kAll) {
    const bool idk = i.data(DatasetTableModel::kIsIdkRole).toBool();
    if (idk != (idk_ == IdkFilter::kIdkOnly)) return false;
  }
  if (!search_.isEmpty() &&
      !i.data(DatasetTableModel::kSearchTextRole).toString().contains(search_))
    return false;
  return true;
}

}  // namespace unveil::ui
