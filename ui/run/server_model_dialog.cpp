#include "run/server_model_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>
#include <cstdlib>

#include "app/core_messages.h"
#include "calib/outcomes.h"
#include "model/model.h"
#include "model/model_card.h"
#include "model/openai_backend.h"
#include "model/prompt.h"

namespace unveil::ui {
namespace {

struct TestResult {
  QString error;
  QString summary;
};

// Scores a two-option question with no image through the card: the smallest request that shows
// the server answers with log-probabilities.
TestResult scoreOneItem(const QString& cardText) {
  TestResult r;
  try {
    QTemporaryDir dir;
    if (!dir.isValid()) {
      r.error = QObject::tr("Could not make a temporary folder for the test card");
      return r;
    }
    const QString path = dir.filePath(QStringLiteral("server.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(cardText.toUtf8()) < 0) {
      r.error = QObject::tr("Could not write the test card");
      return r;
    }
    f.close();
    auto m = model::Model::load(path.toStdString(), model::DeviceChoice::kCpu);
    if (!m.ok()) {
      r.error = coreText(m.error());
      return r;
    }
    data::Item item;
    item.id = "connection-test";
    item.question = "Which number is larger?";
    item.options = {{'A', "3"}, {'B', "7"}};
    model::ScoreRequest q;
    q.item = &item;
    q.condition.kind = data::PerturbationKind::kNoImage;
    auto out = m->score({q});
    if (!out.ok()) {
      r.error = coreText(out.error());
      return r;
    }
    const model::ScoreResult& s = out->front();
    if (s.status != model::ScoreResult::Status::kScored) {
      r.error = QString::fromStdString(s.error);
      return r;
    }
    const auto p = calib::softmax(s.output.option_logits);
    const QString answer = s.output.answer >= 0 ? QString(QChar('A' + s.output.answer))
                                                : QObject::tr("no option letter");
    r.summary = QObject::tr("The server answered %1 in %2 ms (A %3 %, B %4 %)")
                    .arg(answer)
                    .arg(std::lround(s.milliseconds))
                    .arg(100 * p[0], 0, 'f', 1)
                    .arg(100 * p[1], 0, 'f', 1);
    if (!s.bounded.empty()) {
      r.summary += QStringLiteral("; ") +
                   QObject::tr("letters %1 were not among the top log-probabilities (bounds)")
                       .arg(QString::fromStdString(s.bounded));
    }
  } catch (const std::exception& e) {
    r.error = QString::fromUtf8(e.what());
  }
  return r;
}

}  // namespace

ServerModelDialog::ServerModelDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Add server model"));
  setObjectName(QStringLiteral("serverModelDialog"));
  url_ = new QLineEdit(this);
  url_->setObjectName(QStringLiteral("serverUrl"));
  url_->setPlaceholderText(QStringLiteral("http://gpu-box:8000/v1"));
  url_->setToolTip(
      tr("The server's OpenAI-compatible API root, ending in /v1 (vLLM, SGLang, "
         "llama.cpp's llama-server, unveil-cli serve)"));
  model_ = new QComboBox(this);
  model_->setObjectName(QStringLiteral("serverModelId"));
  model_->setEditable(true);
  model_->setToolTip(tr("The server's model id, as GET /v1/models lists it"));
  model_->setMinimumContentsLength(28);
  list_ = new QPushButton(tr("&List models"), this);
  list_->setToolTip(tr("Ask the server which models it serves"));
  auto* modelRow = new QHBoxLayout;
  modelRow->addWidget(model_, 1);
  modelRow->addWidget(list_);
  name_ = new QLineEdit(this);
  name_->setPlaceholderText(tr("the model id"));
  name_->setToolTip(tr("The name runs and reports show"));
  keyVar_ = new QLineEdit(this);
  keyVar_->setPlaceholderText(QStringLiteral("UNVEIL_API_KEY"));
  keyVar_->setToolTip(
      tr("The environment variable that holds the API key, if the server wants one. The key "
         "itself is never written to a card, a project or a report."));
  concurrency_ = new QSpinBox(this);
  concurrency_->setRange(1, 256);
  concurrency_->setValue(8);
  concurrency_->setToolTip(tr("Requests in flight at once"));
  topLogprobs_ = new QSpinBox(this);
  topLogprobs_->setRange(1, 1000);
  topLogprobs_->setValue(20);
  topLogprobs_->setToolTip(
      tr("Alternatives asked for at each generated token. An option letter outside them gets an "
         "upper bound and is flagged. OpenAI allows 20; vLLM up to its --max-logprobs."));
  auto* form = new QFormLayout;
  form->addRow(tr("Server &URL:"), url_);
  form->addRow(tr("&Model:"), modelRow);
  form->addRow(tr("&Name:"), name_);
  form->addRow(tr("API &key variable:"), keyVar_);
  form->addRow(tr("Requests in &flight:"), concurrency_);
  form->addRow(tr("&Top log-probabilities:"), topLogprobs_);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("serverStatus"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  status_->setText(tr("The test scores one question with two options through the server."));
  test_ = new QPushButton(tr("&Test connection"), this);
  test_->setToolTip(tr("Score one question through the server and show its answer"));
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
  buttons_->addButton(test_, QDialogButtonBox::ActionRole);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(status_);
  layout->addWidget(buttons_);
  connect(list_, &QPushButton::clicked, this, &ServerModelDialog::listModels);
  connect(test_, &QPushButton::clicked, this, &ServerModelDialog::testConnection);
  connect(buttons_, &QDialogButtonBox::accepted, this, &ServerModelDialog::save);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  resize(560, sizeHint().height());
}

ServerModelDialog::~ServerModelDialog() {
  // Background requests end by their timeouts; wait for them so that none outlives the dialog.
  for (auto* watcher : findChildren<QFutureWatcherBase*>())
    watcher->waitForFinished();
}

QString ServerModelDialog::cardsFolder() {
  return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
         QStringLiteral("/models");
}

void ServerModelDialog::setBaseUrl(const QString& url) {
  url_->setText(url);
}
void ServerModelDialog::setModelId(const QString& id) {
  model_->setCurrentText(id);
}
QString ServerModelDialog::statusText() const {
  return status_->text();
}

void ServerModelDialog::setBusy(bool busy, const QString& status) {
  busy_ = busy;
  list_->setEnabled(!busy);
  test_->setEnabled(!busy);
  buttons_->button(QDialogButtonBox::Save)->setEnabled(!busy);
  status_->setText(status);
}

QString ServerModelDialog::cardText(QString* error) const {
  model::ModelCard c;
  c.backend = model::kBackendOpenAi;
  c.endpoint.base_url = url_->text().trimmed().toStdString();
  c.endpoint.model = model_->currentText().trimmed().toStdString();
  c.endpoint.api_key_env = keyVar_->text().trimmed().toStdString();
  c.endpoint.max_concurrency = concurrency_->value();
  c.endpoint.top_logprobs = topLogprobs_->value();
  c.name =
      name_->text().trimmed().isEmpty() ? c.endpoint.model : name_->text().trimmed().toStdString();
  c.prompt_template = model::kStudyTemplate;
  if (c.endpoint.base_url.empty() || c.endpoint.model.empty()) {
    *error = tr("Give the server's URL and the model's id.");
    return {};
  }
  return QString::fromStdString(model::to_json_text(c));
}

void ServerModelDialog::listModels() {
  const std::string url = url_->text().trimmed().toStdString();
  std::string key;
  if (const QString var = keyVar_->text().trimmed(); !var.isEmpty()) {
    if (const char* v = std::getenv(var.toLocal8Bit().constData())) key = v;
  }
  setBusy(true, tr("Asking %1 for its models…").arg(url_->text().trimmed()));
  auto* watcher = new QFutureWatcher<QStringList>(this);
  auto error = std::make_shared<QString>();
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, error] {
    const QStringList ids = watcher->result();
    watcher->deleteLater();
    if (!error->isEmpty()) {
      setBusy(false, *error);
      return;
    }
    const QString current = model_->currentText();
    model_->clear();
    model_->addItems(ids);
    if (!current.isEmpty() && ids.contains(current)) model_->setCurrentText(current);
    setBusy(false, tr("The server lists %n models.", nullptr, int(ids.size())));
  });
  watcher->setFuture(QtConcurrent::run([url, key, error] {
    QStringList ids;
    auto list = model::list_server_models(url, key, 10);
    if (!list.ok()) {
      *error = coreText(list.error());
      return ids;
    }
    for (const auto& id : *list)
      ids << QString::fromStdString(id);
    return ids;
  }));
}

