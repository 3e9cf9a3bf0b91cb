#include "metrics/metrics_table_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QPointF>

#include <cmath>

#include "app/theme.h"

namespace unveil::ui {

namespace {
std::optional<double> maybe(const std::optional<calib::Metrics>& m, double calib::Metrics::*field) {
  if (!m) return std::nullopt;
  return (*m).*field;
}
std::optional<double> maybe(const std::optional<calib::Metrics>& m,
                            std::optional<double> calib::Metrics::*field) {
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
  addRow(QStringLiteral("accuracy"), tr("Accuracy"),
         tr("The share of predictions that are right. Temperature scaling never changes it: it "
            "changes how sure the model says it is, not which answer it picks."),
         Format::kPercent, false, b.accuracy, maybe(a, &M::accuracy));
  addRow(QStringLiteral("mean_confidence"), tr("Mean confidence"),
         tr("How sure the model is of its chosen answers, on average. Above the accuracy means "
            "over-confident; below it, under-confident."),
         Format::kPercent, false, b.mean_confidence, maybe(a, &M::mean_confidence));
  addRow(
      QStringLiteral("ece"), tr("ECE"),
      tr("Expected calibration error: the average gap between how confident the model is and "
         "how often it is right, weighted by how many predictions fall in each confidence bin, in "
         "percentage points: 10 points means that confidence and accuracy are, on average, "
         "10 points of 100 apart. 0 is perfect."),
      Format::kPoints, true, b.ece, maybe(a, &M::ece));
  addRow(QStringLiteral("mce"), tr("MCE"),
         tr("Maximum calibration error: the largest gap between confidence and accuracy in any "
            "single bin. It shows the worst case, and small bins can make it jumpy. 0 is perfect."),
         Format::kPoints, true, b.mce, maybe(a, &M::mce));
  addRow(QStringLiteral("rmsce"), tr("RMS calibration error"),
         tr("Root-mean-square calibration error: like ECE, but large gaps count more than small "
            "ones. 0 is perfect."),
         Format::kPoints, true, b.rmsce, maybe(a, &M::rmsce));
  addRow(QStringLiteral("ace"), tr("ACE"),
         tr("Adaptive calibration error: ECE computed with bins that each hold the same number of "
            "predictions, so that nearly empty bins cannot distort it. 0 is perfect."),
         Format::kPoints, true, b.ace, maybe(a, &M::ace));
  addRow(QStringLiteral("brier"), tr("Brier score"),
         tr("The mean squared difference between the predicted probabilities and the truth (1 for "
            "the right option, 0 for the others). It rewards answers that are both right and "
            "honestly confident. 0 is perfect, 2 is the worst."),
         Format::kScore, true, b.brier, maybe(a, &M::brier));
  addRow(QStringLiteral("nll"), tr("NLL"),
         tr("Negative log-likelihood: how surprised the model is by the right answer, on average. "
            "Confident mistakes are punished hard. Lower is better; temperature scaling minimises "
            "it on the calibration split."),
         Format::kScore, true, b.nll, maybe(a, &M::nll));
  addRow(QStringLiteral("auroc"), tr("AUROC"),
         tr("How well confidence separates right from wrong answers: the chance that a random "
            "right answer has a higher confidence than a random wrong one. 0.5 is no better than "
            "a coin, 1 is perfect."),
         Format::kScore, false, b.auroc, maybe(a, &M::auroc),
         tr("Undefined here: every prediction is right, or every one is wrong, so there is "
            "nothing to separate."));
  addRow(QStringLiteral("aurc"), tr("AURC"),
         tr("Area under the risk–coverage curve: the error rate when only the most confident "
            "predictions are kept, averaged over every cut-off. Lower is better: the answers the "
            "model is surest of should be the right ones."),
         Format::kScore, true, b.aurc, maybe(a, &M::aurc));
  if (b.has_idk) {
    addRow(QStringLiteral("idk_rate"), tr("“I don't know” rate"),
           tr("The share of predictions that chose the “I don't know” option instead of an "
              "answer. On questions that cannot be answered, that is the right choice."),
           Format::kPercent, false, b.idk_rate, maybe(a, &M::idk_rate));
    addRow(QStringLiteral("answered"), tr("Answered"),
           tr("How many predictions gave an answer rather than “I don't know”."), Format::kCount,
           false, static_cast<double>(b.answered),
           a ? std::optional<double>(static_cast<double>(a->answered)) : std::nullopt);
    const QString noAnswers = tr("Undefined here: the model answered no question.");
    addRow(QStringLiteral("accuracy_answered"), tr("Accuracy (answered)"),
           tr("Accuracy on the predictions that gave an answer, leaving out “I don't know”."),
           Format::kPercent, false, b.accuracy_answered, maybe(a, &M::accuracy_answered),
           noAnswers);
    addRow(QStringLiteral("ece_answered"), tr("ECE (answered)"),
           tr("Expected calibration error on the predictions that gave an answer, leaving out “I "
              "don't know”. 0 is perfect."),
           Format::kPoints, true, b.ece_answered, maybe(a, &M::ece_answered), noAnswers);
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
