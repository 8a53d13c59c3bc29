#include <QtTest>
#include <algorithm>
#include <limits>
#include <numeric>
#include <set>
#include <stop_token>
#include <string>
#include <vector>

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/eval/DataSplit.h"
#include "TestPaths.h"

using lathe::eval::DataSplit;
using lathe::eval::HoldoutOptions;
using lathe::eval::KFoldOptions;
using lathe::ml::Task;

namespace {

// The target of a dataset as TrainingData encodes it: class indices of the sorted labels.
std::vector<double> classIndices(const std::string& file, const std::string& target) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::data::ImportRequest request;
  request.path = std::string(LATHE_DATASETS_DIR) + "/" + file;
  const auto table = lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table;
  const auto& column = table.column(*table.indexOf(target));
  std::vector<std::string> labels;
  for (std::size_t r = 0; r < table.rowCount(); ++r) labels.push_back(column.displayText(r));
  std::vector<std::string> classes = labels;
  std::sort(classes.begin(), classes.end());
  classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
  std::vector<double> y;
  for (const auto& label : labels)
    y.push_back(static_cast<double>(std::lower_bound(classes.begin(), classes.end(), label) - classes.begin()));
  return y;
}

std::vector<std::size_t> classCounts(const std::vector<double>& y, const std::vector<std::size_t>& rows, std::size_t classes) {
  std::vector<std::size_t> counts(classes, 0);
  for (std::size_t r : rows) ++counts[static_cast<std::size_t>(y[r])];
  return counts;
}

// Each fold's test rows are disjoint from its training rows, and the test rows of all folds
// together cover every row exactly once.
void checkPartition(const lathe::eval::KFoldSplit& split, std::size_t rows) {
  std::vector<int> seen(rows, 0);
  for (const auto& fold : split.folds) {
    QCOMPARE(fold.train.size() + fold.test.size(), rows);
    QVERIFY(std::is_sorted(fold.test.begin(), fold.test.end()));
    std::vector<std::size_t> both;
    std::set_intersection(fold.train.begin(), fold.train.end(), fold.test.begin(), fold.test.end(), std::back_inserter(both));
    QVERIFY(both.empty());
    for (std::size_t r : fold.test) ++seen[r];
  }
  QVERIFY(std::all_of(seen.begin(), seen.end(), [](int s) { return s == 1; }));
}

lathe::ErrorCode errorCode(auto&& call) {
  try {
    call();
  } catch (const lathe::Error& e) {
    return e.code();
  }
  return lathe::ErrorCode::Internal;
}

std::size_t sum(const std::vector<std::size_t>& v) { return std::accumulate(v.begin(), v.end(), std::size_t{0}); }

}  // namespace

class tst_DataSplit : public QObject {
  Q_OBJECT

 private slots:
  void stratifiedFoldsEqualScikitLearnsWithoutShuffle() {
    const auto y = classIndices("breast_cancer.csv", "diagnosis");  // benign 357, malignant 212
    const auto split = DataSplit::kFold(y, Task::Binary, KFoldOptions{5, false, 0});
    checkPartition(split, y.size());
    // StratifiedKFold(5).split(X, y) in scikit-learn 1.2: test size, [benign, malignant] counts,
    // sum of the test indices, first five test indices.
    const std::vector<std::vector<std::size_t>> counts{{71, 43}, {71, 43}, {72, 42}, {72, 42}, {71, 42}};
    const std::vector<std::size_t> sums{7874, 19941, 32591, 44006, 57184};
    const std::vector<std::vector<std::size_t>> firsts{
        {0, 1, 2, 3, 4}, {53, 54, 56, 57, 62}, {164, 167, 168, 171, 172}, {255, 256, 257, 258, 259}, {389, 392, 393, 400, 408}};
    QCOMPARE(split.folds.size(), std::size_t{5});
    for (std::size_t f = 0; f < 5; ++f) {
      const auto& test = split.folds[f].test;
      QCOMPARE(classCounts(y, test, 2), counts[f]);
      QCOMPARE(sum(test), sums[f]);
      QCOMPARE(std::vector<std::size_t>(test.begin(), test.begin() + 5), firsts[f]);
    }
    QVERIFY(split.warnings.empty());
  }

