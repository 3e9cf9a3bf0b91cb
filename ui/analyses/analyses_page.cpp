#include "analyses/analyses_page.h"

#include "analyses/compare_view.h"
#include "analyses/idk_view.h"
#include "analyses/modality_view.h"
#include "analyses/prompt_search_view.h"

namespace unveil::ui {

AnalysesPage::AnalysesPage(ProjectSession* project, ModelLibrary* models, QWidget* parent)
    : QTabWidget(parent) {
  setObjectName(QStringLiteral("analysesPage"));
  setDocumentMode(true);
  compare_ = new CompareView(project, this);
  modality_ = new ModalityView(project, models, this);
  addTab(compare_, tr("Compare runs"));
  setTabToolTip(0, tr("Two to four runs on the same items: diagrams side by side, metrics with "
                      "intervals and whether each difference is significant"));
  addTab(modality_, tr("Text vs image"));
  setTabToolTip(1, tr("One model on the same items with the image, without it and with a "
                      "perturbed image: how accuracy, confidence and entropy move"));
  idk_ = new IdkView(project, models, this);
  addTab(idk_, tr("I don't know"));
  setTabToolTip(2, tr("On questions the model cannot know: how often it admits it, and how the "
                      "prompt's wording changes that"));
  search_ = new PromptSearchView(project, models, this);
  addTab(search_, tr("Prompt search"));
  setTabToolTip(3, tr("The study's iterative prompt optimisation: prompt wordings scored by "
                      "accuracy, then ECE"));
}

bool AnalysesPage::isBusy() const {
  return compare_->isRunning() || modality_->isRunning() || idk_->isRunning() ||
         search_->isRunning();
}

}  // namespace unveil::ui
