#include "window/empty_state_view.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

#include "app/line_icon.h"
#include "app/theme.h"

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

  openFile_ = new QPushButton(lineIcon(QStringLiteral(":/icons/open.svg")), tr("Open file…"), this);
  openFile_->setToolTip(tr("Open a predictions JSONL file (Ctrl+O)"));
  openExample_ = new QPushButton(lineIcon(QStringLiteral(":/icons/example.svg")),
                                 tr("Open the example"), this);
  openExample_->setToolTip(
      tr("Open a synthetic example: an over-confident classifier (not a real model), with a "
         "calibration split"));
  openExample_->setDefault(true);
  connect(openFile_, &QPushButton::clicked, this, &EmptyStateView::openFileRequested);
  connect(openExample_, &QPushButton::clicked, this, &EmptyStateView::openExampleRequested);

  buildDemo_ = new QPushButton(lineIcon(QStringLiteral(":/icons/calibration.svg")),
                               tr("Build the demo project"), this);
  buildDemo_->setToolTip(
      tr("Train the three small demo models on the shapes world, run them, and fit a temperature "
         "(a few minutes, once; everything stays on this computer)"));
  connect(buildDemo_, &QPushButton::clicked, this, &EmptyStateView::buildDemoRequested);

  buttons_ = new QWidget(this);
  auto* buttons = new QHBoxLayout(buttons_);
  buttons->setContentsMargins(0, 0, 0, 0);
  buttons->addStretch();
  buttons->addWidget(openFile_);
  buttons->addWidget(openExample_);
  buttons->addWidget(buildDemo_);
  buttons->addStretch();

  // The first launch: the demo project being built.
  demoBox_ = new QWidget(this);
  demoBox_->setObjectName(QStringLiteral("demoBox"));
  demoStage_ = new QLabel(demoBox_);
  demoStage_->setObjectName(QStringLiteral("demoStage"));
  demoStage_->setAlignment(Qt::AlignCenter);
  demoStage_->setWordWrap(true);
  demoTimeLeft_ = new QLabel(demoBox_);
  demoTimeLeft_->setObjectName(QStringLiteral("demoTimeLeft"));
  demoTimeLeft_->setAlignment(Qt::AlignCenter);
  demoTimeLeft_->setToolTip(
      tr("Estimated on this computer from the share of the build done so far and the time it "
         "took; it settles as the build goes on"));
  demoProgress_ = new QProgressBar(demoBox_);
  demoProgress_->setObjectName(QStringLiteral("demoProgress"));
  demoProgress_->setRange(0, 1000);
  demoProgress_->setTextVisible(false);
  demoProgress_->setMaximumHeight(10);
  cancelDemo_ = new QPushButton(tr("Cancel"), demoBox_);
  cancelDemo_->setToolTip(
      tr("Stop building the demo; the next start goes on from where it stopped (nothing "
         "half-made is opened)"));
  connect(cancelDemo_, &QPushButton::clicked, this, &EmptyStateView::cancelDemoRequested);
  auto* demoIntro =
      new QLabel(tr("<b>Preparing the demo project.</b> Unveil is drawing a small world of "
                    "shapes, training three small vision-language models on it (a text-only "
                    "base model, a multimodal model, and the multimodal model after visual "
                    "fine-tuning), running them, and fitting a temperature. It takes a few "
                    "minutes, once (the time left, measured as it goes, is below); the project "
                    "then opens by itself."),
                 demoBox_);
  demoIntro->setWordWrap(true);
  demoIntro->setAlignment(Qt::AlignCenter);
  demoIntro->setTextFormat(Qt::RichText);
  auto* demoLayout = new QVBoxLayout(demoBox_);
  demoLayout->setContentsMargins(0, 0, 0, 0);
  demoLayout->addWidget(demoIntro);
  demoLayout->addSpacing(8);
  demoLayout->addWidget(demoProgress_);
  demoLayout->addWidget(demoStage_);
  demoLayout->addWidget(demoTimeLeft_);
  auto* cancelRow = new QHBoxLayout;
  cancelRow->addStretch();
  cancelRow->addWidget(cancelDemo_);
  cancelRow->addStretch();
  demoLayout->addLayout(cancelRow);
  demoBox_->hide();
  demoMessage_ = new QLabel(this);
  demoMessage_->setObjectName(QStringLiteral("demoMessage"));
  demoMessage_->setWordWrap(true);
  demoMessage_->setAlignment(Qt::AlignCenter);
  demoMessage_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  demoMessage_->hide();

  auto* column = new QVBoxLayout;
  column->addStretch(2);
  column->addWidget(icon);
  column->addSpacing(12);
  column->addWidget(headline);
  column->addWidget(body);
  column->addSpacing(16);
  column->addWidget(buttons_);
  column->addWidget(demoBox_);
  column->addWidget(demoMessage_);
  column->addStretch(3);

  auto* outer = new QHBoxLayout(this);
  outer->addStretch();
  outer->addLayout(column, 0);
  outer->addStretch();
  body->setMaximumWidth(560);
  headline->setMaximumWidth(560);
  demoBox_->setMaximumWidth(560);
  demoMessage_->setMaximumWidth(560);
}

QString EmptyStateView::timeLeftText(double fraction, qint64 elapsedMs) {
  // Too early to say: the first seconds (drawing the world) say little about the training.
  if (fraction < 0.03 || elapsedMs < 4000 || fraction >= 1) return tr("Estimating the time left…");
  const double left = static_cast<double>(elapsedMs) / 1000.0 * (1 - fraction) / fraction;
  if (left < 60) return tr("Less than a minute left");
  return tr("About %n minute(s) left", nullptr, static_cast<int>(std::lround(left / 60)));
}

QString EmptyStateView::demoTimeLeftText() const {
  return demoTimeLeft_->text();
}

void EmptyStateView::showDemoProgress(const QString& stage, double fraction, qint64 elapsedMs) {
  if (demoBox_->isHidden() || !demoClock_.isValid()) demoClock_.start();
  demoTimeLeft_->setText(timeLeftText(fraction, elapsedMs >= 0 ? elapsedMs : demoClock_.elapsed()));
  buttons_->hide();
  demoMessage_->hide();
  demoBox_->show();
  demoStage_->setText(stage);
  demoProgress_->setValue(static_cast<int>(1000 * fraction));
}

void EmptyStateView::showDemoStopped(const QString& message, bool error) {
  demoBox_->hide();
  demoClock_.invalidate();
  buttons_->show();
  demoMessage_->setText(message);
  demoMessage_->setStyleSheet(
      error ? QStringLiteral("color: %1;").arg(Theme::text(Theme::Tone::kBad).name()) : QString());
  demoMessage_->setVisible(!message.isEmpty());
}

bool EmptyStateView::showsDemoProgress() const {
  return !demoBox_->isHidden();
}

QString EmptyStateView::demoStageText() const {
  return demoStage_->text();
}

}  // namespace unveil::ui
