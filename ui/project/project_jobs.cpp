#include "project/project_jobs.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <exception>
#include <filesystem>

#include "app/core_messages.h"
#include "app/run_names.h"
#include "project/runs_table_model.h"
#include "store/run_headline.h"
#include "store/temperature_params.h"

namespace unveil::ui {

/// The translation context of this file's messages.
class ProjectJobs {
  Q_DECLARE_TR_FUNCTIONS(ProjectJobs)
};

namespace {

std::filesystem::path fsPath(const QString& path) {
  return std::filesystem::path(QFile::encodeName(path).toStdString());
}

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

/// The run's headline metrics, by the rule the CLI's run list follows (store/run_headline.h).
RunRow headline(store::Store& st, const store::RunInfo& info) {
  RunRow row{info, {}, {}, {}};
  if (const std::optional<store::RunHeadline> h = store::run_headline(st, info)) {
    row.n = static_cast<double>(h->n);
    row.accuracy = h->accuracy;
    row.ece = h->ece;  // none for an accuracy-only run
  }
  return row;
}

ProjectResult readOpen(store::Store& st, const QString& path) {
  ProjectResult result;
  ProjectState state;
  state.path = path;
  state.readOnly = st.read_only();
  state.notice = coreText(st.notice_detail(), st.notice());
  Result<std::vector<store::RunInfo>> runs = st.runs();
  if (!runs.ok()) {
    result.error = coreText(runs.error());
    return result;
  }
  for (const store::RunInfo& info : *runs)
    state.runs.push_back(headline(st, info));
  Result<std::vector<store::DatasetInfo>> datasets = st.datasets();
  if (!datasets.ok()) {
    result.error = coreText(datasets.error());
    return result;
  }
  state.datasets = std::move(datasets).value();
  Result<std::vector<store::ModelInfo>> models = st.models();
  if (models.ok()) state.models = std::move(models).value();
  result.message = ProjectJobs::tr("%1: %n run(s)", nullptr, static_cast<int>(state.runs.size()))
                       .arg(QFileInfo(path).fileName());
  result.state = std::move(state);
  return result;
}

/// Runs `work` and turns an escaping exception into a message: none may reach the event loop.
template <typename F>
ProjectResult guarded(const QString& path, F work) {
  try {
    return work();
  } catch (const std::exception& e) {
    ProjectResult r;
    r.error = path + QStringLiteral(": ") + QString::fromUtf8(e.what());
    return r;
  }
}

}  // namespace

// Opens the project (one Store, on the calling worker thread) and hands it to `work`; an open
// failure becomes the result's error.
template <typename F>
ProjectResult withStore(const QString& path, store::OpenMode mode, F work) {
  Result<store::Store> st = store::Store::open(fsPath(path), mode);
  if (!st.ok()) {
    ProjectResult r;
    r.error = coreText(st.error());
    return r;
  }
  return work(*st);
}

ProjectResult readProject(const QString& path) {
  return guarded(path, [&] {
    return withStore(path, store::OpenMode::kOpenExisting,
                     [&](store::Store& st) { return readOpen(st, path); });
  });
}

ProjectResult createProject(const QString& path) {
  return guarded(path, [&] {
    ProjectResult r;
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
      if (QFileInfo::exists(path + suffix) && !QFile::remove(path + suffix)) {
        r.error = ProjectJobs::tr("%1: cannot replace the existing file").arg(path + suffix);
        return r;
      }
    }
    return withStore(path, store::OpenMode::kOpenOrCreate,
                     [&](store::Store& st) { return readOpen(st, path); });
  });
}

ProjectResult saveProjectAs(const QString& source, const QString& target) {
  return guarded(source, [&] {
    ProjectResult r;
    {
      Result<store::Store> st = store::Store::open(fsPath(source), store::OpenMode::kReadOnly);
      if (!st.ok()) {
        r.error = coreText(st.error());
        return r;
      }
      Status saved = st->save_as(fsPath(target));
      if (!saved.ok()) {
        r.error = coreText(saved.error());
        return r;
      }
    }
    r = readProject(target);
    if (r.state) r.message = ProjectJobs::tr("Saved a copy as %1").arg(target);
    return r;
  });
}

ProjectResult savePredictions(const QString& path, const std::vector<RunToSave>& runs) {
  return guarded(path, [&] {
    return withStore(path, store::OpenMode::kOpenExisting, [&](store::Store& st) {
      ProjectResult r;
      QStringList saved;
      for (const RunToSave& run : runs) {
        const std::string runName = run.runName.toStdString();
        Result<std::int64_t> id =
            st.import_predictions(*run.set, run.datasetName.toStdString(), runName);
        if (!id.ok()) {
          // Items of another dataset (a calibration split beside a test split): a dataset of
          // their own.
          const QString other =
              run.datasetName + QStringLiteral(" (") + run.runName + QStringLiteral(")");
          Result<std::int64_t> retry =
              st.import_predictions(*run.set, other.toStdString(), runName);
          if (!retry.ok()) {
            r.error = coreText(id.error());
            return r;
          }
        }
        saved << run.runName;
      }
      r = readOpen(st, path);
      if (r.state)
        r.message = ProjectJobs::tr("Saved %1 to %2")
                        .arg(saved.join(QStringLiteral(", ")), QFileInfo(path).fileName());
      return r;
    });
  });
}

