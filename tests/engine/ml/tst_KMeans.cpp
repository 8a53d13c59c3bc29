// k-means against scikit-learn 1.2 on iris, plus the model file, cancel and the bad inputs of
// issue 6 and BAD_INPUTS case 33.
#include <QtTest>

#include <cmath>
#include <limits>
#include <functional>
#include <map>
#include <optional>

#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/KMeans.h"
#include "engine/ml/ModelFile.h"
#include "MlTestSupport.h"

using namespace lathe;
using namespace lathe::ml;

namespace {

// A dataset's numeric columns (all but `skip`) as a clustering task.
TrainingData numericColumns(const std::string& file, const std::string& skip) {
  const auto table = mltest::loadTable(file);
  std::vector<std::size_t> columns;
  std::vector<std::string> names;
  for (std::size_t c = 0; c < table.columnCount(); ++c)
    if (table.column(c).name() != skip && table.column(c).isNumeric()) {
      columns.push_back(c);
      names.push_back(table.column(c).name());
    }
  TrainingData data{FeatureMatrix(table.rowCount(), names), {}, Task::Clustering, {}, {}};
  for (std::size_t f = 0; f < columns.size(); ++f)
    for (std::size_t r = 0; r < table.rowCount(); ++r) data.x.at(r, f) = table.column(columns[f]).numericAt(r);
  return data;
}

// Adjusted Rand index of two labelings (as sklearn.metrics.adjusted_rand_score).
double adjustedRand(const std::vector<int>& a, const std::vector<int>& b) {
  std::map<std::pair<int, int>, double> cells;
  std::map<int, double> rows, cols;
  for (std::size_t i = 0; i < a.size(); ++i) {
    cells[{a[i], b[i]}] += 1;
    rows[a[i]] += 1;
    cols[b[i]] += 1;
  }
  const auto pairs = [](double n) { return n * (n - 1) / 2; };
  double index = 0, sumRows = 0, sumCols = 0;
  for (const auto& [key, n] : cells) index += pairs(n);
  for (const auto& [key, n] : rows) sumRows += pairs(n);
  for (const auto& [key, n] : cols) sumCols += pairs(n);
  const double expected = sumRows * sumCols / pairs(static_cast<double>(a.size()));
  const double maximum = (sumRows + sumCols) / 2;
  return (index - expected) / (maximum - expected);
}

// sklearn 1.2: KMeans(n_clusters=3, n_init=10, random_state=0).fit(iris features).labels_
const char* kSklearnIrisLabels =
    "11111111111111111111111111111111111111111111111111002000000000000000000000000200000000000000000000002022220222222002222"
    "0202022002222202222022202220220";

KMeans::Parameters kmeans(int clusters, std::optional<std::uint64_t> seed, int runs = 10) {
  KMeans::Parameters p;
  p.clusters = clusters;
  p.seed = seed;
  p.initRuns = runs;
  return p;
}

TrainingData irisData() { return numericColumns("iris.arff", "class"); }

}  // namespace

class tst_KMeans : public QObject {
  Q_OBJECT

 private slots:
  void irisMatchesSklearn() {
    const TrainingData iris = irisData();
    QCOMPARE(iris.x.cols(), std::size_t{4});
    mltest::QuietContext quiet;
    // sklearn 1.2 KMeans(n_clusters=k, n_init=10, random_state=0).inertia_ on the 4 iris features
    const std::map<int, double> expected{{3, 78.940841426146}, {8, 30.06387443273313}};
    for (const auto& [k, inertia] : expected) {
      KMeans model(kmeans(k, 0));
      model.fit(iris, quiet.context);
      QVERIFY2(std::abs(model.inertia() - inertia) <= 0.01 * inertia,
               qPrintable(QString("k=%1 inertia %2 vs sklearn %3").arg(k).arg(model.inertia()).arg(inertia)));
      QCOMPARE(model.labels().size(), iris.x.rows());
      // predict() on the training rows gives the fitted labels
      const auto predicted = model.predict(iris.x);
      for (std::size_t r = 0; r < predicted.size(); ++r) QCOMPARE(predicted[r], static_cast<double>(model.labels()[r]));
      if (k == 3) {
        std::vector<int> sklearn;
        for (const char* c = kSklearnIrisLabels; *c; ++c) sklearn.push_back(*c - '0');
        QCOMPARE(sklearn.size(), iris.x.rows());
        QVERIFY(adjustedRand(model.labels(), sklearn) >= 0.99);
      }
    }
  }

