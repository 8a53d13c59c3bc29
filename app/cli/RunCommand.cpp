#include "app/cli/RunCommand.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "app/cli/Cli.h"
#include "app/cli/CommandLine.h"
#include "app/cli/ConsoleJob.h"
#include "app/cli/WritableProject.h"
#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/pipeline/GraphValidation.h"
#include "engine/pipeline/PipelineEnvironment.h"
#include "engine/pipeline/RunPipelineJob.h"
#include "engine/pipeline/nodes/MetricsValue.h"
#include "engine/pipeline/nodes/ModelValue.h"
#include "engine/pipeline/nodes/NodeCatalogue.h"
#include "engine/store/PipelineRepository.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"

namespace lathe::cli {
namespace {

using nlohmann::ordered_json;
using pipeline::Graph;
using pipeline::NodeState;
using Clock = std::chrono::steady_clock;

class NullSink final : public jobs::ProgressSink {
 public:
  void report(double, std::string_view) override {}
};

// Runs the pipeline as a console job: the console's progress line shows the running node
// ("[3/7] Random forest · forest 40%"), and each node's state and time are kept for the report.
class ConsolePipelineJob final : public jobs::Job, public pipeline::Executor::Observer {
 public:
  struct NodeReport {
    NodeState state = NodeState::Idle;
    std::string message;
    double seconds = 0.0;
    Clock::time_point started{};
  };

  ConsolePipelineJob(std::shared_ptr<pipeline::Executor> executor, const Graph& graph)
      : executor_(executor), graph_(graph), job_(executor, graph, pipeline::NodeCatalogue::shared()) {
    for (const int id : graph.topologicalOrder()) position_[id] = static_cast<int>(position_.size()) + 1;
  }
  std::string name() const override { return "Run pipeline"; }

  void run(jobs::JobContext& context) override {
    outer_ = &context;
    executor_->setObserver(this);
    jobs::JobContext inner(context.stopToken(), sink_);
    job_.run(inner);
  }

  void stateChanged(int node, NodeState state, const std::string& message) override {
    std::lock_guard lock(mutex_);
    NodeReport& report = reports_[node];
    if (state == NodeState::Running) report.started = Clock::now();
    if ((state == NodeState::Done || state == NodeState::Failed || state == NodeState::Cancelled) &&
        report.state == NodeState::Running)
      report.seconds = std::chrono::duration<double>(Clock::now() - report.started).count();
    report.state = state;
    report.message = message;
    if (state == NodeState::Done || state == NodeState::Failed) fractions_[node] = 1.0;
    if (state == NodeState::Running) show(node, 0.0, {});
  }
  void progress(int node, double fraction, const std::string& message) override {
    std::lock_guard lock(mutex_);
    show(node, fraction, message);
  }

  const pipeline::Executor::Summary& summary() const { return job_.summary(); }
  std::map<int, NodeReport> reports() const {
    std::lock_guard lock(mutex_);
    return reports_;
  }
  int position(int node) const { return position_.at(node); }

 private:
  void show(int node, double fraction, const std::string& message) {
    if (!outer_) return;
    const std::string what = label(graph_, node);
    const int percent = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * 100.0));
    const double total = static_cast<double>(std::max<std::size_t>(1, position_.size()));
    fractions_[node] = std::clamp(fraction, 0.0, 1.0);
    double done = 0.0;
    for (const auto& [id, share] : fractions_) done += share;
    outer_->progress(done / total, "[" + std::to_string(position_.at(node)) + "/" +
                                                         std::to_string(position_.size()) + "] " + what + " " +
                                                         std::to_string(percent) + "%" +
                                                         (message.empty() ? "" : " " + message));
  }

 public:
  // "Random forest · forest" for a Train node, else its title (or its type when untitled).
  static std::string label(const Graph& graph, int id) {
    const auto* node = graph.node(id);
    if (!node) return std::to_string(id);
    std::string text = node->title.empty() ? node->type : node->title;
    const auto algorithm = node->parameters.find("algorithm");
    if (node->type == "train" && algorithm != node->parameters.end() && algorithm->is_string())
      text += " · " + algorithm->get<std::string>();
    return text;
  }

 private:
  std::shared_ptr<pipeline::Executor> executor_;
  const Graph& graph_;
  pipeline::RunPipelineJob job_;
  NullSink sink_;
  jobs::JobContext* outer_ = nullptr;
  mutable std::mutex mutex_;
  std::map<int, NodeReport> reports_;
  std::map<int, int> position_;
  std::map<int, double> fractions_;  // per node, 1 once done: the overall bar is their mean
};

