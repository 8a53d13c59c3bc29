// A/B test results (issue 10, item 4): each variant's KPI with its interval, the difference with
// the reference, its interval and p-value, and a plain verdict. The z-test, Wilson, Newcombe and
// Welch figures are checked against published or hand-computed values; the bootstrap against
// known large differences and against identical variants (false positives stay rare).
#include <QtTest>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "engine/core/Error.h"
#include "engine/deploy/AbTestAnalysis.h"

using lathe::deploy::AbMethod;
using lathe::deploy::AbRecord;
using lathe::deploy::AbTestAnalysis;
using lathe::deploy::AbTestResult;
using lathe::deploy::AbTestSettings;
using lathe::deploy::AbVerdict;

namespace {

// `correct` of `rows` records of `variant` predicted right; the labels alternate yes/no.
void addProportion(std::vector<AbRecord>& records, const std::string& variant, int correct, int rows) {
  for (int i = 0; i < rows; ++i) {
    AbRecord r;
    r.variant = variant;
    r.actualLabel = i % 2 == 0 ? "yes" : "no";
    r.predictedLabel = i < correct ? r.actualLabel : (i % 2 == 0 ? "no" : "yes");
    records.push_back(r);
  }
}

// A binary classifier whose positive-class probability separates the classes by `signal`
// (logistic of signal * (+1|-1) + standard normal noise): higher signal, higher AUC and accuracy.
void addClassifier(std::vector<AbRecord>& records, const std::string& variant, double signal, int rows,
                   std::mt19937_64& random) {
  std::bernoulli_distribution coin(0.4);
  std::normal_distribution<double> noise(0.0, 1.0);
  for (int i = 0; i < rows; ++i) {
    AbRecord r;
    r.variant = variant;
    const bool positive = coin(random);
    const double p = 1.0 / (1.0 + std::exp(-(signal * (positive ? 1.0 : -1.0) + noise(random))));
    r.actualLabel = positive ? "churn" : "stay";
    r.predictedLabel = p >= 0.5 ? "churn" : "stay";
    r.positiveProbability = p;
    records.push_back(r);
  }
}

// A regressor on y ~ N(10, 3) whose errors are normal with the given spread.
void addRegressor(std::vector<AbRecord>& records, const std::string& variant, double errorSpread, int rows,
                  std::mt19937_64& random) {
  std::normal_distribution<double> y(10.0, 3.0), error(0.0, errorSpread);
  for (int i = 0; i < rows; ++i) {
    AbRecord r;
    r.variant = variant;
    r.actualValue = y(random);
    r.predictedValue = r.actualValue + error(random);
    records.push_back(r);
  }
}

AbTestSettings settingsFor(const std::string& metric) {
  AbTestSettings s;
  s.metric = metric;
  return s;
}

bool throwsInvalid(const std::vector<AbRecord>& records, const AbTestSettings& settings) {
  try {
    AbTestAnalysis::analyze(records, settings);
  } catch (const lathe::Error& e) {
    return !e.message().empty();
  }
  return false;
}

}  // namespace

