// The analyses of the study, as one page of the window (a tab beside the diagrams and the
// browser): comparing runs, text versus image uncertainty, "I don't know" and prompt search. Each
// works on the open project's stored runs and makes the runs it needs.
#pragma once

#include <QTabWidget>

namespace unveil::ui {

class CompareView;
class IdkView;
class ModalityView;
class ModelLibrary;
class ProjectSession;
class PromptSearchView;

class AnalysesPage : public QTabWidget {
  Q_OBJECT

 public:
  AnalysesPage(ProjectSession* project, ModelLibrary* models, QWidget* parent = nullptr);

  CompareView* compareView() const { return compare_; }
  ModalityView* modalityView() const { return modality_; }
  IdkView* idkView() const { return idk_; }
  PromptSearchView* promptSearchView() const { return search_; }
  /// Some analysis is running.
  bool isBusy() const;

 private:
  CompareView* compare_ = nullptr;
  ModalityView* modality_ = nullptr;
  IdkView* idk_ = nullptr;
  PromptSearchView* search_ = nullptr;
};

}  // namespace unveil::ui
