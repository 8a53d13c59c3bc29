#include "engine/pipeline/nodes/NodeCatalogue.h"

#include "engine/pipeline/nodes/AutoMlNode.h"
#include "engine/pipeline/nodes/CompareNode.h"
#include "engine/pipeline/nodes/EvaluateNode.h"
#include "engine/pipeline/nodes/ExportNode.h"
#include "engine/pipeline/nodes/ImportNode.h"
#include "engine/pipeline/nodes/NoteNode.h"
#include "engine/pipeline/nodes/PredictNode.h"
#include "engine/pipeline/nodes/RecipeNode.h"
#include "engine/pipeline/nodes/SplitNode.h"
#include "engine/pipeline/nodes/TrainNode.h"
#include "engine/pipeline/nodes/TuneNode.h"

namespace lathe::pipeline {

std::shared_ptr<const NodeRegistry> NodeCatalogue::shared() {
  static const std::shared_ptr<const NodeRegistry> registry = [] {
    auto made = std::make_shared<NodeRegistry>();
    made->add(ImportNode::type());
    made->add(RecipeNode::type());
    made->add(SplitNode::type());
    made->add(TrainNode::type());
    made->add(TuneNode::type());
    made->add(AutoMlNode::type());
    made->add(EvaluateNode::type());
    made->add(CompareNode::type());
    made->add(PredictNode::type());
    made->add(ExportNode::type());
    made->add(NoteNode::type());
    return std::shared_ptr<const NodeRegistry>(std::move(made));
  }();
  return registry;
}

const NodeRegistry& NodeCatalogue::standard() { return *shared(); }

}  // namespace lathe::pipeline
