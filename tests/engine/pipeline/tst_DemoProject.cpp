// The German credit demo: what DemoProject::write puts in a project (the dataset from
// credit-g.arff's bytes, goal, KPI, cost matrix, the pipeline laid out left to right), that the
// pipeline validates and runs through the Executor to three recorded runs with sane test
// scores, and that bad ARFF bytes, an existing file and Cancel leave no project behind.
#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stop_token>

#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "engine/pipeline/DemoProject.h"
#include "engine/pipeline/Executor.h"
#include "engine/pipeline/GraphValidation.h"
#include "engine/pipeline/PipelineEnvironment.h"
#include "engine/pipeline/nodes/MetricsValue.h"
#include "engine/pipeline/nodes/NodeCatalogue.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/PipelineRepository.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectInfoRepository.h"
#include "engine/store/RunRepository.h"
#include "TestPaths.h"

using namespace lathe;
using namespace lathe::pipeline;
using lathe::jobs::JobContext;

namespace {

class QuietSink final : public jobs::ProgressSink {
 public:
  void report(double, std::string_view) override {}
};

std::string creditArff() {
  std::ifstream in(std::string(LATHE_DATASETS_DIR) + "/credit-g.arff", std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

class tst_DemoProject : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  QuietSink sink_;
  std::stop_source stop_;

  std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

 private slots:
  void writesDataGoalKpiCostsAndPipeline() {
    const std::string file = path("demo.lathe");
    DemoProject::write(file, creditArff(), JobContext(stop_.get_token(), sink_));
    auto project = store::Project::open(file);
    const store::ProjectInfo info = store::ProjectInfoRepository(project->db()).load();
    QCOMPARE(info.name, std::string("German credit"));
    QVERIFY(info.goal.find("limiting losses") != std::string::npos);
    QCOMPARE(info.kpi.metric, std::string("roc_auc"));
    QVERIFY(info.kpi.higherIsBetter);
    QCOMPARE(info.kpi.target.value_or(0), 0.75);
    // "good" is the positive class (sorted labels: bad, good): approving a bad credit is the
    // false positive that costs 5, refusing a good one the false negative that costs 1.
    QCOMPARE(info.costs.falsePositive.value_or(0), -5.0);
    QCOMPARE(info.costs.falseNegative.value_or(0), -1.0);

    const auto datasets = store::DatasetRepository(project->db()).list();
    QCOMPARE(datasets.size(), std::size_t{1});
    QCOMPARE(datasets[0].name, std::string("credit-g"));
    QCOMPARE(datasets[0].versions.at(0).rowCount, std::int64_t{1000});
    QCOMPARE(datasets[0].versions.at(0).columnCount, std::int64_t{21});

    const auto stored = store::PipelineRepository(project->db()).get("German credit");
    QVERIFY(stored);
    const Graph graph = Graph::fromJsonText(stored->definitionJson);
    QVERIFY(GraphValidation::validate(graph, NodeCatalogue::standard()).empty());
    std::map<std::string, int> kinds;
    for (const auto& [id, node] : graph.nodes()) ++kinds[node.type];
    QCOMPARE(kinds, (std::map<std::string, int>{{"compare", 1}, {"evaluate", 3}, {"import", 1}, {"recipe", 1},
                                                {"split", 1}, {"train", 3}}));
    std::set<std::string> algorithms;
    for (const auto& [id, node] : graph.nodes())
      if (node.type == "train") algorithms.insert(node.parameters.at("algorithm").get<std::string>());
    QCOMPARE(algorithms, (std::set<std::string>{"forest", "logistic", "xgboost"}));
    // Left to right: every link goes rightwards, and no two nodes share a place.
    for (const auto& [id, link] : graph.links()) QVERIFY(graph.node(link.fromNode)->x < graph.node(link.toNode)->x);
    std::set<std::pair<double, double>> places;
    for (const auto& [id, node] : graph.nodes()) QVERIFY(places.emplace(node.x, node.y).second);
  }

  void runsToThreeRunsThatMeetTheKpi() {
    const std::string file = path("run.lathe");
    DemoProject::write(file, creditArff(), JobContext(stop_.get_token(), sink_));
    std::shared_ptr<store::Project> project = store::Project::open(file);
    const Graph graph = Graph::fromJsonText(store::PipelineRepository(project->db()).get("German credit")->definitionJson);
    Executor executor(2);
    executor.setEnvironment(PipelineEnvironment::make(project, 0, graph), PipelineEnvironment::fingerprint(0));
    const auto summary = executor.run(graph, NodeCatalogue::standard(), {}, JobContext(stop_.get_token(), sink_));
    QVERIFY(summary.succeeded());
    QCOMPARE(summary.ran, 10);

    const auto runs = store::RunRepository(project->db()).list();
    QCOMPARE(runs.size(), std::size_t{3});
    for (const auto& run : runs) {
      double auc = std::nan("");
      for (const auto& m : run.metrics)
        if (m.split == "test" && m.name == "roc_auc") auc = m.value;
      // scikit-learn's logistic regression and forest score 0.73-0.82 test ROC AUC on credit-g
      // over three stratified 75/25 splits (measured once, seeds 0-2).
      QVERIFY2(auc > 0.7 && auc < 0.9, (run.name + " " + std::to_string(auc)).c_str());
    }
    int compare = 0;
    for (const auto& [id, node] : graph.nodes())
      if (node.type == "compare") compare = id;
    const auto comparison = (*executor.outputs(graph, NodeCatalogue::standard(), compare))[0].get<MetricsValue>();
    QCOMPARE(comparison->runs.size(), std::size_t{3});
    QVERIFY(comparison->best >= 0);
    QCOMPARE(comparison->bestMetric, std::string("roc_auc"));
    QVERIFY2(comparison->summary.find(comparison->runs[static_cast<std::size_t>(comparison->best)].name) == 0,
             comparison->summary.c_str());
    QVERIFY(comparison->comparison->meetsKpi.size() == 3);
  }

  void badBytesAnExistingFileOrCancelLeaveNothing() {
    const std::string bad = path("bad.lathe");
    try {
      DemoProject::write(bad, "@relation x\n@attribute a numeric\n@data\n1,2\n", JobContext(stop_.get_token(), sink_));
      QFAIL("a wrong row was accepted");
    } catch (const Error& e) {
      QVERIFY2(std::string(e.what()).find("4") != std::string::npos, e.what());  // the line of the bad row
    }
    QVERIFY(!std::filesystem::exists(bad));
    try {
      DemoProject::write(bad, "", JobContext(stop_.get_token(), sink_));
      QFAIL("empty bytes were accepted");
    } catch (const Error&) {
    }
    QVERIFY(!std::filesystem::exists(bad));

    const std::string existing = path("existing.lathe");
    { std::ofstream(existing) << "keep me"; }
    QVERIFY_THROWS_EXCEPTION(Error, DemoProject::write(existing, creditArff(), JobContext(stop_.get_token(), sink_)));
    std::ifstream kept(existing);
    std::string text;
    std::getline(kept, text);
    QCOMPARE(text, std::string("keep me"));

    std::stop_source stopped;
    stopped.request_stop();
    const std::string cancelled = path("cancelled.lathe");
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, DemoProject::write(cancelled, creditArff(), JobContext(stopped.get_token(), sink_)));
    QVERIFY(!std::filesystem::exists(cancelled));
  }
};

QTEST_APPLESS_MAIN(tst_DemoProject)
#include "tst_DemoProject.moc"
