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
#include "engine/eval/CrossValidation.h"
#include "engine/eval/CrossValidationJob.h"
#include "engine/eval/Metric.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "TestPaths.h"

using lathe::eval::CrossValidation;
using lathe::eval::CrossValidationOptions;
using lathe::ml::FeatureMatrix;
using lathe::ml::Task;
using lathe::ml::TrainingData;

namespace {

// A dataset's numeric columns as features and `target` as TrainingData encodes it.
TrainingData loadDataset(const std::string& file, const std::string& target, Task task) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::data::ImportRequest request;
  request.path = std::string(LATHE_DATASETS_DIR) + "/" + file;
  const auto table = lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table;
  std::vector<std::size_t> columns;
  std::vector<std::string> names;
  for (std::size_t c = 0; c < table.columnCount(); ++c)
    if (table.column(c).name() != target && table.column(c).isNumeric()) columns.push_back(c), names.push_back(table.column(c).name());
  TrainingData data{FeatureMatrix(table.rowCount(), names), {}, task, {}, target};
  for (std::size_t c = 0; c < columns.size(); ++c)
    for (std::size_t r = 0; r < table.rowCount(); ++r) data.x.at(r, c) = table.column(columns[c]).numericAt(r);
  const auto& y = table.column(*table.indexOf(target));
  for (std::size_t r = 0; r < table.rowCount(); ++r) {
    if (task == Task::Regression) {
      data.y.push_back(y.numericAt(r));
      continue;
    }
    const std::string label = y.displayText(r);
    if (std::find(data.classes.begin(), data.classes.end(), label) == data.classes.end()) data.classes.push_back(label);
  }
  std::sort(data.classes.begin(), data.classes.end());
  if (task != Task::Regression)
    for (std::size_t r = 0; r < table.rowCount(); ++r)
      data.y.push_back(static_cast<double>(
          std::find(data.classes.begin(), data.classes.end(), y.displayText(r)) - data.classes.begin()));
  return data;
}

// Test-only classifier, as scikit-learn's NearestCentroid (euclidean): the class whose mean is
// nearest. Probabilities: a softmax of minus the distances (NearestCentroid has none; only here
// so probability metrics have something to score).
class NearestCentroid final : public lathe::ml::Estimator {
 public:
  explicit NearestCentroid(bool probabilities = true) : probabilities_(probabilities) {}
  std::string algorithm() const override { return "test_centroid"; }
  nlohmann::json parameters() const override { return nlohmann::json::object(); }
  bool supports(Task task) const override { return lathe::ml::isClassification(task); }
  void fit(const TrainingData& data, const lathe::jobs::JobContext& context) override {
    if (data.x.rows() == 0) throw lathe::Error(lathe::ErrorCode::InvalidArgument, "test_centroid: no rows");
    if (data.x.hasMissing()) throw lathe::Error(lathe::ErrorCode::InvalidArgument, "test_centroid: NaN in the features");
    const std::size_t k = data.classCount();
    centroids_.assign(k, std::vector<double>(data.x.cols(), 0.0));
    std::vector<double> counts(k, 0.0);
    for (std::size_t r = 0; r < data.x.rows(); ++r) {
      const auto c = static_cast<std::size_t>(data.y[r]);
      counts[c] += 1;
      for (std::size_t f = 0; f < data.x.cols(); ++f) centroids_[c][f] += data.x.at(r, f);
      if (r % 64 == 0) context.throwIfStopped();
    }
    if (std::count_if(counts.begin(), counts.end(), [](double n) { return n > 0; }) < 2)
      throw lathe::Error(lathe::ErrorCode::InvalidArgument, "test_centroid: one class only");
    for (std::size_t c = 0; c < k; ++c)
      for (double& v : centroids_[c]) v = counts[c] > 0 ? v / counts[c] : std::numeric_limits<double>::quiet_NaN();
    context.progress(1.0);
    ++fits;
  }
  std::vector<double> predict(const FeatureMatrix& x) const override {
    std::vector<double> out(x.rows());
    for (std::size_t r = 0; r < x.rows(); ++r) {
      const auto d = distances(x, r);
      out[r] = static_cast<double>(std::min_element(d.begin(), d.end()) - d.begin());
    }
    return out;
  }
  lathe::ml::ClassProbabilities predictProba(const FeatureMatrix& x) const override {
    if (!probabilities_) return Estimator::predictProba(x);
    lathe::ml::ClassProbabilities p{x.rows(), centroids_.size(), {}};
    for (std::size_t r = 0; r < x.rows(); ++r) {
      const auto d = distances(x, r);
      const double nearest = *std::min_element(d.begin(), d.end());
      double total = 0.0;
      for (double v : d) total += std::exp(-(v - nearest));
      for (double v : d) p.values.push_back(std::exp(-(v - nearest)) / total);
    }
    return p;
  }
  void save(lathe::ml::ModelWriter&) const override { throw lathe::Error(lathe::ErrorCode::Unsupported, "test only"); }
  void load(lathe::ml::ModelReader&) override { throw lathe::Error(lathe::ErrorCode::Unsupported, "test only"); }
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<NearestCentroid>(probabilities_); }
  bool fitted() const { return !centroids_.empty(); }
  int fits = 0;

 private:
  std::vector<double> distances(const FeatureMatrix& x, std::size_t r) const {
    std::vector<double> d(centroids_.size());
    for (std::size_t c = 0; c < centroids_.size(); ++c) {
      double s = 0.0;
      for (std::size_t f = 0; f < x.cols(); ++f) s += (x.at(r, f) - centroids_[c][f]) * (x.at(r, f) - centroids_[c][f]);
      d[c] = std::isnan(s) ? std::numeric_limits<double>::infinity() : std::sqrt(s);
    }
    return d;
  }
  bool probabilities_ = true;
  std::vector<std::vector<double>> centroids_;
};

