// The option probabilities of one model answer as horizontal bars, one row per option: the
// model's answer filled in the accent colour, the gold answer (✓) and the "I don't know" option
// (?) marked as in the option list.
#pragma once

#include <QWidget>
#include <vector>

namespace unveil::ui {

class ProbabilityBars : public QWidget {
  Q_OBJECT

 public:
  struct Row {
    QString letter, text;
    double probability = 0;
    bool answer = false, gold = false, idk = false;
  };

  explicit ProbabilityBars(QWidget* parent = nullptr);

  void setRows(std::vector<Row> rows);
  void clear();
  /// What an empty chart says (by default: press Run).
  void setPlaceholder(const QString& text);
  const std::vector<Row>& rows() const { return rows_; }
  /// The probability written beside row `i`'s bar, never rounded to a certainty the model did
  /// not state ("> 99.9 %", "< 0.1 %"; metrics/shown_numbers.h).
  QString valueText(int i) const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool event(QEvent* event) override;

 private:
  int rowAt(int y) const;

  std::vector<Row> rows_;
  QString placeholder_;
};

}  // namespace unveil::ui
