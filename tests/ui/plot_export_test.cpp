// Every plot exports as PNG (of the requested size, at twice the pixels), SVG and PDF.
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include "bin_tables.h"
#include "plots/confidence_histogram.h"
#include "plots/plot_export.h"
#include "plots/reliability_diagram.h"
#include "test_support.h"

using namespace unveil::ui;

namespace {
QByteArray head(const QString& path, int bytes) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return f.read(bytes);
}
}  // namespace

class PlotExportTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QVERIFY(test::installEnglish()); }

  void formatFollowsTheSuffix() {
    QCOMPARE(formatForFileName(QStringLiteral("a/b.SVG")), PlotFormat::kSvg);
    QCOMPARE(formatForFileName(QStringLiteral("b.pdf")), PlotFormat::kPdf);
    QCOMPARE(formatForFileName(QStringLiteral("b.png")), PlotFormat::kPng);
    QCOMPARE(formatForFileName(QStringLiteral("b")), PlotFormat::kPng);
  }

  void exportsAllThreeFormats_data() {
    QTest::addColumn<bool>("histogram");
    QTest::newRow("reliability diagram") << false;
    QTest::newRow("confidence histogram") << true;
  }

  void exportsAllThreeFormats() {
    QFETCH(bool, histogram);
    ReliabilityDiagram reliability;
    ConfidenceHistogram confidence;
    reliability.setTable(test::fiveBins());
    confidence.setTable(test::fiveBins());
    PlotView* plot = histogram ? static_cast<PlotView*>(&confidence) : &reliability;

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QSize size(640, 480);
    const QString png = dir.filePath(QStringLiteral("plot.png"));
    const QString svg = dir.filePath(QStringLiteral("plot.svg"));
    const QString pdf = dir.filePath(QStringLiteral("plot.pdf"));
    QCOMPARE(exportPlot(plot, png, PlotFormat::kPng, size), QString());
    QCOMPARE(exportPlot(plot, svg, PlotFormat::kSvg, size), QString());
    QCOMPARE(exportPlot(plot, pdf, PlotFormat::kPdf, size), QString());

    const QImage image(png);
    QCOMPARE(image.size(), size * 2);
    // Not blank: the accuracy blue is in there somewhere.
    bool coloured = false;
    for (int y = 0; y < image.height() && !coloured; y += 3)
      for (int x = 0; x < image.width() && !coloured; x += 3) {
        const QColor c = image.pixelColor(x, y);
        coloured = c.blue() > 150 && c.red() < 80;
      }
    QVERIFY(coloured);
    QVERIFY(head(svg, 4096).contains("<svg"));
    QVERIFY(head(pdf, 5).startsWith("%PDF-"));
    QVERIFY(QFileInfo(pdf).size() > 1000);
  }

  void unwritablePathIsAReadableError() {
    ReliabilityDiagram plot;
    const QString problem =
        exportPlot(&plot, QStringLiteral("/nonexistent-dir/x.png"), PlotFormat::kPng);
    QVERIFY(problem.contains(QStringLiteral("/nonexistent-dir/x.png")));
  }
};

QTEST_MAIN(PlotExportTest)
#include "plot_export_test.moc"
