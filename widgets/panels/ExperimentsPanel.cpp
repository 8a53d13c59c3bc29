#include "widgets/panels/ExperimentsPanel.h"

#include <QAction>
#include <QEvent>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelection>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "widgets/panels/EmptyStatePanel.h"
#include "widgets/panels/PlaceholderStack.h"
#include "widgets/table/RunTableModel.h"

namespace lathe::widgets {
namespace {

// Sorts by RunTableModel::SortRole: numbers as numbers with missing scores (NaN) last in either
// direction, texts in the user's locale order. The search line filters on SearchRole.
class RunSortProxy : public QSortFilterProxyModel {
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;

 protected:
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override {
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.typeId() == QMetaType::Double && r.typeId() == QMetaType::Double) {
      const double a = l.toDouble();
      const double b = r.toDouble();
      const bool aMissing = std::isnan(a);
      const bool bMissing = std::isnan(b);
      // A descending sort asks lessThan(right, left), so "last" means largest ascending and
      // smallest descending.
      if (aMissing || bMissing) return sortOrder() == Qt::AscendingOrder ? !aMissing : !bMissing;
      return a < b;
    }
    return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
  }
};

QToolButton* actionButton(QAction* action, QWidget* parent) {
  auto* button = new QToolButton(parent);
  button->setDefaultAction(action);
  button->setToolButtonStyle(Qt::ToolButtonTextOnly);
  return button;
}

}  // namespace

ExperimentsPanel::ExperimentsPanel(QWidget* parent)
    : QWidget(parent),
      model_(new RunTableModel(this)),
      proxy_(new RunSortProxy(this)),
      search_(new QLineEdit(this)),
      count_(new QLabel(this)),
      columnsButton_(new QToolButton(this)),
      columnsMenu_(new QMenu(this)),
      table_(new QTableView(this)),
      stack_(nullptr),
      compare_(new QAction(this)),
      rename_(new QAction(this)),
      tags_(new QAction(this)),
      candidate_(new QAction(this)),
      register_(new QAction(this)),
      delete_(new QAction(this)) {
  search_->setObjectName(QStringLiteral("runSearch"));
  count_->setObjectName(QStringLiteral("runCount"));
  columnsButton_->setObjectName(QStringLiteral("columnsButton"));
  columnsMenu_->setObjectName(QStringLiteral("columnsMenu"));
  table_->setObjectName(QStringLiteral("runTable"));
  compare_->setObjectName(QStringLiteral("compareAction"));
  rename_->setObjectName(QStringLiteral("renameAction"));
  tags_->setObjectName(QStringLiteral("tagsAction"));
  candidate_->setObjectName(QStringLiteral("candidateAction"));
  register_->setObjectName(QStringLiteral("registerModelAction"));
  delete_->setObjectName(QStringLiteral("deleteAction"));

  proxy_->setSourceModel(model_);
  proxy_->setSortRole(RunTableModel::SortRole);
  proxy_->setFilterRole(RunTableModel::SearchRole);
  proxy_->setFilterKeyColumn(RunTableModel::NameColumn);
  proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);

  table_->setModel(proxy_);
  table_->setSortingEnabled(true);
  table_->sortByColumn(RunTableModel::StartedColumn, Qt::DescendingOrder);  // newest first
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setAlternatingRowColors(true);
  table_->setWordWrap(false);
  table_->verticalHeader()->hide();
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
  table_->horizontalHeader()->setHighlightSections(false);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

  search_->setClearButtonEnabled(true);
  columnsButton_->setMenu(columnsMenu_);
  columnsButton_->setPopupMode(QToolButton::InstantPopup);
  candidate_->setCheckable(true);
  rename_->setShortcut(Qt::Key_F2);
  delete_->setShortcut(QKeySequence::Delete);
  for (QAction* action : {compare_, rename_, tags_, candidate_, delete_}) {
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
  }

  // The context menu offers the same actions; a right click selects the row under it first.
  table_->setContextMenuPolicy(Qt::ActionsContextMenu);
  auto* separator = new QAction(this);
  separator->setSeparator(true);
  auto* separator2 = new QAction(this);
  separator2->setSeparator(true);
  table_->addActions({compare_, separator, rename_, tags_, candidate_, register_, separator2, delete_});

  auto* bar = new QHBoxLayout;
  bar->addWidget(search_, 1);
  bar->addWidget(count_);
  for (QAction* action : {compare_, rename_, tags_, candidate_, delete_}) {
    QToolButton* button = actionButton(action, this);
    button->setObjectName(action->objectName().replace(QStringLiteral("Action"), QStringLiteral("Button")));
    bar->addWidget(button);
  }
  bar->addWidget(columnsButton_);
  auto* content = new QWidget(this);
  auto* contentLayout = new QVBoxLayout(content);
  contentLayout->setContentsMargins(0, 0, 0, 0);
  contentLayout->addLayout(bar);
  contentLayout->addWidget(table_, 1);
  stack_ = new PlaceholderStack(content, this);
  stack_->placeholder()->setObjectName(QStringLiteral("experimentsEmptyState"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(stack_);

  connect(search_, &QLineEdit::textChanged, this, [this](const QString& text) {
    proxy_->setFilterFixedString(text.trimmed());
    updateCount();
  });
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &ExperimentsPanel::onSelectionChanged);
  // Double-clicking a run opens it in full (the Run dock).
  connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
    if (index.isValid()) emit openRequested(model_->runAt(proxy_->mapToSource(index).row()).id);
  });
  connect(compare_, &QAction::triggered, this, [this] {
    if (const auto ids = selectedRunIds(); ids.size() >= 2) emit compareRequested(ids);
  });
  connect(delete_, &QAction::triggered, this, [this] {
    if (const auto ids = selectedRunIds(); !ids.isEmpty()) emit deleteRequested(ids);
  });
  connect(candidate_, &QAction::triggered, this, [this](bool checked) {
    if (const int row = singleSelectedRow(); row >= 0) emit candidateRequested(model_->runAt(row).id, checked);
  });
  connect(register_, &QAction::triggered, this, [this] {
    if (const int row = singleSelectedRow(); row >= 0) emit registerRequested(model_->runAt(row).id);
  });
  connect(rename_, &QAction::triggered, this, &ExperimentsPanel::askRename);
  connect(tags_, &QAction::triggered, this, &ExperimentsPanel::askTags);

  retranslate();
  rebuildColumnMenu();
  updateActions();
  updateCount();
  stack_->showContent(false);
}

