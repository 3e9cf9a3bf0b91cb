// The conditions of the text-versus-image analysis in words: a check box for each ("with the
// image", "text only", "noise σ 0.3"), the stored spec ("noise:0.3") one hover away, and a picker
// to add another. "With the image" is always in: the others are compared with it.
#pragma once

#include <QStringList>
#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace unveil::ui {

class ConditionPicker;

class ConditionList : public QWidget {
  Q_OBJECT

 public:
  explicit ConditionList(QWidget* parent = nullptr);

  /// The ticked conditions as core reads them ("image", "text", "noise:0.3"), the reference
  /// ("image") first, then in the order shown.
  QStringList specs() const;
  /// Ticks exactly these conditions, adding those not listed yet (the reference stays ticked).
  void setSpecs(const QStringList& specs);

  QListWidget* list() const { return list_; }
  ConditionPicker* picker() const { return picker_; }
  /// Adds the picker's condition, ticked (or ticks it when it is listed already).
  void addPicked();

 signals:
  void changed();

 private:
  QListWidgetItem* find(const QString& spec) const;
  QListWidgetItem* add(const QString& spec, bool ticked);

  QListWidget* list_ = nullptr;
  ConditionPicker* picker_ = nullptr;
  QPushButton* add_ = nullptr;
};

}  // namespace unveil::ui
