// The user's settings, typed, with their keys declared in this one place.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

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

  /// Project files opened most recently, newest first (at most kMaxRecentProjects).
  static QStringList recentProjects();
  static void setRecentProjects(const QStringList& files);
  /// Puts `file` first in the recent list.
  static void addRecentProject(const QString& file);

  /// The project open when the window last closed ("" when none); reopened on start.
  static QString lastProject();
  static void setLastProject(const QString& file);

  /// Model cards opened with File ▸ Open model…, most recent first.
  static QStringList models();
  static void setModels(const QStringList& cards);

  /// QMainWindow::saveGeometry()/saveState() and the dataset page's splitter, as last left.
  static QByteArray windowGeometry();
  static void setWindowGeometry(const QByteArray& geometry);
  static QByteArray windowState();
  static void setWindowState(const QByteArray& state);
  static QByteArray datasetSplitterState();
  static void setDatasetSplitterState(const QByteArray& state);

  static constexpr int kMaxRecentProjects = 8;
  static constexpr int kMinBins = 2;
  static constexpr int kMaxBins = 50;
  static constexpr int kDefaultBins = 10;  ///< the study's choice
};

}  // namespace unveil::ui
