// The models the user has opened (Models ▸ Open model…), remembered in the settings, each loaded
// once off the UI thread and kept for every later run.
#pragma once

#include <QObject>
#include <QStringList>
#include <map>
#include <memory>

#include "run/item_run.h"

class QComboBox;

namespace unveil::ui {

class ModelLibrary : public QObject {
  Q_OBJECT

 public:
  explicit ModelLibrary(QObject* parent = nullptr);
  ~ModelLibrary() override;

  /// Whether the list is read from and written to the settings (not in tests or screenshots).
  void setRemembers(bool remembers);
  /// Adds a card to the list (first) and starts loading it.
  void add(const QString& cardPath);
  /// Adds a card at the end of the list unless it is there already (the models of an opened
  /// project); it loads when first used.
  void offer(const QString& cardPath);
  /// Loads a card in the background unless it is loaded or loading; loaded() or failed() follow.
  void load(const QString& cardPath);
  /// The device models load on from now on: "auto" (the default), "cpu" or "cuda".
  void setDevice(const QString& device) { device_ = device; }
  const QString& device() const { return device_; }

  const QStringList& cards() const { return cards_; }
  /// The loaded model of a card, null when it is not loaded (yet).
  std::shared_ptr<const model::Model> model(const QString& cardPath) const;
  bool isLoading() const { return !loading_.isEmpty(); }
  /// A short name for a card: the model's name once loaded, else the file's base name.
  QString displayName(const QString& cardPath) const;
  /// Fills a combo box with the cards (display name, path as data and tooltip), keeping the
  /// chosen card when it is still listed, else choosing the first. Emits no signal of the box.
  void fillComboBox(QComboBox* box) const;

 signals:
  void cardsChanged();
  /// The user added a card (add(); a project's offer() does not).
  void added(const QString& cardPath);
  void loaded(const QString& cardPath, double milliseconds);
  void failed(const QString& cardPath, const QString& message);

 private:
  QStringList cards_;
  QStringList loading_;
  std::map<QString, std::shared_ptr<const model::Model>> models_;
  bool remembers_ = false;
  QString device_ = QStringLiteral("auto");
};

}  // namespace unveil::ui
