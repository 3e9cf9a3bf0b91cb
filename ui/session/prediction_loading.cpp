#include "session/prediction_loading.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <exception>

#include "app/core_messages.h"
#include "calib/predictions_jsonl.h"

namespace unveil::ui {

/// The translation context of this file's messages.
class PredictionLoading {
  Q_DECLARE_TR_FUNCTIONS(PredictionLoading)
};

QString exampleTestPath() {
  return QStringLiteral(":/examples/synthetic_test.jsonl");
}
QString exampleCalibrationPath() {
  return QStringLiteral(":/examples/synthetic_calibration.jsonl");
}
bool isExamplePath(const QString& path) {
  return path.startsWith(QStringLiteral(":/examples/"));
}

LoadResult loadPredictions(const QString& path) {
  LoadResult result;
  result.data.path = path;
  result.data.displayName = QFileInfo(path).fileName();
  result.data.synthetic = isExamplePath(path);
  try {
    calib::JsonlReadReport report;
    Result<calib::PredictionSet> read = Error{};
    if (path.startsWith(QStringLiteral(":/"))) {
      QFile file(path);
      if (!file.open(QIODevice::ReadOnly)) {
        result.error =
            PredictionLoading::tr("%1: cannot be opened (%2)").arg(path, file.errorString());
        return result;
      }
      const QByteArray bytes = file.readAll();
      const QByteArray name = result.data.displayName.toUtf8();
      read = calib::parse_predictions_jsonl(std::string_view(bytes.constData(), bytes.size()),
                                            std::string_view(name.constData(), name.size()), {},
                                            &report);
    } else {
      if (!QFileInfo::exists(path)) {
        result.error = PredictionLoading::tr("%1: no such file").arg(path);
        return result;
      }
      read = calib::read_predictions_jsonl(
          std::filesystem::path(QFile::encodeName(path).toStdString()), {}, &report);
    }
    if (!read.ok()) {
      result.error = coreText(read.error());
      return result;
    }
    if (read->empty()) {
      result.error =
          PredictionLoading::tr("%1: holds no predictions (expected one JSON object per line)")
              .arg(path);
      return result;
    }
    result.data.skipped = report.skipped;
    result.data.set = std::make_shared<const calib::PredictionSet>(std::move(read).value());
  } catch (const std::exception& e) {
    // Exceptions stop at the thread boundary: they must never reach Qt's event loop.
    result.error =
        PredictionLoading::tr("%1: could not be read (%2)").arg(path, QString::fromUtf8(e.what()));
  }
  return result;
}

}  // namespace unveil::ui
