// The problems panel lists the problems it is given (file, where, message) and copies them as
// text; a dataset with broken items fills it and the status-bar badge counts them.
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "browser/dataset_browser.h"
#include "browser/dataset_table_model.h"
#include "dataset_fixtures.h"
#include "problems/problems_model.h"
#include "problems/problems_panel.h"
#include "test_support.h"
#include "window/dataset_page.h"
#include "window/dataset_session.h"
#include "window/main_window.h"

using namespace unveil;
using namespace unveil::ui;

class ProblemsPanelTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(test::installEnglish());
  }

  void listsTheGivenProblems() {
    ProblemsPanel panel;
    QCOMPARE(panel.count(), 0);
    QVERIFY(panel.summaryText().contains(QStringLiteral("No problems")));
    // No empty table under the sentence.
    QVERIFY(panel.view()->isHidden());
    panel.setProblems({{"/data/set.json", "item 3 (id q3)", "image images/3.png: no such file"},
                       {"/data/set.json", "item 9 (id q9)", "answer \"F\" is not an option"},
                       {"/data/other.tsv", "line 12", "expected 13 columns, found 9"}},
                      QStringLiteral("set.json"));
    QCOMPARE(panel.count(), 3);
    QCOMPARE(panel.summaryText(), QStringLiteral("set.json · 3 items skipped"));
    QVERIFY(!panel.view()->isHidden());
    const ProblemsModel* model = panel.model();
    QCOMPARE(model->index(0, ProblemsModel::kFile).data().toString(), QStringLiteral("set.json"));
    QCOMPARE(model->index(0, ProblemsModel::kFile).data(Qt::ToolTipRole).toString(),
             QStringLiteral("/data/set.json"));
    QCOMPARE(model->index(1, ProblemsModel::kWhere).data().toString(),
             QStringLiteral("item 9 (id q9)"));
    QCOMPARE(model->index(2, ProblemsModel::kMessage).data().toString(),
             QStringLiteral("expected 13 columns, found 9"));
    QCOMPARE(model->headerData(ProblemsModel::kMessage, Qt::Horizontal).toString(),
             QStringLiteral("Problem"));

    // Nothing selected: everything, one problem per line.
    QCOMPARE(panel.selectedText(),
             QStringLiteral("/data/set.json: item 3 (id q3): image images/3.png: no such file\n"
                            "/data/set.json: item 9 (id q9): answer \"F\" is not an option\n"
                            "/data/other.tsv: line 12: expected 13 columns, found 9"));
    panel.view()->selectRow(2);
    QCOMPARE(panel.selectedText(),
             QStringLiteral("/data/other.tsv: line 12: expected 13 columns, found 9"));
    panel.copySelection();
    QCOMPARE(QApplication::clipboard()->text(), panel.selectedText());
    panel.copyAll();
    QCOMPARE(QApplication::clipboard()->text().count(QLatin1Char('\n')), 2);

    panel.setProblems({{"f", "line 1", "m"}});
    QCOMPARE(panel.summaryText(), QStringLiteral("1 item skipped"));
  }

  void brokenItemsOfADatasetAreListedAndCounted() {
    QTemporaryDir dir;
    QVERIFY(test::pictureFor(1).save(dir.filePath(QStringLiteral("ok.png")), "PNG"));
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // One good item; one whose image is missing; one whose answer is not an option.
    file.write(R"([
 {"id": "good", "image": "ok.png", "conversations": [
   {"from": "human", "value": "<image>\nWhich?\nA. x\nB. y"}, {"from": "gpt", "value": "A"}]},
 {"id": "noimage", "image": "missing.png", "conversations": [
   {"from": "human", "value": "<image>\nWhich?\nA. x\nB. y"}, {"from": "gpt", "value": "B"}]},
 {"id": "badanswer", "image": "ok.png", "conversations": [
   {"from": "human", "value": "<image>\nWhich?\nA. x\nB. y"}, {"from": "gpt", "value": "F"}]}
])");
    file.close();

    MainWindow window(nullptr, dir.filePath(QStringLiteral("thumbs")));
    QSignalSpy loaded(window.datasets(), &DatasetSession::loaded);
    window.openDataset(path);
    QVERIFY(loaded.wait(30'000));
    QCOMPARE(window.datasetPage()->browser()->model()->rowCount(), 1);
    QCOMPARE(window.problemsPanel()->count(), 2);
    const QString text = window.problemsPanel()->selectedText();
    QVERIFY2(
        text.contains(QStringLiteral("noimage")) && text.contains(QStringLiteral("missing.png")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("badanswer")), qPrintable(text));
    QVERIFY(window.problemsBadgeText().contains(QStringLiteral("2 items skipped")));
    QVERIFY(window.problemsDock()->isHidden());  // the badge offers it; it does not pop up
  }
};

QTEST_MAIN(ProblemsPanelTest)
#include "problems_panel_test.moc"
