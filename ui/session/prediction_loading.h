// Reading a predictions file off the UI thread: plain functions that never throw, so that they
// can run in QtConcurrent and hand back either a set or a readable message.
#pragma once

#include <QString>
#include <memory>

#include "calib/prediction_set.h"

namespace unveil::ui {

struct LoadedPredictions {
  std::shared_ptr<const calib::PredictionSet> set;
  QString path;         ///< the file, or a ":/examples/..." resource
  QString displayName;  ///< the file name shown to the user
  bool synthetic = false;
  std::size_t skipped = 0;
  // For a run of a project: which run, and the project dataset its items belong to.
  qint64 runId = -1;
  QString datasetName;
  /// For a partial run (interrupted, cancelled, failed): how much of it there is, "3,072 of
  /// 20,000 items · interrupted", shown wherever its numbers are; empty otherwise.
  QString partial;
};

struct LoadResult {
  LoadedPredictions data;
  QString error;  ///< "FILE:LINE: what is wrong" from the reader, or why nothing could be read
  bool ok() const { return error.isEmpty(); }
};

/// Reads a predictions JSONL from a local file or a Qt resource (":/..."). Refuses a file with no
/// predictions. Never throws.
LoadResult loadPredictions(const QString& path);

/// The built-in synthetic example.
QString exampleTestPath();
QString exampleCalibrationPath();
bool isExamplePath(const QString& path);

}  // namespace unveil::ui
