// LinearRegression against scikit-learn 1.2 on diabetes_progression (unscaled), save/load, cancel
// and the inputs it must refuse.
#include <QtTest>

#include <cmath>
#include <limits>

#include "MlTestSupport.h"
#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/LinearRegression.h"
#include "engine/ml/ModelFile.h"

using namespace lathe;
using namespace lathe::ml;

namespace {

// Computed once with /usr/bin/python3, sklearn 1.2 (tests/engine/ml reference script in the
// report): X = every column but progression, y = progression;
// LinearRegression(), Ridge(alpha=1), Lasso(alpha=1), ElasticNet(alpha=1, l1_ratio=0.5); coef_, intercept_.
const std::vector<double> kOls{-0.03636122422361629, -22.859648090498435, 5.602962091923701, 1.1168079933181874,
                               -1.0899963340632315,  0.7464504555142089,  0.3720047150891397, 6.533831935990327,
                               68.48312496478822,    0.2801169893214972};
const double kOlsIntercept = -334.5671385187851;
const std::vector<double> kRidge{-0.03285239685543279, -22.60704543228011, 5.640405234365643, 1.1189975700485106,
                                 -0.9146734842698779,  0.5849098252881699, 0.17788523837878512, 6.2504417786613935,
                                 63.179080873617075,   0.2877669028997921};
const double kRidgeIntercept = -316.07711860428697;
const std::vector<double> kLasso{-0.0190267114618559, -17.477049676119243, 5.8424305668185905, 1.091542583780383,
                                 0.15613239591413472, -0.3152035182535839, -1.187751712913974, 0.16243274585021494,
                                 34.22471514072442,   0.329732281304906};
const double kLassoIntercept = -202.30265547056527;
const std::vector<double> kEnet{-0.038832674059292194, -5.750946713219955, 6.081029117857406, 1.0527775923051386,
                                1.185832007828986,     -1.3047783273687872, -2.0857283967804863, 0.24222546230015946,
                                2.8234639676807265,    0.34941129127935455};
const double kEnetIntercept = -113.37138165941829;

std::unique_ptr<LinearRegression> fitted(const nlohmann::json& parameters, const TrainingData& data) {
  auto model = EstimatorRegistry::create("linear", parameters);
  mltest::QuietContext quiet;
  model->fit(data, quiet.context);
  return std::unique_ptr<LinearRegression>(static_cast<LinearRegression*>(model.release()));
}

void compareCoefficients(const LinearRegression& model, const std::vector<double>& coef, double intercept,
                         double relative) {
  QCOMPARE(model.coefficients().size(), coef.size());
  for (std::size_t i = 0; i < coef.size(); ++i)
    QVERIFY2(std::abs(model.coefficients()[i] - coef[i]) <= relative * std::max(1.0, std::abs(coef[i])),
             qPrintable(QString("coef %1: %2 vs sklearn %3").arg(i).arg(model.coefficients()[i], 0, 'g', 17)
                            .arg(coef[i], 0, 'g', 17)));
  QVERIFY2(std::abs(model.intercept() - intercept) <= relative * std::abs(intercept),
           qPrintable(QString("intercept %1 vs %2").arg(model.intercept(), 0, 'g', 17).arg(intercept, 0, 'g', 17)));
}

}  // namespace

class tst_LinearRegression : public QObject {
  Q_OBJECT
  TrainingData diabetes_;

 private slots:
  void initTestCase() { diabetes_ = mltest::loadTraining("diabetes_progression.csv", "progression"); }

  void matchesSklearnClosedForms() {
    compareCoefficients(*fitted({}, diabetes_), kOls, kOlsIntercept, 1e-6);
    compareCoefficients(*fitted({{"penalty", "l2"}, {"alpha", 1.0}}, diabetes_), kRidge, kRidgeIntercept, 1e-6);
  }

  void matchesSklearnCoordinateDescent() {
    const auto lasso = fitted({{"penalty", "l1"}, {"alpha", 1.0}}, diabetes_);
    compareCoefficients(*lasso, kLasso, kLassoIntercept, 1e-4);
    QCOMPARE(lasso->iterations(), 343);  // sklearn's n_iter_: the same algorithm, pass for pass
    const auto enet = fitted({{"penalty", "elasticnet"}, {"alpha", 1.0}, {"l1_ratio", 0.5}}, diabetes_);
    compareCoefficients(*enet, kEnet, kEnetIntercept, 1e-4);
    QCOMPARE(enet->iterations(), 107);
  }

