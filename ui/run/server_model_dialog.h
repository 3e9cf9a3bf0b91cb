// Models ▸ Add server model…: a model served elsewhere by an OpenAI-compatible server (vLLM,
// SGLang, llama.cpp, `unveil-cli serve`), described by its URL, the server's model id and the
// environment variable that holds its key; a connection test scores one item before the card is
// saved (docs/MODELS.md, "Real models"). The key itself is never asked for or written.
#pragma once

#include <QDialog>
#include <QString>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace unveil::ui {

class ServerModelDialog : public QDialog {
  Q_OBJECT

 public:
  explicit ServerModelDialog(QWidget* parent = nullptr);
  ~ServerModelDialog() override;

  /// The card written by Save (empty until then).
  const QString& cardPath() const { return cardPath_; }
  /// The folder cards are saved in (the application's data folder, "models").
  static QString cardsFolder();

  // For tests.
  void setBaseUrl(const QString& url);
  void setModelId(const QString& id);
  QString statusText() const;
  bool busy() const { return busy_; }

 public slots:
  /// Asks the server for its models (GET /models) in the background.
  void listModels();
  /// Scores one small item through the server in the background and shows the answer.
  void testConnection();
  /// Writes the card and closes the dialog.
  void save();

 private:
  QString cardText(QString* error) const;
  void setBusy(bool busy, const QString& status);

  QLineEdit* url_ = nullptr;
  QComboBox* model_ = nullptr;
  QLineEdit* name_ = nullptr;
  QLineEdit* keyVar_ = nullptr;
  QSpinBox* concurrency_ = nullptr;
  QSpinBox* topLogprobs_ = nullptr;
  QPushButton* list_ = nullptr;
  QPushButton* test_ = nullptr;
  QLabel* status_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
  QString cardPath_;
  bool busy_ = false;
};

}  // namespace unveil::ui
