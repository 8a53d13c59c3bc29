#include "app/cli/MonitorCommand.h"

#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>

#include "app/cli/Cli.h"
#include "app/cli/CommandLine.h"
#include "app/cli/ConsoleJob.h"
#include "app/cli/WritableProject.h"
#include "engine/monitor/CreateBaselineJob.h"
#include "engine/monitor/MonitorRepository.h"
#include "engine/monitor/MonitorRunJob.h"
#include "engine/store/Project.h"
#include "engine/store/Timestamp.h"

namespace lathe::cli {
namespace {

using nlohmann::json;

const CommandLine::Spec kSpec{{"--schedule", "--baseline", "--current", "--model", "--labels", "--key", "--sensitive",
                               "--dataset", "--file", "--endpoint", "--window-hours", "--every"},
                              {},
                              {"--json", "--all"}};

std::string figure(const std::optional<double>& value, int precision = 3) {
  if (!value) return "-";
  std::ostringstream text;
  text << std::setprecision(precision) << *value;
  return text.str();
}

void printRun(const monitor::MonitorRunRecord& run, std::ostream& out) {
  out << run.source << ": " << run.data.rows << " rows, " << run.data.driftedCount() << " of "
      << run.data.features.size() << " features drifted, " << run.data.violations.size() << " violations\n";
  out << "  " << std::left << std::setw(24) << "feature" << std::setw(11) << "test" << std::setw(11) << "statistic"
      << std::setw(11) << "p-value" << std::setw(9) << "PSI" << "drift\n";
  for (const auto& f : run.data.features)
    out << "  " << std::setw(24) << f.name << std::setw(11) << f.test << std::setw(11) << figure(f.statistic)
        << std::setw(11) << figure(f.pValue) << std::setw(9) << figure(f.psi) << (f.drift ? "yes" : "no")
        << (f.note.empty() ? "" : "  (" + f.note + ")") << '\n';
  for (const auto& v : run.data.violations)
    out << "  violation: " << v.feature << ": " << monitor::violationKindName(v.kind) << ": " << v.detail << '\n';
  if (run.prediction) out << "  prediction drift: PSI " << figure(run.prediction->psi) << (run.prediction->drift ? " (drifted)" : "") << '\n';
  if (run.quality)
    out << "  quality on " << run.quality->labelledRows << " labelled rows: " << run.quality->kpiMetric << ' '
        << figure(run.quality->kpiValue, 4) << (run.quality->missesTarget() ? " (below the target)" : "") << '\n';
  if (run.bias)
    out << "  bias on " << run.bias->attribute << ": parity gap " << figure(run.bias->parityGap) << ", opportunity gap "
        << figure(run.bias->opportunityGap) << (run.bias->alert ? " (alert)" : "") << '\n';
  if (run.attribution)
    out << "  attributions: NDCG " << figure(run.attribution->ndcg) << (run.attribution->drift ? " (drifted)" : "") << '\n';
  for (const auto& a : run.alerts)
    out << "  ALERT " << monitor::monitorAlertKindName(a.kind) << (a.subject.empty() ? "" : " " + a.subject) << '\n';
}

monitor::MonitorSchedule batchFrom(const CommandLine& line, monitor::MonitorSchedule s) {
  const auto file = line.value("--file");
  const auto dataset = line.value("--dataset");
  const auto endpoint = line.value("--endpoint");
  if (int(bool(file)) + int(bool(dataset)) + int(bool(endpoint)) != 1)
    throw UsageError{"name the batch with one of --file FILE, --dataset NAME or --endpoint NAME"};
  if (file) s.source = monitor::BatchSource::File, s.sourceRef = *file;
  if (dataset) s.source = monitor::BatchSource::Dataset, s.sourceRef = *dataset;
  if (endpoint) s.source = monitor::BatchSource::RequestLog, s.sourceRef = *endpoint;
  if (const auto hours = line.number<double>("--window-hours")) s.windowHours = *hours;
  return s;
}

void modelOptions(const CommandLine& line, monitor::MonitorSchedule& s) {
  s.model = line.value("--model").value_or("");
  s.labelsPath = line.value("--labels").value_or("");
  s.keyColumn = line.value("--key").value_or("");
  s.sensitiveAttribute = line.value("--sensitive").value_or("");
  if (!s.labelsPath.empty() && s.keyColumn.empty()) throw UsageError{"--labels needs --key COL to join them by"};
}

int compareOnce(const CommandLine& line, std::ostream& out) {
  const auto current = line.value("--current");
  if (!current) throw UsageError{"monitor --baseline needs --current FILE"};
  store::ProjectOpenOptions options;
  options.readOnly = true;  // a one-off comparison stores nothing
  std::shared_ptr<const store::Project> project = store::Project::open(line.positionals().front(), options);
  monitor::MonitorSchedule batch;
  batch.name = "one-off";
  batch.source = monitor::BatchSource::File;
  batch.sourceRef = *current;
  modelOptions(line, batch);
  const std::string baselineName = *line.value("--baseline");
  std::unique_ptr<monitor::MonitorRunJob> job;
  store::Database db = project->connect();
  if (const auto stored = monitor::MonitorRepository(db).findBaseline(baselineName)) {
    batch.baselineId = stored->id;
    job = std::make_unique<monitor::MonitorRunJob>(project, batch, false);
  } else {
    monitor::BaselineRequest request;
    request.name = baselineName;
    request.dataset = baselineName;
    request.model = batch.model;
    request.sensitiveAttribute = batch.sensitiveAttribute;
    job = monitor::MonitorRunJob::oneOff(project, request, batch);
  }
  runConsoleJob(*job);
  if (line.flag("--json")) out << json(job->result()).dump() << '\n';
  else printRun(job->result(), out);
  return kExitOk;
}

int runSchedules(const CommandLine& line, std::ostream& out) {
  auto project = openWritableProject(line.positionals().front());
  std::vector<monitor::MonitorSchedule> schedules;
  {
    store::Database db = project->connect();
    schedules = monitor::MonitorRepository(db).schedules();
  }
  const auto wanted = line.value("--schedule");
  if (wanted && std::none_of(schedules.begin(), schedules.end(), [&](const auto& s) { return s.name == *wanted; }))
    throw UsageError{"the project has no monitoring schedule \"" + *wanted + "\""};
  const std::string now = store::timestampNow();
  json runs = json::array();
  for (const auto& s : schedules) {
    const bool chosen = wanted ? s.name == *wanted : (line.flag("--all") ? s.enabled : s.isDue(now));
    if (!chosen) continue;
    auto job = monitor::MonitorRunJob::forSchedule(project, s.id);
    runConsoleJob(*job);
    json run = job->result();
    run["schedule_name"] = s.name;
    runs.push_back(run);
    if (!line.flag("--json")) printRun(job->result(), out);
  }
  if (line.flag("--json")) out << json{{"runs", runs}}.dump() << '\n';
  else if (runs.empty()) out << "no monitoring schedule is due (" << schedules.size() << " in the project; --all runs every enabled one)\n";
  return kExitOk;
}

int createBaseline(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 3) throw UsageError{"monitor baseline takes PROJECT NAME (--dataset D | --file F)"};
  monitor::BaselineRequest request;
  request.name = line.positionals()[2];
  request.dataset = line.value("--dataset").value_or("");
  request.file = line.value("--file").value_or("");
  if (request.dataset.empty() == request.file.empty()) throw UsageError{"monitor baseline needs one of --dataset NAME or --file FILE"};
  request.model = line.value("--model").value_or("");
  request.sensitiveAttribute = line.value("--sensitive").value_or("");
  auto project = openWritableProject(line.positionals()[1]);
  monitor::CreateBaselineJob job(project, request);
  runConsoleJob(job);
  if (line.flag("--json")) out << json{{"id", job.baselineId()}, {"name", request.name}, {"baseline", job.baseline()}}.dump() << '\n';
  else out << "baseline \"" << request.name << "\": " << job.baseline().features.size() << " features of "
           << job.baseline().rows << " rows from " << job.baseline().source << '\n';
  return kExitOk;
}

int createSchedule(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 3) throw UsageError{"monitor schedule takes PROJECT NAME --baseline B and a batch"};
  const auto baselineName = line.value("--baseline");
  if (!baselineName) throw UsageError{"monitor schedule needs --baseline NAME (see monitor baseline)"};
  auto project = openWritableProject(line.positionals()[1]);
  store::Database db = project->connect();
  monitor::MonitorRepository repository(db);
  const auto baseline = repository.findBaseline(*baselineName);
  if (!baseline) throw UsageError{"the project has no baseline \"" + *baselineName + "\""};
  monitor::MonitorSchedule s;
  s.name = line.positionals()[2];
  s.baselineId = baseline->id;
  s = batchFrom(line, s);
  modelOptions(line, s);
  if (const auto every = line.number<int>("--every")) s.intervalMinutes = *every;
  s.id = repository.addSchedule(s);
  if (line.flag("--json")) out << json(s).dump() << '\n';
  else out << "schedule \"" << s.name << "\" every " << s.intervalMinutes << " minutes\n";
  return kExitOk;
}

