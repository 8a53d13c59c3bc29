// PCA against scikit-learn 1.2 on wine, plus the model file, cancel and the bad inputs of
// issue 6 and BAD_INPUTS case 33.
#include <QtTest>

#include <cmath>
#include <limits>

#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/ModelFile.h"
#include "engine/ml/Pca.h"
#include "MlTestSupport.h"

using namespace lathe;
using namespace lathe::ml;

namespace {

TrainingData wineData() {
  const auto table = mltest::loadTable("wine.csv");
  std::vector<std::size_t> columns;
  std::vector<std::string> names;
  for (std::size_t c = 0; c < table.columnCount(); ++c)
    if (table.column(c).name() != "cultivar" && table.column(c).isNumeric()) {
      columns.push_back(c);
      names.push_back(table.column(c).name());
    }
  TrainingData data{FeatureMatrix(table.rowCount(), names), {}, Task::Clustering, {}, {}};
  for (std::size_t f = 0; f < columns.size(); ++f)
    for (std::size_t r = 0; r < table.rowCount(); ++r) data.x.at(r, f) = table.column(columns[f]).numericAt(r);
  return data;
}

Pca::Parameters components(int count) {
  Pca::Parameters p;
  p.components = count;
  return p;
}

// sklearn 1.2: PCA().fit(wine features) (all 13, svd_solver "full"):
// explained_variance_ratio_, components_[0], components_[1], transform(X)[0, :2]
const std::vector<double> kRatios{0.9980912304918974,     0.00173591562470575,    9.495895755146091e-05,
                                  5.0217356182151567e-05, 1.2363684687897752e-05, 8.46213033524854e-06,
                                  2.8068145571364474e-06, 1.5230805328475234e-06, 1.127830439300855e-06,
                                  7.214158108199805e-07,  3.7806026651250205e-07, 2.120137546076899e-07,
                                  8.253927880930362e-08};
const std::vector<double> kFirst{0.001659264719642073,   -0.0006810155555014852, 0.00019490574189158868,
                                 -0.00467130058127623,   0.017868007506895364,   0.000989829680081793,
                                 0.0015672883017930567,  -0.00012308666181031305, 0.0006006077918217756,
                                 0.002327143192576744,   0.00017138003714523394, 0.0007049316445910602,
                                 0.9998229365233254};
const std::vector<double> kSecond{0.001203406165771022,  0.00215498183974499,    0.004593692543405389,
                                  0.026450393026476216,  0.9993441860623377,     0.0008779621521437654,
                                  -5.185072836498921e-05, -0.0013544789203906967, 0.005004400402868378,
                                  0.015100352998600405,  -0.0007626731152747539, -0.003495364313661079,
                                  -0.017773809456949133};

}  // namespace

class tst_Pca : public QObject {
  Q_OBJECT

 private slots:
  void wineMatchesSklearn() {
    const TrainingData wine = wineData();
    QCOMPARE(wine.x.cols(), std::size_t{13});
    mltest::QuietContext quiet;
    Pca pca;
    pca.fit(wine, quiet.context);
    QCOMPARE(pca.componentCount(), std::size_t{13});
    for (std::size_t j = 0; j < kRatios.size(); ++j) QVERIFY(std::abs(pca.explainedVarianceRatio()[j] - kRatios[j]) < 1e-9);
    // Components up to sign (svd_flip makes the signs sklearn's too; checked separately).
    for (const auto& [row, expected] : {std::pair{0, &kFirst}, std::pair{1, &kSecond}}) {
      double same = 0, flipped = 0;
      for (std::size_t f = 0; f < 13; ++f) {
        const double v = pca.components()[static_cast<std::size_t>(row) * 13 + f];
        same = std::max(same, std::abs(v - (*expected)[f]));
        flipped = std::max(flipped, std::abs(v + (*expected)[f]));
      }
      QVERIFY2(std::min(same, flipped) < 1e-8, qPrintable(QString("component %1 off by %2").arg(row).arg(std::min(same, flipped))));
      QVERIFY(same < 1e-8);  // the same signs as sklearn's svd_flip
    }
    const FeatureMatrix scores = pca.transform(wine.x);
    QCOMPARE(scores.rows(), wine.x.rows());
    QCOMPARE(scores.names().front(), std::string("pc1"));
    QVERIFY(std::abs(scores.at(0, 0) - 318.5629792879365) < 1e-7);
    QVERIFY(std::abs(scores.at(0, 1) - 21.492130734539977) < 1e-7);
    // predict(): the first component's score
    const auto predicted = pca.predict(wine.x);
    for (std::size_t r = 0; r < predicted.size(); ++r) QCOMPARE(predicted[r], scores.at(r, 0));
  }