std::uint64_t parseSeed(const std::string& text) {
  std::uint64_t value = 0;
  const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (problem != std::errc() || end != text.data() + text.size())
    throw UsageError{"--seed takes a whole number >= 0, got '" + text + "'"};
  return value;
}

std::string names(const std::vector<store::StoredPipeline>& pipelines) {
  std::string out;
  for (const auto& p : pipelines) out += (out.empty() ? "'" : ", '") + p.name + "'";
  return out;
}

store::StoredPipeline choose(store::Database& db, const std::optional<std::string>& wanted, const std::string& path) {
  store::PipelineRepository repository(db);
  const auto all = repository.list();
  if (wanted) {
    if (auto found = repository.get(*wanted)) return *found;
    throw Error(ErrorCode::InvalidArgument,
                "no pipeline '" + *wanted + "' in the project" + (all.empty() ? "" : " (it has " + names(all) + ")"),
                {path}, *wanted);
  }
  if (all.empty()) throw Error(ErrorCode::InvalidArgument, "the project has no pipeline to run", {path});
  if (all.size() > 1)
    throw Error(ErrorCode::InvalidArgument, "the project has several pipelines; choose one with --pipeline NAME: " + names(all),
                {path});
  return all.front();
}

ordered_json number(double value) { return std::isfinite(value) ? ordered_json(value) : ordered_json(nullptr); }

// Headline scores: held-out test data first, then validation, then cross-validation.
std::map<std::string, double> headline(const std::vector<store::RunMetric>& metrics) {
  std::map<std::string, std::pair<int, double>> best;
  for (const auto& m : metrics) {
    const int rank = m.split == "test" ? 0 : m.split == "validation" ? 1 : m.split == "cv" ? 2 : -1;
    if (rank < 0) continue;
    const auto it = best.find(m.name);
    if (it == best.end() || rank < it->second.first) best[m.name] = {rank, m.value};
  }
  std::map<std::string, double> out;
  for (const auto& [name, ranked] : best) out[name] = ranked.second;
  return out;
}

// `text` padded with spaces to `width` characters (UTF-8 aware: "·" is one character).
std::string padded(const std::string& text, std::size_t width) {
  std::size_t characters = 0;
  for (const unsigned char c : text) characters += (c & 0xC0) != 0x80;
  return text + std::string(characters < width ? width - characters : 1, ' ');
}

std::string fixed(double value, int digits) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << value;
  return out.str();
}

}  // namespace

