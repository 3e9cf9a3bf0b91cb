// The bin count and binning scheme, as two controls that sit in the tool bar.
#pragma once

#include <QWidget>

#include "calib/metrics.h"

class QComboBox;
class QSpinBox;

namespace unveil::ui {

class BinningControls : public QWidget {
  Q_OBJECT

 public:
  explicit BinningControls(QWidget* parent = nullptr);

  calib::MetricsOptions options() const;
  /// Sets the bins and binning; the confidence stays the user's choice of this session.
  void setOptions(const calib::MetricsOptions& options);

  QSpinBox* binsBox() const { return bins_; }
  QComboBox* binningBox() const { return binning_; }
  QComboBox* confidenceBox() const { return confidence_; }

 signals:
  void optionsChanged(const unveil::calib::MetricsOptions& options);

 private:
  QSpinBox* bins_ = nullptr;
  QComboBox* binning_ = nullptr;
  QComboBox* confidence_ = nullptr;
};

}  // namespace unveil::ui
