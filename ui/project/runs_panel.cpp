#include "project/runs_panel.h"

#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPersistentModelIndex>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <utility>

#include "project/project_session.h"
#include "project/runs_table_model.h"

namespace unveil::ui {

RunsPanel::RunsPanel(ProjectSession* project, QWidget* parent)
    : QWidget(parent), project_(project) {
  model_ = new RunsTableModel(this);
  auto* sorted = new QSortFilterProxyModel(this);
  sorted->setSourceModel(model_);
  sorted->setSortRole(RunsTableModel::kValueRole);
  view_ = new QTableView(this);
  view_->setObjectName(QStringLiteral("runsTable"));
  view_->setModel(sorted);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view_->setAlternatingRowColors(true);
  view_->setWordWrap(false);
  view_->setSortingEnabled(true);
  view_->sortByColumn(-1, Qt::AscendingOrder);
  view_->verticalHeader()->hide();
  view_->setShowGrid(false);
  // Room for two runs below the header, so the panel is never just a header and a scroll bar.
  view_->setMinimumHeight(view_->horizontalHeader()->sizeHint().height() +
                          2 * view_->verticalHeader()->defaultSectionSize() +
                          2 * view_->frameWidth());
  view_->horizontalHeader()->setStretchLastSection(false);
  view_->horizontalHeader()->setSectionResizeMode(RunsTableModel::kName, QHeaderView::Stretch);
  view_->setToolTip(tr("Choose a run to show its reliability diagram, histogram and metrics"));
  const int widths[] = {44, 0, 120, 160, 80, 90, 90, 70, 80, 70};
  for (int c = 0; c < RunsTableModel::kColumnCount; ++c)
    if (widths[c] > 0) view_->setColumnWidth(c, widths[c]);
  // The numbers are never cut ("10.5 个百分点" is wider than "0.105" was).
  for (int c : {int(RunsTableModel::kN), int(RunsTableModel::kAccuracy), int(RunsTableModel::kEce)})
    view_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

  header_ = new QLabel(this);
  header_->setObjectName(QStringLiteral("datasetLabel"));
  header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  notice_ = new QLabel(this);
  notice_->setObjectName(QStringLiteral("readOnlyNote"));
  notice_->setWordWrap(true);
  notice_->hide();

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(10, 4, 10, 6);
  layout->setSpacing(4);
  layout->addWidget(header_);
  layout->addWidget(notice_);
  layout->addWidget(view_, 1);

  connect(project_, &ProjectSession::changed, this, &RunsPanel::projectChanged);
  connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (!current.isValid()) return;
            rowJustChosen_ = true;
            emit runChosen(current.data(RunsTableModel::kRunIdRole).toLongLong());
          });
  // A click on the run already chosen asks for it again: after a file was opened it is no longer
  // the one shown, and the click must bring it back.
  connect(view_, &QTableView::clicked, this, [this](const QModelIndex& index) {
    if (std::exchange(rowJustChosen_, false) || !index.isValid()) return;
    emit runChosen(index.data(RunsTableModel::kRunIdRole).toLongLong());
  });
  view_->viewport()->installEventFilter(this);  // each press starts with no row just chosen
  projectChanged();
}

void RunsPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  // On a narrow panel the model, dataset and condition columns give way: the run's name says
  // them (model · dataset · split · condition), and the numbers stay in view without a
  // horizontal scroll bar.
  const bool narrow = width() < 1000;
  for (int c : {int(RunsTableModel::kModel), int(RunsTableModel::kDataset),
                int(RunsTableModel::kCondition)})
    view_->setColumnHidden(c, narrow);
}

bool RunsPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == view_->viewport() && event->type() == QEvent::MouseButtonPress)
    rowJustChosen_ = false;  // set again if this press moves to another row
  return QWidget::eventFilter(watched, event);
}

void RunsPanel::projectChanged() {
  const qint64 selected = currentRun();
  const auto& state = project_->state();
  {
    // A refresh keeps the chosen run without choosing it again.
    const QSignalBlocker blocker(view_->selectionModel());
    model_->setRuns(state ? state->runs : std::vector<RunRow>{});
    const int row = model_->rowOfRun(selected);
    if (row >= 0) {
      auto* proxy = static_cast<QSortFilterProxyModel*>(view_->model());
      view_->selectionModel()->setCurrentIndex(
          proxy->mapFromSource(model_->index(row, 0)),
          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
  }
  if (!state) {
    header_->setText(tr("No project open — File ▸ New project… or Open project…"));
    notice_->hide();
    return;
  }
  const int runs = static_cast<int>(state->runs.size());
  const int datasets = static_cast<int>(state->datasets.size());
  header_->setText(QStringLiteral("<b>") + QFileInfo(state->path).fileName().toHtmlEscaped() +
                   QStringLiteral("</b> · ") + tr("%n run(s)", nullptr, runs) +
                   QStringLiteral(" · ") + tr("%n dataset(s)", nullptr, datasets));
  header_->setToolTip(state->path);
  notice_->setText(state->notice.isEmpty() && state->readOnly
                       ? tr("Read-only: nothing can be saved to this project")
                       : state->notice);
  notice_->setVisible(state->readOnly);
}

QString RunsPanel::headerText() const {
  return header_->text();
}
QString RunsPanel::noticeText() const {
  return notice_->isHidden() ? QString() : notice_->text();
}

QSize RunsPanel::sizeHint() const {
  return {QWidget::sizeHint().width(), heightShowing(4)};
}

int RunsPanel::heightShowing(int rows) const {
  const QMargins m = layout()->contentsMargins();
  int h = m.top() + m.bottom() + header_->sizeHint().height() + layout()->spacing() +
          view_->horizontalHeader()->sizeHint().height() +
          rows * view_->verticalHeader()->defaultSectionSize() + 2 * view_->frameWidth();
  if (!notice_->isHidden()) h += notice_->sizeHint().height() + layout()->spacing();
  return h;
}

qint64 RunsPanel::currentRun() const {
  const QModelIndex current = view_->selectionModel()->currentIndex();
  return current.isValid() ? current.data(RunsTableModel::kRunIdRole).toLongLong() : -1;
}

bool RunsPanel::selectRun(qint64 id) {
  const int row = model_->rowOfRun(id);
  if (row < 0) return false;
  auto* proxy = static_cast<QSortFilterProxyModel*>(view_->model());
  const QModelIndex index = proxy->mapFromSource(model_->index(row, RunsTableModel::kName));
  if (view_->selectionModel()->currentIndex().row() == index.row()) {
    view_->scrollTo(index);
    return true;  // already shown
  }
  view_->selectionModel()->setCurrentIndex(
      index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  view_->scrollTo(index);
  // Once more after the layout settles (the dock may be resized in the same pass); by then the
  // runs may have been read again, so hold the row by a persistent index.
  QTimer::singleShot(0, view_, [view = view_, row = QPersistentModelIndex(index)] {
    if (row.isValid()) view->scrollTo(row);
  });
  return true;
}

}  // namespace unveil::ui