class tst_AbTestAnalysis : public QObject {
  Q_OBJECT
 private slots:
  // 480/1000 vs 520/1000: pooled p = 0.5, z = 0.04 / sqrt(0.25 * 2 / 1000) = 1.7889,
  // two-sided p = erfc(z / sqrt 2) = 0.073638.
  void zTestMatchesTheHandComputedValue() {
    QVERIFY(std::abs(AbTestAnalysis::twoProportionPValue(480, 1000, 520, 1000) - 0.0736383) < 1e-6);
    QCOMPARE(AbTestAnalysis::twoProportionPValue(30, 30, 40, 40), 1.0);  // all right in both

    std::vector<AbRecord> records;
    addProportion(records, "A", 480, 1000);
    addProportion(records, "B", 520, 1000);
    const AbTestResult r = AbTestAnalysis::analyze(records, settingsFor("accuracy"));
    QCOMPARE(r.method, AbMethod::TwoProportionZTest);
    QCOMPARE(r.reference, std::string("A"));
    QCOMPARE(r.variants.size(), std::size_t(2));
    QCOMPARE(r.variants[0].rows, std::size_t(1000));
    QVERIFY(std::abs(r.variants[1].value - 0.52) < 1e-12);
    QCOMPARE(r.comparisons.size(), std::size_t(1));
    const auto& c = r.comparisons[0];
    QVERIFY(std::abs(c.difference - 0.04) < 1e-12);
    QVERIFY(std::abs(c.pValue - 0.0736383) < 1e-6);
    QCOMPARE(c.verdict, AbVerdict::NoDifferenceYet);
    QVERIFY(c.interval.low < 0.0 && c.interval.high > 0.04);
    // 80% power at alpha 0.05 for 0.04 needs about 2,450 rows per variant: ~1,450 more.
    QVERIFY(c.moreRowsNeeded && *c.moreRowsNeeded > 1300 && *c.moreRowsNeeded < 1600);
    QVERIFY2(c.sentence.find("B differs from A by +0.040 accuracy (95% CI -0.004 to +0.084), not significant yet "
                             "(p = 0.07); about 1,") == 0,
             c.sentence.c_str());
    QVERIFY2(c.sentence.find("more labelled rows per variant would be needed to detect a difference this size.") !=
                 std::string::npos,
             c.sentence.c_str());
  }

  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I.
  void wilsonIntervalMatchesPublishedValues() {
    auto w = AbTestAnalysis::wilsonInterval(81, 263, 0.95);
    QVERIFY(std::abs(w.low - 0.2553) < 5e-5 && std::abs(w.high - 0.3662) < 5e-5);
    w = AbTestAnalysis::wilsonInterval(15, 148, 0.95);
    QVERIFY(std::abs(w.low - 0.0624) < 5e-5 && std::abs(w.high - 0.1605) < 5e-5);
    w = AbTestAnalysis::wilsonInterval(0, 20, 0.95);
    QVERIFY(w.low == 0.0 && std::abs(w.high - 0.1611) < 5e-5);
    QVERIFY_THROWS_EXCEPTION(lathe::Error, AbTestAnalysis::wilsonInterval(5, 0, 0.95));
    QVERIFY_THROWS_EXCEPTION(lathe::Error, AbTestAnalysis::wilsonInterval(5, 4, 0.95));
  }

  // Newcombe (1998), "Interval estimation for the difference between independent proportions",
  // method 10: 56/70 - 48/80 = 0.2, 95% CI 0.0524 to 0.3339. The reference is named, not first.
  void newcombeIntervalOfTheDifference() {
    std::vector<AbRecord> records;
    addProportion(records, "new", 56, 70);
    addProportion(records, "old", 48, 80);
    AbTestSettings s = settingsFor("accuracy");
    s.reference = "old";
    const AbTestResult r = AbTestAnalysis::analyze(records, s);
    QCOMPARE(r.reference, std::string("old"));
    QCOMPARE(r.comparisons.size(), std::size_t(1));
    const auto& c = r.comparisons[0];
    QCOMPARE(c.variant, std::string("new"));
    QVERIFY(std::abs(c.difference - 0.2) < 1e-12);
    QVERIFY(std::abs(c.interval.low - 0.0524) < 5e-5);
    QVERIFY(std::abs(c.interval.high - 0.3339) < 5e-5);
    QCOMPARE(c.verdict, AbVerdict::Better);
    QVERIFY2(c.sentence == "new is better than old by 0.200 accuracy (95% CI 0.052 to 0.334, p = 0.008): the "
                           "difference is real.",
             c.sentence.c_str());
  }

  void largeDifferenceIsBetterOrWorse() {
    std::mt19937_64 random(11);
    std::vector<AbRecord> records;
    addClassifier(records, "A", 0.5, 800, random);
    addClassifier(records, "B", 2.0, 800, random);
    addClassifier(records, "C", 0.1, 800, random);
    for (const char* metric : {"accuracy", "roc_auc", "f1", "balanced_accuracy", "log_loss"}) {
      AbTestSettings s = settingsFor(metric);
      s.positiveClass = "churn";
      const AbTestResult r = AbTestAnalysis::analyze(records, s);
      QCOMPARE(r.comparisons.size(), std::size_t(2));
      const auto& b = r.comparisons[0];
      QCOMPARE(b.variant, std::string("B"));
      QVERIFY2(b.verdict == AbVerdict::Better, b.sentence.c_str());
      QVERIFY2(b.pValue < 0.01, metric);
      QVERIFY2(b.sentence.starts_with("B is better than A by "), b.sentence.c_str());
      QVERIFY2(b.sentence.ends_with(": the difference is real."), b.sentence.c_str());
      QVERIFY(b.interval.low <= b.difference && b.difference <= b.interval.high);
      QCOMPARE(r.comparisons[1].verdict, AbVerdict::Worse);
      for (const auto& v : r.variants) QVERIFY(v.interval.low <= v.value && v.value <= v.interval.high);
    }
    // log_loss: lower is better, so B's difference is negative and still Better.
    AbTestSettings s = settingsFor("log_loss");
    s.positiveClass = "churn";
    const AbTestResult r = AbTestAnalysis::analyze(records, s);
    QVERIFY(!r.higherIsBetter);
    QCOMPARE(r.method, AbMethod::Bootstrap);
    QVERIFY(r.comparisons[0].difference < 0.0);
    QVERIFY2(r.comparisons[0].sentence.find(" log_loss (lower; 95% CI ") != std::string::npos,
             r.comparisons[0].sentence.c_str());
  }

