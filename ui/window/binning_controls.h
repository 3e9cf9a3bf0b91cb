// The bin count, binning scheme, confidence and recipe, as controls that sit in the tool bar.
#pragma once

#include <QWidget>

#include "calib/metrics.h"

class QComboBox;
class QSpinBox;

namespace unveil::ui {

class BinningControls : public QWidget {
  Q_OBJECT

 public:
  explicit BinningControls(QWidget* parent = nullptr);

  calib::MetricsOptions options() const;
  /// Sets the bins and binning; the confidence stays the user's choice of this session.
  void setOptions(const calib::MetricsOptions& options);

  QSpinBox* binsBox() const { return bins_; }
  QComboBox* binningBox() const { return binning_; }
  QComboBox* confidenceBox() const { return confidence_; }
  QComboBox* recipeBox() const { return recipe_; }
  /// Whether the study's recipe is chosen (it fixes bins, binning and confidence, and leaves
  /// unanswered items out: options().unanswered).
  bool studyRecipe() const;

 signals:
  void optionsChanged(const unveil::calib::MetricsOptions& options);

 private:
  void applyRecipe();

  QSpinBox* bins_ = nullptr;
  QComboBox* binning_ = nullptr;
  QComboBox* confidence_ = nullptr;
  QComboBox* recipe_ = nullptr;
  // The user's own choices while the study's recipe overrides them (ownBins_ 0: none kept yet).
  int ownBins_ = 0, ownBinning_ = 0, ownConfidence_ = 0;
};

}  // namespace unveil::ui
