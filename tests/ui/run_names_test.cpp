// Split and condition names in words and in the window's language: the runs table and a run's
// title say "test" and "blur 2 px" (测试, 模糊 2 像素 in Chinese), never the stored "blur:2"
// outside a tooltip; and the demo build says its stages in the window's language too.
#include <QComboBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>
#include <algorithm>

#include "app/run_names.h"
#include "browser/dataset_table_model.h"
#include "dataset_fixtures.h"
#include "model/prompt.h"
#include "project/demo_setup.h"
#include "project/project_jobs.h"
#include "project/runs_table_model.h"
#include "run/prompt_picker.h"
#include "test_support.h"

using namespace unveil;
using unveil::ui::RunsTableModel;

namespace {
store::RunInfo demoRun(const std::string& split, const std::string& condition) {
  store::RunInfo info;
  info.id = 8;
  info.model_name = "shapes-mm-ft";
  info.dataset_name = "shapes";
  info.spec.split = split;
  info.spec.condition = condition;
  // The name Unveil gives a run it makes (core/analysis/eval_job.cpp).
  info.spec.name = "shapes-mm-ft · shapes/" + split + " · " + condition;
  return info;
}
}  // namespace

class RunNamesTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QVERIFY(ui::test::installEnglish()); }

  void splitsAndConditionsInWords() {
    QCOMPARE(ui::splitName("test"), QStringLiteral("test"));
    QCOMPARE(ui::splitName("idk"), QStringLiteral("unanswerable (IDK)"));
    QCOMPARE(ui::splitName(""), QStringLiteral("all items"));
    QCOMPARE(ui::splitName("fold-3"), QStringLiteral("fold-3"));  // unknown: as it is
    QCOMPARE(ui::conditionName("image"), QStringLiteral("with the image"));
    QCOMPARE(ui::conditionName("text"), QStringLiteral("text only"));
    QCOMPARE(ui::conditionName("noise:0.3,blur:2"), QStringLiteral("noise σ 0.3 + blur 2 px"));
    QCOMPARE(ui::conditionName("occlude:0.25"), QStringLiteral("25 % covered"));
    QCOMPARE(ui::conditionName("jpeg:10"), QStringLiteral("JPEG quality 10"));
    QCOMPARE(ui::conditionName("imported"), QStringLiteral("imported"));  // not a perturbation
    QCOMPARE(ui::conditionName("blur:-1"), QStringLiteral("blur:-1"));    // out of range
  }

  void aPromptIsChosenByNameWithItsWordsOneClickAway() {
    ui::PromptPicker picker(3);
    picker.show();
    QComboBox* names = picker.presetBox();
    QCOMPARE(names->currentText(), QStringLiteral("The study's prompt"));
    QCOMPARE(picker.text(), QString::fromUtf8(model::kStudyTemplate));
    // The raw template ({image}{hint}{question}…) is not on screen until asked for.
    QVERIFY(!picker.textBox()->isVisible());
    picker.showWording(true);
    QVERIFY(picker.textBox()->isVisible());
    // Choosing a named prompt puts its words in.
    const int presets = names->count();
    names->setCurrentIndex(1);
    emit names->activated(1);
    QCOMPARE(picker.text(),
             QString::fromStdString(model::uncertainty_inviting_templates().front()));
    QCOMPARE(names->currentText(), QStringLiteral("Inviting “I don't know” 1"));
    // Words of one's own are named so, and go when the words are a named prompt's again.
    picker.setText(QStringLiteral("Answer with a letter. {question}\n{options}"));
    QCOMPARE(names->currentText(), QStringLiteral("Your own wording"));
    QCOMPARE(names->count(), presets + 1);
    picker.setText(QString::fromUtf8(model::kStudyTemplate));
    QCOMPARE(names->currentText(), QStringLiteral("The study's prompt"));
    QCOMPARE(names->count(), presets);
  }

  void aRunsTitleIsBuiltFromItsPartsUnlessTheUserNamedIt() {
    QCOMPARE(ui::runTitle(demoRun("test", "image")),
             QStringLiteral("shapes-mm-ft · shapes · test · with the image"));
    store::RunInfo named = demoRun("test", "image");
    named.spec.name = "baseline, Monday";
    QCOMPARE(ui::runTitle(named), QStringLiteral("baseline, Monday · shapes"));
  }

  void aTextOnlyModelsRunIsNotSaidToHaveSeenTheImage() {
    store::RunInfo text = demoRun("test", "image");
    text.model_text_only = true;  // its card lists no image among its modalities
    QCOMPARE(ui::conditionName(text), QStringLiteral("text only"));
    QCOMPARE(ui::runTitle(text), QStringLiteral("shapes-mm-ft · shapes · test · text only"));
    QCOMPARE(ui::conditionName(demoRun("test", "image")), QStringLiteral("with the image"));
    // The runs table's condition column and its name column say it too; the name as stored is
    // in the tooltip.
    RunsTableModel model;
    model.setRuns({ui::RunRow{text, std::nullopt, std::nullopt, std::nullopt}});
    QCOMPARE(model.index(0, RunsTableModel::kCondition).data().toString(),
             QStringLiteral("text only"));
    QCOMPARE(model.index(0, RunsTableModel::kName).data().toString(),
             QStringLiteral("shapes-mm-ft · shapes · test · text only"));
    QVERIFY(model.index(0, RunsTableModel::kName)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("shapes-mm-ft · shapes/test · image")));
  }

  void theChineseWindowSaysThemInChinese() {
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    RunsTableModel model;
    model.setRuns({ui::RunRow{demoRun("test", "blur:2"), 100.0, 0.9, 0.05}});
    const QString split = model.index(0, RunsTableModel::kSplit).data().toString();
    const QString condition = model.index(0, RunsTableModel::kCondition).data().toString();
    QCOMPARE(split, QStringLiteral("测试"));
    QCOMPARE(condition, QStringLiteral("模糊 2 像素"));
    // The stored spec is one hover away.
    QVERIFY(model.index(0, RunsTableModel::kCondition)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("blur:2")));
    QVERIFY(ui::runTitle(demoRun("calibration", "image")).contains(QStringLiteral("校准")));
    // How an analysis came by a run, and a dataset's splits where the browser lists its items.
    QCOMPARE(ui::originName(analysis::RunOrigin::kReused), QStringLiteral("复用"));
    ui::DatasetTableModel items(nullptr);
    items.setDataset(ui::test::fiveItems());
    QCOMPARE(items.index(1, ui::DatasetTableModel::kSplit).data().toString(),
             QStringLiteral("测试"));
    QCoreApplication::removeTranslator(&chinese);
  }

  void theDemoBuildSaysItsStagesInTheWindowsLanguage() {
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    QTemporaryDir dir;
    ui::DemoSetup setup;
    QStringList stages;
    connect(&setup, &ui::DemoSetup::progressed, this,
            [&](const QString& stage, double) { stages << stage; });
    QSignalSpy finished(&setup, &ui::DemoSetup::finished);
    QVERIFY(setup.start({dir.filePath(QStringLiteral("demo")), 96, 1}));
    QVERIFY(finished.wait(180'000));
    QCoreApplication::removeTranslator(&chinese);
    const auto said = [&](const QString& words) {
      return std::any_of(stages.begin(), stages.end(),
                         [&](const QString& s) { return s.contains(words); });
    };
    QVERIFY2(said(QStringLiteral("训练")), qPrintable(stages.join(QLatin1Char('\n'))));
    QVERIFY2(said(QStringLiteral("测试")), qPrintable(stages.join(QLatin1Char('\n'))));
    for (const QString& s : stages)
      QVERIFY2(
          !s.startsWith(QStringLiteral("Training")) && !s.startsWith(QStringLiteral("Running")),
          qPrintable(s));
  }
};

QTEST_MAIN(RunNamesTest)
#include "run_names_test.moc"
