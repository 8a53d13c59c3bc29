// DBSCAN against scikit-learn 1.2 on standardised iris, plus the model file, cancel and the bad
// inputs of issue 6 and BAD_INPUTS case 33.
#include <QtTest>

#include <cmath>
#include <limits>
#include <random>

#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/ml/Dbscan.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/ModelFile.h"
#include "MlTestSupport.h"

using namespace lathe;
using namespace lathe::ml;

namespace {

TrainingData standardIris() {
  const auto table = mltest::loadTable("iris.arff");
  const std::vector<std::string> names{"sepallength", "sepalwidth", "petallength", "petalwidth"};
  TrainingData data{FeatureMatrix(table.rowCount(), names), {}, Task::Clustering, {}, {}};
  for (std::size_t f = 0; f < names.size(); ++f)
    for (std::size_t r = 0; r < table.rowCount(); ++r) data.x.at(r, f) = table.column(*table.indexOf(names[f])).numericAt(r);
  mltest::standardise(data.x);
  return data;
}

Dbscan::Parameters dbscan(double eps, int minSamples) {
  Dbscan::Parameters p;
  p.eps = eps;
  p.minSamples = minSamples;
  return p;
}

std::vector<int> parseLabels(const char* text) {
  std::vector<int> out;
  for (const char* c = text; *c; ++c) out.push_back(*c == 'n' ? -1 : *c - '0');
  return out;
}

// sklearn 1.2: DBSCAN(eps, min_samples=5).fit(StandardScaler().fit_transform(iris features)).labels_,
// 'n' for noise (-1); len(core_sample_indices_) is 93 (eps 0.5) and 138 (eps 0.8).
const char* kEps05 =
    "00000000000000nn000000n000000000nn0000000n00000000111111nn1nn1n11111n111n111111111111n1n11111n1111n1n1111nnnnn1111n11nnn11"
    "n11n111nnn111nn11111111111n1";
const char* kEps08 =
    "00000000000000000000000000000000000000000n0000000011111111111111111111111111111111111111111111111111111111111n1111111n1111"
    "111111111n111111111111111111";

}  // namespace

class tst_Dbscan : public QObject {
  Q_OBJECT

 private slots:
  void irisMatchesSklearn_data() {
    QTest::addColumn<double>("eps");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("cores");
    QTest::newRow("eps 0.5") << 0.5 << QString(kEps05) << 93;
    QTest::newRow("eps 0.8") << 0.8 << QString(kEps08) << 138;
  }
  void irisMatchesSklearn() {
    QFETCH(double, eps);
    QFETCH(QString, expected);
    QFETCH(int, cores);
    const TrainingData iris = standardIris();
    mltest::QuietContext quiet;
    Dbscan model(dbscan(eps, 5));
    model.fit(iris, quiet.context);
    const std::vector<int> sklearn = parseLabels(expected.toLatin1().constData());
    QCOMPARE(model.labels(), sklearn);
    QCOMPARE(model.coreSampleIndices().size(), static_cast<std::size_t>(cores));
    QCOMPARE(model.clusterCount(), 2);
    // predict() on the training rows: the same labels (no border row sits between two clusters here)
    const auto predicted = model.predict(iris.x);
    for (std::size_t r = 0; r < predicted.size(); ++r) QCOMPARE(predicted[r], static_cast<double>(sklearn[r]));
  }

