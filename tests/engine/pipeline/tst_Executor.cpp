// The pipeline executor with node types made here: real data through an import node, values
// checked against pandas; staleness and caching counted by call counters; early cutoff on
// content fingerprints; targets; two branches in parallel; Cancel; failure propagation; nodes
// that cannot run; cycles; the environment; progress; the observer's state order; and
// RunPipelineJob.
#include <QtTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <stop_token>
#include <thread>

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "engine/pipeline/Executor.h"
#include "engine/pipeline/Graph.h"
#include "engine/pipeline/NodeRegistry.h"
#include "engine/pipeline/RunPipelineJob.h"
#include "engine/store/ContentHash.h"
#include "TestPaths.h"

using lathe::Error;
using lathe::ErrorCode;
using lathe::data::Column;
using lathe::data::Table;
using lathe::jobs::JobContext;
using nlohmann::json;
using namespace lathe::pipeline;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kDatasets = LATHE_DATASETS_DIR;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// How often each node type ran, and how many sleep nodes ran at once at most.
struct Calls {
  Calls() {
    // Every key up front: workers only increment, never insert, so the map is not raced.
    for (const char* type : {"import", "source", "add", "round", "sum", "sleep", "fail", "wrong", "env"}) byType[type];
  }
  std::map<std::string, std::atomic<int>> byType;
  std::atomic<int> sleeping{0};
  std::atomic<int> peakSleeping{0};
  int operator[](const std::string& type) const { return byType.at(type).load(); }
};

std::shared_ptr<const Table> tableOf(const NodeRunInput& input) {
  auto table = input.input<Table>(0);
  if (!table) throw Error(ErrorCode::Internal, "no table on the input");
  return table;
}

std::size_t columnIndex(const Table& table, const std::string& name) {
  const auto index = table.indexOf(name);
  if (!index) throw Error(ErrorCode::InvalidArgument, "the data has no column \"" + name + "\"");
  return *index;
}

NodeType kind(std::string id, std::vector<PortSpec> inputs, std::vector<PortSpec> outputs, json defaults,
              NodeType::Run run) {
  NodeType type;
  type.id = std::move(id);
  type.inputs = std::move(inputs);
  type.outputs = std::move(outputs);
  type.defaultParameters = std::move(defaults);
  type.run = std::move(run);
  return type;
}

