#include "engine/pipeline/nodes/SplitNode.h"

#include <string_view>
#include <unordered_map>

#include "engine/core/Error.h"
#include "engine/data/ColumnGather.h"
#include "engine/eval/DataSplit.h"
#include "engine/jobs/JobContext.h"
#include "engine/pipeline/nodes/NodeSupport.h"

namespace lathe::pipeline {
namespace {

using nlohmann::json;

std::vector<std::string> check(const json& parameters) {
  std::vector<std::string> problems;
  NodeSupport::requireFraction(parameters, "test_fraction", problems);
  NodeSupport::requireSeed(parameters, problems);
  NodeSupport::requireString(parameters, "stratify", problems);
  return problems;
}

// Each row's class in `column` as an index; missing values are a class of their own.
std::vector<double> classesOf(const data::Column& column) {
  std::vector<double> y(column.size());
  if (column.type() == data::ColumnType::Categorical) {
    const double missing = static_cast<double>(column.levels().size());
    const auto codes = column.codes();
    for (std::size_t row = 0; row < y.size(); ++row) y[row] = codes[row] >= 0 ? codes[row] : missing;
    return y;
  }
  std::unordered_map<std::string, double> index;
  for (std::size_t row = 0; row < y.size(); ++row) {
    const std::string key = column.isValid(row) ? "v" + column.displayText(row) : std::string("missing");
    y[row] = index.emplace(key, static_cast<double>(index.size())).first->second;
  }
  return y;
}

std::vector<NodeValue> run(const NodeRunInput& input, jobs::JobContext& context) {
  const auto source = NodeSupport::table(input, 0, "table");
  const std::string stratify = NodeSupport::text(input.parameters, "stratify");
  eval::HoldoutOptions options;
  options.testFraction = input.parameters["test_fraction"].get<double>();
  options.seed = NodeSupport::seed(input);
  std::vector<double> y(source->rowCount(), 0.0);
  ml::Task task = ml::Task::Regression;  // a plain shuffle
  if (!stratify.empty()) {
    const auto column = source->indexOf(stratify);
    if (!column) throw Error(ErrorCode::InvalidArgument, "there is no column \"" + stratify + "\" to stratify by", {}, stratify);
    y = classesOf(source->column(*column));
    task = ml::Task::Multiclass;
  }
  const eval::HoldoutSplit split = eval::DataSplit::holdout(y, task, options);
  context.throwIfStopped();
  auto train = std::make_shared<const data::Table>(data::gatherTable(*source, split.train));
  context.progress(0.5, "training rows");
  context.throwIfStopped();
  auto test = std::make_shared<const data::Table>(data::gatherTable(*source, split.test));
  std::vector<NodeValue> out{NodeValue::of(PortType::Table, std::move(train)), NodeValue::of(PortType::Table, std::move(test))};
  for (auto& value : out) value.lineage = input.inputs[0]->lineage;  // rows chosen, columns as made
  return out;
}

}  // namespace

NodeType SplitNode::type() {
  NodeType type;
  type.id = kId;
  type.title = "Split";
  type.inputs = {{"table", PortType::Table}};
  type.outputs = {{"train", PortType::Table}, {"test", PortType::Table}};
  type.defaultParameters = {{"test_fraction", 0.25}, {"seed", nullptr}, {"stratify", ""}};
  type.check = check;
  type.run = run;
  return type;
}

}  // namespace lathe::pipeline
