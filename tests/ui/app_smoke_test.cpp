// Offscreen smoke launch of the `unveil` executable: --screenshot renders the window once the
// analysis is done, writes a PNG of the requested size and exits 0; a bad file exits 1.
#include <QDateTime>
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "calib/predictions_jsonl.h"
#include "dataset_fixtures.h"
#include "store/store.h"

namespace {
const QString kExecutable = QStringLiteral(UNVEIL_EXECUTABLE);
const QString kExamples = QStringLiteral(UNVEIL_SOURCE_DIR "/resources/examples/");

int run(const QStringList& arguments, QString* errors = nullptr) {
  QProcess process;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  process.setProcessEnvironment(env);
  process.start(kExecutable, arguments);
  if (!process.waitForFinished(90'000)) return -1;
  if (errors) *errors = QString::fromLocal8Bit(process.readAllStandardError());
  return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
}

/// Share of pixels that are not near-white: a rendered window has plenty.
double inkShare(const QImage& image) {
  int ink = 0, total = 0;
  for (int y = 0; y < image.height(); y += 4)
    for (int x = 0; x < image.width(); x += 4, ++total)
      ink += qGray(image.pixel(x, y)) < 200;
  return total ? static_cast<double>(ink) / total : 0;
}
}  // namespace

class AppSmokeTest : public QObject {
  Q_OBJECT

 private slots:
  void screenshotOfAFile() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.png"));
    QString errors;
    QCOMPARE(run({QStringLiteral("--screenshot"), out,
                  kExamples + QStringLiteral("synthetic_test.jsonl")},
                 &errors),
             0);
    QVERIFY2(QFileInfo(out).size() > 10'000, qPrintable(errors));
    const QImage image(out);
    QCOMPARE(image.size(), QSize(1400, 900));
    QVERIFY(inkShare(image) > 0.02);
  }

  void screenshotWithCalibrationAndSize() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("cal.png"));
    QCOMPARE(run({QStringLiteral("--screenshot"), out, QStringLiteral("--size"),
                  QStringLiteral("1200x800"), QStringLiteral("--calibration"),
                  kExamples + QStringLiteral("synthetic_calibration.jsonl"),
                  kExamples + QStringLiteral("synthetic_test.jsonl")}),
             0);
    QCOMPARE(QImage(out).size(), QSize(1200, 800));
  }

