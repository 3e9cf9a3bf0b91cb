#include "app/wheel_guard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QWheelEvent>

namespace unveil::ui {

namespace {

bool guarded(const QWidget* w) {
  return qobject_cast<const QComboBox*>(w) || qobject_cast<const QAbstractSpinBox*>(w);
}

}  // namespace

void WheelGuard::install() {
  if (!qApp || qApp->findChild<WheelGuard*>(QString(), Qt::FindDirectChildrenOnly)) return;
  qApp->installEventFilter(new WheelGuard(qApp));
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event) {
  auto* widget = qobject_cast<QWidget*>(watched);
  if (!widget || !guarded(widget)) return false;
  if (event->type() == QEvent::Polish) {
    // Focus by click or Tab, never by the wheel (QComboBox's default is Qt::WheelFocus).
    if (widget->focusPolicy() == Qt::WheelFocus) widget->setFocusPolicy(Qt::StrongFocus);
    return false;
  }
  if (event->type() != QEvent::Wheel || widget->hasFocus()) return false;
  // The panel under the control gets the turn, at the same place in its own coordinates.
  auto* wheel = static_cast<QWheelEvent*>(event);
  if (QWidget* parent = widget->parentWidget()) {
    QWheelEvent forwarded(widget->mapTo(parent, wheel->position()), wheel->globalPosition(),
                          wheel->pixelDelta(), wheel->angleDelta(), wheel->buttons(),
                          wheel->modifiers(), wheel->phase(), wheel->inverted(),
                          Qt::MouseEventNotSynthesized, wheel->pointingDevice());
    QApplication::sendEvent(parent, &forwarded);
  }
  return true;
}

}  // namespace unveil::ui
