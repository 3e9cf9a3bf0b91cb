#include "window/message_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace unveil::ui {

MessageBanner::MessageBanner(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("messageBanner"));
  setProperty("kind", QStringLiteral("error"));
  label_ = new QLabel(this);
  label_->setWordWrap(true);
  label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  action_ = new QPushButton(this);
  action_->hide();
  connect(action_, &QPushButton::clicked, this, [this] {
    hide();
    if (run_) run_();
  });
  auto* close = new QToolButton(this);
  close->setText(QStringLiteral("✕"));
  close->setAutoRaise(true);
  close->setToolTip(tr("Dismiss this message"));
  connect(close, &QToolButton::clicked, this, &QWidget::hide);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(12, 8, 8, 8);
  layout->addWidget(label_, 1);
  layout->addWidget(action_, 0, Qt::AlignTop);
  layout->addWidget(close, 0, Qt::AlignTop);
  hide();
}

void MessageBanner::setKind(const char* kind) {
  if (property("kind").toString() == QLatin1String(kind)) return;
  // The style sheet picks the colours by this property: an error reads as one, a notice of
  // something that went well does not.
  setProperty("kind", QLatin1String(kind));
  style()->unpolish(this);
  style()->polish(this);
  for (QWidget* child : findChildren<QWidget*>()) {
    style()->unpolish(child);
    style()->polish(child);
  }
}

bool MessageBanner::isError() const {
  return property("kind").toString() == QLatin1String("error");
}

void MessageBanner::showError(const QString& message) {
  setKind("error");
  run_ = nullptr;
  action_->hide();
  label_->setText(message);
  show();
}

void MessageBanner::showNotice(const QString& message, const QString& actionText,
                               std::function<void()> action) {
  setKind("notice");
  run_ = std::move(action);
  action_->setText(actionText);
  action_->show();
  label_->setText(message);
  show();
}

QString MessageBanner::text() const {
  return label_->text();
}

}  // namespace unveil::ui
