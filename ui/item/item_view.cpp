#include "item/item_view.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QResizeEvent>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "app/run_names.h"
#include "app/theme.h"
#include "item/image_viewer.h"
#include "item/item_image.h"
#include "item/stored_run_bars.h"
#include "run/condition_picker.h"
#include "run/run_item_panel.h"

namespace unveil::ui {

namespace {

const QColor kGoldColour(0x00, 0x9E, 0x73);  // bluish green (Okabe–Ito), as in the plots
const QColor kIdkColour(0xC2, 0x7C, 0x0E);   // amber

/// A round badge with a symbol: ✓ for the gold answer, ? for "I don't know".
QIcon badge(const QColor& colour, const QString& symbol) {
  QPixmap pixmap(40, 40);
  pixmap.fill(Qt::transparent);
  QPainter p(&pixmap);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(Qt::NoPen);
  p.setBrush(colour);
  p.drawEllipse(QRectF(2, 2, 36, 36));
  QFont font;
  font.setPixelSize(26);
  font.setBold(true);
  p.setFont(font);
  p.setPen(Qt::white);
  p.drawText(QRect(0, 0, 40, 40), Qt::AlignCenter, symbol);
  return QIcon(pixmap);
}

QIcon emptyBadge() {
  QPixmap pixmap(40, 40);
  pixmap.fill(Qt::transparent);
  return QIcon(pixmap);
}

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

// Every option on view at once: the list is as tall as its rows (wrapped to its width), never a
// scroll inside the scrolling dock.
class OptionsList : public QListWidget {
 public:
  using QListWidget::QListWidget;

  void fit() {
    int height = 2 * frameWidth();
    for (int i = 0; i < count(); ++i)
      height += sizeHintForRow(i) + 2 * spacing();
    setFixedHeight(height);
  }

 protected:
  void resizeEvent(QResizeEvent* event) override {
    QListWidget::resizeEvent(event);
    if (event->size().width() != event->oldSize().width()) fit();
  }
};

}  // namespace

ItemView::ItemView(QWidget* parent) : QWidget(parent) {
  header_ = new QLabel(this);
  header_->setObjectName(QStringLiteral("itemHeader"));
  header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  image_ = new ImageViewer(this);
  // Room enough to read a picture (the dock scrolls when it is shorter than all it holds).
  image_->setMinimumHeight(240);

  picker_ = new ConditionPicker(this);
  picker_->kindBox()->setObjectName(QStringLiteral("perturbationBox"));
  picker_->amountBox()->setObjectName(QStringLiteral("perturbationAmount"));
  picker_->kindBox()->setToolTip(
      tr("The condition Run uses, previewed: the image as a run under this condition gives it "
         "to the model (the seed is fixed, so the preview is what the run sees)"));
  auto* conditionLabel = new QLabel(tr("Condition:"), this);

  hint_ = new QLabel(this);
  hint_->setObjectName(QStringLiteral("itemHint"));
  hint_->setWordWrap(true);
  hint_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  hint_->setToolTip(tr("Context the dataset gives with the question (MMBench “hint”)"));
  question_ = new QLabel(this);
  question_->setObjectName(QStringLiteral("itemQuestion"));
  question_->setWordWrap(true);
  question_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  options_ = new OptionsList(this);
  options_->setObjectName(QStringLiteral("optionsList"));
  options_->setFocusPolicy(Qt::NoFocus);  // Up/Down keep moving between items
  options_->setSelectionMode(QAbstractItemView::NoSelection);
  options_->setIconSize(QSize(20, 20));
  options_->setWordWrap(true);
  options_->setSpacing(2);
  options_->setToolTip(tr("✓ marks the gold answer; ? marks the “I don't know” option"));
  options_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
  options_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

  auto* condition = new QHBoxLayout;
  condition->addWidget(conditionLabel);
  condition->addWidget(picker_);
  condition->addStretch();
  auto* top = new QWidget(this);
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  topLayout->addWidget(image_, 1);
  topLayout->addLayout(condition);
  auto* bottom = bottom_ = new QWidget(this);
  auto* bottomLayout = new QVBoxLayout(bottom);
  bottomLayout->setContentsMargins(0, 4, 0, 0);
  bottomLayout->addWidget(hint_);
  bottomLayout->addWidget(question_);
  bottomLayout->addWidget(options_);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(top);
  split->addWidget(bottom);
  // Room left over goes to the picture.
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 0);
  split->setChildrenCollapsible(false);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 8, 10, 10);
  layout->setSpacing(6);
  layout->addWidget(header_);
  layout->addWidget(split, 1);

  for (const auto& [key, delta] : {std::pair{Qt::Key_Up, -1}, std::pair{Qt::Key_Down, 1}}) {
    auto* shortcut = new QShortcut(QKeySequence(key), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, [this, d = delta] { emit stepRequested(d); });
  }
  connect(picker_, &ConditionPicker::conditionChanged, this, &ItemView::loadImage);
  setItem(nullptr, -1);
}

ItemView::~ItemView() {
  for (auto* watcher : findChildren<QFutureWatcherBase*>())
    watcher->waitForFinished();
}

