// The condition a model sees an item under (core/data/perturb.h): the original image, no image,
// a blank one, or a perturbation with its amount. One combo box and, for the perturbations that
// take one, a spin box; used by the item view's preview and by the batch-run panel.
#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;

namespace unveil::ui {

class ConditionPicker : public QWidget {
  Q_OBJECT

 public:
  explicit ConditionPicker(QWidget* parent = nullptr);

  /// core's perturbation spec ("image", "text", "noise:0.2", ...), as parse_perturbation reads.
  QString condition() const;
  /// Chooses a condition by kind ("image", "text", "blank", "noise", "blur", "occlude", "grey",
  /// "jpeg") and, for those that take one, its amount (-1: the kind's default).
  void setCondition(const QString& kind, double amount = -1);
  /// Chooses a condition from a spec ("noise:0.3"); false when it names no known kind.
  bool setSpec(const QString& spec);

  QComboBox* kindBox() const { return kind_; }
  QDoubleSpinBox* amountBox() const { return amount_; }

 signals:
  /// The kind changed (at once) or the amount changed (once typing or spinning rests).
  void conditionChanged(const QString& condition);

 private:
  void kindChanged();

  QComboBox* kind_ = nullptr;
  QDoubleSpinBox* amount_ = nullptr;
};

}  // namespace unveil::ui
