// Reading a dataset file off the UI thread: a plain function that never throws, so that it can
// run in QtConcurrent and hand back either the dataset (items and per-item problems) or a
// readable message.
#pragma once

#include <QString>
#include <memory>

#include "data/item.h"

namespace unveil::ui {

struct LoadedDataset {
  std::shared_ptr<const data::Dataset> dataset;
  QString path;         ///< the file read
  QString displayName;  ///< the file name shown to the user
  QString format;       ///< "llava", "llava-questions", "mmbench"
};

struct DatasetLoadResult {
  LoadedDataset data;
  QString error;  ///< why nothing could be read ("FILE: ... expected ..., found ...")
  bool ok() const { return error.isEmpty(); }
};

/// Reads a LLaVA conversation JSON, LLaVA questions JSONL or MMBench TSV. Items that cannot be
/// read are listed in dataset->problems; only a file that cannot be read at all is an error.
DatasetLoadResult loadDataset(const QString& path);

/// What a dropped or chosen file holds, judged by its extension and (for JSONL) its first line.
enum class FileKind { kPredictions, kDataset, kProject, kModel, kUnknown };
FileKind classifyFile(const QString& path);

}  // namespace unveil::ui
