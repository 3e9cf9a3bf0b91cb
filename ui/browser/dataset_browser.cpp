#include "browser/dataset_browser.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <fstream>

#include "app/line_icon.h"
#include "app/run_names.h"
#include "browser/dataset_filter_proxy.h"
#include "browser/dataset_table_model.h"
#include "browser/thumbnail_loader.h"
#include "calib/predictions_jsonl.h"

namespace unveil::ui {

namespace {
constexpr int kRowHeight = ThumbnailLoader::kDisplaySide + 8;
}

DatasetBrowser::DatasetBrowser(QWidget* parent, const QString& thumbnailDir) : QWidget(parent) {
  thumbnails_ = new ThumbnailLoader(this, thumbnailDir);
  model_ = new DatasetTableModel(thumbnails_, this);
  proxy_ = new DatasetFilterProxy(this);
  proxy_->setSourceModel(model_);

  title_ = new QLabel(this);
  title_->setObjectName(QStringLiteral("datasetLabel"));
  title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  count_ = new QLabel(this);
  count_->setObjectName(QStringLiteral("browserCount"));
  // On a narrow page the count takes a second line rather than being cut off.
  count_->setWordWrap(true);
  count_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

  search_ = new QLineEdit(this);
  search_->setObjectName(QStringLiteral("browserSearch"));
  search_->setPlaceholderText(tr("Search id, question, options…"));
  search_->setClearButtonEnabled(true);
  search_->setToolTip(
      tr("Show only items whose id, question or an option contains this text "
         "(not case-sensitive) (Ctrl+F)"));
  split_ = new QComboBox(this);
  split_->setToolTip(tr("Show one split only"));
  category_ = new QComboBox(this);
  category_->setToolTip(tr("Show one category only"));
  category_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  idk_ = new QComboBox(this);
  idk_->addItem(tr("All questions"), static_cast<int>(DatasetFilterProxy::IdkFilter::kAll));
  idk_->addItem(tr("IDK questions only"),
                static_cast<int>(DatasetFilterProxy::IdkFilter::kIdkOnly));
  idk_->addItem(tr("Answerable only"),
                static_cast<int>(DatasetFilterProxy::IdkFilter::kAnswerableOnly));
  idk_->setToolTip(
      tr("IDK questions cannot be answered from the image or the text: their right "
         "answer is the “I don't know” option"));

  outcome_ = new QComboBox(this);
  outcome_->setObjectName(QStringLiteral("browserOutcome"));
  outcome_->addItem(tr("Right and wrong"),
                    static_cast<int>(DatasetFilterProxy::OutcomeFilter::kAll));
  outcome_->addItem(tr("Wrong only"), static_cast<int>(DatasetFilterProxy::OutcomeFilter::kWrong));
  outcome_->addItem(tr("Right only"), static_cast<int>(DatasetFilterProxy::OutcomeFilter::kRight));
  outcome_->addItem(tr("No answer only"),
                    static_cast<int>(DatasetFilterProxy::OutcomeFilter::kUnanswered));
  outcome_->setToolTip(tr("Show the items the run answered wrongly, or rightly"));
  wrongFirst_ = new QPushButton(tr("Confidently wrong first"), this);
  wrongFirst_->setObjectName(QStringLiteral("wrongFirstButton"));
  wrongFirst_->setToolTip(
      tr("Sort the run's wrong answers to the top, the most confident first: the failures that "
         "matter most"));

  export_ = new QPushButton(lineIcon(QStringLiteral(":/icons/export.svg")), tr("Export…"), this);
  export_->setObjectName(QStringLiteral("exportShownButton"));
  export_->setToolTip(
      tr("Save the run's predictions of the items shown now (after the filters) as predictions "
         "JSONL or CSV"));
  connect(export_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the shown predictions"), QStringLiteral("predictions.jsonl"),
        tr("Predictions JSONL (*.jsonl);;CSV (*.csv)"));
    if (!path.isEmpty()) exportShown(path);
  });

  // Confidence from … to … (percent), for the run's answers.
  confRange_ = new QWidget(this);
  confFrom_ = new QDoubleSpinBox(confRange_);
  confTo_ = new QDoubleSpinBox(confRange_);
  for (QDoubleSpinBox* box : {confFrom_, confTo_}) {
    box->setRange(0, 100);
    box->setDecimals(0);
    box->setSingleStep(5);
    box->setSuffix(QStringLiteral(" %"));
    box->setKeyboardTracking(false);
  }
  confFrom_->setObjectName(QStringLiteral("confidenceFrom"));
  confTo_->setObjectName(QStringLiteral("confidenceTo"));
  confTo_->setValue(100);
  confRange_->setToolTip(tr("Show the items whose run confidence lies in this range"));
  auto* rangeLayout = new QHBoxLayout(confRange_);
  rangeLayout->setContentsMargins(0, 0, 0, 0);
  rangeLayout->setSpacing(4);
  rangeLayout->addWidget(new QLabel(tr("Confidence"), confRange_));
  rangeLayout->addWidget(confFrom_);
  rangeLayout->addWidget(new QLabel(QStringLiteral("–"), confRange_));
  rangeLayout->addWidget(confTo_);
  for (QDoubleSpinBox* box : {confFrom_, confTo_})
    connect(box, &QDoubleSpinBox::valueChanged, this, &DatasetBrowser::applyFilters);

  subsetBar_ = new QWidget(this);
  subsetBar_->setObjectName(QStringLiteral("subsetBar"));
  subsetLabel_ = new QLabel(subsetBar_);
  subsetLabel_->setObjectName(QStringLiteral("subsetLabel"));
  auto* showAll = new QPushButton(tr("Show all items"), subsetBar_);
  showAll->setToolTip(tr("Leave the chosen bin and show every item again (Esc)"));
  auto* subsetLayout = new QHBoxLayout(subsetBar_);
  subsetLayout->setContentsMargins(8, 4, 4, 4);
  subsetLayout->addWidget(subsetLabel_, 1);
  subsetLayout->addWidget(showAll);
  subsetBar_->hide();
  connect(showAll, &QPushButton::clicked, this, &DatasetBrowser::clearItemSubset);
  auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
  escape->setContext(Qt::WidgetWithChildrenShortcut);
  connect(escape, &QShortcut::activated, this, [this] {
    if (!subsetBar_->isHidden()) clearItemSubset();
  });
  connect(wrongFirst_, &QPushButton::clicked, this, [this] {
    proxy_->sortConfidentlyWrongFirst();
    view_->horizontalHeader()->setSortIndicator(DatasetTableModel::kCorrect, Qt::DescendingOrder);
    selectRow(0);
  });

  view_ = new QTableView(this);
  view_->setObjectName(QStringLiteral("datasetTable"));
  view_->setModel(proxy_);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view_->setAlternatingRowColors(true);
  view_->setWordWrap(false);
  view_->setShowGrid(false);
  view_->setSortingEnabled(true);
  view_->sortByColumn(-1, Qt::AscendingOrder);  // file order until the user sorts
  view_->setIconSize(QSize(ThumbnailLoader::kDisplaySide, ThumbnailLoader::kDisplaySide));
  view_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
  view_->setToolTip(tr("Up/Down or J/K move between items"));
  // Fixed row heights and column widths: nothing is measured per row, so 10,000 rows scroll
  // as fast as 10.
  QHeaderView* rows = view_->verticalHeader();
  rows->setSectionResizeMode(QHeaderView::Fixed);
  rows->setDefaultSectionSize(kRowHeight);
  rows->hide();
  QHeaderView* columns = view_->horizontalHeader();
  columns->setSectionResizeMode(QHeaderView::Interactive);
  columns->setSectionResizeMode(DatasetTableModel::kQuestion, QHeaderView::Stretch);
  columns->setHighlightSections(false);
  view_->setColumnWidth(DatasetTableModel::kThumbnail, kRowHeight + 8);
  view_->setColumnWidth(DatasetTableModel::kId, 100);
  view_->setColumnWidth(DatasetTableModel::kAnswer, 120);
  view_->setColumnWidth(DatasetTableModel::kSplit, 80);
  view_->setColumnWidth(DatasetTableModel::kCategory, 105);
  view_->setColumnWidth(DatasetTableModel::kRunAnswer, 110);
  view_->setColumnWidth(DatasetTableModel::kConfidence, 92);
  view_->setColumnWidth(DatasetTableModel::kCorrect, 72);
  for (int c :
       {DatasetTableModel::kRunAnswer, DatasetTableModel::kConfidence, DatasetTableModel::kCorrect})
    view_->setColumnHidden(c, true);
  // The run's answer, confidence and result stand right after the item's id, before the question
  // (which takes the width that is left): what the analyst came for is never off screen.
  int at = columns->visualIndex(DatasetTableModel::kId) + 1;
  for (int c :
       {DatasetTableModel::kRunAnswer, DatasetTableModel::kConfidence, DatasetTableModel::kCorrect})
    columns->moveSection(columns->visualIndex(c), at++);
  columns->setMinimumSectionSize(40);

  auto* header = new QHBoxLayout;
  header->addWidget(title_, 1);
  header->addWidget(count_);
  auto* filters = new QHBoxLayout;
  filters->setSpacing(6);
  filters->addWidget(search_, 1);
  filters->addWidget(split_);
  filters->addWidget(category_);
  filters->addWidget(idk_);
  // The run's filters get a row of their own, shown with a run.
  runFilters_ = new QWidget(this);
  auto* runRow = new QHBoxLayout(runFilters_);
  runRow->setContentsMargins(0, 0, 0, 0);
  runRow->setSpacing(6);
  runRow->addWidget(outcome_);
  runRow->addWidget(confRange_);
  runRow->addStretch();
  runRow->addWidget(wrongFirst_);
  runRow->addWidget(export_);
  runFilters_->hide();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(10, 8, 6, 10);
  layout->setSpacing(8);
  layout->addLayout(header);
  layout->addLayout(filters);
  layout->addWidget(runFilters_);
  layout->addWidget(subsetBar_);
  layout->addWidget(view_, 1);

  // Typing re-filters after a short pause rather than on every key.
  auto* typing = new QTimer(this);
  typing->setSingleShot(true);
  typing->setInterval(150);
  connect(search_, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
  connect(typing, &QTimer::timeout, this, &DatasetBrowser::applyFilters);
  for (QComboBox* box : {split_, category_, idk_, outcome_})
    connect(box, &QComboBox::currentIndexChanged, this, &DatasetBrowser::applyFilters);
  connect(proxy_, &QAbstractItemModel::rowsInserted, this, &DatasetBrowser::updateCount);
  connect(proxy_, &QAbstractItemModel::rowsRemoved, this, &DatasetBrowser::updateCount);
  connect(proxy_, &QAbstractItemModel::modelReset, this, &DatasetBrowser::updateCount);
  connect(proxy_, &QAbstractItemModel::layoutChanged, this, &DatasetBrowser::updateCount);
  connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            emit currentItemChanged(
                current.isValid() ? current.data(DatasetTableModel::kItemIndexRole).toInt() : -1);
          });
  fillFilterChoices();
  updateCount();
}

