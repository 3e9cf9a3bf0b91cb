#include "project/runs_table_model.h"
#include "app/run_names.h"
#include "metrics/shown_numbers.h"

#include <QLocale>

namespace unveil::ui {

namespace {
QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

}  // namespace

QString runStatusText(store::RunStatus s) {
  switch (s) {
    case store::RunStatus::kRunning:
      return RunsTableModel::tr("running");
    case store::RunStatus::kInterrupted:
      return RunsTableModel::tr("interrupted");
    case store::RunStatus::kComplete:
      return RunsTableModel::tr("complete");
    case store::RunStatus::kCancelled:
      return RunsTableModel::tr("cancelled");
    case store::RunStatus::kFailed:
      return RunsTableModel::tr("failed");
    case store::RunStatus::kImported:
      return RunsTableModel::tr("imported");
  }
  return {};
}

QString partialRunText(const store::RunInfo& run) {
  if (!store::is_partial(run)) return {};
  const QLocale locale;
  return RunsTableModel::tr("%1 of %2 items · %3")
      .arg(locale.toString(static_cast<qulonglong>(run.predictions)),
           locale.toString(static_cast<qulonglong>(run.spec.expected)), runStatusText(run.status));
}

void RunsTableModel::setRuns(std::vector<RunRow> runs) {
  beginResetModel();
  runs_ = std::move(runs);
  endResetModel();
}

int RunsTableModel::rowOfRun(qint64 id) const {
  for (std::size_t i = 0; i < runs_.size(); ++i)
    if (runs_[i].info.id == id) return static_cast<int>(i);
  return -1;
}

int RunsTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(runs_.size());
}

int RunsTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const RunRow& run = runs_[static_cast<std::size_t>(index.row())];
  const store::RunInfo& info = run.info;
  if (role == kRunIdRole) return static_cast<qint64>(info.id);
  const std::optional<double> value = index.column() == kN          ? run.n
                                      : index.column() == kAccuracy ? run.accuracy
                                      : index.column() == kEce      ? run.ece
                                                                    : std::nullopt;
  if (role == kValueRole) {
    if (value) return *value;
    if (index.column() == kId) return static_cast<qint64>(info.id);
    return data(index, Qt::DisplayRole);
  }
  if (role == Qt::TextAlignmentRole)
    return index.column() == kId || index.column() >= kN
               ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
               : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole) {
    if (index.column() == kStatus && !info.finished_at.empty())
      return tr("Started %1, finished %2").arg(qs(info.started_at), qs(info.finished_at));
    if (index.column() >= kN && !value) return tr("No predictions to measure yet");
    // The names as stored, for a reader who needs the exact split or condition spec.
    if (index.column() == kSplit && !info.spec.split.empty())
      return tr("Split “%1”").arg(qs(info.spec.split));
    if (index.column() == kCondition) return tr("Condition “%1”").arg(qs(info.spec.condition));
    if (index.column() == kName) return tr("Stored as “%1”").arg(qs(info.spec.name));
    return {};
  }
  if (role != Qt::DisplayRole) return {};
  const QLocale locale;
  const double v = value.value_or(0.0);
  switch (index.column()) {
    case kId:
      return static_cast<qint64>(info.id);
    case kName:
      return runName(info);
    case kModel:
      return info.model_name.empty() ? tr("(imported)") : qs(info.model_name);
    case kDataset:
      return qs(info.dataset_name);
    case kSplit:
      return splitName(info.spec.split);
    case kCondition:
      return conditionName(info);
    case kStatus:
      return runStatusText(info.status);
    case kN:
      return value ? locale.toString(static_cast<qlonglong>(v)) : QStringLiteral("—");
    case kAccuracy:
      return value ? QStringLiteral("%1 %").arg(locale.toString(100 * v, 'f', 1))
                   : QStringLiteral("—");
    case kEce:
      return value ? pointsText(v) : QStringLiteral("—");
    default:
      return {};
  }
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case kId:
        return tr("ID");
      case kName:
        return tr("Run");
      case kModel:
        return tr("Model");
      case kDataset:
        return tr("Dataset");
      case kSplit:
        return tr("Split");
      case kCondition:
        return tr("Condition");
      case kStatus:
        return tr("Status");
      case kN:
        return tr("n");
      case kAccuracy:
        return tr("Accuracy");
      case kEce:
        return tr("ECE");
      default:
        return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case kCondition:
        return tr(
            "How the images were given: with the image, without it, blank, perturbed, or "
            "imported from a predictions file");
      case kN:
        return tr("Number of predictions in the run");
      case kAccuracy:
        return tr("Share of items whose most likely option is the right one");
      case kEce:
        return tr(
            "Expected calibration error: the average gap between confidence and accuracy, "
            "over 10 equal-width bins (0 = perfectly calibrated)");
      default:
        return {};
    }
  }
  return {};
}

}  // namespace unveil::ui
