// Runs as the parallel-coordinates chart draws them (ParallelCoordinates): the axes (varying
// hyperparameters by name, the metric last), categorical, linear and log positions, gaps where a
// run lacks a parameter, hostile parameter text; and three real trees trained on credit-g.arff
// whose lines carry the roc_auc the project stored.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

#include "../ml/MlTestSupport.h"
#include "engine/experiments/ParallelCoordinates.h"
#include "engine/experiments/TrainModelJob.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"

using namespace lathe;
using experiments::ParallelCoordinates;

namespace {

store::ExperimentRun run(std::int64_t id, const std::string& name, const std::string& parameters,
                         std::vector<store::RunMetric> metrics) {
  store::ExperimentRun r;
  r.id = id;
  r.name = name;
  r.algorithm = "forest";
  r.task = "binary";
  r.parametersJson = parameters;
  r.metrics = std::move(metrics);
  return r;
}

std::vector<store::RunMetric> cv(double auc, double logLoss) {
  return {{"cv", "roc_auc", auc}, {"cv", "log_loss", logLoss}, {"train", "roc_auc", 1.0}};
}

std::vector<std::string> axisNames(const ParallelCoordinates& pc) {
  std::vector<std::string> names;
  for (const auto& axis : pc.axes) names.push_back(axis.name);
  return names;
}

bool near(double a, double b) { return std::abs(a - b) < 1e-12; }

// Three forests as the studio stores them: random_state and min_samples_leaf never change.
std::vector<store::ExperimentRun> forests() {
  return {run(11, "forest 50", R"({"n_estimators":50,"max_depth":4,"criterion":"gini","min_samples_leaf":1,"random_state":0})",
              cv(0.77, 0.52)),
          run(12, "forest 100", R"({"n_estimators":100,"max_depth":null,"criterion":"entropy","min_samples_leaf":1,"random_state":0})",
              cv(0.79, 0.50)),
          run(13, "forest 300", R"({"n_estimators":300,"max_depth":8,"criterion":"gini","min_samples_leaf":1,"random_state":0})",
              cv(0.78, 0.51))};
}

double storedMetric(const store::ExperimentRun& r, const std::string& split, const std::string& name) {
  for (const auto& m : r.metrics)
    if (m.split == split && m.name == name) return m.value;
  return std::nan("");
}

}  // namespace

class tst_ParallelCoordinates : public QObject {
  Q_OBJECT
 private slots:
  void varyingParametersByNameThenTheMetric() {
    const auto pc = ParallelCoordinates::of(forests());
    // min_samples_leaf and random_state are the same in every run: left out.
    QCOMPARE(axisNames(pc), (std::vector<std::string>{"criterion", "max_depth", "n_estimators", "roc_auc"}));
    QCOMPARE(pc.parameterAxisCount(), std::size_t{3});
    QCOMPARE(pc.metric, std::string("roc_auc"));  // the first metric of the cv split
    QCOMPARE(pc.split, std::string("cv"));
    QVERIFY(pc.higherIsBetter);
    QCOMPARE(pc.lines.size(), std::size_t{3});
    QCOMPARE(pc.lines[1].runId, std::int64_t{12});
    QCOMPARE(pc.lines[1].runName, std::string("forest 100"));
    for (const auto& line : pc.lines) QCOMPARE(line.positions.size(), std::size_t{4});

    // criterion: two categories, sorted, at the ends.
    const auto& criterion = pc.axes[0];
    QVERIFY(criterion.categorical);
    QCOMPARE(criterion.categories, (std::vector<std::string>{"entropy", "gini"}));
    QCOMPARE(pc.lines[0].positions[0], 1.0);
    QCOMPARE(pc.lines[1].positions[0], 0.0);
    QCOMPARE(criterion.categoryAt(0.9), std::string("gini"));

    // max_depth 4 / null (no limit) / 8: numbers by value, then null; spread evenly.
    const auto& depth = pc.axes[1];
    QVERIFY(depth.categorical);
    QCOMPARE(depth.categories, (std::vector<std::string>{"4", "8", "null"}));
    QCOMPARE(pc.lines[0].positions[1], 0.0);
    QCOMPARE(pc.lines[1].positions[1], 1.0);
    QCOMPARE(pc.lines[2].positions[1], 0.5);

    // n_estimators 50..300: 300 / 50 < 100, so linear.
    const auto& trees = pc.axes[2];
    QVERIFY(!trees.categorical);
    QVERIFY(!trees.logScale);
    QCOMPARE(trees.min, 50.0);
    QCOMPARE(trees.max, 300.0);
    QCOMPARE(pc.lines[0].positions[2], 0.0);
    QVERIFY(near(pc.lines[1].positions[2], 0.2));
    QCOMPARE(pc.lines[2].positions[2], 1.0);
    QVERIFY(near(trees.valueAt(0.2), 100.0));

    // The metric axis, last: linear between the worst and best run.
    const auto& metric = pc.axes[3];
    QVERIFY(!metric.categorical);
    QCOMPARE(metric.min, 0.77);
    QCOMPARE(metric.max, 0.79);
    QCOMPARE(pc.lines[0].metric, 0.77);
    QCOMPARE(pc.lines[1].metric, 0.79);
    QCOMPARE(pc.lines[0].positions[3], 0.0);
    QCOMPARE(pc.lines[1].positions[3], 1.0);
    QVERIFY(near(pc.lines[2].positions[3], 0.5));
  }

