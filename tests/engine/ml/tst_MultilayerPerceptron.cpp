// The multilayer perceptron against scikit-learn 1.2's MLPClassifier/MLPRegressor on real data
// (the 8x8 digits as pixels, breast cancer, diabetes progression), plus early stopping, the
// model file, cancel and the bad inputs of issue 6 and BAD_INPUTS case 33.
#include <QtTest>

#include <numeric>

#include "MlTestSupport.h"


#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/ModelFile.h"
#include "engine/ml/MultilayerPerceptron.h"

using namespace lathe;
using namespace lathe::ml;

namespace {

jobs::NullProgressSink nullSink;
std::stop_source neverStop;
const jobs::JobContext quiet(neverStop.get_token(), nullSink);

TrainingData load(const std::string& file, const std::string& target, bool classify) {
  return mltest::numericTraining(file, target, classify);
}

std::pair<TrainingData, TrainingData> fold(const TrainingData& data, std::size_t k) {
  std::vector<std::size_t> train, test;
  for (std::size_t r = 0; r < data.x.rows(); ++r) (r % 5 == k ? test : train).push_back(r);
  return {data.selectRows(train), data.selectRows(test)};
}

// The mean over the 5 folds "row % 5 == k" of accuracy (classifiers) or R^2 (regression).
double crossValidated(const TrainingData& data, const nlohmann::json& parameters) {
  double total = 0;
  for (std::size_t k = 0; k < 5; ++k) {
    const auto [train, test] = fold(data, k);
    auto model = EstimatorRegistry::create("mlp", parameters);
    model->fit(train, quiet);
    const auto predicted = model->predict(test.x);
    if (isClassification(data.task)) {
      std::size_t right = 0;
      for (std::size_t r = 0; r < predicted.size(); ++r) right += predicted[r] == test.y[r];
      total += static_cast<double>(right) / static_cast<double>(predicted.size());
    } else {
      double mean = 0, residual = 0, spread = 0;
      for (double v : test.y) mean += v / static_cast<double>(test.y.size());
      for (std::size_t r = 0; r < predicted.size(); ++r) {
        residual += (test.y[r] - predicted[r]) * (test.y[r] - predicted[r]);
        spread += (test.y[r] - mean) * (test.y[r] - mean);
      }
      total += 1.0 - residual / spread;
    }
  }
  return total / 5.0;
}

TrainingData tiny(std::vector<double> x, std::vector<double> y, Task task) {
  TrainingData data{FeatureMatrix(x.size(), {"x"}), std::move(y), task, {}, "y"};
  for (std::size_t r = 0; r < x.size(); ++r) data.x.at(r, 0) = x[r];
  if (isClassification(task)) data.classes = {"a", "b"};
  return data;
}

template <typename F>
void expectError(F&& call, ErrorCode code, const char* fragment) {
  try {
    call();
    QFAIL(qPrintable(QStringLiteral("expected an error containing '%1'").arg(fragment)));
  } catch (const Error& e) {
    QCOMPARE(e.code(), code);
    QVERIFY2(std::string(e.what()).find(fragment) != std::string::npos, e.what());
  }
}

}  // namespace

// The sanitizer stage builds without optimisation, where Eigen runs some 30 times slower: the
// three accuracy comparisons (5-fold training on real data) would take minutes there. They run in
// the optimised build; under the sanitizers every other slot still trains, saves, loads and fails
// through the same code on smaller data.
#if defined(__SANITIZE_ADDRESS__)
#define SKIP_SLOW_UNDER_SANITIZERS() QSKIP("5-fold accuracy runs in the optimised build, not under the sanitizers")
#else
#define SKIP_SLOW_UNDER_SANITIZERS()
#endif

class tst_MultilayerPerceptron : public QObject {
  Q_OBJECT
 private slots:
  // Expected: /usr/bin/python3, sklearn 1.2, make_pipeline(StandardScaler(), MLPClassifier(random_state=0))
  // over the folds row % 5 == k: digits 0.98108 (pixels straight in), breast cancer 0.97719.
  void digitsMatchSklearn() {
    SKIP_SLOW_UNDER_SANITIZERS();
    const auto digits = load("digits_8x8.csv", "digit", true);
    QCOMPARE(digits.x.cols(), std::size_t{64});
    const double accuracy = crossValidated(digits, {});
    qInfo("digits 5-fold accuracy %.4f (sklearn 0.9811)", accuracy);
    QVERIFY2(std::abs(accuracy - 0.98108) <= 0.02, qPrintable(QString::number(accuracy)));
  }

