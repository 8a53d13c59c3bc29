#include "app/cli/ModelCommand.h"

#include <fstream>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>

#include "app/cli/Cli.h"
#include "app/cli/CommandLine.h"
#include "app/cli/ConsoleJob.h"
#include "app/cli/WritableProject.h"
#include "engine/core/Error.h"
#include "engine/deploy/ModelBundle.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/deploy/RegisterModelJob.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/store/Project.h"

namespace lathe::cli {
namespace {

using nlohmann::ordered_json;

ordered_json versionJson(const deploy::ModelVersionInfo& info) {
  ordered_json schema = ordered_json::array();
  for (const auto& column : info.inputSchema)
    schema.push_back({{"name", column.name}, {"type", data::columnTypeName(column.type)}});
  return {{"id", info.id},
          {"model", info.model},
          {"version", info.version},
          {"alias", info.alias.empty() ? ordered_json(nullptr) : ordered_json(info.alias)},
          {"run", info.runId ? ordered_json(*info.runId) : ordered_json(nullptr)},
          {"task", info.task},
          {"algorithm", info.algorithm},
          {"target", info.target},
          {"threshold", info.threshold ? ordered_json(*info.threshold) : ordered_json(nullptr)},
          {"training_data_hash", info.trainingDataHash},
          {"metrics", info.metrics},
          {"input_schema", schema},
          {"created_at", info.createdAt}};
}

std::unique_ptr<store::Project> openReadOnly(const std::string& path) {
  store::ProjectOpenOptions options;
  options.readOnly = true;
  return store::Project::open(path, options);
}

std::int64_t runNumber(const std::string& text) {
  std::int64_t id = 0;
  const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (problem != std::errc() || end != text.data() + text.size() || id <= 0)
    throw UsageError{"RUN is a run id (see lathe runs), got '" + text + "'"};
  return id;
}

int registerModel(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 3) throw UsageError{"model register takes PROJECT RUN --name NAME"};
  const auto name = line.value("--name");
  if (!name) throw UsageError{"model register needs --name NAME"};
  std::shared_ptr<const store::Project> project = openWritableProject(line.positionals()[1]);
  deploy::RegisterModelJob job(project, runNumber(line.positionals()[2]), *name);
  runConsoleJob(job);
  if (line.flag("--json")) out << versionJson(job.registered()).dump() << '\n';
  else out << "registered run " << line.positionals()[2] << " as " << job.registered().reference() << '\n';
  return kExitOk;
}

int listModels(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 2) throw UsageError{"model list takes PROJECT"};
  auto project = openReadOnly(line.positionals()[1]);
  const auto versions = deploy::ModelRegistry(project->db()).allVersions();
  if (line.flag("--json")) {
    ordered_json list = ordered_json::array();
    for (const auto& info : versions) list.push_back(versionJson(info));
    out << ordered_json{{"models", list}}.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    return kExitOk;
  }
  if (versions.empty()) {
    out << "no registered models yet in " << project->path() << " (lathe model register PROJECT RUN --name NAME)\n";
    return kExitOk;
  }
  out << std::left << std::setw(24) << "model" << std::setw(9) << "version" << std::setw(12) << "alias" << std::setw(8)
      << "run" << std::setw(12) << "algorithm" << std::setw(12) << "task" << "registered\n";
  for (const auto& info : versions)
    out << std::setw(24) << info.model << std::setw(9) << info.version << std::setw(12) << info.alias << std::setw(8)
        << (info.runId ? std::to_string(*info.runId) : "-") << std::setw(12) << info.algorithm << std::setw(12)
        << info.task << info.createdAt << '\n';
  return kExitOk;
}

int setAlias(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 4) throw UsageError{"model alias takes PROJECT NAME:VERSION ALIAS [--reason TEXT]"};
  auto project = openWritableProject(line.positionals()[1]);
  deploy::ModelRegistry registry(project->db());
  const auto version = registry.resolve(line.positionals()[2]);
  const std::string alias = line.positionals()[3] == "none" ? "" : line.positionals()[3];
  registry.setAlias(version.id, alias, line.value("--reason").value_or(""));
  out << version.reference() << (alias.empty() ? " has no alias now" : " is " + alias + " now") << '\n';
  return kExitOk;
}