  void logScaleOnlyFromAHundredfoldSpan() {
    // xgboost learning rates 0.01 and 0.3: a span of 30, linear.
    auto linear = ParallelCoordinates::of({run(1, "a", R"({"learning_rate":0.01})", cv(0.7, 0.6)),
                                           run(2, "b", R"({"learning_rate":0.3})", cv(0.8, 0.5))});
    QVERIFY(!linear.axes[0].logScale);
    QCOMPARE(linear.axes[0].min, 0.01);
    QCOMPARE(linear.lines[1].positions[0], 1.0);

    // Adding 0.001 spans 300: log, so 0.01 sits at log(10) / log(300) of the way up.
    auto log = ParallelCoordinates::of({run(1, "a", R"({"learning_rate":0.01})", cv(0.7, 0.6)),
                                        run(2, "b", R"({"learning_rate":0.3})", cv(0.8, 0.5)),
                                        run(3, "c", R"({"learning_rate":0.001})", cv(0.75, 0.55))});
    const auto& rate = log.axes[0];
    QVERIFY(rate.logScale);
    QCOMPARE(log.lines[2].positions[0], 0.0);
    QVERIFY(near(log.lines[1].positions[0], 1.0));
    QVERIFY(near(log.lines[0].positions[0], std::log(10.0) / std::log(300.0)));
    QVERIFY(std::abs(rate.valueAt(log.lines[0].positions[0]) - 0.01) < 1e-12);

    // Exactly a hundredfold counts; a zero or a negative value never gets a log axis.
    auto hundred = ParallelCoordinates::of({run(1, "a", R"({"n_estimators":10})", {}), run(2, "b", R"({"n_estimators":1000})", {})});
    QVERIFY(hundred.axes[0].logScale);
    auto zero = ParallelCoordinates::of({run(1, "a", R"({"alpha":0})", {}), run(2, "b", R"({"alpha":1000})", {})});
    QVERIFY(!zero.axes[0].logScale);
    auto negative = ParallelCoordinates::of({run(1, "a", R"({"shift":-1})", {}), run(2, "b", R"({"shift":500})", {})});
    QVERIFY(!negative.axes[0].logScale);
    QVERIFY(near(negative.lines[0].positions[0], 0.0));
  }