// The node kinds the tests run; each counts its calls in `calls`.
void registerTestTypes(NodeRegistry& registry, Calls& calls) {
  const PortSpec table{"table", PortType::Table};
  registry.add(kind("import", {}, {table}, {{"file", "seattle-weather.csv"}}, [&calls](const NodeRunInput& in, JobContext& context) {
    ++calls.byType.at("import");
    lathe::data::ImportRequest request;
    request.path = kDatasets + "/" + in.parameters["file"].get<std::string>();
    auto result = lathe::data::DataImporter::import(request, context);
    return std::vector{NodeValue::of(PortType::Table, std::make_shared<const Table>(std::move(result.table)))};
  }));
  registry.add(kind("source", {}, {table}, {{"rows", 5}, {"start", 0.0}}, [&calls](const NodeRunInput& in, JobContext&) {
    ++calls.byType.at("source");
    std::vector<double> values(in.parameters["rows"].get<std::size_t>());
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = in.parameters["start"].get<double>() + static_cast<double>(i);
    auto out = std::make_shared<const Table>(std::vector{Column::float64("x", std::move(values))});
    return std::vector{NodeValue::of(PortType::Table, out)};
  }));
  NodeType add = kind("add", {table}, {table}, {{"column", "x"}, {"value", 1.0}}, [&calls](const NodeRunInput& in, JobContext&) {
    ++calls.byType.at("add");
    const auto source = tableOf(in);
    const std::string name = in.parameters["column"].get<std::string>();
    const std::size_t index = columnIndex(*source, name);
    std::vector<double> values(source->rowCount());
    for (std::size_t row = 0; row < values.size(); ++row)
      values[row] = source->column(index).numericAt(row) + in.parameters["value"].get<double>();
    auto columns = source->columns();
    columns[index] = Column::float64(name, std::move(values), source->column(index).validity());
    return std::vector{NodeValue::of(PortType::Table, std::make_shared<const Table>(std::move(columns)))};
  });
  add.check = [](const json& parameters) {
    std::vector<std::string> problems;
    if (!parameters["value"].is_number()) problems.push_back("\"value\" must be a number");
    return problems;
  };
  registry.add(std::move(add));
  // Rounds x and fingerprints the result by its content, so an upstream change that rounds to
  // the same values leaves the nodes after it cached.
  registry.add(kind("round", {table}, {table}, json::object(), [&calls](const NodeRunInput& in, JobContext&) {
    ++calls.byType.at("round");
    const auto source = tableOf(in);
    std::vector<double> values(source->rowCount());
    for (std::size_t row = 0; row < values.size(); ++row) values[row] = std::round(source->column(0).numericAt(row));
    lathe::store::ContentHash hash;
    hash.update(std::string_view(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(double)));
    auto out = std::make_shared<const Table>(std::vector{Column::float64("x", std::move(values))});
    return std::vector{NodeValue::of(PortType::Table, out, hash.hex())};
  }));
  registry.add(kind("sum", {table}, {{"sum", PortType::Metrics}}, {{"column", "x"}}, [&calls](const NodeRunInput& in, JobContext&) {
    ++calls.byType.at("sum");
    const auto source = tableOf(in);
    const auto& column = source->column(columnIndex(*source, in.parameters["column"].get<std::string>()));
    double sum = 0.0;
    for (std::size_t row = 0; row < column.size(); ++row) sum += column.numericAt(row);
    return std::vector{NodeValue::of(PortType::Metrics, std::make_shared<const double>(sum))};
  }));
  // Sleeps in 10 ms steps, honouring Cancel and reporting progress; passes its input on.
  registry.add(kind("sleep", {{"table", PortType::Table, true}}, {table}, {{"ms", 1000}},
                    [&calls](const NodeRunInput& in, JobContext& context) {
                      ++calls.byType.at("sleep");
                      const int now = ++calls.sleeping;
                      for (int peak = calls.peakSleeping; now > peak && !calls.peakSleeping.compare_exchange_weak(peak, now);) {
                      }
                      struct Leave {
                        std::atomic<int>& count;
                        ~Leave() { --count; }
                      } leave{calls.sleeping};
                      const int steps = in.parameters["ms"].get<int>() / 10;
                      for (int step = 0; step < steps; ++step) {
                        context.throwIfStopped();
                        std::this_thread::sleep_for(std::chrono::milliseconds(10));
                        context.progress(static_cast<double>(step + 1) / steps, "sleeping");
                      }
                      auto passed = in.input<Table>(0);
                      return std::vector{NodeValue::of(PortType::Table, passed ? passed : std::make_shared<const Table>())};
                    }));
  registry.add(kind("fail", {table}, {table}, json::object(), [&calls](const NodeRunInput& in, JobContext&) -> std::vector<NodeValue> {
    ++calls.byType.at("fail");
    columnIndex(*tableOf(in), "nope");
    return {};
  }));
  registry.add(kind("wrong", {}, {table}, json::object(), [&calls](const NodeRunInput&, JobContext&) {
    ++calls.byType.at("wrong");
    return std::vector{NodeValue::of(PortType::Table, std::make_shared<const Table>()),
                       NodeValue::of(PortType::Table, std::make_shared<const Table>())};
  }));
  registry.add(kind("env", {}, {{"seed", PortType::Metrics}}, json::object(), [&calls](const NodeRunInput& in, JobContext&) {
    ++calls.byType.at("env");
    const auto* seed = in.environmentAs<std::shared_ptr<const int>>();
    if (!seed) throw Error(ErrorCode::InvalidArgument, "no environment");
    return std::vector{NodeValue::of(PortType::Metrics, std::make_shared<const double>(**seed))};
  }));
}

// Every state change and progress report, in the order the executor made them.
class Recorder final : public Executor::Observer {
 public:
  struct Event {
    int node;
    NodeState state;
    std::string message;
  };
  void stateChanged(int node, NodeState state, const std::string& message) override {
    std::lock_guard lock(mutex_);
    events.push_back({node, state, message});
  }
  void progress(int node, double fraction, const std::string&) override {
    std::lock_guard lock(mutex_);
    fractions[node].push_back(fraction);
  }
  std::vector<NodeState> statesOf(int node) const {
    std::vector<NodeState> out;
    for (const auto& event : events)
      if (event.node == node) out.push_back(event.state);
    return out;
  }
  // Where `node` first reached `state` among all events, or -1.
  int indexOf(int node, NodeState state) const {
    for (std::size_t i = 0; i < events.size(); ++i)
      if (events[i].node == node && events[i].state == state) return static_cast<int>(i);
    return -1;
  }
  void clear() {
    events.clear();
    fractions.clear();
  }
  std::vector<Event> events;
  std::map<int, std::vector<double>> fractions;

