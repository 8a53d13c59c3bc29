#include "engine/pipeline/nodes/ImportNode.h"

#include <sys/stat.h>

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobContext.h"
#include "engine/pipeline/nodes/NodeSupport.h"
#include "engine/pipeline/nodes/TableLineage.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"

namespace lathe::pipeline {
namespace {

using nlohmann::json;

bool fromDataset(const json& parameters) { return NodeSupport::text(parameters, "source") == "dataset"; }

std::vector<std::string> check(const json& parameters) {
  std::vector<std::string> problems;
  const std::string source = NodeSupport::text(parameters, "source");
  if (source == "file") {
    NodeSupport::requireString(parameters, "path", problems, true);
    NodeSupport::requireString(parameters, "format", problems);
    if (problems.empty() && parameters["path"].get<std::string>().empty()) problems.push_back("choose a file to import");
  } else if (source == "dataset") {
    NodeSupport::requireString(parameters, "dataset", problems, true);
    const json& version = parameters["version"];
    if (!version.is_null() && !(version.is_number_integer() && version.get<std::int64_t>() >= 1))
      problems.push_back("\"version\" must be a version number (1, 2, ...) or null for the latest");
  } else {
    problems.push_back("\"source\" must be \"file\" or \"dataset\"");
  }
  return problems;
}

// Size and modification time (ns) of the file: a change either way makes the node stale.
std::string fileState(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "missing:" + path;
  return "file:" + path + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

std::string externalState(const json& parameters, const std::any& environment) {
  if (!fromDataset(parameters)) return fileState(NodeSupport::resolvePath(environment, NodeSupport::text(parameters, "path")));
  const PipelineEnvironment* env = PipelineEnvironment::of(environment);
  if (!env || !env->project) return "no project";
  store::Database db = env->project->connect();
  const auto version = ImportNode::chosenVersion(db, parameters);
  return version ? "version:" + std::to_string(version->id) + ":" + version->contentHash : "no such version";
}

std::vector<NodeValue> run(const NodeRunInput& input, jobs::JobContext& context) {
  const json& parameters = input.parameters;
  if (!fromDataset(parameters)) {
    data::ImportRequest request;
    request.path = NodeSupport::resolvePath(input, NodeSupport::text(parameters, "path"));
    request.format = NodeSupport::text(parameters, "format", "auto");
    auto result = data::DataImporter::import(request, context);
    auto table = std::make_shared<const data::Table>(std::move(result.table));
    NodeValue value = NodeValue::of(PortType::Table, table);
    value.lineage = TableLineage::source(*table);
    return {std::move(value)};
  }
  const auto project = NodeSupport::project(input, "importing a stored dataset");
  store::Database db = project->connect();
  const auto version = ImportNode::chosenVersion(db, parameters);
  const std::string name = NodeSupport::text(parameters, "dataset");
  if (!version) {
    const json& number = parameters["version"];
    throw Error(ErrorCode::InvalidArgument, number.is_null() ? "the project has no dataset \"" + name + "\""
                                                             : "dataset \"" + name + "\" has no version " + number.dump(),
                {project->path()}, name);
  }
  auto table = std::make_shared<const data::Table>(store::DatasetRepository(db).loadTable(version->id, {}, &context));
  // The stored content hash: a rerun that loads the same data leaves the nodes after it cached.
  NodeValue value = NodeValue::of(PortType::Table, table, "dataset:" + version->contentHash);
  value.lineage = TableLineage::source(*table);
  return {std::move(value)};
}

}  // namespace

std::optional<store::DatasetVersionInfo> ImportNode::chosenVersion(store::Database& db, const json& parameters) {
  const std::string name = NodeSupport::text(parameters, "dataset");
  const auto wanted = parameters.find("version");
  for (const auto& dataset : store::DatasetRepository(db).list()) {
    if (dataset.name != name || dataset.versions.empty()) continue;
    if (wanted == parameters.end() || !wanted->is_number_integer()) return dataset.versions.back();
    for (const auto& version : dataset.versions)
      if (version.version == wanted->get<std::int64_t>()) return version;
    return std::nullopt;
  }
  return std::nullopt;
}

NodeType ImportNode::type() {
  NodeType type;
  type.id = kId;
  type.title = "Import";
  type.outputs = {{"table", PortType::Table}};
  type.defaultParameters = {{"source", "file"}, {"path", ""}, {"format", "auto"}, {"dataset", ""}, {"version", nullptr}};
  type.check = check;
  type.run = run;
  type.externalState = externalState;
  return type;
}

}  // namespace lathe::pipeline
