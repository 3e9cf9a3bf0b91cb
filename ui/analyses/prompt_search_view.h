// Iterative prompt optimisation, the study's loop run offline by core's
// analysis::run_prompt_search: seed suffixes expanded each round into variants, every prompt scored
// on a split (accuracy band, then ECE), the best k kept. Live: the best score per round as a chart
// and the current top k as a table; cancel keeps what was found; every search is stored and can be
// opened again; the best prompt goes to a new run with one click.
#pragma once

#include <QWidget>
#include <optional>

#include "analysis/prompt_search.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace unveil::ui {

class AnalysisJob;
class ModelLibrary;
class ProjectSession;
class PromptSearchChart;
class RunSetup;

class PromptSearchView : public QWidget {
  Q_OBJECT

 public:
  PromptSearchView(ProjectSession* project, ModelLibrary* models, QWidget* parent = nullptr);

  RunSetup* setup() const { return setup_; }
  /// k kept, m variants per kept prompt, n rounds.
  void setSizes(int k, int m, int rounds);
  /// The user's own variant suffixes, tried before the built-in bank ("a; b").
  void setVariants(const QString& variants);
  bool run();
  void cancel();
  bool isRunning() const;
  /// Reads the stored searches of the project again (the list of "Stored searches").
  void refreshStored();
  /// Shows stored search `id` (read in the background).
  void openStored(qint64 id);

  const std::optional<analysis::PromptSearchResult>& result() const { return result_; }
  QTableWidget* topTable() const { return table_; }
  PromptSearchChart* chart() const { return chart_; }
  QComboBox* storedBox() const { return stored_; }
  QString statusText() const;
  /// How many times the live view was updated during the last search.
  int liveUpdates() const { return liveUpdates_; }

 signals:
  /// "Use for a new run": the best prompt's full template.
  void promptChosen(const QString& promptTemplate);
  void finished();

 private:
  void showTop(const std::vector<analysis::PromptScore>& top);
  void updateButtons();

  ProjectSession* project_ = nullptr;
  AnalysisJob* job_ = nullptr;
  AnalysisJob* reader_ = nullptr;
  std::optional<analysis::PromptSearchResult> result_;
  int liveUpdates_ = 0;

  RunSetup* setup_ = nullptr;
  QSpinBox* k_ = nullptr;
  QSpinBox* m_ = nullptr;
  QSpinBox* rounds_ = nullptr;
  QLineEdit* seeds_ = nullptr;
  QLineEdit* variants_ = nullptr;
  QPushButton* run_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QPushButton* use_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* status_ = nullptr;
  QComboBox* stored_ = nullptr;
  PromptSearchChart* chart_ = nullptr;
  QTableWidget* table_ = nullptr;
};

}  // namespace unveil::ui
