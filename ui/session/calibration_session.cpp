#include "session/calibration_session.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <stdexcept>

#include "app/core_messages.h"
#include "calib/recipe.h"

namespace unveil::ui {

namespace {

struct ComputeInput {
  std::shared_ptr<const calib::PredictionSet> set;
  calib::MetricsOptions options;
  std::optional<double> temperature;
  std::shared_ptr<const calib::Outcomes> before, after;  // cached; null when not yet computed
};

struct ComputeOutput {
  std::optional<AnalysisResult> result;
  std::shared_ptr<const calib::Outcomes> before, after;
  QString error;
};

ComputeOutput compute(const ComputeInput& in) {
  ComputeOutput out;
  try {
    calib::Scoring scoring;
    scoring.confidence = in.options.confidence;
    scoring.unanswered = in.options.unanswered;
    const auto outcomes = [&](double t) -> std::shared_ptr<const calib::Outcomes> {
      auto o = calib::compute_outcomes(*in.set, t, scoring);
      if (!o) throw std::runtime_error(o.error().message);
      if (o->size() == 0) {
        throw std::runtime_error("all " + std::to_string(in.set->size()) +
                                 " items are unanswered and the recipe leaves them out");
      }
      return std::make_shared<const calib::Outcomes>(std::move(*o));
    };
    out.before = in.before ? in.before : outcomes(1.0);
    AnalysisResult r;
    r.options = in.options;
    r.temperature = in.temperature;
    r.before = calib::compute_metrics(*out.before, in.options);
    r.riskCoverage = calib::risk_coverage(*out.before);
    // The histogram always uses equal-width bins: equal-mass bins hold equal counts by design.
    r.histogramBefore =
        in.options.binning == calib::Binning::kEqualWidth
            ? r.before.table
            : calib::bin_table(*out.before, in.options.bins, calib::Binning::kEqualWidth);
    if (in.temperature) {
      out.after = in.after ? in.after : outcomes(*in.temperature);
      r.after = calib::compute_metrics(*out.after, in.options);
      r.histogramAfter =
          in.options.binning == calib::Binning::kEqualWidth
              ? r.after->table
              : calib::bin_table(*out.after, in.options.bins, calib::Binning::kEqualWidth);
    }
    out.result = std::move(r);
  } catch (const std::exception& e) {
    out.error =
        CalibrationSession::tr("Computing the metrics failed: %1").arg(QString::fromUtf8(e.what()));
  }
  return out;
}

struct FitOutput {
  std::optional<calib::TemperatureFit> fit;
  QString error;
};

// The temperature that belongs to the confidence shown: the exact option-level fit (on the
// answered items when the unanswered are left out), or with the vocabulary confidence the study's
// grid on the full-vocabulary NLL, which leaves them out itself (docs/METRICS.md).
FitOutput fit(const std::shared_ptr<const calib::PredictionSet>& set, const QString& name,
              const calib::MetricsOptions& options) {
  FitOutput out;
  try {
    calib::Recipe recipe = calib::unveil_recipe(options);
    recipe.scoring.confidence = options.confidence;
    recipe.scoring.unanswered = options.unanswered;
    if (options.confidence == calib::ConfidenceKind::kVocab)
      recipe.temperature = calib::TemperatureMethod::kStudyGrid;
    Result<calib::TemperatureFit> r = calib::fit_recipe_temperature(*set, recipe);
    if (r.ok())
      out.fit = r.value();
    else
      out.error = name + QStringLiteral(": ") + coreText(r.error());
  } catch (const std::exception& e) {
    out.error = name + QStringLiteral(": ") + QString::fromUtf8(e.what());
  }
  return out;
}

}  // namespace

CalibrationSession::CalibrationSession(QObject* parent) : QObject(parent) {
  ciDelay_ = new QTimer(this);
  ciDelay_->setSingleShot(true);
  ciDelay_->setInterval(300);
  connect(ciDelay_, &QTimer::timeout, this, &CalibrationSession::computeIntervals);
}

CalibrationSession::~CalibrationSession() {
  if (ciCancel_) *ciCancel_ = true;
  // Jobs still running hold only shared data; wait so that none outlives the process' objects.
  for (auto* watcher : findChildren<QFutureWatcherBase*>())
    watcher->waitForFinished();
}

template <typename T>
void CalibrationSession::runJob(const QString& activity, std::function<T()> work,
                                std::function<void(T)> done) {
  activities_.append(activity);
  emit activityChanged(activity);
  auto* watcher = new QFutureWatcher<T>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, activity, done] {
    // Follow-up jobs start inside done(), before this one counts as finished, so that idle()
    // fires only once the whole chain is through.
    done(watcher->result());
    watcher->deleteLater();
    finishJob(activity);
  });
  watcher->setFuture(QtConcurrent::run(std::move(work)));
}