 private:
  std::mutex mutex_;
};

// Records the run's overall progress.
class RecordingSink final : public lathe::jobs::ProgressSink {
 public:
  void report(double fraction, std::string_view) override {
    std::lock_guard lock(mutex_);
    fractions.push_back(fraction);
  }
  std::vector<double> fractions;

 private:
  std::mutex mutex_;
};

double metricOf(const Executor& executor, const Graph& graph, const NodeRegistry& registry, int node) {
  const auto outputs = executor.outputs(graph, registry, node);
  if (!outputs || outputs->empty() || !(*outputs)[0].get<double>()) return std::nan("");
  return *(*outputs)[0].get<double>();
}

const std::vector<NodeState> kRanFine{NodeState::Queued, NodeState::Running, NodeState::Done};

}  // namespace

class tst_Executor : public QObject {
  Q_OBJECT

  std::unique_ptr<Calls> calls_;
  std::unique_ptr<NodeRegistry> types_;
  std::unique_ptr<Executor> executor_;
  Recorder recorder_;
  RecordingSink sink_;
  std::stop_source stop_;

  Executor::Summary run(const Graph& graph, const std::vector<int>& targets = {}) {
    recorder_.clear();
    return executor_->run(graph, *types_, targets, JobContext(stop_.get_token(), sink_));
  }

 private slots:
  void init() {
    calls_ = std::make_unique<Calls>();
    types_ = std::make_unique<NodeRegistry>();
    registerTestTypes(*types_, *calls_);
    executor_ = std::make_unique<Executor>(2);
    executor_->setObserver(&recorder_);
    stop_ = std::stop_source();
    sink_.fractions.clear();
    recorder_.clear();
  }

  void runsRealDataInTopologicalOrder() {
    Graph graph;
    const int sum = graph.addNode("sum", json{{"column", "precipitation"}});  // ids against the flow
    const int add = graph.addNode("add", json{{"column", "precipitation"}, {"value", 2.5}});
    const int import = graph.addNode("import");
    const int rawSum = graph.addNode("sum", json{{"column", "precipitation"}});
    graph.addLink(import, 0, add, 0);
    graph.addLink(add, 0, sum, 0);
    graph.addLink(import, 0, rawSum, 0);
    const auto summary = run(graph);
    QVERIFY(summary.succeeded());
    QCOMPARE(summary.ran, 4);
    // pandas: read_csv("seattle-weather.csv")["precipitation"].sum() == 4426.0 over 1461 rows,
    // and (… + 2.5).sum() == 8078.499999999999.
    QCOMPARE(metricOf(*executor_, graph, *types_, rawSum), 4426.0);
    QVERIFY(std::abs(metricOf(*executor_, graph, *types_, sum) - 8078.5) < 1e-6);
    const auto table = (*executor_->outputs(graph, *types_, import))[0].get<Table>();
    QCOMPARE(table->rowCount(), std::size_t(1461));
    for (const int node : {import, add, sum, rawSum}) QCOMPARE(recorder_.statesOf(node), kRanFine);
    QVERIFY(recorder_.indexOf(import, NodeState::Done) < recorder_.indexOf(add, NodeState::Running));
    QVERIFY(recorder_.indexOf(add, NodeState::Done) < recorder_.indexOf(sum, NodeState::Running));
    for (const auto& [id, state] : executor_->states(graph, *types_)) QCOMPARE(state, NodeState::Done);
  }

