// The decision tree against scikit-learn 1.2: its exact structure on small hand-made tables,
// accuracy and R² under the same 5-fold split on real data, importances; missing values, the
// model file (BAD_INPUTS case 33), cancel and the bad inputs of issue 6.
#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>

#include "MlTestSupport.h"
#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/ml/DecisionTree.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/ModelFile.h"

using namespace lathe;
using namespace lathe::ml;

namespace {

TrainingData fromRows(const std::vector<std::vector<double>>& rows, std::vector<double> y, Task task,
                      std::size_t classes = 0) {
  const std::size_t cols = rows.empty() ? 0 : rows[0].size();
  std::vector<std::string> names;
  for (std::size_t c = 0; c < cols; ++c) names.push_back("x" + std::to_string(c + 1));
  TrainingData data{FeatureMatrix(rows.size(), names), std::move(y), task, {}, "y"};
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < cols; ++c) data.x.at(r, c) = rows[r][c];
  for (std::size_t k = 0; k < classes; ++k) data.classes.push_back("c" + std::to_string(k));
  return data;
}

// The tiny table: found by a search for data whose tree is the same under every scikit-learn
// random_state (no ties between splits), so the structure is fully determined.
const std::vector<std::vector<double>> kTiny = {
    {1.5, 9.7, 1.6}, {7.3, 8.9, 8.6}, {1.8, 2.4, 0.2}, {9.3, 8.9, 6.0}, {1.1, 1.7, 5.8}, {2.5, 3.0, 1.7}, {1.9, 4.6, 5.1},
    {5.1, 10.0, 1.3}, {7.6, 7.9, 5.8}, {4.6, 8.9, 8.3}, {0.5, 9.6, 0.1}, {5.7, 5.7, 8.3}, {3.8, 0.9, 5.8}, {0.2, 3.6, 9.9}};

struct ExpectedNode {
  int feature;  // -2: leaf, as scikit-learn prints it
  double threshold;
  int left, right, samples;
  double impurity;
  std::vector<double> value;
};

double mean(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()); }

// Mean over the interleaved 5 folds (row i in fold i % 5) of accuracy or R².
double crossValidated(const Estimator& prototype, const TrainingData& data) {
  std::vector<double> scores;
  for (const auto& fold : mltest::interleavedFolds(data.x.rows(), 5)) {
    auto model = prototype.clone();
    mltest::QuietContext quiet;
    model->fit(data.selectRows(fold.train), quiet.context);
    const TrainingData test = data.selectRows(fold.test);
    const auto predicted = model->predict(test.x);
    if (isClassification(data.task)) {
      double hits = 0;
      for (std::size_t i = 0; i < predicted.size(); ++i) hits += predicted[i] == test.y[i] ? 1 : 0;
      scores.push_back(hits / static_cast<double>(predicted.size()));
    } else {
      const double m = mean(test.y);
      double res = 0, tot = 0;
      for (std::size_t i = 0; i < predicted.size(); ++i) {
        res += (test.y[i] - predicted[i]) * (test.y[i] - predicted[i]);
        tot += (test.y[i] - m) * (test.y[i] - m);
      }
      scores.push_back(1.0 - res / tot);
    }
  }
  return mean(scores);
}

template <typename F>
ErrorCode errorCodeOf(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::Internal;  // "did not throw"
}

}  // namespace

class tst_DecisionTree : public QObject {
  Q_OBJECT

  void compareStructure(const TreeStructure& tree, const std::vector<ExpectedNode>& expected) {
    QCOMPARE(tree.nodes.size(), expected.size());
    for (std::size_t n = 0; n < expected.size(); ++n) {
      const TreeNode& node = tree.nodes[n];
      const ExpectedNode& e = expected[n];
      QCOMPARE(node.feature, e.feature == -2 ? -1 : e.feature);
      if (e.feature >= 0) {
        QVERIFY2(std::abs(node.threshold - e.threshold) < 1e-6, qPrintable(QString::number(n)));  // sklearn: float32
        QCOMPARE(node.left, e.left);
        QCOMPARE(node.right, e.right);
      }
      QCOMPARE(node.samples, double(e.samples));
      QVERIFY2(std::abs(node.impurity - e.impurity) < 1e-9, qPrintable(QString::number(n)));
      const auto value = tree.value(n);
      QCOMPARE(value.size(), e.value.size());
      for (std::size_t k = 0; k < value.size(); ++k) QVERIFY(std::abs(value[k] - e.value[k]) < 1e-12);
    }
  }