  void shuffledStratifiedFoldsKeepScikitLearnsClassCounts() {
    const auto y = classIndices("breast_cancer.csv", "diagnosis");
    const auto split = DataSplit::kFold(y, Task::Binary, KFoldOptions{5, true, 42});
    checkPartition(split, y.size());
    // StratifiedKFold(5, shuffle=True, random_state=0): the same counts as unshuffled.
    const std::vector<std::vector<std::size_t>> counts{{71, 43}, {71, 43}, {72, 42}, {72, 42}, {71, 42}};
    for (std::size_t f = 0; f < 5; ++f) QCOMPARE(classCounts(y, split.folds[f].test, 2), counts[f]);
    // Shuffled: the first fold is no longer the first rows.
    QVERIFY(split.folds[0].test != DataSplit::kFold(y, Task::Binary, KFoldOptions{5, false, 0}).folds[0].test);
    const auto again = DataSplit::kFold(y, Task::Binary, KFoldOptions{5, true, 42});
    for (std::size_t f = 0; f < 5; ++f) QCOMPARE(again.folds[f].test, split.folds[f].test);
    const auto other = DataSplit::kFold(y, Task::Binary, KFoldOptions{5, true, 43});
    QVERIFY(other.folds[0].test != split.folds[0].test);
  }

  void tenFoldsOnWineKeepEveryCultivarsShare() {
    const auto y = classIndices("wine.csv", "cultivar");  // 59, 71, 48
    const auto split = DataSplit::kFold(y, Task::Multiclass, KFoldOptions{10, true, 7});
    checkPartition(split, y.size());
    // StratifiedKFold(10).split(X, y) in scikit-learn 1.2, counts per cultivar.
    std::vector<std::vector<std::size_t>> counts(8, {6, 7, 5});
    counts.push_back({6, 7, 4});
    counts.push_back({5, 8, 4});
    for (std::size_t f = 0; f < 10; ++f) QCOMPARE(classCounts(y, split.folds[f].test, 3), counts[f]);
  }

  void regressionFoldsAreKFolds() {
    std::vector<double> y(442);
    std::iota(y.begin(), y.end(), 0.5);
    const auto split = DataSplit::kFold(y, Task::Regression, KFoldOptions{5, false, 0});
    checkPartition(split, y.size());
    // KFold(5) on diabetes_progression's 442 rows: [0, 88], [89, 177], [178, 265], [266, 353], [354, 441].
    const std::vector<std::pair<std::size_t, std::size_t>> ranges{{0, 88}, {89, 177}, {178, 265}, {266, 353}, {354, 441}};
    for (std::size_t f = 0; f < 5; ++f) {
      QCOMPARE(split.folds[f].test.front(), ranges[f].first);
      QCOMPARE(split.folds[f].test.back(), ranges[f].second);
      QCOMPARE(split.folds[f].test.size(), ranges[f].second - ranges[f].first + 1);
    }
    const auto shuffled = DataSplit::kFold(y, Task::Regression, KFoldOptions{5, true, 3});
    checkPartition(shuffled, y.size());
    QCOMPARE(shuffled.folds[4].test.size(), std::size_t{88});
    QVERIFY(shuffled.folds[0].test.back() > 88);
    // Clustering: rows only.
    checkPartition(DataSplit::kFold(10, KFoldOptions{3, true, 1}), 10);
  }

  void holdoutKeepsClassSharesWithinOneRow() {
    const auto y = classIndices("breast_cancer.csv", "diagnosis");
    const auto split = DataSplit::holdout(y, Task::Binary, HoldoutOptions{0.0, 0.25, 0});
    // train_test_split(test_size=0.25, stratify=y): 426 train, 143 test of which [90, 53].
    QCOMPARE(split.train.size(), std::size_t{426});
    QCOMPARE(split.test.size(), std::size_t{143});
    QVERIFY(split.validation.empty());
    const auto counts = classCounts(y, split.test, 2);
    QVERIFY(counts[0] >= 89 && counts[0] <= 91);
    QVERIFY(counts[1] >= 52 && counts[1] <= 54);

    const auto three = DataSplit::holdout(y, Task::Binary, HoldoutOptions{0.2, 0.3, 5});
    // Two train_test_splits (test 0.3, then validation 0.2 / 0.7 of the rest), stratified:
    // 284 / 114 / 171; test [107, 64], validation [72, 42].
    QCOMPARE(three.train.size(), std::size_t{284});
    QCOMPARE(three.validation.size(), std::size_t{114});
    QCOMPARE(three.test.size(), std::size_t{171});
    const auto test = classCounts(y, three.test, 2);
    const auto validation = classCounts(y, three.validation, 2);
    QVERIFY(test[0] >= 106 && test[0] <= 108);
    QVERIFY(validation[0] >= 71 && validation[0] <= 73);
    std::vector<std::size_t> all = three.train;
    all.insert(all.end(), three.validation.begin(), three.validation.end());
    all.insert(all.end(), three.test.begin(), three.test.end());
    std::sort(all.begin(), all.end());
    std::vector<std::size_t> every(y.size());
    std::iota(every.begin(), every.end(), std::size_t{0});
    QCOMPARE(all, every);
    const auto again = DataSplit::holdout(y, Task::Binary, HoldoutOptions{0.2, 0.3, 5});
    QCOMPARE(again.test, three.test);
    QCOMPARE(again.validation, three.validation);
    QVERIFY(DataSplit::holdout(y, Task::Binary, HoldoutOptions{0.2, 0.3, 6}).test != three.test);

    // Regression: shuffled, same sizes.
    std::vector<double> values(100, 1.5);
    const auto regression = DataSplit::holdout(values, Task::Regression, HoldoutOptions{0.1, 0.2, 0});
    QCOMPARE(regression.train.size(), std::size_t{70});
    QCOMPARE(regression.validation.size(), std::size_t{10});
    QCOMPARE(regression.test.size(), std::size_t{20});
  }

