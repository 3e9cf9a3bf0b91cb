#include "browser/dataset_table_model.h"

#include <QColor>
#include <QFont>
#include <QSet>
#include <algorithm>

#include "browser/thumbnail_loader.h"

namespace unveil::ui {

namespace {
QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

/// One line of a question for the table (the full text is in the tooltip and the item view).
QString oneLine(const std::string& s) {
  QString text = qs(s);
  text.replace(QLatin1Char('\n'), QLatin1Char(' '));
  return text;
}

QStringList sortedDistinct(const QSet<QString>& set) {
  QStringList list(set.cbegin(), set.cend());
  std::sort(list.begin(), list.end(),
            [](const QString& a, const QString& b) { return a.localeAwareCompare(b) < 0; });
  return list;
}
}  // namespace

DatasetTableModel::DatasetTableModel(ThumbnailLoader* thumbnails, QObject* parent)
    : QAbstractTableModel(parent), thumbnails_(thumbnails) {
  if (thumbnails_)
    connect(thumbnails_, &ThumbnailLoader::thumbnailReady, this,
            &DatasetTableModel::thumbnailReady);
}

void DatasetTableModel::setDataset(std::shared_ptr<const data::Dataset> dataset) {
  beginResetModel();
  dataset_ = std::move(dataset);
  if (thumbnails_) thumbnails_->setDataset(dataset_);
  search_.clear();
  QSet<QString> splits, categories;
  if (dataset_) {
    search_.reserve(static_cast<qsizetype>(dataset_->items.size()));
    for (const data::Item& item : dataset_->items) {
      QString text = qs(item.id) + QLatin1Char('\n') + qs(item.question);
      for (const data::Option& option : item.options)
        text += QLatin1Char('\n') + qs(option.text);
      search_.append(text.toCaseFolded());
      splits.insert(qs(item.split));
      categories.insert(qs(item.category));
    }
  }
  splits.remove(QString());
  categories.remove(QString());
  splits_ = sortedDistinct(splits);
  categories_ = sortedDistinct(categories);
  endResetModel();
}

const data::Item* DatasetTableModel::item(int row) const {
  if (!dataset_ || row < 0 || static_cast<std::size_t>(row) >= dataset_->items.size())
    return nullptr;
  return &dataset_->items[static_cast<std::size_t>(row)];
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !dataset_ ? 0 : static_cast<int>(dataset_->items.size());
}

int DatasetTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QString DatasetTableModel::answerText(const data::Item& item) {
  if (item.answer < 0 || static_cast<std::size_t>(item.answer) >= item.options.size())
    return QStringLiteral("—");
  const data::Option& gold = item.options[static_cast<std::size_t>(item.answer)];
  return QString(QLatin1Char(gold.letter)) + QStringLiteral(" · ") + oneLine(gold.text);
}

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const {
  const data::Item* it = index.isValid() ? item(index.row()) : nullptr;
  if (!it) return {};
  switch (role) {
    case kItemIndexRole:
      return index.row();
    case kIsIdkRole:
      return it->is_idk_question();
    case kSplitRole:
      return qs(it->split);
    case kCategoryRole:
      return qs(it->category);
    case kSearchTextRole:
      return search_.value(index.row());
    default:
      break;
  }
  switch (index.column()) {
    case kThumbnail:
      if (role == Qt::DecorationRole && thumbnails_) return thumbnails_->thumbnail(index.row());
      if (role == Qt::ToolTipRole)
        return it->image.empty() ? tr("This item has no image") : QVariant();
      return {};
    case kId:
      if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return qs(it->id);
      return {};
    case kQuestion:
      if (role == Qt::DisplayRole) return oneLine(it->question);
      if (role == Qt::ToolTipRole) return qs(it->question);
      return {};
    case kAnswer:
      if (role == Qt::DisplayRole) return answerText(*it);
      if (role == Qt::ToolTipRole)
        return it->is_idk_question()
                   ? tr("Unanswerable question: the right answer is the “I don't know” option")
                   : tr("The gold answer given by the dataset");
      if (role == Qt::ForegroundRole && it->is_idk_question()) return QColor(0x8a, 0x5a, 0x00);
      if (role == Qt::FontRole && it->is_idk_question()) {
        QFont font;
        font.setItalic(true);
        return font;
      }
      return {};
    case kSplit:
      if (role == Qt::DisplayRole) return qs(it->split);
      return {};
    case kCategory:
      if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return qs(it->category);
      return {};
    default:
      return {};
  }
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case kThumbnail:
        return tr("Image");
      case kId:
        return tr("ID");
      case kQuestion:
        return tr("Question");
      case kAnswer:
        return tr("Gold answer");
      case kSplit:
        return tr("Split");
      case kCategory:
        return tr("Category");
      default:
        return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case kThumbnail:
        return tr("A small copy of the item's image (made in the background)");
      case kAnswer:
        return tr(
            "The answer the dataset counts as right; unanswerable (IDK) questions are shown "
            "in italics");
      case kSplit:
        return tr("train, calibration, test or idk");
      default:
        return {};
    }
  }
  return {};
}

void DatasetTableModel::thumbnailReady(int row) {
  if (row < 0 || row >= rowCount()) return;
  const QModelIndex cell = index(row, kThumbnail);
  emit dataChanged(cell, cell, {Qt::DecorationRole});
}

}  // namespace unveil::ui