  void booleansAreCategories() {
    const auto pc = ParallelCoordinates::of({run(1, "a", R"({"bootstrap":true,"max_features":"sqrt"})", cv(0.7, 0.6)),
                                             run(2, "b", R"({"bootstrap":false,"max_features":"log2"})", cv(0.8, 0.5)),
                                             run(3, "c", R"({"bootstrap":true,"max_features":0.5})", cv(0.8, 0.5))});
    QCOMPARE(axisNames(pc), (std::vector<std::string>{"bootstrap", "max_features", "roc_auc"}));
    QVERIFY(pc.axes[0].categorical);
    QCOMPARE(pc.axes[0].categories, (std::vector<std::string>{"false", "true"}));
    QCOMPARE(pc.lines[0].positions[0], 1.0);
    QCOMPARE(pc.lines[1].positions[0], 0.0);
    // A number among strings: first, then the strings sorted.
    QCOMPARE(pc.axes[1].categories, (std::vector<std::string>{"0.5", "log2", "sqrt"}));
    QCOMPARE(pc.lines[2].positions[1], 0.0);
    QCOMPARE(pc.lines[1].positions[1], 0.5);
    QCOMPARE(pc.lines[0].positions[1], 1.0);
  }

  void runsLackingAParameterGetNaN() {
    // Two logistic regressions beside a forest: the forest lacks their parameters. max_iter has
    // one value but the forest lacks it: it still varies. n_estimators is the forest's alone, so
    // it compares nothing and has no axis.
    const auto pc = ParallelCoordinates::of({run(1, "logistic", R"({"C":1.0,"max_iter":100})", cv(0.78, 0.5)),
                                             run(2, "forest", R"({"n_estimators":100})", cv(0.79, 0.49)),
                                             run(3, "logistic 2", R"({"C":10.0,"max_iter":100})", cv(0.77, 0.51))});
    QCOMPARE(axisNames(pc), (std::vector<std::string>{"C", "max_iter", "roc_auc"}));
    QVERIFY(std::isnan(pc.lines[1].positions[0]));
    QVERIFY(std::isnan(pc.lines[1].positions[1]));
    QCOMPARE(pc.lines[0].positions[0], 0.0);
    QCOMPARE(pc.lines[2].positions[0], 1.0);
    QCOMPARE(pc.lines[0].positions[1], 0.5);
  }

  void differentAlgorithmsAreTheFirstAxis() {
    auto logistic = run(1, "logistic", R"({"C":1.0,"penalty":"l2"})", cv(0.78, 0.5));
    logistic.algorithm = "logistic";
    const auto forest = run(2, "forest", R"({"n_estimators":100,"max_depth":null})", cv(0.79, 0.49));
    auto logistic2 = run(3, "logistic 2", R"({"C":10.0,"penalty":"l2"})", cv(0.77, 0.51));
    logistic2.algorithm = "logistic";
    // Two runs of different algorithms share no parameter: the algorithm, then the metric.
    auto pc = ParallelCoordinates::of({logistic, forest});
    QCOMPARE(axisNames(pc), (std::vector<std::string>{"algorithm", "roc_auc"}));
    QVERIFY(pc.axes[0].categorical);
    QCOMPARE(pc.axes[0].categories, (std::vector<std::string>{"forest", "logistic"}));
    QCOMPARE(pc.lines[0].positions[0], 1.0);
    QCOMPARE(pc.lines[1].positions[0], 0.0);
    // With a second logistic regression, the parameters the two share come back.
    pc = ParallelCoordinates::of({logistic, forest, logistic2});
    QCOMPARE(axisNames(pc), (std::vector<std::string>{"algorithm", "C", "penalty", "roc_auc"}));
  }

  void allConstantKeepsEveryParameter() {
    const auto pc = ParallelCoordinates::of({run(1, "a", R"({"C":1.0,"penalty":"l2"})", cv(0.78, 0.5)),
                                             run(2, "b", R"({"penalty":"l2","C":1.0})", cv(0.79, 0.5))});
    QCOMPARE(axisNames(pc), (std::vector<std::string>{"C", "penalty", "roc_auc"}));
    QCOMPARE(pc.lines[0].positions[0], 0.5);
    QCOMPARE(pc.lines[1].positions[1], 0.5);
  }