void ItemView::setStoredRuns(StoredRunBars* panel) {
  storedRuns_ = panel;
  auto* layout = static_cast<QVBoxLayout*>(bottom_->layout());
  const int at = runPanel_ ? layout->indexOf(runPanel_) : -1;
  layout->insertWidget(at >= 0 ? at : layout->count(), panel);
  panel->setItem(dataset_, index_);
}

void ItemView::setRunPanel(RunItemPanel* panel) {
  runPanel_ = panel;
  bottom_->layout()->addWidget(panel);
  panel->setItem(dataset_, index_);
  panel->setCondition(perturbation());
}

QString ItemView::perturbation() const {
  return picker_->condition();
}

void ItemView::setPerturbation(const QString& kind, double amount) {
  picker_->setCondition(kind, amount);
}

QString ItemView::questionText() const {
  return question_->text();
}
QString ItemView::hintText() const {
  return hint_->isHidden() ? QString() : hint_->text();
}

void ItemView::setItem(std::shared_ptr<const data::Dataset> dataset, int index) {
  dataset_ = std::move(dataset);
  index_ = dataset_ && index >= 0 && static_cast<std::size_t>(index) < dataset_->items.size()
               ? index
               : -1;
  if (runPanel_) runPanel_->setItem(dataset_, index_);
  if (storedRuns_) storedRuns_->setItem(dataset_, index_);
  if (index_ < 0) {
    ++generation_;
    busy_ = false;
    header_->setText(tr("No item selected"));
    hint_->hide();
    question_->clear();
    options_->clear();
    image_->setMessage(tr("Choose an item in the list to see it here"));
    return;
  }
  const data::Item& item = dataset_->items[static_cast<std::size_t>(index_)];
  QStringList facts;
  if (!item.split.empty()) facts << tr("split %1").arg(splitName(item.split).toHtmlEscaped());
  if (!item.category.empty()) facts << qs(item.category).toHtmlEscaped();
  if (item.is_idk_question()) facts << tr("unanswerable (IDK) question");
  header_->setText(
      QStringLiteral("<b>") + qs(item.id).toHtmlEscaped() + QStringLiteral("</b>") +
      (facts.isEmpty() ? QString() : QStringLiteral(" · ") + facts.join(QStringLiteral(" · "))));
  hint_->setText(qs(item.hint));
  hint_->setVisible(!item.hint.empty());
  question_->setText(qs(item.question));
  showOptions(item);
  loadImage();
}

void ItemView::showOptions(const data::Item& item) {
  options_->clear();
  static const QIcon gold = badge(kGoldColour, QStringLiteral("✓"));
  static const QIcon idk = badge(kIdkColour, QStringLiteral("?"));
  static const QIcon none = emptyBadge();
  for (std::size_t k = 0; k < item.options.size(); ++k) {
    const data::Option& option = item.options[k];
    const bool isGold = static_cast<int>(k) == item.answer;
    const bool isIdk = static_cast<int>(k) == item.idk_index;
    QString text = QString(QLatin1Char(option.letter)) + QStringLiteral(".  ") + qs(option.text);
    QStringList marks;
    if (isGold) marks << tr("gold answer");
    if (isIdk) marks << tr("“I don't know” option");
    if (!marks.isEmpty()) text += QStringLiteral("   — ") + marks.join(QStringLiteral(", "));
    auto* row = new QListWidgetItem(isGold ? gold : isIdk ? idk : none, text, options_);
    row->setData(kGoldRole, isGold);
    row->setData(kIdkRole, isIdk);
    row->setData(kLetterRole, QString(QLatin1Char(option.letter)));
    if (isGold) {
      row->setBackground(Theme::tint(Theme::Tone::kGood));
      QFont font = row->font();
      font.setBold(true);
      row->setFont(font);
      row->setToolTip(tr("The answer the dataset counts as right"));
    } else if (isIdk) {
      row->setBackground(Theme::tint(Theme::Tone::kCaution));
      row->setToolTip(tr("Choosing this option admits that the question cannot be answered"));
    }
  }
  static_cast<OptionsList*>(options_)->fit();
}

void ItemView::loadImage() {
  const quint64 generation = ++generation_;
  if (runPanel_) runPanel_->setCondition(perturbation());
  if (index_ < 0) return;
  busy_ = true;
  // The previous picture stays until the new one is ready; only a slow load says so.
  QTimer::singleShot(250, this, [this, generation] {
    if (generation == generation_ && busy_) image_->setMessage(tr("Loading…"));
  });
  const QString spec = perturbation();
  auto* watcher = new QFutureWatcher<ItemImageResult>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    if (generation != generation_) return;
    busy_ = false;
    const ItemImageResult r = watcher->result();
    if (r.image.isNull())
      image_->setMessage(r.message);
    else
      image_->setImage(r.image);
    emit imageShown();
  });
  // The job holds the dataset, so the item outlives it whatever the user opens next.
  watcher->setFuture(QtConcurrent::run([dataset = dataset_, index = index_, spec] {
    const data::Item& item = dataset->items[static_cast<std::size_t>(index)];
    return renderItemImage(item.image, dataset->root, spec);
  }));
}

}  // namespace unveil::ui
