#include "plots/confidence_scatter.h"

#include <QCursor>

#include "plots/plot_theme.h"

namespace unveil::ui {

namespace {

enum Group { kKeptRight, kKeptWrong, kToRight, kToWrong };

Group groupOf(const analysis::ConfidencePair& p) {
  // The reference is "with the image": changed to right means wrong here, right with the image.
  if (p.reference_correct && p.correct) return kKeptRight;
  if (!p.reference_correct && !p.correct) return kKeptWrong;
  return p.reference_correct ? kToRight : kToWrong;
}

}  // namespace

ConfidenceScatter::ConfidenceScatter(QWidget* parent) : PlotView(parent) {
  setTitle(tr("Confidence per item"));
  theme::styleAxisRect(axisRect(0));
  QCPAxis* x = axisRect(0)->axis(QCPAxis::atBottom);
  QCPAxis* y = axisRect(0)->axis(QCPAxis::atLeft);
  x->setRange(0, 1.02);
  y->setRange(0, 1.02);
  QCPGraph* diagonal = addGraph(x, y);
  diagonal->setData(QVector<double>{0, 1}, QVector<double>{0, 1});
  diagonal->setPen(QPen(theme::kReference, 1.2, Qt::DashLine));
  diagonal->setName(tr("Same confidence"));
  const std::pair<QColor, QString> looks[] = {
      {theme::kAccuracy, tr("Right both ways")},
      {theme::kReference, tr("Wrong both ways")},
      {theme::kComparison, tr("The image made it right")},
      {theme::kOverConfident, tr("The image made it wrong")}};
  for (const auto& [colour, name] : looks) {
    QCPGraph* g = addGraph(x, y);
    g->setLineStyle(QCPGraph::lsNone);
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, theme::withAlpha(colour, 150), 6));
    g->setName(name);
    groups_.push_back(g);
  }
  legend->setVisible(true);
  theme::styleLegend(legend);
  theme::placeLegendBelow(this, axisRect(0), 2);
  connect(this, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
    if (e->button() == Qt::LeftButton) activatePair(pairAt(e->position()));
  });
}

void ConfidenceScatter::clear() {
  setPairs({}, QString(), QString());
}

void ConfidenceScatter::setPairs(std::vector<analysis::ConfidencePair> pairs,
                                 const QString& reference, const QString& condition) {
  pairs_ = std::move(pairs);
  axisRect(0)->axis(QCPAxis::atBottom)->setLabel(tr("Confidence: %1").arg(reference));
  axisRect(0)->axis(QCPAxis::atLeft)->setLabel(tr("Confidence: %1").arg(condition));
  std::vector<QVector<double>> xs(groups_.size()), ys(groups_.size());
  for (const analysis::ConfidencePair& p : pairs_) {
    const auto g = static_cast<std::size_t>(groupOf(p));
    xs[g] << p.reference;
    ys[g] << p.confidence;
  }
  for (std::size_t g = 0; g < groups_.size(); ++g)
    groups_[g]->setData(xs[g], ys[g], /*alreadySorted=*/false);
  setSubtitle(pairs_.empty() ? QString()
                             : tr("%n item(s); click a point to open the item", nullptr,
                                  static_cast<int>(pairs_.size())));
  requestReplot();
}

int ConfidenceScatter::pairAt(const QPointF& pos, double radius) const {
  QCPAxis* x = axisRect(0)->axis(QCPAxis::atBottom);
  QCPAxis* y = axisRect(0)->axis(QCPAxis::atLeft);
  int best = -1;
  double bestDistance = radius * radius;
  for (std::size_t i = 0; i < pairs_.size(); ++i) {
    const double dx = x->coordToPixel(pairs_[i].reference) - pos.x();
    const double dy = y->coordToPixel(pairs_[i].confidence) - pos.y();
    const double d = dx * dx + dy * dy;
    if (d <= bestDistance) {
      bestDistance = d;
      best = static_cast<int>(i);
    }
  }
  return best;
}

void ConfidenceScatter::activatePair(int i) {
  if (i >= 0 && static_cast<std::size_t>(i) < pairs_.size())
    emit itemClicked(QString::fromStdString(pairs_[static_cast<std::size_t>(i)].item));
}

QString ConfidenceScatter::exportBaseName() const {
  return QStringLiteral("confidence-scatter");
}

QString ConfidenceScatter::toolTipAt(double) const {
  const int i = pairAt(mapFromGlobal(QCursor::pos()));
  if (i < 0) return QString();
  const analysis::ConfidencePair& p = pairs_[static_cast<std::size_t>(i)];
  return tr("<b>%1</b><br>with the image: %2 % (%3)<br>this condition: %4 % (%5)")
      .arg(QString::fromStdString(p.item).toHtmlEscaped(),
           QString::number(100 * p.reference, 'f', 1),
           p.reference_correct ? tr("right") : tr("wrong"),
           QString::number(100 * p.confidence, 'f', 1), p.correct ? tr("right") : tr("wrong"));
}

}  // namespace unveil::ui