  // Identical variants: at 95% confidence about 5% of tests call a difference; generously, no
  // more than 20% over 30 seeds, for the z-test and for the bootstrap.
  void identicalVariantsRarelyDiffer() {
    int zFalse = 0, bootFalse = 0;
    for (int seed = 0; seed < 30; ++seed) {
      std::mt19937_64 random(static_cast<std::uint64_t>(seed) + 100);
      std::vector<AbRecord> records;
      addClassifier(records, "A", 1.0, 300, random);
      addClassifier(records, "B", 1.0, 300, random);
      AbTestSettings s = settingsFor("accuracy");
      const auto z = AbTestAnalysis::analyze(records, s).comparisons[0];
      zFalse += z.verdict == AbVerdict::NoDifferenceYet ? 0 : 1;
      QVERIFY(z.verdict != AbVerdict::NotEnoughData);
      s.metric = "roc_auc";
      s.positiveClass = "churn";
      s.seed = static_cast<std::uint64_t>(seed);
      const auto boot = AbTestAnalysis::analyze(records, s).comparisons[0];
      bootFalse += boot.verdict == AbVerdict::NoDifferenceYet ? 0 : 1;
      if (boot.verdict == AbVerdict::NoDifferenceYet)
        QVERIFY2(boot.sentence.find("not significant yet") != std::string::npos ||
                     boot.sentence.find("no difference yet") != std::string::npos,
                 boot.sentence.c_str());
    }
    QVERIFY2(zFalse <= 6, qPrintable(QString::number(zFalse)));
    QVERIFY2(bootFalse <= 6, qPrintable(QString::number(bootFalse)));
  }

  void bootstrapIsDeterministic() {
    std::mt19937_64 random(5);
    std::vector<AbRecord> records;
    addClassifier(records, "A", 1.0, 200, random);
    addClassifier(records, "B", 1.2, 200, random);
    AbTestSettings s = settingsFor("roc_auc");
    s.positiveClass = "churn";
    s.seed = 42;
    const auto first = AbTestAnalysis::analyze(records, s);
    const auto second = AbTestAnalysis::analyze(records, s);
    QCOMPARE(first.comparisons[0].pValue, second.comparisons[0].pValue);
    QCOMPARE(first.comparisons[0].interval.low, second.comparisons[0].interval.low);
    QCOMPARE(first.variants[1].interval.high, second.variants[1].interval.high);
    QCOMPARE(first.comparisons[0].sentence, second.comparisons[0].sentence);
  }

  // Wikipedia's Welch's t-test example 1, as absolute errors (actual 0, predicted the value):
  // means 20.82 and 22.987, t = 2.455, df = 24.99, p = 0.021378 (numerical integration of the t
  // density), 95% CI of the difference 2.1667 +- 2.0596 * 0.88243.
  void welchTestOnAbsoluteErrors() {
    const std::vector<double> a1 = {27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4};
    const std::vector<double> a2 = {27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4};
    std::vector<AbRecord> records;
    for (const auto& [variant, values] : {std::pair{"A1", a1}, std::pair{"A2", a2}})
      for (const double v : values) records.push_back({variant, {}, {}, 0.0, v, {}});
    AbTestSettings s = settingsFor("mae");
    s.minRowsPerVariant = 10;
    const AbTestResult r = AbTestAnalysis::analyze(records, s);
    QCOMPARE(r.method, AbMethod::WelchTTest);
    QVERIFY(!r.higherIsBetter);
    QVERIFY(std::abs(r.variants[0].value - 20.82) < 1e-9);
    const auto& c = r.comparisons[0];
    QVERIFY(std::abs(c.difference - 2.1666667) < 1e-6);
    QVERIFY2(std::abs(c.pValue - 0.021378) < 1e-5, qPrintable(QString::number(c.pValue, 'g', 10)));
    QVERIFY(std::abs(c.interval.low - 0.34924) < 1e-3);
    QVERIFY(std::abs(c.interval.high - 3.98409) < 1e-3);
    QCOMPARE(c.verdict, AbVerdict::Worse);  // higher mean absolute error
    QVERIFY2(c.sentence == "A2 is worse than A1 by 2.17 mae (higher; 95% CI 0.35 to 3.98, p = 0.02): the "
                           "difference is real.",
             c.sentence.c_str());
  }

