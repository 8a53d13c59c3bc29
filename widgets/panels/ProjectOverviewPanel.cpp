#include "widgets/panels/ProjectOverviewPanel.h"

#include <QAction>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

#include "widgets/panels/CostMatrixEditor.h"
#include "widgets/panels/EmptyStatePanel.h"
#include "widgets/panels/KpiEditor.h"
#include "widgets/panels/PlaceholderStack.h"

namespace lathe::widgets {
namespace {

enum Column { NameColumn, RowsColumn, ColumnsColumn, OriginColumn, ColumnCount };
enum Role { KindRole = Qt::UserRole, IdRole };
enum Kind { DatasetKind, VersionKind };

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

bool isKind(const QTreeWidgetItem* item, Kind kind) { return item && item->data(0, KindRole).toInt() == kind; }
qint64 idOf(const QTreeWidgetItem* item) { return item->data(0, IdRole).toLongLong(); }

// Keeps what the user is typing when a refresh arrives while the field has focus.
bool isBeingEdited(const QWidget* editor, const QString& shown, const std::string& committed) {
  return editor->hasFocus() && shown != fromStd(committed);
}

}  // namespace

ProjectOverviewPanel::ProjectOverviewPanel(QWidget* parent)
    : QWidget(parent),
      datasetsTitle_(new QLabel(this)),
      tree_(new QTreeWidget(this)),
      datasets_(new PlaceholderStack(tree_, this)),
      showInData_(new QAction(this)),
      autoMl_(new QAction(this)),
      rename_(new QAction(this)),
      delete_(new QAction(this)) {
  tree_->setObjectName(QStringLiteral("datasetTree"));
  tree_->setColumnCount(ColumnCount);
  tree_->setUniformRowHeights(true);
  tree_->setEditTriggers(QAbstractItemView::EditKeyPressed);  // F2; a double-click activates
  tree_->setContextMenuPolicy(Qt::CustomContextMenu);
  tree_->header()->setStretchLastSection(true);
  tree_->header()->setMinimumSectionSize(36);
  tree_->header()->resizeSection(NameColumn, 120);  // interactive: a 10 kB name must not take the row
  tree_->header()->setSectionResizeMode(RowsColumn, QHeaderView::ResizeToContents);
  tree_->header()->setSectionResizeMode(ColumnsColumn, QHeaderView::ResizeToContents);
  tree_->installEventFilter(this);
  datasets_->setObjectName(QStringLiteral("datasetPane"));
  datasets_->placeholder()->setObjectName(QStringLiteral("datasetsEmptyState"));
  datasetsTitle_->setObjectName(QStringLiteral("datasetsTitle"));
  QFont bold = datasetsTitle_->font();
  bold.setBold(true);
  datasetsTitle_->setFont(bold);

  showInData_->setObjectName(QStringLiteral("showInDataAction"));
  autoMl_->setObjectName(QStringLiteral("autoMlAction"));
  rename_->setObjectName(QStringLiteral("renameDatasetAction"));
  rename_->setShortcut(Qt::Key_F2);  // shown in the menu; the tree's own F2 edits the name
  rename_->setShortcutContext(Qt::WidgetShortcut);
  delete_->setObjectName(QStringLiteral("deleteDatasetAction"));
  delete_->setShortcut(QKeySequence::Delete);  // shown in the menu; eventFilter handles the key
  delete_->setShortcutContext(Qt::WidgetShortcut);
  connect(showInData_, &QAction::triggered, this, [this] { activate(tree_->currentItem()); });
  connect(autoMl_, &QAction::triggered, this, [this] {
    if (isKind(tree_->currentItem(), VersionKind)) emit autoMlRequested(idOf(tree_->currentItem()));
  });
  connect(rename_, &QAction::triggered, this, [this] {
    if (isKind(tree_->currentItem(), DatasetKind)) tree_->editItem(tree_->currentItem(), NameColumn);
  });
  connect(delete_, &QAction::triggered, this, [this] {
    if (isKind(tree_->currentItem(), DatasetKind) && !overview_.readOnly) emit deleteDatasetRequested(idOf(tree_->currentItem()));
  });
  connect(tree_, &QTreeWidget::itemActivated, this, &ProjectOverviewPanel::activate);
  connect(tree_, &QTreeWidget::itemChanged, this, &ProjectOverviewPanel::renameFromTree);
  connect(tree_, &QTreeWidget::currentItemChanged, this, &ProjectOverviewPanel::updateActions);
  connect(tree_, &QTreeWidget::customContextMenuRequested, this, &ProjectOverviewPanel::showContextMenu);

  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(buildAboutSection());

  auto* lower = new QWidget(this);
  auto* lowerLayout = new QVBoxLayout(lower);
  lowerLayout->setContentsMargins(6, 6, 6, 0);
  lowerLayout->addWidget(datasetsTitle_);
  lowerLayout->addWidget(datasets_, 1);

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->setChildrenCollapsible(false);
  splitter->addWidget(scroll);
  splitter->addWidget(lower);
  splitter->setStretchFactor(0, 1);  // the form scrolls when the dock is short
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);
  retranslate();
  setOverview({});
}

