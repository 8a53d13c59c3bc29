#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/eval/PermutationImportance.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "TestPaths.h"

using lathe::eval::PermutationImportance;
using lathe::eval::PermutationImportanceOptions;
using lathe::ml::FeatureMatrix;
using lathe::ml::Task;
using lathe::ml::TrainingData;

namespace {

// iris's four measurements as features, the species' sorted labels as class indices.
TrainingData loadIris() {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::data::ImportRequest request;
  request.path = std::string(LATHE_DATASETS_DIR) + "/iris.arff";
  const auto table = lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table;
  TrainingData data{FeatureMatrix(table.rowCount(), {"sepallength", "sepalwidth", "petallength", "petalwidth"}),
                    {}, Task::Multiclass, {}, "class"};
  for (std::size_t c = 0; c < 4; ++c)
    for (std::size_t r = 0; r < table.rowCount(); ++r) data.x.at(r, c) = table.column(c).numericAt(r);
  const auto& y = table.column(4);
  for (std::size_t r = 0; r < table.rowCount(); ++r) data.classes.push_back(y.displayText(r));
  std::sort(data.classes.begin(), data.classes.end());
  data.classes.erase(std::unique(data.classes.begin(), data.classes.end()), data.classes.end());
  for (std::size_t r = 0; r < table.rowCount(); ++r)
    data.y.push_back(static_cast<double>(
        std::lower_bound(data.classes.begin(), data.classes.end(), y.displayText(r)) - data.classes.begin()));
  return data;
}

// Test-only classifier, as scikit-learn's NearestCentroid (euclidean distance to class means).
class NearestCentroid final : public lathe::ml::Estimator {
 public:
  std::string algorithm() const override { return "test_centroid"; }
  nlohmann::json parameters() const override { return nlohmann::json::object(); }
  bool supports(Task task) const override { return lathe::ml::isClassification(task); }
  void fit(const TrainingData& data, const lathe::jobs::JobContext&) override {
    centroids_.assign(data.classCount(), std::vector<double>(data.x.cols(), 0.0));
    std::vector<double> counts(data.classCount(), 0.0);
    for (std::size_t r = 0; r < data.x.rows(); ++r) {
      const auto c = static_cast<std::size_t>(data.y[r]);
      counts[c] += 1;
      for (std::size_t f = 0; f < data.x.cols(); ++f) centroids_[c][f] += data.x.at(r, f);
    }
    for (std::size_t c = 0; c < counts.size(); ++c)
      for (double& v : centroids_[c]) v /= counts[c];
  }
  std::vector<double> predict(const FeatureMatrix& x) const override {
    std::vector<double> out(x.rows());
    for (std::size_t r = 0; r < x.rows(); ++r) {
      double best = std::numeric_limits<double>::infinity();
      for (std::size_t c = 0; c < centroids_.size(); ++c) {
        double d = 0.0;
        for (std::size_t f = 0; f < x.cols(); ++f) d += (x.at(r, f) - centroids_[c][f]) * (x.at(r, f) - centroids_[c][f]);
        if (d < best) best = d, out[r] = static_cast<double>(c);
      }
    }
    return out;
  }
  void save(lathe::ml::ModelWriter&) const override { throw lathe::Error(lathe::ErrorCode::Unsupported, "test only"); }
  void load(lathe::ml::ModelReader&) override { throw lathe::Error(lathe::ErrorCode::Unsupported, "test only"); }
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<NearestCentroid>(); }

 private:
  std::vector<std::vector<double>> centroids_;
};

