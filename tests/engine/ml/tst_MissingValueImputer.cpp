// Missing-value fill (MissingValueImputer) and the impute parameter every algorithm takes
// (ImputedEstimator), on penguins.csv: 10 rows lack Sex, 2 lack every measurement.
#include <QtTest>

#include <algorithm>
#include <cmath>

#include "MlTestSupport.h"
#include "engine/core/Error.h"
#include "engine/eval/CrossValidation.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/ImputedEstimator.h"
#include "engine/ml/MissingValueImputer.h"
#include "engine/ml/ModelFile.h"

using namespace lathe;
using namespace lathe::ml;

namespace {

std::size_t columnNamed(const FeatureMatrix& x, const std::string& name) {
  const auto it = std::find(x.names().begin(), x.names().end(), name);
  if (it == x.names().end()) qFatal("no feature %s", name.c_str());
  return static_cast<std::size_t>(it - x.names().begin());
}

// The median of a column's present values, computed the plain way (sort everything).
double sortedMedian(std::span<const double> column) {
  std::vector<double> present;
  for (double v : column)
    if (!std::isnan(v)) present.push_back(v);
  std::sort(present.begin(), present.end());
  const std::size_t n = present.size();
  return n % 2 ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
}

std::size_t countMissing(std::span<const double> column) {
  return static_cast<std::size_t>(std::count_if(column.begin(), column.end(), [](double v) { return std::isnan(v); }));
}

}  // namespace

class tst_MissingValueImputer : public QObject {
  Q_OBJECT
 private slots:
  void numbersGetTheMedianAndCategoriesTheirCommonestLevel() {
    const TrainingData penguins = mltest::loadTraining("penguins.csv", "Species");
    QCOMPARE(penguins.origins.size(), penguins.x.cols());
    const std::size_t mass = columnNamed(penguins.x, "Body Mass (g)");
    QCOMPARE(countMissing(penguins.x.column(mass)), std::size_t{2});
    MissingValueImputer imputer;
    imputer.fit(penguins);
    QCOMPARE(imputer.fills()[mass], sortedMedian(penguins.x.column(mass)));
    QCOMPARE(imputer.fills()[mass], 4050.0);  // pandas: penguins["Body Mass (g)"].median()

    // Sex: MALE 168, FEMALE 165 -> the missing rows become MALE.
    const std::size_t male = columnNamed(penguins.x, "Sex=MALE"), female = columnNamed(penguins.x, "Sex=FEMALE");
    QCOMPARE(imputer.fills()[male], 1.0);
    QCOMPARE(imputer.fills()[female], 0.0);

    const FeatureMatrix filled = imputer.filled(penguins.x);
    QVERIFY(!filled.hasMissing());
    for (std::size_t r = 0; r < filled.rows(); ++r) {
      const bool wasMissing = std::isnan(penguins.x.at(r, male));
      QCOMPARE(filled.at(r, male), wasMissing ? 1.0 : penguins.x.at(r, male));
      QCOMPARE(filled.at(r, female), wasMissing ? 0.0 : penguins.x.at(r, female));
      QCOMPARE(filled.at(r, mass), std::isnan(penguins.x.at(r, mass)) ? 4050.0 : penguins.x.at(r, mass));
    }
  }

  void categoryCodesGetTheCommonestCode() {
    const TrainingData penguins =
        mltest::loadTraining("penguins.csv", "Species", FeatureEncoder::Categories::Codes);
    const std::size_t sex = columnNamed(penguins.x, "Sex");
    QCOMPARE(penguins.origins[sex].kind, FeatureOrigin::Kind::CategoryCode);
    MissingValueImputer imputer;
    imputer.fit(penguins);
    std::map<double, int> counts;
    for (double v : penguins.x.column(sex))
      if (!std::isnan(v)) ++counts[v];
    const auto commonest = std::max_element(counts.begin(), counts.end(),
                                            [](const auto& a, const auto& b) { return a.second < b.second; });
    QCOMPARE(imputer.fills()[sex], commonest->first);
  }