void CalibrationSession::finishJob(const QString& activity) {
  activities_.removeOne(activity);
  emit activityChanged(activities_.isEmpty() ? QString() : activities_.constLast());
  if (activities_.isEmpty()) emit idle();
}

void CalibrationSession::fail(const QString& message) {
  lastError_ = message;
  emit failed(message);
}

void CalibrationSession::openTest(const QString& path) {
  // A project's run comes with the temperature stored for it; a file opened after it is another
  // set, which that temperature was never fitted for: both go at once (a calibration split
  // opened next, as File ▸ Open's pair does, is then the new file's own).
  if ((test_ && test_->runId >= 0) || (calibration_ && calibration_->runId >= 0)) {
    ++calibrationGeneration_;
    ++fitGeneration_;
    calibration_.reset();
    fit_.reset();
    outcomesAfter_.reset();
    emit calibrationLoaded();
    emit temperatureChanged();
  }
  const quint64 generation = ++testGeneration_;
  runJob<LoadResult>(
      tr("Reading %1…").arg(path), [path] { return loadPredictions(path); },
      [this, generation](LoadResult r) {
        if (generation != testGeneration_) return;
        if (!r.ok()) return fail(r.error);
        lastError_.clear();
        test_ = std::move(r.data);
        outcomesBefore_.reset();
        outcomesAfter_.reset();
        emit testLoaded();
        recompute();
      });
}

void CalibrationSession::showPredictions(const LoadedPredictions& predictions) {
  showPredictions(predictions, std::nullopt);
}

void CalibrationSession::showPredictions(const LoadedPredictions& predictions,
                                         const std::optional<LoadedPredictions>& calibration) {
  ++testGeneration_;
  ++calibrationGeneration_;
  ++fitGeneration_;
  lastError_.clear();
  test_ = predictions;
  calibration_ = calibration;
  fit_.reset();
  outcomesBefore_.reset();
  outcomesAfter_.reset();
  emit testLoaded();
  emit calibrationLoaded();
  emit temperatureChanged();
  if (calibration_)
    fitTemperature();  // recomputes once the temperature is there
  else
    recompute();
}

void CalibrationSession::openCalibration(const QString& path, bool fitWhenLoaded) {
  const quint64 generation = ++calibrationGeneration_;
  runJob<LoadResult>(
      tr("Reading calibration split %1…").arg(path), [path] { return loadPredictions(path); },
      [this, generation, fitWhenLoaded](LoadResult r) {
        if (generation != calibrationGeneration_) return;
        if (!r.ok()) return fail(r.error);
        lastError_.clear();
        calibration_ = std::move(r.data);
        emit calibrationLoaded();
        // A temperature fitted on another split no longer applies.
        if (fit_) clearTemperature();
        if (fitWhenLoaded) fitTemperature();
      });
}

void CalibrationSession::openExample() {
  openTest(exampleTestPath());
  openCalibration(exampleCalibrationPath(), true);
}

void CalibrationSession::fitTemperature() {
  if (!calibration_) {
    fail(tr("Load a calibration split before fitting a temperature."));
    return;
  }
  const quint64 generation = ++fitGeneration_;
  const auto set = calibration_->set;
  const QString name = calibration_->displayName;
  runJob<FitOutput>(
      tr("Fitting a temperature on %1…").arg(name),
      [set, name, options = options_] { return fit(set, name, options); },
      [this, generation](const FitOutput& r) {
        if (generation != fitGeneration_) return;
        if (!r.fit) return fail(r.error);
        fit_ = r.fit;
        outcomesAfter_.reset();
        emit temperatureChanged();
        recompute();
      });
}