QWidget* ProjectOverviewPanel::buildAboutSection() {
  auto* about = new QWidget;
  banner_ = new QLabel(about);
  banner_->setObjectName(QStringLiteral("readOnlyBanner"));
  banner_->setWordWrap(true);
  banner_->setStyleSheet(QStringLiteral("QLabel#readOnlyBanner { background: #fff4d6; color: #5c4400; "
                                        "border: 1px solid #e6c96b; border-radius: 3px; padding: 4px 6px; }"));
  name_ = new QLineEdit(about);
  name_->setObjectName(QStringLiteral("projectName"));
  filePath_ = new QLineEdit(about);  // read-only line: a long path scrolls instead of widening the dock
  filePath_->setObjectName(QStringLiteral("projectFilePath"));
  filePath_->setReadOnly(true);
  filePath_->setFrame(false);
  filePath_->setFocusPolicy(Qt::ClickFocus);
  filePath_->setStyleSheet(QStringLiteral("QLineEdit { background: transparent; }"));
  counts_ = new QLabel(about);
  counts_->setObjectName(QStringLiteral("projectCounts"));
  counts_->setWordWrap(true);
  description_ = new QPlainTextEdit(about);
  description_->setObjectName(QStringLiteral("projectDescription"));
  goal_ = new QPlainTextEdit(about);
  goal_->setObjectName(QStringLiteral("projectGoal"));
  for (QPlainTextEdit* text : {description_, goal_}) {
    text->setTabChangesFocus(true);
    text->setMaximumHeight(text->fontMetrics().lineSpacing() * 4 + 12);
    text->installEventFilter(this);
  }
  kpi_ = new KpiEditor(about);
  kpi_->setObjectName(QStringLiteral("kpiEditor"));
  costsToggle_ = new QToolButton(about);
  costsToggle_->setObjectName(QStringLiteral("decisionCostsToggle"));
  costsToggle_->setCheckable(true);
  costsToggle_->setAutoRaise(true);
  costsToggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  costsToggle_->setArrowType(Qt::RightArrow);
  costs_ = new CostMatrixEditor(about);
  costs_->setObjectName(QStringLiteral("costMatrixEditor"));
  costs_->setVisible(false);

  connect(name_, &QLineEdit::editingFinished, this, &ProjectOverviewPanel::commitName);
  connect(kpi_, &KpiEditor::edited, this, [this] {
    store::ProjectInfo after = overview_.info;
    after.kpi = kpi_->kpi();
    commitInfo(after);
  });
  connect(costs_, &CostMatrixEditor::edited, this, [this] {
    store::ProjectInfo after = overview_.info;
    after.costs = costs_->costs();
    commitInfo(after);
  });
  connect(costsToggle_, &QToolButton::toggled, this, [this](bool open) {
    costsToggle_->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    costs_->setVisible(open);
  });

  auto* form = new QFormLayout;
  form->setRowWrapPolicy(QFormLayout::WrapLongRows);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  for (QWidget* field : std::initializer_list<QWidget*>{name_, filePath_, description_, goal_, kpi_}) {
    auto* label = new QLabel(about);
    label->setBuddy(field);
    formLabels_ << label;
    form->addRow(label, field);
  }
  auto* layout = new QVBoxLayout(about);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(banner_);
  layout->addLayout(form);
  layout->addWidget(counts_);
  layout->addWidget(costsToggle_);
  layout->addWidget(costs_);
  layout->addStretch(1);
  return about;
}

