#include "run/condition_picker.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QTimer>

namespace unveil::ui {

namespace {

struct Preset {
  const char* key;
  const char* label;
  double min, max, value, step;
  int decimals;
  const char* amountTip;
};

// The perturbations of core/data/perturb.h, with the ranges parse_perturbation accepts.
const Preset kPresets[] = {
    {"image", QT_TRANSLATE_NOOP("unveil::ui::ConditionPicker", "Original image"), 0, 0, 0, 0, 0,
     ""},
    {"text", QT_TRANSLATE_NOOP("unveil::ui::ConditionPicker", "No image (text only)"), 0, 0, 0, 0,
     0, ""},
    {"blank", QT_TRANSLATE_NOOP("unveil::ui::ConditionPicker", "Blank (mean colour)"), 0, 0, 0, 0,
     0, ""},
    {"noise", QT_TRANSLATE_NOOP("unveil::ui::ConditionPicker", "Gaussian noise"), 0.01, 1, 0.2,
     0.05, 2,
     QT_TRANSLATE_NOOP("unveil::ui::ConditionPicker", "Noise σ, on the 0–1 intensity scale")},
    {"blur", QT_TRANSLATE_NOOP("unveil::ui::ConditionPicker", "Gaussian blur"), 0.5, 100, 3, 0.5, 1,
     QT_TRANSLATE_NOOP("unveil::ui::ConditionPicker", "Blur σ, in pixels")},
    {"occlude", QT_TRANSLATE_NOOP("unveil::ui::ConditionPicker", "Occluding patch"), 0.01, 1, 0.25,
     0.05, 2,
     QT_TRANSLATE_NOOP("unveil::ui::ConditionPicker",
                       "Share of the image area the grey square covers")},
    {"grey", QT_TRANSLATE_NOOP("unveil::ui::ConditionPicker", "Greyscale"), 0, 0, 0, 0, 0, ""},
    {"jpeg", QT_TRANSLATE_NOOP("unveil::ui::ConditionPicker", "JPEG re-encoding"), 1, 100, 10, 5, 0,
     QT_TRANSLATE_NOOP("unveil::ui::ConditionPicker", "JPEG quality (1 = worst, 100 = best)")},
};

const Preset* presetOf(const QString& key) {
  for (const Preset& p : kPresets)
    if (key == QLatin1String(p.key)) return &p;
  return nullptr;
}

}  // namespace

ConditionPicker::ConditionPicker(QWidget* parent) : QWidget(parent) {
  kind_ = new QComboBox(this);
  for (const Preset& p : kPresets)
    kind_->addItem(tr(p.label), QString::fromLatin1(p.key));
  amount_ = new QDoubleSpinBox(this);
  amount_->setKeyboardTracking(false);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(kind_, 1);
  layout->addWidget(amount_);

  // Dragging the amount spins through many values: report only the one it rests on.
  auto* settle = new QTimer(this);
  settle->setSingleShot(true);
  settle->setInterval(120);
  connect(settle, &QTimer::timeout, this, [this] { emit conditionChanged(condition()); });
  connect(amount_, &QDoubleSpinBox::valueChanged, settle, qOverload<>(&QTimer::start));
  connect(kind_, &QComboBox::currentIndexChanged, this, [this] {
    kindChanged();
    emit conditionChanged(condition());
  });
  kindChanged();
}

QString ConditionPicker::condition() const {
  QString key = kind_->currentData().toString();
  const Preset* p = presetOf(key);
  if (!p || p->max == 0) return key;
  return key + QLatin1Char(':') + QString::number(amount_->value(), 'g', 6);
}

void ConditionPicker::setCondition(const QString& kind, double amount) {
  const int i = kind_->findData(kind);
  if (i < 0) return;
  const bool sameKind = i == kind_->currentIndex();
  {
    const QSignalBlocker blocker(kind_);
    kind_->setCurrentIndex(i);
    kindChanged();
  }
  if (amount >= 0) {
    const QSignalBlocker blocker(amount_);
    amount_->setValue(amount);
  }
  if (!sameKind || amount >= 0) emit conditionChanged(condition());
}

bool ConditionPicker::setSpec(const QString& spec) {
  const qsizetype colon = spec.indexOf(QLatin1Char(':'));
  const QString kind = colon < 0 ? spec : spec.left(colon);
  if (!presetOf(kind)) return false;
  bool ok = true;
  const double amount = colon < 0 ? -1 : spec.mid(colon + 1).toDouble(&ok);
  setCondition(kind, ok ? amount : -1);
  return true;
}

void ConditionPicker::kindChanged() {
  const Preset* p = presetOf(kind_->currentData().toString());
  const bool hasAmount = p && p->max > 0;
  const QSignalBlocker blocker(amount_);
  amount_->setVisible(hasAmount);
  if (!hasAmount) return;
  amount_->setDecimals(p->decimals);
  amount_->setRange(p->min, p->max);
  amount_->setSingleStep(p->step);
  amount_->setValue(p->value);
  amount_->setToolTip(tr(p->amountTip));
}

}  // namespace unveil::ui
