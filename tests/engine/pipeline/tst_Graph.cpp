// The pipeline graph as plain data: edits and their undo, the canConnect rules and their reasons,
// cycles, topological order, upstream/downstream, and its JSON: round trips and hostile input
// (truncated, wrong types, oversized, deeply nested, links to missing nodes).
#include <QtTest>

#include "TimeBounds.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "engine/core/Error.h"
#include "engine/pipeline/Graph.h"
#include "engine/pipeline/NodeRegistry.h"

using lathe::Error;
using lathe::ErrorCode;
using nlohmann::json;
using namespace lathe::pipeline;

namespace {

// Node kinds for the rules: only their ports matter here.
NodeRegistry portRegistry() {
  const auto none = [](const NodeRunInput&, lathe::jobs::JobContext&) { return std::vector<NodeValue>{}; };
  NodeRegistry registry;
  registry.add({"source", "Source", {}, {{"table", PortType::Table}}, json::object(), {}, none, {}});
  registry.add({"train", "Train", {{"data", PortType::Table}}, {{"model", PortType::Model}}, json::object(), {}, none, {}});
  registry.add({"score", "Score", {{"model", PortType::Model}, {"data", PortType::Table}},
                {{"predictions", PortType::Predictions}}, json::object(), {}, none, {}});
  registry.add({"pass", "Pass", {{"in", PortType::Table}}, {{"out", PortType::Table}}, json::object(), {}, none, {}});
  return registry;
}

std::optional<Error> errorOf(const std::function<void()>& body) {
  try {
    body();
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

// The Error(code) fromJsonText throws on `text`, whose message holds every part.
void expectRefused(const std::string& text, const std::vector<std::string>& parts, ErrorCode code = ErrorCode::Parse) {
  const auto error = errorOf([&] { Graph::fromJsonText(text); });
  QVERIFY2(error.has_value(), ("accepted: " + text.substr(0, 200)).c_str());
  QCOMPARE(error->code(), code);
  for (const auto& part : parts)
    QVERIFY2(std::string(error->what()).find(part) != std::string::npos,
             (std::string(error->what()) + " lacks " + part).c_str());
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// a -> b -> c, a -> d, so a has two branches.
struct Chain {
  Graph graph;
  int a, b, c, d;
  Chain() {
    a = graph.addNode("source");
    b = graph.addNode("pass");
    c = graph.addNode("pass");
    d = graph.addNode("pass");
    graph.addLink(a, 0, b, 0);
    graph.addLink(b, 0, c, 0);
    graph.addLink(a, 0, d, 0);
  }
};

}  // namespace

class tst_Graph : public QObject {
  Q_OBJECT

 private slots:
  void addsNodesWithFreshIds() {
    Graph graph;
    const int a = graph.addNode("source", json{{"rows", 3}}, 10.5, -4.0, "Weather");
    const int b = graph.addNode("pass");
    QCOMPARE(a, 1);
    QCOMPARE(b, 2);
    QCOMPARE(graph.node(a)->title, std::string("Weather"));
    QCOMPARE(graph.node(a)->x, 10.5);
    QCOMPARE(graph.node(a)->parameters["rows"].get<int>(), 3);
    graph.removeNode(b);
    QCOMPARE(graph.addNode("pass"), 3);  // a removed id is never handed out again, so undo can restore it
  }

  void removeNodeReturnsItsLinksForUndo() {
    Chain chain;
    auto [node, links] = chain.graph.removeNode(chain.b);
    QCOMPARE(node.id, chain.b);
    QCOMPARE(links.size(), std::size_t(2));
    QCOMPARE(chain.graph.links().size(), std::size_t(1));  // only a -> d is left
    QVERIFY(!chain.graph.node(chain.b));
    // Undo: put the node and its links back with their ids.
    chain.graph.insertNode(node);
    for (const auto& link : links) chain.graph.insertLink(link);
    QCOMPARE(chain.graph.links().size(), std::size_t(3));
    QCOMPARE(chain.graph.downstream(chain.a), (std::vector<int>{chain.b, chain.c, chain.d}));
    QVERIFY(errorOf([&] { chain.graph.insertNode(node); }).has_value());  // the id is taken now
  }

  void editsCheckTheirArguments() {
    Chain chain;
    Graph& graph = chain.graph;
    graph.setParameters(chain.b, json{{"value", 2}});
    QCOMPARE(graph.node(chain.b)->parameters["value"].get<int>(), 2);
    graph.move(chain.b, 100, 200);
    QCOMPARE(graph.node(chain.b)->y, 200.0);
    graph.setTitle(chain.b, "둘");
    QCOMPARE(graph.node(chain.b)->title, std::string("둘"));
    QCOMPARE(errorOf([&] { graph.setParameters(chain.b, json::array()); })->code(), ErrorCode::InvalidArgument);
    QVERIFY(errorOf([&] { graph.move(chain.b, std::nan(""), 0); }).has_value());
    QVERIFY(errorOf([&] { graph.move(99, 0, 0); }).has_value());
    QVERIFY(errorOf([&] { graph.removeLink(99); }).has_value());
    QVERIFY(contains(errorOf([&] { graph.addLink(chain.a, 0, 42, 0); })->what(), "node 42"));
    QVERIFY(contains(errorOf([&] { graph.addLink(chain.b, 0, chain.b, 0); })->what(), "itself"));
    QVERIFY(contains(errorOf([&] { graph.addLink(chain.a, 0, chain.b, 0); })->what(), "already linked"));
    QVERIFY(errorOf([&] { graph.addLink(chain.a, -1, chain.c, 1); }).has_value());
    QVERIFY(errorOf([&] { graph.addLink(chain.a, 0, chain.c, 256); }).has_value());
    const GraphLink removed = graph.removeLink(graph.linkInto(chain.c, 0)->id);
    QCOMPARE(removed.toNode, chain.c);
    QVERIFY(!graph.linkInto(chain.c, 0));
  }

  void canConnectGivesTheReason() {
    const NodeRegistry registry = portRegistry();
    Graph graph;
    const int source = graph.addNode("source");
    const int train = graph.addNode("train");
    const int score = graph.addNode("score");
    const int mystery = graph.addNode("mystery");
    QVERIFY(!graph.canConnect(source, 0, train, 0, registry));  // table -> table
    QVERIFY(!graph.canConnect(train, 0, score, 0, registry));   // model -> model
    const auto types = graph.canConnect(source, 0, score, 0, registry);
    QVERIFY(types && contains(*types, "gives a table") && contains(*types, "takes a model"));
    QVERIFY(contains(*graph.canConnect(train, 0, train, 0, registry), "itself"));
    QVERIFY(contains(*graph.canConnect(source, 0, train, 1, registry), "no input 1"));
    QVERIFY(contains(*graph.canConnect(source, 1, train, 0, registry), "no output 1"));
    QVERIFY(contains(*graph.canConnect(source, 0, 77, 0, registry), "node 77"));
    QVERIFY(contains(*graph.canConnect(source, 0, mystery, 0, registry), "\"mystery\" is not a known node type"));
    graph.addLink(source, 0, train, 0);
    const auto taken = graph.canConnect(source, 0, train, 0, registry);
    QVERIFY(taken && contains(*taken, "already connected"));
  }

  void cyclesAreRefused() {
    const NodeRegistry registry = portRegistry();
    Chain chain;
    QVERIFY(chain.graph.createsCycle(chain.c, chain.a));
    QVERIFY(chain.graph.createsCycle(chain.c, chain.b));
    QVERIFY(chain.graph.createsCycle(chain.b, chain.b));
    QVERIFY(!chain.graph.createsCycle(chain.a, chain.c));
    // d -> b would be fine for the cycle rule (b's input is taken, which is another reason).
    QVERIFY(!chain.graph.createsCycle(chain.d, chain.b));
    const int e = chain.graph.addNode("pass");
    chain.graph.addLink(chain.c, 0, e, 0);
    // e's output into d's taken input: first remove a -> d, then a cycle check is what is left.
    chain.graph.removeLink(chain.graph.linkInto(chain.d, 0)->id);
    QVERIFY(!chain.graph.canConnect(e, 0, chain.d, 0, registry));
    chain.graph.removeLink(chain.graph.linkInto(chain.b, 0)->id);
    const auto reason = chain.graph.canConnect(e, 0, chain.b, 0, registry);  // b -> c -> e -> b
    QVERIFY(reason && contains(*reason, "cycle"));
  }

  void topologicalOrderPutsInputsFirst() {
    Graph graph;
    // Ids deliberately against the flow: 5 feeds 3 feeds 1; 4 feeds 1's sibling 2.
    for (int i = 0; i < 5; ++i) graph.addNode("pass");
    graph.addLink(5, 0, 3, 0);
    graph.addLink(3, 0, 1, 0);
    graph.addLink(4, 0, 2, 0);
    graph.addLink(5, 0, 2, 1);
    const auto order = graph.topologicalOrder();
    QCOMPARE(order, (std::vector<int>{4, 5, 2, 3, 1}));  // ties go to the lowest id
    for (const auto& [id, link] : graph.links()) {
      const auto from = std::find(order.begin(), order.end(), link.fromNode);
      const auto to = std::find(order.begin(), order.end(), link.toNode);
      QVERIFY(from < to);
    }
    QCOMPARE(graph.upstream(1), (std::vector<int>{3, 5}));
    QCOMPARE(graph.upstream(2), (std::vector<int>{4, 5}));
    QCOMPARE(graph.downstream(5), (std::vector<int>{1, 2, 3}));
    QVERIFY(graph.downstream(1).empty());
    QVERIFY(graph.cycles().empty());
  }

  void aStoredCycleIsFoundNotLooped() {
    // The data may hold a cycle (a stored pipeline that breaks the rule still opens); the
    // queries must name it and terminate.
    Graph graph = Graph::fromJsonText(R"({"version":1,"nodes":[{"id":1,"type":"pass"},{"id":2,"type":"pass"},
      {"id":3,"type":"pass"},{"id":4,"type":"pass"}],"links":[{"id":1,"fromNode":1,"fromPort":0,"toNode":2,"toPort":0},
      {"id":2,"fromNode":2,"fromPort":0,"toNode":3,"toPort":0},{"id":3,"fromNode":3,"fromPort":0,"toNode":1,"toPort":0},
      {"id":4,"fromNode":3,"fromPort":0,"toNode":4,"toPort":0}]})");
    QCOMPARE(graph.cycles(), (std::vector<std::vector<int>>{{1, 2, 3}}));
    const auto error = errorOf([&] { graph.topologicalOrder(); });
    QVERIFY(error && error->code() == ErrorCode::InvalidArgument && contains(error->what(), "cycle through node 1"));
    QCOMPARE(graph.upstream(4), (std::vector<int>{1, 2, 3}));
    QCOMPARE(graph.downstream(1), (std::vector<int>{2, 3, 4}));
  }

  void jsonRoundTrip() {
    Graph graph;
    const int a = graph.addNode("source", json{{"path", "/data/날씨.csv"}, {"rows", 1461}, {"nested", {{"k", {1, 2.5}}}}},
                                -12.25, 40.0, "Seattle weather");
    const int b = graph.addNode("train", json::object(), 300, 40, "Forest");
    graph.addNode("pass");
    graph.removeNode(3);
    graph.addLink(a, 0, b, 0);
    const std::string text = graph.toJson().dump();
    const Graph back = Graph::fromJsonText(text);
    QCOMPARE(back.toJson(), graph.toJson());
    QCOMPARE(back.node(a)->parameters["path"].get<std::string>(), std::string("/data/날씨.csv"));
    QCOMPARE(back.node(a)->x, -12.25);
    QCOMPARE(back.links().begin()->second.toNode, b);
    Graph edited = back;
    QCOMPARE(edited.addNode("pass"), 3);  // ids continue after the highest stored one
    QCOMPARE(graph.toJson()["version"].get<int>(), 1);
  }

  void jsonIgnoresUnknownKeysAndDefaultsOptionalOnes() {
    const Graph graph = Graph::fromJsonText(
        R"({"version":1,"comment":"hi","nodes":[{"id":7,"type":"pass","colour":"red"}],"future":[1,2]})");
    QCOMPARE(graph.nodes().size(), std::size_t(1));
    QCOMPARE(graph.node(7)->x, 0.0);
    QVERIFY(graph.node(7)->parameters.is_object());
    QVERIFY(graph.links().empty());
  }

  void everyTruncationIsAnError() {
    Chain chain;
    chain.graph.setParameters(chain.b, json{{"text", "따옴표 \" and \\ escapes"}, {"n", -1.5e-3}});
    const std::string text = chain.graph.toJson().dump();
    for (std::size_t length = 0; length < text.size(); ++length) {
      const auto error = errorOf([&] { Graph::fromJsonText(std::string_view(text).substr(0, length)); });
      QVERIFY2(error.has_value(), ("prefix accepted: " + std::to_string(length)).c_str());
      QCOMPARE(error->code(), ErrorCode::Parse);
      QVERIFY(error->where().byteOffset >= 0);  // a syntax error names where it stopped
    }
    QCOMPARE(Graph::fromJsonText(text).toJson(), chain.graph.toJson());
  }

  void wrongTypesNameTheNode() {
    expectRefused("", {"pipeline"});
    expectRefused("null", {"must be a JSON object"});
    expectRefused("[]", {"must be a JSON object"});
    expectRefused(R"({"nodes":[]})", {"\"version\": 1"});
    expectRefused(R"({"version":"1","nodes":[]})", {"\"version\": 1"});
    expectRefused(R"({"version":2,"nodes":[]})", {"newer Lathe"}, ErrorCode::Unsupported);
    expectRefused(R"({"version":1})", {"\"nodes\" list"});
    expectRefused(R"({"version":1,"nodes":{}})", {"\"nodes\" list"});
    expectRefused(R"({"version":1,"nodes":[3]})", {"node #1 in the list", "object"});
    expectRefused(R"({"version":1,"nodes":[{"type":"pass"}]})", {"node #1", "\"id\" is missing"});
    expectRefused(R"({"version":1,"nodes":[{"id":"1","type":"pass"}]})", {"node #1", "\"id\" must be a whole number"});
    expectRefused(R"({"version":1,"nodes":[{"id":1.5,"type":"pass"}]})", {"\"id\" must be a whole number"});
    expectRefused(R"({"version":1,"nodes":[{"id":0,"type":"pass"}]})", {"\"id\" must be a whole number"});
    expectRefused(R"({"version":1,"nodes":[{"id":-4,"type":"pass"}]})", {"\"id\""});
    expectRefused(R"({"version":1,"nodes":[{"id":4294967297,"type":"pass"}]})", {"\"id\""});
    expectRefused(R"({"version":1,"nodes":[{"id":18446744073709551615,"type":"pass"}]})", {"\"id\""});
    expectRefused(R"({"version":1,"nodes":[{"id":1e9,"type":"pass"}]})", {"\"id\""});
    expectRefused(R"({"version":1,"nodes":[{"id":2,"type":7}]})", {"node 2", "\"type\""});
    expectRefused(R"({"version":1,"nodes":[{"id":2,"type":""}]})", {"node 2", "\"type\""});
    expectRefused(R"({"version":1,"nodes":[{"id":2,"type":"pass","title":["x"]}]})", {"node 2", "\"title\""});
    expectRefused(R"({"version":1,"nodes":[{"id":2,"type":"pass","parameters":[1]}]})", {"node 2", "\"parameters\""});
    expectRefused(R"({"version":1,"nodes":[{"id":2,"type":"pass","x":"left"}]})", {"node 2", "\"x\""});
    expectRefused(R"({"version":1,"nodes":[{"id":2,"type":"pass","y":1e400}]})", {"number overflow", "1e400"});
    expectRefused(R"({"version":1,"nodes":[{"id":2,"type":"pass"},{"id":2,"type":"pass"}]})", {"node 2", "twice"});
    expectRefused("{\"version\":1,\"nodes\":[{\"id\":2,\"type\":\"p\xC3\x28\"}]}", {"pipeline"});  // invalid UTF-8
  }

  void badLinksNameTheLink() {
    const std::string nodes = R"({"version":1,"nodes":[{"id":1,"type":"source"},{"id":2,"type":"pass"}],"links":)";
    expectRefused(nodes + R"({}})", {"\"links\" must be a list"});
    expectRefused(nodes + R"([[1,2]]})", {"link #1 in the list"});
    expectRefused(nodes + R"([{"id":5,"fromNode":1,"fromPort":0,"toNode":9,"toPort":0}]})",
                  {"link 5", "node 9", "not in the pipeline"});
    expectRefused(nodes + R"([{"id":5,"fromNode":8,"fromPort":0,"toNode":2,"toPort":0}]})", {"link 5", "node 8"});
    expectRefused(nodes + R"([{"id":5,"fromNode":1,"toNode":2,"toPort":0}]})", {"link 5", "\"fromPort\" is missing"});
    expectRefused(nodes + R"([{"id":5,"fromNode":1,"fromPort":-1,"toNode":2,"toPort":0}]})", {"link 5", "\"fromPort\""});
    expectRefused(nodes + R"([{"id":5,"fromNode":1,"fromPort":0,"toNode":2,"toPort":256}]})", {"link 5", "\"toPort\""});
    expectRefused(nodes + R"([{"id":5,"fromNode":2,"fromPort":0,"toNode":2,"toPort":0}]})", {"link 5", "itself"});
    expectRefused(nodes + R"([{"id":5,"fromNode":1,"fromPort":0,"toNode":2,"toPort":0},
                              {"id":5,"fromNode":1,"fromPort":0,"toNode":2,"toPort":1}]})", {"link 5", "twice"});
    expectRefused(nodes + R"([{"id":5,"fromNode":1,"fromPort":0,"toNode":2,"toPort":0},
                              {"id":6,"fromNode":1,"fromPort":1,"toNode":2,"toPort":0}]})", {"link 6", "already linked"});
  }

  void sizesAreBounded() {
    // 10,001 nodes claimed: refused by count before any node is built.
    std::string many = R"({"version":1,"nodes":[)";
    for (int i = 1; i <= 10'001; ++i) many += (i > 1 ? "," : "") + std::string("{}");
    expectRefused(many + "]}", {"10001 nodes", "at most 10000"});
    // Nesting a million levels deep neither overflows the stack nor is accepted.
    expectRefused(std::string(1'000'000, '[') + std::string(1'000'000, ']'), {"nests more than 64"});
    expectRefused(R"({"version":1,"nodes":[{"id":1,"type":"pass","parameters":{"a":)" + std::string(100, '[') +
                      std::string(100, ']') + "}}]}",
                  {"nests more than 64"});
    // A definition over 64 MiB is refused before parsing.
    expectRefused(std::string((64u << 20) + 1, ' '), {"larger than 64 MiB"});
    // Building past the bound through the API is refused too.
    Graph graph;
    for (std::size_t i = 0; i < Graph::kMaxNodes; ++i) graph.addNode("pass");
    QVERIFY(contains(errorOf([&] { graph.addNode("pass"); })->what(), "at most 10000 nodes"));
  }

  void parsedJsonIsCheckedForDepthToo() {
    // fromJson on an already parsed document (no text limits) still refuses deep parameters.
    json deep = json::object();
    json* at = &deep;
    for (int i = 0; i < 200; ++i) at = &((*at)["k"] = json::object());
    const json document = {{"version", 1}, {"nodes", {{{"id", 1}, {"type", "pass"}, {"parameters", deep}}}}};
    const auto error = errorOf([&] { Graph::fromJson(document); });
    QVERIFY(error && contains(error->what(), "node 1") && contains(error->what(), "nest too deeply"));
    // An infinite coordinate can only come from a parsed document, never from JSON text.
    const json infinite = {{"version", 1}, {"nodes", {{{"id", 2}, {"type", "pass"}, {"y", INFINITY}}}}};
    const auto coordinate = errorOf([&] { Graph::fromJson(infinite); });
    QVERIFY(coordinate && contains(coordinate->what(), "node 2") && contains(coordinate->what(), "\"y\" must be a finite number"));
  }

  void largeChainIsFast() {
    // 10,000 nodes in one chain (the bound) through JSON and every query: no recursion, no
    // quadratic scan.
    json nodes = json::array();
    json links = json::array();
    for (int i = 1; i <= 10'000; ++i) {
      nodes.push_back({{"id", i}, {"type", "pass"}});
      if (i > 1) links.push_back({{"id", i}, {"fromNode", i - 1}, {"fromPort", 0}, {"toNode", i}, {"toPort", 0}});
    }
    const auto start = std::chrono::steady_clock::now();
    const Graph graph = Graph::fromJsonText(json{{"version", 1}, {"nodes", nodes}, {"links", links}}.dump());
    QCOMPARE(graph.topologicalOrder().size(), std::size_t(10'000));
    QCOMPARE(graph.topologicalOrder().front(), 1);
    QVERIFY(graph.cycles().empty());
    QCOMPARE(graph.upstream(10'000).size(), std::size_t(9'999));
    QVERIFY(graph.createsCycle(10'000, 1));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    QVERIFY2(seconds < 5.0 * kTimeBoundScale, std::to_string(seconds).c_str());
  }
};

QTEST_APPLESS_MAIN(tst_Graph)
#include "tst_Graph.moc"