  void metricByNameAndMissingMetrics() {
    auto runs = forests();
    runs[2].metrics = {{"cv", "roc_auc", 0.78}};  // no log_loss
    auto loss = ParallelCoordinates::of(runs, "log_loss");
    QCOMPARE(loss.metric, std::string("log_loss"));
    QVERIFY(!loss.higherIsBetter);
    QCOMPARE(loss.axes.back().name, std::string("log_loss"));
    QCOMPARE(loss.lines[0].metric, 0.52);
    QVERIFY(std::isnan(loss.lines[2].metric));
    QVERIFY(std::isnan(loss.lines[2].positions.back()));
    QCOMPARE(loss.lines[0].positions.back(), 1.0);  // positions are values; the chart turns them over
    QCOMPARE(loss.axes.back().min, 0.50);

    // A NaN score (a metric that could not be computed) is no value either.
    runs[1].metrics = {{"cv", "roc_auc", std::nan("")}};
    const auto auc = ParallelCoordinates::of(runs);
    QVERIFY(std::isnan(auc.lines[1].metric));
    QCOMPARE(auc.axes.back().min, 0.77);
    QCOMPARE(auc.axes.back().max, 0.78);

    // The first run without metrics (still running) does not choose; a holdout run judges on test.
    std::vector<store::ExperimentRun> holdout = {run(1, "running", R"({"C":1})", {}),
                                                 run(2, "holdout", R"({"C":2})", {{"train", "accuracy", 0.9}, {"test", "accuracy", 0.8}})};
    const auto test = ParallelCoordinates::of(holdout);
    QCOMPARE(test.metric, std::string("accuracy"));
    QCOMPARE(test.split, std::string("test"));
    QCOMPARE(test.lines[1].metric, 0.8);
    QVERIFY(std::isnan(test.lines[0].metric));

    // As the store lists them, by name: a binary run is still judged by its headline roc_auc,
    // a regression by r2.
    auto listed = run(1, "stored", R"({"C":1})", {{"cv", "accuracy", 0.7}, {"cv", "log_loss", 0.5}, {"cv", "roc_auc", 0.8}});
    QCOMPARE(ParallelCoordinates::of({listed}).metric, std::string("roc_auc"));
    listed.task = "regression";
    listed.metrics = {{"test", "mae", 3.0}, {"test", "r2", 0.6}, {"test", "rmse", 4.0}};
    QCOMPARE(ParallelCoordinates::of({listed}).metric, std::string("r2"));
    listed.task = "clustering";
    QCOMPARE(ParallelCoordinates::of({listed}).metric, std::string("mae"));

    // No run has a metric: the parameter axes only.
    const auto none = ParallelCoordinates::of({run(1, "a", R"({"C":1})", {}), run(2, "b", R"({"C":2})", {})});
    QVERIFY(none.metric.empty());
    QCOMPARE(axisNames(none), (std::vector<std::string>{"C"}));
    QCOMPARE(none.parameterAxisCount(), std::size_t{1});
  }

