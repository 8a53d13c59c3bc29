#include "app/cli/EndpointCommand.h"

#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>

#include "app/cli/Cli.h"
#include "app/cli/CommandLine.h"
#include "app/cli/ConsoleJob.h"
#include "app/cli/WritableProject.h"
#include "engine/deploy/AbTestJob.h"
#include "engine/deploy/CanaryRelease.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/deploy/RequestLogSummary.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectInfoRepository.h"

namespace lathe::cli {
namespace {

using nlohmann::ordered_json;

// NAME:VERSION=WEIGHT, the version resolved in the registry ("credit:production=0.9" too).
deploy::EndpointVariant parseVariant(deploy::ModelRegistry& registry, const std::string& spec, const std::string& role) {
  const auto equals = spec.rfind('=');
  if (equals == std::string::npos || equals == 0) throw UsageError{"--variant takes NAME:VERSION=WEIGHT, got '" + spec + "'"};
  const std::string weightText = spec.substr(equals + 1);
  double weight = 0.0;
  const auto [end, problem] = std::from_chars(weightText.data(), weightText.data() + weightText.size(), weight);
  if (problem != std::errc() || end != weightText.data() + weightText.size())
    throw UsageError{"the weight of '" + spec + "' is not a number"};
  const auto version = registry.resolve(spec.substr(0, equals));
  return {version.reference(), version.id, weight, role};
}

ordered_json endpointJson(const deploy::EndpointInfo& info, bool withToken) {
  ordered_json variants = ordered_json::array();
  for (const auto& v : info.variants)
    variants.push_back({{"name", v.name}, {"model_version", v.modelVersionId}, {"weight", v.weight}, {"role", v.role}});
  ordered_json out{{"name", info.name}, {"variants", variants}, {"settings", info.settings},
                   {"created_at", info.createdAt}, {"modified_at", info.modifiedAt}};
  if (withToken) out["token"] = info.token;
  return out;
}

std::unique_ptr<store::Project> openReadOnly(const std::string& path) {
  store::ProjectOpenOptions options;
  options.readOnly = true;
  return store::Project::open(path, options);
}

int create(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 3) throw UsageError{"endpoint create takes PROJECT NAME --variant NAME:VERSION=WEIGHT..."};
  auto project = openWritableProject(line.positionals()[1]);
  deploy::ModelRegistry registry(project->db());
  std::vector<deploy::EndpointVariant> variants;
  for (const auto& spec : line.values("--variant")) variants.push_back(parseVariant(registry, spec, "variant"));
  if (const auto canary = line.value("--canary")) variants.push_back(parseVariant(registry, *canary, "canary"));
  if (variants.empty()) throw UsageError{"endpoint create needs at least one --variant NAME:VERSION=WEIGHT"};
  nlohmann::json settings = nlohmann::json::object();
  if (const auto key = line.value("--key-column")) settings["key_column"] = *key;
  if (const auto sampling = line.number<double>("--sampling")) {
    if (!(*sampling >= 0.0 && *sampling <= 1.0)) throw UsageError{"--sampling is a share between 0 and 1"};
    settings["sampling"] = *sampling;
  }
  const auto info = deploy::EndpointRegistry(project->db()).create(line.positionals()[2], variants, settings);
  if (line.flag("--json")) {
    out << endpointJson(info, true).dump() << '\n';
    return kExitOk;
  }
  out << "endpoint " << info.name << " created; its token: " << info.token << '\n';
  for (const auto& v : info.variants) out << "  " << v.name << "  weight " << v.weight << (v.role == "canary" ? "  (canary)" : "") << '\n';
  return kExitOk;
}

int list(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 2) throw UsageError{"endpoint list takes PROJECT"};
  auto project = openReadOnly(line.positionals()[1]);
  const auto endpoints = deploy::EndpointRegistry(project->db()).list();
  if (line.flag("--json")) {
    ordered_json all = ordered_json::array();
    for (const auto& e : endpoints) all.push_back(endpointJson(e, false));
    out << ordered_json{{"endpoints", all}}.dump() << '\n';
    return kExitOk;
  }
  if (endpoints.empty()) out << "no endpoints yet (lathe endpoint create PROJECT NAME --variant NAME:VERSION=WEIGHT)\n";
  for (const auto& e : endpoints) {
    out << e.name << '\n';
    for (const auto& v : e.variants) out << "  " << v.name << "  weight " << v.weight << (v.role == "canary" ? "  (canary)" : "") << '\n';
  }
  return kExitOk;
}