// Test-only regressor, as scikit-learn's DummyRegressor: the training mean.
class MeanRegressor final : public lathe::ml::Estimator {
 public:
  std::string algorithm() const override { return "test_mean"; }
  nlohmann::json parameters() const override { return nlohmann::json::object(); }
  bool supports(Task task) const override { return task == Task::Regression; }
  void fit(const TrainingData& data, const lathe::jobs::JobContext&) override {
    if (data.y.empty()) throw lathe::Error(lathe::ErrorCode::InvalidArgument, "test_mean: no rows");
    mean_ = 0.0;
    for (double v : data.y) mean_ += v;
    mean_ /= static_cast<double>(data.y.size());
  }
  std::vector<double> predict(const FeatureMatrix& x) const override { return std::vector<double>(x.rows(), mean_); }
  void save(lathe::ml::ModelWriter&) const override { throw lathe::Error(lathe::ErrorCode::Unsupported, "test only"); }
  void load(lathe::ml::ModelReader&) override { throw lathe::Error(lathe::ErrorCode::Unsupported, "test only"); }
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<MeanRegressor>(); }

 private:
  double mean_ = 0.0;
};

lathe::jobs::JobContext quietContext() {
  static lathe::jobs::NullProgressSink sink;
  static std::stop_source stop;
  return lathe::jobs::JobContext(stop.get_token(), sink);
}

CrossValidationOptions unshuffled(std::size_t folds, std::vector<std::string> metrics) {
  CrossValidationOptions options;
  options.split = {folds, false, 0};
  options.metrics = std::move(metrics);
  return options;
}

lathe::ErrorCode errorCode(auto&& call) {
  try {
    call();
  } catch (const lathe::Error& e) {
    return e.code();
  }
  return lathe::ErrorCode::Internal;
}

}  // namespace

class tst_CrossValidation : public QObject {
  Q_OBJECT

