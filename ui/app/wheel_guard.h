// The mouse wheel scrolls; it never changes a value the user did not pick. Over a combo box or a
// spin box without keyboard focus, a wheel turn goes to the panel under it instead (which
// scrolls), so that reading down a panel with the wheel cannot change the model, the prompt or
// the temperature that the next Ctrl+R runs with. Click (or Tab into) such a control first and
// the wheel changes it as usual.
#pragma once

#include <QObject>

namespace unveil::ui {

class WheelGuard : public QObject {
  Q_OBJECT

 public:
  using QObject::QObject;

  /// Installs one guard on the application (once; later calls do nothing).
  static void install();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace unveil::ui