int show(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 3) throw UsageError{"endpoint show takes PROJECT NAME"};
  auto project = openReadOnly(line.positionals()[1]);
  deploy::EndpointRegistry endpoints(project->db());
  const auto info = endpoints.get(line.positionals()[2]);
  const auto traffic = deploy::RequestLogSummary::of(project->db(), info.id);
  const auto events = endpoints.events(info.name);
  if (line.flag("--json")) {
    ordered_json json = endpointJson(info, true);
    ordered_json variants = ordered_json::object();
    for (const auto& t : traffic)
      variants[t.variant] = {{"requests", t.requests}, {"rows", t.rows}, {"errors", t.errors},
                             {"p50_ms", t.p50Milliseconds}, {"p99_ms", t.p99Milliseconds}};
    json["traffic"] = variants;
    ordered_json history = ordered_json::array();
    for (const auto& e : events) history.push_back({{"kind", e.kind}, {"reason", e.reason}, {"at", e.at}, {"detail", e.detail}});
    json["events"] = history;
    out << json.dump() << '\n';
    return kExitOk;
  }
  out << info.name << "  token " << info.token << '\n';
  for (const auto& v : info.variants) out << "  " << v.name << "  weight " << v.weight << (v.role == "canary" ? "  (canary)" : "") << '\n';
  for (const auto& t : traffic)
    out << "  traffic " << t.variant << ": " << t.requests << " requests, " << t.rows << " rows, " << t.errors
        << " errors, p50 " << t.p50Milliseconds << " ms, p99 " << t.p99Milliseconds << " ms\n";
  for (const auto& e : events) out << "  " << e.at << "  " << e.kind << (e.reason.empty() ? "" : "  (" + e.reason + ")") << '\n';
  return kExitOk;
}

int weights(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 3) throw UsageError{"endpoint weights takes PROJECT NAME --variant NAME:VERSION=WEIGHT..."};
  auto project = openWritableProject(line.positionals()[1]);
  deploy::ModelRegistry registry(project->db());
  deploy::EndpointRegistry endpoints(project->db());
  const auto info = endpoints.get(line.positionals()[2]);
  std::vector<deploy::EndpointVariant> variants;
  for (const auto& spec : line.values("--variant")) {
    auto variant = parseVariant(registry, spec, "variant");
    for (const auto& old : info.variants)
      if (old.name == variant.name) variant.role = old.role;
    variants.push_back(variant);
  }
  endpoints.setVariants(info.name, variants, "weights", line.value("--reason").value_or(""));
  out << "endpoint " << info.name << " weights changed\n";
  return kExitOk;
}

// lathe endpoint settings PROJECT NAME [--sampling F] [--key-column COL | --no-key-column]
// [--log-retention-days D] [--reason T] [--json]: changes what is given, then prints them all.
int settings(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 3) throw UsageError{"endpoint settings takes PROJECT NAME"};
  if (line.flag("--no-key-column") && line.value("--key-column"))
    throw UsageError{"give --key-column COL or --no-key-column, not both"};
  const auto sampling = line.number<double>("--sampling");
  const auto retention = line.number<double>("--log-retention-days");
  const auto key = line.value("--key-column");
  const bool change = sampling || retention || key || line.flag("--no-key-column");
  const std::shared_ptr<store::Project> project =
      change ? openWritableProject(line.positionals()[1]) : std::shared_ptr<store::Project>(openReadOnly(line.positionals()[1]));
  deploy::EndpointRegistry endpoints(project->db());
  auto info = endpoints.get(line.positionals()[2]);
  if (change) {
    if (sampling) info.settings["sampling"] = *sampling;
    if (retention) info.settings["log_retention_days"] = *retention;
    if (key) info.settings["key_column"] = *key;
    if (line.flag("--no-key-column")) info.settings.erase("key_column");
    endpoints.setSettings(info.name, info.settings, line.value("--reason").value_or(""));
  }
  if (line.flag("--json")) {
    out << info.settings.dump() << '\n';
    return kExitOk;
  }
  out << "endpoint " << info.name << (change ? " settings changed" : " settings") << ": sampling " << info.sampling()
      << ", key column " << (info.keyColumn().empty() ? std::string("none") : nlohmann::json(info.keyColumn()).dump())
      << ", log kept " << info.logRetentionDays() << " days\n";
  return kExitOk;
}