void ServerModelDialog::testConnection() {
  QString error;
  const QString text = cardText(&error);
  if (text.isEmpty()) {
    status_->setText(error);
    return;
  }
  setBusy(true, tr("Scoring one question through %1…").arg(url_->text().trimmed()));
  auto* watcher = new QFutureWatcher<TestResult>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
    const TestResult r = watcher->result();
    watcher->deleteLater();
    setBusy(false, r.error.isEmpty() ? r.summary : tr("The test failed: %1").arg(r.error));
  });
  watcher->setFuture(QtConcurrent::run([text] { return scoreOneItem(text); }));
}

void ServerModelDialog::save() {
  QString error;
  const QString text = cardText(&error);
  if (text.isEmpty()) {
    status_->setText(error);
    return;
  }
  QDir().mkpath(cardsFolder());
  QString base =
      name_->text().trimmed().isEmpty() ? model_->currentText().trimmed() : name_->text().trimmed();
  base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
  QString path = cardsFolder() + QLatin1Char('/') + base + QStringLiteral(".json");
  for (int k = 2; QFileInfo::exists(path); ++k)
    path = cardsFolder() + QLatin1Char('/') + base + QStringLiteral("-%1.json").arg(k);
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit()) {
    status_->setText(tr("Could not write %1: %2").arg(path, f.errorString()));
    return;
  }
  cardPath_ = path;
  accept();
}

}  // namespace unveil::ui
