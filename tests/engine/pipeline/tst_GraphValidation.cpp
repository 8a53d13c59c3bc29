// Whether a pipeline can run: unknown node types, missing required inputs, port types and port
// indices that do not match, cycles, and bad parameters through each type's check; also the
// registry's own rules and the names of port types and node states.
#include <QtTest>

#include <string>

#include "engine/core/Error.h"
#include "engine/pipeline/Graph.h"
#include "engine/pipeline/GraphValidation.h"
#include "engine/pipeline/NodeRegistry.h"
#include "engine/pipeline/NodeState.h"
#include "engine/pipeline/PortType.h"

using lathe::Error;
using lathe::ErrorCode;
using nlohmann::json;
using namespace lathe::pipeline;
using Problems = std::vector<GraphValidation::Problem>;

namespace {

std::vector<NodeValue> nothing(const NodeRunInput&, lathe::jobs::JobContext&) { return {}; }

NodeType kind(std::string id, std::vector<PortSpec> inputs, std::vector<PortSpec> outputs) {
  NodeType type;
  type.id = std::move(id);
  type.inputs = std::move(inputs);
  type.outputs = std::move(outputs);
  type.run = nothing;
  return type;
}

NodeRegistry registry() {
  NodeRegistry registry;
  NodeType source = kind("source", {}, {{"table", PortType::Table}});
  source.defaultParameters = {{"rows", 10}};
  source.check = [](const json& parameters) {
    std::vector<std::string> problems;
    if (!parameters["rows"].is_number_integer() || parameters["rows"].get<long long>() < 1)
      problems.push_back("\"rows\" must be a whole number of 1 or more");
    if (parameters.contains("explode")) throw std::runtime_error("the check itself broke");
    return problems;
  };
  registry.add(source);
  registry.add(kind("train", {{"data", PortType::Table}}, {{"model", PortType::Model}}));
  registry.add(kind("score", {{"model", PortType::Model}, {"data", PortType::Table}, {"weights", PortType::Table, true}},
                    {{"predictions", PortType::Predictions}}));
  registry.add(kind("pass", {{"in", PortType::Table}}, {{"out", PortType::Table}}));
  return registry;
}

std::vector<std::string> messagesFor(const Problems& problems, int node) {
  std::vector<std::string> out;
  for (const auto& problem : problems)
    if (problem.node == node) out.push_back(problem.message);
  return out;
}

bool anyContains(const std::vector<std::string>& messages, const std::string& part) {
  for (const auto& message : messages)
    if (message.find(part) != std::string::npos) return true;
  return false;
}

std::string dump(const Problems& problems) {
  std::string out;
  for (const auto& problem : problems) out += std::to_string(problem.node) + ": " + problem.message + "\n";
  return out;
}

}  // namespace

class tst_GraphValidation : public QObject {
  Q_OBJECT

 private slots:
  void aWiredPipelineHasNoProblems() {
    const NodeRegistry types = registry();
    Graph graph;
    const int source = graph.addNode("source", json{{"rows", 5}});
    const int train = graph.addNode("train");
    const int score = graph.addNode("score");
    graph.addLink(source, 0, train, 0);
    graph.addLink(train, 0, score, 0);
    graph.addLink(source, 0, score, 1);  // "weights" is optional and left open
    const Problems problems = GraphValidation::validate(graph, types);
    QVERIFY2(problems.empty(), dump(problems).c_str());
  }

  void unknownTypeAndMissingInputs() {
    const NodeRegistry types = registry();
    Graph graph;
    const int mystery = graph.addNode("mystery");
    const int score = graph.addNode("score");
    const Problems problems = GraphValidation::validate(graph, types);
    QCOMPARE(messagesFor(problems, mystery), std::vector<std::string>{"unknown node type \"mystery\""});
    const auto missing = messagesFor(problems, score);
    QCOMPARE(missing.size(), std::size_t(2));  // model and data; weights is optional
    QVERIFY(anyContains(missing, "the input \"model\" is not connected"));
    QVERIFY(anyContains(missing, "the input \"data\" is not connected"));
    QVERIFY(!anyContains(missing, "weights"));
  }

