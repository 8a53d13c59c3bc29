#include "engine/pipeline/nodes/NodeSupport.h"

#include <cmath>
#include <filesystem>

#include "engine/core/Error.h"
#include "engine/store/Project.h"

namespace lathe::pipeline {

std::shared_ptr<const data::Table> NodeSupport::table(const NodeRunInput& input, std::size_t port,
                                                      const std::string& what) {
  auto table = input.input<data::Table>(port);
  if (!table) throw Error(ErrorCode::InvalidArgument, "no table arrived on the input \"" + what + "\"");
  return table;
}

std::shared_ptr<const store::Project> NodeSupport::project(const NodeRunInput& input, const std::string& who) {
  const PipelineEnvironment* environment = PipelineEnvironment::of(input);
  if (!environment || !environment->project)
    throw Error(ErrorCode::InvalidArgument, who + " needs a project: open or create one first");
  return environment->project;
}

std::uint64_t NodeSupport::seed(const NodeRunInput& input) {
  const auto found = input.parameters.find("seed");
  if (found != input.parameters.end() && found->is_number_unsigned()) return found->get<std::uint64_t>();
  if (found != input.parameters.end() && found->is_number_integer() && found->get<std::int64_t>() >= 0)
    return static_cast<std::uint64_t>(found->get<std::int64_t>());
  const PipelineEnvironment* environment = PipelineEnvironment::of(input);
  return environment ? environment->seed : 0;
}

std::string NodeSupport::title(const NodeRunInput& input, const std::string& fallback) {
  const PipelineEnvironment* environment = PipelineEnvironment::of(input);
  const std::string title = environment ? environment->titleOf(input.node) : std::string();
  return title.empty() ? fallback : title;
}

void NodeSupport::requireString(const nlohmann::json& parameters, const std::string& key,
                                std::vector<std::string>& problems, bool nonEmpty) {
  const auto found = parameters.find(key);
  if (found == parameters.end() || !found->is_string())
    problems.push_back("\"" + key + "\" must be text");
  else if (nonEmpty && found->get<std::string>().empty())
    problems.push_back("\"" + key + "\" must not be empty");
}

void NodeSupport::requireSeed(const nlohmann::json& parameters, std::vector<std::string>& problems) {
  const auto found = parameters.find("seed");
  if (found == parameters.end() || found->is_null() || found->is_number_unsigned()) return;
  if (found->is_number_integer() && found->get<std::int64_t>() >= 0) return;
  problems.push_back("\"seed\" must be a whole number >= 0, or null for the pipeline's seed");
}

void NodeSupport::requireFraction(const nlohmann::json& parameters, const std::string& key,
                                  std::vector<std::string>& problems) {
  const auto found = parameters.find(key);
  if (found == parameters.end() || !found->is_number() || !(found->get<double>() > 0.0 && found->get<double>() < 1.0))
    problems.push_back("\"" + key + "\" must be a fraction between 0 and 1, e.g. 0.25");
}

std::string NodeSupport::text(const nlohmann::json& parameters, const std::string& key, const std::string& fallback) {
  const auto found = parameters.find(key);
  return found != parameters.end() && found->is_string() ? found->get<std::string>() : fallback;
}

std::string NodeSupport::resolvePath(const NodeRunInput& input, const std::string& path) {
  return resolvePath(input.environment, path);
}

std::string NodeSupport::resolvePath(const std::any& environment, const std::string& path) {
  const std::filesystem::path given(path);
  if (path.empty() || given.is_absolute()) return path;
  const PipelineEnvironment* env = PipelineEnvironment::of(environment);
  if (!env || !env->project) return path;
  return (std::filesystem::path(env->project->path()).parent_path() / given).lexically_normal().string();
}

}  // namespace lathe::pipeline
