// The problems found while reading a dataset (items skipped and why), as a table: file, where,
// message.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "data/item.h"

namespace unveil::ui {

class ProblemsModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { kFile, kWhere, kMessage, kColumnCount };
  enum Role { kProblemTextRole = Qt::UserRole + 1 };  ///< "file: where: message"

  using QAbstractTableModel::QAbstractTableModel;

  void setProblems(std::vector<data::Problem> problems);
  const std::vector<data::Problem>& problems() const { return problems_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  std::vector<data::Problem> problems_;
};

}  // namespace unveil::ui
