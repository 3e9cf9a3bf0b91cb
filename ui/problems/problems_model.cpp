#include "problems/problems_model.h"

#include <QFileInfo>

namespace unveil::ui {

void ProblemsModel::setProblems(std::vector<data::Problem> problems) {
  beginResetModel();
  problems_ = std::move(problems);
  endResetModel();
}

int ProblemsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(problems_.size());
}

int ProblemsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const data::Problem& p = problems_[static_cast<std::size_t>(index.row())];
  if (role == kProblemTextRole) return QString::fromStdString(p.to_string());
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case kFile:
        return QFileInfo(QString::fromStdString(p.file)).fileName();
      case kWhere:
        return QString::fromStdString(p.where);
      case kMessage:
        return QString::fromStdString(p.message);
      default:
        return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    if (index.column() == kFile) return QString::fromStdString(p.file);
    return QString::fromStdString(p.to_string());
  }
  return {};
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kFile:
      return tr("File");
    case kWhere:
      return tr("Where");
    case kMessage:
      return tr("Problem");
    default:
      return {};
  }
}

}  // namespace unveil::ui