int history(const CommandLine& line, std::ostream& out) {
  if (line.positionals().size() != 2) throw UsageError{"monitor history takes PROJECT [--schedule NAME]"};
  store::ProjectOpenOptions options;
  options.readOnly = true;
  auto project = store::Project::open(line.positionals()[1], options);
  store::Database db = project->connect();
  monitor::MonitorRepository repository(db);
  std::int64_t scheduleId = 0;
  if (const auto name = line.value("--schedule")) {
    const auto s = repository.findSchedule(*name);
    if (!s) throw UsageError{"the project has no monitoring schedule \"" + *name + "\""};
    scheduleId = s->id;
  }
  const auto runs = repository.runs(scheduleId);
  if (line.flag("--json")) {
    out << json{{"runs", runs}, {"retraining", repository.retrainings()}}.dump() << '\n';
    return kExitOk;
  }
  for (const auto& run : runs)
    out << run.at << "  " << run.source << "  rows " << run.data.rows << "  drifted " << run.data.driftedCount()
        << "  violations " << run.data.violations.size() << "  alerts " << run.alerts.size() << '\n';
  return kExitOk;
}

}  // namespace

int runMonitor(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
  const CommandLine line(args, kSpec);
  const auto& p = line.positionals();
  if (p.empty()) throw UsageError{"monitor takes a PROJECT (see lathe --help)"};
  if (p.size() >= 2 && p[0] == "baseline") return createBaseline(line, out);
  if (p.size() >= 2 && p[0] == "schedule") return createSchedule(line, out);
  if (p.size() >= 2 && p[0] == "history") return history(line, out);
  if (p.size() != 1) throw UsageError{"monitor takes one PROJECT (see lathe --help)"};
  if (line.value("--baseline")) return compareOnce(line, out);
  return runSchedules(line, out);
}

}  // namespace lathe::cli
