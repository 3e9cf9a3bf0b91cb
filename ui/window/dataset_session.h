// The dataset open in the browser, and the background job that reads it.
#pragma once

#include <QObject>
#include <functional>
#include <optional>

#include "browser/dataset_loading.h"

namespace unveil::ui {

class DatasetSession : public QObject {
  Q_OBJECT

 public:
  explicit DatasetSession(QObject* parent = nullptr);
  ~DatasetSession() override;

  /// Reads a dataset file off the UI thread; loaded() or failed() follows.
  void open(const QString& path);
  /// Reads a dataset of a project off the UI thread; loaded() or failed() follows.
  void openFromProject(const QString& projectPath, const QString& name);

  const std::optional<LoadedDataset>& dataset() const { return dataset_; }
  bool isBusy() const { return busy_ > 0; }
  const QString& lastError() const { return lastError_; }

 signals:
  void activityChanged(const QString& activity);
  void loaded();
  void failed(const QString& message);
  void idle();

 private:
  void read(const QString& activity, std::function<DatasetLoadResult()> work);

  std::optional<LoadedDataset> dataset_;
  quint64 generation_ = 0;
  int busy_ = 0;
  QString lastError_;
};

}  // namespace unveil::ui
