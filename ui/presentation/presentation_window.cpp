#include "presentation/presentation_window.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QResizeEvent>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "plots/confidence_histogram.h"
#include "plots/reliability_diagram.h"

namespace unveil::ui {

PresentationWindow::PresentationWindow(Deck deck, QWidget* parent)
    : QWidget(parent, Qt::Window), deck_(std::move(deck)) {
  setObjectName(QStringLiteral("presentation"));
  setWindowTitle(tr("Unveil — presentation"));
  setAttribute(Qt::WA_DeleteOnClose);
  title_ = new QLabel(this);
  title_->setObjectName(QStringLiteral("presentationTitle"));
  title_->setWordWrap(true);
  body_ = new QLabel(this);
  body_->setObjectName(QStringLiteral("presentationBody"));
  body_->setWordWrap(true);
  body_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  footer_ = new QLabel(this);
  footer_->setObjectName(QStringLiteral("hint"));
  footer_->setAlignment(Qt::AlignRight);
  reliability_ = new ReliabilityDiagram(this);
  histogram_ = new ConfidenceHistogram(this);
  empty_ = new QWidget(this);
  pictures_ = new QStackedWidget(this);
  pictures_->addWidget(empty_);
  pictures_->addWidget(reliability_);
  pictures_->addWidget(histogram_);

  auto* content = new QHBoxLayout;
  content->setSpacing(48);
  content->addWidget(body_, 2);
  content->addWidget(pictures_, 3);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(72, 56, 72, 32);
  layout->setSpacing(28);
  layout->addWidget(title_);
  layout->addLayout(content, 1);
  layout->addWidget(footer_);
  showSlide(0);
}

void PresentationWindow::showSlide(int index) {
  if (deck_.slides.empty()) return;
  current_ = std::clamp(index, 0, slideCount() - 1);
  const Slide& s = deck_.slides[static_cast<std::size_t>(current_)];
  title_->setText(s.title);
  body_->setText(s.body);
  // A slide without a picture gives its words the whole width, not half of an empty screen.
  pictures_->setVisible(s.picture != Slide::Picture::kNone);
  switch (s.picture) {
    case Slide::Picture::kNone:
      pictures_->setCurrentWidget(empty_);
      break;
    case Slide::Picture::kReliability:
      reliability_->setSubtitle(QString());
      reliability_->setTable(s.table, s.label);
      if (s.after)
        reliability_->setComparison(*s.after, s.afterLabel);
      else
        reliability_->clearComparison();
      pictures_->setCurrentWidget(reliability_);
      break;
    case Slide::Picture::kHistogram:
      histogram_->setSubtitle(QString());
      histogram_->setTable(s.table, s.label);
      histogram_->clearComparison();
      pictures_->setCurrentWidget(histogram_);
      break;
  }
  footer_->setText(tr("%1 / %2   ·   → or Space: next   ← : back   Esc: leave")
                       .arg(current_ + 1)
                       .arg(slideCount()));
}

QString PresentationWindow::titleText() const {
  return title_->text();
}
QString PresentationWindow::bodyText() const {
  return body_->text();
}

void PresentationWindow::keyPressEvent(QKeyEvent* event) {
  switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
      showSlide(current_ + 1);
      break;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
    case Qt::Key_PageUp:
      showSlide(current_ - 1);
      break;
    case Qt::Key_Home:
      showSlide(0);
      break;
    case Qt::Key_End:
      showSlide(slideCount() - 1);
      break;
    case Qt::Key_Escape:
      close();
      break;
    default:
      QWidget::keyPressEvent(event);
  }
}

void PresentationWindow::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  // In pixels of the window's height: on a 1080-line projector the title is ~58 px, the words
  // ~35 px and the charts' text twice its desk size (ticks ~25 px).
  const int h = std::max(height(), 400);
  const auto sized = [](QFont font, int pixels, bool bold) {
    font.setPixelSize(std::max(pixels, 10));
    font.setBold(bold);
    return font;
  };
  title_->setFont(sized(font(), h * 54 / 1000, true));
  body_->setFont(sized(font(), h * 32 / 1000, false));
  footer_->setFont(sized(font(), h * 17 / 1000, false));
  const double scale = std::max(1.0, h / 500.0);
  reliability_->setTextScale(scale);
  histogram_->setTextScale(scale);
}

void PresentationWindow::closeEvent(QCloseEvent* event) {
  emit closed();
  QWidget::closeEvent(event);
}

}  // namespace unveil::ui
