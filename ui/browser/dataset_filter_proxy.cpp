#include "browser/dataset_filter_proxy.h"

#include "browser/dataset_table_model.h"

namespace unveil::ui {

DatasetFilterProxy::DatasetFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
  setSortCaseSensitivity(Qt::CaseInsensitive);
  setSortLocaleAware(true);
}

void DatasetFilterProxy::refilter() {
  invalidateFilter();
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

bool DatasetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
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