  void componentCounts() {
    const TrainingData wine = wineData();
    mltest::QuietContext quiet;
    Pca two(components(2));
    two.fit(wine, quiet.context);
    QCOMPARE(two.componentCount(), std::size_t{2});
    QCOMPARE(two.transform(wine.x).cols(), std::size_t{2});
    QVERIFY(std::abs(two.explainedVarianceRatio()[1] - kRatios[1]) < 1e-9);
    // sklearn: PCA(n_components=0.99999).fit(wine).n_components_ == 6
    auto fraction = EstimatorRegistry::create("pca", {{"n_components", 0.99999}});
    fraction->fit(wine, quiet.context);
    QCOMPARE(dynamic_cast<Pca&>(*fraction).componentCount(), std::size_t{6});
    QCOMPARE(EstimatorRegistry::create("pca", fraction->parameters())->parameters(), fraction->parameters());
    // More features than rows: at most min(rows, features) components.
    TrainingData wide{FeatureMatrix(4, std::vector<std::string>(10, "f")), {}, Task::Clustering, {}, {}};
    for (std::size_t c = 0; c < 10; ++c)
      for (std::size_t r = 0; r < 4; ++r) wide.x.at(r, c) = std::sin(static_cast<double>(r * 10 + c));
    Pca all;
    all.fit(wide, quiet.context);
    QCOMPARE(all.componentCount(), std::size_t{4});
    Pca tooMany(components(5));
    QVERIFY_THROWS_EXCEPTION(Error, tooMany.fit(wide, quiet.context));
    // A constant column set: no division by zero, ratios 0.
    TrainingData constant{FeatureMatrix(5, {"a", "b"}), {}, Task::Clustering, {}, {}};
    for (std::size_t r = 0; r < 5; ++r) constant.x.at(r, 0) = constant.x.at(r, 1) = 2.0;
    Pca flat;
    flat.fit(constant, quiet.context);
    for (double v : flat.explainedVarianceRatio()) QCOMPARE(v, 0.0);
  }

  void badInputs() {
    mltest::QuietContext quiet;
    for (const nlohmann::json& parameters : {nlohmann::json{{"n_components", 0}}, nlohmann::json{{"n_components", -1}},
                                             nlohmann::json{{"n_components", 2.5}}, nlohmann::json{{"n_components", "mle"}},
                                             nlohmann::json{{"whiten", true}}}) {
      try {
        EstimatorRegistry::create("pca", parameters);
        QFAIL(qPrintable(QString::fromStdString("accepted " + parameters.dump())));
      } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QVERIFY(e.message().find("pca") != std::string::npos);
      }
    }
    Pca pca;
    QVERIFY_THROWS_EXCEPTION(Error, pca.fit(TrainingData{FeatureMatrix(0, {"a"}), {}, Task::Clustering, {}, {}}, quiet.context));
    QVERIFY_THROWS_EXCEPTION(Error, pca.fit(TrainingData{FeatureMatrix(1, {"a"}), {}, Task::Clustering, {}, {}}, quiet.context));
    TrainingData nan = wineData();
    nan.x.at(5, 3) = std::numeric_limits<double>::quiet_NaN();
    try {
      pca.fit(nan, quiet.context);
      QFAIL("NaN accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
      QVERIFY(e.message().find("alcalinity_of_ash") != std::string::npos);
    }
    QVERIFY_THROWS_EXCEPTION(Error, pca.transform(wineData().x));  // before fit
    pca.fit(wineData(), quiet.context);
    QVERIFY_THROWS_EXCEPTION(Error, pca.transform(FeatureMatrix(2, {"a"})));
    FeatureMatrix inf = wineData().x;
    inf.at(0, 0) = -std::numeric_limits<double>::infinity();
    QVERIFY_THROWS_EXCEPTION(Error, pca.predict(inf));
    TrainingData labelled = wineData();
    labelled.task = Task::Regression;
    QVERIFY_THROWS_EXCEPTION(Error, pca.fit(labelled, quiet.context));
  }

  void saveLoadAndCorruptFiles() {
    mltest::QuietContext quiet;
    const TrainingData wine = wineData();
    Pca pca(components(3));
    pca.fit(wine, quiet.context);
    const std::string bytes = ModelFile::serialize(pca);
    const auto loaded = ModelFile::deserialize(bytes);
    QCOMPARE(loaded->predict(wine.x), pca.predict(wine.x));
    QCOMPARE(dynamic_cast<const Pca&>(*loaded).explainedVarianceRatio(), pca.explainedVarianceRatio());
    for (std::size_t cut : {std::size_t{3}, bytes.size() / 3, bytes.size() - 33, bytes.size() - 1})
      QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(std::string_view(bytes).substr(0, cut)));
    std::string flipped = bytes;
    flipped[bytes.size() / 2] ^= 0x11;
    QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(flipped));
    // Well-formed fields that disagree: components not rows x features, or the wrong count.
    const auto refuses = [](int count, std::size_t means, std::size_t comps, std::size_t vars) {
      ModelWriter out;
      out.f64s(std::vector<double>(means, 1.0));
      out.f64s(std::vector<double>(comps, 0.5));
      for (int i = 0; i < 3; ++i) out.f64s(std::vector<double>(vars, 0.1));
      ModelReader in(out.data());
      Pca target(components(count));
      try {
        target.load(in);
        return false;
      } catch (const Error& e) {
        return e.code() == ErrorCode::Parse;
      }
    };
    QVERIFY(!refuses(2, 4, 8, 2));  // consistent: accepted
    QVERIFY(refuses(2, 4, 7, 2));
    QVERIFY(refuses(3, 4, 8, 2));
    QVERIFY(refuses(0, 2, 6, 3));
    QVERIFY(refuses(0, 0, 0, 0));
  }

  void cancel() {
    std::stop_source stop;
    StoppingSink sink(stop, 0.05);
    const jobs::JobContext context(stop.get_token(), sink);
    Pca pca;
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, pca.fit(wineData(), context));
    QVERIFY(pca.explainedVarianceRatio().empty());
  }
};

QTEST_APPLESS_MAIN(tst_Pca)
#include "tst_Pca.moc"
