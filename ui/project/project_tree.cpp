#include "project/project_tree.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/run_names.h"
#include "metrics/shown_numbers.h"
#include "project/project_session.h"

namespace unveil::ui {

namespace {

constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kKeyRole = Qt::UserRole + 2;

QTreeWidgetItem* addRow(QTreeWidgetItem* parent, ProjectTree::Kind kind, const QString& text,
                        const QString& detail, const QVariant& key, const QString& tip) {
  // One column: the name; what is known about it in the tooltip and the status bar.
  auto* row = new QTreeWidgetItem(parent, {text});
  row->setData(0, kKindRole, static_cast<int>(kind));
  row->setData(0, kKeyRole, key);
  const QString full = detail.isEmpty() ? tip : detail + QLatin1Char('\n') + tip;
  row->setToolTip(0, full);
  row->setStatusTip(0, detail.isEmpty() ? text : text + QStringLiteral(" · ") + detail);
  return row;
}

/// "shapes-mm-ft · test" (the condition too when it is not the plain image): short enough for the
/// panel; the full name is in the tooltip.
QString runLabel(const store::RunInfo& info) {
  QString label =
      QString::fromStdString(info.model_name.empty() ? info.spec.name : info.model_name);
  if (!info.spec.split.empty()) label += QStringLiteral(" · ") + splitName(info.spec.split);
  if (!info.spec.condition.empty() && info.spec.condition != "image")
    label += QStringLiteral(" · ") + conditionName(info);
  return label;
}

}  // namespace

ProjectTree::ProjectTree(ProjectSession* project, QWidget* parent)
    : QWidget(parent), project_(project) {
  tree_ = new QTreeWidget(this);
  tree_->setObjectName(QStringLiteral("projectTree"));
  tree_->setColumnCount(1);
  tree_->setHeaderHidden(true);
  tree_->setRootIsDecorated(true);
  tree_->setUniformRowHeights(true);
  tree_->setTextElideMode(Qt::ElideRight);
  tree_->setMouseTracking(true);  // status tips while hovering
  tree_->setToolTip(
      tr("A click on a run shows its diagrams. Double-click or press Enter: a dataset opens in "
         "the browser, a model is offered to Run now and New run"));
  empty_ = new QLabel(tr("No project open. File ▸ Open project… or build the demo."), this);
  empty_->setWordWrap(true);
  empty_->setObjectName(QStringLiteral("hint"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(empty_);
  layout->addWidget(tree_, 1);
  connect(tree_, &QTreeWidget::itemActivated, this,
          [this](QTreeWidgetItem* item, int) { activateItem(item); });
  // A run is shown at one click, as in the runs panel: highlighting it and showing nothing looked
  // broken. (Datasets and models, which open or load something, keep the double click.)
  connect(tree_, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item, int) {
    if (item && static_cast<Kind>(item->data(0, kKindRole).toInt()) == Kind::kRun)
      activateItem(item);
  });
  connect(project_, &ProjectSession::changed, this, &ProjectTree::rebuild);
  connect(project_, &ProjectSession::closed, this, &ProjectTree::rebuild);
  rebuild();
}

void ProjectTree::rebuild() {
  tree_->clear();
  const auto& state = project_->state();
  empty_->setVisible(!state);
  tree_->setVisible(state.has_value());
  if (!state) return;
  const QLocale locale;
  auto addGroup = [this](const QString& name, std::size_t n) {
    return new QTreeWidgetItem(tree_, {QStringLiteral("%1 (%2)").arg(name).arg(n)});
  };
  QTreeWidgetItem* datasets = addGroup(tr("Datasets"), state->datasets.size());
  for (const store::DatasetInfo& d : state->datasets) {
    QStringList splits;
    for (const auto& [split, n] : d.splits)
      splits << QStringLiteral("%1: %2").arg(split.empty() ? tr("(no split)") : splitName(split),
                                             locale.toString(static_cast<qulonglong>(n)));
    addRow(datasets, Kind::kDataset, QString::fromStdString(d.name),
           tr("%Ln item(s)", nullptr, static_cast<int>(d.items)), QString::fromStdString(d.name),
           tr("%1\nSplits — %2\nDouble-click to browse its items")
               .arg(QString::fromStdString(d.source), splits.join(QStringLiteral(", "))));
  }
  QTreeWidgetItem* models = addGroup(tr("Models"), state->models.size());
  for (const store::ModelInfo& m : state->models) {
    const QString card = QString::fromStdString(m.path);
    const bool present = QFileInfo::exists(card);
    QTreeWidgetItem* row =
        addRow(models, Kind::kModel, QString::fromStdString(m.name),
               present ? QString() : tr("missing"), card,
               present ? tr("%1\nDouble-click to offer it to Run now and New run").arg(card)
                       : tr("%1\nThe model card is no longer at this path").arg(card));
    row->setDisabled(!present);
  }
  QTreeWidgetItem* runs = addGroup(tr("Runs"), state->runs.size());
  for (const RunRow& r : state->runs) {
    QString detail;
    if (r.accuracy && r.ece)
      detail = tr("acc %1 % · ECE %2")
                   .arg(QString::number(shownPercent(*r.accuracy), 'f', 1), pointsText(*r.ece));
    QTreeWidgetItem* row =
        addRow(runs, Kind::kRun, runLabel(r.info), detail, QVariant::fromValue<qint64>(r.info.id),
               tr("Run %1: %2 · %Ln prediction(s)\nClick to show its diagrams", nullptr,
                  static_cast<int>(r.info.predictions))
                   .arg(r.info.id)
                   .arg(QString::fromStdString(r.info.spec.name)));
    QFont f = row->font(0);
    f.setBold(r.info.id == shownRun_);
    row->setFont(0, f);
  }
  for (QTreeWidgetItem* group : {datasets, models, runs}) {
    QFont f = group->font(0);
    f.setBold(true);
    group->setFont(0, f);
    group->setData(0, kKindRole, static_cast<int>(Kind::kGroup));
    group->setFlags(Qt::ItemIsEnabled);
    group->setExpanded(true);
  }
}

void ProjectTree::setShownRun(qint64 runId) {
  shownRun_ = runId;
  for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
    QTreeWidgetItem* group = tree_->topLevelItem(g);
    for (int i = 0; i < group->childCount(); ++i) {
      QTreeWidgetItem* row = group->child(i);
      if (row->data(0, kKindRole).toInt() != static_cast<int>(Kind::kRun)) continue;
      QFont f = row->font(0);
      f.setBold(row->data(0, kKeyRole).toLongLong() == runId);
      row->setFont(0, f);
    }
  }
}

bool ProjectTree::activate(Kind kind, const QString& text) {
  for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
    QTreeWidgetItem* group = tree_->topLevelItem(g);
    for (int i = 0; i < group->childCount(); ++i) {
      QTreeWidgetItem* row = group->child(i);
      if (row->data(0, kKindRole).toInt() == static_cast<int>(kind) &&
          row->text(0).startsWith(text)) {
        tree_->setCurrentItem(row);
        activateItem(row);
        return true;
      }
    }
  }
  return false;
}

void ProjectTree::activateItem(QTreeWidgetItem* item) {
  if (!item || item->isDisabled()) return;
  const QVariant key = item->data(0, kKeyRole);
  switch (static_cast<Kind>(item->data(0, kKindRole).toInt())) {
    case Kind::kDataset:
      emit datasetActivated(key.toString());
      break;
    case Kind::kModel:
      emit modelActivated(key.toString());
      break;
    case Kind::kRun:
      emit runActivated(key.toLongLong());
      break;
    case Kind::kGroup:
      item->setExpanded(!item->isExpanded());
      break;
  }
}

}  // namespace unveil::ui
