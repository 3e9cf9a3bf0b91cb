// The numbers beside the pictures: what was opened, the metrics table (before/after when a
// temperature has been fitted) and, in plain words, what the temperature fit did.
#pragma once

#include <QWidget>
#include <optional>

#include "calib/bootstrap.h"
#include "calib/metrics.h"
#include "calib/temperature.h"

class QLabel;
class QTableView;

namespace unveil::ui {

class MetricsTableModel;

/// What the temperature box says: the fit and where it came from.
struct TemperatureSummary {
  calib::TemperatureFit fit;
  QString fitSetName;  ///< the calibration file
  std::size_t fitSetSize = 0;
};

class MetricsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit MetricsPanel(QWidget* parent = nullptr);

  void setMetrics(const calib::Metrics& before, const std::optional<calib::Metrics>& after);
  /// Bootstrap intervals of the shown metrics; shown in brackets after each value.
  void setIntervals(const std::optional<calib::BootstrapResult>& before,
                    const std::optional<calib::BootstrapResult>& after);
  void setTemperature(const std::optional<TemperatureSummary>& summary);
  void clear();

  MetricsTableModel* model() const { return model_; }
  QTableView* table() const { return table_; }
  QString temperatureText() const;
  /// The temperature box's tooltip: what scaling is, T to four decimals and the fit's NLL.
  QString temperatureDetails() const;

 protected:
  bool event(QEvent* event) override;

 private:
  /// The panel's minimum height for its width: the temperature's wrapped lines and the
  /// table's minimum, so that a short dock never cuts the summary off.
  void fitMinimumHeight();
  static QString temperatureHelp();
  void fitTableHeight();

  QTableView* table_ = nullptr;
  MetricsTableModel* model_ = nullptr;
  QLabel* temperature_ = nullptr;
};

}  // namespace unveil::ui
