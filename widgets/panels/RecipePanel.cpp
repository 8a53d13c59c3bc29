#include "widgets/panels/RecipePanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/panels/NodeEditingBanner.h"
#include "widgets/panels/RecipeStepCatalog.h"
#include "widgets/panels/RecipeStepSummary.h"
#include "widgets/panels/StepParameterForm.h"

namespace lathe::widgets {

RecipePanel::RecipePanel(QWidget* parent)
    : QWidget(parent),
      list_(new QListWidget(this)),
      add_(new QToolButton(this)),
      addMenu_(new QMenu(this)),
      remove_(new QPushButton(this)),
      up_(new QPushButton(this)),
      down_(new QPushButton(this)),
      apply_(new QPushButton(this)),
      form_(new StepParameterForm(this)),
      status_(new QLabel(this)),
      banner_(new NodeEditingBanner(this)) {
  list_->setObjectName(QStringLiteral("recipeSteps"));
  add_->setObjectName(QStringLiteral("addStepButton"));
  remove_->setObjectName(QStringLiteral("removeStepButton"));
  up_->setObjectName(QStringLiteral("moveUpButton"));
  down_->setObjectName(QStringLiteral("moveDownButton"));
  apply_->setObjectName(QStringLiteral("applyRecipeButton"));
  form_->setObjectName(QStringLiteral("stepParameters"));
  status_->setObjectName(QStringLiteral("previewStatus"));
  addMenu_->setObjectName(QStringLiteral("addStepMenu"));
  add_->setMenu(addMenu_);
  add_->setPopupMode(QToolButton::InstantPopup);
  status_->setWordWrap(true);
  retranslate();

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add_);
  buttons->addWidget(remove_);
  buttons->addWidget(up_);
  buttons->addWidget(down_);
  buttons->addStretch(1);
  buttons->addWidget(apply_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(banner_);
  layout->addLayout(buttons);
  layout->addWidget(list_, 1);
  layout->addWidget(form_);
  layout->addWidget(status_);

  connect(list_, &QListWidget::currentRowChanged, this, [this] {
    showSelected();
    updateButtons();
  });
  connect(list_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    const int row = list_->row(item);
    if (row < 0 || row >= stepCount()) return;
    const bool on = item->checkState() == Qt::Checked;
    if (on != steps_[static_cast<std::size_t>(row)].enabled) emit enabledToggled(row, on);
  });
  connect(remove_, &QPushButton::clicked, this, [this] {
    if (currentIndex() >= 0) emit removeRequested(currentIndex());
  });
  connect(up_, &QPushButton::clicked, this, [this] {
    if (currentIndex() > 0) emit moveRequested(currentIndex(), currentIndex() - 1);
  });
  connect(down_, &QPushButton::clicked, this, [this] {
    const int i = currentIndex();
    if (i >= 0 && i + 1 < stepCount()) emit moveRequested(i, i + 1);
  });
  connect(apply_, &QPushButton::clicked, this, &RecipePanel::applyRequested);
  connect(form_, &StepParameterForm::parametersEdited, this, [this](const nlohmann::json& parameters) {
    if (formIndex_ >= 0) emit parametersEdited(formIndex_, parameters);
  });
  updateButtons();
}

void RecipePanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslate();
    {
      const QSignalBlocker blocker(list_);
      for (int i = 0; i < stepCount(); ++i) refreshRow(i);
    }
    rebuildForm();
  }
  QWidget::changeEvent(event);
}

void RecipePanel::retranslate() {
  remove_->setText(tr("Remove"));
  up_->setText(tr("Move up"));
  down_->setText(tr("Move down"));
  apply_->setText(tr("Apply"));
  add_->setText(tr("Add step"));
  apply_->setToolTip(tr("Run the recipe on all rows and store the result as a new version"));
  buildAddMenu();
}

void RecipePanel::buildAddMenu() {
  // Rebuilt whole on a language change: the submenus are the menu's children, and go with it.
  for (QMenu* sub : addMenu_->findChildren<QMenu*>(Qt::FindDirectChildrenOnly)) delete sub;
  addMenu_->clear();
  const auto steps = RecipeStepCatalog::steps();
  for (const QString& group : RecipeStepCatalog::groups()) {
    QMenu* sub = addMenu_->addMenu(group);
    for (const auto& step : steps) {
      if (step.group != group) continue;
      QAction* action = sub->addAction(step.title);
      action->setObjectName(QString::fromStdString(step.kind));
      const QString kind = QString::fromStdString(step.kind);
      connect(action, &QAction::triggered, this, [this, kind] { emit addRequested(kind); });
    }
  }
}

