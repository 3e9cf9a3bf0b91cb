#include "window/message_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace unveil::ui {

MessageBanner::MessageBanner(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("messageBanner"));
  label_ = new QLabel(this);
  label_->setWordWrap(true);
  label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* close = new QToolButton(this);
  close->setText(QStringLiteral("✕"));
  close->setAutoRaise(true);
  close->setToolTip(tr("Dismiss this message"));
  connect(close, &QToolButton::clicked, this, &QWidget::hide);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(12, 8, 8, 8);
  layout->addWidget(label_, 1);
  layout->addWidget(close, 0, Qt::AlignTop);
  hide();
}

void MessageBanner::showError(const QString& message) {
  label_->setText(message);
  show();
}

QString MessageBanner::text() const {
  return label_->text();
}

}  // namespace unveil::ui