void DatasetBrowser::setDataset(const LoadedDataset& dataset) {
  dataset_ = dataset;
  proxy_->clearFilters();
  subsetBar_->hide();
  model_->setDataset(dataset.dataset);
  setRunOverlay(nullptr);
  const QSignalBlocker blocker(search_);
  search_->clear();
  fillFilterChoices();
  title_->setText(QStringLiteral("<b>") + dataset.displayName.toHtmlEscaped() +
                  QStringLiteral("</b>"));
  title_->setToolTip(dataset.path);
  updateCount();
  if (proxy_->rowCount() > 0) selectRow(0);
}

void DatasetBrowser::setRunOverlay(std::shared_ptr<const RunOverlay> overlay) {
  const bool has = overlay != nullptr;
  model_->setRunOverlay(std::move(overlay));
  for (int c :
       {DatasetTableModel::kRunAnswer, DatasetTableModel::kConfidence, DatasetTableModel::kCorrect})
    view_->setColumnHidden(c, !has);
  runFilters_->setVisible(has);
  // A run over one split: show that split, where every row has the run's answer.
  const auto& run = model_->runOverlay();
  if (run && !run->split.isEmpty()) {
    const int i = split_->findData(run->split);
    if (i >= 0) split_->setCurrentIndex(i);  // applies the filters
  }
  if (!has) {
    const QSignalBlocker blocker(outcome_);
    outcome_->setCurrentIndex(0);
    proxy_->setOutcomeFilter(DatasetFilterProxy::OutcomeFilter::kAll);
    const QSignalBlocker from(confFrom_), to(confTo_);
    confFrom_->setValue(0);
    confTo_->setValue(100);
    proxy_->setConfidenceRange(0, 1);
    proxy_->clearItemSubset();
    subsetBar_->hide();
  }
  updateCount();
}

