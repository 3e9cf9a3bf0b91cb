#include "window/dataset_page.h"

#include <QHBoxLayout>
#include <QShortcut>

#include "browser/dataset_browser.h"
#include "browser/thumbnail_loader.h"
#include "item/item_view.h"

namespace unveil::ui {

DatasetPage::DatasetPage(QWidget* parent, const QString& thumbnailDir) : QWidget(parent) {
  setObjectName(QStringLiteral("datasetPage"));
  browser_ = new DatasetBrowser(this, thumbnailDir);
  item_ = new ItemView(this);
  item_->setObjectName(QStringLiteral("itemView"));
  browser_->setMinimumWidth(420);
  item_->setMinimumWidth(320);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(browser_);

  const std::pair<QKeySequence, int> steps[] = {{QKeySequence(Qt::Key_J), 1},
                                                {QKeySequence(Qt::Key_K), -1}};
  for (const auto& [key, delta] : steps)
    for (QWidget* scope : {static_cast<QWidget*>(this), static_cast<QWidget*>(item_)}) {
      auto* shortcut = new QShortcut(key, scope);
      shortcut->setContext(Qt::WidgetWithChildrenShortcut);
      connect(shortcut, &QShortcut::activated, browser_,
              [this, d = delta] { browser_->moveSelection(d); });
    }
  auto* find = new QShortcut(QKeySequence::Find, this);
  find->setContext(Qt::WidgetWithChildrenShortcut);
  connect(find, &QShortcut::activated, browser_, &DatasetBrowser::focusSearch);
  connect(item_, &ItemView::stepRequested, browser_, &DatasetBrowser::moveSelection);
  connect(browser_, &DatasetBrowser::currentItemChanged, item_,
          [this](int index) { item_->setItem(browser_->dataset().dataset, index); });
}

void DatasetPage::setDataset(const LoadedDataset& dataset) {
  item_->setItem(nullptr, -1);
  browser_->setDataset(dataset);
}

bool DatasetPage::isBusy() const {
  return browser_->thumbnails()->isBusy() || item_->isBusy();
}

}  // namespace unveil::ui