  // BAD_INPUTS (stored text from elsewhere): not JSON, not an object, truncated, invalid UTF-8,
  // deep nesting, huge literals: no parameters (or the value kept), never a throw.
  void hostileParameterTextNeverThrows() {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const std::string deepValue = "{\"layers\":" + std::string(3000, '[') + std::string(3000, ']') + "}";
    const std::vector<std::string> texts = {"", "not json", "[1,2,3]", "null", "42", "\"C\"", "{\"C\":", "{\"C\":1,}",
                                            "{\"name\":\"\xC3\x28\"}", "{\"C\":\"\xED\xA0\x80\"}", deep, deepValue,
                                            "{\"C\":1e999}", "{\"C\":-1e999}", "{\"C\":18446744073709551615}",
                                            "{\"\":1}", "{\"C\":[1,{\"a\":null}]}"};
    std::vector<store::ExperimentRun> runs;
    for (std::size_t i = 0; i < texts.size(); ++i)
      runs.push_back(run(static_cast<std::int64_t>(i), "run " + std::to_string(i), texts[i], cv(0.5 + 0.01 * static_cast<double>(i), 0.5)));
    ParallelCoordinates pc;
    try {
      pc = ParallelCoordinates::of(runs);
    } catch (...) {
      QFAIL("threw on hostile parameters");
    }
    QCOMPARE(pc.lines.size(), texts.size());
    for (const auto& line : pc.lines) QCOMPARE(line.positions.size(), pc.axes.size());
    // Only the objects gave parameters (name, invalid UTF-8, is refused whole); "" and layers are
    // one run's alone and compare nothing, so C is the one axis besides the metric.
    QCOMPARE(axisNames(pc), (std::vector<std::string>{"C", "roc_auc"}));
    for (std::size_t i = 0; i < 11; ++i) QVERIFY(std::isnan(pc.lines[i].positions[0]));
    for (const auto& line : pc.lines)
      for (double p : line.positions) QVERIFY(std::isnan(p) || (p >= 0.0 && p <= 1.0));

    QVERIFY(ParallelCoordinates::of({}).axes.empty());
    QVERIFY(ParallelCoordinates::of({}).lines.empty());
    QVERIFY(ParallelCoordinates::of({}).metric.empty());
  }

  // Three decision trees of different depths on credit-g, trained and stored for real: each
  // line's metric is the roc_auc the project holds for that run.
  void realTreesCarryTheirStoredAuc() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::shared_ptr<store::Project> project = store::Project::create(dir.filePath("credit.lathe").toStdString(), store::ProjectInfo{"Credit", {}, {}, {}, {}, {}, {}});
    const auto table = std::make_shared<const data::Table>(mltest::loadTable("credit-g.arff"));
    std::vector<std::int64_t> ids;
    for (const nlohmann::json& depth : {nlohmann::json(2), nlohmann::json(6), nlohmann::json(nullptr)}) {
      experiments::TrainingRequest request;
      request.table = table;
      request.target = "class";
      request.algorithm = "tree";
      request.parameters = {{"max_depth", depth}};
      request.learningCurve = false;
      request.runName = "tree depth " + depth.dump();
      experiments::TrainModelJob job(project, request);
      mltest::QuietContext quiet;
      job.run(quiet.context);
      ids.push_back(job.result().id);
    }
    store::RunRepository repository(project->db());
    std::vector<store::ExperimentRun> stored;
    for (auto id : ids) stored.push_back(*repository.get(id));

    const auto pc = ParallelCoordinates::of(stored);
    QCOMPARE(pc.metric, std::string("roc_auc"));
    QCOMPARE(pc.split, std::string("cv"));
    // Only max_depth differs between the three runs.
    QCOMPARE(axisNames(pc), (std::vector<std::string>{"max_depth", "roc_auc"}));
    QCOMPARE(pc.axes[0].categories, (std::vector<std::string>{"2", "6", "null"}));
    for (std::size_t i = 0; i < stored.size(); ++i) {
      QCOMPARE(pc.lines[i].runId, ids[i]);
      QCOMPARE(pc.lines[i].runName, stored[i].name);
      const double auc = storedMetric(stored[i], "cv", "roc_auc");
      QVERIFY(auc > 0.5 && auc < 1.0);
      QCOMPARE(pc.lines[i].metric, auc);
      QCOMPARE(pc.lines[i].positions[0], 0.5 * static_cast<double>(i));
    }
    // The deepest unpruned tree overfits: not the best of the three.
    const auto& metric = pc.axes[1];
    QVERIFY(metric.max > metric.min);
    QVERIFY(pc.lines[2].positions[1] < 1.0);
  }
};

QTEST_APPLESS_MAIN(tst_ParallelCoordinates)
#include "tst_ParallelCoordinates.moc"
