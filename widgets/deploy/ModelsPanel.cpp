#include "widgets/deploy/ModelsPanel.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/deploy/AliasBadgeDelegate.h"
#include "widgets/deploy/AliasHistoryView.h"
#include "widgets/deploy/ModelComparisonView.h"
#include "widgets/deploy/ModelJobRow.h"
#include "widgets/deploy/ModelVersionTableModel.h"
#include "widgets/deploy/SetAliasDialog.h"
#include "widgets/panels/EmptyStatePanel.h"
#include "widgets/panels/PlaceholderStack.h"

namespace lathe::widgets {
namespace {

QToolButton* actionButton(QAction* action, QWidget* parent) {
  auto* button = new QToolButton(parent);
  button->setDefaultAction(action);
  button->setToolButtonStyle(Qt::ToolButtonTextOnly);
  button->setObjectName(action->objectName().replace(QStringLiteral("Action"), QStringLiteral("Button")));
  return button;
}

QAction* makeAction(const char* name, QObject* parent) {
  auto* action = new QAction(parent);
  action->setObjectName(QLatin1String(name));
  return action;
}

}  // namespace

ModelsPanel::ModelsPanel(QWidget* parent)
    : QWidget(parent),
      model_(new ModelVersionTableModel(this)),
      tree_(new QTreeView(this)),
      details_(new QTabWidget(this)),
      splitter_(new QSplitter(Qt::Vertical, this)),
      comparison_(new ModelComparisonView(this)),
      historyLabel_(new QLabel(this)),
      history_(new AliasHistoryView(this)),
      count_(new QLabel(this)),
      job_(new ModelJobRow(this)),
      stack_(nullptr),
      setAlias_(makeAction("setAliasAction", this)),
      compare_(makeAction("compareWithProductionAction", this)),
      score_(makeAction("scoreFileAction", this)),
      scoreDataset_(makeAction("scoreDatasetAction", this)),
      export_(makeAction("exportBundleAction", this)),
      showHistory_(makeAction("historyAction", this)) {
  tree_->setObjectName(QStringLiteral("modelTree"));
  details_->setObjectName(QStringLiteral("modelDetails"));
  tree_->setModel(model_);
  tree_->setItemDelegateForColumn(ModelVersionTableModel::AliasColumn, new AliasBadgeDelegate(tree_));
  tree_->setSelectionMode(QAbstractItemView::SingleSelection);
  tree_->setSelectionBehavior(QAbstractItemView::SelectRows);
  tree_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  tree_->setAlternatingRowColors(true);
  tree_->setUniformRowHeights(true);
  tree_->setAllColumnsShowFocus(true);
  tree_->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  tree_->header()->setStretchLastSection(true);
  tree_->header()->setSectionResizeMode(QHeaderView::Interactive);
  tree_->header()->setDefaultSectionSize(tree_->fontMetrics().averageCharWidth() * 8);  // fitColumns widens
  historyLabel_->setWordWrap(true);

  const QList<QAction*> actions{setAlias_, compare_, score_, scoreDataset_, export_, showHistory_};
  auto* bar = new QHBoxLayout;
  for (QAction* action : actions) {
    if (action == scoreDataset_) continue;  // on the Score button's menu: the bar must fit a narrow dock
    QToolButton* button = actionButton(action, this);
    if (action == score_) {
      auto* menu = new QMenu(button);
      menu->addAction(score_);
      menu->addAction(scoreDataset_);
      button->setMenu(menu);
      button->setPopupMode(QToolButton::MenuButtonPopup);
    }
    bar->addWidget(button);
  }
  bar->addStretch(1);
  bar->addWidget(count_);
  // The same actions on a right click, on the row under the pointer (Qt selects it first).
  tree_->setContextMenuPolicy(Qt::ActionsContextMenu);
  tree_->addActions(actions);

  auto* historyPage = new QWidget(this);
  auto* historyLayout = new QVBoxLayout(historyPage);
  historyLayout->setContentsMargins(6, 4, 6, 2);
  historyLayout->addWidget(historyLabel_);
  historyLayout->addWidget(history_, 1);
  details_->addTab(comparison_, QString());
  details_->addTab(historyPage, QString());
  details_->setDocumentMode(true);

  splitter_->setChildrenCollapsible(false);
  splitter_->addWidget(tree_);
  splitter_->addWidget(details_);

  auto* content = new QWidget(this);
  auto* contentLayout = new QVBoxLayout(content);
  contentLayout->setContentsMargins(0, 0, 0, 0);
  contentLayout->addLayout(bar);
  contentLayout->addWidget(splitter_, 1);
  stack_ = new PlaceholderStack(content, this);
  stack_->placeholder()->setObjectName(QStringLiteral("modelsEmptyState"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(stack_, 1);
  // Outside the stack: a registration's progress shows while the list is still empty.
  layout->addWidget(job_);

  connect(tree_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ModelsPanel::onSelectionChanged);
  connect(setAlias_, &QAction::triggered, this, &ModelsPanel::askAlias);
  connect(compare_, &QAction::triggered, this, &ModelsPanel::showComparison);
  connect(showHistory_, &QAction::triggered, this, &ModelsPanel::showHistory);
  connect(score_, &QAction::triggered, this, [this] {
    if (const qint64 id = selectedVersionId(); id != 0) emit scoreRequested(id);
  });
  connect(scoreDataset_, &QAction::triggered, this, [this] {
    if (const qint64 id = selectedVersionId(); id != 0) emit scoreDatasetRequested(id);
  });
  connect(export_, &QAction::triggered, this, [this] {
    if (const qint64 id = selectedVersionId(); id != 0) emit exportRequested(id);
  });
  connect(job_, &ModelJobRow::cancelRequested, this, &ModelsPanel::cancelRequested);
  retranslate();
  updateActions();
  stack_->showContent(false);
}

void ModelsPanel::setModels(std::vector<deploy::ModelVersionInfo> versions,
                            std::map<std::string, std::vector<deploy::AliasEvent>> histories, store::Kpi kpi,
                            QHash<qint64, QString> runNames) {
  const qint64 keep = selectedVersionId();
  const QString keepModel = selectedModel();
  histories_ = std::move(histories);
  model_->setVersions(std::move(versions), std::move(kpi), std::move(runNames));
  tree_->expandAll();
  fitColumns();
  arrange(true);
  stack_->showContent(!model_->versions().empty());
  const QModelIndex again = keep != 0 ? model_->indexOfVersion(keep) : model_->indexOfModel(keepModel.toStdString());
  if (again.isValid()) tree_->setCurrentIndex(again);
  onSelectionChanged();
  updateCount();
}

void ModelsPanel::fitColumns() {
  // Widened to what they show (a new alias badge, a longer run name), never narrowed: a width the
  // user chose stays. Capped, so one long run name does not push the rest out of sight.
  const int widest = tree_->fontMetrics().averageCharWidth() * 32;
  for (int column = 0; column < ModelVersionTableModel::ColumnCount - 1; ++column) {
    const int before = tree_->columnWidth(column);
    tree_->resizeColumnToContents(column);
    tree_->setColumnWidth(column, std::max(before, std::min(tree_->columnWidth(column), widest)));
  }
}

void ModelsPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  arrange(false);
}

void ModelsPanel::arrange(bool rowsChanged) {
  // Side by side only when both fit in full (every column of the list, the comparison's five);
  // otherwise the comparison goes below the list, which keeps every column in sight.
  const int sideBySide = fontMetrics().averageCharWidth() * 165;
  const Qt::Orientation wanted = width() >= sideBySide ? Qt::Horizontal : Qt::Vertical;
  if (splitter_->orientation() == wanted && !(rowsChanged && wanted == Qt::Vertical)) return;  // a dragged size stays
  splitter_->setOrientation(wanted);
  // Shared once the layout has given the splitter its new size, and again once the view has
  // measured its rows in the new language (it does so after the language change reaches it).
  QTimer::singleShot(0, this, &ModelsPanel::shareSplitter);
  QTimer::singleShot(150, this, &ModelsPanel::shareSplitter);
}

void ModelsPanel::shareSplitter() {
  const bool wide = splitter_->orientation() == Qt::Horizontal;
  const int length = wide ? splitter_->width() : splitter_->height();
  int list = length * 11 / 20;
  if (!wide) {
    // As tall as its rows, at most half (a registry holds a handful of versions). Measured by the
    // view after a fresh layout: in another language the rows may be taller (Hangul's font is).
    tree_->doItemsLayout();
    int rows = 0;
    for (QModelIndex i = model_->index(0, 0); i.isValid(); i = tree_->indexBelow(i)) rows += tree_->visualRect(i).height();
    const int fit = tree_->header()->sizeHint().height() + std::max(rows, 2 * (tree_->fontMetrics().height() + 4)) +
                    2 * tree_->frameWidth();
    list = std::min(fit, length / 2);
  }
  splitter_->setSizes({list, length - list});
}

void ModelsPanel::updateCount() {
  count_->setText(tr("%n models", nullptr, model_->rowCount()) + QStringLiteral(" · ") +
                  tr("%n versions", nullptr, static_cast<int>(model_->versions().size())));
}

void ModelsPanel::setReadOnly(bool readOnly) {
  readOnly_ = readOnly;
  updateActions();
}

void ModelsPanel::selectVersion(qint64 versionId) {
  const QModelIndex index = model_->indexOfVersion(versionId);
  if (!index.isValid()) return;
  tree_->setCurrentIndex(index);
  tree_->scrollTo(index);
}

qint64 ModelsPanel::selectedVersionId() const {
  const auto* info = model_->versionAt(tree_->currentIndex());
  return info && tree_->selectionModel()->hasSelection() ? info->id : 0;
}

QString ModelsPanel::selectedModel() const {
  const QModelIndex current = tree_->currentIndex();
  if (!current.isValid() || !tree_->selectionModel()->hasSelection()) return {};
  if (const auto* info = model_->versionAt(current)) return QString::fromStdString(info->model);
  return model_->index(current.row(), ModelVersionTableModel::NameColumn).data().toString();
}

void ModelsPanel::showComparison() { details_->setCurrentIndex(0); }

void ModelsPanel::showHistory() { details_->setCurrentIndex(1); }

void ModelsPanel::onSelectionChanged() {
  const auto* info = model_->version(selectedVersionId());
  comparison_->setVersions(info, info ? model_->production(info->model) : nullptr);
  const std::string name = selectedModel().toStdString();
  const auto it = histories_.find(name);
  history_->setHistory(it != histories_.end() ? it->second : std::vector<deploy::AliasEvent>{});
  if (name.empty()) historyLabel_->setText(tr("Select a model to see every move of its aliases."));
  else if (history_->rowCount() == 0) historyLabel_->setText(tr("No alias of “%1” has moved yet.").arg(QString::fromStdString(name)));
  else historyLabel_->setText(tr("Every move of the aliases of “%1”, newest first.").arg(QString::fromStdString(name)));
  updateActions();
}

void ModelsPanel::askAlias() {
  const auto* info = model_->version(selectedVersionId());
  if (!info || readOnly_) return;
  auto* dialog = new SetAliasDialog(*info, model_->production(info->model), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  const qint64 id = info->id;
  connect(dialog, &QDialog::accepted, this, [this, dialog, id] { emit aliasRequested(id, dialog->alias(), dialog->reason()); });
  dialog->open();
}

void ModelsPanel::updateActions() {
  const bool version = selectedVersionId() != 0;
  setAlias_->setEnabled(version && !readOnly_);
  compare_->setEnabled(version);
  score_->setEnabled(version && !job_->isRunning());
  scoreDataset_->setEnabled(version && !job_->isRunning());
  export_->setEnabled(version && !job_->isRunning());
  showHistory_->setEnabled(!selectedModel().isEmpty());
}

void ModelsPanel::setRunning(bool running) {
  job_->setRunning(running);
  updateActions();
}

bool ModelsPanel::isRunning() const { return job_->isRunning(); }
void ModelsPanel::setProgress(double fraction, const QString& message) { job_->setProgress(fraction, message); }
void ModelsPanel::setStatus(const QString& text) { job_->setStatus(text); }
QString ModelsPanel::status() const { return job_->status(); }
void ModelsPanel::offerFolder(const QString& folder) { job_->offerFolder(folder); }

void ModelsPanel::retranslate() {
  setAlias_->setText(tr("Set Alias…"));
  setAlias_->setToolTip(tr("Make the selected version the candidate, put it in production or archive it, with a reason"));
  compare_->setText(tr("Compare with Production"));
  compare_->setToolTip(tr("The selected version's metrics, input columns and training data beside the production version's"));
  score_->setText(tr("Score a File…"));
  score_->setToolTip(tr("Predict every row of a CSV or ARFF file with the selected version and write the answers to a CSV file"));
  scoreDataset_->setText(tr("Score a Dataset…"));
  scoreDataset_->setToolTip(tr("Predict every row of one of the project's datasets with the selected version and write the answers to a CSV file"));
  export_->setText(tr("Export Bundle…"));
  export_->setToolTip(tr("Save the selected version as a portable .lathemodel file that lathe serve loads on another machine"));
  showHistory_->setText(tr("History"));
  showHistory_->setToolTip(tr("Every move of the selected model's aliases, with its time and reason"));
  details_->setTabText(0, tr("Compare with Production"));
  details_->setTabText(1, tr("Alias History"));
  EmptyStatePanel* empty = stack_->placeholder();
  empty->setTitle(tr("No registered models yet"));
  empty->setText(tr("Register a run's model from the Experiments table: right-click › Register Model… Each "
                    "registration is a new, unchangeable version you can score files with, compare and put in "
                    "production."));
  model_->retranslate();
  updateCount();
  onSelectionChanged();
  arrange(true);  // another language may need taller rows
}

void ModelsPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace lathe::widgets
