#include "presentation/presentation_deck.h"

#include <QCoreApplication>
#include <cmath>

#include "app/core_messages.h"
#include "calib/outcomes.h"
#include "calib/temperature.h"
#include "metrics/shown_numbers.h"
#include "store/store.h"

namespace unveil::ui {

namespace {

QString tr(const char* text) {
  // The context lupdate gives tr() calls in this namespace.
  return QCoreApplication::translate("unveil::ui", text);
}

QString percent(double v) {
  return QString::number(100 * v, 'f', 0) + QStringLiteral(" %");
}

}  // namespace

Deck buildDemoDeck(const QString& project) {
  Deck deck;
  auto st = store::Store::open(project.toStdString(), store::OpenMode::kReadOnly);
  if (!st) {
    deck.error = coreText(st.error());
    return deck;
  }
  auto runs = st->runs();
  if (!runs) {
    deck.error = coreText(runs.error());
    return deck;
  }
  const auto find = [&](const char* model, const char* split) -> std::optional<std::int64_t> {
    std::optional<std::int64_t> id;
    for (const store::RunInfo& r : *runs)
      if (r.model_name == model && r.spec.split == split && r.spec.condition == "image" &&
          r.predictions > 0)
        id = r.id;  // the newest
    return id;
  };
  const auto base = find("shapes-base", "test");
  const auto ft = find("shapes-mm-ft", "test");
  const auto ftIdk = find("shapes-mm-ft", "idk");
  const auto ftCal = find("shapes-mm-ft", "calibration");
  if (!base || !ft || !ftIdk || !ftCal) {
    deck.error =
        tr("The presentation tells the demo project's story: open the demo project "
           "(File ▸ Open demo project) to present it.");
    return deck;
  }
  const auto load = [&](std::int64_t id) { return st->prediction_set(id); };
  auto baseSet = load(*base), ftSet = load(*ft), idkSet = load(*ftIdk), calSet = load(*ftCal);
  for (const auto* r : {&baseSet, &ftSet, &idkSet, &calSet})
    if (!*r) {
      deck.error = coreText(r->error());
      return deck;
    }
  calib::MetricsOptions options;  // the study's 10 equal-width bins
  const calib::Metrics mb = calib::compute_metrics(calib::compute_outcomes(*baseSet), options);
  const calib::Metrics mf = calib::compute_metrics(calib::compute_outcomes(*ftSet), options);
  const calib::Outcomes idk = calib::compute_outcomes(*idkSet);
  const auto fit = calib::fit_temperature(*calSet);
  if (!fit) {
    deck.error = coreText(fit.error());
    return deck;
  }
  const calib::Metrics after =
      calib::compute_metrics(calib::compute_outcomes(*ftSet, fit->temperature), options);

  // What the IDK questions show: how often the fine-tuned model admits it cannot know, and how
  // sure it is when it answers anyway.
  // The histogram is of the questions it answered anyway, the ones its sentence is about.
  std::size_t n = 0, admitted = 0;
  double answeredConfidence = 0;
  calib::Outcomes answeredAnyway;
  for (std::size_t j = 0; j < idk.size(); ++j) {
    const std::size_t i = idk.item(j);
    if (idkSet->idk_index(i) < 0 || idkSet->label(i) != idkSet->idk_index(i)) continue;
    ++n;
    if (idk.said_idk[j] == 1) {
      ++admitted;
      continue;
    }
    answeredConfidence += idk.confidence[j];
    answeredAnyway.confidence.push_back(idk.confidence[j]);
    answeredAnyway.correct.push_back(idk.correct[j]);
  }
  const std::size_t answered = n - admitted;
  const calib::BinTable answeredTable =
      calib::bin_table(answeredAnyway, options.bins, calib::Binning::kEqualWidth);

  Slide intro;
  intro.title = tr("Can we trust what a model says about itself?");
  intro.body =
      tr("A model that answers “90 % sure” should be right 9 times out of 10. The reliability "
         "diagram checks this: the answers are grouped by the confidence the model gave, and each "
         "bar shows how often those answers were right. On the dashed diagonal, confidence and "
         "accuracy agree.");
  deck.slides.push_back(intro);

  Slide baseSlide;
  baseSlide.title = tr("A text-only model: modest, and honest about it");
  baseSlide.body = tr("The base model is right %1 of the time and says it is %2 sure on average: "
                      "its bars sit close to the diagonal (calibration error %3).")
                       .arg(percent(mb.accuracy), percent(mb.mean_confidence), pointsText(mb.ece));
  baseSlide.picture = Slide::Picture::kReliability;
  baseSlide.table = mb.table;
  baseSlide.label = tr("shapes-base");
  deck.slides.push_back(baseSlide);

  Slide ftSlide;
  ftSlide.title = tr("Fine-tuned on images: more accurate, and over-confident");
  ftSlide.body =
      tr("After visual fine-tuning the model is right %1 of the time — but it claims %2. "
         "The orange gaps are the confidence it claims beyond what it delivers "
         "(calibration error %3). A confident answer is no longer a reliable one.")
          .arg(percent(mf.accuracy), percent(mf.mean_confidence), pointsText(mf.ece));
  ftSlide.picture = Slide::Picture::kReliability;
  ftSlide.table = mf.table;
  ftSlide.label = tr("shapes-mm-ft");
  deck.slides.push_back(ftSlide);

  Slide idkSlide;
  idkSlide.title = tr("Questions it cannot know");
  idkSlide.body =
      tr("Asked %1 questions that no one could answer from the picture, the model says “I don't "
         "know” to %2 of them. It answers the other %3 anyway, %4 sure on average. The histogram "
         "shows how sure it was on each of those %3 answers.")
          .arg(n)
          .arg(percent(n > 0 ? static_cast<double>(admitted) / static_cast<double>(n) : 0))
          .arg(answered)
          .arg(percent(answered > 0 ? answeredConfidence / static_cast<double>(answered) : 0));
  idkSlide.picture = Slide::Picture::kHistogram;
  idkSlide.table = answeredTable;  // equal-width bins: the histogram's
  idkSlide.label = tr("answered anyway");
  deck.slides.push_back(idkSlide);

  Slide fixSlide;
  fixSlide.title = tr("Temperature scaling brings its confidence back to earth");
  // What the green curve does, said from the numbers after scaling: it is said to follow the
  // diagonal only when confidence and accuracy agree to within a point.
  const double gapAfter = after.mean_confidence - after.accuracy;  // > 0: over-confident
  QString curve;
  if (std::abs(shownPercent(gapAfter)) < 1.0)
    curve = tr("the green curve follows the diagonal.");
  else if (gapAfter < 0)
    curve = tr("the green curve now runs above the diagonal: scaled, the model is a little "
               "under-confident (by %1).")
                .arg(pointsText(-gapAfter));
  else
    curve = tr("the green curve comes closer to the diagonal but stays below it: scaled, the model "
               "is still over-confident (by %1).")
                .arg(pointsText(gapAfter));
  fixSlide.body =
      (after.ece < mf.ece ? tr("One number, fitted on separate calibration questions (T = %1), "
                               "softens every confidence without changing a single answer. The "
                               "calibration error drops from %2 to %3; %4")
                          : tr("One number, fitted on separate calibration questions (T = %1), "
                               "changes every confidence without changing a single answer. The "
                               "calibration error goes from %2 to %3; %4"))
          .arg(QString::number(fit->temperature, 'f', 2), pointsText(mf.ece), pointsText(after.ece),
               curve);
  fixSlide.picture = Slide::Picture::kReliability;
  fixSlide.table = mf.table;
  fixSlide.after = after.table;
  fixSlide.label = tr("Before scaling");
  fixSlide.afterLabel = tr("After scaling (T = %1)").arg(QString::number(fit->temperature, 'f', 2));
  deck.slides.push_back(fixSlide);

  Slide close;
  close.title = tr("What to take away");
  close.body =
      tr("Accuracy alone does not say when to trust a model. Check its calibration on "
         "your own questions, include questions it cannot know, and calibrate before "
         "its confidence is used to decide anything. Unveil does each step on any model "
         "of its contract.");
  deck.slides.push_back(close);
  return deck;
}

}  // namespace unveil::ui
