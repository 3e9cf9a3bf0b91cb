// The item view shows a hand-made item as a person must read it: the options with the gold
// answer and the "I don't know" option marked (icon and words, not colour alone), the question
// with its hint, the image, each perturbation preview, and zoom.
#include <QListWidget>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "dataset_fixtures.h"
#include "item/image_viewer.h"
#include "item/item_view.h"
#include "test_support.h"

using namespace unveil;
using namespace unveil::ui;

namespace {
bool waitForImage(ItemView& view) {
  if (!view.isBusy()) return true;
  QSignalSpy shown(&view, &ItemView::imageShown);
  return shown.wait(20'000);
}
}  // namespace

class ItemViewTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QVERIFY(test::installEnglish()); }

  void theImageHasRoomAndEveryOptionShowsWithoutAScrollBar() {
    // In a dock as short as the item dock of a 1400 x 900 window, a five-option item: the picture
    // keeps a size one can read (it was ~130 px), and the options are all on view at once (the
    // list scrolled inside the scrolling dock, showing two and a half).
    auto dataset = std::make_shared<data::Dataset>();
    dataset->items.push_back(
        test::makeItem("q1", "test", "shape", "Which shape has no corners?",
                       {"triangle", "circle", "diamond", "I don't know", "square"}, 1, 3));
    ItemView view;
    view.resize(560, 420);
    view.show();
    view.setItem(dataset, 0);
    QVERIFY(waitForImage(view));
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QListWidget* options = view.optionsList();
    QCOMPARE(options->count(), 5);
    QCOMPARE(options->verticalScrollBar()->maximum(), 0);
    for (int k = 0; k < options->count(); ++k) {
      const QRect row = options->visualItemRect(options->item(k));
      QVERIFY2(options->viewport()->rect().contains(row), qPrintable(QString::number(k)));
    }
    QVERIFY2(view.imageViewer()->height() >= 240,
             qPrintable(QString::number(view.imageViewer()->height())));
  }

  void optionsShowGoldAndIdk() {
    QTemporaryDir dir;
    // A 40 x 30 pure red picture.
    QImage red(40, 30, QImage::Format_RGB888);
    red.fill(QColor(255, 0, 0));
    QVERIFY(red.save(dir.filePath(QStringLiteral("red.png")), "PNG"));

    auto dataset = std::make_shared<data::Dataset>();
    dataset->root = dir.path().toStdString();
    data::Item item = test::makeItem("q1", "test", "colour", "What colour is the square?",
                                     {"green", "red", "I don't know", "blue"}, 1, 2);
    item.hint = "The square is the only shape.";
    item.image.kind = data::ImageRef::Kind::kFile;
    item.image.path = "red.png";
    dataset->items.push_back(item);
    dataset->items.push_back(
        test::makeItem("q2", "idk", "absent", "What is its name?", {"Rex", "I don't know"}, 1, 1));

    ItemView view;
    view.resize(600, 700);
    view.show();
    view.setItem(dataset, 0);
    QCOMPARE(view.questionText(), QStringLiteral("What colour is the square?"));
    QCOMPARE(view.hintText(), QStringLiteral("The square is the only shape."));

    QListWidget* options = view.optionsList();
    QCOMPARE(options->count(), 4);
    const QStringList letters{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                              QStringLiteral("D")};
    for (int k = 0; k < 4; ++k) {
      QListWidgetItem* row = options->item(k);
      QCOMPARE(row->data(ItemView::kLetterRole).toString(), letters[k]);
      QCOMPARE(row->data(ItemView::kGoldRole).toBool(), k == 1);
      QCOMPARE(row->data(ItemView::kIdkRole).toBool(), k == 2);
      // Marked in words, not by colour alone.
      QCOMPARE(row->text().contains(QStringLiteral("gold answer")), k == 1);
      QCOMPARE(row->text().contains(QStringLiteral("“I don't know” option")), k == 2);
    }
    QVERIFY(options->item(1)->text().startsWith(QStringLiteral("B.  red")));
    QVERIFY(options->item(1)->font().bold());
    QVERIFY(!options->item(1)->icon().isNull());  // ✓ badge
    QVERIFY(!options->item(2)->icon().isNull());  // ? badge
    QVERIFY(options->item(1)->icon().cacheKey() != options->item(2)->icon().cacheKey());

    // The image arrives from a worker thread, at its own size.
    QVERIFY(waitForImage(view));
    ImageViewer* image = view.imageViewer();
    QVERIFY(image->hasImage());
    QCOMPARE(image->image().size(), QSize(40, 30));
    QCOMPARE(image->image().pixelColor(5, 5), QColor(255, 0, 0));
    QVERIFY(image->fitsWindow());
    QVERIFY(image->zoom() > 1.0);  // a small picture is enlarged to fit

    // Zoom: 100 %, +, -, fit.
    image->actualSize();
    QCOMPARE(image->zoom(), 1.0);
    QVERIFY(!image->fitsWindow());
    image->zoomIn();
    QCOMPARE(image->zoom(), 1.25);
    image->zoomOut();
    image->zoomOut();
    QCOMPARE(image->zoom(), 0.8);
    image->fitToWindow();
    QVERIFY(image->fitsWindow());

    // Greyscale: BT.601 luma of pure red is 0.299 * 255 = 76.2 -> 76.
    view.setPerturbation(QStringLiteral("grey"));
    QCOMPARE(view.perturbation(), QStringLiteral("grey"));
    QVERIFY(waitForImage(view));
    QCOMPARE(image->image().pixelColor(5, 5), QColor(76, 76, 76));
    // Blank: every pixel the mean colour, here red again.
    view.setPerturbation(QStringLiteral("blank"));
    QVERIFY(waitForImage(view));
    QCOMPARE(image->image().pixelColor(20, 15), QColor(255, 0, 0));
    // Noise with an amount: the spec carries it.
    view.setPerturbation(QStringLiteral("noise"), 0.3);
    QCOMPARE(view.perturbation(), QStringLiteral("noise:0.3"));
    QVERIFY(waitForImage(view));
    QVERIFY(image->hasImage());
    // No image: the text alone, said in words.
    view.setPerturbation(QStringLiteral("text"));
    QVERIFY(waitForImage(view));
    QVERIFY(!image->hasImage());
    QVERIFY(image->message().contains(QStringLiteral("No image")));

    // An IDK question: the gold answer is the "I don't know" option, marked as both.
    view.setPerturbation(QStringLiteral("image"));
    view.setItem(dataset, 1);
    QCOMPARE(options->count(), 2);
    QVERIFY(options->item(1)->data(ItemView::kGoldRole).toBool());
    QVERIFY(options->item(1)->data(ItemView::kIdkRole).toBool());
    QVERIFY(options->item(1)->text().contains(QStringLiteral("gold answer")));
    QVERIFY(options->item(1)->text().contains(QStringLiteral("“I don't know” option")));
    QVERIFY(view.hintText().isEmpty());
    QVERIFY(waitForImage(view));
    QVERIFY(image->message().contains(QStringLiteral("no image")));

    // Nothing chosen.
    view.setItem(nullptr, -1);
    QCOMPARE(options->count(), 0);
    QVERIFY(!view.isBusy());
  }

  void upAndDownAskForNeighbours() {
    ItemView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFocus();
    QSignalSpy step(&view, &ItemView::stepRequested);
    QTest::keyClick(&view, Qt::Key_Down);
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(step.size(), 2);
    QCOMPARE(step.at(0).at(0).toInt(), 1);
    QCOMPARE(step.at(1).at(0).toInt(), -1);
  }
};

QTEST_MAIN(ItemViewTest)
#include "item_view_test.moc"
