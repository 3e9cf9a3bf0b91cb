#include "problems/problems_panel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "problems/problems_model.h"

namespace unveil::ui {

ProblemsPanel::ProblemsPanel(QWidget* parent) : QWidget(parent) {
  model_ = new ProblemsModel(this);
  auto* sorted = new QSortFilterProxyModel(this);
  sorted->setSourceModel(model_);
  view_ = new QTableView(this);
  view_->setObjectName(QStringLiteral("problemsTable"));
  view_->setModel(sorted);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view_->setAlternatingRowColors(true);
  view_->setSortingEnabled(true);
  view_->sortByColumn(-1, Qt::AscendingOrder);
  view_->setWordWrap(false);
  view_->verticalHeader()->hide();
  view_->setShowGrid(false);
  view_->horizontalHeader()->setStretchLastSection(true);
  view_->setColumnWidth(ProblemsModel::kFile, 180);
  view_->setColumnWidth(ProblemsModel::kWhere, 200);
  view_->setContextMenuPolicy(Qt::ActionsContextMenu);
  auto* copy = new QAction(tr("&Copy"), view_);
  copy->setShortcut(QKeySequence::Copy);
  copy->setShortcutContext(Qt::WidgetShortcut);
  copy->setToolTip(tr("Copy the selected problems as text (Ctrl+C)"));
  connect(copy, &QAction::triggered, this, &ProblemsPanel::copySelection);
  view_->addAction(copy);

  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("problemsSummary"));
  auto* copyAllButton = new QPushButton(tr("Copy all"), this);
  copyAll_ = copyAllButton;
  copyAllButton->setToolTip(
      tr("Copy every problem as text, one per line, to paste into a "
         "report or an issue"));
  connect(copyAllButton, &QPushButton::clicked, this, &ProblemsPanel::copyAll);

  auto* header = new QHBoxLayout;
  header->addWidget(summary_, 1);
  header->addWidget(copyAllButton);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 6, 8, 8);
  layout->addLayout(header);
  layout->addWidget(view_, 1);
  layout->addStretch();  // takes the room while the table is hidden (no problems)
  setProblems({});
}

void ProblemsPanel::setProblems(std::vector<data::Problem> problems, const QString& source) {
  model_->setProblems(std::move(problems));
  const int n = count();
  const QString counted =
      n == 0 ? tr("No problems: every item was read") : tr("%n item(s) skipped", nullptr, n);
  summary_->setText(source.isEmpty() ? counted : source + QStringLiteral(" · ") + counted);
  // With nothing to list, the sentence says so; an empty table and Copy all would say nothing.
  view_->setHidden(n == 0);
  copyAll_->setHidden(n == 0);
}

int ProblemsPanel::count() const {
  return model_->rowCount();
}

QString ProblemsPanel::summaryText() const {
  return summary_->text();
}

QString ProblemsPanel::selectedText() const {
  QList<int> rows;
  for (const QModelIndex& index : view_->selectionModel()->selectedRows())
    rows.append(index.row());
  if (rows.isEmpty())
    for (int r = 0; r < view_->model()->rowCount(); ++r)
      rows.append(r);
  std::sort(rows.begin(), rows.end());
  QStringList lines;
  for (int row : rows)
    lines.append(view_->model()->index(row, 0).data(ProblemsModel::kProblemTextRole).toString());
  return lines.join(QLatin1Char('\n'));
}

void ProblemsPanel::copySelection() const {
  QApplication::clipboard()->setText(selectedText());
}

void ProblemsPanel::copyAll() const {
  QStringList lines;
  for (const data::Problem& p : model_->problems())
    lines.append(QString::fromStdString(p.to_string()));
  QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

}  // namespace unveil::ui