int canary(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 3) throw UsageError{"endpoint canary takes PROJECT NAME (--step | --rollback | --promote)"};
  auto project = openWritableProject(line.positionals()[1]);
  deploy::CanaryRelease release(project->db(), line.positionals()[2]);
  const std::string reason = line.value("--reason").value_or("by hand");
  double weight = 0.0;
  if (line.flag("--step")) weight = release.stepUp(reason);
  else if (line.flag("--rollback")) weight = release.rollBack(reason);
  else if (line.flag("--promote")) weight = release.promote(reason);
  else throw UsageError{"endpoint canary needs --step, --rollback or --promote"};
  out << "the canary of " << line.positionals()[2] << " has weight " << weight << " now\n";
  return kExitOk;
}

// lathe endpoint ab PROJECT NAME --labels FILE --key COL --label COL [--metric M] [--positive C]
int abTest(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 3) throw UsageError{"endpoint ab takes PROJECT NAME --labels FILE --key COL --label COL"};
  const auto labelsPath = line.value("--labels");
  const auto key = line.value("--key");
  const auto label = line.value("--label");
  if (!labelsPath || !key || !label) throw UsageError{"endpoint ab needs --labels FILE, --key COL and --label COL"};
  std::shared_ptr<store::Project> project = openReadOnly(line.positionals()[1]);
  deploy::AbTestSettings settings;
  const auto kpi = store::ProjectInfoRepository(project->db()).load().kpi;
  settings.metric = line.value("--metric").value_or(kpi.metric.empty() ? "accuracy" : kpi.metric);
  settings.positiveClass = line.value("--positive").value_or("");
  deploy::AbTestJob job(project, line.positionals()[2], *labelsPath, *key, *label, settings);
  runConsoleJob(job);
  const auto& result = job.result();
  const auto& joined = job.joined();
  if (line.flag("--json")) {
    ordered_json variants = ordered_json::array();
    for (const auto& v : result.variants)
      variants.push_back({{"variant", v.variant}, {"rows", v.rows}, {"value", v.value},
                          {"interval", {v.interval.low, v.interval.high}}});
    ordered_json comparisons = ordered_json::array();
    for (const auto& c : result.comparisons)
      comparisons.push_back({{"variant", c.variant}, {"reference", c.reference}, {"difference", c.difference},
                             {"interval", {c.interval.low, c.interval.high}}, {"p_value", c.pValue},
                             {"verdict", c.verdict == deploy::AbVerdict::Better ? "better"
                                         : c.verdict == deploy::AbVerdict::Worse ? "worse"
                                         : c.verdict == deploy::AbVerdict::NoDifferenceYet ? "no_difference_yet"
                                                                                           : "not_enough_data"},
                             {"sentence", c.sentence}});
    out << ordered_json{{"metric", result.metric}, {"variants", variants}, {"comparisons", comparisons},
                        {"labels_without_answer", joined.labelsWithoutAnswer},
                        {"labels_repeated", joined.labelsRepeated},
                        {"answers_without_label", joined.answeredWithoutLabel}}
               .dump()
        << '\n';
    return kExitOk;
  }
  for (const auto& v : result.variants)
    out << v.variant << ": " << result.metric << " " << v.value << " (" << v.interval.low << " to " << v.interval.high << ", "
        << v.rows << " labelled rows)\n";
  for (const auto& c : result.comparisons) out << c.sentence << '\n';
  return kExitOk;
}

}  // namespace

int runEndpoint(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
  const CommandLine line(args, {{"--canary", "--key-column", "--sampling", "--log-retention-days", "--reason", "--labels", "--key",
                                 "--label", "--metric", "--positive"},
                                {"--variant"},
                                {"--json", "--step", "--rollback", "--promote", "--no-key-column"}});
  const std::string sub = line.positionals().empty() ? "" : line.positionals().front();
  if (sub == "create") return create(line, out);
  if (sub == "list") return list(line, out);
  if (sub == "show") return show(line, out);
  if (sub == "weights") return weights(line, out);
  if (sub == "settings") return settings(line, out);
  if (sub == "canary") return canary(line, out);
  if (sub == "ab") return abTest(line, out);
  throw UsageError{"endpoint takes create, list, show, weights, settings, canary or ab (see lathe --help)"};
}

}  // namespace lathe::cli