ProjectResult importDataset(const QString& path, std::shared_ptr<const data::Dataset> dataset,
                            const QString& source, const QString& format) {
  return guarded(path, [&] {
    return withStore(path, store::OpenMode::kOpenExisting, [&](store::Store& st) {
      ProjectResult r;
      Result<store::ImportSummary> added =
          st.add_dataset(*dataset, source.toStdString(), format.toStdString());
      if (!added.ok()) {
        r.error = coreText(added.error());
        return r;
      }
      r = readOpen(st, path);
      if (r.state)
        r.message = ProjectJobs::tr("Imported %n item(s) of %1 into the project", nullptr,
                                    static_cast<int>(added->items))
                        .arg(qs(dataset->name));
      return r;
    });
  });
}

CalibrationsResult changeCalibrations(const QString& path, CalibrationChange change,
                                      const store::CalibrationInfo& c) {
  CalibrationsResult r;
  r.runId = c.run_id;
  try {
    Result<store::Store> st = store::Store::open(
        fsPath(path), change == CalibrationChange::kList ? store::OpenMode::kReadOnly
                                                         : store::OpenMode::kOpenExisting);
    if (!st.ok()) {
      r.error = coreText(st.error());
      return r;
    }
    Status done = ok_status();
    if (change == CalibrationChange::kAdd) {
      Result<std::int64_t> id = st->add_calibration(c);
      if (id.ok()) {
        r.added = c;
        r.added->id = *id;
      } else {
        done = id.error();
      }
    } else if (change == CalibrationChange::kRemove) {
      done = st->delete_calibration(c.id);
    } else if (change == CalibrationChange::kRestore) {
      done = st->restore_calibration(c);
    }
    if (!done.ok()) {
      r.error = coreText(done.error());
      return r;
    }
    Result<std::vector<store::CalibrationInfo>> list = st->calibrations(c.run_id);
    if (!list.ok()) {
      r.error = coreText(list.error());
      return r;
    }
    r.list = std::move(list).value();
    if (r.added) {
      for (const auto& stored : r.list)
        if (stored.id == r.added->id) r.added = stored;  // with its creation time
    }
  } catch (const std::exception& e) {
    r.error = path + QStringLiteral(": ") + QString::fromUtf8(e.what());
  }
  return r;
}

DatasetLoadResult loadProjectDataset(const QString& path, const QString& name) {
  DatasetLoadResult r;
  try {
    Result<store::Store> st = store::Store::open(fsPath(path), store::OpenMode::kReadOnly);
    if (!st.ok()) {
      r.error = coreText(st.error());
      return r;
    }
    Result<std::optional<store::DatasetInfo>> info = st->dataset_by_name(name.toStdString());
    if (!info.ok()) {
      r.error = coreText(info.error());
      return r;
    }
    if (!*info) {
      r.error = ProjectJobs::tr("%1 has no dataset named “%2”").arg(path, name);
      return r;
    }
    Result<std::vector<data::Item>> items = st->items((*info)->id, {}, /*load_images=*/true);
    if (!items.ok()) {
      r.error = coreText(items.error());
      return r;
    }
    auto dataset = std::make_shared<data::Dataset>();
    dataset->name = (*info)->name;
    dataset->root = (*info)->root;
    dataset->items = std::move(items).value();
    r.data.dataset = std::move(dataset);
    r.data.path = path;
    r.data.displayName = name + QStringLiteral(" · ") + QFileInfo(path).fileName();
    r.data.format = qs((*info)->format);
  } catch (const std::exception& e) {
    r.error = path + QStringLiteral(": ") + QString::fromUtf8(e.what());
  }
  return r;
}

RunLoadResult loadRun(const QString& path, std::int64_t runId) {
  RunLoadResult r;
  try {
    Result<store::Store> st = store::Store::open(fsPath(path), store::OpenMode::kReadOnly);
    if (!st.ok()) {
      r.error = coreText(st.error());
      return r;
    }
    Result<store::RunInfo> info = st->run(runId);
    if (!info.ok()) {
      r.error = coreText(info.error());
      return r;
    }
    Result<calib::PredictionSet> set = st->prediction_set(runId);
    if (!set.ok()) {
      r.error = coreText(set.error());
      return r;
    }
    if (set->empty()) {
      r.error =
          ProjectJobs::tr("Run %1 (%2) has no predictions yet").arg(runId).arg(qs(info->spec.name));
      return r;
    }
    r.data.set = std::make_shared<const calib::PredictionSet>(std::move(set).value());
    r.data.path = path;
    r.data.displayName = runTitle(*info);
    r.data.runId = runId;
    r.data.datasetName = qs(info->dataset_name);
    r.data.partial = partialRunText(*info);
    // The newest temperature stored for the run, with the run it was fitted on: the window fits
    // it again (exactly, and fast) to show before and after.
    Result<std::vector<store::CalibrationInfo>> cals = st->calibrations(runId);
    if (cals.ok()) {
      for (auto it = cals->rbegin(); it != cals->rend(); ++it) {
        if (it->method != store::kTemperatureMethod || !it->fit_run_id) continue;
        Result<calib::PredictionSet> fit = st->prediction_set(*it->fit_run_id);
        Result<store::RunInfo> fitInfo = st->run(*it->fit_run_id);
        if (!fit.ok() || fit->empty() || !fitInfo.ok()) continue;
        LoadedPredictions c;
        c.set = std::make_shared<const calib::PredictionSet>(std::move(fit).value());
        c.path = path;
        c.displayName = runTitle(*fitInfo);
        c.runId = *it->fit_run_id;
        c.datasetName = qs(fitInfo->dataset_name);
        r.calibration = std::move(c);
        break;
      }
    }
  } catch (const std::exception& e) {
    r.error = path + QStringLiteral(": ") + QString::fromUtf8(e.what());
  }
  return r;
}

}  // namespace unveil::ui
