// One item as a person reads it: the image (with zoom and a preview of each perturbation the
// modality analysis uses), the hint and the question, and the options with the gold answer and
// the "I don't know" option marked by icon, colour and words.
#pragma once

#include <QWidget>
#include <memory>

#include "data/item.h"

class QLabel;
class QListWidget;

namespace unveil::ui {

class ConditionPicker;
class ImageViewer;
class RunItemPanel;
class StoredRunBars;

class ItemView : public QWidget {
  Q_OBJECT

 public:
  /// Data roles of the option rows in optionsList().
  enum Role { kGoldRole = Qt::UserRole + 1, kIdkRole, kLetterRole };

  explicit ItemView(QWidget* parent = nullptr);
  ~ItemView() override;

  /// Shows item `index` of `dataset` (null or -1: nothing).
  void setItem(std::shared_ptr<const data::Dataset> dataset, int index);
  /// core's perturbation spec of the preview ("image", "noise:0.2", ...).
  QString perturbation() const;
  /// Chooses the preview by kind ("image", "text", "blank", "noise", "blur", "occlude", "grey",
  /// "jpeg") and, for those that take one, its amount.
  void setPerturbation(const QString& kind, double amount = -1);

  /// Puts the "Run now" panel under the options; it follows the item and the condition.
  void setRunPanel(RunItemPanel* panel);
  RunItemPanel* runPanel() const { return runPanel_; }
  /// Puts the stored answers of runs under the options (above Run now); they follow the item.
  void setStoredRuns(StoredRunBars* panel);
  StoredRunBars* storedRuns() const { return storedRuns_; }

  ImageViewer* imageViewer() const { return image_; }
  QListWidget* optionsList() const { return options_; }
  QString questionText() const;
  QString hintText() const;
  /// The image (or its message) is still being prepared.
  bool isBusy() const { return busy_; }

 signals:
  /// Up/Down asked for the previous (-1) or next (+1) item.
  void stepRequested(int delta);
  /// The image for the current item and preview is shown.
  void imageShown();

 private:
  void showOptions(const data::Item& item);
  void loadImage();

  std::shared_ptr<const data::Dataset> dataset_;
  int index_ = -1;
  quint64 generation_ = 0;
  bool busy_ = false;

  QLabel* header_ = nullptr;
  ImageViewer* image_ = nullptr;
  ConditionPicker* picker_ = nullptr;
  QLabel* hint_ = nullptr;
  QLabel* question_ = nullptr;
  QListWidget* options_ = nullptr;
  QWidget* bottom_ = nullptr;
  StoredRunBars* storedRuns_ = nullptr;
  RunItemPanel* runPanel_ = nullptr;
};

}  // namespace unveil::ui