int runRun(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const CommandLine line(args, {{"--pipeline", "--seed"}, {}, {"--json"}});
  if (line.positionals().size() != 1) throw UsageError{"run takes one PROJECT (see lathe --help)"};
  const std::string& path = line.positionals().front();
  const std::uint64_t seed = line.value("--seed") ? parseSeed(*line.value("--seed")) : 0;

  std::shared_ptr<store::Project> project = openWritableProject(path);  // runs are written
  const store::StoredPipeline stored = choose(project->db(), line.value("--pipeline"), path);
  Graph graph;
  try {
    graph = Graph::fromJsonText(stored.definitionJson);
  } catch (const Error& e) {
    throw Error(e.code(), "pipeline '" + stored.name + "' is damaged: " + e.message(), {path});
  }

  const auto problems = pipeline::GraphValidation::validate(graph, pipeline::NodeCatalogue::standard());
  if (!problems.empty()) {
    for (const auto& problem : problems) {
      const auto* node = graph.node(problem.node);
      err << "lathe run: " << path << ": pipeline '" << stored.name << "', node " << problem.node << " (\""
          << (node && !node->title.empty() ? node->title : node ? node->type : std::string()) << "\"): " << problem.message
          << '\n';
    }
    return kExitUsage;
  }

  auto executor = std::make_shared<pipeline::Executor>();
  executor->setEnvironment(pipeline::PipelineEnvironment::make(project, seed, graph),
                           pipeline::PipelineEnvironment::fingerprint(seed));
  ConsolePipelineJob job(executor, graph);
  const auto started = Clock::now();
  bool cancelled = false;
  try {
    runConsoleJob(job);
  } catch (const jobs::JobCancelled&) {
    cancelled = true;
  } catch (const Error&) {
    // A node failed: the report below names it.
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  const auto& summary = job.summary();
  const auto reports = job.reports();

  // The runs its Train nodes recorded, read back with every score Evaluate added.
  store::RunRepository runs(project->db());
  std::vector<store::ExperimentRun> recorded;
  std::string comparison;
  for (const int id : graph.topologicalOrder()) {
    const auto outputs = executor->outputs(graph, pipeline::NodeCatalogue::standard(), id);
    if (!outputs || outputs->empty()) continue;
    if (const auto model = (*outputs)[0].get<pipeline::ModelValue>(); model && model->runId > 0)
      if (auto run = runs.get(model->runId)) recorded.push_back(std::move(*run));
    if (const auto metrics = (*outputs)[0].get<pipeline::MetricsValue>(); metrics && metrics->comparison)
      comparison = metrics->summary;
  }

  const int status = cancelled || summary.cancelled ? kExitCancelled : summary.succeeded() ? kExitOk : kExitFailure;
  if (line.flag("--json")) {
    ordered_json doc{{"pipeline", stored.name}, {"seed", seed}, {"nodes", ordered_json::array()}};
    for (const int id : graph.topologicalOrder()) {
      const auto* node = graph.node(id);
      const auto report = reports.find(id);
      const auto outcome = summary.nodes.find(id);
      const NodeState state = outcome != summary.nodes.end() ? outcome->second.state : NodeState::Idle;
      const std::string message = outcome != summary.nodes.end() ? outcome->second.message : std::string();
      doc["nodes"].push_back({{"id", id},
                              {"type", node->type},
                              {"title", node->title},
                              {"state", std::string(pipeline::nodeStateName(state))},
                              {"seconds", report != reports.end() ? report->second.seconds : 0.0},
                              {"error", state == NodeState::Failed || state == NodeState::Stale ||
                                                state == NodeState::Cancelled
                                            ? ordered_json(message)
                                            : ordered_json(nullptr)}});
    }
    doc["runs"] = ordered_json::array();
    for (const auto& run : recorded) {
      ordered_json metrics = ordered_json::object();
      for (const auto& [name, value] : headline(run.metrics)) metrics[name] = number(value);
      ordered_json bySplit = ordered_json::object();
      for (const auto& m : run.metrics) bySplit[m.split][m.name] = number(m.value);
      doc["runs"].push_back({{"id", run.id}, {"name", run.name}, {"algorithm", run.algorithm}, {"task", run.task},
                             {"metrics", std::move(metrics)}, {"metrics_by_split", std::move(bySplit)}});
    }
    doc["comparison"] = comparison.empty() ? ordered_json(nullptr) : ordered_json(comparison);
    doc["seconds"] = seconds;
    out << doc.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  } else {
    out << "pipeline '" << stored.name << "' in " << path << " (seed " << seed << "):\n";
    for (const int id : graph.topologicalOrder()) {
      const auto outcome = summary.nodes.find(id);
      const auto report = reports.find(id);
      const NodeState state = outcome != summary.nodes.end() ? outcome->second.state : NodeState::Idle;
      const std::string place = "[" + std::to_string(job.position(id)) + "/" + std::to_string(graph.nodes().size()) + "]";
      out << "  " << padded(place, 8) << padded(ConsolePipelineJob::label(graph, id), 36)
          << padded(std::string(pipeline::nodeStateName(state)), 10)
          << fixed(report != reports.end() ? report->second.seconds : 0.0, 2) << " s";
      if (state != NodeState::Done && outcome != summary.nodes.end() && !outcome->second.message.empty())
        out << "  " << outcome->second.message;
      out << '\n';
    }
    if (!recorded.empty()) out << "runs recorded:\n";
    for (const auto& run : recorded) {
      out << "  " << run.id << "  " << run.name << ":";
      for (const auto& [name, value] : headline(run.metrics))
        if (name == "roc_auc" || name == "accuracy" || name == "f1" || name == "r2" || name == "rmse" || name == "log_loss")
          out << "  " << name << " " << (std::isfinite(value) ? fixed(value, 4) : "-");
      out << '\n';
    }
    if (!comparison.empty()) out << comparison << '\n';
    out << fixed(seconds, 2) << " s\n";
  }
  if (status == kExitFailure && summary.firstFailed != 0)
    err << "lathe run: node " << summary.firstFailed << " (\"" << ConsolePipelineJob::label(graph, summary.firstFailed)
        << "\") failed: " << summary.nodes.at(summary.firstFailed).message << '\n';
  if (status == kExitCancelled) err << "lathe run: cancelled\n";
  return status;
}

}  // namespace lathe::cli