  void aSecondRunReusesEverything() {
    Graph graph;
    const int source = graph.addNode("source");
    const int add = graph.addNode("add");
    const int sum = graph.addNode("sum");
    graph.addLink(source, 0, add, 0);
    graph.addLink(add, 0, sum, 0);
    for (const auto& [id, state] : executor_->states(graph, *types_)) QCOMPARE(state, NodeState::Idle);
    QCOMPARE(run(graph).ran, 3);
    const auto again = run(graph);
    QCOMPARE(again.ran, 0);
    QCOMPARE(again.reused, 3);
    QVERIFY(again.succeeded());
    QVERIFY(recorder_.events.empty());  // nothing changed, nothing to say
    QCOMPARE((*calls_)["source"], 1);
    QCOMPARE((*calls_)["add"], 1);
    QCOMPARE(metricOf(*executor_, graph, *types_, sum), 15.0);  // (0+1+2+3+4) + 5 * 1
    // A copy of the graph (as RunPipelineJob takes) is the same pipeline.
    const Graph copy = Graph::fromJsonText(graph.toJson().dump());
    QCOMPARE(run(copy).ran, 0);
  }

  void aChangedParameterRerunsOnlyItsDownstream() {
    Graph graph;
    const int source = graph.addNode("source");
    const int add = graph.addNode("add");
    const int sum = graph.addNode("sum");
    const int sibling = graph.addNode("sum");
    graph.addLink(source, 0, add, 0);
    graph.addLink(add, 0, sum, 0);
    graph.addLink(source, 0, sibling, 0);
    run(graph);
    graph.setParameters(add, json{{"value", 10}});
    auto states = executor_->states(graph, *types_);
    QCOMPARE(states[source], NodeState::Done);
    QCOMPARE(states[add], NodeState::Stale);
    QCOMPARE(states[sum], NodeState::Stale);
    QCOMPARE(states[sibling], NodeState::Done);
    const auto summary = run(graph);
    QCOMPARE(summary.ran, 2);
    QCOMPARE((*calls_)["source"], 1);
    QCOMPARE((*calls_)["add"], 2);
    QCOMPARE((*calls_)["sum"], 3);  // sum and sibling once, sum again
    QCOMPARE(metricOf(*executor_, graph, *types_, sum), 60.0);  // 10 + 50
    QCOMPARE(recorder_.statesOf(add), kRanFine);
    QVERIFY(recorder_.statesOf(source).empty());
    // Titles and positions are not what a node computes: they leave it cached.
    graph.setTitle(add, "Plus ten");
    graph.move(add, 50, 50);
    QCOMPARE(executor_->states(graph, *types_)[add], NodeState::Done);
  }

  void sameContentUpstreamLeavesDownstreamCached() {
    Graph graph;
    const int source = graph.addNode("source");
    const int add = graph.addNode("add", json{{"value", 0.1}});
    const int round = graph.addNode("round");
    const int sum = graph.addNode("sum");
    graph.addLink(source, 0, add, 0);
    graph.addLink(add, 0, round, 0);
    graph.addLink(round, 0, sum, 0);
    run(graph);
    graph.setParameters(add, json{{"value", 0.2}});  // rounds to the same values
    const auto summary = run(graph);
    QCOMPARE(summary.ran, 2);  // add and round
    QCOMPARE((*calls_)["sum"], 1);
    QCOMPARE(recorder_.statesOf(sum), (std::vector<NodeState>{NodeState::Queued, NodeState::Done}));
    QCOMPARE(recorder_.events.back().message, std::string("up to date"));
    QCOMPARE(metricOf(*executor_, graph, *types_, sum), 10.0);
  }

  void invalidateRerunsTheNodeAndItsDownstream() {
    Graph graph;
    const int source = graph.addNode("source");
    const int add = graph.addNode("add");
    const int other = graph.addNode("source", json{{"rows", 2}});
    graph.addLink(source, 0, add, 0);
    run(graph);
    executor_->invalidate(source);
    auto states = executor_->states(graph, *types_);
    QCOMPARE(states[source], NodeState::Stale);
    QCOMPARE(states[add], NodeState::Stale);
    QCOMPARE(states[other], NodeState::Done);
    QVERIFY(!executor_->outputs(graph, *types_, source));
    QCOMPARE(run(graph).ran, 2);
    QCOMPARE((*calls_)["source"], 3);  // source twice, other once
    QCOMPARE((*calls_)["add"], 2);
    executor_->clear();
    QCOMPARE(executor_->states(graph, *types_)[other], NodeState::Idle);
  }

