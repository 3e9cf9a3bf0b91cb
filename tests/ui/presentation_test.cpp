// Presentation mode: the guided sequence through the demo project — its numbers are the stored
// runs' (recounted here), the arrow keys move through it, Esc leaves, and a project that is not the
// demo gets a message rather than a half-empty deck.
#include <QKeyEvent>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <thread>

#include "analysis/demo_project.h"
#include "model/torch_model.h"
#include "plots/reliability_diagram.h"
#include "presentation/presentation_deck.h"
#include "presentation/presentation_window.h"
#include "project/project_session.h"
#include "store/store.h"
#include "test_support.h"
#include "util/parallel.h"
#include "window/main_window.h"

using namespace unveil;
using namespace unveil::ui;

class PresentationTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void deckTellsTheDemoWithItsNumbers();
  void keysMoveThroughTheSlides();
  void textIsSizedForARoom();
  void otherProjectsGetAMessage();
  void windowStartsThePresentation();

 private:
  QTemporaryDir dir_;
  QString project_;
};

void PresentationTest::initTestCase() {
  QVERIFY(ui::test::installEnglish());
  const int threads = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  set_worker_threads(threads);
  model::init_torch_threads(threads);
  QVERIFY(dir_.isValid());
  analysis::DemoProjectOptions o;
  o.train = 96;
  o.base_epochs = o.mm_epochs = o.ft_epochs = 1;
  auto demo = analysis::build_demo_project(dir_.filePath(QStringLiteral("demo")).toStdString(), o);
  QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().message.c_str());
  project_ = QString::fromStdString(demo->project.string());
}

void PresentationTest::deckTellsTheDemoWithItsNumbers() {
  const Deck deck = buildDemoDeck(project_);
  QVERIFY2(deck.error.isEmpty(), qPrintable(deck.error));
  QCOMPARE(deck.slides.size(), std::size_t{6});
  // The base model's accuracy, counted here from its stored test run.
  auto st = store::Store::open(project_.toStdString(), store::OpenMode::kReadOnly);
  QVERIFY(st.ok());
  auto runs = st->runs();
  QVERIFY(runs.ok());
  const auto runOf = [&](const char* model, const char* split) {
    std::int64_t id = 0;
    for (const store::RunInfo& r : *runs)
      if (r.model_name == model && r.spec.split == split) id = r.id;
    return id;
  };
  auto set = st->prediction_set(runOf("shapes-base", "test"));
  QVERIFY(set.ok());
  std::size_t right = 0;
  for (std::size_t i = 0; i < set->size(); ++i) {
    const auto z = set->logits(i);
    right += (std::max_element(z.begin(), z.end()) - z.begin()) == set->label(i) ? 1 : 0;
  }
  const QString accuracy =
      QString::number(100.0 * static_cast<double>(right) / static_cast<double>(set->size()), 'f',
                      0) +
      QStringLiteral(" %");
  QVERIFY2(deck.slides[1].body.contains(accuracy), qPrintable(deck.slides[1].body));
  std::size_t counted = 0;
  for (const calib::Bin& b : deck.slides[1].table.bins)
    counted += b.count;
  QCOMPARE(counted, set->size());
  // The unanswerable questions: the histogram is of those the model answered anyway (not "I
  // don't know"), as many as its sentence says, counted here from the stored idk run.
  auto idk = st->prediction_set(runOf("shapes-mm-ft", "idk"));
  QVERIFY(idk.ok());
  std::size_t answeredAnyway = 0;
  for (std::size_t i = 0; i < idk->size(); ++i) {
    if (idk->idk_index(i) < 0 || idk->label(i) != idk->idk_index(i)) continue;
    int answer = idk->answer(i);
    if (answer == calib::kAnswerFromScores) {
      const auto z = idk->logits(i);
      answer = static_cast<int>(std::max_element(z.begin(), z.end()) - z.begin());
    }
    answeredAnyway += answer != idk->idk_index(i) ? 1 : 0;
  }
  std::size_t inHistogram = 0;
  for (const calib::Bin& b : deck.slides[3].table.bins)
    inHistogram += b.count;
  QCOMPARE(inHistogram, answeredAnyway);
  QVERIFY2(deck.slides[3].body.contains(
               QStringLiteral("the other %1 anyway").arg(static_cast<qulonglong>(answeredAnyway))),
           qPrintable(deck.slides[3].body));
  // The last picture: before and after temperature scaling on the same axes. Its sentence says
  // what the green curve does as the numbers after scaling have it (confidence against accuracy,
  // counted here from the after-scaling bins).
  QVERIFY(deck.slides[4].after.has_value());
  double n = 0, confidence = 0, rightAfter = 0;
  for (const calib::Bin& b : deck.slides[4].after->bins) {
    if (b.count == 0) continue;  // an empty bin's accuracy is undefined
    n += static_cast<double>(b.count);
    confidence += b.confidence * static_cast<double>(b.count);
    rightAfter += b.accuracy * static_cast<double>(b.count);
  }
  QVERIFY(n > 0);
  const double gap = 100 * (confidence - rightAfter) / n;  // points; > 0: over-confident
  const QString& fix = deck.slides[4].body;
  if (std::abs(gap) < 0.95)
    QVERIFY2(fix.contains(QStringLiteral("follows the diagonal")), qPrintable(fix));
  else
    QVERIFY2(!fix.contains(QStringLiteral("follows the diagonal")) &&
                 fix.contains(gap < 0 ? QStringLiteral("under-confident")
                                      : QStringLiteral("over-confident")),
             qPrintable(fix + QStringLiteral(" [gap from the bins: %1 points]").arg(gap)));
  QCOMPARE(deck.slides[3].picture, Slide::Picture::kHistogram);
}

