#include "app/desktop/PipelineNodeEditors.h"

#include <QUndoStack>

#include "app/commands/SetNodeParametersCommand.h"
#include "app/desktop/PipelineController.h"
#include "app/desktop/RecipeController.h"
#include "app/desktop/TrainingController.h"
#include "app/desktop/TuningController.h"
#include "app/document/PipelineDocument.h"
#include "app/document/ProjectDocument.h"
#include "engine/pipeline/nodes/AutoMlNode.h"
#include "engine/pipeline/nodes/RecipeNode.h"
#include "engine/pipeline/nodes/TrainNode.h"
#include "engine/pipeline/nodes/TuneNode.h"

namespace lathe::app {
namespace {

const QString kRecipe = QString::fromLatin1(pipeline::RecipeNode::kId);
const QString kTrain = QString::fromLatin1(pipeline::TrainNode::kId);
const QString kTune = QString::fromLatin1(pipeline::TuneNode::kId);
const QString kAutoMl = QString::fromLatin1(pipeline::AutoMlNode::kId);

}  // namespace

PipelineNodeEditors::PipelineNodeEditors(PipelineController* pipeline, RecipeController* recipes,
                                         TrainingController* training, TuningController* tuning, QObject* parent)
    : QObject(parent), pipeline_(pipeline), recipes_(recipes), training_(training), tuning_(tuning) {
  pipeline_->setExternallyEdited({kRecipe, kTrain, kTune, kAutoMl});
  connect(pipeline_, &PipelineController::nodeEditRequested, this, &PipelineNodeEditors::edit);
  connect(recipes_, &RecipeController::nodeStepsEdited, this,
          [this](int node, const QString& action, const nlohmann::json&, const nlohmann::json& after) {
            const pipeline::GraphNode* shown = pipeline_->document()->graph().node(node);
            if (!shown) return;
            nlohmann::json parameters = shown->parameters;
            parameters["steps"] = after;
            push(node, tr("%1 in “%2”").arg(action, pipeline_->nodeTitle(node)), parameters);
          });
  connect(training_, &TrainingController::nodeApplyRequested, this, &PipelineNodeEditors::saveTraining);
  connect(training_, &TrainingController::nodeEditingEnded, this, &PipelineNodeEditors::saveTraining);
  connect(tuning_, &TuningController::nodeApplyRequested, this, &PipelineNodeEditors::saveTuning);
  connect(tuning_, &TuningController::nodeEditingEnded, this, &PipelineNodeEditors::saveTuning);
  connect(pipeline_->document(), &PipelineDocument::graphChanged, this, &PipelineNodeEditors::followGraph);
  connect(pipeline_->document(), &PipelineDocument::pipelineLoaded, this, [this] {
    recipes_->leaveNode();
    training_->leaveNode();
    tuning_->leaveNode();
  });
}

void PipelineNodeEditors::edit(int nodeId, const QString& type) {
  if (type != kRecipe && type != kTrain && type != kTune && type != kAutoMl) return;
  pipeline_->withInputTable(nodeId, 0, [this, nodeId, type](std::shared_ptr<const data::Table> input) {
    open(nodeId, type, std::move(input));
  });
}

bool PipelineNodeEditors::editing() const {
  return recipes_->editedNode() != 0 || training_->editedNode() != 0 || tuning_->editedNode() != 0;
}

void PipelineNodeEditors::open(int nodeId, const QString& type, std::shared_ptr<const data::Table> input) {
  const pipeline::GraphNode* node = pipeline_->document()->graph().node(nodeId);
  if (!node || QString::fromStdString(node->type) != type) return;  // gone while its input ran
  const QString title = pipeline_->nodeTitle(nodeId);
  if (type == kRecipe) {
    recipes_->editNode(nodeId, title, std::move(input), node->parameters.value("steps", nlohmann::json::array()));
    emit recipeEditorOpened();
  } else if (type == kTrain) {
    training_->editNode(nodeId, title, std::move(input), node->parameters);
    emit trainingEditorOpened();
  } else {
    tuning_->editNode(nodeId, title, type == kAutoMl, std::move(input), node->parameters);
    emit tuningEditorOpened();
  }
}

void PipelineNodeEditors::saveTraining(int nodeId) {
  if (training_->editedNode() != nodeId || !pipeline_->document()->graph().node(nodeId)) return;
  if (!training_->nodeChanged()) return;
  if (const QString problem = training_->nodeProblem(); !problem.isEmpty()) {
    emit notice(tr("“%1” keeps its settings: %2").arg(pipeline_->nodeTitle(nodeId), problem));
    return;
  }
  const nlohmann::json parameters = training_->nodeParameters();
  training_->nodeApplied(parameters);  // first: the push makes the canvas, and then the panel, follow
  push(nodeId, tr("Edit “%1”").arg(pipeline_->nodeTitle(nodeId)), parameters);
}

void PipelineNodeEditors::saveTuning(int nodeId) {
  if (tuning_->editedNode() != nodeId || !pipeline_->document()->graph().node(nodeId) || !tuning_->nodeChanged()) return;
  const nlohmann::json parameters = tuning_->nodeParameters();
  tuning_->nodeApplied(parameters);
  push(nodeId, tr("Edit “%1”").arg(pipeline_->nodeTitle(nodeId)), parameters);
}

void PipelineNodeEditors::push(int nodeId, const QString& text, const nlohmann::json& after) {
  const pipeline::GraphNode* node = pipeline_->document()->graph().node(nodeId);
  if (!node || node->parameters == after) return;
  auto* command = new SetNodeParametersCommand(pipeline_->document(), nodeId, pipeline_->nodeTitle(nodeId),
                                               node->parameters, after);
  command->setText(text);
  pipeline_->document()->project()->undoStack()->push(command);
}

void PipelineNodeEditors::followGraph() {
  const auto& graph = pipeline_->document()->graph();
  if (const int id = recipes_->editedNode(); id != 0) {
    if (const pipeline::GraphNode* node = graph.node(id))
      recipes_->showNodeSteps(node->parameters.value("steps", nlohmann::json::array()));
    else
      recipes_->leaveNode();
  }
  if (const int id = training_->editedNode(); id != 0) {
    if (const pipeline::GraphNode* node = graph.node(id)) training_->showNodeParameters(node->parameters);
    else training_->leaveNode();
  }
  if (const int id = tuning_->editedNode(); id != 0) {
    if (const pipeline::GraphNode* node = graph.node(id)) tuning_->showNodeParameters(node->parameters);
    else tuning_->leaveNode();
  }
}

}  // namespace lathe::app
