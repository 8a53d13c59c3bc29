#include "app/desktop/RecipeController.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QRegularExpression>
#include <QUndoStack>
#include <algorithm>
#include <exception>
#include <optional>

#include "app/commands/AddRecipeStepCommand.h"
#include "app/commands/EditRecipeStepCommand.h"
#include "app/commands/MoveRecipeStepCommand.h"
#include "app/commands/RemoveRecipeStepCommand.h"
#include "app/commands/SetRecipeStepEnabledCommand.h"
#include "app/document/ProjectDocument.h"
#include "app/document/RecipeDocument.h"
#include "app/jobs/JobManager.h"
#include "engine/core/Error.h"
#include "engine/store/DatasetRepository.h"
#include "engine/wrangle/ApplyRecipeJob.h"
#include "engine/wrangle/RecipePreview.h"
#include "engine/wrangle/StepRegistry.h"
#include "widgets/panels/NodeEditingBanner.h"
#include "widgets/panels/RecipePanel.h"
#include "widgets/panels/RecipeStepCatalog.h"
#include "widgets/panels/RecipeStepSummary.h"

namespace lathe::app {
namespace {

QStringList columnNames(const data::Table* table) {
  QStringList names;
  if (table)
    for (std::size_t i = 0; i < table->columnCount(); ++i) names << QString::fromStdString(table->column(i).name());
  return names;
}

// Recipe errors start "step N (kind): ..."; the index of that step, or -1.
int failingStep(const QString& message) {
  static const QRegularExpression pattern(QStringLiteral("^step (\\d+) \\("));
  const auto match = pattern.match(message);
  return match.hasMatch() ? match.captured(1).toInt() - 1 : -1;
}

}  // namespace

RecipeController::RecipeController(ProjectDocument* document, JobManager* jobs, widgets::RecipePanel* panel,
                                   QObject* parent)
    : QObject(parent), document_(document), jobs_(jobs), panel_(panel), recipe_(new RecipeDocument(this)) {
  using widgets::RecipePanel;
  connect(recipe_, &RecipeDocument::changed, this, &RecipeController::refresh);
  connect(panel_, &RecipePanel::addRequested, this, [this](const QString& kind) {
    const std::string k = kind.toStdString();
    nlohmann::json parameters = widgets::RecipeStepCatalog::defaultParameters(k, columnNames(source_.get()));
    if (parameters.contains("dataset_version"))
      if (const qint64 other = defaultOtherVersion(); other > 0) parameters["dataset_version"] = other;
    addStep(k, parameters);
  });
  connect(panel_, &RecipePanel::removeRequested, this, [this](int index) {
    if (index >= 0 && index < recipe_->size()) push(new RemoveRecipeStepCommand(recipe_, index));
  });
  connect(panel_, &RecipePanel::moveRequested, this, [this](int from, int to) {
    if (from >= 0 && to >= 0 && from < recipe_->size() && to < recipe_->size() && from != to) {
      push(new MoveRecipeStepCommand(recipe_, from, to));
      panel_->setCurrentIndex(to);
    }
  });
  connect(panel_, &RecipePanel::enabledToggled, this, [this](int index, bool enabled) {
    if (index >= 0 && index < recipe_->size() && recipe_->enabledAt(index) != enabled)
      push(new SetRecipeStepEnabledCommand(recipe_, index, enabled));
  });
  connect(panel_, &RecipePanel::parametersEdited, this, [this](int index, const nlohmann::json& parameters) {
    if (index < 0 || index >= recipe_->size()) return;
    if (parameters == recipe_->parametersAt(index)) return;
    if (check(recipe_->kindAt(index), parameters, tr("Edit step"), index)) {
      push(new EditRecipeStepCommand(recipe_, index, parameters));
    } else {
      refresh();  // show the step as it still is, then why the edit was refused
      check(recipe_->kindAt(index), parameters, tr("Edit step"), index);
    }
  });
  connect(panel_, &RecipePanel::applyRequested, this, &RecipeController::apply);
  connect(panel_->nodeBanner(), &widgets::NodeEditingBanner::doneRequested, this, [this] {
    const int node = nodeId_;
    leaveNode();
    if (node != 0) emit nodeEditingEnded(node);
  });
  connect(document_, &ProjectDocument::contentChanged, this, &RecipeController::refreshDatasets);
  connect(document_, &ProjectDocument::projectChanged, this, &RecipeController::refreshDatasets);
  // The join's keys in the other dataset: its stored schema, read without loading its data.
  panel_->setDatasetColumnLookup([this, alive = std::weak_ptr<int>(alive_)](qint64 versionId) {
    QStringList names;
    if (alive.expired() || !document_->hasProject()) return names;
    try {
      for (const auto& column : store::DatasetRepository(document_->project()->db()).columns(versionId))
        names << QString::fromStdString(column.name);
    } catch (const std::exception&) {
      // An unreadable schema offers no names; the preview reports the version's problem.
    }
    return names;
  });
  refreshDatasets();
  refresh();
}

void RecipeController::refreshDatasets() {
  QList<QPair<qint64, QString>> versions;
  try {
    const QLocale locale;
    for (const auto& dataset : document_->datasets()) {
      const QString name = widgets::RecipeStepSummary::elide(QString::fromStdString(dataset.name), 60);
      for (const auto& version : dataset.versions)
        versions.append({version.id, tr("%1 v%2").arg(name, locale.toString(version.version))});
    }
  } catch (const std::exception&) {
    // A project that cannot be read just now: nothing to pick; its reads report the problem.
  }
  panel_->setDatasetVersions(std::move(versions));
}

qint64 RecipeController::defaultOtherVersion() const {
  std::vector<store::DatasetInfo> datasets;
  try {
    datasets = document_->datasets();
  } catch (const std::exception&) {
    return versionId_;
  }
  qint64 sibling = 0;
  for (const auto& dataset : datasets) {
    if (dataset.versions.empty()) continue;
    const bool own = std::any_of(dataset.versions.begin(), dataset.versions.end(),
                                 [this](const store::DatasetVersionInfo& v) { return v.id == versionId_; });
    if (!own) return dataset.versions.back().id;
    for (const auto& version : dataset.versions)
      if (version.id != versionId_) sibling = version.id;
  }
  return sibling > 0 ? sibling : versionId_;
}

void RecipeController::push(QUndoCommand* command) {
  if (nodeId_ == 0) {
    document_->undoStack()->push(command);
    return;
  }
  // A node's recipe lives in the node: the edit becomes one undoable change of its parameters,
  // so undo and redo move the node and this dock together.
  const nlohmann::json before = nodeSteps();
  command->redo();
  const QString text = command->text();
  delete command;
  const nlohmann::json after = nodeSteps();
  if (after != before) emit nodeStepsEdited(nodeId_, text, before, after);
}

void RecipeController::editNode(int nodeId, const QString& title, std::shared_ptr<const data::Table> input,
                                const nlohmann::json& steps) {
  if (nodeId_ == 0) {
    datasetSource_ = source_;
    datasetVersionId_ = versionId_;
  }
  nodeId_ = nodeId;
  nodeTitle_ = title;
  source_ = std::move(input);
  versionId_ = -nodeId;  // no dataset version: no draft, no Apply
  panel_->setColumns(columnNames(source_.get()));
  panel_->setNodeEditing(title);
  showNodeSteps(steps);
}

void RecipeController::showNodeSteps(const nlohmann::json& steps) {
  if (nodeId_ == 0 || steps == nodeSteps()) return;
  try {
    recipe_->restore(versionId_, wrangle::Recipe::fromJson({{"version", 1}, {"steps", steps}}));
  } catch (const std::exception& e) {
    recipe_->reset(versionId_);
    panel_->setPreviewStatus(tr("The node's recipe cannot be read: %1").arg(QString::fromUtf8(e.what())));
  }
}

nlohmann::json RecipeController::nodeSteps() const {
  if (nodeId_ == 0 || recipe_->versionId() != versionId_) return nlohmann::json::array();
  return recipe_->recipe().toJson().value("steps", nlohmann::json::array());
}

void RecipeController::leaveNode() {
  if (nodeId_ == 0) return;
  nodeId_ = 0;
  panel_->clearNodeEditing();
  setSource(std::move(datasetSource_), datasetVersionId_);
  datasetSource_.reset();
}

void RecipeController::setSource(std::shared_ptr<const data::Table> table, qint64 versionId, bool keepEditedNode) {
  if (nodeId_ != 0) {
    // Another dataset shown: the node keeps its recipe (every edit is already in it).
    datasetSource_ = std::move(table);
    datasetVersionId_ = versionId;
    if (keepEditedNode) return;
    const int node = nodeId_;
    leaveNode();
    emit nodeEditingEnded(node);
    return;
  }
  source_ = std::move(table);
  panel_->setColumns(columnNames(source_.get()));
  refreshDatasets();
  if (versionId != versionId_) {
    versionId_ = versionId;
    // The recipe last edited on this version, kept in the project: an unapplied recipe is work
    // too, and survives closing the window.
    std::optional<wrangle::Recipe> draft;
    try {
      if (const auto saved = document_->viewState(draftKey(versionId)))
        draft = wrangle::Recipe::fromJson(nlohmann::json::parse(saved->toStdString()));
    } catch (const std::exception&) {
      // A draft this build cannot read (a step from a newer Lathe): start afresh.
    }
    if (draft) recipe_->restore(versionId, std::move(*draft));  // refreshes
    else recipe_->reset(versionId);
  } else {
    refresh();
  }
}

bool RecipeController::check(const std::string& kind, const nlohmann::json& parameters, const QString& action,
                             int index) {
  try {
    wrangle::StepRegistry::create(kind, parameters);
    return true;
  } catch (const std::exception& e) {
    // In the panel, not a message box: a half-typed formula is not worth interrupting anyone.
    const QString message = QString::fromUtf8(e.what());
    panel_->setPreviewStatus(tr("%1: %2").arg(action, message));
    panel_->setError(index, message);
    return false;
  }
}

void RecipeController::addStep(const std::string& kind, const nlohmann::json& parameters) {
  if (!check(kind, parameters, tr("Add step"), -1)) return;
  push(new AddRecipeStepCommand(recipe_, recipe_->size(), kind, parameters));
  panel_->setCurrentIndex(recipe_->size() - 1);
}

QString RecipeController::draftKey(qint64 versionId) {
  return QStringLiteral("recipe.draft.%1").arg(versionId);
}

void RecipeController::refresh() {
  if (versionId_ > 0 && recipe_->versionId() == versionId_)
    document_->setViewState(draftKey(versionId_), QString::fromStdString(recipe_->recipe().toJson().dump()));
  std::vector<widgets::RecipeStepView> steps;
  const auto& recipe = recipe_->recipe();
  for (std::size_t i = 0; i < recipe.size(); ++i) {
    const auto& entry = recipe.at(i);
    steps.push_back({entry.step->kind(), entry.step->parameters(), entry.enabled,
                     QString::fromStdString(entry.step->describe()), {}});
  }
  panel_->setSteps(steps);
  panel_->setApplyEnabled(!applying_ && versionId_ > 0 && document_->hasProject());
  runPreview();
}

void RecipeController::runPreview() {
  preview_.reset();
  if (!source_) {
    panel_->setPreviewStatus(tr("No dataset shown"));
    return;
  }
  bool anyEnabled = false;
  for (int i = 0; i < recipe_->size(); ++i) anyEnabled = anyEnabled || recipe_->enabledAt(i);
  if (!anyEnabled) {
    // Nothing to preview: the dataset itself, all of it, is the honest picture.
    panel_->setPreviewStatus(tr("Add a step to preview the recipe"));
    if (nodeId_ != 0) emit previewReady(source_, tr("What reaches “%1”").arg(nodeTitle_));
    else emit previewCleared();
    return;
  }
  QElapsedTimer timer;
  timer.start();
  try {
    wrangle::Recipe recipe = recipe_->recipe();
    if (document_->hasProject()) {
      store::DatasetRepository datasets(document_->project()->db());
      recipe.resolveInputs([&datasets](std::int64_t id) { return std::make_shared<const data::Table>(datasets.loadTable(id)); });
    }
    preview_ = std::make_shared<const data::Table>(wrangle::RecipePreview::run(recipe, *source_));
  } catch (const std::exception& e) {
    const QString message = QString::fromUtf8(e.what());
    panel_->setError(failingStep(message), message);
    panel_->setPreviewStatus(tr("Preview failed: %1").arg(message));
    return;
  }
  const QLocale locale;
  panel_->setPreviewStatus(tr("Preview: first %1 rows · %2 ms")
                               .arg(locale.toString(static_cast<qlonglong>(wrangle::RecipePreview::kDefaultRows)))
                               .arg(timer.elapsed()));
  emit previewReady(preview_, tr("Recipe preview (first %1 rows)")
                                  .arg(locale.toString(static_cast<qlonglong>(wrangle::RecipePreview::kDefaultRows))));
}

void RecipeController::apply() {
  if (applying_ || versionId_ <= 0 || !document_->hasProject() || recipe_->size() == 0) return;
  auto job = std::make_shared<wrangle::ApplyRecipeJob>(document_->project(), versionId_, recipe_->recipe(),
                                                       tr("Recipe").toStdString());
  applying_ = true;
  panel_->setApplyEnabled(false);
  // The window may close the controller before the job ends: then the callbacks do nothing.
  const std::weak_ptr<int> alive = alive_;
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, alive, job] {
    if (alive.expired()) return;
    document_->notifyContentChanged();
    emit applied(job->table(), job->newVersionId());
  };
  callbacks.failed = [this, alive](const QString& error) {
    if (alive.expired()) return;
    panel_->setPreviewStatus(tr("Apply failed: %1").arg(error));
    document_->reportFailure(tr("Apply recipe"), error);
  };
  callbacks.ended = [this, alive] {
    if (alive.expired()) return;
    applying_ = false;
    panel_->setApplyEnabled(versionId_ > 0 && document_->hasProject());
  };
  jobs_->submit(job, tr("Apply recipe"), callbacks);
}

}  // namespace lathe::app
