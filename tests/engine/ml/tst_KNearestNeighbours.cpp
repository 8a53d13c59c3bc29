// k-nearest neighbours against scikit-learn 1.2 on real data, plus the model file, cancel and
// the bad inputs of issue 6 and BAD_INPUTS case 33.
#include <QtTest>

#include "MlTestSupport.h"

#include <algorithm>

#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/KNearestNeighbours.h"
#include "engine/ml/ModelFile.h"

using namespace lathe;
using namespace lathe::ml;

namespace {

jobs::NullProgressSink nullSink;
std::stop_source neverStop;
const jobs::JobContext quiet(neverStop.get_token(), nullSink);

TrainingData load(const std::string& file, const std::string& target, bool classify) {
  return mltest::numericTraining(file, target, classify);
}

// The split the expected numbers were made with: every fifth row (0, 5, 10, ...) is a test row.
std::pair<TrainingData, TrainingData> everyFifth(const TrainingData& data) {
  std::vector<std::size_t> train, test;
  for (std::size_t r = 0; r < data.x.rows(); ++r) (r % 5 == 0 ? test : train).push_back(r);
  return {data.selectRows(train), data.selectRows(test)};
}

std::unique_ptr<Estimator> fitted(const TrainingData& data, const nlohmann::json& parameters) {
  auto model = EstimatorRegistry::create("knn", parameters);
  model->fit(data, quiet);
  return model;
}

std::string digits(const std::vector<double>& predictions) {
  std::string out;
  for (double p : predictions) out += static_cast<char>('0' + static_cast<int>(p));
  return out;
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

class tst_KNearestNeighbours : public QObject {
  Q_OBJECT
 private slots:
  // Expected strings: /usr/bin/python3, sklearn 1.2, KNeighborsClassifier(...).fit(X[train], y[train])
  // .predict(X[test]) with test = rows 0, 5, 10, ...; labels sorted (benign 0, malignant 1).
  void breastCancerMatchesSklearn() {
    const auto [train, test] = everyFifth(load("breast_cancer.csv", "diagnosis", true));
    QCOMPARE(train.x.cols(), std::size_t{30});
    const auto uniform = fitted(train, {});
    QCOMPARE(digits(uniform->predict(test.x)),
             std::string("111101111100011101011100000000000000100001100010001111001000100000110000011100001000000100001100"
                         "000000000001000001"));
    const auto proba = uniform->predictProba(test.x);  // sklearn: [1, 1, 1, 0.8, 0] for class 1
    const std::vector<double> expected{1, 1, 1, 0.8, 0};
    for (std::size_t r = 0; r < expected.size(); ++r) QCOMPARE(proba.at(r, 1), expected[r]);

    // weights="distance" changes one vote (test row 53); sum of P(malignant) 36.46867512811356.
    const auto weighted = fitted(train, {{"weights", "distance"}});
    QCOMPARE(digits(weighted->predict(test.x)),
             std::string("111101111100011101011100000000000000100001100010001011001000100000110000011100001000000100001100"
                         "000000000001000001"));
    const auto p = weighted->predictProba(test.x);
    double sum = 0;
    for (std::size_t r = 0; r < p.rows; ++r) sum += p.at(r, 1);
    QVERIFY(std::abs(sum - 36.46867512811356) < 1e-9);
  }

  // sklearn: StandardScaler fitted on the training rows + KNeighborsClassifier(weights="distance");
  // and KNeighborsClassifier(metric="manhattan", n_neighbors=7) on raw features.
  void wineMatchesSklearn() {
    const auto [train, test] = everyFifth(load("wine.csv", "cultivar", true));
    QCOMPARE(train.task, Task::Multiclass);
    QCOMPARE(digits(fitted(train, {{"weights", "distance"}, {"scale", true}})->predict(test.x)),
             std::string("000000000000111111111111112222222222"));
    QCOMPARE(digits(fitted(train, {{"metric", "manhattan"}, {"n_neighbors", 7}})->predict(test.x)),
             std::string("000000000000210111102121212222221110"));
  }

  // sklearn KNeighborsRegressor() and KNeighborsRegressor(weights="distance", metric="manhattan").
  void diabetesRegressionMatchesSklearn() {
    const auto [train, test] = everyFifth(load("diabetes_progression.csv", "progression", false));
    const std::vector<double> uniform{
        163.6, 133.6, 100.8, 211.4, 141.4, 157.8, 90.0,  119.8, 199.8, 130.6, 112.2, 67.0,  111.0, 205.8, 64.8,
        111.0, 172.2, 114.4, 143.6, 123.8, 155.0, 152.6, 123.4, 151.2, 104.0, 196.8, 182.6, 156.8, 188.6, 151.0,
        115.0, 184.6, 86.8,  130.8, 107.8, 124.0, 102.6, 153.4, 126.8, 189.6, 133.0, 145.8, 121.4, 267.0, 77.4,
        188.4, 164.2, 200.4, 163.6, 115.0, 271.6, 85.4,  122.6, 73.0,  265.8, 190.0, 154.0, 170.0, 204.6, 74.2,
        169.4, 149.8, 142.4, 68.6,  161.4, 118.8, 141.6, 112.4, 178.6, 146.6, 210.8, 88.2,  182.0, 213.4, 105.0,
        230.8, 191.6, 209.8, 217.8, 184.2, 189.8, 144.4, 169.4, 139.2, 158.6, 108.4, 123.4, 120.2, 165.8};
    const auto got = fitted(train, {})->predict(test.x);
    QCOMPARE(got.size(), uniform.size());
    for (std::size_t r = 0; r < got.size(); ++r) QVERIFY2(std::abs(got[r] - uniform[r]) < 1e-9, qPrintable(QString::number(r)));

    const std::vector<double> weighted{
        166.54894413682445, 139.15654334989833, 112.9938628278761,  180.57998264589423, 127.39003667958858,
        140.52204294141154, 101.61432512380514, 116.88568725840416, 189.8108103096401,  83.94301204974343,
        110.87692582144038, 68.96931649463217,  116.83289264354153, 103.63501055040541, 87.09208881493934,
        112.58945259563706, 141.27562706801027, 118.84856514499494, 144.87330578648573, 121.80887141641149,
        136.7632660092437,  145.30421576995138, 144.47224474503545, 154.84268018811846, 101.77018263247109,
        162.89741552713605, 195.7897199696187,  151.5525032403584,  171.14668477783974, 166.4652240183591,
        165.56123454516558, 222.50600695157536, 104.24527803456733, 142.34850593388754, 98.86707869052314,
        124.568363624048,   104.63263931243664, 121.01084998123912, 101.77206961803736, 191.14566951326844,
        138.71963045026922, 148.75074144360536, 124.02851974403387, 286.3545716570449,  109.93651321633524,
        199.38582969654547, 163.21795200873194, 161.9342820490907,  165.39166244737677, 125.60871821536581,
        266.4797897666622,  83.36703420655027,  141.8468682871265,  68.06393209365336,  254.38663817955432,
        166.05512399018406, 189.30313146297232, 173.89570501372864, 211.58579033840354, 101.06162411709582,
        204.72794304367085, 158.23669789335855, 168.33153766023642, 106.77339095722202, 236.4859827774422,
        143.46191702739918, 135.3208286419569,  118.05466667406084, 160.20184064738126, 155.76501932822833,
        173.9614979231866,  74.13916262887034,  162.94636105445642, 226.97946848335383, 112.61557037135107,
        223.75925083480936, 196.99318346075978, 186.99406576718607, 235.1716718421641,  154.36946089603663,
        170.51834818014063, 132.90111997266803, 161.29481295390494, 137.0617996447005,  153.1285284488344,
        87.23987110164298,  129.90144985980876, 117.33544581432217, 142.02015351609023};
    const auto got2 = fitted(train, {{"weights", "distance"}, {"metric", "manhattan"}})->predict(test.x);
    for (std::size_t r = 0; r < got2.size(); ++r)
      QVERIFY2(std::abs(got2[r] - weighted[r]) < 1e-9, qPrintable(QString::number(r)));
  }

  // Ties: equal distances go to the earlier training row, a tied vote to the lowest class
  // (sklearn's mode); a query on a training row with weights="distance" takes that row alone.
  void tiesAndExactMatches() {
    const auto data = tiny({0.0, 2.0, 5.0, 5.0}, {1, 0, 0, 1}, Task::Binary);
    FeatureMatrix q(3, {"x"});
    q.at(0, 0) = 1.0;  // equidistant from rows 0 and 1
    q.at(1, 0) = 5.0;  // on rows 2 and 3 (classes 0 and 1)
    q.at(2, 0) = 3.5;
    const auto one = fitted(data, {{"n_neighbors", 1}});
    QCOMPARE(one->predict(q)[0], 1.0);  // row 0 comes first
    const auto two = fitted(data, {{"n_neighbors", 2}});
    QCOMPARE(two->predict(q)[0], 0.0);  // one vote each: class 0
    const auto weighted = fitted(data, {{"n_neighbors", 3}, {"weights", "distance"}});
    const auto p = weighted->predictProba(q);
    QCOMPARE(p.at(1, 0), 0.5);  // rows 2 and 3 at distance 0 share it, row 1 gets nothing
    QCOMPARE(p.at(1, 1), 0.5);
    auto* knn = dynamic_cast<KNearestNeighbours*>(weighted.get());
    const auto found = knn->neighbours(q);
    QCOMPARE(found.index[2 * 3 + 0], 1u);  // 3.5: row 1 (1.5) before rows 2, 3 (1.5) — the earlier row first
    QCOMPARE(found.distance[2 * 3 + 0], 1.5);
    QCOMPARE(found.index[2 * 3 + 1], 2u);
  }

  // Threads and blocks (1797 queries, > 64 per block, several blocks) give the same answer.
  void threadsGiveTheSameAnswer() {
    const auto data = load("digits_8x8.csv", "digit", true);
    QCOMPARE(data.classCount(), std::size_t{10});
    const auto [train, test] = everyFifth(data);
    const auto single = fitted(train, {{"threads", 1}})->predict(test.x);
    const auto many = fitted(train, {{"threads", 4}})->predict(test.x);
    QCOMPARE(single, many);
    std::size_t right = 0;
    for (std::size_t r = 0; r < single.size(); ++r) right += single[r] == test.y[r];
    // sklearn KNeighborsClassifier() on this split: 0.9861 accuracy (355 of 360).
    QCOMPARE(right, std::size_t{355});
  }

  void saveLoadGivesIdenticalPredictions() {
    const auto [train, test] = everyFifth(load("wine.csv", "cultivar", true));
    const auto model = fitted(train, {{"scale", true}, {"weights", "distance"}, {"n_neighbors", 3}});
    const std::string bytes = ModelFile::serialize(*model);
    const auto back = ModelFile::deserialize(bytes);
    QCOMPARE(back->algorithm(), std::string("knn"));
    QCOMPARE(back->parameters(), model->parameters());
    QCOMPARE(back->predict(test.x), model->predict(test.x));
    QCOMPARE(back->predictProba(test.x).values, model->predictProba(test.x).values);

    // BAD_INPUTS 33: every truncation and a flipped byte are errors, never a crash.
    for (std::size_t size = 0; size < bytes.size(); size += 1 + size / 7)
      QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(bytes.substr(0, size)));
    std::string flipped = bytes;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x40);
    QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(flipped));
  }

  // A well-formed file holding hostile sizes (checksums cannot catch what was written so).
  void hostileModelFields() {
    const auto data = tiny({0, 1, 2, 3, 4, 5}, {0, 1, 0, 1, 0, 1}, Task::Binary);
    const auto load = [](const ModelWriter& w) {
      KNearestNeighbours knn;
      ModelReader in(w.data());
      knn.load(in);
    };
    ModelWriter huge;  // 2^40 rows promised, none there
    huge.u32(static_cast<std::uint32_t>(Task::Binary));
    huge.u64(2);
    huge.u64(std::uint64_t{1} << 40);
    huge.u64(1);
    expectError([&] { load(huge); }, ErrorCode::Parse, "training size");
    ModelWriter mismatch;  // 6 rows declared, 5 values
    mismatch.u32(static_cast<std::uint32_t>(Task::Binary));
    mismatch.u64(2);
    mismatch.u64(6);
    mismatch.u64(1);
    mismatch.u32(0);
    mismatch.f64s({0.0});
    mismatch.f64s({1.0});
    mismatch.f64s({0, 1, 2, 3, 4});
    mismatch.f64s({0, 1, 0, 1, 0, 1});
    expectError([&] { load(mismatch); }, ErrorCode::Parse, "do not match");
    ModelWriter badClass;  // class index 7 of 2
    badClass.u32(static_cast<std::uint32_t>(Task::Binary));
    badClass.u64(2);
    badClass.u64(6);
    badClass.u64(1);
    badClass.u32(0);
    badClass.f64s({0.0});
    badClass.f64s({1.0});
    badClass.f64s({0, 1, 2, 3, 4, 5});
    badClass.f64s({0, 1, 0, 1, 0, 7});
    expectError([&] { load(badClass); }, ErrorCode::Parse, "out of range");
    ModelWriter nanScale;
    nanScale.u32(static_cast<std::uint32_t>(Task::Regression));
    nanScale.u64(0);
    nanScale.u64(6);
    nanScale.u64(1);
    nanScale.u32(1);
    nanScale.f64s({0.0});
    nanScale.f64s({std::nan("")});
    expectError([&] { load(nanScale); }, ErrorCode::Parse, "scaling");
    (void)data;
  }

  void cancelStopsTheFit() {
    const auto data = load("digits_8x8.csv", "digit", true);
    std::stop_source stop;
    StoppingSink sink(stop, 0.1);
    const jobs::JobContext context(stop.get_token(), sink);
    auto model = EstimatorRegistry::create("knn");
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, model->fit(data, context));
    QVERIFY(!sink.fractions.empty());
    QVERIFY_THROWS_EXCEPTION(Error, model->predict(data.x));  // nothing half-fitted
  }

  void badInputsAreClearErrors() {
    auto knn = EstimatorRegistry::create("knn");
    expectError([&] { knn->fit(tiny({}, {}, Task::Binary), quiet); }, ErrorCode::InvalidArgument, "no rows");
    expectError([&] { knn->fit(tiny({1, 2, 3, 4, 5, 6}, {1, 1, 1, 1, 1, 1}, Task::Binary), quiet); },
                ErrorCode::InvalidArgument, "one class");
    expectError([&] { knn->fit(tiny({1, 2, std::nan(""), 4, 5, 6}, {0, 1, 0, 1, 0, 1}, Task::Binary), quiet); },
                ErrorCode::InvalidArgument, "feature 'x' has a missing value at row 3");
    expectError([&] { knn->fit(tiny({1, 2, 3, HUGE_VAL, 5, 6}, {0, 1, 0, 1, 0, 1}, Task::Binary), quiet); },
                ErrorCode::InvalidArgument, "infinite value at row 4");
    expectError([&] { knn->fit(tiny({1, 2, 3}, {0, 1, 0}, Task::Binary), quiet); }, ErrorCode::InvalidArgument,
                "n_neighbors (5) is more than the 3 training rows");
    expectError([&] { knn->fit(tiny({1, 2, 3, 4, 5, 6}, {1, 2, 3, 4, 5, 6}, Task::Clustering), quiet); },
                ErrorCode::InvalidArgument, "clustering");
    expectError([&] { knn->predict(FeatureMatrix(2, {"x"})); }, ErrorCode::InvalidArgument, "not been fitted");
    expectError([&] { knn->fit(tiny({1, 2, 3, 4, 5, 6}, {1, 2, 3, std::nan(""), 5, 6}, Task::Regression), quiet); },
                ErrorCode::InvalidArgument, "target 'y' has a missing or infinite value at row 4");

    // A single row and more columns than rows are fine for knn (k = 1).
    TrainingData wide{FeatureMatrix(2, std::vector<std::string>(50, "f")), {0, 1}, Task::Binary, {"a", "b"}, "y"};
    for (std::size_t c = 0; c < 50; ++c) wide.x.at(1, c) = 1.0;
    auto one = EstimatorRegistry::create("knn", {{"n_neighbors", 1}});
    one->fit(wide, quiet);
    QCOMPARE(one->predict(wide.x), (std::vector<double>{0, 1}));
    expectError([&] { one->predict(FeatureMatrix(2, {"x"})); }, ErrorCode::InvalidArgument, "fitted on 50 features");
    FeatureMatrix holed(1, std::vector<std::string>(50, "f"));
    holed.at(0, 3) = std::nan("");
    expectError([&] { one->predict(holed); }, ErrorCode::InvalidArgument, "missing value at row 1");
    QVERIFY(one->predict(FeatureMatrix(0, std::vector<std::string>(50, "f"))).empty());
    expectError([&] { one->predictProba(FeatureMatrix(0, {})); }, ErrorCode::InvalidArgument, "fitted on 50");
    auto regressor = EstimatorRegistry::create("knn", {{"n_neighbors", 1}});
    regressor->fit(tiny({1, 2}, {3, 4}, Task::Regression), quiet);
    expectError([&] { regressor->predictProba(FeatureMatrix(1, {"x"})); }, ErrorCode::Unsupported, "regressor");
  }

  void parametersAreValidated() {
    expectError([] { EstimatorRegistry::create("knn", {{"n_neighbors", -1}}); }, ErrorCode::InvalidArgument,
                "knn: parameter 'n_neighbors' must be an integer from 1");
    expectError([] { EstimatorRegistry::create("knn", {{"n_neighbors", 2.5}}); }, ErrorCode::InvalidArgument,
                "'n_neighbors'");
    expectError([] { EstimatorRegistry::create("knn", {{"weights", "gaussian"}}); }, ErrorCode::InvalidArgument,
                "'weights' must be uniform or distance");
    expectError([] { EstimatorRegistry::create("knn", {{"metric", "cosine"}}); }, ErrorCode::InvalidArgument,
                "'metric'");
    expectError([] { EstimatorRegistry::create("knn", {{"k", 3}}); }, ErrorCode::InvalidArgument,
                "unknown parameter 'k'");
    expectError([] { EstimatorRegistry::create("knn", nlohmann::json::array()); }, ErrorCode::InvalidArgument,
                "object");
    // The CLI's --param K=V gives text; defaults are sklearn's.
    const auto model = EstimatorRegistry::create("knn", {{"n_neighbors", "7"}, {"scale", "true"}});
    QCOMPARE(model->parameters()["n_neighbors"].get<int>(), 7);
    QCOMPARE(model->parameters()["scale"].get<bool>(), true);
    const auto defaults = EstimatorRegistry::create("knn")->parameters();
    QCOMPARE(defaults["n_neighbors"].get<int>(), 5);
    QCOMPARE(defaults["weights"].get<std::string>(), std::string("uniform"));
    QCOMPARE(EstimatorRegistry::create("knn", defaults)->parameters(), defaults);
  }
};

QTEST_APPLESS_MAIN(tst_KNearestNeighbours)
#include "tst_KNearestNeighbours.moc"
