// The random forest against scikit-learn 1.2: accuracy and R² under the same 5-fold split,
// importances and out-of-bag scores on real data; threads, missing values, the model file
// (BAD_INPUTS case 33), cancel and bad parameters.
#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>

#include "MlTestSupport.h"
#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/ModelFile.h"
#include "engine/ml/RandomForest.h"

using namespace lathe;
using namespace lathe::ml;

namespace {

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

std::unique_ptr<Estimator> fitted(const std::string& file, const std::string& target, const nlohmann::json& p) {
  const auto data = mltest::loadTraining(file, target);
  auto forest = EstimatorRegistry::create("forest", p);
  mltest::QuietContext quiet;
  forest->fit(data, quiet.context);
  return forest;
}

}  // namespace

class tst_RandomForest : public QObject {
  Q_OBJECT
 private slots:
  void scoresMatchScikitLearn_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("target");
    QTest::addColumn<double>("sklearn");
    // cross_val_score(RandomForestClassifier(random_state=0) / RandomForestRegressor(random_state=0),
    // X, y, cv=PredefinedSplit(np.arange(n) % 5)).mean(), accuracy or r2, X = pd.get_dummies(features)
    // (/usr/bin/python3, sklearn 1.2, 100 trees, defaults).
    QTest::newRow("breast_cancer") << "breast_cancer.csv" << "diagnosis" << 0.9649;
    QTest::newRow("wine") << "wine.csv" << "cultivar" << 0.9773;
    QTest::newRow("credit-g") << "credit-g.arff" << "class" << 0.7520;
    QTest::newRow("diabetes_progression (R2)") << "diabetes_progression.csv" << "progression" << 0.4320;
  }
  void scoresMatchScikitLearn() {
    QFETCH(QString, file);
    QFETCH(QString, target);
    QFETCH(double, sklearn);
    const auto data = mltest::loadTraining(file.toStdString(), target.toStdString());
    const double ours = crossValidated(RandomForest(), data);
    qInfo("%s: forest %.4f, scikit-learn %.4f", qPrintable(file), ours, sklearn);
    QVERIFY(ours >= sklearn - 0.02);  // within 0.02, or better
    QVERIFY(ours <= sklearn + 0.04);
  }

  void importancesAsScikitLearn() {
    const auto forest = fitted("breast_cancer.csv", "diagnosis", {{"n_estimators", 500}});
    const auto ours = forest->featureImportances();
    // RandomForestClassifier(n_estimators=500, random_state=0).fit(X, y).feature_importances_.
    const std::vector<double> sklearn = {0.0383, 0.0134, 0.048,  0.0484, 0.0062, 0.012,  0.0532, 0.0973, 0.0042, 0.003,
                                         0.0159, 0.005,  0.0135, 0.0334, 0.0041, 0.004,  0.005,  0.005,  0.0039, 0.0055,
                                         0.1118, 0.0211, 0.1325, 0.1086, 0.013,  0.0132, 0.037,  0.1258, 0.0109, 0.0067};
    QCOMPARE(ours.size(), sklearn.size());
    QVERIFY(std::abs(std::accumulate(ours.begin(), ours.end(), 0.0) - 1.0) < 1e-9);
    double worst = 0;
    for (std::size_t f = 0; f < ours.size(); ++f) worst = std::max(worst, std::abs(ours[f] - sklearn[f]));
    qInfo("largest importance difference %.4f", worst);
    QVERIFY(worst < 0.03);
  }

  void outOfBagScoreAsScikitLearn() {
    // RandomForest*(n_estimators=500, random_state=0, oob_score=True).fit(X, y).oob_score_.
    const auto classifier = fitted("breast_cancer.csv", "diagnosis", {{"n_estimators", 500}, {"oob_score", true}});
    const auto oob = static_cast<RandomForest&>(*classifier).oobScore();
    QVERIFY(oob.has_value());
    qInfo("breast_cancer OOB accuracy %.4f, scikit-learn 0.9649", *oob);
    QVERIFY(std::abs(*oob - 0.9649) < 0.02);
    const auto regressor = fitted("diabetes_progression.csv", "progression", {{"n_estimators", 500}, {"oob_score", true}});
    const auto r2 = static_cast<RandomForest&>(*regressor).oobScore();
    QVERIFY(r2.has_value());
    qInfo("diabetes_progression OOB R2 %.4f, scikit-learn 0.4246", *r2);
    QVERIFY(std::abs(*r2 - 0.4246) < 0.03);
    QVERIFY(!static_cast<RandomForest&>(*fitted("wine.csv", "cultivar", {{"n_estimators", 5}})).oobScore());
  }

  void sameForestOnAnyThreadCount() {
    const auto data = mltest::loadTraining("wine.csv", "cultivar");
    mltest::QuietContext quiet;
    auto one = EstimatorRegistry::create("forest", {{"n_jobs", 1}, {"n_estimators", 30}, {"random_state", 7}});
    auto two = EstimatorRegistry::create("forest", {{"n_jobs", 2}, {"n_estimators", 30}, {"random_state", 7}});
    auto other = EstimatorRegistry::create("forest", {{"n_jobs", 2}, {"n_estimators", 30}, {"random_state", 8}});
    one->fit(data, quiet.context);
    two->fit(data, quiet.context);
    other->fit(data, quiet.context);
    QCOMPARE(one->predictProba(data.x).values, two->predictProba(data.x).values);
    QVERIFY(one->predictProba(data.x).values != other->predictProba(data.x).values);
    const auto proba = one->predictProba(data.x);
    for (std::size_t r = 0; r < proba.rows; ++r)
      QVERIFY(std::abs(proba.at(r, 0) + proba.at(r, 1) + proba.at(r, 2) - 1.0) < 1e-9);
    QCOMPARE(static_cast<RandomForest&>(*one).trees().size(), std::size_t(30));
  }

  void noBootstrapAllFeaturesIsBaggedTrees() {
    // Without bootstrap and with every feature, every tree sees the same rows and features: the
    // forest is one tree repeated (ties apart), and fits its training rows.
    const auto data = mltest::loadTraining("breast_cancer.csv", "diagnosis");
    auto forest = EstimatorRegistry::create("forest", {{"bootstrap", false}, {"max_features", nullptr}, {"n_estimators", 3}});
    mltest::QuietContext quiet;
    forest->fit(data, quiet.context);
    QCOMPARE(forest->predict(data.x), data.y);
  }

  void missingValuesAreHandled() {
    auto data = mltest::loadTraining("breast_cancer.csv", "diagnosis");
    for (std::size_t c = 0; c < data.x.cols(); ++c)
      for (std::size_t r = (c * 3) % 5; r < data.x.rows(); r += 5) data.x.at(r, c) = NAN;  // 20% missing
    const double accuracy = crossValidated(RandomForest(), data);
    qInfo("breast_cancer with 20%% missing: forest accuracy %.4f", accuracy);
    QVERIFY(accuracy > 0.93);
  }

  // Prediction walks a compact copy of the trees (CompactTrees); it must land in the same
  // leaves as TreeStructure::leafOf, missing values included, and add the same values in the
  // same order: identical sums, for classes and numbers, fitted or loaded.
  void compactWalkMatchesTheTrees() {
    for (const bool classify : {true, false}) {
      auto data = classify ? mltest::loadTraining("wine.csv", "cultivar")
                           : mltest::loadTraining("diabetes_progression.csv", "progression");
      for (std::size_t c = 0; c < data.x.cols(); ++c)
        for (std::size_t r = (c * 3) % 7; r < data.x.rows(); r += 7) data.x.at(r, c) = NAN;
      auto model = EstimatorRegistry::create("forest", {{"n_estimators", 15}});
      mltest::QuietContext quiet;
      model->fit(data, quiet.context);
      const auto loaded = ModelFile::deserialize(ModelFile::serialize(*model));
      const auto& forest = static_cast<const RandomForest&>(*model);
      const std::size_t k = classify ? data.classCount() : 1;
      std::vector<double> sums(data.x.rows() * k, 0.0);
      for (const TreeStructure& tree : forest.trees())
        for (std::size_t r = 0; r < data.x.rows(); ++r) {
          const auto value = tree.value(tree.leafOf(data.x, r));
          for (std::size_t c = 0; c < k; ++c) sums[r * k + c] += value[c];
        }
      const double trees = static_cast<double>(forest.trees().size());
      for (const Estimator* m : {model.get(), loaded.get()}) {
        if (classify) {
          const auto proba = m->predictProba(data.x);
          for (std::size_t i = 0; i < sums.size(); ++i) QVERIFY(proba.values[i] == sums[i] / trees);
        } else {
          const auto predicted = m->predict(data.x);
          for (std::size_t r = 0; r < predicted.size(); ++r) QVERIFY(predicted[r] == sums[r] / trees);
        }
      }
    }
  }

  void saveAndLoadGiveTheSamePredictions() {
    const auto data = mltest::loadTraining("diabetes_progression.csv", "progression");
    auto forest = EstimatorRegistry::create("forest", {{"n_estimators", 20}, {"oob_score", true}, {"max_depth", 6}});
    mltest::QuietContext quiet;
    forest->fit(data, quiet.context);
    const std::string bytes = ModelFile::serialize(*forest);
    const auto loaded = ModelFile::deserialize(bytes);
    QCOMPARE(loaded->algorithm(), std::string("forest"));
    QCOMPARE(loaded->parameters(), forest->parameters());
    QCOMPARE(loaded->predict(data.x), forest->predict(data.x));
    QCOMPARE(loaded->featureImportances(), forest->featureImportances());
    QCOMPARE(static_cast<RandomForest&>(*loaded).oobScore(), static_cast<RandomForest&>(*forest).oobScore());
    for (std::size_t size = 0; size < bytes.size(); size += 1 + size / 8)
      QVERIFY(errorCodeOf([&] { ModelFile::deserialize(std::string_view(bytes).substr(0, size)); }) != ErrorCode::Internal);
    // The forest's own fields, truncated or with a hostile tree count, without the checksum.
    ModelWriter out;
    forest->save(out);
    for (std::size_t size = 0; size < out.data().size(); size += 1 + size / 8) {
      ModelReader in(std::string_view(out.data()).substr(0, size));
      RandomForest other;
      QCOMPARE(errorCodeOf([&] { other.load(in); }), ErrorCode::Parse);
    }
  }

  void cancelStopsBetweenAndInsideTrees() {
    std::mt19937 random(2);
    TrainingData data{FeatureMatrix(100'000, {"a", "b", "c", "d"}), {}, Task::Binary, {"no", "yes"}, "y"};
    for (std::size_t r = 0; r < data.x.rows(); ++r) {
      for (std::size_t c = 0; c < 4; ++c) data.x.at(r, c) = double(random() % 10'000);
      data.y.push_back(double(random() % 2));
    }
    std::stop_source stop;
    StoppingSink sink(stop, 0.2);
    const jobs::JobContext context(stop.get_token(), sink);
    auto forest = EstimatorRegistry::create("forest", {{"n_estimators", 200}, {"n_jobs", 2}});
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, forest->fit(data, context));
    QVERIFY(sink.fractions.back() < 0.35);
    QVERIFY(static_cast<RandomForest&>(*forest).trees().empty());
  }

  void badInputsAreClearErrors() {
    for (const auto& p : {nlohmann::json{{"n_estimators", 0}}, nlohmann::json{{"n_estimators", 1.5}},
                          nlohmann::json{{"bootstrap", "yes"}}, nlohmann::json{{"oob_score", true}, {"bootstrap", false}},
                          nlohmann::json{{"n_jobs", -5}}, nlohmann::json{{"max_features", 0}},
                          nlohmann::json{{"max_depth", -1}}, nlohmann::json{{"trees", 10}}}) {
      try {
        EstimatorRegistry::create("forest", p);
        QFAIL(qPrintable(QString::fromStdString(p.dump())));
      } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QVERIFY(QString::fromStdString(e.message()).startsWith("forest: "));
      }
    }
    mltest::QuietContext quiet;
    RandomForest forest;
    TrainingData empty{FeatureMatrix(0, {"a"}), {}, Task::Binary, {"0", "1"}, "y"};
    QCOMPARE(errorCodeOf([&] { forest.fit(empty, quiet.context); }), ErrorCode::InvalidArgument);
    TrainingData oneClass{FeatureMatrix(3, {"a"}), {1, 1, 1}, Task::Binary, {"0", "1"}, "y"};
    QCOMPARE(errorCodeOf([&] { forest.fit(oneClass, quiet.context); }), ErrorCode::InvalidArgument);
    TrainingData infinite{FeatureMatrix(2, {"a"}), {0, 1}, Task::Binary, {"0", "1"}, "y"};
    infinite.x.at(1, 0) = -INFINITY;
    QCOMPARE(errorCodeOf([&] { forest.fit(infinite, quiet.context); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorCodeOf([&] { forest.predict(infinite.x); }), ErrorCode::InvalidArgument);  // not fitted
    // A single row and more columns than rows: a forest of one-leaf trees, no crash.
    TrainingData single{FeatureMatrix(1, {"a", "b", "c"}), {4.0}, Task::Regression, {}, "y"};
    forest.fit(single, quiet.context);
    QCOMPARE(forest.predict(single.x), std::vector<double>{4.0});
    QCOMPARE(errorCodeOf([&] { forest.predict(FeatureMatrix(1, {"a"})); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorCodeOf([&] { forest.predictProba(single.x); }), ErrorCode::Unsupported);
  }
};

QTEST_APPLESS_MAIN(tst_RandomForest)
#include "tst_RandomForest.moc"
