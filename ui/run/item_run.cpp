#include "run/item_run.h"

#include <QElapsedTimer>
#include <QObject>
#include <exception>

#include "app/core_messages.h"
#include "calib/outcomes.h"
#include "data/perturb.h"

namespace unveil::ui {

ItemRunResult runItem(const model::Model& model, const data::Item& item, const std::string& root,
                      const QString& condition, const QString& prompt, std::uint64_t seed) {
  ItemRunResult r;
  QElapsedTimer clock;
  clock.start();
  try {  // an exception must never reach the event loop
    const auto perturbation = data::parse_perturbation(condition.toStdString());
    if (!perturbation.ok()) {
      r.error = coreText(perturbation.error());
      return r;
    }
    model::ScoreRequest request;
    request.item = &item;
    request.root = root;
    request.condition = *perturbation;
    request.prompt_template = prompt.toStdString();
    request.seed = seed;
    auto outputs = model.score({request});
    if (!outputs.ok()) {
      r.error = coreText(outputs.error());
      return r;
    }
    if (outputs->size() != 1) {
      r.error = QObject::tr("The model gave %1 outputs for one item").arg(outputs->size());
      return r;
    }
    const model::ScoreResult& result = outputs->front();
    if (result.status != model::ScoreResult::Status::kScored) {
      r.error = result.status == model::ScoreResult::Status::kCancelled
                    ? QObject::tr("Cancelled")
                    : QString::fromStdString(result.error);
      return r;
    }
    const model::ModelOutput& out = result.output;
    r.answer = out.answer;
    r.logits = out.option_logits;
    r.probabilities = calib::softmax(out.option_logits);
    r.confVocab = out.conf_vocab;
    r.text = QString::fromStdString(result.text);
    r.bounded = QString::fromStdString(result.bounded);
    r.steps = out.steps;
  } catch (const std::exception& e) {
    r.error = QObject::tr("The model failed on item %1: %2")
                  .arg(QString::fromStdString(item.id), QString::fromUtf8(e.what()));
  }
  r.milliseconds = static_cast<double>(clock.nsecsElapsed()) / 1e6;
  return r;
}

ModelLoadResult loadModel(const QString& cardPath, const QString& device) {
  ModelLoadResult r;
  r.path = cardPath;
  QElapsedTimer clock;
  clock.start();
  try {
    const auto choice = model::parse_device(device.toStdString());
    if (!choice.ok()) {
      r.error = coreText(choice.error());
      return r;
    }
    auto loaded = model::Model::load(cardPath.toStdString(), *choice);
    if (!loaded.ok())
      r.error = coreText(loaded.error());
    else
      r.model = std::make_shared<const model::Model>(std::move(*loaded));
  } catch (const std::exception& e) {
    r.error =
        QObject::tr("Could not load the model %1: %2").arg(cardPath, QString::fromUtf8(e.what()));
  }
  r.milliseconds = static_cast<double>(clock.nsecsElapsed()) / 1e6;
  return r;
}

}  // namespace unveil::ui