  void screenshotInChinese() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("zh.png"));
    QCOMPARE(run({QStringLiteral("--screenshot"), out, QStringLiteral("--lang"),
                  QStringLiteral("zh_CN")}),
             0);
    QCOMPARE(QImage(out).size(), QSize(1400, 900));
  }

  void badFileExitsOneButStillRenders() {
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.jsonl"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not json\n");
    file.close();
    const QString out = dir.filePath(QStringLiteral("bad.png"));
    QString errors;
    QCOMPARE(run({QStringLiteral("--screenshot"), out, bad}, &errors), 1);
    QVERIFY2(errors.contains(QStringLiteral("bad.jsonl:1")), qPrintable(errors));
    QVERIFY(QFileInfo(out).size() > 0);
  }

  void aScreenshotThatGivesUpSaysWhy() {
    // Nothing moves for longer than the patience given: the demo build it waited for is named,
    // with its stage, and no picture is written.
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("demo.png"));
    QString errors;
    QCOMPARE(
        run({QStringLiteral("--screenshot"), out, QStringLiteral("--demo"),
             QStringLiteral("--demo-dir"), dir.filePath(QStringLiteral("demo")),
             QStringLiteral("--demo-size"), QStringLiteral("96"), QStringLiteral("--demo-epochs"),
             QStringLiteral("1"), QStringLiteral("--screenshot-patience"), QStringLiteral("1")},
            &errors),
        3);
    QVERIFY2(errors.contains(QStringLiteral("gave up: the demo build reported no progress")),
             qPrintable(errors));
    QVERIFY(errors.contains(QStringLiteral("nothing was saved")));
    QVERIFY(!QFileInfo::exists(out));
  }

  void aDemoThatCannotBeBuiltIsNotASuccess() {
    // The demo's folder is a file: the build fails at once. The window (with the reason on it) is
    // still saved, and the exit status and the message say that it failed.
    QTemporaryDir dir;
    const QString notADir = dir.filePath(QStringLiteral("notadir"));
    QFile file(notADir);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString out = dir.filePath(QStringLiteral("demo.png"));
    QString errors;
    QCOMPARE(run({QStringLiteral("--screenshot"), out, QStringLiteral("--demo"),
                  QStringLiteral("--demo-dir"), notADir},
                 &errors),
             1);
    QVERIFY2(errors.contains(QStringLiteral("the demo project could not be built")),
             qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("notadir")), qPrintable(errors));
    QVERIFY(QFileInfo(out).size() > 0);
  }

  void screenshotsOfTheDatasetViews() {
    QTemporaryDir dir;
    const QString dataset = unveil::ui::test::writeLlavaDataset(dir.path(), 30, 30);
    for (const char* view : {"browser", "item"}) {
      const QString out = dir.filePath(QString::fromLatin1(view) + QStringLiteral(".png"));
      QString errors;
      QCOMPARE(run({QStringLiteral("--screenshot"), out, QStringLiteral("--view"),
                    QString::fromLatin1(view), QStringLiteral("--dataset"), dataset},
                   &errors),
               0);
      const QImage image(out);
      QVERIFY2(image.size() == QSize(1400, 900), qPrintable(errors));
      QVERIFY(inkShare(image) > 0.02);
    }
  }

  void screenshotOfTheRunsOfAProject() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.unveil"));
    {
      auto st = unveil::store::Store::open(project.toStdString());
      QVERIFY(st.ok());
      auto set = unveil::calib::read_predictions_jsonl(
          QString(kExamples + QStringLiteral("synthetic_test.jsonl")).toStdString());
      QVERIFY(set.ok());
      QVERIFY(st->import_predictions(*set, "synth", "test").ok());
    }
    const QString out = dir.filePath(QStringLiteral("runs.png"));
    QString errors;
    QCOMPARE(run({QStringLiteral("--screenshot"), out, QStringLiteral("--view"),
                  QStringLiteral("runs"), QStringLiteral("--project"), project},
                 &errors),
             0);
    QVERIFY2(QImage(out).size() == QSize(1400, 900), qPrintable(errors));
    // A project that cannot be opened still renders, and says why.
    QCOMPARE(run({QStringLiteral("--screenshot"), out, QStringLiteral("--project"),
                  dir.filePath(QStringLiteral("missing.unveil"))},
                 &errors),
             1);
    QVERIFY2(errors.contains(QStringLiteral("missing.unveil")), qPrintable(errors));
  }

  // The first launch: --demo builds the demo project (here a tiny one: 96 training items,
  // one epoch per model), opens it on the fine-tuned model's test run with its temperature, and
  // a second launch opens the built project at once.
  void demoIsBuiltThenReopened() {
    QTemporaryDir dir;
    const QString demoDir = dir.filePath(QStringLiteral("demo"));
    const QStringList tiny = {QStringLiteral("--demo"),
                              QStringLiteral("--demo-dir"),
                              demoDir,
                              QStringLiteral("--demo-size"),
                              QStringLiteral("96"),
                              QStringLiteral("--demo-epochs"),
                              QStringLiteral("1")};
    const QString out = dir.filePath(QStringLiteral("demo.png"));
    QString errors;
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(run(QStringList{QStringLiteral("--screenshot"), out} + tiny, &errors), 0);
    QVERIFY2(QImage(out).size() == QSize(1400, 900), qPrintable(errors));
    QVERIFY(inkShare(QImage(out)) > 0.02);
    const QString project = demoDir + QStringLiteral("/demo.unveil");
    QVERIFY(QFileInfo::exists(project));
    {
      auto st =
          unveil::store::Store::open(project.toStdString(), unveil::store::OpenMode::kReadOnly);
      QVERIFY(st.ok());
      QCOMPARE(st->runs()->size(), std::size_t{9});
      QCOMPARE(st->calibrations()->size(), std::size_t{3});
    }
    const qint64 firstMs = clock.restart();
    // Built already: opened, not rebuilt (the file stays the same one).
    const QDateTime built = QFileInfo(project).lastModified();
    QCOMPARE(run(QStringList{QStringLiteral("--screenshot"), out} + tiny, &errors), 0);
    QCOMPARE(QFileInfo(project).lastModified(), built);
    qInfo("tiny demo: built and shown in %lld ms, reopened in %lld ms", firstMs, clock.elapsed());
  }

  void usageErrorsExitTwo() {
    QCOMPARE(run({QStringLiteral("--screenshot"), QStringLiteral("x.png"), QStringLiteral("--view"),
                  QStringLiteral("nothing")}),
             2);
    QCOMPARE(run({QStringLiteral("--screenshot"), QStringLiteral("x.png"), QStringLiteral("--bins"),
                  QStringLiteral("99")}),
             2);
  }

  void withoutADisplayItPrintsOrSaysWhy() {
    // No display at all (no platform chosen, no X, no Wayland): --help and --version still
    // print; a window says plainly that it has nowhere to open, instead of Qt's abort.
    const auto runBare = [](const QStringList& arguments, QString* out, QString* err) {
      QProcess process;
      QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
      for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QString::fromLatin1(name));
      process.setProcessEnvironment(env);
      process.start(kExecutable, arguments);
      if (!process.waitForFinished(90'000)) return -1;
      *out = QString::fromLocal8Bit(process.readAllStandardOutput());
      *err = QString::fromLocal8Bit(process.readAllStandardError());
      return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    };
    QString out, err;
    QCOMPARE(runBare({QStringLiteral("--help")}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("--screenshot")), qPrintable(out + err));
    QCOMPARE(runBare({QStringLiteral("--version")}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("unveil")) || out.contains(QStringLiteral("Unveil")),
             qPrintable(out + err));
    QCOMPARE(runBare({}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("no display")), qPrintable(err));
  }
};

QTEST_MAIN(AppSmokeTest)
#include "app_smoke_test.moc"
