#include "app/cli/RunsCommand.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "app/cli/Cli.h"
#include "app/cli/CommandLine.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectInfoRepository.h"
#include "engine/store/RunRepository.h"

namespace lathe::cli {
namespace {

using nlohmann::ordered_json;

// The split whose scores stand for the run: held-out test data first, then validation, then
// cross-validation. Lower rank wins; other splits (train) never headline.
int headlineRank(const std::string& split) {
  if (split == "test") return 0;
  if (split == "validation") return 1;
  if (split == "cv") return 2;
  return -1;
}

// name -> value of the best-ranked split that has it. NaN stays NaN (null in JSON).
std::map<std::string, double> headlineMetrics(const store::RunSummary& run) {
  std::map<std::string, std::pair<int, double>> best;
  for (const auto& m : run.metrics) {
    const int rank = headlineRank(m.split);
    if (rank < 0) continue;
    const auto it = best.find(m.name);
    if (it == best.end() || rank < it->second.first) best[m.name] = {rank, m.value};
  }
  std::map<std::string, double> out;
  for (const auto& [name, ranked] : best) out[name] = ranked.second;
  return out;
}

std::string number(double v) {
  if (std::isnan(v)) return "-";
  std::ostringstream s;
  s << std::setprecision(4) << v;
  return s.str();
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ",") + p;
  return out;
}

std::string clipped(const std::string& text, std::size_t width) {
  return text.size() <= width ? text : text.substr(0, width - 3) + "...";
}

}  // namespace

int runRuns(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
  const CommandLine line(args, {{}, {}, {"--json"}});
  if (line.positionals().size() != 1) throw UsageError{"runs takes one PATH (see lathe --help)"};
  store::ProjectOpenOptions options;
  options.readOnly = true;
  auto project = store::Project::open(line.positionals().front(), options);
  const auto runs = store::RunRepository(project->db()).list();

  if (line.flag("--json")) {
    ordered_json list = ordered_json::array();
    for (const auto& run : runs) {
      ordered_json metrics = ordered_json::object();
      for (const auto& [name, value] : headlineMetrics(run)) metrics[name] = value;
      ordered_json bySplit = ordered_json::object();
      for (const auto& m : run.metrics) bySplit[m.split][m.name] = m.value;
      list.push_back({{"id", run.id},
                      {"name", run.name},
                      {"algorithm", run.algorithm},
                      {"task", run.task},
                      {"status", std::string(store::runStatusName(run.status))},
                      {"dataset_version", run.datasetVersionId ? ordered_json(*run.datasetVersionId) : ordered_json(nullptr)},
                      {"started_at", run.startedAt},
                      {"seconds", run.durationSeconds},
                      {"candidate", run.candidate},
                      {"tags", run.tags},
                      {"has_model", run.hasModel},
                      {"metrics", std::move(metrics)},
                      {"metrics_by_split", std::move(bySplit)}});
    }
    // NaN scores dump as null; bytes that are not UTF-8 are replaced rather than thrown on.
    out << ordered_json{{"runs", std::move(list)}}.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    return kExitOk;
  }

  if (runs.empty()) {
    out << "no runs yet in " << project->path() << '\n';
    return kExitOk;
  }
  // The project's KPI leads the metric columns when it has one.
  const std::string kpi = store::ProjectInfoRepository(project->db()).load().kpi.metric;
  std::vector<std::string> columns;
  if (!kpi.empty()) columns.push_back(kpi);
  for (const auto& run : runs)
    for (const auto& [name, value] : headlineMetrics(run))
      if (columns.size() < 4 && std::find(columns.begin(), columns.end(), name) == columns.end()) columns.push_back(name);

  out << std::left << std::setw(8) << "id" << std::setw(26) << "name" << std::setw(12) << "algorithm" << std::setw(11)
      << "status";
  for (const auto& c : columns) out << std::setw(std::max<int>(10, static_cast<int>(c.size()) + 2)) << clipped(c, 18);
  out << std::setw(10) << "seconds" << "tags\n";
  for (const auto& run : runs) {
    const auto metrics = headlineMetrics(run);
    out << std::setw(8) << (std::to_string(run.id) + (run.candidate ? "*" : "")) << std::setw(26) << clipped(run.name, 24)
        << std::setw(12) << clipped(run.algorithm, 11) << std::setw(11) << store::runStatusName(run.status);
    for (const auto& c : columns) {
      const auto it = metrics.find(c);
      out << std::setw(std::max<int>(10, static_cast<int>(c.size()) + 2)) << (it == metrics.end() ? "" : number(it->second));
    }
    out << std::setw(10) << number(run.durationSeconds) << joined(run.tags) << '\n';
  }
  if (std::any_of(runs.begin(), runs.end(), [](const auto& r) { return r.candidate; })) out << "* the candidate run\n";
  return kExitOk;
}

}  // namespace lathe::cli