  void permutationIsSeededAndComplete() {
    const auto p = DataSplit::permutation(1000, 9);
    std::vector<std::size_t> sorted = p;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size(); ++i) QCOMPARE(sorted[i], i);
    QCOMPARE(DataSplit::permutation(1000, 9), p);
    QVERIFY(DataSplit::permutation(1000, 10) != p);
    QVERIFY(DataSplit::permutation(0, 1).empty());
  }

  void badFoldCountsAreClearErrors() {
    const std::vector<double> y{0, 0, 0, 1, 1, 1, 1};
    using lathe::ErrorCode;
    QCOMPARE(errorCode([&] { DataSplit::kFold(y, Task::Binary, KFoldOptions{1, true, 0}); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorCode([&] { DataSplit::kFold(y, Task::Binary, KFoldOptions{0, true, 0}); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorCode([&] { DataSplit::kFold(y, Task::Binary, KFoldOptions{8, true, 0}); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorCode([&] { DataSplit::kFold(y, Task::Regression, KFoldOptions{8, true, 0}); }), ErrorCode::InvalidArgument);
    // Every class smaller than k: StratifiedKFold's ValueError.
    QCOMPARE(errorCode([&] { DataSplit::kFold(y, Task::Binary, KFoldOptions{5, true, 0}); }), ErrorCode::InvalidArgument);
    // One class smaller than k: a warning, as scikit-learn warns, and a valid split.
    const auto split = DataSplit::kFold(y, Task::Binary, KFoldOptions{4, true, 0});
    QCOMPARE(split.warnings.size(), std::size_t{1});
    QVERIFY(QString::fromStdString(split.warnings[0]).contains("only 3 rows"));
    checkPartition(split, y.size());
    // One row; no rows; leave-one-out too large to hold.
    const std::vector<double> one{0};
    QCOMPARE(errorCode([&] { DataSplit::kFold(one, Task::Binary, KFoldOptions{2, true, 0}); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorCode([&] { DataSplit::kFold(0, KFoldOptions{2, true, 0}); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorCode([&] { DataSplit::kFold(1'000'000, KFoldOptions{1'000'000, false, 0}); }), ErrorCode::InvalidArgument);
    // A class index that is not one: NaN, negative, fractional.
    for (double bad : {std::numeric_limits<double>::quiet_NaN(), -1.0, 0.5, std::numeric_limits<double>::infinity()}) {
      std::vector<double> labels{0, 1, 0, 1, bad};
      QCOMPARE(errorCode([&] { DataSplit::kFold(labels, Task::Binary, KFoldOptions{2, true, 0}); }),
               ErrorCode::InvalidArgument);
      QCOMPARE(errorCode([&] { DataSplit::holdout(labels, Task::Binary, HoldoutOptions{}); }), ErrorCode::InvalidArgument);
    }
  }

  void badHoldoutsAreClearErrors() {
    using lathe::ErrorCode;
    const std::vector<double> y{0, 1, 0, 1, 0, 1, 0, 1};
    for (double bad : {-0.1, 1.0, 2.0, std::numeric_limits<double>::quiet_NaN()})
      QCOMPARE(errorCode([&] { DataSplit::holdout(y, Task::Binary, HoldoutOptions{0.0, bad, 0}); }),
               ErrorCode::InvalidArgument);
    QCOMPARE(errorCode([&] { DataSplit::holdout(y, Task::Binary, HoldoutOptions{0.5, 0.5, 0}); }), ErrorCode::InvalidArgument);
    const std::vector<double> one{0};
    QCOMPARE(errorCode([&] { DataSplit::holdout(one, Task::Binary, HoldoutOptions{}); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorCode([&] { DataSplit::holdout({}, Task::Regression, HoldoutOptions{}); }), ErrorCode::InvalidArgument);
    // A class of one row cannot reach both parts: a warning, rows all placed.
    const std::vector<double> rare{0, 0, 0, 0, 0, 0, 0, 1};
    const auto split = DataSplit::holdout(rare, Task::Binary, HoldoutOptions{0.0, 0.25, 0});
    QCOMPARE(split.warnings.size(), std::size_t{1});
    QCOMPARE(split.train.size() + split.test.size(), rare.size());
    QCOMPARE(split.test.size(), std::size_t{2});
  }
};

QTEST_APPLESS_MAIN(tst_DataSplit)
#include "tst_DataSplit.moc"