// Test-only regressor that predicts its first feature: its mse rises when that feature is shuffled.
class FirstFeature final : public lathe::ml::Estimator {
 public:
  std::string algorithm() const override { return "test_first"; }
  nlohmann::json parameters() const override { return nlohmann::json::object(); }
  bool supports(Task task) const override { return task == Task::Regression; }
  void fit(const TrainingData&, const lathe::jobs::JobContext&) override {}
  std::vector<double> predict(const FeatureMatrix& x) const override {
    const auto first = x.column(0);
    return {first.begin(), first.end()};
  }
  void save(lathe::ml::ModelWriter&) const override { throw lathe::Error(lathe::ErrorCode::Unsupported, "test only"); }
  void load(lathe::ml::ModelReader&) override { throw lathe::Error(lathe::ErrorCode::Unsupported, "test only"); }
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<FirstFeature>(); }
};

lathe::jobs::JobContext quietContext() {
  static lathe::jobs::NullProgressSink sink;
  static std::stop_source stop;
  return lathe::jobs::JobContext(stop.get_token(), sink);
}

NearestCentroid fittedOn(const TrainingData& data) {
  NearestCentroid model;
  model.fit(data, quietContext());
  return model;
}

}  // namespace

class tst_PermutationImportance : public QObject {
  Q_OBJECT

 private slots:
  void agreesWithScikitLearn() {
    const auto iris = loadIris();
    const auto model = fittedOn(iris);
    const auto result = PermutationImportance::compute(model, iris, {50, 0, "accuracy"}, quietContext());
    // permutation_importance(NearestCentroid().fit(X, y), X, y, scoring="accuracy", n_repeats=50,
    // random_state=0), scikit-learn 1.2: baseline 0.92667; means 0.01693, -0.00413, 0.52667,
    // 0.0556; stds 0.0175, 0.0083, 0.0356, 0.0170. Other random states move the means by up to
    // 0.011, so the shuffles differ but the estimate must agree within 0.02 (std within 0.01).
    QVERIFY(std::abs(result.baselineScore - 0.9266666666666666) < 1e-12);
    QCOMPARE(result.metric, std::string("accuracy"));
    const std::vector<double> means{0.01693333, -0.00413333, 0.52666667, 0.0556};
    const std::vector<double> stds{0.01749717, 0.00831491, 0.0356277, 0.01700248};
    QCOMPARE(result.features.size(), std::size_t{4});
    for (std::size_t f = 0; f < 4; ++f) {
      const auto& feature = result.features[f];
      QCOMPARE(feature.feature, iris.x.names()[f]);
      QCOMPARE(feature.drops.size(), std::size_t{50});
      QVERIFY2(std::abs(feature.mean - means[f]) < 0.02, feature.feature.c_str());
      QVERIFY2(std::abs(feature.std - stds[f]) < 0.01, feature.feature.c_str());
    }
    // Petal length matters most, as scikit-learn finds.
    QVERIFY(result.features[2].mean > 5 * result.features[3].mean);
    // The same seed gives the same shuffles; another seed others.
    const auto again = PermutationImportance::compute(model, iris, {50, 0, "accuracy"}, quietContext());
    QCOMPARE(again.features[2].drops, result.features[2].drops);
    const auto other = PermutationImportance::compute(model, iris, {50, 1, "accuracy"}, quietContext());
    QVERIFY(other.features[2].drops != result.features[2].drops);
  }

  void unusedFeatureScoresExactlyZero() {
    auto iris = loadIris();
    TrainingData wider{FeatureMatrix(iris.x.rows(), {"sepallength", "sepalwidth", "petallength", "petalwidth", "constant"}),
                       iris.y, iris.task, iris.classes, iris.target};
    for (std::size_t c = 0; c < 4; ++c)
      for (std::size_t r = 0; r < iris.x.rows(); ++r) wider.x.at(r, c) = iris.x.at(r, c);
    for (std::size_t r = 0; r < iris.x.rows(); ++r) wider.x.at(r, 4) = 7.0;
    const auto result = PermutationImportance::compute(fittedOn(wider), wider, {5, 3, "accuracy"}, quietContext());
    QCOMPARE(result.features[4].mean, 0.0);
    QCOMPARE(result.features[4].std, 0.0);
    QVERIFY(result.features[2].mean > 0.3);
    // The data given is left as it was.
    QCOMPARE(wider.x.at(0, 2), iris.x.at(0, 2));
  }

