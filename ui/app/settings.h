// The user's settings, typed, with their keys declared in this one place.
#pragma once

#include <QString>

#include "calib/metrics.h"

namespace unveil::ui {

class Settings {
 public:
  /// UI language ("zh_CN"); empty means the system locale.
  static QString language();
  static void setLanguage(const QString& language);

  /// The folder the last file dialog was in.
  static QString lastDirectory();
  static void setLastDirectory(const QString& directory);

  /// Bin count and binning of the last session.
  static calib::MetricsOptions metricsOptions();
  static void setMetricsOptions(const calib::MetricsOptions& options);

  static constexpr int kMinBins = 2;
  static constexpr int kMaxBins = 50;
  static constexpr int kDefaultBins = 10;  ///< the study's choice
};

}  // namespace unveil::ui
