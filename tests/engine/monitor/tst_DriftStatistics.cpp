// The statistics of data drift (engine/monitor/DriftStatistics) against scipy 1.10 (Debian 12's
// python3-scipy): PSI, the two-sample Kolmogorov-Smirnov test on a baseline given by its 1,001
// quantiles, chi-square goodness of fit, and the two survival functions behind their p-values.
// Each reference value comes from the /usr/bin/python3 line in the comment above it.
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/data/Column.h"
#include "engine/monitor/BaselineBuilder.h"
#include "engine/monitor/DriftStatistics.h"

using lathe::data::Column;
using lathe::monitor::BaselineBuilder;
using lathe::monitor::DriftStatistics;
using lathe::monitor::FeatureBaseline;
using lathe::monitor::TestResult;

namespace {

bool close(double actual, double expected, double relative, double absolute = 0.0) {
  return std::abs(actual - expected) <= std::max(absolute, relative * std::abs(expected));
}

#define QVERIFY_CLOSE(actual, expected, relative, absolute)                                                 \
  QVERIFY2(close((actual), (expected), (relative), (absolute)),                                            \
           qPrintable(QString("%1 = %2, expected %3").arg(#actual).arg((actual), 0, 'g', 17).arg((expected), 0, 'g', 17)))

// The baseline of the tests below: 100,001 values evenly spaced over [0, 1], i / 100000. Its
// 1,001 quantiles are k / 1000 exactly, so its reconstructed CDF is F(x) = x on [0, 1].
FeatureBaseline uniformBaseline() {
  std::vector<double> values(100001);
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = double(i) / 100000.0;
  return BaselineBuilder::describe(*Column::float64("u", std::move(values)));
}

std::vector<double> sorted(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

class tst_DriftStatistics : public QObject {
  Q_OBJECT
 private slots:
  void psiSumsOverBins() {
    // import numpy as np; e=np.array([.25,.25,.5]); a=np.array([.1,.4,.5]); print(repr(((a-e)*np.log(a/e)).sum()))
    const std::vector<double> e{0.25, 0.25, 0.5};
    const std::vector<double> a{0.1, 0.4, 0.5};
    QVERIFY_CLOSE(DriftStatistics::psi(e, a), 0.20794415416798362, 1e-12, 0.0);
    QCOMPARE(DriftStatistics::psi(e, e), 0.0);
    // An empty bin is floored at 1e-4: e=np.array([.5,.5,1e-4]); a=np.array([.4,.5,.1]);
    // print(repr(((a-e)*np.log(a/e)).sum()))
    const std::vector<double> withEmpty{0.5, 0.5, 0.0};
    const std::vector<double> moved{0.4, 0.5, 0.1};
    QVERIFY_CLOSE(DriftStatistics::psi(withEmpty, moved), 0.7123991075017365, 1e-12, 0.0);
    // Shares of different lengths, or none: 0.
    QCOMPARE(DriftStatistics::psi(e, std::vector<double>{0.5, 0.5}), 0.0);
    QCOMPARE(DriftStatistics::psi(std::vector<double>{0.5, 0.5}, a), 0.0);
    QCOMPARE(DriftStatistics::psi({}, {}), 0.0);
    // NaN shares (only code can make them) count as empty bins, never NaN.
    const std::vector<double> nan{std::numeric_limits<double>::quiet_NaN(), 1.0};
    QVERIFY(std::isfinite(DriftStatistics::psi(nan, std::vector<double>{0.5, 0.5})));
  }

  void kolmogorovSmirnovMatchesScipy() {
    const FeatureBaseline base = uniformBaseline();
    QCOMPARE(base.quantiles.size(), std::size_t(1001));
    QVERIFY_CLOSE(base.quantiles[500], 0.5, 1e-15, 0.0);

    // A batch bent towards 0: y = ((i + 0.5) / 500)^1.3.
    std::vector<double> bent(500);
    for (std::size_t i = 0; i < bent.size(); ++i) bent[i] = std::pow((double(i) + 0.5) / 500.0, 1.3);
    TestResult r = DriftStatistics::kolmogorovSmirnov(base.quantiles, base.validCount(), bent);
    // import numpy as np, scipy.stats as st; base=np.arange(100001)/100000; b=((np.arange(500)+0.5)/500)**1.3;
    // r=st.ks_2samp(base,b,method="asymp"); print(repr(r.statistic))            -> 0.0972432275677243
    QVERIFY_CLOSE(r.statistic, 0.0972432275677243, 0.0, 2e-3);
    // The same D against F(x) = x exactly (what the quantiles give), and its p-value:
    // F=np.clip(b,0,1); m=len(b); lo=np.arange(m)/m; hi=(np.arange(m)+1)/m; d=max(abs(lo-F).max(),abs(hi-F).max());
    // print(repr(d), repr(st.kstwobign.sf(np.sqrt(100001*m/(100001+m))*d)))
    QVERIFY_CLOSE(r.statistic, 0.09724246191818492, 1e-9, 0.0);
    QVERIFY_CLOSE(r.pValue, 0.0001639573160937484, 1e-6, 0.0);
    // scipy's own asymp p-value (0.00014983914583750437) uses the exact one-sample distribution at
    // n = round(nm / (n + m)) instead of the limit; they agree to a few percent here.
    QVERIFY_CLOSE(r.pValue, 0.00014983914583750437, 0.15, 0.0);

    // Ties and values beyond the baseline's range: round((i + 0.5) / 300 * 1.2, 1).
    std::vector<double> tied(300);
    for (std::size_t i = 0; i < tied.size(); ++i) tied[i] = std::round((double(i) + 0.5) / 300.0 * 1.2 * 10.0) / 10.0;
    tied = sorted(tied);
    r = DriftStatistics::kolmogorovSmirnov(base.quantiles, base.validCount(), tied);
    // b=np.round((np.arange(300)+0.5)/300*1.2,1); st.ks_2samp(base,b,method="asymp").statistic -> 0.20999000009999902
    QVERIFY_CLOSE(r.statistic, 0.20999000009999902, 0.0, 2e-3);
    // With ties, the ECDF steps at each value: lo/hi from searchsorted left/right ->
    // 0.20999999999999996, p st.kstwobign.sf(np.sqrt(100001*300/100301)*d) -> 6.981823155427839e-12
    QVERIFY_CLOSE(r.statistic, 0.21, 1e-9, 0.0);
    QVERIFY_CLOSE(r.pValue, 6.981823155427839e-12, 1e-6, 0.0);

    // One value in the batch: D 0.5 (st.ks_2samp(base,[0.5],method="asymp").statistic -> 0.4999950000499995),
    // p st.kstwobign.sf(np.sqrt(100001/100002)*0.5) -> 0.9639468425714602.
    const std::vector<double> one{0.5};
    r = DriftStatistics::kolmogorovSmirnov(base.quantiles, base.validCount(), one);
    QVERIFY_CLOSE(r.statistic, 0.5, 1e-12, 0.0);
    QVERIFY_CLOSE(r.pValue, 0.9639468425714602, 1e-9, 0.0);

    // The p-value is the Kolmogorov limit at sqrt(nm / (n + m)) D.
    const double en = 100001.0 * 300.0 / 100301.0;
    r = DriftStatistics::kolmogorovSmirnov(base.quantiles, base.validCount(), tied);
    QCOMPARE(r.pValue, DriftStatistics::kolmogorovSurvival(std::sqrt(en) * r.statistic));
  }

  void kolmogorovSmirnovDegenerateInput() {
    const FeatureBaseline base = uniformBaseline();
    const std::vector<double> none;
    TestResult r = DriftStatistics::kolmogorovSmirnov(base.quantiles, base.validCount(), none);
    QCOMPARE(r.statistic, 0.0);
    QCOMPARE(r.pValue, 1.0);
    r = DriftStatistics::kolmogorovSmirnov({}, 10, std::vector<double>{1.0});
    QCOMPARE(r.statistic, 0.0);
    QCOMPARE(r.pValue, 1.0);
    r = DriftStatistics::kolmogorovSmirnov(base.quantiles, 0, std::vector<double>{1.0});
    QCOMPARE(r.pValue, 1.0);

    // A constant baseline (every quantile 3): a step from 0 to 1 at 3.
    const std::vector<double> constant(1001, 3.0);
    r = DriftStatistics::kolmogorovSmirnov(constant, 500, std::vector<double>{3.0, 3.0, 3.0});
    QCOMPARE(r.statistic, 0.0);
    QCOMPARE(r.pValue, 1.0);
    r = DriftStatistics::kolmogorovSmirnov(constant, 500, std::vector<double>{1.0, 3.0, 5.0, 7.0});
    QVERIFY_CLOSE(r.statistic, 0.5, 1e-15, 0.0);  // below 3: batch 1/4 vs 0; from 3 on: 2/4 vs 1
    QVERIFY(r.pValue >= 0.0 && r.pValue <= 1.0);
    // A single quantile is a constant baseline too.
    r = DriftStatistics::kolmogorovSmirnov(std::vector<double>{3.0}, 1, std::vector<double>{4.0});
    QCOMPARE(r.statistic, 1.0);
    QVERIFY(r.pValue >= 0.0 && r.pValue <= 1.0);
  }

  void chiSquareMatchesScipy() {
    // st.chisquare([30,50,20],[25,50,25]) -> (2.0, 0.36787944117144245)
    const std::vector<double> shares{0.25, 0.5, 0.25};
    const std::vector<std::uint64_t> observed{30, 50, 20};
    TestResult r = DriftStatistics::chiSquare(shares, observed);
    QVERIFY_CLOSE(r.statistic, 2.0, 1e-12, 0.0);
    QVERIFY_CLOSE(r.pValue, 0.36787944117144245, 1e-12, 0.0);

    // Observations where nothing was expected join the least expected cell (20% here):
    // st.chisquare([40,30,30],[50,30,20]) -> (7.0, 0.0301973834223185)
    const std::vector<double> withZero{0.5, 0.3, 0.2, 0.0};
    const std::vector<std::uint64_t> unseen{40, 30, 20, 10};
    r = DriftStatistics::chiSquare(withZero, unseen);
    QVERIFY_CLOSE(r.statistic, 7.0, 1e-12, 0.0);
    QVERIFY_CLOSE(r.pValue, 0.0301973834223185, 1e-10, 0.0);

    // 60 cells, shares given unscaled (i + 1), a tiny p-value:
    // obs=np.array([(i*7)%13+3 for i in range(60)]); sh=np.arange(1,61)/1830; st.chisquare(obs, sh*obs.sum())
    //   -> (634.0932924712483, 2.6163320093512525e-97)
    std::vector<double> many;
    std::vector<std::uint64_t> counts;
    for (int i = 0; i < 60; ++i) {
      many.push_back(double(i + 1));
      counts.push_back(std::uint64_t((i * 7) % 13 + 3));
    }
    r = DriftStatistics::chiSquare(many, counts);
    QVERIFY_CLOSE(r.statistic, 634.0932924712483, 1e-12, 0.0);
    QVERIFY_CLOSE(r.pValue, 2.6163320093512525e-97, 1e-8, 0.0);

    // A single observation: st.chisquare([1,0,0],[1/3,1/3,1/3]) -> (2.0, 0.3678794411714423)
    const std::vector<double> thirds{1.0 / 3, 1.0 / 3, 1.0 / 3};
    r = DriftStatistics::chiSquare(thirds, std::vector<std::uint64_t>{1, 0, 0});
    QVERIFY_CLOSE(r.statistic, 2.0, 1e-12, 0.0);
    QVERIFY_CLOSE(r.pValue, 0.3678794411714423, 1e-12, 0.0);

    // Fewer than two cells with an expected share, or nothing observed: statistic 0, p 1.
    r = DriftStatistics::chiSquare(std::vector<double>{1.0, 0.0}, std::vector<std::uint64_t>{5, 7});
    QCOMPARE(r.statistic, 0.0);
    QCOMPARE(r.pValue, 1.0);
    r = DriftStatistics::chiSquare(shares, std::vector<std::uint64_t>{0, 0, 0});
    QCOMPARE(r.pValue, 1.0);
    r = DriftStatistics::chiSquare({}, {});
    QCOMPARE(r.pValue, 1.0);
  }

  void chiSquareSurvivalMatchesScipy_data() {
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("dof");
    QTest::addColumn<double>("expected");
    // for x,k in [...]: print(repr(st.chi2.sf(x,k)))
    QTest::newRow("0.5, 1") << 0.5 << 1.0 << 0.47950012218695337;
    QTest::newRow("3.84, 1") << 3.841458820694124 << 1.0 << 0.04999999999999989;
    QTest::newRow("10, 3") << 10.0 << 3.0 << 0.01856613546304325;
    QTest::newRow("12.5, 7") << 12.5 << 7.0 << 0.08526927515826925;
    QTest::newRow("100, 80") << 100.0 << 80.0 << 0.064570368921133;
    QTest::newRow("1200, 1000") << 1200.0 << 1000.0 << 1.2255942330622893e-05;
    QTest::newRow("900, 1000") << 900.0 << 1000.0 << 0.9892827619087102;
    QTest::newRow("5000, 4000") << 5000.0 << 4000.0 << 1.6633156038804178e-25;
    QTest::newRow("50, 2") << 50.0 << 2.0 << 1.3887943864964e-11;
    QTest::newRow("0.001, 5") << 1e-3 << 5.0 << 0.9999999983185123;
    QTest::newRow("300, 10") << 300.0 << 10.0 << 1.5546747543803087e-58;
    QTest::newRow("0.01, 0.5") << 0.01 << 0.5 << 0.7069191052789804;
  }
  void chiSquareSurvivalMatchesScipy() {
    QFETCH(double, x);
    QFETCH(double, dof);
    QFETCH(double, expected);
    QVERIFY_CLOSE(DriftStatistics::chiSquareSurvival(x, dof), expected, 1e-9, 1e-15);
  }

  void chiSquareSurvivalEdges() {
    QCOMPARE(DriftStatistics::chiSquareSurvival(0.0, 3.0), 1.0);
    QCOMPARE(DriftStatistics::chiSquareSurvival(-1.0, 3.0), 1.0);
    QCOMPARE(DriftStatistics::chiSquareSurvival(5.0, 0.0), 1.0);
    QCOMPARE(DriftStatistics::chiSquareSurvival(std::numeric_limits<double>::quiet_NaN(), 3.0), 1.0);
    QCOMPARE(DriftStatistics::chiSquareSurvival(std::numeric_limits<double>::infinity(), 3.0), 0.0);
    QCOMPARE(DriftStatistics::chiSquareSurvival(1e6, 3.0), 0.0);
  }

  void kolmogorovSurvivalMatchesScipy_data() {
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("expected");
    // for x in [...]: print(repr(st.kstwobign.sf(x)))
    QTest::newRow("0.1") << 0.1 << 1.0;
    QTest::newRow("0.15") << 0.15 << 1.0;
    QTest::newRow("0.2") << 0.2 << 0.999999999999495;
    QTest::newRow("0.3") << 0.3 << 0.9999906941986655;
    QTest::newRow("0.5") << 0.5 << 0.9639452436648751;
    QTest::newRow("0.8") << 0.8 << 0.5441424115741981;
    QTest::newRow("1.0") << 1.0 << 0.26999967167735456;
    QTest::newRow("1.1799") << 1.1799 << 0.12351204971188676;
    QTest::newRow("1.18") << 1.18 << 0.1234538094297657;
    QTest::newRow("1.2") << 1.2 << 0.11224966667072497;
    QTest::newRow("1.5") << 1.5 << 0.022217962616525127;
    QTest::newRow("2") << 2.0 << 0.0006709252557796953;
    QTest::newRow("3") << 3.0 << 3.045995948942526e-08;
    QTest::newRow("5") << 5.0 << 3.8574996959278356e-22;
  }
  void kolmogorovSurvivalMatchesScipy() {
    QFETCH(double, x);
    QFETCH(double, expected);
    QVERIFY_CLOSE(DriftStatistics::kolmogorovSurvival(x), expected, 1e-10, 1e-15);
  }

  void kolmogorovSurvivalEdges() {
    QCOMPARE(DriftStatistics::kolmogorovSurvival(0.0), 1.0);
    QCOMPARE(DriftStatistics::kolmogorovSurvival(-2.0), 1.0);
    QCOMPARE(DriftStatistics::kolmogorovSurvival(1e-300), 1.0);
    QCOMPARE(DriftStatistics::kolmogorovSurvival(std::numeric_limits<double>::quiet_NaN()), 1.0);
    QCOMPARE(DriftStatistics::kolmogorovSurvival(100.0), 0.0);
    QCOMPARE(DriftStatistics::kolmogorovSurvival(std::numeric_limits<double>::infinity()), 0.0);
    // Monotone across the switch between the two series.
    double previous = 1.0;
    for (double x = 0.05; x < 4.0; x += 0.01) {
      const double p = DriftStatistics::kolmogorovSurvival(x);
      QVERIFY(p <= previous + 1e-15);
      QVERIFY(p >= 0.0 && p <= 1.0);
      previous = p;
    }
  }
};

QTEST_GUILESS_MAIN(tst_DriftStatistics)
#include "tst_DriftStatistics.moc"
