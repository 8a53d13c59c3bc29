#include "engine/pipeline/DemoProject.h"

#include <memory>

#include "engine/data/ArffReader.h"
#include "engine/jobs/JobContext.h"
#include "engine/pipeline/nodes/CompareNode.h"
#include "engine/pipeline/nodes/EvaluateNode.h"
#include "engine/pipeline/nodes/ImportNode.h"
#include "engine/pipeline/nodes/RecipeNode.h"
#include "engine/pipeline/nodes/SplitNode.h"
#include "engine/pipeline/nodes/TrainNode.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/PipelineRepository.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectFiles.h"

namespace lathe::pipeline {

using nlohmann::json;

store::ProjectInfo DemoProject::info() {
  store::ProjectInfo info;
  info.name = kName;
  info.description = "The demo project: 1,000 credit applicants of a German bank (Weka's credit-g), each "
                     "classed as a good or a bad credit risk.";
  info.goal = "Approve credit to good applicants while limiting losses from bad ones";
  info.kpi = {"roc_auc", true, 0.75};
  // The encoder orders classes by name: "bad" is class 0 and "good" class 1, the positive class,
  // so a positive prediction approves the credit. Calling a bad credit good (approving a bad
  // applicant) is a false positive and costs 5; calling a good credit bad (turning a good
  // applicant away) is a false negative and costs 1. Costs are negative values.
  info.costs.truePositive = 0.0;
  info.costs.trueNegative = 0.0;
  info.costs.falsePositive = -5.0;
  info.costs.falseNegative = -1.0;
  return info;
}

Graph DemoProject::pipeline() {
  Graph graph;
  constexpr double step = 240.0;
  constexpr double row = 170.0;
  const int import = graph.addNode(ImportNode::kId, {{"source", "dataset"}, {"dataset", kDataset}, {"version", nullptr}},
                                   0.0, 0.0, "Import credit-g");
  // Skewed amounts: their log is closer to what a linear model can use; no fitted state, so
  // nothing is learned from the rows Split later holds out.
  const json steps = json::array({{{"kind", "log"}, {"enabled", true},
                                   {"parameters", {{"columns", {"credit_amount"}}, {"log1p", false}}}}});
  const int recipe = graph.addNode(RecipeNode::kId, {{"steps", steps}}, step, 0.0, "Log of credit amount");
  const int split = graph.addNode(SplitNode::kId, {{"test_fraction", 0.25}, {"seed", nullptr}, {"stratify", kTarget}},
                                  2 * step, 0.0, "Split 75 / 25");
  graph.addLink(import, 0, recipe, 0);
  graph.addLink(recipe, 0, split, 0);

  struct Model {
    const char* algorithm;
    const char* title;
    json parameters;
  };
  const Model models[] = {{"logistic", "Logistic regression", {{"max_iter", 1000}}},
                          {"forest", "Random forest", {{"n_estimators", 200}}},
                          {"xgboost", "XGBoost", {{"n_estimators", 100}, {"max_depth", 3}, {"learning_rate", 0.1}}}};
  const int compare = graph.addNode(CompareNode::kId, json::object(), 5 * step, 0.0, "Compare");
  for (int i = 0; i < 3; ++i) {
    const Model& model = models[i];
    const double y = (i - 1) * row;
    const int train = graph.addNode(TrainNode::kId,
                                    {{"algorithm", model.algorithm},
                                     {"target", kTarget},
                                     {"parameters", model.parameters},
                                     {"validation", {{"scheme", "cv"}, {"folds", 5}}},
                                     {"seed", nullptr},
                                     // Off to keep the demo quick; the training panel draws it on demand.
                                     {"learning_curve", false}},
                                    3 * step, y, model.title);
    const int evaluate = graph.addNode(EvaluateNode::kId, {{"split", "test"}}, 4 * step, y,
                                       std::string("Evaluate ") + model.title);
    graph.addLink(split, 0, train, 0);
    graph.addLink(train, 0, evaluate, 0);
    graph.addLink(split, 1, evaluate, 1);
    graph.addLink(evaluate, 0, compare, i);
  }
  return graph;
}

void DemoProject::write(const std::string& path, std::string_view creditArff, const jobs::JobContext& context) {
  const auto reading = context.subRange(0.0, 0.3);
  data::ImportResult imported = data::readArffBytes(creditArff, "credit-g.arff", reading);
  context.throwIfStopped();
  std::unique_ptr<store::Project> project = store::Project::create(path, info());
  try {
    store::DatasetOrigin origin;
    origin.sourcePath = "credit-g.arff";
    origin.importOptionsJson = json{{"format", "arff"}, {"demo", true}}.dump();
    const auto storing = context.subRange(0.3, 0.95);
    store::DatasetRepository(project->db()).addDataset(kDataset, imported.table, origin, &storing);
    context.throwIfStopped();
    store::PipelineRepository(project->db()).save(kPipeline, pipeline().toJson().dump());
  } catch (...) {
    // A half-made demo is not left behind (Cancel, a full disk).
    project.reset();
    store::ProjectFiles::removeWithSidecars(path);
    throw;
  }
  context.progress(1.0, "Demo project written");
}

}  // namespace lathe::pipeline