  void breastCancerMatchesSklearn() {
    SKIP_SLOW_UNDER_SANITIZERS();
    const double accuracy = crossValidated(load("breast_cancer.csv", "diagnosis", true), {});
    qInfo("breast cancer 5-fold accuracy %.4f (sklearn 0.9772)", accuracy);
    QVERIFY2(std::abs(accuracy - 0.97719) <= 0.02, qPrintable(QString::number(accuracy)));
  }

  // Lathe standardises the regression target, so sklearn's equivalent is make_pipeline(
  // StandardScaler(), TransformedTargetRegressor(MLPRegressor(random_state=0),
  // transformer=StandardScaler())): mean R^2 0.45759 with the default 200 epochs. (Unscaled, as
  // plain MLPRegressor, 200 epochs give -1.04 on this target in the hundreds.)
  void diabetesRegressionMatchesSklearn() {
    SKIP_SLOW_UNDER_SANITIZERS();
    const double r2 = crossValidated(load("diabetes_progression.csv", "progression", false), {});
    qInfo("diabetes 5-fold R2 %.4f (sklearn 0.4576)", r2);
    QVERIFY2(std::abs(r2 - 0.45759) <= 0.03, qPrintable(QString::number(r2)));
  }

  // Early stopping holds out 10%, keeps the best epoch's weights and stops n_iter_no_change + 1
  // epochs after the last improvement by tol; progress is reported once per epoch.
  void earlyStoppingKeepsTheBestEpoch() {
    const auto [train, test] = fold(load("digits_8x8.csv", "digit", true), 0);
    std::stop_source stop;
    StoppingSink sink(stop, 2.0);  // records, never stops
    const jobs::JobContext context(stop.get_token(), sink);
    MultilayerPerceptron mlp(
        dynamic_cast<MultilayerPerceptron&>(*EstimatorRegistry::create("mlp", {{"early_stopping", true}})));
    mlp.fit(train, context);
    const auto& scores = mlp.validationScores();
    QVERIFY(!scores.empty());
    QVERIFY(scores.size() < 200);
    QCOMPARE(scores.size(), mlp.lossCurve().size());
    QCOMPARE(sink.fractions.size(), scores.size() + 1);  // one per epoch, then "Fitted"
    // The last improvement by more than tol came n_iter_no_change + 1 epochs before the end.
    std::size_t lastGain = 0;
    double best = -1;
    for (std::size_t e = 0; e < scores.size(); ++e)
      if (scores[e] >= best + 1e-4) lastGain = e, best = std::max(best, scores[e]);
    QCOMPARE(scores.size(), lastGain + 12);
    const auto predicted = mlp.predict(test.x);
    std::size_t right = 0;
    for (std::size_t r = 0; r < predicted.size(); ++r) right += predicted[r] == test.y[r];
    // sklearn's MLPClassifier(early_stopping=True) on this fold: 0.928, 0.956, 0.964 with seeds 0, 1, 2.
    const double accuracy = static_cast<double>(right) / static_cast<double>(predicted.size());
    qInfo("early stopping after %zu epochs, accuracy %.4f", scores.size(), accuracy);
    QVERIFY2(accuracy > 0.90, qPrintable(QString::number(accuracy)));
  }

  void lossFallsAndSeedsRepeat() {
    const auto data = load("breast_cancer.csv", "diagnosis", true);
    MultilayerPerceptron a, b, c(MultilayerPerceptron::Parameters{.randomState = 7});
    a.fit(data, quiet);
    b.fit(data, quiet);
    c.fit(data, quiet);
    QVERIFY(a.lossCurve().size() >= 10);
    QVERIFY(a.lossCurve().back() < a.lossCurve().front() / 5);
    QCOMPARE(a.predictProba(data.x).values, b.predictProba(data.x).values);
    QVERIFY(a.predictProba(data.x).values != c.predictProba(data.x).values);
    const auto proba = a.predictProba(data.x);
    QCOMPARE(proba.classes, std::size_t{2});
    for (std::size_t r = 0; r < proba.rows; ++r) QVERIFY(std::abs(proba.at(r, 0) + proba.at(r, 1) - 1.0) < 1e-12);
  }