void CalibrationSession::clearTemperature() {
  ++fitGeneration_;
  fit_.reset();
  outcomesAfter_.reset();
  emit temperatureChanged();
  recompute();
}

void CalibrationSession::setOptions(const calib::MetricsOptions& options) {
  if (options.bins == options_.bins && options.binning == options_.binning &&
      options.confidence == options_.confidence && options.unanswered == options_.unanswered) {
    return;
  }
  // Other confidences or other items scored, and a temperature that belongs to them: fitted
  // again.
  const bool newConfidence =
      options.confidence != options_.confidence || options.unanswered != options_.unanswered;
  options_ = options;
  if (newConfidence) {
    // Other confidences, and a temperature that belongs to them: fitted again for the new one.
    outcomesBefore_.reset();
    outcomesAfter_.reset();
    outcomesAfterTemperature_.reset();
    if (fit_) {
      ++fitGeneration_;
      fit_.reset();  // never shown with a confidence it was not fitted for
      emit temperatureChanged();
      if (calibration_) {
        recompute();
        fitTemperature();  // recomputes again once fitted
        return;
      }
    }
  }
  recompute();
}

void CalibrationSession::setBootstrapReplicates(int replicates) {
  if (replicates == bootstrapReplicates_) return;
  bootstrapReplicates_ = replicates;
  if (!result_) return;
  // The shown intervals stay until the new ones replace them.
  if (ciCancel_) *ciCancel_ = true;
  ciDelay_->start();
}

void CalibrationSession::computeIntervals() {
  if (!result_ || !outcomesBefore_) return;
  const quint64 generation = ++ciGeneration_;
  ciCancel_ = std::make_shared<std::atomic<bool>>(false);
  calib::BootstrapOptions o;
  o.replicates = bootstrapReplicates_;
  o.seed = kBootstrapSeed;
  o.metrics = result_->options;
  using Pair =
      std::pair<std::optional<calib::BootstrapResult>, std::optional<calib::BootstrapResult>>;
  runJob<Pair>(
      tr("Computing bootstrap intervals…"),
      [o, cancel = ciCancel_, before = outcomesBefore_,
       after = result_->after ? outcomesAfter_ : nullptr]() mutable {
        o.cancel = cancel.get();
        Pair out;
        out.first = calib::bootstrap(*before, o);
        if (after && !*cancel) out.second = calib::bootstrap(*after, o);
        if (*cancel) out = {};
        return out;
      },
      [this, generation](Pair r) {
        if (generation != ciGeneration_ || !r.first || r.first->cancelled) return;
        ciBefore_ = std::move(r.first);
        ciAfter_ = std::move(r.second);
        emit intervalsChanged();
      });
}

void CalibrationSession::recompute() {
  if (!test_) return;
  ComputeInput in;
  in.set = test_->set;
  in.options = options_;
  if (fit_) in.temperature = fit_->temperature;
  in.before = outcomesBefore_;
  if (fit_ && outcomesAfterTemperature_ == in.temperature) in.after = outcomesAfter_;
  const quint64 generation = ++computeGeneration_;
  runJob<ComputeOutput>(
      tr("Computing metrics…"), [in] { return compute(in); },
      [this, generation, set = in.set, temperature = in.temperature](ComputeOutput r) {
        if (generation != computeGeneration_) return;
        if (!r.result) return fail(r.error);
        // Keep the outcomes only if they still belong to the current set and temperature.
        if (test_ && test_->set == set) {
          outcomesBefore_ = r.before;
          outcomesAfter_ = r.after;
          outcomesAfterTemperature_ = temperature;
        }
        result_ = std::move(r.result);
        // Intervals of the previous numbers no longer apply; new ones follow once the result
        // has stood still (a live run replaces it five times a second).
        ++ciGeneration_;
        if (ciCancel_) *ciCancel_ = true;
        ciBefore_.reset();
        ciAfter_.reset();
        ciDelay_->start();
        emit resultChanged();
      });
}

}  // namespace unveil::ui
