#include "run/probability_bars.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

#include "metrics/shown_numbers.h"

namespace unveil::ui {

namespace {

constexpr int kRowHeight = 24;
constexpr int kGap = 4;
constexpr int kMargin = 4;
const QColor kAnswerColour(0x00, 0x72, 0xB2);  // blue (Okabe–Ito), the plots' accent
const QColor kOtherColour(0xB8, 0xC4, 0xD0);
const QColor kGoldColour(0x00, 0x9E, 0x73);
const QColor kIdkColour(0xC2, 0x7C, 0x0E);

}  // namespace

ProbabilityBars::ProbabilityBars(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("probabilityBars"));
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

void ProbabilityBars::setRows(std::vector<Row> rows) {
  rows_ = std::move(rows);
  updateGeometry();
  update();
}

void ProbabilityBars::clear() {
  setRows({});
}

void ProbabilityBars::setPlaceholder(const QString& text) {
  placeholder_ = text;
  update();
}

QSize ProbabilityBars::sizeHint() const {
  const int n = std::max<int>(1, static_cast<int>(rows_.size()));
  return {320, 2 * kMargin + n * kRowHeight + (n - 1) * kGap};
}

QSize ProbabilityBars::minimumSizeHint() const {
  return {160, sizeHint().height()};
}

int ProbabilityBars::rowAt(int y) const {
  const int i = (y - kMargin) / (kRowHeight + kGap);
  return y >= kMargin && i < static_cast<int>(rows_.size()) ? i : -1;
}

bool ProbabilityBars::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const int i = rowAt(help->pos().y());
    if (i < 0) {
      QToolTip::hideText();
      return true;
    }
    const Row& r = rows_[static_cast<std::size_t>(i)];
    // The exact value, to six significant digits (the bar's label rounds to one decimal).
    QString text = tr("%1. %2: probability %3 % among the options")
                       .arg(r.letter, r.text, QString::number(100 * r.probability, 'g', 6));
    if (r.answer)
      text += QLatin1Char('\n') + tr("The model's answer (the first option letter it generated)");
    if (r.gold) text += QLatin1Char('\n') + tr("The answer the dataset counts as right");
    if (r.idk) text += QLatin1Char('\n') + tr("The “I don't know” option");
    QToolTip::showText(help->globalPos(), text, this);
    return true;
  }
  return QWidget::event(event);
}

void ProbabilityBars::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QFontMetrics fm(font());
  const int labelWidth = std::min(width() / 3, 220);
  const int valueWidth = std::max(fm.horizontalAdvance(QStringLiteral("100.0 %")),
                                  fm.horizontalAdvance(confidenceText(0.9999))) +
                         8;
  const int barLeft = kMargin + labelWidth + 8;
  const int barWidth = std::max(10, width() - barLeft - valueWidth - kMargin);
  if (rows_.empty()) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(
        rect(), Qt::AlignCenter | Qt::TextWordWrap,
        placeholder_.isEmpty() ? tr("Press Run (Ctrl+R) to see the model's answer") : placeholder_);
    return;
  }
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const Row& r = rows_[i];
    const int y = kMargin + static_cast<int>(i) * (kRowHeight + kGap);
    // Label: a mark for gold/IDK, then "A. text", elided.
    QString mark = r.gold ? QStringLiteral("✓") : r.idk ? QStringLiteral("?") : QString();
    QFont f = font();
    f.setBold(r.answer);
    p.setFont(f);
    const QFontMetrics bold(f);
    const QRect markRect(kMargin, y, 16, kRowHeight);
    if (!mark.isEmpty()) {
      p.setPen(r.gold ? kGoldColour : kIdkColour);
      p.drawText(markRect, Qt::AlignCenter, mark);
    }
    p.setPen(palette().color(QPalette::WindowText));
    const QRect labelRect(kMargin + 18, y, labelWidth - 18, kRowHeight);
    p.drawText(labelRect, Qt::AlignVCenter | Qt::AlignLeft,
               bold.elidedText(r.letter + QStringLiteral(". ") + r.text, Qt::ElideRight,
                               labelRect.width()));
    // Track and bar.
    const QRectF track(barLeft, y + 3, barWidth, kRowHeight - 6);
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::AlternateBase));
    p.drawRoundedRect(track, 3, 3);
    const double w = std::clamp(r.probability, 0.0, 1.0) * barWidth;
    if (w > 0.5) {
      p.setBrush(r.answer ? kAnswerColour : kOtherColour);
      p.drawRoundedRect(QRectF(track.left(), track.top(), w, track.height()), 3, 3);
    }
    if (r.gold || r.idk) {
      p.setBrush(Qt::NoBrush);
      p.setPen(QPen(r.gold ? kGoldColour : kIdkColour, 1.5, r.gold ? Qt::SolidLine : Qt::DashLine));
      p.drawRoundedRect(track.adjusted(-1, -1, 1, 1), 3, 3);
    }
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(barLeft + barWidth + 6, y, valueWidth, kRowHeight),
               Qt::AlignVCenter | Qt::AlignLeft, confidenceText(r.probability));
  }
}

QString ProbabilityBars::valueText(int i) const {
  return i >= 0 && i < static_cast<int>(rows_.size())
             ? confidenceText(rows_[static_cast<std::size_t>(i)].probability)
             : QString();
}

}  // namespace unveil::ui
