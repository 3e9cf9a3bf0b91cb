#include "window/reading_guide.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QPointer>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "calib/metrics.h"
#include "calib/outcomes.h"
#include "plots/confidence_histogram.h"
#include "plots/reliability_diagram.h"

namespace unveil::ui {

namespace {

class ReadingGuide {
  Q_DECLARE_TR_FUNCTIONS(ReadingGuide)

 public:
  static QString title() { return tr("Reading the diagrams"); }
};

/// A made-up model's answers: 1,000 confidences spread over 0.35–1, each right with probability
/// `accuracyAt(confidence)`; drawn without randomness (two irrational rotations), so the pictures
/// are the same on every machine.
template <typename AccuracyAt>
calib::Outcomes madeUp(AccuracyAt accuracyAt, double soften = 1.0) {
  calib::Outcomes o;
  constexpr int kItems = 1000;
  for (int i = 0; i < kItems; ++i) {
    const double u = std::fmod((i + 0.5) * 0.7548776662466927, 1.0);
    const double v = std::fmod((i + 0.5) * 0.5698402909980532, 1.0);
    const double c = 0.35 + 0.65 * std::sqrt(u);  // most answers sure, as with real models
    o.confidence.push_back(0.35 + (c - 0.35) * soften);
    o.correct.push_back(v < accuracyAt(c) ? 1 : 0);
    o.predicted.push_back(0);
    o.nll.push_back(0);
    o.brier.push_back(0);
  }
  return o;
}

double overConfident(double c) {
  return std::clamp(0.25 + 0.6 * (c - 0.35), 0.0, 1.0);
}
double calibrated(double c) {
  return c;
}

QLabel* paragraph(const QString& html, QWidget* parent) {
  auto* label = new QLabel(html, parent);
  label->setWordWrap(true);
  label->setTextFormat(Qt::RichText);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

/// Hands the mouse wheel over a picture to the page's scroll bar: the pictures are not zoomed
/// here, and the plot would otherwise take the wheel and leave the page stuck under the pointer.
class WheelScrollsThePage : public QObject {
 public:
  using QObject::QObject;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() != QEvent::Wheel) return false;
    for (QWidget* w = qobject_cast<QWidget*>(watched); w; w = w->parentWidget()) {
      if (auto* area = qobject_cast<QAbstractScrollArea*>(w)) {
        QCoreApplication::sendEvent(area->verticalScrollBar(), event);
        return true;
      }
    }
    return false;
  }
};

/// One of the guide's pictures, named for tests, at a size where its bars can be read.
template <typename Plot>
Plot* picture(QWidget* page, const char* name, const QString& title, const QString& subtitle) {
  auto* plot = new Plot(page);
  plot->setObjectName(QLatin1String(name));
  plot->setTitle(title);
  plot->setSubtitle(subtitle);
  plot->setMinimumSize(420, 420);
  plot->setMaximumHeight(460);
  plot->installEventFilter(new WheelScrollsThePage(plot));
  return plot;
}

QWidget* makeGuide(QWidget* parent) {
  auto* dialog = new QDialog(parent);
  dialog->setObjectName(QStringLiteral("readingGuide"));
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(ReadingGuide::title());
  // Never taller than the screen (its Close button was below the edge of a 720-line one).
  const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen();
  const int room = screen ? screen->availableGeometry().height() - 60 : 820;
  dialog->resize(760, std::max(400, std::min(820, room)));

  auto* page = new QWidget;
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(24, 16, 24, 16);
  layout->setSpacing(10);
  const auto heading = [&](const QString& text) {
    auto* h =
        paragraph(QStringLiteral("<h3>") + text.toHtmlEscaped() + QStringLiteral("</h3>"), page);
    layout->addSpacing(8);
    layout->addWidget(h);
  };

  heading(ReadingGuide::tr("The sentence above the diagram"));
  layout->addWidget(paragraph(
      ReadingGuide::tr(
          "It says the two numbers that matter most: how sure the model says it is, on average, "
          "and "
          "how often it is right. <i>“On average it is 95.8 % sure and right 85.7 % of the time: "
          "over-confident by 10.1 points”</i> means that its answers sound more certain than they "
          "are. A model you can trust says 85 % when it is right 85 % of the time."),
      page));

  heading(ReadingGuide::tr("The reliability diagram"));
  layout->addWidget(paragraph(
      ReadingGuide::tr(
          "The answers are grouped by how sure the model was (the bottom axis: 0.6 means 60 % "
          "sure). Each <b>blue bar</b> is how often the answers in its group were right. If the "
          "model's confidence could be taken at its word, every bar would reach the <b>dashed "
          "diagonal</b>. An <b>orange box</b> on top of a bar is confidence the model claimed but "
          "did not deliver (over-confidence); a <b>pink box</b> is the opposite (it was right more "
          "often than it said). The <b>whiskers</b> show the range the bar could take on another "
          "sample of questions like these: a group with few answers has long whiskers, and its "
          "bar says little. The <b>strip below</b> counts the answers in each group."),
      page));
  auto* over = picture<ReliabilityDiagram>(
      page, "guideOverConfident", ReadingGuide::tr("An over-confident model"),
      ReadingGuide::tr("Made-up answers: the bars fall short of the diagonal"));
  // The over-confident model's answers and their table serve three of the pictures.
  const calib::Outcomes overAnswers = madeUp(overConfident);
  const calib::BinTable before = calib::bin_table(overAnswers, 10, calib::Binning::kEqualWidth);
  over->setTable(before);
  layout->addWidget(over);
  auto* good = picture<ReliabilityDiagram>(
      page, "guideCalibrated", ReadingGuide::tr("A model whose confidence can be trusted"),
      ReadingGuide::tr("Made-up answers: the bars follow the diagonal"));
  good->setTable(calib::bin_table(madeUp(calibrated), 10, calib::Binning::kEqualWidth));
  layout->addWidget(good);

  heading(ReadingGuide::tr("Temperature scaling: before and after"));
  layout->addWidget(paragraph(
      ReadingGuide::tr(
          "Temperature scaling divides the model's scores by one number, T, fitted on separate "
          "calibration questions. T above 1 makes an over-confident model less sure of itself; it "
          "never changes which answer the model gives, so the accuracy stays the same. The "
          "<b>green curve</b> is the accuracy of each group after scaling, at the new confidence: "
          "the closer it follows the diagonal, the more the scaled confidence can be trusted. "
          "Scaling fitted on one kind of question may not hold on another: the window says which "
          "questions a temperature was fitted on."),
      page));
  auto* scaled = picture<ReliabilityDiagram>(
      page, "guideScaled", ReadingGuide::tr("The over-confident model, scaled"),
      ReadingGuide::tr("Made-up answers: the green curve is after scaling"));
  const calib::BinTable after =
      calib::bin_table(madeUp(overConfident, 0.62), 10, calib::Binning::kEqualWidth);
  scaled->setTable(before, ReadingGuide::tr("Before scaling"));
  scaled->setComparison(after, ReadingGuide::tr("After scaling"));
  layout->addWidget(scaled);

  heading(ReadingGuide::tr("The confidence histogram"));
  layout->addWidget(paragraph(
      ReadingGuide::tr(
          "How many answers were given at each confidence. The <b>dashed line</b> is how often "
          "the model was right overall, the <b>solid line</b> how sure it was on average: when "
          "the solid line stands to the right of the dashed one, the model is over-confident. A "
          "pile of answers at the far right means the model almost always says it is certain."),
      page));
  auto* histogram = picture<ConfidenceHistogram>(
      page, "guideHistogram", ReadingGuide::tr("The over-confident model's answers"),
      ReadingGuide::tr("Made-up answers"));
  histogram->setTable(before);
  const calib::Outcomes& o = overAnswers;
  double sure = 0, right = 0;
  for (std::size_t i = 0; i < o.size(); ++i) {
    sure += o.confidence[i];
    right += o.correct[i];
  }
  histogram->setReferenceLines(right / static_cast<double>(o.size()),
                               sure / static_cast<double>(o.size()));
  layout->addWidget(histogram);

  heading(ReadingGuide::tr("Risk and coverage"));
  layout->addWidget(paragraph(
      ReadingGuide::tr(
          "If you let the model answer only when it is sure enough and pass the rest to a person, "
          "how many of its answers would be wrong? The curve answers that for every threshold: "
          "<b>coverage</b> is the share of questions the model keeps, <b>risk</b> the share of "
          "those it gets wrong. A useful confidence makes the curve fall towards the left; a flat "
          "curve means that its confidence does not tell right answers from wrong ones. The "
          "dashed line is the error rate when it answers everything."),
      page));

  heading(ReadingGuide::tr("The numbers"));
  layout->addWidget(paragraph(
      ReadingGuide::tr(
          "<b>Accuracy</b> and <b>mean confidence</b> are in percent. The <b>calibration "
          "errors</b> (ECE and its relatives) are in percentage points: ECE 10.5 pts means that, "
          "weighing each group by its size, confidence and accuracy are 10.5 points apart on "
          "average; 0 is perfect. The numbers in brackets are 95 % intervals: another sample of "
          "questions like these would likely give a value in that range. Two models whose "
          "intervals overlap widely may not really differ. Hover over any number for what it "
          "means."),
      page));
  layout->addStretch(1);

  auto* scroll = new QScrollArea(dialog);
  scroll->setWidget(page);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
  QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
  auto* outer = new QVBoxLayout(dialog);
  outer->setContentsMargins(0, 0, 0, 8);
  outer->addWidget(scroll);
  outer->addWidget(buttons);
  return dialog;
}

}  // namespace

void showReadingGuide(QWidget* parent) {
  static QPointer<QWidget> open;
  if (!open) open = makeGuide(parent);
  open->show();
  open->raise();
  open->activateWindow();
}

}  // namespace unveil::ui
