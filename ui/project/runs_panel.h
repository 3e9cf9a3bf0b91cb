// The runs panel: the open project's name (and whether it is read-only) above the table of its
// runs. Choosing a run asks for its diagrams.
#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace unveil::ui {

class ProjectSession;
class RunsTableModel;

class RunsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit RunsPanel(ProjectSession* project, QWidget* parent = nullptr);

  RunsTableModel* model() const { return model_; }
  QTableView* view() const { return view_; }
  QString headerText() const;
  QString noticeText() const;
  /// Selects run `id` (and so shows it, unless it is already chosen) and scrolls to it; false
  /// when it is not listed.
  bool selectRun(qint64 id);
  /// The selected run's id, -1 when none.
  qint64 currentRun() const;
  /// The panel's height that shows `rows` runs below the table's header (with the project's
  /// line above it); the window gives the runs dock this much when it first shows it.
  int heightShowing(int rows) const;
  /// Tall enough for four runs: the window lays its bottom docks out from this.
  QSize sizeHint() const override;

 signals:
  /// A run was chosen: another row, or a click on the chosen one.
  void runChosen(qint64 runId);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void projectChanged();

  ProjectSession* project_ = nullptr;
  RunsTableModel* model_ = nullptr;
  QTableView* view_ = nullptr;
  QLabel* header_ = nullptr;
  QLabel* notice_ = nullptr;
  bool rowJustChosen_ = false;  ///< the current row changed since the last click
};

}  // namespace unveil::ui
