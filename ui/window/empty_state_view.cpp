#include "window/empty_state_view.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace unveil::ui {

EmptyStateView::EmptyStateView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("emptyState"));
  auto* icon = new QLabel(this);
  icon->setPixmap(QIcon(QStringLiteral(":/icons/unveil.svg")).pixmap(96, 96));
  icon->setAlignment(Qt::AlignCenter);

  auto* headline = new QLabel(tr("See how far a model's confidence can be trusted"), this);
  headline->setObjectName(QStringLiteral("emptyHeadline"));
  headline->setAlignment(Qt::AlignCenter);
  headline->setWordWrap(true);

  auto* body = new QLabel(
      tr("Open a predictions file (JSON Lines: one prediction per line, with logits or "
         "probabilities and the right label) to see its reliability diagram, confidence histogram "
         "and calibration metrics.<br><br>Drop a file here, press <b>Ctrl+O</b>, or open the "
         "synthetic example (not a real model)."),
      this);
  body->setObjectName(QStringLiteral("emptyBody"));
  body->setAlignment(Qt::AlignCenter);
  body->setWordWrap(true);
  body->setTextFormat(Qt::RichText);

  openFile_ = new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("Open file…"), this);
  openFile_->setToolTip(tr("Open a predictions JSONL file (Ctrl+O)"));
  openExample_ =
      new QPushButton(QIcon(QStringLiteral(":/icons/example.svg")), tr("Open the example"), this);
  openExample_->setToolTip(
      tr("Open a synthetic example: an over-confident classifier (not a real model), with a "
         "calibration split"));
  openExample_->setDefault(true);
  connect(openFile_, &QPushButton::clicked, this, &EmptyStateView::openFileRequested);
  connect(openExample_, &QPushButton::clicked, this, &EmptyStateView::openExampleRequested);

  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(openFile_);
  buttons->addWidget(openExample_);
  buttons->addStretch();

  auto* column = new QVBoxLayout;
  column->addStretch(2);
  column->addWidget(icon);
  column->addSpacing(12);
  column->addWidget(headline);
  column->addWidget(body);
  column->addSpacing(16);
  column->addLayout(buttons);
  column->addStretch(3);

  auto* outer = new QHBoxLayout(this);
  outer->addStretch();
  outer->addLayout(column, 0);
  outer->addStretch();
  body->setMaximumWidth(560);
  headline->setMaximumWidth(560);
}

}  // namespace unveil::ui