 private slots:
  void classificationStructureIsScikitLearns() {
    const auto data = fromRows(kTiny, {1, 1, 0, 0, 2, 1, 0, 1, 2, 2, 1, 2, 2, 1}, Task::Multiclass, 3);
    DecisionTree tree;
    mltest::QuietContext quiet;
    tree.fit(data, quiet.context);
    // DecisionTreeClassifier(random_state=0).fit(X, y).tree_ (feature, threshold, children_left,
    // children_right, n_node_samples, impurity, value / value.sum()), printed by /usr/bin/python3.
    compareStructure(tree.structure(),
                     {{2, 5.450000047683716, 1, 6, 14, 0.6428571428571428, {0.21428571428571427, 0.42857142857142855, 0.35714285714285715}},
                      {1, 7.1000001430511475, 2, 5, 6, 0.4444444444444444, {0.3333333333333333, 0.6666666666666666, 0.0}},
                      {0, 2.199999988079071, 3, 4, 3, 0.4444444444444444, {0.6666666666666666, 0.3333333333333333, 0.0}},
                      {-2, -2.0, -1, -1, 2, 0.0, {1.0, 0.0, 0.0}},
                      {-2, -2.0, -1, -1, 1, 0.0, {0.0, 1.0, 0.0}},
                      {-2, -2.0, -1, -1, 3, 0.0, {0.0, 1.0, 0.0}},
                      {2, 8.450000286102295, 7, 10, 8, 0.53125, {0.125, 0.25, 0.625}},
                      {0, 8.450000047683716, 8, 9, 6, 0.2777777777777778, {0.16666666666666666, 0.0, 0.8333333333333334}},
                      {-2, -2.0, -1, -1, 5, 0.0, {0.0, 0.0, 1.0}},
                      {-2, -2.0, -1, -1, 1, 0.0, {1.0, 0.0, 0.0}},
                      {-2, -2.0, -1, -1, 2, 0.0, {0.0, 1.0, 0.0}}});
    QCOMPARE(tree.structure().depth(), std::size_t(3));
    QCOMPARE(tree.structure().leafCount(), std::size_t(6));
    // A grown-out tree predicts its training rows.
    const auto predicted = tree.predict(data.x);
    QCOMPARE(predicted, data.y);
  }

  void regressionStructureIsScikitLearns() {
    const auto data =
        fromRows(kTiny, {5.8, 3.4, 8.8, 8.7, 9.9, 7.2, 8.8, 3.2, 1.1, 8.7, 3.0, 4.2, 6.5, 6.1}, Task::Regression);
    auto tree = EstimatorRegistry::create("tree", {{"max_depth", 3}});
    mltest::QuietContext quiet;
    tree->fit(data, quiet.context);
    // DecisionTreeRegressor(random_state=0, max_depth=3), as above; value is the node's mean.
    compareStructure(static_cast<DecisionTree&>(*tree).structure(),
                     {{1, 5.1499998569488525, 1, 6, 14, 6.994285714285702, {6.1000000000000005}},
                      {2, 7.849999904632568, 2, 5, 6, 1.88472222222223, {7.883333333333333}},
                      {0, 2.199999988079071, 3, 4, 5, 1.498400000000018, {8.24}},
                      {-2, -2.0, -1, -1, 3, 0.2688888888889096, {9.166666666666668}},
                      {-2, -2.0, -1, -1, 2, 0.12249999999993832, {6.85}},
                      {-2, -2.0, -1, -1, 1, 0.0, {6.1}},
                      {0, 8.450000047683716, 7, 10, 8, 6.652343749999979, {4.7625}},
                      {0, 4.849999904632568, 8, 9, 7, 5.071428571428569, {4.2}},
                      {-2, -2.0, -1, -1, 3, 5.415555555555557, {5.833333333333333}},
                      {-2, -2.0, -1, -1, 4, 1.3118750000000041, {2.9750000000000005}},
                      {-2, -2.0, -1, -1, 1, 0.0, {8.7}}});
  }