  void importancesSumToOneAndFollowScale() {
    const auto model = fitted({}, diabetes_);
    const auto importances = model->featureImportances();
    QCOMPARE(importances.size(), std::size_t{10});
    double total = 0;
    for (double v : importances) total += v;
    QVERIFY(std::abs(total - 1.0) < 1e-12);
    // pandas/sklearn: v = |LinearRegression().coef_| * X.std(axis=0) (ddof 0); v / v.sum()
    const std::vector<double> expected{0.002893043644550581, 0.06931132774506847, 0.15024545684370852,
                                       0.09375339379690624,  0.22895397679040463, 0.1377867349591813,
                                       0.029203445418481362, 0.051174676972304704, 0.2171325307175535,
                                       0.019545413111840635};
    for (std::size_t i = 0; i < expected.size(); ++i) QVERIFY(std::abs(importances[i] - expected[i]) < 1e-8);
  }

  void saveLoadGivesIdenticalPredictions() {
    const auto model = fitted({{"penalty", "elasticnet"}, {"alpha", 0.1}}, diabetes_);
    const std::string bytes = ModelFile::serialize(*model);
    const auto back = ModelFile::deserialize(bytes);
    QCOMPARE(back->parameters(), model->parameters());
    QCOMPARE(back->predict(diabetes_.x), model->predict(diabetes_.x));
    for (std::size_t n = 0; n < bytes.size(); n += 7)
      QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(std::string_view(bytes).substr(0, n)));
    std::string flipped = bytes;
    flipped[bytes.size() / 2] ^= 0x01;
    QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(flipped));
  }

  void cancelsHalfway() {
    // Lasso on a tiny alpha runs all its passes: the stop lands inside coordinate descent.
    auto model = EstimatorRegistry::create("linear", {{"penalty", "l1"}, {"alpha", 1e-9}, {"tol", 1e-12},
                                                      {"max_iter", 100000}});
    std::stop_source stop;
    StoppingSink sink(stop, 0.001);
    jobs::JobContext context(stop.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, model->fit(diabetes_, context));
    QVERIFY(!sink.fractions.empty());
  }

  void refusesBadInputsAndParameters() {
    mltest::QuietContext quiet;
    auto model = EstimatorRegistry::create("linear");
    QVERIFY_THROWS_EXCEPTION(Error, model->fit(diabetes_.selectRows({}), quiet.context));  // no rows
    TrainingData withNaN = diabetes_;
    withNaN.x.at(5, 2) = std::numeric_limits<double>::quiet_NaN();
    try {
      model->fit(withNaN, quiet.context);
      QFAIL("NaN accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
      QVERIFY(e.message().find("'bmi'") != std::string::npos);
      QVERIFY(e.message().find("fill") != std::string::npos);
    }
    TrainingData withInf = diabetes_;
    withInf.y[3] = std::numeric_limits<double>::infinity();
    QVERIFY_THROWS_EXCEPTION(Error, model->fit(withInf, quiet.context));
    TrainingData classes = diabetes_;
    classes.task = Task::Binary;
    QVERIFY_THROWS_EXCEPTION(Error, model->fit(classes, quiet.context));
    // More columns than rows: the minimum-norm solution, finite, no crash.
    const auto wide = fitted({}, diabetes_.selectRows(std::vector<std::size_t>{0, 1, 2, 3, 4}));
    for (double c : wide->coefficients()) QVERIFY(std::isfinite(c));
    model->fit(diabetes_, quiet.context);
    QVERIFY_THROWS_EXCEPTION(Error, model->predict(FeatureMatrix(3, {"a", "b"})));

    for (const nlohmann::json& bad : {nlohmann::json{{"alpha", -1}}, nlohmann::json{{"alpha", "x"}},
                                      nlohmann::json{{"penalty", "l3"}}, nlohmann::json{{"l1_ratio", 2}},
                                      nlohmann::json{{"max_iter", 0}}, nlohmann::json{{"colour", 1}},
                                      nlohmann::json{{"fit_intercept", 3}}})
      try {
        EstimatorRegistry::create("linear", bad);
        QFAIL(qPrintable(QString::fromStdString("accepted " + bad.dump())));
      } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QVERIFY(e.message().rfind("linear: ", 0) == 0);
        QVERIFY(e.message().find(bad.begin().key()) != std::string::npos);
      }
  }
};

QTEST_APPLESS_MAIN(tst_LinearRegression)
#include "tst_LinearRegression.moc"