void PresentationTest::keysMoveThroughTheSlides() {
  auto* window = new PresentationWindow(buildDemoDeck(project_));
  QSignalSpy closed(window, &PresentationWindow::closed);
  window->show();
  QCOMPARE(window->current(), 0);
  QTest::keyClick(window, Qt::Key_Right);
  QCOMPARE(window->current(), 1);
  QVERIFY(window->reliabilityDiagram()->isVisible());
  QTest::keyClick(window, Qt::Key_Space);
  QCOMPARE(window->current(), 2);
  QTest::keyClick(window, Qt::Key_Left);
  QCOMPARE(window->current(), 1);
  QTest::keyClick(window, Qt::Key_End);
  QCOMPARE(window->current(), window->slideCount() - 1);
  QTest::keyClick(window, Qt::Key_Right);  // stays on the last
  QCOMPARE(window->current(), window->slideCount() - 1);
  QTest::keyClick(window, Qt::Key_Home);
  QCOMPARE(window->current(), 0);
  QTest::keyClick(window, Qt::Key_Escape);
  QCOMPARE(closed.count(), 1);
}

void PresentationTest::textIsSizedForARoom() {
  PresentationWindow window(buildDemoDeck(project_));
  window.resize(1920, 1080);  // a 1080p projector
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  window.showSlide(1);
  QCoreApplication::processEvents();
  // Readable from five metres: words ~35 px, chart ticks at least 20 px.
  const auto* body = window.findChild<QLabel*>(QStringLiteral("presentationBody"));
  QVERIFY(body);
  QVERIFY2(body->font().pixelSize() >= 30, qPrintable(QString::number(body->font().pixelSize())));
  const QFont ticks = window.reliabilityDiagram()->xAxis->tickLabelFont();
  const double tickPixels =
      ticks.pixelSize() > 0 ? ticks.pixelSize() : ticks.pointSizeF() * window.logicalDpiY() / 72;
  QVERIFY2(tickPixels >= 20, qPrintable(QString::number(tickPixels)));
  // A slide without a picture gives its words the width of the screen.
  window.showSlide(0);
  QCoreApplication::processEvents();
  QVERIFY2(body->width() > window.width() * 3 / 4, qPrintable(QString::number(body->width())));
  window.showSlide(window.slideCount() - 1);
  QCoreApplication::processEvents();
  QVERIFY(body->width() > window.width() * 3 / 4);
}

void PresentationTest::otherProjectsGetAMessage() {
  const QString other = dir_.filePath(QStringLiteral("empty.unveil"));
  QVERIFY(store::Store::open(other.toStdString()).ok());
  const Deck deck = buildDemoDeck(other);
  QVERIFY(deck.slides.empty());
  QVERIFY(deck.error.contains(QStringLiteral("demo project")));
  QVERIFY(!buildDemoDeck(dir_.filePath(QStringLiteral("missing.unveil"))).error.isEmpty());
}

void PresentationTest::windowStartsThePresentation() {
  MainWindow window;
  window.setRemembersSettings(false);
  window.startPresentation();  // no project: a message, no window
  QVERIFY(window.presentation() == nullptr);
  window.openProject(project_);
  QTRY_VERIFY_WITH_TIMEOUT(window.project()->isOpen() && !window.isBusy(), 30'000);
  window.startPresentation();
  QTRY_VERIFY_WITH_TIMEOUT(window.presentation() != nullptr, 30'000);
  QVERIFY(window.presentation()->isFullScreen());
  QCOMPARE(window.presentation()->slideCount(), 6);
  window.presentation()->close();
  QTRY_VERIFY(window.presentation() == nullptr);
}

QTEST_MAIN(PresentationTest)
#include "presentation_test.moc"