void DatasetBrowser::showItemSubset(const std::vector<int>& items, const QString& label) {
  proxy_->setItemSubset(items, label);
  subsetLabel_->setText(
      tr("Showing the %n item(s) of %1", nullptr, static_cast<int>(items.size())).arg(label));
  subsetBar_->show();
  updateCount();
  selectRow(0);
}

void DatasetBrowser::clearItemSubset() {
  const int item = currentItem();
  proxy_->clearItemSubset();
  subsetBar_->hide();
  updateCount();
  const int row = item >= 0 ? proxy_->rowOfItem(item) : -1;
  selectRow(row >= 0 ? row : 0);
}

void DatasetBrowser::exportShown(const QString& path) {
  const auto overlay = model_->runOverlay();
  if (!overlay || !overlay->predictions) {
    emit exportFinished(path, 0, tr("No run is shown next to the items"));
    return;
  }
  std::vector<std::size_t> rows;
  for (int row = 0; row < proxy_->rowCount(); ++row) {
    const int item = proxy_->itemIndex(row);
    const int prediction =
        item >= 0 ? overlay->predictionOfItem[static_cast<std::size_t>(item)] : -1;
    if (prediction >= 0) rows.push_back(static_cast<std::size_t>(prediction));
  }
  auto* watcher = new QFutureWatcher<QString>(this);
  const int count = static_cast<int>(rows.size());
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, count] {
    watcher->deleteLater();
    const QString error = watcher->result();
    emit exportFinished(path, error.isEmpty() ? count : 0, error);
  });
  watcher->setFuture(QtConcurrent::run([path, rows = std::move(rows), set = overlay->predictions] {
    const calib::PredictionSet shown = set->subset(rows);
    std::ofstream out(path.toStdString(), std::ios::binary);
    if (!out) return tr("%1: cannot be written").arg(path);
    if (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
      calib::write_predictions_csv(out, shown);
    else
      calib::write_predictions_jsonl(out, shown);
    out.close();
    return out ? QString() : tr("%1: writing failed (disk full?)").arg(path);
  }));
}

