// Core's messages in the window's language: each id of core's catalog has its words here (the
// same English, so a changed sentence is seen), each has a Chinese translation with the same
// parameters, and a broken predictions file opened in the Chinese window is explained in Chinese,
// built from the reader's ids, with the file's name kept as it is.
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "analysis/eval_job.h"
#include "app/cjk_spacing.h"
#include "app/core_messages.h"
#include "browser/dataset_loading.h"
#include "data/image.h"
#include "model/model_card.h"
#include "model/openai_backend.h"
#include "problems/problems_model.h"
#include "session/prediction_loading.h"
#include "store/store.h"
#include "test_support.h"
#include "util/message.h"

using namespace unveil;

namespace {
QSet<QString> placeholders(const QString& text) {
  QSet<QString> out;
  static const QRegularExpression re(QStringLiteral("%[1-9]"));
  for (auto it = re.globalMatch(text); it.hasNext();)
    out.insert(it.next().captured());
  return out;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
  const QString path = dir.filePath(name);
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return {};
  f.write(bytes);
  return path;
}
}  // namespace

class CoreMessagesTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QVERIFY(ui::test::installEnglish()); }

  void everyCoreMessageHasItsWordsHereAndNoOthers() {
    QHash<QString, QString> table;
    for (const ui::CoreMessageEntry& e : ui::coreMessageTable())
      table.insert(QString::fromUtf8(e.id), QString::fromUtf8(e.source));
    QCOMPARE(table.size(), static_cast<qsizetype>(ui::coreMessageTable().size()));
    for (const MessageTemplate& t : message_catalog()) {
      const QString id = QString::fromUtf8(t.id.data(), static_cast<qsizetype>(t.id.size()));
      QVERIFY2(table.contains(id),
               qPrintable(id + QStringLiteral(" has no entry in ui/app/core_messages.cpp")));
      QCOMPARE(table.value(id),
               QString::fromUtf8(t.english.data(), static_cast<qsizetype>(t.english.size())));
    }
    QCOMPARE(table.size(), static_cast<qsizetype>(message_catalog().size()));
  }

  void everyCoreMessageIsTranslatedIntoChineseWithTheSameParameters() {
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    for (const ui::CoreMessageEntry& e : ui::coreMessageTable()) {
      const QString source = QString::fromUtf8(e.source);
      const QString zh = chinese.translate("CoreMessages", e.source);
      QVERIFY2(!zh.isEmpty(), e.id);
      QVERIFY2(zh != source, e.id);
      QCOMPARE(placeholders(zh), placeholders(source));
    }
  }

  void theEnglishWindowSaysWhatCoreSays() {
    const Message m = message("file.line", "p.jsonl", 3, message("jsonl.no_label"));
    QCOMPARE(ui::coreText(m), QString::fromStdString(english(m)));
    // An error without an id is shown as it is.
    QCOMPARE(ui::coreText(Error{"plain words"}), QStringLiteral("plain words"));
  }

  void aBrokenFileOpenedInTheChineseWindowIsExplainedInChinese() {
    QTemporaryDir dir;
    // A name with a placeholder in it must come through as it is.
    const QString path = writeFile(dir, QStringLiteral("run %1.jsonl"),
                                   "{\"id\":\"a\",\"probs\":[0.5,0.5],\"label\":0}\n"
                                   "{\"id\":\"b\",\"probs\":[0.5,1.5],\"label\":0}\n");
    QVERIFY(!path.isEmpty());
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    const ui::LoadResult bad = ui::loadPredictions(path);
    const ui::LoadResult missing = ui::loadPredictions(dir.filePath(QStringLiteral("gone.jsonl")));
    QCoreApplication::removeTranslator(&chinese);

    QVERIFY(bad.error.contains(path));                   // the file, as it is named
    QVERIFY(bad.error.contains(QStringLiteral("2")));    // its line
    QVERIFY(bad.error.contains(QStringLiteral("1.5")));  // the value found
    QVERIFY2(bad.error.contains(QStringLiteral("概率")), qPrintable(bad.error));
    QVERIFY2(!bad.error.contains(QStringLiteral("probabilities")), qPrintable(bad.error));
    QVERIFY2(!missing.error.isEmpty(), "a missing file is an error");
    QVERIFY2(!missing.error.contains(QStringLiteral("no such file"), Qt::CaseInsensitive),
             qPrintable(missing.error));
  }

  void aDatasetsProblemsAreListedInChinese() {
    // Item 2 repeats item 1's id, item 3 has no conversation, item 4 answers with a letter that is
    // not an option: the problems panel says where and what in Chinese.
    QTemporaryDir dir;
    const QByteArray turn =
        R"([{"from":"human","value":"Which?\nA. red\nB. blue"},{"from":"gpt","value":"A"}])";
    const QString path = writeFile(
        dir, QStringLiteral("set.json"),
        "[{\"id\":\"a\",\"conversations\":" + turn + "},{\"id\":\"a\",\"conversations\":" + turn +
            "},{\"id\":\"c\"},{\"id\":\"d\",\"conversations\":" +
            QByteArray(turn).replace("\"value\":\"A\"", "\"value\":\"(F)\"") + "}]");
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    const ui::DatasetLoadResult read = ui::loadDataset(path);
    QVERIFY2(read.ok(), qPrintable(read.error));
    ui::ProblemsModel model;
    model.setProblems(read.data.dataset->problems);
    const auto cell = [&](int row, int column) {
      return model.index(row, column).data().toString();
    };
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(cell(0, ui::ProblemsModel::kWhere), QStringLiteral("第 2 项（ID \"a\"）"));
    QCOMPARE(cell(0, ui::ProblemsModel::kMessage),
             QStringLiteral("ID \"a\" 重复（第 1 项已使用）"));
    QVERIFY2(cell(1, ui::ProblemsModel::kMessage).contains(QStringLiteral("conversations")),
             qPrintable(cell(1, ui::ProblemsModel::kMessage)));
    QVERIFY2(cell(1, ui::ProblemsModel::kMessage).contains(QStringLiteral("提问")),
             qPrintable(cell(1, ui::ProblemsModel::kMessage)));
    QVERIFY2(cell(2, ui::ProblemsModel::kMessage).contains(QStringLiteral("不在选项（AB）之中")),
             qPrintable(cell(2, ui::ProblemsModel::kMessage)));
    QVERIFY(model.index(2, 0)
                .data(ui::ProblemsModel::kProblemTextRole)
                .toString()
                .contains(QStringLiteral("第 4 项")));
    QCoreApplication::removeTranslator(&chinese);
    // The English window lists what core says, word for word.
    QCOMPARE(cell(0, ui::ProblemsModel::kMessage),
             QString::fromStdString(read.data.dataset->problems[0].message));
  }

  void aModelCardsProblemIsExplainedInChinese() {
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("card.json"), R"({"backend": "onnx"})");
    const auto card = model::read_model_card(path.toStdString());
    QVERIFY(!card.ok());
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    const QString said = ui::coreText(card.error());
    QCoreApplication::removeTranslator(&chinese);
    QVERIFY2(said.contains(path) && said.contains(QStringLiteral("\"onnx\"")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("字段")), qPrintable(said));
    QVERIFY2(!said.contains(QStringLiteral("expected")), qPrintable(said));
  }

  void aMalformedLineIsExplainedPieceByPiece() {
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    const QString said = ui::coreText(
        message("file.line", "p.jsonl", 4,
                message("jsonl.expected", message("jsonl.want_number_array", literal("\"logits\"")),
                        20, message("jsonl.found_end"))));
    QCoreApplication::removeTranslator(&chinese);
    QVERIFY2(said.contains(QStringLiteral("\"logits\"")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("20")), qPrintable(said));
    QVERIFY2(!said.contains(QStringLiteral("expected")), qPrintable(said));
    QVERIFY2(!said.contains(QStringLiteral("end of the line")), qPrintable(said));
  }

  void aNaNIsSaidWithoutAStraySpaceInChinese() {
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    const QString said =
        ui::coreText(message("jsonl.nan", message("jsonl.value_of", 1, literal("\"logits\""))));
    QCoreApplication::removeTranslator(&chinese);
    // "value 1 of "logits" is NaN": the template's space between two Chinese words goes, the
    // ones around the number and the key stay.
    QVERIFY2(said.startsWith(QStringLiteral("\"logits\" 的第 1 个值是 NaN")), qPrintable(said));
  }

  void onlyTheTemplatesSpacesBetweenChineseWordsAreLeftOut() {
    const QString name = QStringLiteral("我的 项目.unveil");
    QCOMPARE(ui::fillTranslated(QStringLiteral("%1 是只读的"), {name}),
             QStringLiteral("我的 项目.unveil 是只读的"));  // the name ends in Latin
    QCOMPARE(ui::fillTranslated(QStringLiteral("打开 %1 失败"), {QStringLiteral("项目")}),
             QStringLiteral("打开项目失败"));
    QCOMPARE(ui::fillTranslated(QStringLiteral("第 %1 行"), {QStringLiteral("3")}),
             QStringLiteral("第 3 行"));
    QCOMPARE(ui::fillTranslated(QStringLiteral("%1 %2"), {QStringLiteral("我的 项目"), name}),
             QStringLiteral("我的 项目我的 项目.unveil"));
    // A parameter's own "%1" is not filled again; English keeps every space.
    QCOMPARE(ui::fillTranslated(QStringLiteral("%1: %2"),
                                {QStringLiteral("run %2.jsonl"), QStringLiteral("no such file")}),
             QStringLiteral("run %2.jsonl: no such file"));
  }

  void aSpaceStandsBetweenChineseAndLatinButNotInsideMarkup() {
    QCOMPARE(ui::spacedScripts(QStringLiteral("运行5的准确率与ECE")),
             QStringLiteral("运行 5 的准确率与 ECE"));
    // Already spaced text and English are left as they are.
    QCOMPARE(ui::spacedScripts(QStringLiteral("Brier 分数")), QStringLiteral("Brier 分数"));
    QCOMPARE(ui::spacedScripts(QStringLiteral("run 5 and ECE")), QStringLiteral("run 5 and ECE"));
    // The space goes beside a tag, never inside one (it reads the same in bold or not);
    // punctuation takes none.
    QCOMPARE(ui::spacedScripts(QStringLiteral("模型<b>shapes</b>更准")),
             QStringLiteral("模型 <b>shapes </b>更准"));
    QCOMPARE(ui::spacedScripts(QStringLiteral("（ECE）")), QStringLiteral("（ECE）"));
    QVERIFY(ui::isCjk(QChar(u'。')) && ui::isCjk(QChar(u'模')) && !ui::isCjk(QChar(u'a')));
  }

  void aFileThatIsNotAProjectIsExplainedInChinese() {
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("notes.unveil"),
                                   QByteArray("these are notes, not a project\n").repeated(8));
    const auto st = store::Store::open(path.toStdString(), store::OpenMode::kOpenExisting);
    QVERIFY(!st.ok());
    const auto gone = store::Store::open(dir.filePath(QStringLiteral("gone.unveil")).toStdString(),
                                         store::OpenMode::kOpenExisting);
    QVERIFY(!gone.ok());
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    const QString notProject = ui::coreText(st.error());
    const QString missing = ui::coreText(gone.error());
    QCoreApplication::removeTranslator(&chinese);
    QCOMPARE(notProject, path + QStringLiteral("：不是 Unveil 项目（文件不是 SQLite 数据库）"));
    QVERIFY2(missing.contains(QStringLiteral("没有这个项目文件")), qPrintable(missing));
    // The English window says what the CLI says.
    QCOMPARE(ui::coreText(st.error()), QString::fromStdString(st.error().message));
  }

  void aRunOnAMissingDatasetIsExplainedInChinese() {
    QTemporaryDir dir;
    const std::string db = dir.filePath(QStringLiteral("p.unveil")).toStdString();
    QVERIFY(store::Store::open(db, store::OpenMode::kOpenOrCreate).ok());
    analysis::EvalSpec spec;
    spec.db = db;
    spec.card = dir.filePath(QStringLiteral("card.json")).toStdString();
    spec.dataset = "shapes";
    const auto run = analysis::run_eval(spec);
    QVERIFY(!run.ok());
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    const QString said = ui::coreText(run.error());
    QCoreApplication::removeTranslator(&chinese);
    QVERIFY2(said.contains(QStringLiteral("没有名为“shapes”的数据集")), qPrintable(said));
    QVERIFY2(said.contains(QString::fromStdString(db)), qPrintable(said));
    QCOMPARE(ui::coreText(run.error()), QString::fromStdString(run.error().message));
    QCOMPARE(run.error().message, "no dataset named \"shapes\" in " + db);
  }

  void aMissingImageAndAnUnreachableServerAreExplainedInChinese() {
    QTemporaryDir dir;
    const std::string picture = dir.filePath(QStringLiteral("cat.png")).toStdString();
    const auto image = data::load_image_file(picture);
    QVERIFY(!image.ok());
    // Port 1 on this machine: nothing listens there, so the connection is refused at once.
    const auto models = model::list_server_models("http://127.0.0.1:1/v1", "", 5.0);
    QVERIFY(!models.ok());
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/unveil_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    const QString noImage = ui::coreText(image.error());
    const QString noServer = ui::coreText(models.error());
    QCoreApplication::removeTranslator(&chinese);
    QVERIFY2(noImage.startsWith(QString::fromStdString(picture) + QStringLiteral("：无法打开")),
             qPrintable(noImage));
    QVERIFY2(noImage.endsWith(QStringLiteral("没有这个文件或文件夹")), qPrintable(noImage));
    QVERIFY2(noServer.startsWith(QStringLiteral("无法连接到位于 http://127.0.0.1:1/v1 的服务器")),
             qPrintable(noServer));
  }
};

QTEST_MAIN(CoreMessagesTest)
#include "core_messages_test.moc"