  void sameSeedSameModel() {
    const TrainingData iris = irisData();
    mltest::QuietContext quiet;
    KMeans a(kmeans(4, 7)), b(kmeans(4, 7));
    a.fit(iris, quiet.context);
    b.fit(iris, quiet.context);
    QCOMPARE(a.centres(), b.centres());
    QCOMPARE(a.labels(), b.labels());
    // One run ("auto") is never better than the best of ten.
    auto one = EstimatorRegistry::create("kmeans", {{"n_clusters", 4}, {"n_init", "auto"}, {"random_state", 7}});
    one->fit(iris, quiet.context);
    QVERIFY(dynamic_cast<KMeans&>(*one).inertia() >= a.inertia() - 1e-9);
  }

  void identicalRowsDoNotBreakIt() {
    TrainingData same{FeatureMatrix(20, {"a", "b"}), {}, Task::Clustering, {}, {}};
    for (std::size_t r = 0; r < 20; ++r) same.x.at(r, 0) = same.x.at(r, 1) = 3.5;
    mltest::QuietContext quiet;
    KMeans model(kmeans(3, 1));
    model.fit(same, quiet.context);
    QCOMPARE(model.inertia(), 0.0);
    for (double v : model.centres()) QCOMPARE(v, 3.5);
  }

  void registryParametersRoundTrip() {
    auto model = EstimatorRegistry::create("kmeans", {{"n_clusters", "5"}, {"tol", 0.001}, {"random_state", 3}});
    QCOMPARE(model->algorithm(), std::string("kmeans"));
    QCOMPARE(model->parameters()["n_clusters"].get<int>(), 5);
    QVERIFY(model->supports(Task::Clustering));
    QVERIFY(!model->supports(Task::Binary));
    auto again = EstimatorRegistry::create("kmeans", model->parameters());
    QCOMPARE(again->parameters(), model->parameters());
    QCOMPARE(model->clone()->parameters(), model->parameters());
  }