void ExperimentsPanel::setRuns(std::vector<store::RunSummary> runs) {
  const QList<qint64> keep = selectedRunIds();
  const int sortColumn = table_->horizontalHeader()->sortIndicatorSection();
  const Qt::SortOrder sortOrder = table_->horizontalHeader()->sortIndicatorOrder();
  const QString sortKey = model_->headerData(sortColumn, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString();

  // A reset forgets the column widths; keep those the user has seen (or set) by column key.
  QHash<QString, int> widths;
  for (int column = 0; column < model_->columnCount(); ++column) {
    const QString key = model_->headerData(column, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString();
    if (sized_.contains(key)) widths.insert(key, table_->columnWidth(column));
  }

  resetting_ = true;  // the reset clears the selection; the caller hears only the final change
  model_->setRuns(std::move(runs));
  for (int column = 0; column < model_->columnCount(); ++column) {
    const QString key = model_->headerData(column, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString();
    if (widths.contains(key)) {
      table_->setColumnWidth(column, widths.value(key));
    } else if (model_->rowCount() > 0) {
      // Sized once from what it shows (Qt samples at most 1,000 rows), then left to the user.
      table_->resizeColumnToContents(column);
      const int widest = table_->fontMetrics().averageCharWidth() * 40;  // long names and tags elide
      if (table_->columnWidth(column) > widest) table_->setColumnWidth(column, widest);
      sized_.insert(key);
    }
  }
  // Metric columns come and go with the runs, so the sort and hidden columns follow their keys.
  for (int column = 0; column < model_->columnCount(); ++column)
    if (column != sortColumn &&
        model_->headerData(column, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString() == sortKey)
      table_->sortByColumn(column, sortOrder);
  rebuildColumnMenu();
  selectRuns(keep);
  resetting_ = false;

  stack_->showContent(model_->rowCount() > 0);
  updateCount();
  onSelectionChanged();
}

void ExperimentsPanel::setKpi(store::Kpi kpi) { model_->setKpi(std::move(kpi)); }

std::vector<int> ExperimentsPanel::selectedRows() const {
  // Read the ranges, not QItemSelectionModel::selectedRows(), which costs rows x ranges: with
  // thousands of scattered runs selected that takes seconds. Rows are selected whole.
  std::vector<int> rows;
  for (const QItemSelectionRange& range : table_->selectionModel()->selection())
    for (int row = range.top(); row <= range.bottom(); ++row) rows.push_back(row);
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

QList<qint64> ExperimentsPanel::selectedRunIds() const {
  const std::vector<int> rows = selectedRows();
  QList<qint64> ids;
  ids.reserve(static_cast<qsizetype>(rows.size()));
  for (int row : rows)
    ids.push_back(proxy_->index(row, RunTableModel::NameColumn).data(RunTableModel::RunIdRole).toLongLong());
  return ids;
}

void ExperimentsPanel::selectRuns(const QList<qint64>& ids) {
  std::vector<int> rows;
  rows.reserve(static_cast<std::size_t>(ids.size()));
  for (qint64 id : ids) {
    const int sourceRow = model_->rowOf(id);
    if (sourceRow < 0) continue;
    const QModelIndex row = proxy_->mapFromSource(model_->index(sourceRow, 0));
    if (row.isValid()) rows.push_back(row.row());
  }
  // One range per run of adjacent rows: Qt's selection queries cost per range.
  std::sort(rows.begin(), rows.end());
  QItemSelection selection;
  const int lastColumn = proxy_->columnCount() - 1;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t end = i + 1;
    while (end < rows.size() && rows[end] <= rows[end - 1] + 1) ++end;
    selection.select(proxy_->index(rows[i], 0), proxy_->index(rows[end - 1], lastColumn));
    i = end;
  }
  table_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
  if (!selection.isEmpty())
    table_->selectionModel()->setCurrentIndex(selection.first().topLeft(), QItemSelectionModel::NoUpdate);
}

QStringList ExperimentsPanel::hiddenColumns() const {
  QStringList keys(hidden_.begin(), hidden_.end());
  keys.sort();
  return keys;
}

void ExperimentsPanel::setHiddenColumns(const QStringList& keys) {
  hidden_ = QSet<QString>(keys.begin(), keys.end());
  hidden_.remove(QStringLiteral("name"));  // the name always shows, so a row is never blank
  rebuildColumnMenu();
}

void ExperimentsPanel::rebuildColumnMenu() {
  columnsMenu_->clear();
  for (int column = 0; column < model_->columnCount(); ++column) {
    const QString key = model_->headerData(column, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString();
    QAction* action =
        columnsMenu_->addAction(model_->headerData(column, Qt::Horizontal, RunTableModel::ColumnTitleRole).toString());
    action->setData(key);
    action->setCheckable(true);
    action->setChecked(!hidden_.contains(key));
    action->setEnabled(key != QLatin1String("name"));
    connect(action, &QAction::toggled, this, [this, key](bool shown) {
      if (shown)
        hidden_.remove(key);
      else
        hidden_.insert(key);
      applyHiddenColumns();
    });
  }
  applyHiddenColumns();
}

void ExperimentsPanel::applyHiddenColumns() {
  for (int column = 0; column < model_->columnCount(); ++column)
    table_->setColumnHidden(
        column, hidden_.contains(model_->headerData(column, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString()));
}

int ExperimentsPanel::singleSelectedRow() const {
  const std::vector<int> rows = selectedRows();
  if (rows.size() != 1) return -1;
  return proxy_->mapToSource(proxy_->index(rows.front(), 0)).row();
}

void ExperimentsPanel::updateActions() {
  const std::vector<int> rows = selectedRows();
  const int row = rows.size() == 1 ? proxy_->mapToSource(proxy_->index(rows.front(), 0)).row() : -1;
  compare_->setEnabled(rows.size() >= 2);
  rename_->setEnabled(row >= 0);
  tags_->setEnabled(row >= 0);
  candidate_->setEnabled(row >= 0);
  candidate_->setChecked(row >= 0 && model_->runAt(row).candidate);
  // Only a finished run that kept its model can be registered.
  register_->setEnabled(row >= 0 && model_->runAt(row).status == store::RunStatus::Finished && model_->runAt(row).hasModel);
  delete_->setEnabled(!rows.empty());
}

void ExperimentsPanel::updateCount() {
  const int total = model_->rowCount();
  const int shown = proxy_->rowCount();
  count_->setText(shown == total ? tr("%n runs", nullptr, total) : tr("%1 of %n runs", nullptr, total).arg(shown));
}

void ExperimentsPanel::onSelectionChanged() {
  if (resetting_) return;
  updateActions();
  const QList<qint64> ids = selectedRunIds();
  if (ids == lastSelection_) return;
  lastSelection_ = ids;
  emit selectionChanged(ids);
}

void ExperimentsPanel::askRename() {
  const int row = singleSelectedRow();
  if (row < 0) return;
  const auto& run = model_->runAt(row);
  const qint64 id = run.id;
  const QString before = QString::fromStdString(run.name);
  bool ok = false;
  const QString name =
      QInputDialog::getText(this, tr("Rename Run"), tr("&Name:"), QLineEdit::Normal, before, &ok).trimmed();
  if (ok && !name.isEmpty() && name != before) emit renameRequested(id, name);
}

void ExperimentsPanel::askTags() {
  const int row = singleSelectedRow();
  if (row < 0) return;
  const auto& run = model_->runAt(row);
  const qint64 id = run.id;
  QStringList before;
  for (const auto& tag : run.tags) before.push_back(QString::fromStdString(tag));
  bool ok = false;
  const QString text = QInputDialog::getText(this, tr("Tags"), tr("&Tags, separated by commas:"), QLineEdit::Normal,
                                             before.join(QStringLiteral(", ")), &ok);
  if (!ok) return;
  QStringList tags;
  for (const QString& part : text.split(u',', Qt::SkipEmptyParts))
    if (const QString tag = part.trimmed(); !tag.isEmpty() && !tags.contains(tag)) tags.push_back(tag);
  if (tags != before) emit tagsRequested(id, tags);
}

void ExperimentsPanel::retranslate() {
  search_->setPlaceholderText(tr("Search runs by name, algorithm, task or tag…"));
  columnsButton_->setText(tr("Columns"));
  columnsButton_->setToolTip(tr("Choose the columns the table shows"));
  compare_->setText(tr("Compare"));
  compare_->setToolTip(tr("Compare the selected runs side by side (select two or more)"));
  rename_->setText(tr("Rename…"));
  tags_->setText(tr("Tags…"));
  tags_->setToolTip(tr("Edit the tags of the selected run"));
  candidate_->setText(tr("Mark as Candidate"));
  candidate_->setToolTip(tr("The candidate is the run chosen for deployment; a project has at most one"));
  register_->setText(tr("Register Model…"));
  register_->setToolTip(tr("Register the selected run's model as a new version in the Models dock"));
  delete_->setText(tr("Delete"));
  delete_->setToolTip(tr("Delete the selected runs (Undo brings them back)"));
  EmptyStatePanel* empty = stack_->placeholder();
  empty->setTitle(tr("No runs yet"));
  empty->setText(tr("Train a model in the Training panel; every training is recorded here."));
  model_->retranslate();
  for (QAction* action : columnsMenu_->actions()) {
    const QString key = action->data().toString();
    for (int column = 0; column < model_->columnCount(); ++column)
      if (model_->headerData(column, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString() == key)
        action->setText(model_->headerData(column, Qt::Horizontal, RunTableModel::ColumnTitleRole).toString());
  }
  updateCount();
}

void ExperimentsPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace lathe::widgets