int history(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 3) throw UsageError{"model history takes PROJECT NAME"};
  auto project = openReadOnly(line.positionals()[1]);
  const auto events = deploy::ModelRegistry(project->db()).history(line.positionals()[2]);
  if (line.flag("--json")) {
    ordered_json list = ordered_json::array();
    for (const auto& e : events)
      list.push_back({{"version", e.version}, {"from", e.fromAlias}, {"to", e.toAlias}, {"reason", e.reason}, {"at", e.at}});
    out << ordered_json{{"history", list}}.dump() << '\n';
    return kExitOk;
  }
  for (const auto& e : events)
    out << e.at << "  " << e.model << ':' << e.version << "  " << (e.fromAlias.empty() ? "-" : e.fromAlias) << " -> "
        << (e.toAlias.empty() ? "-" : e.toAlias) << (e.reason.empty() ? "" : "  (" + e.reason + ")") << '\n';
  return kExitOk;
}

int exportModel(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 3) throw UsageError{"model export takes PROJECT NAME[:VERSION] --output FILE"};
  const auto output = line.value("--output");
  const auto xgboost = line.value("--xgboost-json");
  const auto encoder = line.value("--encoder");
  if (!output && !xgboost && !encoder) throw UsageError{"model export needs --output FILE, --xgboost-json FILE or --encoder FILE"};
  auto project = openReadOnly(line.positionals()[1]);
  deploy::ModelRegistry registry(project->db());
  const auto version = registry.resolve(line.positionals()[2]);
  const auto content = registry.content(version.id);
  if (output) {
    deploy::ModelBundle::write(content, *output);
    out << "exported " << version.reference() << " to " << *output << '\n';
  }
  if (xgboost) {
    const std::string json = deploy::ModelBundle::xgboostJson(content);
    std::ofstream file(*xgboost, std::ios::binary | std::ios::trunc);
    file << json;
    file.close();
    if (!file) throw Error(ErrorCode::Io, "cannot write the XGBoost model", {*xgboost});
    out << "exported " << version.reference() << "'s booster in XGBoost JSON to " << *xgboost << '\n';
    if (const std::size_t recipes = content.recipes.is_array() ? content.recipes.size() : 0; recipes > 0)
      out << "note: the booster only; rows fed to it must first go through " << version.reference() << "'s " << recipes
          << (recipes == 1 ? " recipe" : " recipes") << " (the bundle carries them)\n";
  }
  if (encoder) {
    // How the model turns columns into its features (the order, the one-hot levels, the
    // classes), so another tool can feed the exported booster exactly what Lathe feeds it.
    const auto model = experiments::TrainedModel::deserialize(content.modelBytes);
    std::ofstream file(*encoder, std::ios::binary | std::ios::trunc);
    file << model.encoder.state().dump(2) << '\n';
    file.close();
    if (!file) throw Error(ErrorCode::Io, "cannot write the encoder", {*encoder});
    out << "exported " << version.reference() << "'s feature encoding to " << *encoder << '\n';
  }
  return kExitOk;
}

}  // namespace

int runModel(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
  const CommandLine line(args, {{"--name", "--reason", "--output", "--xgboost-json", "--encoder"}, {}, {"--json"}});
  const std::string sub = line.positionals().empty() ? "" : line.positionals().front();
  if (sub == "register") return registerModel(line, out);
  if (sub == "list") return listModels(line, out);
  if (sub == "alias") return setAlias(line, out);
  if (sub == "history") return history(line, out);
  if (sub == "export") return exportModel(line, out);
  throw UsageError{"model takes register, list, alias, history or export (see lathe --help)"};
}

}  // namespace lathe::cli