  void targetsRunOnlyWhatTheyNeed() {
    Graph graph;
    const int source = graph.addNode("source");
    const int add = graph.addNode("add");
    const int sum = graph.addNode("sum");
    const int sibling = graph.addNode("sum");
    graph.addLink(source, 0, add, 0);
    graph.addLink(add, 0, sum, 0);
    graph.addLink(source, 0, sibling, 0);
    const auto summary = run(graph, {add});
    QCOMPARE(summary.ran, 2);
    QCOMPARE(summary.nodes.size(), std::size_t(2));
    auto states = executor_->states(graph, *types_);
    QCOMPARE(states[add], NodeState::Done);
    QCOMPARE(states[sum], NodeState::Idle);
    QCOMPARE(states[sibling], NodeState::Idle);
    QCOMPARE(run(graph).ran, 2);  // now only the two sums
    QCOMPARE((*calls_)["source"], 1);
    const auto error = [&] {
      try {
        run(graph, {99});
      } catch (const Error& e) {
        return std::string(e.what());
      }
      return std::string();
    }();
    QVERIFY(error.find("node 99") != std::string::npos);
  }

  void independentBranchesRunInParallel() {
    Graph graph;
    const int a = graph.addNode("sleep", json{{"ms", 1000}});
    const int b = graph.addNode("sleep", json{{"ms", 1000}});
    const auto start = Clock::now();
    const auto summary = run(graph);
    const double seconds = secondsSince(start);
    QVERIFY(summary.succeeded());
    QVERIFY2(seconds < 1.8, std::to_string(seconds).c_str());
    QCOMPARE(calls_->peakSleeping.load(), 2);
    QCOMPARE(recorder_.statesOf(a), kRanFine);
    QCOMPARE(recorder_.statesOf(b), kRanFine);
    // Progress: each node's own fraction reached the observer, rising to 1; the run's share too.
    QVERIFY(recorder_.fractions[a].size() >= 50);
    QVERIFY(std::is_sorted(recorder_.fractions[a].begin(), recorder_.fractions[a].end()));
    QCOMPARE(recorder_.fractions[a].back(), 1.0);
    QVERIFY(!sink_.fractions.empty());
    QVERIFY(*std::max_element(sink_.fractions.begin(), sink_.fractions.end()) > 0.9);
    QVERIFY(*std::max_element(sink_.fractions.begin(), sink_.fractions.end()) <= 1.0);
  }

  void oneWorkerRunsBranchesOneAfterTheOther() {
    executor_->setThreads(1);
    Graph graph;
    graph.addNode("sleep", json{{"ms", 300}});
    graph.addNode("sleep", json{{"ms", 300}});
    const auto start = Clock::now();
    QVERIFY(run(graph).succeeded());
    QVERIFY(secondsSince(start) >= 0.55);
    QCOMPARE(calls_->peakSleeping.load(), 1);
  }