QString DatasetBrowser::subsetText() const {
  return subsetBar_->isHidden() ? QString() : subsetLabel_->text();
}

void DatasetBrowser::fillFilterChoices() {
  for (QComboBox* box : {split_, category_})
    box->blockSignals(true);
  split_->clear();
  split_->addItem(tr("All splits"), QString());
  for (const QString& s : model_->splits())
    split_->addItem(splitName(s.toStdString()), s);
  category_->clear();
  category_->addItem(tr("All categories"), QString());
  for (const QString& c : model_->categories())
    category_->addItem(c, c);
  idk_->setCurrentIndex(0);
  for (QComboBox* box : {split_, category_})
    box->blockSignals(false);
}

void DatasetBrowser::applyFilters() {
  const int item = currentItem();
  proxy_->setSplit(split_->currentData().toString());
  proxy_->setCategory(category_->currentData().toString());
  proxy_->setIdkFilter(static_cast<DatasetFilterProxy::IdkFilter>(idk_->currentData().toInt()));
  proxy_->setSearchText(search_->text());
  proxy_->setOutcomeFilter(
      static_cast<DatasetFilterProxy::OutcomeFilter>(outcome_->currentData().toInt()));
  proxy_->setConfidenceRange(confFrom_->value() / 100, confTo_->value() / 100);
  // Keep the item in view when it passed the filters; otherwise take the first one shown.
  const int row = item >= 0 ? proxy_->rowOfItem(item) : -1;
  selectRow(row >= 0 ? row : 0);
  updateCount();
}

void DatasetBrowser::updateCount() {
  const QLocale locale;
  const int shown = proxy_->rowCount();
  const int total = model_->rowCount();
  // What the count is of: the dataset's items, and with a run shown, how many of them it holds
  // (a bin of a 1,000-item run is not "159 of 8,500" of anything the user looked at).
  const auto overlay = model_->runOverlay();
  QString text = shown == total ? tr("%Ln item(s)", nullptr, total)
                                : tr("Showing %1 of the dataset's %2 items")
                                      .arg(locale.toString(shown), locale.toString(total));
  if (overlay && overlay->matched < static_cast<std::size_t>(total)) {
    text += QStringLiteral(" · ") +
            tr("the run holds %1 of them")
                .arg(locale.toString(static_cast<qulonglong>(overlay->matched)));
  }
  count_->setText(text);
}

QString DatasetBrowser::countText() const {
  return count_->text();
}

int DatasetBrowser::currentItem() const {
  const QModelIndex current = view_->selectionModel()->currentIndex();
  return current.isValid() ? current.data(DatasetTableModel::kItemIndexRole).toInt() : -1;
}

void DatasetBrowser::selectRow(int row) {
  if (row < 0 || row >= proxy_->rowCount()) {
    view_->selectionModel()->clear();  // reports -1 through currentRowChanged
    return;
  }
  const QModelIndex index = proxy_->index(row, DatasetTableModel::kId);
  view_->selectionModel()->setCurrentIndex(
      index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  // Scrolled to by its first column, so that a narrow view keeps the thumbnails in sight.
  view_->scrollTo(proxy_->index(row, DatasetTableModel::kThumbnail));
}

void DatasetBrowser::moveSelection(int delta) {
  const QModelIndex current = view_->selectionModel()->currentIndex();
  const int row = current.isValid() ? current.row() + delta : 0;
  if (row >= 0 && row < proxy_->rowCount()) selectRow(row);
}

void DatasetBrowser::focusSearch() {
  search_->setFocus(Qt::ShortcutFocusReason);
  search_->selectAll();
}

}  // namespace unveil::ui
