// The project panel: the open project's datasets, models and runs as one tree. Activating a
// dataset opens it in the browser, a model offers it to the run panels, a run shows its diagrams.
#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace unveil::ui {

class ProjectSession;

class ProjectTree : public QWidget {
  Q_OBJECT

 public:
  enum class Kind { kGroup, kDataset, kModel, kRun };

  explicit ProjectTree(ProjectSession* project, QWidget* parent = nullptr);

  QTreeWidget* tree() const { return tree_; }
  /// Marks the run shown in the diagrams (bold); -1 for none.
  void setShownRun(qint64 runId);
  /// Activates the first row of `kind` whose text starts with `text` (for tests); false when none.
  bool activate(Kind kind, const QString& text);

 signals:
  void datasetActivated(const QString& name);
  void modelActivated(const QString& cardPath);
  void runActivated(qint64 runId);

 private:
  void rebuild();
  void activateItem(QTreeWidgetItem* item);

  ProjectSession* project_ = nullptr;
  QTreeWidget* tree_ = nullptr;
  QLabel* empty_ = nullptr;
  qint64 shownRun_ = -1;
};

}  // namespace unveil::ui