void ProjectOverviewPanel::setOverview(const ProjectOverview& overview) {
  const bool keepName = isBeingEdited(name_, name_->text(), overview_.info.name);
  const bool keepDescription = isBeingEdited(description_, description_->toPlainText(), overview_.info.description);
  const bool keepGoal = isBeingEdited(goal_, goal_->toPlainText(), overview_.info.goal);
  overview_ = overview;
  {
    const QSignalBlocker blockName(name_);
    if (!keepName) name_->setText(fromStd(overview_.info.name));
    if (!keepDescription) description_->setPlainText(fromStd(overview_.info.description));
    if (!keepGoal) goal_->setPlainText(fromStd(overview_.info.goal));
  }
  kpi_->setKpi(overview_.info.kpi);
  costs_->setCosts(overview_.info.costs);
  filePath_->setText(overview_.filePath);
  filePath_->setToolTip(overview_.filePath);
  filePath_->setCursorPosition(0);
  banner_->setVisible(overview_.readOnly);
  banner_->setText(overview_.readOnlyReason.isEmpty() ? tr("This project is read-only.") : overview_.readOnlyReason);
  for (QWidget* editor : std::initializer_list<QWidget*>{name_, description_, goal_, kpi_, costs_})
    editor->setEnabled(!overview_.readOnly);
  updateCounts();
  fillTree();
}

void ProjectOverviewPanel::commitInfo(const store::ProjectInfo& after) {
  if (overview_.readOnly || after == overview_.info) return;
  const store::ProjectInfo before = overview_.info;
  overview_.info = after;
  emit infoEdited(before, after);
}

void ProjectOverviewPanel::commitName() {
  const QString name = name_->text().trimmed();
  if (name.isEmpty()) {  // a project always has a name: an emptied field goes back
    const QSignalBlocker block(name_);
    name_->setText(fromStd(overview_.info.name));
    return;
  }
  store::ProjectInfo after = overview_.info;
  after.name = name.toStdString();
  commitInfo(after);
}

void ProjectOverviewPanel::commitTexts() {
  store::ProjectInfo after = overview_.info;
  after.description = description_->toPlainText().toStdString();
  after.goal = goal_->toPlainText().toStdString();
  commitInfo(after);
}

bool ProjectOverviewPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == description_ || watched == goal_) {
    // Committed when the user leaves the field or presses Ctrl+Enter, not per keystroke: one
    // undo step per edit. A context menu taking focus is not leaving.
    if (event->type() == QEvent::FocusOut && static_cast<QFocusEvent*>(event)->reason() != Qt::PopupFocusReason)
      commitTexts();
    if (event->type() == QEvent::KeyPress) {
      const auto* key = static_cast<QKeyEvent*>(event);
      if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
        commitTexts();
        return true;
      }
    }
  } else if (watched == tree_ && event->type() == QEvent::KeyPress &&
             static_cast<QKeyEvent*>(event)->matches(QKeySequence::Delete) && isKind(tree_->currentItem(), DatasetKind)) {
    delete_->trigger();
    return true;
  }
  return QWidget::eventFilter(watched, event);
}

