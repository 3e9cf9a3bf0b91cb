// The problems panel: every item the import skipped, with where it is and why, in a table the
// user can read, sort and copy (Ctrl+C copies the selected rows, "Copy all" the whole list).
#pragma once

#include <QWidget>
#include <vector>

#include "data/item.h"

class QLabel;
class QTableView;

namespace unveil::ui {

class ProblemsModel;

class ProblemsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ProblemsPanel(QWidget* parent = nullptr);

  /// `source` names the dataset in the summary line.
  void setProblems(std::vector<data::Problem> problems, const QString& source = QString());
  int count() const;

  ProblemsModel* model() const { return model_; }
  QTableView* view() const { return view_; }
  QString summaryText() const;

  /// The selected rows (all rows when none is selected), one "file: where: message" per line.
  QString selectedText() const;
  void copySelection() const;
  void copyAll() const;

 private:
  ProblemsModel* model_ = nullptr;
  QTableView* view_ = nullptr;
  QLabel* summary_ = nullptr;
  QWidget* copyAll_ = nullptr;
};

}  // namespace unveil::ui
