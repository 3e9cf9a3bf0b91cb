// Help ▸ Reading the diagrams: what each picture of the workbench says, in plain words, beside
// small live examples of it (an over-confident model, a well-calibrated one, the same model after
// temperature scaling, and its confidence histogram) drawn by the window's own plots from
// made-up answers, so that the pictures look exactly like the ones the reader will meet.
#pragma once

class QWidget;

namespace unveil::ui {

/// Opens the guide (a window of its own, not modal); a second call raises the one already open.
void showReadingGuide(QWidget* parent);

}  // namespace unveil::ui