  void regressionExample() {
    std::mt19937_64 random(3);
    std::vector<AbRecord> records;
    addRegressor(records, "current", 2.0, 400, random);
    addRegressor(records, "challenger", 1.5, 400, random);
    addRegressor(records, "twin", 2.0, 400, random);
    for (const char* metric : {"rmse", "mae", "mse", "r2"}) {
      const AbTestResult r = AbTestAnalysis::analyze(records, settingsFor(metric));
      QCOMPARE(r.method, std::string(metric) == "mae" || std::string(metric) == "mse" ? AbMethod::WelchTTest
                                                                                        : AbMethod::Bootstrap);
      QVERIFY2(r.comparisons[0].verdict == AbVerdict::Better, r.comparisons[0].sentence.c_str());
      QVERIFY2(r.comparisons[0].pValue < 0.01, metric);
      QVERIFY2(r.comparisons[1].verdict == AbVerdict::NoDifferenceYet, r.comparisons[1].sentence.c_str());
    }
    const AbTestResult rmse = AbTestAnalysis::analyze(records, settingsFor("rmse"));
    QVERIFY(std::abs(rmse.variants[0].value - 2.0) < 0.2);
    QVERIFY(rmse.comparisons[0].difference < 0.0);  // lower is better
    QVERIFY(rmse.comparisons[0].interval.high < 0.0);
  }

  void tooFewRowsIsNotEnoughData() {
    std::vector<AbRecord> records;
    addProportion(records, "A", 30, 40);
    addProportion(records, "B", 20, 20);
    const AbTestResult r = AbTestAnalysis::analyze(records, settingsFor("accuracy"));
    const auto& c = r.comparisons[0];
    QCOMPARE(c.verdict, AbVerdict::NotEnoughData);
    QCOMPARE(c.moreRowsNeeded.value_or(0), std::size_t(10));
    QVERIFY2(c.sentence == "Not enough labelled rows yet to compare B with A: B has 20 and A 40, and each variant "
                           "needs at least 30.",
             c.sentence.c_str());
    QCOMPARE(r.variants[1].value, 1.0);  // still summarised
  }

  void badInputIsAnError() {
    std::mt19937_64 random(1);
    std::vector<AbRecord> good;
    addClassifier(good, "A", 1.0, 50, random);
    addClassifier(good, "B", 1.0, 50, random);
    AbTestSettings s = settingsFor("accuracy");
    QVERIFY(throwsInvalid({}, s));

    auto unknownReference = s;
    unknownReference.reference = "Z";
    QVERIFY(throwsInvalid(good, unknownReference));

    auto oneVariant = good;
    for (auto& r : oneVariant) r.variant = "A";
    QVERIFY(throwsInvalid(oneVariant, s));

    auto unnamed = good;
    unnamed[3].variant.clear();
    QVERIFY(throwsInvalid(unnamed, s));

    auto noLabel = good;
    noLabel[7].actualLabel.clear();
    QVERIFY(throwsInvalid(noLabel, s));

    auto roc = settingsFor("roc_auc");
    QVERIFY(throwsInvalid(good, roc));  // no positive class named
    roc.positiveClass = "churn";
    QVERIFY(!throwsInvalid(good, roc));
    auto nanProbability = good;
    nanProbability[5].positiveProbability = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(throwsInvalid(nanProbability, roc));
    auto noProbability = good;
    noProbability[5].positiveProbability.reset();
    QVERIFY(throwsInvalid(noProbability, roc));

    std::vector<AbRecord> regression;
    addRegressor(regression, "A", 1.0, 40, random);
    addRegressor(regression, "B", 1.0, 40, random);
    QVERIFY(!throwsInvalid(regression, settingsFor("rmse")));
    regression[9].predictedValue = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(throwsInvalid(regression, settingsFor("rmse")));
    regression[9].predictedValue = std::numeric_limits<double>::infinity();
    QVERIFY(throwsInvalid(regression, settingsFor("mae")));

    QVERIFY(throwsInvalid(good, settingsFor("no_such_metric")));
    QVERIFY(throwsInvalid(good, settingsFor("rmse")));  // labels, no values
    auto confidence = s;
    confidence.confidence = 1.5;
    QVERIFY(throwsInvalid(good, confidence));
    confidence.confidence = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(throwsInvalid(good, confidence));
  }
};

QTEST_MAIN(tst_AbTestAnalysis)
#include "tst_AbTestAnalysis.moc"