 private slots:
  void foldScoresEqualScikitLearns() {
    const auto wine = loadDataset("wine.csv", "cultivar", Task::Multiclass);
    QCOMPARE(wine.x.cols(), std::size_t{13});
    NearestCentroid prototype;
    const auto result = CrossValidation::run(prototype, wine, unshuffled(5, {"accuracy"}), quietContext());
    QVERIFY(!prototype.fitted());  // each fold fits a clone
    // cross_val_score(NearestCentroid(), X, y, cv=StratifiedKFold(5), scoring="accuracy"),
    // scikit-learn 1.2, and numpy's mean and std of it.
    const std::vector<double> expected{0.7222222222222222, 0.6666666666666666, 0.6388888888888888, 0.6857142857142857,
                                       0.8857142857142857};
    const auto* accuracy = result.metric("accuracy");
    QVERIFY(accuracy);
    QCOMPARE(accuracy->perFold.size(), expected.size());
    for (std::size_t f = 0; f < expected.size(); ++f) QVERIFY(std::abs(accuracy->perFold[f] - expected[f]) < 1e-12);
    QVERIFY(std::abs(accuracy->mean - 0.7198412698412698) < 1e-12);
    QVERIFY(std::abs(accuracy->std - 0.08725251145874197) < 1e-12);
    // cross_val_predict(NearestCentroid(), X, y, cv=StratifiedKFold(5)): 50 wrong, and these rows.
    const auto& oof = result.outOfFold;
    QCOMPARE(oof.yPred.size(), wine.x.rows());
    std::size_t wrong = 0;
    for (std::size_t r = 0; r < oof.yPred.size(); ++r) wrong += oof.yPred[r] != wine.y[r];
    QCOMPARE(wrong, std::size_t{50});
    const std::vector<double> first{0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
    const std::vector<double> last{2, 2, 1, 1, 2, 2, 2, 2, 2, 1};
    QCOMPARE(std::vector<double>(oof.yPred.begin(), oof.yPred.begin() + 20), first);
    QCOMPARE(std::vector<double>(oof.yPred.end() - 10, oof.yPred.end()), last);
    QCOMPARE(oof.probabilities.rows, wine.x.rows());
    QCOMPARE(oof.probabilities.classes, std::size_t{3});
    for (std::size_t r = 0; r < wine.x.rows(); ++r)
      QVERIFY(std::abs(oof.probabilities.at(r, 0) + oof.probabilities.at(r, 1) + oof.probabilities.at(r, 2) - 1.0) < 1e-12);
  }

  void regressionFoldsEqualScikitLearns() {
    const auto diabetes = loadDataset("diabetes_progression.csv", "progression", Task::Regression);
    QCOMPARE(diabetes.x.cols(), std::size_t{10});
    const auto result = CrossValidation::run(MeanRegressor(), diabetes, unshuffled(5, {"r2", "mse"}), quietContext());
    // cross_val_score(DummyRegressor(), X, y, cv=KFold(5), scoring="r2" / "neg_mean_squared_error").
    const std::vector<double> r2{-0.098447684719976, -0.02786737771119996, -0.00053317297091127, -0.0083419235096267,
                                 -0.00234004785712272};
    const std::vector<double> mse{5353.025537859954, 6521.235997165425, 6261.921489746647, 5290.0320455343435,
                                  6485.851998874118};
    for (std::size_t f = 0; f < 5; ++f) {
      QVERIFY(std::abs(result.metric("r2")->perFold[f] - r2[f]) < 1e-12);
      QVERIFY(std::abs(result.metric("mse")->perFold[f] - mse[f]) < 1e-8);
    }
    QVERIFY(std::abs(result.metric("r2")->mean - -0.02750604135376733) < 1e-12);
    QVERIFY(std::abs(result.metric("r2")->std - 0.03677220036298531) < 1e-12);
    QVERIFY(result.outOfFold.probabilities.values.empty());
  }

  void defaultMetricsAndShuffledFolds() {
    const auto cancer = loadDataset("breast_cancer.csv", "diagnosis", Task::Binary);
    CrossValidationOptions options;  // 5 shuffled folds, seed 0, the task's default metrics
    const auto result = CrossValidation::run(NearestCentroid(), cancer, options, quietContext());
    QCOMPARE(result.folds, std::size_t{5});
    QVERIFY(result.metric("roc_auc"));
    QCOMPARE(result.metrics.front().name, std::string("roc_auc"));
    // Nearest centroid on the unscaled Wisconsin data: about 0.89 accuracy in every fold.
    const auto again = CrossValidation::run(NearestCentroid(), cancer, options, quietContext());
    QCOMPARE(again.metric("roc_auc")->perFold, result.metric("roc_auc")->perFold);
    QCOMPARE(result.metrics.size(), lathe::eval::Metric::defaultsFor(Task::Binary).size());
    QVERIFY(result.metric("accuracy")->mean > 0.85 && result.metric("accuracy")->mean < 0.93);
    QVERIFY(result.metric("roc_auc")->mean > 0.9);
  }

  void modelWithoutProbabilitiesGivesNone() {
    const auto wine = loadDataset("wine.csv", "cultivar", Task::Multiclass);
    const auto result = CrossValidation::run(NearestCentroid(false), wine, unshuffled(3, {"accuracy"}), quietContext());
    QVERIFY(result.outOfFold.probabilities.values.empty());
    // A metric needing probabilities is NaN in every fold, with a warning each: not a crash.
    const auto auc = CrossValidation::run(NearestCentroid(false), wine, unshuffled(3, {"roc_auc"}), quietContext());
    QVERIFY(std::isnan(auc.metric("roc_auc")->mean));
    QCOMPARE(auc.warnings.size(), std::size_t{3});
  }

  void foldWithoutAClassScoresNaNThereOnly() {
    // 3 rows of class 1 in 5 folds: scikit-learn's warning, and roc_auc undefined on 2 folds.
    TrainingData data{FeatureMatrix(40, {"x"}), {}, Task::Binary, {"a", "b"}, "t"};
    for (std::size_t r = 0; r < 40; ++r) {
      data.y.push_back(r < 3 ? 1.0 : 0.0);
      data.x.at(r, 0) = r < 3 ? 10.0 + static_cast<double>(r) : static_cast<double>(r % 7);
    }
    const auto result = CrossValidation::run(NearestCentroid(), data, unshuffled(5, {"roc_auc"}), quietContext());
    const auto& auc = *result.metric("roc_auc");
    QCOMPARE(std::count_if(auc.perFold.begin(), auc.perFold.end(), [](double v) { return std::isnan(v); }), 2);
    QCOMPARE(auc.mean, 1.0);
    QCOMPARE(auc.std, 0.0);
    QCOMPARE(result.warnings.size(), std::size_t{3});  // the split's, then one per undefined fold
  }

  void progressPerFoldAndCancel() {
    const auto wine = loadDataset("wine.csv", "cultivar", Task::Multiclass);
    std::stop_source stop;
    StoppingSink watch(stop, 2.0);  // never stops
    CrossValidation::run(NearestCentroid(), wine, unshuffled(5, {"accuracy"}), lathe::jobs::JobContext(stop.get_token(), watch));
    QVERIFY(std::is_sorted(watch.fractions.begin(), watch.fractions.end()));
    QCOMPARE(watch.fractions.back(), 1.0);
    for (double share : {0.2, 0.4, 0.6, 0.8})
      QVERIFY(std::find(watch.fractions.begin(), watch.fractions.end(), share) != watch.fractions.end());

    std::stop_source halt;
    StoppingSink stopping(halt, 0.5);
    bool cancelled = false;
    try {
      CrossValidation::run(NearestCentroid(), wine, unshuffled(5, {"accuracy"}),
                           lathe::jobs::JobContext(halt.get_token(), stopping));
    } catch (const lathe::jobs::JobCancelled&) {
      cancelled = true;
    }
    QVERIFY(cancelled);
    QVERIFY(stopping.fractions.back() < 0.7);
  }

  void holdoutScoresTheHeldOutRows() {
    const auto cancer = loadDataset("breast_cancer.csv", "diagnosis", Task::Binary);
    const auto result =
        CrossValidation::holdout(NearestCentroid(), cancer, {0.2, 0.25, 1}, {"accuracy"}, quietContext());
    QCOMPARE(result.split.test.size(), std::size_t{143});
    QCOMPARE(result.split.validation.size(), std::size_t{114});
    QCOMPARE(result.test.yPred.size(), std::size_t{143});
    QCOMPARE(result.validation.yPred.size(), std::size_t{114});
    // The metric is the share of test rows predicted right by a model fitted on the train rows.
    NearestCentroid model;
    model.fit(cancer.selectRows(result.split.train), quietContext());
    const auto predicted = model.predict(cancer.selectRows(result.split.test).x);
    double right = 0;
    for (std::size_t i = 0; i < predicted.size(); ++i) right += predicted[i] == cancer.y[result.split.test[i]];
    QVERIFY(std::abs(result.testMetrics.front().mean - right / 143.0) < 1e-12);
    QCOMPARE(result.testMetrics.front().name, std::string("accuracy"));
    QCOMPARE(result.validationMetrics.size(), std::size_t{1});
    // No validation part: empty predictions, no metrics there.
    const auto two = CrossValidation::holdout(NearestCentroid(), cancer, {0.0, 0.3, 1}, {"accuracy"}, quietContext());
    QVERIFY(two.validation.yPred.empty());
    QVERIFY(two.validationMetrics.empty());
  }

  void jobRunsTheSameEvaluation() {
    auto wine = std::make_shared<const TrainingData>(loadDataset("wine.csv", "cultivar", Task::Multiclass));
    NearestCentroid prototype;
    lathe::eval::CrossValidationJob job(prototype, wine, unshuffled(5, {"accuracy"}));
    QVERIFY(QString::fromStdString(job.name()).contains("5 folds"));
    lathe::jobs::NullProgressSink sink;
    std::stop_source stop;
    lathe::jobs::JobContext context(stop.get_token(), sink);
    job.run(context);
    QVERIFY(std::abs(job.result().metric("accuracy")->mean - 0.7198412698412698) < 1e-12);
    QCOMPARE(job.result().folds, std::size_t{5});
  }

  void badInputsAreClearErrors() {
    using lathe::ErrorCode;
    const auto wine = loadDataset("wine.csv", "cultivar", Task::Multiclass);
    const auto options = unshuffled(5, {"accuracy"});
    // No rows; clustering; a regressor asked to classify; an unknown metric.
    const TrainingData empty{FeatureMatrix(0, {"x"}), {}, Task::Binary, {"a", "b"}, "t"};
    QCOMPARE(errorCode([&] { CrossValidation::run(NearestCentroid(), empty, options, quietContext()); }),
             ErrorCode::InvalidArgument);
    TrainingData clusters = wine;
    clusters.task = Task::Clustering;
    clusters.y.clear();
    QCOMPARE(errorCode([&] { CrossValidation::run(NearestCentroid(), clusters, options, quietContext()); }),
             ErrorCode::InvalidArgument);
    QCOMPARE(errorCode([&] { CrossValidation::run(MeanRegressor(), wine, options, quietContext()); }),
             ErrorCode::InvalidArgument);
    QCOMPARE(errorCode([&] { CrossValidation::run(NearestCentroid(), wine, unshuffled(5, {"nonsense"}), quietContext()); }),
             ErrorCode::InvalidArgument);
    // One row, more folds than rows.
    const auto one = wine.selectRows(std::vector<std::size_t>{0});
    QCOMPARE(errorCode([&] { CrossValidation::run(NearestCentroid(), one, options, quietContext()); }),
             ErrorCode::InvalidArgument);
    QCOMPARE(errorCode([&] { CrossValidation::holdout(NearestCentroid(), one, {}, {"accuracy"}, quietContext()); }),
             ErrorCode::InvalidArgument);
    // A fit that refuses a fold's data: its error, naming the fold.
    TrainingData holes = wine;
    holes.x.at(100, 3) = std::numeric_limits<double>::quiet_NaN();
    try {
      CrossValidation::run(NearestCentroid(), holes, options, quietContext());
      QFAIL("no error");
    } catch (const lathe::Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
      QVERIFY(QString::fromStdString(e.message()).startsWith("fold 1: test_centroid: NaN"));
    }
  }
};

QTEST_APPLESS_MAIN(tst_CrossValidation)
#include "tst_CrossValidation.moc"
