#include "browser/dataset_loading.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <exception>

#include "app/core_messages.h"
#include "data/read_dataset.h"

namespace unveil::ui {

/// The translation context of this file's messages.
class DatasetLoading {
  Q_DECLARE_TR_FUNCTIONS(DatasetLoading)
};

DatasetLoadResult loadDataset(const QString& path) {
  DatasetLoadResult result;
  result.data.path = path;
  result.data.displayName = QFileInfo(path).fileName();
  try {
    if (!QFileInfo::exists(path)) {
      result.error = DatasetLoading::tr("%1: no such file").arg(path);
      return result;
    }
    const std::filesystem::path file(QFile::encodeName(path).toStdString());
    const data::DatasetFormat format = data::guess_format(file);
    Result<data::Dataset> read = data::read_dataset(file, data::DatasetFormat::kAuto);
    if (!read.ok()) {
      result.error = coreText(read.error());
      return result;
    }
    if (read->items.empty() && read->problems.empty()) {
      result.error = DatasetLoading::tr("%1: holds no items").arg(path);
      return result;
    }
    if (read->name.empty()) read->name = QFileInfo(path).completeBaseName().toStdString();
    result.data.format = QString::fromLatin1(data::to_string(format));
    result.data.dataset = std::make_shared<const data::Dataset>(std::move(read).value());
  } catch (const std::exception& e) {
    // Exceptions stop at the thread boundary: they must never reach Qt's event loop.
    result.error =
        DatasetLoading::tr("%1: could not be read (%2)").arg(path, QString::fromUtf8(e.what()));
  }
  return result;
}

FileKind classifyFile(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("unveil")) return FileKind::kProject;
  if (suffix == QLatin1String("tsv")) return FileKind::kDataset;
  if (suffix == QLatin1String("json")) {
    // A LLaVA dataset is a JSON array; a model card is an object naming its option tokens.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return FileKind::kDataset;  // reported on reading
    const QByteArray head = file.read(64 * 1024).trimmed();
    return head.startsWith('{') && head.contains("\"option_token_ids\"") ? FileKind::kModel
                                                                         : FileKind::kDataset;
  }
  if (suffix != QLatin1String("jsonl") && suffix != QLatin1String("ndjson"))
    return FileKind::kUnknown;
  // Both predictions and LLaVA questions are JSONL: the first line tells them apart.
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return FileKind::kPredictions;  // reported on reading
  const QByteArray line = file.readLine(64 * 1024);
  const bool scores = line.contains("\"logits\"") || line.contains("\"probs\"");
  return !scores && line.contains("\"question_id\"") ? FileKind::kDataset : FileKind::kPredictions;
}

}  // namespace unveil::ui