  void accuracyMatchesScikitLearn_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("target");
    QTest::addColumn<double>("sklearn");
    // cross_val_score(DecisionTreeClassifier(random_state=0), X, y,
    // cv=PredefinedSplit(np.arange(n) % 5)).mean(), X = pd.get_dummies(features) (/usr/bin/python3,
    // sklearn 1.2). Its random_state only breaks ties between splits, and moves the score: over
    // random_state 0..9 breast_cancer 0.926..0.944, wine 0.893..0.938, credit-g 0.664..0.691.
    QTest::newRow("breast_cancer") << "breast_cancer.csv" << "diagnosis" << 0.9403;
    QTest::newRow("wine") << "wine.csv" << "cultivar" << 0.8983;
    QTest::newRow("credit-g") << "credit-g.arff" << "class" << 0.6770;
  }
  void accuracyMatchesScikitLearn() {
    QFETCH(QString, file);
    QFETCH(QString, target);
    QFETCH(double, sklearn);
    const auto data = mltest::loadTraining(file.toStdString(), target.toStdString());
    const double ours = crossValidated(DecisionTree(), data);
    qInfo("%s: tree accuracy %.4f, scikit-learn %.4f", qPrintable(file), ours, sklearn);
    QVERIFY(std::abs(ours - sklearn) <= 0.02);
  }

  void regressionMatchesScikitLearn() {
    const auto data = mltest::loadTraining("diabetes_progression.csv", "progression");
    QCOMPARE(data.task, Task::Regression);
    auto tree = EstimatorRegistry::create("tree", {{"max_depth", 3}});
    const double ours = crossValidated(*tree, data);
    // cross_val_score(DecisionTreeRegressor(max_depth=3, random_state=r), ..., scoring="r2"): 0.34716
    // for every r in 0..2 (no ties at this depth).
    qInfo("diabetes_progression: tree R2 %.5f, scikit-learn 0.34716", ours);
    QVERIFY(std::abs(ours - 0.34716) <= 0.02);
  }

  void importancesAsScikitLearn() {
    const auto data = mltest::loadTraining("breast_cancer.csv", "diagnosis");
    DecisionTree tree;
    mltest::QuietContext quiet;
    tree.fit(data, quiet.context);
    const auto importances = tree.featureImportances();
    QCOMPARE(importances.size(), std::size_t(30));
    QVERIFY(std::abs(std::accumulate(importances.begin(), importances.end(), 0.0) - 1.0) < 1e-12);
    // Mean over random_state 0..19 of DecisionTreeClassifier(random_state=r).fit(X, y)
    // .feature_importances_ (/usr/bin/python3): the size of the worst nucleus (worst radius,
    // perimeter, area: features 20, 22, 23) 0.7081 together, worst concave points (27) 0.1193.
    // The three size features split the rows the same way at the root; scikit-learn's exact
    // thresholds favour radius, Lathe's binned ones area, so they are compared as a group.
    QVERIFY(std::abs(importances[20] + importances[22] + importances[23] - 0.7081) < 0.03);
    QVERIFY(std::abs(importances[27] - 0.1193) < 0.05);
    QVERIFY(std::abs(tree.structure().nodes[0].impurity - 0.46753006) < 1e-6);  // the root's gini, as sklearn's
  }

  void probabilitiesAreLeafShares() {
    const auto data = mltest::loadTraining("wine.csv", "cultivar");
    auto tree = EstimatorRegistry::create("tree", {{"max_depth", 2}, {"criterion", "entropy"}});
    mltest::QuietContext quiet;
    tree->fit(data, quiet.context);
    const auto proba = tree->predictProba(data.x);
    const auto predicted = tree->predict(data.x);
    QCOMPARE(proba.classes, std::size_t(3));
    for (std::size_t r = 0; r < proba.rows; ++r) {
      double sum = 0, best = -1;
      std::size_t arg = 0;
      for (std::size_t k = 0; k < 3; ++k) {
        sum += proba.at(r, k);
        if (proba.at(r, k) > best) best = proba.at(r, k), arg = k;
      }
      QVERIFY(std::abs(sum - 1.0) < 1e-12);
      QCOMPARE(predicted[r], double(arg));
    }
    QCOMPARE(static_cast<DecisionTree&>(*tree).structure().depth(), std::size_t(2));
  }

  void missingValuesGoWhereTheyGainMost() {
    // The class is 1 exactly where x1 is missing; x2 is noise. One split on x1 separates them.
    std::vector<std::vector<double>> rows;
    std::vector<double> y;
    std::mt19937 random(3);
    for (int i = 0; i < 200; ++i) {
      const bool missing = i % 3 == 0;
      rows.push_back({missing ? NAN : double(i % 17), double(random() % 100)});
      y.push_back(missing ? 1 : 0);
    }
    const auto data = fromRows(rows, y, Task::Binary, 2);
    DecisionTree tree;
    mltest::QuietContext quiet;
    tree.fit(data, quiet.context);
    QCOMPARE(tree.structure().nodes.size(), std::size_t(3));
    QCOMPARE(tree.structure().nodes[0].feature, 0);
    QCOMPARE(tree.predict(data.x), y);
    // Real data with a tenth of the values knocked out still learns.
    auto cancer = mltest::loadTraining("breast_cancer.csv", "diagnosis");
    for (std::size_t c = 0; c < cancer.x.cols(); ++c)
      for (std::size_t r = (c * 7) % 10; r < cancer.x.rows(); r += 10) cancer.x.at(r, c) = NAN;
    const double accuracy = crossValidated(DecisionTree(), cancer);
    qInfo("breast_cancer with 10%% missing: accuracy %.4f", accuracy);
    QVERIFY(accuracy > 0.88);
  }

  void unseenMissingFollowsTheLargerChild() {
    const auto data = fromRows({{1}, {2}, {3}, {10}}, {0, 0, 0, 1}, Task::Binary, 2);
    DecisionTree tree;
    mltest::QuietContext quiet;
    tree.fit(data, quiet.context);
    FeatureMatrix x(1, {"x1"});
    x.at(0, 0) = NAN;
    QCOMPARE(tree.predict(x), std::vector<double>{0.0});  // three rows went left
  }

  void saveAndLoadGiveTheSamePredictions() {
    const auto data = mltest::loadTraining("credit-g.arff", "class");
    auto tree = EstimatorRegistry::create("tree", {{"min_samples_leaf", 3}});
    mltest::QuietContext quiet;
    tree->fit(data, quiet.context);
    const std::string bytes = ModelFile::serialize(*tree);
    const auto loaded = ModelFile::deserialize(bytes);
    QCOMPARE(loaded->algorithm(), std::string("tree"));
    QCOMPARE(loaded->parameters(), tree->parameters());
    QCOMPARE(loaded->predict(data.x), tree->predict(data.x));
    QCOMPARE(loaded->predictProba(data.x).values, tree->predictProba(data.x).values);
    QCOMPARE(loaded->featureImportances(), tree->featureImportances());
    // Every truncation of the file is an error, never a crash.
    for (std::size_t size = 0; size < bytes.size(); size += 1 + size / 16)
      QVERIFY(errorCodeOf([&] { ModelFile::deserialize(std::string_view(bytes).substr(0, size)); }) != ErrorCode::Internal);
  }

  void adversarialTreesAreRefused() {
    const auto data = fromRows(kTiny, {1, 1, 0, 0, 2, 1, 0, 1, 2, 2, 1, 2, 2, 1}, Task::Multiclass, 3);
    DecisionTree tree;
    mltest::QuietContext quiet;
    tree.fit(data, quiet.context);
    const auto loads = [](const std::string& bytes) {
      ModelReader in(bytes);
      DecisionTree other;
      other.load(in);
    };
    ModelWriter good;
    tree.save(good);
    loads(good.data());  // the untouched bytes load
    for (std::size_t size = 0; size < good.data().size(); size += 7)
      QCOMPARE(errorCodeOf([&] { loads(good.data().substr(0, size)); }), ErrorCode::Parse);
    const auto broken = [&](auto&& change) {
      DecisionTree copy = tree;
      TreeStructure s = copy.structure();
      change(s);
      ModelWriter out;
      TreeModelStateLike(out, data);
      s.write(out);
      return errorCodeOf([&] { loads(out.data()); });
    };
    QCOMPARE(broken([](TreeStructure& s) { s.nodes[0].left = 99; }), ErrorCode::Parse);             // child out of range
    QCOMPARE(broken([](TreeStructure& s) { s.nodes[1].left = 0; }), ErrorCode::Parse);              // a cycle
    QCOMPARE(broken([](TreeStructure& s) { s.nodes[0].feature = 7; }), ErrorCode::Parse);           // wrong feature count
    QCOMPARE(broken([](TreeStructure& s) { s.nodes[0].threshold = NAN; }), ErrorCode::Parse);       // NaN threshold
    QCOMPARE(broken([](TreeStructure& s) { s.values.pop_back(); }), ErrorCode::Parse);              // values short
    QCOMPARE(broken([](TreeStructure& s) { s.values[0] = INFINITY; }), ErrorCode::Parse);
    QCOMPARE(broken([](TreeStructure& s) { s.nodes.clear(); s.values.clear(); }), ErrorCode::Parse);  // no nodes
  }

  void cancelStopsFitting() {
    std::mt19937 random(1);
    std::vector<std::vector<double>> rows;
    std::vector<double> y;
    for (int i = 0; i < 200'000; ++i) {
      rows.push_back({double(random() % 1000), double(random() % 1000), double(random() % 1000)});
      y.push_back(double(random() % 2));
    }
    const auto data = fromRows(rows, y, Task::Binary, 2);
    std::stop_source stop;
    StoppingSink sink(stop, 0.3);
    const jobs::JobContext context(stop.get_token(), sink);
    DecisionTree tree;
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, tree.fit(data, context));
    QVERIFY(!sink.fractions.empty());
    QVERIFY(sink.fractions.back() < 0.5);  // stopped soon after the request
    QVERIFY(std::is_sorted(sink.fractions.begin(), sink.fractions.end()));
    QVERIFY(tree.structure().nodes.empty());  // nothing half-fitted is kept
  }

  void badInputsAreClearErrors() {
    mltest::QuietContext quiet;
    const auto fits = [&](const TrainingData& data, const nlohmann::json& p = {}) {
      return errorCodeOf([&] { EstimatorRegistry::create("tree", p)->fit(data, quiet.context); });
    };
    QCOMPARE(fits(fromRows({}, {}, Task::Binary, 2)), ErrorCode::InvalidArgument);                      // no rows
    QCOMPARE(fits(fromRows({{1}, {2}}, {0, 0}, Task::Binary, 2)), ErrorCode::InvalidArgument);          // one class present
    QCOMPARE(fits(fromRows({{1}, {2}}, {0, 0}, Task::Binary, 1)), ErrorCode::InvalidArgument);          // one class only
    QCOMPARE(fits(fromRows({{1}, {INFINITY}}, {0, 1}, Task::Binary, 2)), ErrorCode::InvalidArgument);   // inf
    QCOMPARE(fits(fromRows({{1}, {2}}, {0, 5}, Task::Binary, 2)), ErrorCode::InvalidArgument);          // not a class
    QCOMPARE(fits(fromRows({{1}, {2}}, {0, NAN}, Task::Regression)), ErrorCode::InvalidArgument);       // NaN target
    QCOMPARE(fits(fromRows({{1}, {2}}, {}, Task::Clustering)), ErrorCode::InvalidArgument);
    QCOMPARE(fits(fromRows({{1}, {2}}, {0, 1}, Task::Binary, 2), {{"criterion", "squared_error"}}), ErrorCode::InvalidArgument);
    QCOMPARE(fits(fromRows({{1}, {2}}, {0, 1}, Task::Regression), {{"criterion", "gini"}}), ErrorCode::InvalidArgument);
    for (const auto& p : {nlohmann::json{{"max_depth", 0}}, nlohmann::json{{"min_samples_leaf", 0}},
                          nlohmann::json{{"min_samples_split", 1}}, nlohmann::json{{"criterion", "mse"}},
                          nlohmann::json{{"max_features", 1.5}}, nlohmann::json{{"max_features", "half"}},
                          nlohmann::json{{"random_state", -1}}, nlohmann::json{{"depth", 3}}, nlohmann::json::array()}) {
      try {
        EstimatorRegistry::create("tree", p);
        QFAIL(qPrintable(QString::fromStdString(p.dump())));
      } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QVERIFY(QString::fromStdString(e.message()).startsWith("tree: "));
      }
    }
    // A single row, an all-missing column and more columns than rows are documented behaviour.
    DecisionTree one;
    one.fit(fromRows({{1, NAN, 3, 4}}, {2.5}, Task::Regression), quiet.context);
    QCOMPARE(one.structure().nodes.size(), std::size_t(1));
    FeatureMatrix x(1, {"x1", "x2", "x3", "x4"});
    QCOMPARE(one.predict(x), std::vector<double>{2.5});
    DecisionTree wide;
    wide.fit(fromRows({{NAN, 1, 2, 3, 4}, {NAN, 4, 3, 2, 1}, {NAN, 0, 0, 0, 0}}, {0, 1, 1}, Task::Binary, 2), quiet.context);
    QCOMPARE(wide.featureImportances()[0], 0.0);  // the all-missing column is never used
    // Predicting on another number of features, or before fitting.
    QCOMPARE(errorCodeOf([&] { one.predict(FeatureMatrix(2, {"a"})); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorCodeOf([&] { DecisionTree().predict(x); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorCodeOf([&] { one.predictProba(x); }), ErrorCode::Unsupported);
  }

 private:
  // The fields a tree saves before its nodes, written as DecisionTree::save does.
  static void TreeModelStateLike(ModelWriter& out, const TrainingData& data) {
    out.u32(static_cast<std::uint32_t>(data.task));
    out.texts(data.x.names());
    out.texts(data.classes);
    out.f64s(std::vector<double>(data.x.cols(), 0.0));
  }
};

QTEST_APPLESS_MAIN(tst_DecisionTree)
#include "tst_DecisionTree.moc"
