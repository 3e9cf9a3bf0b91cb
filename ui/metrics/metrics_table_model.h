// The metrics of one prediction set (and optionally of the same set after temperature scaling)
// as a table: one row per metric, a tooltip on every cell saying what it means.
#pragma once

#include <QAbstractTableModel>
#include <optional>
#include <vector>

#include "calib/bootstrap.h"
#include "calib/metrics.h"
#include "metrics/shown_numbers.h"

namespace unveil::ui {

class MetricsTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { kName = 0, kBefore = 1, kAfter = 2 };
  enum Role {
    kValueRole = Qt::UserRole + 1,  ///< the raw value (double, or invalid when undefined)
    kKeyRole,                       ///< the metric's key ("ece"), as in the CLI's JSON
    kIntervalRole,  ///< QPointF(lo, hi) of the bootstrap interval, invalid when none
  };

  explicit MetricsTableModel(QObject* parent = nullptr);

  /// Shows `before`, and `after` in a second column when given.
  void setMetrics(const calib::Metrics& before, const std::optional<calib::Metrics>& after);
  void clear();
  /// Bootstrap intervals of the shown metrics (before, and after scaling when shown); the cells
  /// then read "0.119 (0.098–0.141)". Empty maps: none (yet).
  void setIntervals(const std::optional<calib::BootstrapResult>& before,
                    const std::optional<calib::BootstrapResult>& after);
  bool hasIntervals() const { return ciBefore_.has_value(); }

  bool hasAfter() const { return hasAfter_; }
  /// The row of a metric key, or -1.
  int rowOf(const QString& key) const;

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  using Format = ShownUnit;  // as every view that shows these metrics writes them
  struct Row {
    QString key;
    QString name;
    QString help;
    Format format = Format::kScore;
    bool lowerIsBetter = true;
    std::optional<double> before, after;
    QString undefinedWhy;  ///< why a value may be missing
  };

  void addRow(const QString& key, const QString& name, const QString& help, Format format,
              bool lowerIsBetter, std::optional<double> before, std::optional<double> after,
              const QString& undefinedWhy = QString());
  /// `bare`: the number without its unit (inside the interval's brackets, after the value).
  QString formatValue(const Row& row, const std::optional<double>& value, bool bare = false) const;

  std::optional<calib::Interval> interval(const Row& row, int column) const;

  std::vector<Row> rows_;
  bool hasAfter_ = false;
  std::optional<calib::BootstrapResult> ciBefore_, ciAfter_;
};

}  // namespace unveil::ui
