// Presentation mode: full screen, large type, a guided sequence through the demo — what
// calibration is, the over-confident model, the questions it cannot know, temperature scaling
// fixing it — driven by the arrow keys (Space and Page Down forward, Page Up back, Home/End, Esc
// leaves). For stakeholder sessions.
#pragma once

#include <QWidget>

#include "presentation/presentation_deck.h"

class QLabel;
class QStackedWidget;

namespace unveil::ui {

class ConfidenceHistogram;
class ReliabilityDiagram;

class PresentationWindow : public QWidget {
  Q_OBJECT

 public:
  explicit PresentationWindow(Deck deck, QWidget* parent = nullptr);

  int slideCount() const { return static_cast<int>(deck_.slides.size()); }
  int current() const { return current_; }
  void showSlide(int index);
  QString titleText() const;
  QString bodyText() const;
  ReliabilityDiagram* reliabilityDiagram() const { return reliability_; }
  ConfidenceHistogram* histogram() const { return histogram_; }

 signals:
  void closed();

 protected:
  void keyPressEvent(QKeyEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  /// Sizes every text (the slide's and its chart's) to the screen: readable from the back of a
  /// room on a 1080p projector.
  void resizeEvent(QResizeEvent* event) override;

 private:
  Deck deck_;
  int current_ = 0;
  QLabel* title_ = nullptr;
  QLabel* body_ = nullptr;
  QLabel* footer_ = nullptr;
  QStackedWidget* pictures_ = nullptr;
  QWidget* empty_ = nullptr;
  ReliabilityDiagram* reliability_ = nullptr;
  ConfidenceHistogram* histogram_ = nullptr;
};

}  // namespace unveil::ui
