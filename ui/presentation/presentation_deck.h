// The presentation's content, from the demo project: which runs tell the story (the base model,
// the visually fine-tuned model on the test and on the idk split) and what each slide shows. Read
// in the background from the project file; no Qt widgets here.
#pragma once

#include <QString>
#include <optional>
#include <vector>

#include "calib/metrics.h"

namespace unveil::ui {

struct Slide {
  enum class Picture { kNone, kReliability, kHistogram };
  QString title, body;
  Picture picture = Picture::kNone;
  calib::BinTable table;                 ///< the reliability diagram or histogram shown
  std::optional<calib::BinTable> after;  ///< after temperature scaling, on the same axes
  QString label, afterLabel;             ///< legend names of table and after
};

struct Deck {
  std::vector<Slide> slides;
  QString error;  ///< why there is no deck ("" when there is one)
};

/// Builds the guided sequence from the demo project at `project` (its runs of shapes-base and
/// shapes-mm-ft on the test and idk splits, and the fine-tuned model's calibration split). An
/// error says what is missing. Any thread.
Deck buildDemoDeck(const QString& project);

}  // namespace unveil::ui
