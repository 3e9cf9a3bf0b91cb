// "I don't know": on the questions a model cannot know (the idk split), how often it
// admits it rather than answering, how sure it is of the answers it should not have given, and on
// answerable questions how often it says "I don't know" wrongly — for the study's prompt and for
// wordings that invite admitting uncertainty (built in, editable), each compared with the first
// by a paired bootstrap. Core's analysis::run_idk_analysis does the work off the UI thread.
#pragma once

#include <QWidget>
#include <optional>

#include "analysis/idk_analysis.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace unveil::ui {

class AnalysisJob;
class IdkPromptList;
class ModelLibrary;
class ProjectSession;
class RunSetup;

class IdkView : public QWidget {
  Q_OBJECT

 public:
  IdkView(ProjectSession* project, ModelLibrary* models, QWidget* parent = nullptr);

  RunSetup* setup() const { return setup_; }
  /// Lists the prompts of a text, one per line, "name: template" (\n for a line break; an empty
  /// template is the model card's own). False, with the bad line named in the status, when a
  /// line has no name; the list is then left as it was.
  bool setPrompts(const QString& text);
  /// The listed prompts in that form.
  QString promptsText() const;
  IdkPromptList* promptList() const { return prompts_; }
  void setReplicates(int replicates);
  /// The answerable split compared with the IDK split ("test"; empty: none).
  void setAnswerableSplit(const QString& split);
  bool run();
  void cancel();
  bool isRunning() const;

  const std::optional<analysis::IdkResult>& result() const { return result_; }
  QTableWidget* table() const { return table_; }
  QString statusText() const;
  QString verdictText() const;

  /// The verdict on the IDK rate (admit) or the accuracy of a prompt against the reference, in the
  /// window's language, the prompts by their names in words (core's verdicts say the same in
  /// English with the stored names, for the CLI and the reports).
  static QString rateVerdict(const analysis::IdkDifference& d, bool admit,
                             const std::string& variant, const std::string& reference,
                             double level);
  /// Both together in one sentence.
  static QString overallVerdict(const analysis::PromptComparison& c, const std::string& variant,
                                double level);

 signals:
  void finished();

 private:
  void showResult(const analysis::IdkResult& r);
  void updateButtons();
  /// The ticked prompts; an error says why they cannot run.
  std::optional<std::vector<analysis::IdkPrompt>> chosenPrompts(QString* error) const;

  ProjectSession* project_ = nullptr;
  AnalysisJob* job_ = nullptr;
  std::optional<analysis::IdkResult> result_;
  QString answerableSplit_ = QStringLiteral("test");
  int replicates_ = 1000;

  RunSetup* setup_ = nullptr;
  IdkPromptList* prompts_ = nullptr;
  QPushButton* run_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* status_ = nullptr;
  QLabel* hint_ = nullptr;  ///< what the page will show, until it shows it
  QTableWidget* table_ = nullptr;
  QLabel* verdicts_ = nullptr;
};

}  // namespace unveil::ui