  void lossesCountTheRise() {
    // y = x0: mse 0 until x0 is shuffled; then mse = mean((x0[perm] - x0)^2), whose expectation is
    // 2 * var(x0) (population variance, as E[x0[perm[i]]] is the mean): 2 * 8.25 = 16.5 for x0 = 1..10.
    TrainingData data{FeatureMatrix(10, {"x0", "x1"}), {}, Task::Regression, {}, "y"};
    for (std::size_t r = 0; r < 10; ++r) {
      data.x.at(r, 0) = static_cast<double>(r + 1);
      data.x.at(r, 1) = static_cast<double>(r % 3);
      data.y.push_back(static_cast<double>(r + 1));
    }
    const auto result = PermutationImportance::compute(FirstFeature(), data, {400, 11, "mse"}, quietContext());
    QCOMPARE(result.baselineScore, 0.0);
    QVERIFY2(std::abs(result.features[0].mean - 16.5) < 1.0, std::to_string(result.features[0].mean).c_str());
    QCOMPARE(result.features[1].mean, 0.0);
    const auto r2 = PermutationImportance::compute(FirstFeature(), data, {5, 11, "r2"}, quietContext());
    QVERIFY(r2.features[0].mean > 0.0);  // r2 falls: a positive drop as well
  }

  void progressAndCancel() {
    const auto iris = loadIris();
    const auto model = fittedOn(iris);
    std::stop_source stop;
    StoppingSink watch(stop, 2.0);
    PermutationImportance::compute(model, iris, {5, 0, "accuracy"}, lathe::jobs::JobContext(stop.get_token(), watch));
    QVERIFY(std::is_sorted(watch.fractions.begin(), watch.fractions.end()));
    QCOMPARE(watch.fractions.size(), std::size_t{22});  // start, 4 x 5 repeats, done
    std::stop_source halt;
    StoppingSink stopping(halt, 0.5);
    bool cancelled = false;
    try {
      PermutationImportance::compute(model, iris, {5, 0, "accuracy"}, lathe::jobs::JobContext(halt.get_token(), stopping));
    } catch (const lathe::jobs::JobCancelled&) {
      cancelled = true;
    }
    QVERIFY(cancelled);
    QVERIFY(stopping.fractions.back() < 0.6);
  }

  void badInputsAreClearErrors() {
    const auto iris = loadIris();
    const auto model = fittedOn(iris);
    auto invalid = [&](const TrainingData& data, const PermutationImportanceOptions& options) {
      try {
        PermutationImportance::compute(model, data, options, quietContext());
      } catch (const lathe::Error& e) {
        return e.code() == lathe::ErrorCode::InvalidArgument;
      }
      return false;
    };
    QVERIFY(invalid(iris, {0, 0, "accuracy"}));
    QVERIFY(invalid(iris, {1001, 0, "accuracy"}));
    QVERIFY(invalid(iris, {5, 0, "nonsense"}));
    QVERIFY(invalid(iris, {5, 0, "r2"}));  // a regression metric for a classifier
    QVERIFY(invalid(TrainingData{FeatureMatrix(0, {"x"}), {}, Task::Multiclass, iris.classes, "class"}, {5, 0, ""}));
    TrainingData clusters = iris;
    clusters.task = Task::Clustering;
    clusters.y.clear();
    QVERIFY(invalid(clusters, {5, 0, ""}));
    // One row works (every shuffle is the identity): importances are zero.
    const auto one = PermutationImportance::compute(model, iris.selectRows(std::vector<std::size_t>{0}), {3, 0, "accuracy"},
                                                    quietContext());
    QCOMPARE(one.features[0].mean, 0.0);
  }
};

QTEST_APPLESS_MAIN(tst_PermutationImportance)
#include "tst_PermutationImportance.moc"
