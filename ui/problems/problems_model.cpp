#include "problems/problems_model.h"

#include <QFileInfo>

#include "app/core_messages.h"

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
  // In the window's language: "file: where: what".
  const auto said = [&p]() -> QString {
    return QString::fromStdString(p.file) + QStringLiteral(": ") + coreText(p.place, p.where) +
           QStringLiteral(": ") + coreText(p.detail, p.message);
  };
  if (role == kProblemTextRole) return said();
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case kFile:
        return QFileInfo(QString::fromStdString(p.file)).fileName();
      case kWhere:
        return coreText(p.place, p.where);
      case kMessage:
        return coreText(p.detail, p.message);
      default:
        return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    if (index.column() == kFile) return QString::fromStdString(p.file);
    return said();
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
