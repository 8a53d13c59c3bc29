// BinnedFeatures: one bin per distinct value when there are few, quantile bins when there are
// many (including the sampled path past 200,000 rows), NaN in its own bin, on real data too.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "MlTestSupport.h"
#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/ml/BinnedFeatures.h"

using namespace lathe;
using namespace lathe::ml;

namespace {
FeatureMatrix columnOf(const std::vector<double>& values) {
  FeatureMatrix x(values.size(), {"x"});
  for (std::size_t r = 0; r < values.size(); ++r) x.at(r, 0) = values[r];
  return x;
}

// Codes follow the values' order and agree with code(); every value sits inside its bin.
void checkConsistent(const BinnedFeatures& bins, const FeatureMatrix& x, std::size_t f) {
  const auto codes = bins.codes(f);
  std::vector<std::pair<double, int>> pairs;
  for (std::size_t r = 0; r < x.rows(); ++r) {
    const double v = x.at(r, f);
    QCOMPARE(codes[r], bins.code(f, v));
    if (std::isnan(v)) {
      QCOMPARE(codes[r], BinnedFeatures::kMissing);
      continue;
    }
    QVERIFY(codes[r] < bins.binCount(f));
    QVERIFY(bins.lower(f, codes[r]) <= v && v <= bins.upper(f, codes[r]));
    pairs.emplace_back(v, codes[r]);
  }
  std::sort(pairs.begin(), pairs.end());
  for (std::size_t i = 1; i < pairs.size(); ++i) QVERIFY(pairs[i - 1].second <= pairs[i].second);
}
}  // namespace

class tst_BinnedFeatures : public QObject {
  Q_OBJECT
 private slots:
  void fewValuesGetOneBinEach() {
    const auto x = columnOf({3.0, 1.0, NAN, 2.0, 3.0, 10.0, 1.0});
    const auto bins = BinnedFeatures::build(x);
    QCOMPARE(bins.binCount(0), std::size_t(4));
    const auto codes = bins.codes(0);
    QCOMPARE(std::vector<int>(codes.begin(), codes.end()), (std::vector<int>{2, 0, 255, 1, 2, 3, 0}));
    QCOMPARE(bins.threshold(0, 0, 1), 1.5);   // scikit-learn's midpoints
    QCOMPARE(bins.threshold(0, 2, 3), 6.5);
    QCOMPARE(bins.threshold(0, 0, 3), 5.5);   // across bins a node does not hold
    QCOMPARE(bins.code(0, 2.4), std::uint8_t(1));
    QCOMPARE(bins.code(0, 1e300), std::uint8_t(3));
    QCOMPARE(bins.code(0, -1e300), std::uint8_t(0));
    checkConsistent(bins, x, 0);
  }

  void allMissingAndConstantColumns() {
    FeatureMatrix x(3, {"missing", "constant"});
    for (std::size_t r = 0; r < 3; ++r) x.at(r, 0) = NAN, x.at(r, 1) = 7.0;
    const auto bins = BinnedFeatures::build(x);
    QCOMPARE(bins.binCount(0), std::size_t(0));
    QCOMPARE(bins.binCount(1), std::size_t(1));
    QCOMPARE(bins.codes(0)[2], BinnedFeatures::kMissing);
    QCOMPARE(bins.codes(1)[2], std::uint8_t(0));
    const auto empty = BinnedFeatures::build(FeatureMatrix(0, {"a"}));
    QCOMPARE(empty.rows(), std::size_t(0));
    QCOMPARE(empty.binCount(0), std::size_t(0));
  }

  void manyValuesGetQuantileBins() {
    std::mt19937 random(4);
    std::vector<double> values;
    for (int i = 0; i < 50'000; ++i) values.push_back(std::exp(std::normal_distribution<double>(0, 2)(random)));
    const auto x = columnOf(values);
    const auto bins = BinnedFeatures::build(x);
    QCOMPARE(bins.binCount(0), std::size_t(255));
    std::map<int, int> counts;
    for (auto c : bins.codes(0)) ++counts[c];
    int smallest = 1 << 30, largest = 0;
    for (const auto& [code, count] : counts) smallest = std::min(smallest, count), largest = std::max(largest, count);
    QVERIFY2(largest <= 2 * 50'000 / 255 && smallest >= 50'000 / 255 / 2, qPrintable(QString("%1 %2").arg(smallest).arg(largest)));
    checkConsistent(bins, x, 0);
    const auto fewer = BinnedFeatures::build(x, 16);
    QCOMPARE(fewer.binCount(0), std::size_t(16));
    checkConsistent(fewer, x, 0);
  }

  void bigInputsAreBinnedFromASample() {
    std::mt19937 random(5);
    std::vector<double> values;
    for (int i = 0; i < 300'000; ++i) values.push_back(i % 11 == 0 ? NAN : double(random() % 100'000) / 7.0);
    const auto x = columnOf(values);
    const auto bins = BinnedFeatures::build(x, 255, 2);
    QVERIFY(bins.binCount(0) >= 250);
    checkConsistent(bins, x, 0);
  }

  void realData() {
    const auto digits = mltest::loadTraining("digits_8x8.csv", "digit");
    const auto bins = BinnedFeatures::build(digits.x);
    QCOMPARE(bins.features(), std::size_t(64));
    QCOMPARE(bins.binCount(0), std::size_t(1));   // the corner pixel is always 0
    QCOMPARE(bins.binCount(20), std::size_t(17));  // grey levels 0..16
    const auto cancer = mltest::loadTraining("breast_cancer.csv", "diagnosis");
    const auto cancerBins = BinnedFeatures::build(cancer.x);
    for (std::size_t f = 0; f < cancer.x.cols(); ++f) checkConsistent(cancerBins, cancer.x, f);
    QCOMPARE(cancerBins.binCount(23), std::size_t(255));  // worst area: 544 distinct values
  }

  void badArgumentsAndCancel() {
    const auto x = columnOf({1, 2, 3});
    for (std::size_t maxBins : {std::size_t(0), std::size_t(1), std::size_t(256)}) {
      try {
        BinnedFeatures::build(x, maxBins);
        QFAIL("no error");
      } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
      }
    }
    jobs::NullProgressSink sink;
    std::stop_source stop;
    stop.request_stop();
    const jobs::JobContext context(stop.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, BinnedFeatures::build(x, 255, 1, &context));
  }
};

QTEST_APPLESS_MAIN(tst_BinnedFeatures)
#include "tst_BinnedFeatures.moc"
