#include "metrics/metrics_table_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QPointF>

#include <cmath>

#include "app/theme.h"
#include "calib/metric_catalog.h"
#include "metrics/metric_labels.h"

namespace unveil::ui {

namespace {
std::optional<double> maybe(const std::optional<calib::Metrics>& m, double calib::Metrics::*field) {
  if (!m) return std::nullopt;
  return (*m).*field;
}
}  // namespace

MetricsTableModel::MetricsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void MetricsTableModel::addRow(const QString& key, const QString& name, const QString& help,
                               Format format, bool lowerIsBetter, std::optional<double> before,
                               std::optional<double> after, const QString& undefinedWhy) {
  rows_.push_back(Row{key, name, help, format, lowerIsBetter, before, after, undefinedWhy});
}

void MetricsTableModel::setMetrics(const calib::Metrics& b,
                                   const std::optional<calib::Metrics>& a) {
  beginResetModel();
  rows_.clear();
  hasAfter_ = a.has_value();
  ciBefore_.reset();  // they belonged to the previous numbers
  ciAfter_.reset();
  using M = calib::Metrics;
  addRow(QStringLiteral("n"), tr("Predictions"),
         tr("How many predictions were analysed. With few predictions every number below is "
            "uncertain."),
         Format::kCount, false, static_cast<double>(b.n),
         a ? std::optional<double>(static_cast<double>(a->n)) : std::nullopt);
  if (b.n_unanswered > 0) {
    // Never hidden: a model that often gives no option letter must not look better than it is.
    addRow(QStringLiteral("n_unanswered"), tr("Unanswered"),
           b.unanswered_dropped
               ? tr("Predictions in which the model gave no option letter. They are left out of "
                    "every number below (the study's choice), so those numbers describe only "
                    "the questions it answered.")
               : tr("Predictions in which the model gave no option letter. They count as wrong "
                    "answers in every number below, with the confidence of the model's top "
                    "option."),
           Format::kCount, false, static_cast<double>(b.n_unanswered),
           a ? std::optional<double>(static_cast<double>(a->n_unanswered)) : std::nullopt);
  }
  // A metric of calib::metric_catalog(): its words from metric_labels.cpp, its unit and direction
  // from the catalog.
  const auto metric = [&](const char* key, const QString& undefinedWhy = {}) {
    const calib::MetricInfo& info = *calib::find_metric(key);
    addRow(QString::fromLatin1(key), metricRowName(key), metricHelp(key), metricUnit(key),
           info.direction == calib::MetricDirection::kLowerBetter, info.value(b),
           a ? info.value(*a) : std::nullopt, undefinedWhy);
  };
  metric("accuracy");
  addRow(QStringLiteral("mean_confidence"), tr("Mean confidence"),
         tr("How sure the model is of its chosen answers, on average. Above the accuracy means "
            "over-confident; below it, under-confident."),
         Format::kPercent, false, b.mean_confidence, maybe(a, &M::mean_confidence));
  for (const char* key : {"ece", "mce", "rmsce", "ace", "brier", "nll"})
    metric(key);
  metric("auroc", tr("Undefined here: every prediction is right, or every one is wrong, so there "
                     "is nothing to separate."));
  metric("aurc");
  if (b.has_idk) {
    metric("idk_rate");
    addRow(QStringLiteral("answered"), tr("Answered"),
           tr("How many predictions gave an answer rather than “I don't know”."), Format::kCount,
           false, static_cast<double>(b.answered),
           a ? std::optional<double>(static_cast<double>(a->answered)) : std::nullopt);
    const QString noAnswers = tr("Undefined here: the model answered no question.");
    metric("accuracy_answered", noAnswers);
    metric("ece_answered", noAnswers);
  }
  endResetModel();
}

void MetricsTableModel::clear() {
  beginResetModel();
  rows_.clear();
  hasAfter_ = false;
  ciBefore_.reset();
  ciAfter_.reset();
  endResetModel();
}

int MetricsTableModel::rowOf(const QString& key) const {
  for (std::size_t i = 0; i < rows_.size(); ++i)
    if (rows_[i].key == key) return static_cast<int>(i);
  return -1;
}

int MetricsTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int MetricsTableModel::columnCount(const QModelIndex& parent) const {
  if (parent.isValid()) return 0;
  return hasAfter_ ? 3 : 2;
}

QString MetricsTableModel::formatValue(const Row& row, const std::optional<double>& value,
                                       bool bare) const {
  return value ? metricText(*value, row.format, bare) : QStringLiteral("—");
}

void MetricsTableModel::setIntervals(const std::optional<calib::BootstrapResult>& before,
                                     const std::optional<calib::BootstrapResult>& after) {
  ciBefore_ = before;
  ciAfter_ = after;
  if (!rows_.empty()) emit dataChanged(index(0, kBefore), index(rowCount() - 1, columnCount() - 1));
}

std::optional<calib::Interval> MetricsTableModel::interval(const Row& row, int column) const {
  const auto& ci = column == kAfter ? ciAfter_ : ciBefore_;
  if (!ci || (column != kBefore && column != kAfter)) return std::nullopt;
  const auto it = ci->ci.find(row.key.toStdString());
  if (it == ci->ci.end() || !it->second) return std::nullopt;
  return it->second;
}

QVariant MetricsTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) return {};
  const Row& row = rows_[static_cast<std::size_t>(index.row())];
  const int column = index.column();
  const std::optional<double>& value = column == kAfter ? row.after : row.before;
  const bool valueColumn = column == kBefore || column == kAfter;
  const bool undefined = valueColumn && (!value || !std::isfinite(*value));

  switch (role) {
    case Qt::DisplayRole: {
      if (column == kName) return row.name;
      QString text = formatValue(row, value);
      if (const auto ci = interval(row, column); ci && !undefined)
        text += QStringLiteral("  ") + intervalText(ci->lo, ci->hi, row.format);
      return text;
    }
    case kIntervalRole: {
      const auto ci = interval(row, column);
      return ci ? QVariant(QPointF(ci->lo, ci->hi)) : QVariant();
    }
    case Qt::ToolTipRole: {
      QString tip = QStringLiteral("<b>") + row.name.toHtmlEscaped() + QStringLiteral("</b><br>") +
                    row.help.toHtmlEscaped();
      if (const auto& ci = column == kAfter ? ciAfter_ : ciBefore_; ci && interval(row, column))
        tip += QStringLiteral("<br><br>") +
               tr("In brackets: the %1 % bootstrap interval — the range the value would likely "
                  "take on another sample of items like these (%2 resamples of the items, seed "
                  "%3).")
                   .arg(QString::number(100 * ci->level, 'f', 0))
                   .arg(QLocale().toString(ci->replicates))
                   .arg(ci->seed);
      if (undefined && !row.undefinedWhy.isEmpty())
        tip += QStringLiteral("<br><br>") + row.undefinedWhy.toHtmlEscaped();
      if (column == kAfter) tip += QStringLiteral("<br><br>") + tr("After temperature scaling.");
      return tip;
    }
    case Qt::TextAlignmentRole:
      return QVariant::fromValue(column == kName ? Qt::AlignLeft | Qt::AlignVCenter
                                                 : Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
      if (column == kAfter && row.before && row.after &&
          (row.format == Format::kScore || row.format == Format::kPoints)) {
        const double change = *row.after - *row.before;
        if (std::abs(change) < 5e-4) return {};
        const bool better = row.lowerIsBetter ? change < 0 : change > 0;
        return QBrush(Theme::text(better ? Theme::Tone::kGood : Theme::Tone::kBad));
      }
      if (undefined) return QBrush(Theme::text(Theme::Tone::kMuted));
      return {};
    case Qt::FontRole:
      if (column == kName) {
        QFont font;
        font.setWeight(QFont::DemiBold);
        return font;
      }
      return {};
    case kValueRole:
      return value && valueColumn ? QVariant(*value) : QVariant();
    case kKeyRole:
      return row.key;
    default:
      return {};
  }
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kName:
      return tr("Metric");
    case kBefore:
      return hasAfter_ ? tr("Before") : tr("Value");
    case kAfter:
      return tr("After");
    default:
      return {};
  }
}

}  // namespace unveil::ui