  void wrongPortTypesAndIndicesFromStoredJson() {
    // Links the canvas would refuse can still arrive in a stored pipeline.
    const NodeRegistry types = registry();
    const Graph graph = Graph::fromJsonText(R"({"version":1,"nodes":[
      {"id":1,"type":"source"},{"id":2,"type":"score"},{"id":3,"type":"pass"},{"id":4,"type":"pass"}],"links":[
      {"id":10,"fromNode":1,"fromPort":0,"toNode":2,"toPort":0},
      {"id":11,"fromNode":1,"fromPort":0,"toNode":2,"toPort":1},
      {"id":12,"fromNode":1,"fromPort":3,"toNode":3,"toPort":0},
      {"id":13,"fromNode":1,"fromPort":0,"toNode":4,"toPort":5},
      {"id":14,"fromNode":1,"fromPort":0,"toNode":4,"toPort":0}]})");
    const Problems problems = GraphValidation::validate(graph, types);
    const auto score = messagesFor(problems, 2);
    QCOMPARE(score.size(), std::size_t(1));
    QVERIFY2(anyContains(score, "the input \"model\" takes a model, but link 10 brings a table from node 1"),
             dump(problems).c_str());
    QVERIFY(anyContains(messagesFor(problems, 3), "link 12 comes from output 3 of node 1, which has 1 outputs"));
    QVERIFY(anyContains(messagesFor(problems, 4), "link 13 goes into input 5"));
    QCOMPARE(messagesFor(problems, 4).size(), std::size_t(1));  // link 14 fills its input
    QVERIFY(messagesFor(problems, 1).empty());
  }

  void cyclesAreReportedOnTheirNodes() {
    const NodeRegistry types = registry();
    const Graph graph = Graph::fromJsonText(R"({"version":1,"nodes":[
      {"id":1,"type":"pass"},{"id":2,"type":"pass"},{"id":3,"type":"pass"},{"id":4,"type":"train"}],"links":[
      {"id":1,"fromNode":1,"fromPort":0,"toNode":2,"toPort":0},{"id":2,"fromNode":2,"fromPort":0,"toNode":3,"toPort":0},
      {"id":3,"fromNode":3,"fromPort":0,"toNode":1,"toPort":0},{"id":4,"fromNode":3,"fromPort":0,"toNode":4,"toPort":0}]})");
    const Problems problems = GraphValidation::validate(graph, types);
    for (const int node : {1, 2, 3})
      QVERIFY2(anyContains(messagesFor(problems, node), "part of a cycle (nodes 1, 2, 3)"), dump(problems).c_str());
    QVERIFY(messagesFor(problems, 4).empty());  // downstream of the cycle, not on it
  }

  void badParametersThroughTheTypesCheck() {
    const NodeRegistry types = registry();
    Graph graph;
    const int defaults = graph.addNode("source");  // rows comes from the defaults: fine
    const int zero = graph.addNode("source", json{{"rows", 0}});
    const int text = graph.addNode("source", json{{"rows", "ten"}});
    const int broken = graph.addNode("source", json{{"explode", true}});
    const Problems problems = GraphValidation::validate(graph, types);
    QVERIFY(messagesFor(problems, defaults).empty());
    QCOMPARE(messagesFor(problems, zero), std::vector<std::string>{"\"rows\" must be a whole number of 1 or more"});
    QCOMPARE(messagesFor(problems, text), std::vector<std::string>{"\"rows\" must be a whole number of 1 or more"});
    QCOMPARE(messagesFor(problems, broken), std::vector<std::string>{"the check itself broke"});
    QCOMPARE(types.find("source")->parameterProblems(json::array()),
             std::vector<std::string>{"the parameters must be a JSON object"});
    QCOMPARE(types.find("source")->effectiveParameters(json{{"seed", 3}}), (json{{"rows", 10}, {"seed", 3}}));
  }

  void problemsComeInNodeOrder() {
    const NodeRegistry types = registry();
    Graph graph;
    graph.addNode("train");
    graph.addNode("mystery");
    graph.addNode("train");
    const Problems problems = GraphValidation::validate(graph, types);
    QCOMPARE(problems.size(), std::size_t(3));
    QCOMPARE(problems[0].node, 1);
    QCOMPARE(problems[1].node, 2);
    QCOMPARE(problems[2].node, 3);
  }

  void registryRules() {
    NodeRegistry types = registry();
    QCOMPARE(types.size(), std::size_t(4));
    std::vector<std::string> ids;
    for (const NodeType* type : types.list()) ids.push_back(type->id);
    QCOMPARE(ids, (std::vector<std::string>{"pass", "score", "source", "train"}));
    QCOMPARE(types.find("train")->title, std::string("train"));  // an empty title falls back to the id
    QVERIFY(!types.find("Train"));
    const auto refused = [&](NodeType type, const std::string& part) {
      try {
        types.add(std::move(type));
      } catch (const Error& e) {
        return e.code() == ErrorCode::InvalidArgument && std::string(e.what()).find(part) != std::string::npos;
      }
      return false;
    };
    QVERIFY(refused(kind("pass", {}, {}), "already registered"));
    QVERIFY(refused(kind("", {}, {}), "needs an id"));
    NodeType noRun = kind("idle", {}, {});
    noRun.run = nullptr;
    QVERIFY(refused(noRun, "no run function"));
    NodeType badDefaults = kind("odd", {}, {});
    badDefaults.defaultParameters = json::array();
    QVERIFY(refused(badDefaults, "default parameters"));
    QCOMPARE(types.size(), std::size_t(4));
  }

  void portTypeAndStateNames() {
    for (const PortType type : kAllPortTypes) QVERIFY(parsePortType(portTypeName(type)) == type);
    QCOMPARE(portTypeName(PortType::Predictions), std::string_view("predictions"));
    QVERIFY(!parsePortType("Table"));
    QVERIFY(!parsePortType(""));
    QCOMPARE(nodeStateName(NodeState::Cancelled), std::string_view("cancelled"));
    QCOMPARE(nodeStateName(NodeState::Idle), std::string_view("idle"));
  }
};

QTEST_APPLESS_MAIN(tst_GraphValidation)
#include "tst_GraphValidation.moc"