  void gridMatchesBruteForce() {
    // 3,000 rows in 5 dimensions (the grid uses 3 of them): labels as a direct O(n^2) DBSCAN gives.
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    const std::size_t n = 3000, d = 5;
    TrainingData data{FeatureMatrix(n, {"a", "b", "c", "d", "e"}), {}, Task::Clustering, {}, {}};
    for (std::size_t r = 0; r < n; ++r)
      for (std::size_t c = 0; c < d; ++c) data.x.at(r, c) = (r % 3) * 2.0 * (c == r % 5) + u(rng) * (c < 3 ? 1.0 : 0.3);
    const double eps = 0.25;
    const int minSamples = 6;
    std::vector<std::vector<std::size_t>> neighbours(n);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) {
        double d2 = 0;
        for (std::size_t c = 0; c < d; ++c) d2 += std::pow(data.x.at(i, c) - data.x.at(j, c), 2);
        if (d2 <= eps * eps) neighbours[i].push_back(j);
      }
    std::vector<int> labels(n, -1);
    int next = 0;
    for (std::size_t i = 0; i < n; ++i) {  // sklearn's dbscan_inner, literally
      if (labels[i] != -1 || neighbours[i].size() < static_cast<std::size_t>(minSamples)) continue;
      std::vector<std::size_t> stack;
      std::size_t at = i;
      while (true) {
        if (labels[at] == -1) {
          labels[at] = next;
          if (neighbours[at].size() >= static_cast<std::size_t>(minSamples))
            for (std::size_t v : neighbours[at])
              if (labels[v] == -1) stack.push_back(v);
        }
        if (stack.empty()) break;
        at = stack.back();
        stack.pop_back();
      }
      ++next;
    }
    mltest::QuietContext quiet;
    Dbscan model(dbscan(eps, minSamples));
    model.fit(data, quiet.context);
    QVERIFY(next > 1);
    QCOMPARE(model.clusterCount(), next);
    QCOMPARE(model.labels(), labels);
  }

  void edgeCases() {
    mltest::QuietContext quiet;
    const TrainingData iris = standardIris();
    Dbscan huge(dbscan(100.0, 5));
    huge.fit(iris, quiet.context);
    for (int label : huge.labels()) QCOMPARE(label, 0);
    Dbscan lonely(dbscan(0.5, 151));
    lonely.fit(iris, quiet.context);
    for (int label : lonely.labels()) QCOMPARE(label, -1);
    for (double label : lonely.predict(iris.x)) QCOMPARE(label, -1.0);
    // identical rows: one cluster; a far new row is noise
    TrainingData same{FeatureMatrix(10, {"a"}), {}, Task::Clustering, {}, {}};
    Dbscan one(dbscan(1e-12, 3));
    one.fit(same, quiet.context);
    for (int label : one.labels()) QCOMPARE(label, 0);
    FeatureMatrix far(2, {"a"});
    far.at(1, 0) = 1e300;
    QCOMPARE(one.predict(far), (std::vector<double>{0.0, -1.0}));
    // huge magnitudes with a tiny eps: no overflow in the grid
    TrainingData spread{FeatureMatrix(4, {"a", "b"}), {}, Task::Clustering, {}, {}};
    const double values[] = {-1e308, 1e308, 0.0, 5e-324};
    for (std::size_t r = 0; r < 4; ++r) spread.x.at(r, 0) = spread.x.at(r, 1) = values[r];
    Dbscan tiny(dbscan(1e-300, 2));
    tiny.fit(spread, quiet.context);
    QCOMPARE(tiny.labels(), (std::vector<int>{-1, -1, 0, 0}));
  }

  void badInputs() {
    mltest::QuietContext quiet;
    for (const nlohmann::json& parameters :
         {nlohmann::json{{"eps", 0}}, nlohmann::json{{"eps", -0.5}}, nlohmann::json{{"eps", "wide"}},
          nlohmann::json{{"min_samples", 0}}, nlohmann::json{{"metric", "cosine"}}, nlohmann::json{{"radius", 1}}}) {
      try {
        EstimatorRegistry::create("dbscan", parameters);
        QFAIL(qPrintable(QString::fromStdString("accepted " + parameters.dump())));
      } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QVERIFY(e.message().find("dbscan") != std::string::npos);
      }
    }
    auto fromCli = EstimatorRegistry::create("dbscan", {{"eps", "0.8"}, {"min_samples", "5"}});
    QCOMPARE(fromCli->parameters()["eps"].get<double>(), 0.8);
    Dbscan model;
    QVERIFY_THROWS_EXCEPTION(Error, model.fit(TrainingData{FeatureMatrix(0, {"a"}), {}, Task::Clustering, {}, {}}, quiet.context));
    TrainingData nan = standardIris();
    nan.x.at(3, 1) = std::numeric_limits<double>::quiet_NaN();
    try {
      model.fit(nan, quiet.context);
      QFAIL("NaN accepted");
    } catch (const Error& e) {
      QVERIFY(e.message().find("sepalwidth") != std::string::npos);
    }
    QVERIFY_THROWS_EXCEPTION(Error, model.predict(standardIris().x));  // before fit
    model.fit(standardIris(), quiet.context);
    QVERIFY_THROWS_EXCEPTION(Error, model.predict(FeatureMatrix(1, {"a", "b"})));
    TrainingData labelled = standardIris();
    labelled.task = Task::Binary;
    QVERIFY_THROWS_EXCEPTION(Error, model.fit(labelled, quiet.context));
  }

  void saveLoadAndCorruptFiles() {
    mltest::QuietContext quiet;
    const TrainingData iris = standardIris();
    Dbscan model(dbscan(0.5, 5));
    model.fit(iris, quiet.context);
    const std::string bytes = ModelFile::serialize(model);
    const auto loaded = ModelFile::deserialize(bytes);
    QCOMPARE(loaded->predict(iris.x), model.predict(iris.x));
    for (std::size_t cut : {std::size_t{1}, bytes.size() / 2, bytes.size() - 32, bytes.size() - 1})
      QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(std::string_view(bytes).substr(0, cut)));
    const auto refuses = [](std::uint64_t features, std::uint32_t clusters, std::vector<double> points,
                            std::vector<std::int32_t> labels) {
      ModelWriter out;
      out.u64(features);
      out.u32(clusters);
      out.f64s(points);
      out.i32s(labels);
      ModelReader in(out.data());
      Dbscan target;
      try {
        target.load(in);
        return false;
      } catch (const Error& e) {
        return e.code() == ErrorCode::Parse;
      }
    };
    QVERIFY(!refuses(2, 1, {1, 2, 3, 4}, {0, 0}));
    QVERIFY(refuses(2, 1, {1, 2, 3}, {0, 0}));                  // not labels x features
    QVERIFY(refuses(2, 1, {1, 2, 3, 4}, {0, 1}));               // cluster out of range
    QVERIFY(refuses(2, 1, {1, 2, 3, 4}, {0, -1}));
    QVERIFY(refuses(0, 0, {}, {}));                              // no features
    QVERIFY(refuses(1ull << 40, 0, {}, {}));
    QVERIFY(refuses(1, 1, {std::numeric_limits<double>::infinity()}, {0}));
  }

  void cancel() {
    std::mt19937_64 rng(1);
    std::normal_distribution<double> normal;
    TrainingData big{FeatureMatrix(200000, {"a", "b"}), {}, Task::Clustering, {}, {}};
    for (std::size_t r = 0; r < big.x.rows(); ++r) big.x.at(r, 0) = normal(rng), big.x.at(r, 1) = normal(rng);
    std::stop_source stop;
    StoppingSink sink(stop, 0.2);
    const jobs::JobContext context(stop.get_token(), sink);
    Dbscan model(dbscan(0.05, 5));
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, model.fit(big, context));
    QVERIFY(!sink.fractions.empty());
    QVERIFY(sink.fractions.back() < 0.7);
  }
};

QTEST_APPLESS_MAIN(tst_Dbscan)
#include "tst_Dbscan.moc"