void ProjectOverviewPanel::fillTree() {
  // Rebuilt from the overview, then the user's view of it is put back: which datasets were
  // open, the current and selected rows, the scroll position. Datasets new to the panel open.
  QSet<qint64> expanded, selectedDatasets, selectedVersions;
  std::optional<std::pair<int, qint64>> current;
  for (int i = 0; i < tree_->topLevelItemCount(); ++i)
    if (tree_->topLevelItem(i)->isExpanded()) expanded.insert(idOf(tree_->topLevelItem(i)));
  for (const QTreeWidgetItem* item : tree_->selectedItems())
    (isKind(item, DatasetKind) ? selectedDatasets : selectedVersions).insert(idOf(item));
  if (const QTreeWidgetItem* item = tree_->currentItem()) current = {{item->data(0, KindRole).toInt(), idOf(item)}};
  const int scroll = tree_->verticalScrollBar()->value();

  const QSignalBlocker block(tree_);
  tree_->clear();
  QSet<qint64> known;
  const QLocale locale;
  for (const store::DatasetInfo& dataset : overview_.datasets) {
    auto* item = new QTreeWidgetItem(tree_);
    item->setText(NameColumn, fromStd(dataset.name));
    item->setData(0, KindRole, DatasetKind);
    item->setData(0, IdRole, QVariant::fromValue<qint64>(dataset.id));
    if (!overview_.readOnly) item->setFlags(item->flags() | Qt::ItemIsEditable);
    if (!dataset.versions.empty()) {  // the dataset's row shows its latest version's shape
      item->setText(RowsColumn, locale.toString(static_cast<qlonglong>(dataset.versions.back().rowCount)));
      item->setText(ColumnsColumn, locale.toString(static_cast<qlonglong>(dataset.versions.back().columnCount)));
    }
    item->setText(OriginColumn, tr("%n versions", nullptr, static_cast<int>(dataset.versions.size())));
    for (const store::DatasetVersionInfo& version : dataset.versions) {
      auto* child = new QTreeWidgetItem(item);
      child->setText(NameColumn, tr("v%1", "a dataset version").arg(version.version));
      child->setText(RowsColumn, locale.toString(static_cast<qlonglong>(version.rowCount)));
      child->setText(ColumnsColumn, locale.toString(static_cast<qlonglong>(version.columnCount)));
      child->setText(OriginColumn, originText(version));
      child->setData(0, KindRole, VersionKind);
      child->setData(0, IdRole, QVariant::fromValue<qint64>(version.id));
      const QString tip = versionToolTip(version);
      for (int c = 0; c < ColumnCount; ++c) child->setToolTip(c, tip);
      if (selectedVersions.contains(version.id)) child->setSelected(true);
      if (current == std::pair<int, qint64>{VersionKind, version.id}) tree_->setCurrentItem(child, 0, QItemSelectionModel::NoUpdate);
    }
    for (int c : {RowsColumn, ColumnsColumn}) {
      item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
      for (int i = 0; i < item->childCount(); ++i) item->child(i)->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    item->setExpanded(expanded.contains(dataset.id) || !knownDatasets_.contains(dataset.id));
    if (selectedDatasets.contains(dataset.id)) item->setSelected(true);
    if (current == std::pair<int, qint64>{DatasetKind, dataset.id}) tree_->setCurrentItem(item, 0, QItemSelectionModel::NoUpdate);
    known.insert(dataset.id);
  }
  knownDatasets_ = known;
  tree_->verticalScrollBar()->setValue(scroll);
  datasets_->showContent(!overview_.datasets.empty());
  updateActions();
}

QString ProjectOverviewPanel::originText(const store::DatasetVersionInfo& version) const {
  const store::DatasetOrigin& origin = version.origin;
  if (origin.parentVersionId) {
    // The parent by its version number, and by its dataset's name when it is another dataset.
    QString parent = QStringLiteral("#%1").arg(*origin.parentVersionId);
    for (const store::DatasetInfo& dataset : overview_.datasets)
      for (const store::DatasetVersionInfo& v : dataset.versions)
        if (v.id == *origin.parentVersionId)
          parent = dataset.id == version.datasetId ? tr("v%1", "a dataset version").arg(v.version)
                                                   : QStringLiteral("%1 v%2").arg(fromStd(dataset.name)).arg(v.version);
    if (origin.recipeHash.empty()) return tr("from %1").arg(parent);
    return tr("from %1 by recipe %2").arg(parent, fromStd(origin.recipeHash).left(8));
  }
  return QFileInfo(fromStd(origin.sourcePath)).fileName();
}

QString ProjectOverviewPanel::versionToolTip(const store::DatasetVersionInfo& version) const {
  QStringList lines;
  if (!version.origin.sourcePath.empty()) lines << tr("Source file: %1").arg(fromStd(version.origin.sourcePath));
  if (!version.origin.recipeHash.empty()) lines << tr("Recipe: %1").arg(fromStd(version.origin.recipeHash));
  lines << tr("Content hash (SHA-256): %1").arg(fromStd(version.contentHash));
  lines << tr("Size in the project: %1").arg(QLocale().formattedDataSize(version.storedBytes));
  if (!version.createdAt.empty()) lines << tr("Created: %1").arg(fromStd(version.createdAt));
  return lines.join(QLatin1Char('\n'));
}

void ProjectOverviewPanel::updateCounts() {
  // tr() counts in int: a count past it (or a nonsensical negative one) is clamped, not wrapped.
  const auto n = [](qint64 count) { return static_cast<int>(std::clamp<qint64>(count, 0, INT_MAX)); };
  counts_->setText(tr("%n datasets", nullptr, n(static_cast<qint64>(overview_.datasets.size()))) + QStringLiteral(" · ") +
                   tr("%n runs", nullptr, n(overview_.runCount)) + QStringLiteral(" · ") +
                   tr("%n models", nullptr, n(overview_.modelCount)));
}

void ProjectOverviewPanel::updateActions() {
  QTreeWidgetItem* item = tree_->currentItem();
  const store::DatasetInfo* dataset = isKind(item, DatasetKind) ? datasetOf(item) : nullptr;
  const QString name = dataset ? fromStd(dataset->name) : QString();
  showInData_->setEnabled(isKind(item, VersionKind));
  autoMl_->setEnabled(isKind(item, VersionKind) && !overview_.readOnly);
  rename_->setEnabled(dataset && !overview_.readOnly);
  delete_->setEnabled(dataset && !overview_.readOnly);
  delete_->setText(dataset ? tr("Delete “%1”").arg(name) : tr("Delete Dataset"));
}

void ProjectOverviewPanel::showContextMenu(const QPoint& pos) {
  QTreeWidgetItem* item = tree_->itemAt(pos);
  if (!item) return;
  tree_->setCurrentItem(item);
  QMenu menu(this);
  if (isKind(item, VersionKind)) {
    menu.addAction(showInData_);
    menu.addAction(autoMl_);
  } else {
    menu.addAction(rename_);
    menu.addAction(delete_);
  }
  menu.exec(tree_->viewport()->mapToGlobal(pos));
}

void ProjectOverviewPanel::renameFromTree(QTreeWidgetItem* item, int column) {
  const store::DatasetInfo* dataset = column == NameColumn && isKind(item, DatasetKind) ? datasetOf(item) : nullptr;
  if (!dataset) return;
  const QString name = item->text(NameColumn).trimmed();
  {  // the row shows the stored name until the caller has renamed it and calls setOverview
    const QSignalBlocker block(tree_);
    item->setText(NameColumn, fromStd(dataset->name));
  }
  if (!name.isEmpty() && name != fromStd(dataset->name) && !overview_.readOnly)
    emit renameDatasetRequested(dataset->id, name);
}

void ProjectOverviewPanel::activate(QTreeWidgetItem* item) {
  if (isKind(item, VersionKind)) emit datasetVersionActivated(idOf(item));
}

const store::DatasetInfo* ProjectOverviewPanel::datasetOf(QTreeWidgetItem* item) const {
  if (!item) return nullptr;
  if (item->parent()) item = item->parent();
  for (const store::DatasetInfo& dataset : overview_.datasets)
    if (dataset.id == idOf(item)) return &dataset;
  return nullptr;
}

void ProjectOverviewPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void ProjectOverviewPanel::retranslate() {
  const QString labels[] = {tr("Name:"), tr("File:"), tr("Description:"), tr("Business goal:"), tr("KPI:")};
  for (int i = 0; i < formLabels_.size(); ++i) formLabels_[i]->setText(labels[i]);
  name_->setPlaceholderText(tr("Project name"));
  description_->setPlaceholderText(tr("What this project is about"));
  goal_->setPlaceholderText(tr("The business goal in your words, e.g. “Flag 80% of churners a month ahead”"));
  for (QPlainTextEdit* text : {description_, goal_}) text->setToolTip(tr("Saved when you leave the field or press Ctrl+Enter"));
  costsToggle_->setText(tr("Decision costs"));
  datasetsTitle_->setText(tr("Datasets"));
  tree_->setHeaderLabels({tr("Name"), tr("Rows"), tr("Columns"), tr("Origin")});
  datasets_->placeholder()->setTitle(tr("No datasets yet"));
  datasets_->placeholder()->setText(tr("Import data with File > Import Data (Ctrl+I) or drop a file here."));
  showInData_->setText(tr("Show in Data"));
  autoMl_->setText(tr("Run AutoML…"));
  autoMl_->setToolTip(tr("Try every algorithm on this version within a time budget"));
  rename_->setText(tr("Rename"));
  updateActions();
  updateCounts();
  fillTree();  // the "%n versions" and origin texts
  if (!overview_.readOnlyReason.isEmpty() || !overview_.readOnly) return;
  banner_->setText(tr("This project is read-only."));
}

}  // namespace lathe::widgets