  void saveLoadGivesIdenticalPredictions() {
    const auto [train, test] = fold(load("wine.csv", "cultivar", true), 1);
    auto model = EstimatorRegistry::create("mlp", {{"hidden_layer_sizes", "[20, 10]"}, {"max_iter", 50}});
    model->fit(train, quiet);
    const std::string bytes = ModelFile::serialize(*model);
    const auto back = ModelFile::deserialize(bytes);
    QCOMPARE(back->parameters(), model->parameters());
    QCOMPARE(back->predict(test.x), model->predict(test.x));
    QCOMPARE(back->predictProba(test.x).values, model->predictProba(test.x).values);
    for (std::size_t size = 0; size < bytes.size(); size += 1 + size / 5)
      QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(bytes.substr(0, size)));
    std::string flipped = bytes;
    flipped[bytes.size() - 100] = static_cast<char>(flipped[bytes.size() - 100] ^ 1);
    QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(flipped));
    // Parameters that disagree with the stored layers (a hand-edited file) are refused.
    MultilayerPerceptron other(MultilayerPerceptron::Parameters{.hiddenLayers = {20, 11}});
    ModelWriter out;
    model->save(out);
    ModelReader in(out.data());
    expectError([&] { other.load(in); }, ErrorCode::Parse, "layer 2 is 20 x 10, expected 20 x 11");

    // A regressor keeps its target scaling: predictions come back in the target's own units.
    const auto [rtrain, rtest] = fold(load("diabetes_progression.csv", "progression", false), 1);
    auto regressor = EstimatorRegistry::create("mlp", {{"max_iter", 30}});
    regressor->fit(rtrain, quiet);
    const auto predicted = regressor->predict(rtest.x);
    const double meanPredicted = std::accumulate(predicted.begin(), predicted.end(), 0.0) / predicted.size();
    QVERIFY2(meanPredicted > 100 && meanPredicted < 200, qPrintable(QString::number(meanPredicted)));  // y: 25..346
    QCOMPARE(ModelFile::deserialize(ModelFile::serialize(*regressor))->predict(rtest.x), predicted);
  }

  void hostileModelFields() {
    const auto load = [](const ModelWriter& w) {
      MultilayerPerceptron mlp;
      ModelReader in(w.data());
      mlp.load(in);
    };
    ModelWriter header;  // binary, 2 classes, 1 feature, identity scaling
    header.u32(static_cast<std::uint32_t>(Task::Binary));
    header.u64(2);
    header.u64(1);
    header.u32(1);
    header.f64s({0.0});
    header.f64s({1.0});
    ModelWriter huge = header;  // a layer promising 2^40 weights
    huge.u32(1);
    huge.u64(2);
    huge.u64(std::uint64_t{1} << 20);
    huge.u64(std::uint64_t{1} << 20);
    expectError([&] { load(huge); }, ErrorCode::Parse, "layer 1 is");
    ModelWriter nan = header;
    nan.u32(1);
    nan.u64(2);
    nan.u64(1);
    nan.u64(100);
    std::vector<double> weights(100, 0.1);
    weights[42] = std::nan("");
    nan.f64s(weights);
    nan.f64s(std::vector<double>(100, 0.0));
    expectError([&] { load(nan); }, ErrorCode::Parse, "not finite");
    ModelWriter wrongTask = header;  // softmax stored for a binary task
    wrongTask.u32(2);
    expectError([&] { load(wrongTask); }, ErrorCode::Parse, "output layer");
    ModelWriter classes;
    classes.u32(static_cast<std::uint32_t>(Task::Binary));
    classes.u64(5);
    expectError([&] { load(classes); }, ErrorCode::Parse, "class count");
  }

  void cancelStopsBetweenBatches() {
    const auto data = load("digits_8x8.csv", "digit", true);
    std::stop_source stop;
    StoppingSink sink(stop, 0.05);  // after epoch 10 of 200
    const jobs::JobContext context(stop.get_token(), sink);
    auto model = EstimatorRegistry::create("mlp");
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, model->fit(data, context));
    QCOMPARE(sink.fractions.size(), std::size_t{10});
    QVERIFY_THROWS_EXCEPTION(Error, model->predict(data.x));  // nothing half-fitted
  }

  void badInputsAreClearErrors() {
    auto mlp = EstimatorRegistry::create("mlp", {{"max_iter", 5}});
    expectError([&] { mlp->fit(tiny({}, {}, Task::Binary), quiet); }, ErrorCode::InvalidArgument, "no rows");
    expectError([&] { mlp->fit(tiny({1, 2, 3}, {1, 1, 1}, Task::Binary), quiet); }, ErrorCode::InvalidArgument,
                "one class");
    expectError([&] { mlp->fit(tiny({1, std::nan(""), 3}, {0, 1, 0}, Task::Binary), quiet); },
                ErrorCode::InvalidArgument, "feature 'x' has a missing value at row 2");
    expectError([&] { mlp->fit(tiny({1, 2, -HUGE_VAL}, {0, 1, 0}, Task::Binary), quiet); },
                ErrorCode::InvalidArgument, "infinite value at row 3");
    expectError([&] { mlp->fit(tiny({1, 2, 3}, {1, 2, 3}, Task::Clustering), quiet); }, ErrorCode::InvalidArgument,
                "clustering");
    expectError([&] { mlp->fit(tiny({1, 2, 3}, {1, HUGE_VAL, 3}, Task::Regression), quiet); },
                ErrorCode::InvalidArgument, "target 'y' has a missing or infinite value at row 2");
    expectError([&] { mlp->predict(FeatureMatrix(1, {"x"})); }, ErrorCode::InvalidArgument, "not been fitted");
    // A target near the largest double overflows its variance: a clear error, not NaN weights.
    expectError([&] { mlp->fit(tiny({1, 2, 3}, {1e300, -1e300, 1e300}, Task::Regression), quiet); },
                ErrorCode::InvalidArgument, "too wide a range");
    // Unscaled, the same target overflows the squared error instead.
    expectError(
        [&] {
          EstimatorRegistry::create("mlp", {{"scale", false}})
              ->fit(tiny({1, 2, 3}, {1e300, -1e300, 1e300}, Task::Regression), quiet);
        },
        ErrorCode::InvalidArgument, "diverged");
    expectError(
        [&] {
          EstimatorRegistry::create("mlp", {{"early_stopping", true}})->fit(tiny({1}, {3}, Task::Regression), quiet);
        },
        ErrorCode::InvalidArgument, "early_stopping needs a validation set");

    // A single row, and more columns than rows, train (the L2 penalty keeps it well posed).
    auto single = EstimatorRegistry::create("mlp", {{"max_iter", 20}});
    single->fit(tiny({4.0}, {12.0}, Task::Regression), quiet);
    QCOMPARE(single->predict(tiny({4.0}, {0}, Task::Regression).x).size(), std::size_t{1});
    TrainingData wide{FeatureMatrix(3, std::vector<std::string>(40, "f")), {0, 1, 0}, Task::Binary, {"a", "b"}, "y"};
    for (std::size_t c = 0; c < 40; ++c) wide.x.at(1, c) = 1.0 + static_cast<double>(c);
    auto model = EstimatorRegistry::create("mlp");
    model->fit(wide, quiet);
    QCOMPARE(model->predict(wide.x), (std::vector<double>{0, 1, 0}));
    expectError([&] { model->predict(FeatureMatrix(2, {"x"})); }, ErrorCode::InvalidArgument, "fitted on 40 features");
    expectError([&] { single->predictProba(FeatureMatrix(1, {"x"})); }, ErrorCode::Unsupported, "regressor");
  }

  void parametersAreValidated() {
    expectError([] { EstimatorRegistry::create("mlp", {{"hidden_layer_sizes", {100, 0}}}); },
                ErrorCode::InvalidArgument, "mlp: parameter 'hidden_layer_sizes' must be a list of 1 to 64 integers");
    expectError([] { EstimatorRegistry::create("mlp", {{"hidden_layer_sizes", "10,x"}}); }, ErrorCode::InvalidArgument,
                "'hidden_layer_sizes'");
    expectError([] { EstimatorRegistry::create("mlp", {{"learning_rate_init", 0}}); }, ErrorCode::InvalidArgument,
                "'learning_rate_init'");
    expectError([] { EstimatorRegistry::create("mlp", {{"alpha", -1}}); }, ErrorCode::InvalidArgument, "'alpha'");
    expectError([] { EstimatorRegistry::create("mlp", {{"batch_size", "big"}}); }, ErrorCode::InvalidArgument,
                "'batch_size'");
    expectError([] { EstimatorRegistry::create("mlp", {{"solver", "sgd"}}); }, ErrorCode::InvalidArgument,
                "unknown parameter 'solver'");
    // A network too large to hold is refused at fit, before any allocation.
    auto huge = EstimatorRegistry::create("mlp", {{"hidden_layer_sizes", {100000, 100000}}});
    expectError([&] { huge->fit(tiny({1, 2, 3}, {0, 1, 0}, Task::Binary), quiet); }, ErrorCode::InvalidArgument,
                "more than 50000000 weights");
    const auto defaults = EstimatorRegistry::create("mlp")->parameters();
    QCOMPARE(defaults["hidden_layer_sizes"], nlohmann::json({100}));
    QCOMPARE(defaults["batch_size"], nlohmann::json("auto"));
    QCOMPARE(defaults["learning_rate_init"].get<double>(), 0.001);
    QCOMPARE(EstimatorRegistry::create("mlp", defaults)->parameters(), defaults);
    QCOMPARE(EstimatorRegistry::create("mlp", {{"hidden_layer_sizes", "(50, 20)"}})->parameters()["hidden_layer_sizes"],
             nlohmann::json({50, 20}));
  }
};

QTEST_APPLESS_MAIN(tst_MultilayerPerceptron)
#include "tst_MultilayerPerceptron.moc"