  void badParameters() {
    const std::vector<nlohmann::json> bad{{{"n_clusters", 0}},  {{"n_clusters", -3}}, {{"n_clusters", "many"}},
                                          {{"n_init", 0}},      {{"max_iter", 0}},     {{"tol", -1}},
                                          {{"random_state", -1}}, {{"init", "random"}}, {{"clusters", 3}}};
    for (const auto& parameters : bad) {
      try {
        EstimatorRegistry::create("kmeans", parameters);
        QFAIL(qPrintable(QString::fromStdString("accepted " + parameters.dump())));
      } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QVERIFY(e.message().find("kmeans") != std::string::npos);
      }
    }
  }

  void badData() {
    mltest::QuietContext quiet;
    KMeans model(kmeans(3, 0));
    const auto refuses = [&](const TrainingData& data, const char* what) {
      try {
        model.fit(data, quiet.context);
        QFAIL(what);
      } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
      }
    };
    refuses(TrainingData{FeatureMatrix(0, {"a"}), {}, Task::Clustering, {}, {}}, "no rows");
    refuses(TrainingData{FeatureMatrix(2, {"a"}), {}, Task::Clustering, {}, {}}, "fewer rows than clusters");
    TrainingData withNan = irisData();
    withNan.x.at(17, 2) = std::numeric_limits<double>::quiet_NaN();
    try {
      model.fit(withNan, quiet.context);
      QFAIL("NaN accepted");
    } catch (const Error& e) {
      QVERIFY(e.message().find("petallength") != std::string::npos);
      QVERIFY(e.message().find("row 18") != std::string::npos);
    }
    TrainingData withInf = irisData();
    withInf.x.at(0, 0) = std::numeric_limits<double>::infinity();
    refuses(withInf, "inf");
    TrainingData labelled = irisData();
    labelled.task = Task::Multiclass;
    refuses(labelled, "a classification task");

    // predict before fit, and with the wrong number of features
    QVERIFY_THROWS_EXCEPTION(Error, model.predict(irisData().x));
    model.fit(irisData(), quiet.context);
    QVERIFY_THROWS_EXCEPTION(Error, model.predict(FeatureMatrix(3, {"a", "b"})));
    // more features than rows still clusters
    TrainingData wide{FeatureMatrix(5, std::vector<std::string>(50, "f")), {}, Task::Clustering, {}, {}};
    for (std::size_t c = 0; c < 50; ++c)
      for (std::size_t r = 0; r < 5; ++r) wide.x.at(r, c) = static_cast<double>((r * 7 + c * 3) % 11);
    model.fit(wide, quiet.context);
    QCOMPARE(model.predict(wide.x).size(), std::size_t{5});
  }

  void saveLoadAndCorruptFiles() {
    mltest::QuietContext quiet;
    KMeans model(kmeans(3, 0));
    const TrainingData iris = irisData();
    model.fit(iris, quiet.context);
    const std::string bytes = ModelFile::serialize(model);
    const auto loaded = ModelFile::deserialize(bytes);
    QCOMPARE(loaded->algorithm(), std::string("kmeans"));
    QCOMPARE(loaded->predict(iris.x), model.predict(iris.x));
    QCOMPARE(dynamic_cast<const KMeans&>(*loaded).inertia(), model.inertia());
    for (std::size_t cut : {std::size_t{0}, std::size_t{8}, bytes.size() / 2, bytes.size() - 40, bytes.size() - 1})
      QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(std::string_view(bytes).substr(0, cut)));
    std::string flipped = bytes;
    flipped[bytes.size() - 50] ^= 0x5a;
    QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(flipped));

    // Fields that pass the checksum but disagree with the parameters: an error, never UB.
    const auto refusesFields = [](const std::function<void(ModelWriter&)>& write) {
      ModelWriter out;
      write(out);
      ModelReader in(out.data());
      KMeans target(kmeans(3, std::nullopt));
      try {
        target.load(in);
        return false;
      } catch (const Error& e) {
        return e.code() == ErrorCode::Parse;
      }
    };
    QVERIFY(refusesFields([](ModelWriter& out) { out.u64(4); out.f64s(std::vector<double>(11, 1.0)); out.f64(0); out.u32(1); }));
    QVERIFY(refusesFields([](ModelWriter& out) { out.u64(0); out.f64s({}); out.f64(0); out.u32(1); }));
    QVERIFY(refusesFields([](ModelWriter& out) { out.u64(1ull << 62); out.f64s(std::vector<double>(3, 1.0)); out.f64(0); out.u32(1); }));
    QVERIFY(refusesFields([](ModelWriter& out) {
      out.u64(1);
      out.f64s({1.0, std::numeric_limits<double>::quiet_NaN(), 2.0});
      out.f64(0);
      out.u32(1);
    }));
    QVERIFY(refusesFields([](ModelWriter& out) { out.u64(1); }));  // truncated
  }

  void cancelHalfway() {
    std::stop_source stop;
    StoppingSink sink(stop, 0.3);
    const jobs::JobContext context(stop.get_token(), sink);
    KMeans model(kmeans(8, 0));
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, model.fit(irisData(), context));
    QVERIFY(!sink.fractions.empty());
    QVERIFY(sink.fractions.back() < 0.5);
  }
};

QTEST_APPLESS_MAIN(tst_KMeans)
#include "tst_KMeans.moc"