  void cancelStopsWithinASecondAndCachesNothing() {
    Graph graph;
    const int source = graph.addNode("source");
    const int a = graph.addNode("sleep", json{{"ms", 5000}});
    const int b = graph.addNode("sleep", json{{"ms", 5000}});
    const int sum = graph.addNode("sum");
    graph.addLink(source, 0, a, 0);
    graph.addLink(source, 0, b, 0);
    graph.addLink(a, 0, sum, 0);
    Clock::time_point requested;
    std::jthread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      requested = Clock::now();
      stop_.request_stop();
    });
    const auto summary = run(graph);
    canceller.join();
    const double afterStop = secondsSince(requested);
    QVERIFY2(afterStop < 1.0, std::to_string(afterStop).c_str());
    QVERIFY(summary.cancelled);
    QVERIFY(!summary.succeeded());
    QCOMPARE(summary.nodes.at(a).state, NodeState::Cancelled);
    QCOMPARE(summary.nodes.at(b).state, NodeState::Cancelled);
    QCOMPARE(summary.nodes.at(sum).state, NodeState::Stale);
    QCOMPARE(summary.nodes.at(sum).message, std::string("cancelled before it ran"));
    QCOMPARE(recorder_.statesOf(a), (std::vector<NodeState>{NodeState::Queued, NodeState::Running, NodeState::Cancelled}));
    QCOMPARE(recorder_.statesOf(sum), (std::vector<NodeState>{NodeState::Queued, NodeState::Stale}));
    const auto states = executor_->states(graph, *types_);
    QCOMPARE(states.at(source), NodeState::Done);  // it finished before the stop
    QCOMPARE(states.at(a), NodeState::Idle);
    QCOMPARE(states.at(b), NodeState::Idle);
    QVERIFY(!executor_->outputs(graph, *types_, a));
    QCOMPARE((*calls_)["sum"], 0);
  }

  void cancelBeforeStartRunsNothing() {
    Graph graph;
    const int a = graph.addNode("sleep", json{{"ms", 5000}});
    stop_.request_stop();
    auto executor = std::make_shared<Executor>(2);
    executor->setObserver(&recorder_);
    auto registry = std::shared_ptr<const NodeRegistry>(types_.get(), [](const NodeRegistry*) {});
    RunPipelineJob job(executor, graph, registry);
    JobContext context(stop_.get_token(), sink_);
    bool cancelled = false;
    try {
      job.run(context);
    } catch (const lathe::jobs::JobCancelled&) {
      cancelled = true;
    }
    QVERIFY(cancelled);
    QCOMPARE((*calls_)["sleep"], 0);
    QCOMPARE(job.summary().nodes.at(a).state, NodeState::Stale);
    QCOMPARE(recorder_.statesOf(a), (std::vector<NodeState>{NodeState::Queued, NodeState::Stale}));
  }

  void aFailureLeavesDownstreamUnrunAndSiblingsDone() {
    Graph graph;
    const int source = graph.addNode("source");
    const int fail = graph.addNode("fail", json::object(), 0, 0, "Broken step");
    const int add = graph.addNode("add");
    const int sum = graph.addNode("sum");
    const int sibling = graph.addNode("add");
    graph.addLink(source, 0, fail, 0);
    graph.addLink(fail, 0, add, 0);
    graph.addLink(add, 0, sum, 0);
    graph.addLink(source, 0, sibling, 0);
    const auto summary = run(graph);
    QCOMPARE(summary.firstFailed, fail);
    QCOMPARE(summary.nodes.at(fail).state, NodeState::Failed);
    QCOMPARE(summary.nodes.at(fail).code, ErrorCode::InvalidArgument);
    QCOMPARE(summary.nodes.at(fail).message, std::string("the data has no column \"nope\""));
    for (const int node : {add, sum}) {
      QCOMPARE(summary.nodes.at(node).state, NodeState::Stale);
      QCOMPARE(summary.nodes.at(node).message, std::string("not run: node 2 (\"Broken step\") failed"));
    }
    QCOMPARE(summary.nodes.at(sibling).state, NodeState::Done);
    QCOMPARE(recorder_.statesOf(fail), (std::vector<NodeState>{NodeState::Queued, NodeState::Running, NodeState::Failed}));
    QCOMPARE(recorder_.statesOf(add), (std::vector<NodeState>{NodeState::Queued, NodeState::Stale}));
    QCOMPARE((*calls_)["add"], 1);  // the sibling only
    QCOMPARE((*calls_)["sum"], 0);
    // Nothing is cached for a failed node: the next run tries it again.
    QCOMPARE(executor_->states(graph, *types_)[fail], NodeState::Idle);
    run(graph);
    QCOMPARE((*calls_)["fail"], 2);
    QCOMPARE((*calls_)["source"], 1);
    // Through the job, the failure is a lathe::Error naming the node.
    auto executor = std::make_shared<Executor>(2);
    RunPipelineJob job(executor, graph, std::shared_ptr<const NodeRegistry>(types_.get(), [](const NodeRegistry*) {}));
    JobContext context(stop_.get_token(), sink_);
    try {
      job.run(context);
      QFAIL("no error");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
      QCOMPARE(std::string(e.what()), std::string("node 2 (\"Broken step\") failed: the data has no column \"nope\""));
    }
    QCOMPARE(job.summary().nodes.at(sibling).state, NodeState::Done);
  }

  void nodesThatCannotRunFailUpFront() {
    Graph graph;
    const int mystery = graph.addNode("mystery");
    const int add = graph.addNode("add");
    const int badAdd = graph.addNode("add", json{{"value", "ten"}});
    const int source = graph.addNode("source");
    const int sum = graph.addNode("sum");
    const int lonelySum = graph.addNode("sum");  // its input is not connected
    graph.addLink(mystery, 0, add, 0);
    graph.addLink(source, 0, badAdd, 0);
    graph.addLink(source, 0, sum, 0);
    const auto summary = run(graph);
    QCOMPARE(summary.nodes.at(mystery).state, NodeState::Failed);
    QCOMPARE(summary.nodes.at(mystery).message, std::string("cannot run: unknown node type \"mystery\""));
    QCOMPARE(summary.nodes.at(mystery).code, ErrorCode::InvalidArgument);
    QCOMPARE(summary.nodes.at(add).state, NodeState::Stale);
    QCOMPARE(summary.nodes.at(badAdd).state, NodeState::Failed);
    QCOMPARE(QString::fromStdString(summary.nodes.at(badAdd).message), QString("cannot run: \"value\" must be a number"));
    QCOMPARE(summary.nodes.at(lonelySum).message, std::string("cannot run: the input \"table\" is not connected"));
    QCOMPARE(summary.nodes.at(sum).state, NodeState::Done);
    QCOMPARE(summary.firstFailed, mystery);
    QCOMPARE((*calls_)["add"], 0);
    QCOMPARE(recorder_.statesOf(add), std::vector<NodeState>{NodeState::Stale});
  }

  void aCycleFailsInsteadOfHanging() {
    const Graph graph = Graph::fromJsonText(R"({"version":1,"nodes":[{"id":1,"type":"add"},{"id":2,"type":"add"},
      {"id":3,"type":"sum"},{"id":4,"type":"source"},{"id":5,"type":"sum"}],"links":[
      {"id":1,"fromNode":1,"fromPort":0,"toNode":2,"toPort":0},{"id":2,"fromNode":2,"fromPort":0,"toNode":1,"toPort":0},
      {"id":3,"fromNode":2,"fromPort":0,"toNode":3,"toPort":0},{"id":4,"fromNode":4,"fromPort":0,"toNode":5,"toPort":0}]})");
    const auto summary = run(graph);
    QCOMPARE(summary.nodes.at(1).state, NodeState::Failed);
    QCOMPARE(summary.nodes.at(2).state, NodeState::Failed);
    QVERIFY(summary.nodes.at(1).message.find("cycle") != std::string::npos);
    QCOMPARE(summary.nodes.at(3).state, NodeState::Stale);
    QCOMPARE(summary.nodes.at(5).state, NodeState::Done);
    for (const auto& [id, state] : executor_->states(graph, *types_)) QVERIFY(id >= 4 ? state == NodeState::Done : state == NodeState::Idle);
  }

  void aNodeBreakingItsContractFails() {
    Graph graph;
    const int wrong = graph.addNode("wrong");
    const auto summary = run(graph);
    QCOMPARE(summary.nodes.at(wrong).state, NodeState::Failed);
    QCOMPARE(summary.nodes.at(wrong).code, ErrorCode::Internal);
    QCOMPARE(summary.nodes.at(wrong).message, std::string("\"wrong\" made 2 values for 1 outputs"));
  }

  void theEnvironmentReachesNodesAndEntersFingerprints() {
    Graph graph;
    const int env = graph.addNode("env");
    executor_->setEnvironment(std::make_shared<const int>(7), "seed=7");
    run(graph);
    QCOMPARE(metricOf(*executor_, graph, *types_, env), 7.0);
    QCOMPARE(run(graph).ran, 0);
    executor_->setEnvironment(std::make_shared<const int>(8), "seed=8");
    QCOMPARE(executor_->states(graph, *types_)[env], NodeState::Stale);
    QCOMPARE(run(graph).ran, 1);
    QCOMPARE(metricOf(*executor_, graph, *types_, env), 8.0);
    executor_->setEnvironment({}, "none");
    const auto summary = run(graph);
    QCOMPARE(summary.nodes.at(env).message, std::string("no environment"));
  }

  void oneRunAtATime() {
    Graph graph;
    graph.addNode("sleep", json{{"ms", 400}});
    std::jthread first([&] { run(graph); });
    while (calls_->sleeping.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    NodeRegistry& types = *types_;
    lathe::jobs::NullProgressSink quiet;
    std::stop_source stop;
    QVERIFY(executor_->states(graph, types).size() == 1);  // queries still answer during a run
    try {
      executor_->run(graph, types, {}, JobContext(stop.get_token(), quiet));
      QFAIL("a second concurrent run was accepted");
    } catch (const Error& e) {
      QVERIFY(std::string(e.what()).find("already running") != std::string::npos);
    }
  }
};

QTEST_APPLESS_MAIN(tst_Executor)
#include "tst_Executor.moc"
