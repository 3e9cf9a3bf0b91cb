// How the window names the parts of a run for a reader: split and condition names in the
// window's language and in words ("test", "with the image", "blur 2 px" rather than "blur:2"),
// and a run's title built from them. The stored names stay as they are; the raw split and
// condition are in the runs table's tooltips.
#pragma once

#include <QString>
#include <string>

#include "analysis/run_reuse.h"
#include "store/store.h"

namespace unveil::ui {

/// "calibration", "test", "idk", "train", "validation" in the window's language; any other split
/// name as it is; the empty split as "all items".
QString splitName(const std::string& split);

/// A condition in words: "image" -> "with the image", "text" -> "text only", "noise:0.3" ->
/// "noise σ 0.3", "blur:2" -> "blur 2 px", "occlude:0.25" -> "25 % covered", "jpeg:10" -> "JPEG
/// quality 10"; a list "noise:0.3,blur:2" joined with " + ". Anything it cannot read, as it is.
QString conditionName(const std::string& condition);

/// The condition of a run in words, as its model saw it: a run "with the image" of a model that
/// reads no image (store::RunInfo::model_text_only) was given the text alone and says so.
QString conditionName(const store::RunInfo& info);

/// How a study's analysis came by a run, in words: "reused" (an earlier run of the same
/// settings), "resumed" or "new".
QString originName(analysis::RunOrigin origin);

/// The run's name for a list: a name Unveil gave it ("model · dataset/split · condition") in words,
/// as runTitle() says it; a name the user chose, as it is.
QString runName(const store::RunInfo& info);

/// The run's title for the window: for a run with the name Unveil gave it ("model · dataset/split ·
/// condition"), "model · dataset · split · condition" in words; for a name the user chose, that
/// name and the dataset.
QString runTitle(const store::RunInfo& info);

}  // namespace unveil::ui
