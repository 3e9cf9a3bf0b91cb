#include "browser/dataset_table_model.h"

#include <QColor>
#include <QFont>
#include <QLocale>
#include <QSet>
#include <algorithm>

#include "app/run_names.h"
#include "app/theme.h"
#include "browser/thumbnail_loader.h"
#include "metrics/shown_numbers.h"

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

void DatasetTableModel::setRunOverlay(std::shared_ptr<const RunOverlay> overlay) {
  if (overlay && dataset_ && overlay->correct.size() != dataset_->items.size()) overlay.reset();
  overlay_ = std::move(overlay);
  if (rowCount() > 0) emit dataChanged(index(0, kRunAnswer), index(rowCount() - 1, kCorrect));
  emit headerDataChanged(Qt::Horizontal, kRunAnswer, kCorrect);
}

void DatasetTableModel::setDataset(std::shared_ptr<const data::Dataset> dataset) {
  beginResetModel();
  dataset_ = std::move(dataset);
  overlay_.reset();
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

double DatasetTableModel::runSortKey(int r, int column) const {
  const auto row = static_cast<std::size_t>(r);
  if (!overlay_ || !overlay_->hasPrediction(row)) return column == kCorrect ? 0.0 : -1.0;
  switch (column) {
    case kRunAnswer:
      return overlay_->predicted[row];
    case kConfidence:
      return overlay_->confidence[row];
    case kCorrect:
      // Descending: wrong answers first, the most confident of them on top.
      return (overlay_->correct[row] == 0 ? 2.0 : 1.0) + overlay_->confidence[row];
    default:
      return 0;
  }
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
  const auto row = static_cast<std::size_t>(index.row());
  const bool predicted = overlay_ && overlay_->hasPrediction(row);
  if (role == kSortRole) {
    switch (index.column()) {
      case kRunAnswer:
      case kConfidence:
      case kCorrect:
        return runSortKey(index.row(), index.column());
      default:
        return data(index, Qt::DisplayRole);
    }
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
      if (role == Qt::ForegroundRole && it->is_idk_question())
        return Theme::text(Theme::Tone::kCaution);
      if (role == Qt::FontRole && it->is_idk_question()) {
        QFont font;
        font.setItalic(true);
        return font;
      }
      return {};
    case kSplit:
      if (role == Qt::DisplayRole) return splitName(it->split);
      return {};
    case kCategory:
      if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return qs(it->category);
      return {};
    case kRunAnswer: {
      if (!predicted)
        return role == Qt::DisplayRole && overlay_ ? QVariant(QStringLiteral("—")) : QVariant();
      const int k = overlay_->predicted[row];
      if (k < 0) {
        // The model gave no option letter: say so, never a number that looks like an option.
        if (role == Qt::DisplayRole) return tr("No answer");
        if (role == Qt::ToolTipRole)
          return tr("The model gave no option letter; this counts as a wrong answer");
        return {};
      }
      if (role == Qt::DisplayRole) {
        if (static_cast<std::size_t>(k) >= it->options.size()) return QString::number(k);
        const data::Option& o = it->options[static_cast<std::size_t>(k)];
        return QString(QString(QLatin1Char(o.letter)) + QStringLiteral(" · ") + oneLine(o.text));
      }
      if (role == Qt::ToolTipRole) return tr("The option the run chose (highest probability)");
      return {};
    }
    case kConfidence:
      if (!predicted) return {};
      if (role == Qt::DisplayRole) return confidenceText(overlay_->confidence[row]);
      if (role == Qt::ToolTipRole)
        return tr("%1 %, as the model gave it (before any temperature scaling)")
            .arg(QLocale().toString(100 * overlay_->confidence[row], 'f', 2));
      if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
      return {};
    case kCorrect:
      if (!predicted) return {};
      if (role == Qt::DisplayRole)
        return overlay_->correct[row] == 1 ? tr("✓ right") : tr("✗ wrong");
      if (role == Qt::ForegroundRole)
        return Theme::text(overlay_->correct[row] == 1 ? Theme::Tone::kGood : Theme::Tone::kBad);
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
      case kRunAnswer:
        return tr("Run's answer");
      case kConfidence:
        return tr("Confidence");
      case kCorrect:
        return tr("Result");
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
      case kRunAnswer:
        return overlay_ ? tr("The answer of %1").arg(overlay_->name) : QVariant();
      case kConfidence:
        return tr(
            "The run's confidence in its answer as the model gave it, before any temperature "
            "scaling: the largest option probability");
      case kCorrect:
        return tr(
            "Whether the run's answer is the gold answer; sort it descending for "
            "“confidently wrong first”");
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
