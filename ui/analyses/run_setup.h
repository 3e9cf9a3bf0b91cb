// The inputs every analysis view starts from — a model, a dataset of the open project and one of
// its splits — as one row of boxes that follows the project and the model library.
#pragma once

#include <QString>
#include <QWidget>

class QComboBox;

namespace unveil::ui {

class ModelLibrary;
class ProjectSession;

class RunSetup : public QWidget {
  Q_OBJECT

 public:
  /// `splitLabel` names the split box ("Split:", "IDK split:"); `preferredSplit` is chosen when
  /// the dataset has it ("test", "idk").
  RunSetup(ProjectSession* project, ModelLibrary* models, const QString& preferredSplit,
           QWidget* parent = nullptr);

  QString card() const;
  QString dataset() const;
  QString split() const;
  /// The splits of the chosen dataset.
  QStringList splits() const;
  /// Chooses the model card, dataset and split; false when one is not offered.
  bool choose(const QString& card, const QString& dataset, const QString& split);
  /// A model, a dataset and a split are chosen.
  bool isComplete() const;
  QComboBox* splitBox() const { return split_; }
  /// For analyses of the image (text vs image): a model that reads images is chosen first, and
  /// a text-only one is kept only when the user picks it.
  void preferImageModels();
  /// Whether a card's model reads images (its "modalities" list "image"); false for a card that
  /// cannot be read.
  static bool readsImages(const QString& card);

 signals:
  void changed();

 private:
  void fill();
  void fillSplits();

  ProjectSession* project_ = nullptr;
  ModelLibrary* models_ = nullptr;
  QString preferred_;
  bool preferImages_ = false;
  bool userChoseModel_ = false;
  QComboBox* model_ = nullptr;
  QComboBox* dataset_ = nullptr;
  QComboBox* split_ = nullptr;
};

}  // namespace unveil::ui