  void edgeCases() {
    TrainingData data{FeatureMatrix(4, {"even", "empty"}), {0, 1, 0, 1}, Task::Binary, {"a", "b"}, "y"};
    const double nan = std::nan("");
    const double even[] = {4, nan, 1, 2}, empty[] = {nan, nan, nan, nan};
    std::copy(std::begin(even), std::end(even), data.x.column(0).begin());
    std::copy(std::begin(empty), std::end(empty), data.x.column(1).begin());
    MissingValueImputer imputer;
    imputer.fit(data);
    QCOMPARE(imputer.fills()[0], 2.0);  // 1, 2, 4 -> 2
    QCOMPARE(imputer.fills()[1], 0.0);  // nothing to learn from
    data.x.at(1, 0) = HUGE_VAL;          // infinite stays for the estimator to refuse
    QCOMPARE(imputer.filled(data.x).at(1, 0), HUGE_VAL);
    try {
      imputer.filled(FeatureMatrix(2, {"only"}));
      QFAIL("a different feature count was filled");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
    }
  }

  // The algorithms that refuse NaN learn penguins with impute=median, as scikit-learn's
  // SimpleImputer pipeline (bench/accuracy.sh: logistic 0.991 there).
  void imputeParameterLetsLogisticLearnPenguins() {
    const TrainingData penguins = mltest::loadTraining("penguins.csv", "Species");
    mltest::QuietContext quiet;
    auto plain = EstimatorRegistry::create("logistic");
    try {
      plain->fit(penguins, quiet.context);
      QFAIL("logistic learned from NaN");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
    }

    auto imputed = EstimatorRegistry::create("logistic", {{"impute", "median"}});
    QCOMPARE(imputed->algorithm(), std::string("logistic"));
    QCOMPARE(imputed->parameters().value("impute", ""), std::string("median"));
    eval::CrossValidationOptions options;
    const auto result = eval::CrossValidation::run(*imputed, penguins, options, quiet.context);
    const auto accuracy = std::find_if(result.metrics.begin(), result.metrics.end(),
                                       [](const auto& m) { return m.name == "accuracy"; });
    QVERIFY(accuracy != result.metrics.end());
    qInfo("penguins logistic + impute 5-fold accuracy %.4f (sklearn 0.991)", accuracy->mean);
    QVERIFY2(accuracy->mean >= 0.97, qPrintable(QString::number(accuracy->mean)));

    // Saved and loaded, the fill values come along: rows with gaps predict the same.
    imputed->fit(penguins, quiet.context);
    const auto back = ModelFile::deserialize(ModelFile::serialize(*imputed));
    QCOMPARE(back->parameters(), imputed->parameters());
    QCOMPARE(back->predictProba(penguins.x).values, imputed->predictProba(penguins.x).values);
    const auto* wrapper = dynamic_cast<const ImputedEstimator*>(back.get());
    QVERIFY(wrapper);
    QCOMPARE(wrapper->inner().algorithm(), std::string("logistic"));

    // The fill is learned from the training rows only: fitted on the Adelie rows alone, the
    // missing body mass gets their median, not all penguins'.
    std::vector<std::size_t> adelie;
    for (std::size_t r = 0; r < penguins.y.size(); ++r)
      if (penguins.y[r] == 0) adelie.push_back(r);
    const TrainingData some = penguins.selectRows(adelie);
    auto onSome = EstimatorRegistry::create("naive_bayes", {{"impute", "median"}});
    // Naive Bayes needs two classes: give one Adelie row another label.
    TrainingData twoClasses = some;
    twoClasses.y[0] = 1;
    onSome->fit(twoClasses, quiet.context);
    const std::size_t mass = columnNamed(penguins.x, "Body Mass (g)");
    QCOMPARE(dynamic_cast<const ImputedEstimator&>(*onSome).imputer().fills()[mass],
             sortedMedian(some.x.column(mass)));
    QVERIFY(sortedMedian(some.x.column(mass)) != 4050.0);
  }

  void badImputeValueIsRefused() {
    try {
      EstimatorRegistry::create("knn", {{"impute", "mean"}});
      QFAIL("impute=mean was accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
      QVERIFY2(std::string(e.what()).find("impute") != std::string::npos, e.what());
    }
    QCOMPARE(EstimatorRegistry::create("knn", {{"impute", "none"}})->parameters().contains("impute"), false);
  }

  void hostileFillValuesAreRefused() {
    ModelWriter out;
    out.f64s({1.0, std::nan("")});
    ModelReader in(out.data());
    MissingValueImputer imputer;
    try {
      imputer.load(in);
      QFAIL("a NaN fill was loaded");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Parse);
    }
  }
};

QTEST_APPLESS_MAIN(tst_MissingValueImputer)
#include "tst_MissingValueImputer.moc"
