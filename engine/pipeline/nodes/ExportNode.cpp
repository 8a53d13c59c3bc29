#include "engine/pipeline/nodes/ExportNode.h"

#include "engine/core/Error.h"
#include "engine/data/CsvWriter.h"
#include "engine/jobs/JobContext.h"
#include "engine/pipeline/nodes/NodeSupport.h"

namespace lathe::pipeline {
namespace {

using nlohmann::json;

std::vector<std::string> check(const json& parameters) {
  std::vector<std::string> problems;
  NodeSupport::requireString(parameters, "path", problems, true);
  if (!parameters["bom"].is_boolean()) problems.push_back("\"bom\" must be true or false");
  return problems;
}

std::vector<NodeValue> run(const NodeRunInput& input, jobs::JobContext& context) {
  const auto table = input.input<data::Table>(0);
  const auto predictions = input.input<data::Table>(1);
  if (table && predictions)
    throw Error(ErrorCode::InvalidArgument, "connect a table or predictions to export, not both");
  const auto written = table ? table : predictions;
  if (!written) throw Error(ErrorCode::InvalidArgument, "connect a table or predictions to export");
  data::CsvWriteOptions options;
  options.utf8Bom = input.parameters["bom"].get<bool>();
  data::writeCsv(*written, NodeSupport::resolvePath(input, NodeSupport::text(input.parameters, "path")), options, context);
  return {NodeValue::of(PortType::Table, written)};
}

}  // namespace

NodeType ExportNode::type() {
  NodeType type;
  type.id = kId;
  type.title = "Export";
  type.inputs = {{"table", PortType::Table, true}, {"predictions", PortType::Predictions, true}};
  type.outputs = {{"table", PortType::Table}};
  type.defaultParameters = {{"path", ""}, {"bom", false}};
  type.check = check;
  type.run = run;
  return type;
}

}  // namespace lathe::pipeline
