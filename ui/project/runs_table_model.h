// A project's runs as a table: id, name, model, dataset, split, condition, status, n, accuracy,
// ECE.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "project/project_jobs.h"

namespace unveil::ui {

/// A run's status in words of the window's language ("interrupted").
QString runStatusText(store::RunStatus s);
/// For a partial run (store::is_partial), how much of it there is: "3,072 of 20,000 items ·
/// interrupted"; empty for a whole one.
QString partialRunText(const store::RunInfo& run);

class RunsTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kId,
    kName,
    kModel,
    kDataset,
    kSplit,
    kCondition,
    kStatus,
    kN,
    kAccuracy,
    kEce,
    kColumnCount
  };
  enum Role {
    kRunIdRole = Qt::UserRole + 1,  ///< qint64
    kValueRole,                     ///< the number behind n / accuracy / ECE (for sorting)
  };

  using QAbstractTableModel::QAbstractTableModel;

  void setRuns(std::vector<RunRow> runs);
  const std::vector<RunRow>& runs() const { return runs_; }
  /// The row of run `id`, -1 when it is not listed.
  int rowOfRun(qint64 id) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  std::vector<RunRow> runs_;
};

}  // namespace unveil::ui