void RecipePanel::setSteps(const std::vector<RecipeStepView>& steps) {
  const int keep = currentIndex();
  steps_ = steps;
  {
    const QSignalBlocker blocker(list_);
    while (list_->count() > stepCount()) delete list_->takeItem(list_->count() - 1);
    while (list_->count() < stepCount()) {
      auto* item = new QListWidgetItem(list_);
      item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    }
    for (int i = 0; i < stepCount(); ++i) refreshRow(i);
    list_->setCurrentRow(std::min(keep, stepCount() - 1));
  }
  showSelected();
  updateButtons();
}

void RecipePanel::refreshRow(int index) {
  const auto& step = steps_[static_cast<std::size_t>(index)];
  QListWidgetItem* item = list_->item(index);
  QString summary = RecipeStepSummary::text(step.kind, step.parameters, datasets_);
  if (summary.isEmpty()) summary = RecipeStepSummary::elide(step.summary, RecipeStepSummary::kMaxLength);
  const QString number = QLocale().toString(index + 1);
  const QString title = RecipeStepCatalog::title(step.kind);
  QString text = summary.isEmpty() ? tr("%1. %2").arg(number, title) : tr("%1. %2 — %3").arg(number, title, summary);
  if (!step.error.isEmpty()) text += QStringLiteral("\n⚠ ") + step.error;
  item->setText(text);
  item->setToolTip(step.error.isEmpty() ? summary : step.error);
  item->setCheckState(step.enabled ? Qt::Checked : Qt::Unchecked);
  item->setForeground(!step.error.isEmpty() ? QBrush(Qt::red) : step.enabled ? QBrush() : QBrush(Qt::gray));
}

void RecipePanel::setColumns(const QStringList& names) {
  if (names == columns_) return;
  columns_ = names;
  rebuildForm();
}

void RecipePanel::setDatasetVersions(QList<QPair<qint64, QString>> versions) {
  if (versions == datasets_) return;
  datasets_ = std::move(versions);
  form_->setDatasets(datasets_, columnsOf_);
  {
    const QSignalBlocker blocker(list_);
    for (int i = 0; i < stepCount(); ++i) refreshRow(i);  // join and append name the dataset
  }
  rebuildForm();
}

void RecipePanel::setDatasetColumnLookup(std::function<QStringList(qint64)> columnsOf) {
  columnsOf_ = std::move(columnsOf);
  form_->setDatasets(datasets_, columnsOf_);
  rebuildForm();
}

void RecipePanel::rebuildForm() {
  formIndex_ = -1;
  showSelected();
}

void RecipePanel::setNodeEditing(const QString& nodeTitle) {
  banner_->setNodeTitle(nodeTitle);
  banner_->setApplyVisible(false);  // each edit is saved to the node as it is made
  apply_->hide();  // the banner's Apply to node saves instead of storing a new version
}

void RecipePanel::clearNodeEditing() {
  banner_->clear();
  apply_->show();
}

bool RecipePanel::isEditingNode() const { return !banner_->isHidden(); }

void RecipePanel::setPreviewStatus(const QString& text) { status_->setText(text); }
QString RecipePanel::previewStatus() const { return status_->text(); }

void RecipePanel::setError(int index, const QString& text) {
  if (index < 0 || index >= stepCount()) return;
  steps_[static_cast<std::size_t>(index)].error = text;
  const QSignalBlocker blocker(list_);
  refreshRow(index);
}

void RecipePanel::setApplyEnabled(bool enabled) {
  applyEnabled_ = enabled;
  updateButtons();
}

int RecipePanel::currentIndex() const { return list_->currentRow(); }

void RecipePanel::setCurrentIndex(int index) { list_->setCurrentRow(index); }

QString RecipePanel::stepText(int index) const {
  return index >= 0 && index < list_->count() ? list_->item(index)->text() : QString();
}

QString RecipePanel::stepToolTip(int index) const {
  return index >= 0 && index < list_->count() ? list_->item(index)->toolTip() : QString();
}

void RecipePanel::showSelected() {
  const int index = currentIndex();
  if (index < 0 || index >= stepCount()) {
    formIndex_ = -1;
    form_->clear();
    return;
  }
  const auto& step = steps_[static_cast<std::size_t>(index)];
  // Rebuilding the form under the user's cursor (after their own edit) would lose their place.
  if (index == formIndex_ && form_->kind() == step.kind && form_->parameters() == step.parameters) return;
  formIndex_ = index;
  form_->setStep(step.kind, step.parameters, columns_);
}

void RecipePanel::updateButtons() {
  const int index = currentIndex();
  remove_->setEnabled(index >= 0);
  up_->setEnabled(index > 0);
  down_->setEnabled(index >= 0 && index + 1 < stepCount());
  apply_->setEnabled(applyEnabled_ && stepCount() > 0);
}

}  // namespace lathe::widgets
