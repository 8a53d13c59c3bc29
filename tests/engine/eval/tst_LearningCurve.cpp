#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/eval/LearningCurve.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "TestPaths.h"

using lathe::eval::BiasVariance;
using lathe::eval::LearningCurve;
using lathe::eval::LearningCurveOptions;
using lathe::ml::FeatureMatrix;
using lathe::ml::Task;
using lathe::ml::TrainingData;

namespace {

// A dataset's numeric columns as features and `target`'s sorted labels as class indices.
TrainingData loadClasses(const std::string& file, const std::string& target, Task task) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::data::ImportRequest request;
  request.path = std::string(LATHE_DATASETS_DIR) + "/" + file;
  const auto table = lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table;
  std::vector<std::size_t> columns;
  std::vector<std::string> names;
  for (std::size_t c = 0; c < table.columnCount(); ++c)
    if (table.column(c).name() != target && table.column(c).isNumeric()) columns.push_back(c), names.push_back(table.column(c).name());
  TrainingData data{FeatureMatrix(table.rowCount(), names), {}, task, {}, target};
  for (std::size_t c = 0; c < columns.size(); ++c)
    for (std::size_t r = 0; r < table.rowCount(); ++r) data.x.at(r, c) = table.column(columns[c]).numericAt(r);
  const auto& y = table.column(*table.indexOf(target));
  for (std::size_t r = 0; r < table.rowCount(); ++r) data.classes.push_back(y.displayText(r));
  std::sort(data.classes.begin(), data.classes.end());
  data.classes.erase(std::unique(data.classes.begin(), data.classes.end()), data.classes.end());
  for (std::size_t r = 0; r < table.rowCount(); ++r)
    data.y.push_back(static_cast<double>(
        std::lower_bound(data.classes.begin(), data.classes.end(), y.displayText(r)) - data.classes.begin()));
  return data;
}

// Test-only classifiers: scikit-learn's NearestCentroid (neighbours = 0) and
// KNeighborsClassifier(n_neighbors=1) (neighbours = 1), and a majority-class predictor (-1).
class TinyClassifier final : public lathe::ml::Estimator {
 public:
  explicit TinyClassifier(int kind) : kind_(kind) {}
  std::string algorithm() const override { return "test_tiny"; }
  nlohmann::json parameters() const override { return {{"kind", kind_}}; }
  bool supports(Task task) const override { return lathe::ml::isClassification(task); }
  void fit(const TrainingData& data, const lathe::jobs::JobContext& context) override {
    std::vector<double> counts(data.classCount(), 0.0);
    for (double y : data.y) counts[static_cast<std::size_t>(y)] += 1;
    // Only the centroid refuses one class (a quirk of this test, to exercise refused subsets).
    if (kind_ == 0 && std::count_if(counts.begin(), counts.end(), [](double n) { return n > 0; }) < 2)
      throw lathe::Error(lathe::ErrorCode::InvalidArgument, "test_tiny: one class only");
    majority_ = static_cast<double>(std::max_element(counts.begin(), counts.end()) - counts.begin());
    points_ = data;
    centroids_.assign(data.classCount(), std::vector<double>(data.x.cols(), 0.0));
    for (std::size_t r = 0; r < data.x.rows(); ++r)
      for (std::size_t f = 0; f < data.x.cols(); ++f) centroids_[static_cast<std::size_t>(data.y[r])][f] += data.x.at(r, f);
    for (std::size_t c = 0; c < centroids_.size(); ++c)
      for (double& v : centroids_[c]) v = counts[c] > 0 ? v / counts[c] : std::numeric_limits<double>::infinity();
    context.throwIfStopped();
    context.progress(1.0);
  }
  std::vector<double> predict(const FeatureMatrix& x) const override {
    std::vector<double> out(x.rows(), majority_);
    if (kind_ < 0) return out;
    for (std::size_t r = 0; r < x.rows(); ++r) {
      double best = std::numeric_limits<double>::infinity();
      const std::size_t candidates = kind_ == 0 ? centroids_.size() : points_.x.rows();
      for (std::size_t i = 0; i < candidates; ++i) {
        double d = 0.0;
        for (std::size_t f = 0; f < x.cols(); ++f) {
          const double v = kind_ == 0 ? centroids_[i][f] : points_.x.at(i, f);
          d += (x.at(r, f) - v) * (x.at(r, f) - v);
        }
        if (d < best) best = d, out[r] = kind_ == 0 ? static_cast<double>(i) : points_.y[i];
      }
    }
    return out;
  }
  void save(lathe::ml::ModelWriter&) const override { throw lathe::Error(lathe::ErrorCode::Unsupported, "test only"); }
  void load(lathe::ml::ModelReader&) override { throw lathe::Error(lathe::ErrorCode::Unsupported, "test only"); }
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<TinyClassifier>(kind_); }

 private:
  int kind_;
  double majority_ = 0.0;
  TrainingData points_;
  std::vector<std::vector<double>> centroids_;
};

const TinyClassifier kCentroid(0), kOneNeighbour(1), kMajority(-1);

lathe::jobs::JobContext quietContext() {
  static lathe::jobs::NullProgressSink sink;
  static std::stop_source stop;
  return lathe::jobs::JobContext(stop.get_token(), sink);
}

LearningCurveOptions asScikitLearn() {
  LearningCurveOptions options;
  options.metric = "accuracy";
  options.shuffleTrainRows = false;  // learning_curve's default shuffle=False
  return options;
}

bool near(double a, double b) { return std::abs(a - b) < 1e-12; }

}  // namespace

class tst_LearningCurve : public QObject {
  Q_OBJECT

 private slots:
  void curveEqualsScikitLearns() {
    const auto cancer = loadClasses("breast_cancer.csv", "diagnosis", Task::Binary);
    const auto result = LearningCurve::compute(kCentroid, cancer, asScikitLearn(), quietContext());
    // learning_curve(NearestCentroid(), X, y, cv=StratifiedKFold(5), train_sizes=np.linspace(0.1, 1, 5),
    // scoring="accuracy") in scikit-learn 1.2: sizes, then mean and std over folds (numpy, ddof 0).
    const std::vector<std::size_t> sizes{45, 147, 250, 352, 455};
    const std::vector<double> trainMean{0.6844444444444445, 0.8258503401360546, 0.8624, 0.88125, 0.8901098901098902};
    const std::vector<double> validationMean{0.9051389535786368, 0.9016301816488124, 0.903400093153237, 0.8945815867101381,
                                             0.8910572892408011};
    const std::vector<double> trainStd{0.0088888888888889, 0.00544217687074831, 0.01509436981129058, 0.00550872711070037,
                                       0.00501176011032591};
    const std::vector<double> validationStd{0.0396986861335858, 0.03728862916043305, 0.04566587720532669,
                                            0.03955202418722188, 0.03657695196042866};
    QCOMPARE(result.points.size(), sizes.size());
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      const auto& p = result.points[i];
      QCOMPARE(p.trainRows, sizes[i]);
      QVERIFY(near(p.train.mean, trainMean[i]));
      QVERIFY(near(p.validation.mean, validationMean[i]));
      QVERIFY(near(p.train.std, trainStd[i]));
      QVERIFY(near(p.validation.std, validationStd[i]));
    }
    // Train 0.890 and validation 0.891 against a majority baseline of 357/569 = 0.627: balanced.
    const auto& v = result.verdict;
    QCOMPARE(v.verdict, BiasVariance::Balanced);
    QVERIFY(near(v.baselineScore, 357.0 / 569.0));
    QCOMPARE(v.perfectScore, 1.0);
    QVERIFY(near(v.trainScore, 0.8901098901098902));
    QVERIFY(near(v.gap, 0.8901098901098902 - 0.8910572892408011));
    QVERIFY(near(v.trainSkill, (0.8901098901098902 - 357.0 / 569.0) / (1 - 357.0 / 569.0)));
    QVERIFY(QString::fromStdString(v.explanation).startsWith("Balanced"));
  }

  void oneNeighbourOverfits() {
    const auto wine = loadClasses("wine.csv", "cultivar", Task::Multiclass);
    const auto result = LearningCurve::compute(kOneNeighbour, wine, asScikitLearn(), quietContext());
    // learning_curve(KNeighborsClassifier(1), ...) as above: train 1.0 at every size; validation
    // 0.3314, 0.3314, 0.6465, 0.6968, 0.7194 at 14, 46, 78, 110, 142 rows.
    const std::vector<double> validationMean{0.33142857142857146, 0.33142857142857146, 0.6465079365079365,
                                             0.6968253968253968, 0.7193650793650793};
    for (std::size_t i = 0; i < 5; ++i) {
      QCOMPARE(result.points[i].train.mean, 1.0);
      QVERIFY(near(result.points[i].validation.mean, validationMean[i]));
    }
    QCOMPARE(result.points.back().trainRows, std::size_t{142});
    QCOMPARE(result.verdict.verdict, BiasVariance::Overfit);
    QVERIFY(near(result.verdict.gap, 1.0 - 0.7193650793650793));
  }

  void majorityClassUnderfits() {
    const auto cancer = loadClasses("breast_cancer.csv", "diagnosis", Task::Binary);
    auto options = LearningCurveOptions{};
    options.metric = "accuracy";
    const auto result = LearningCurve::compute(kMajority, cancer, options, quietContext());
    QCOMPARE(result.verdict.verdict, BiasVariance::Underfit);
    QVERIFY(std::abs(result.verdict.trainSkill) < 0.01);
    QVERIFY(QString::fromStdString(result.verdict.explanation).startsWith("Underfit"));
    // By default the binary headline metric, roc_auc, which needs probabilities this model
    // lacks: NaN scores with warnings, and no verdict rather than a wrong one.
    const auto byDefault = LearningCurve::compute(kMajority, cancer, LearningCurveOptions{}, quietContext());
    QCOMPARE(byDefault.metric, std::string("roc_auc"));
    QCOMPARE(byDefault.verdict.baselineScore, 0.5);
    QCOMPARE(byDefault.verdict.perfectScore, 1.0);
    QVERIFY(QString::fromStdString(byDefault.verdict.explanation).startsWith("No verdict"));
    QCOMPARE(byDefault.warnings.size(), std::size_t{50});  // 25 fits, train and validation each
  }

  void judgeWorksForLossesAndWithoutScale() {
    // rmse: lower is better. Baseline 50, perfect 0: train skill 0.8, validation 0.4.
    auto v = LearningCurve::judge("rmse", 10, 30, 50, 0);
    QCOMPARE(v.verdict, BiasVariance::Overfit);
    QCOMPARE(v.gap, 20.0);
    QVERIFY(near(v.trainSkill, 0.8));
    QVERIFY(near(v.validationSkill, 0.4));
    QCOMPARE(LearningCurve::judge("rmse", 10, 12, 50, 0).verdict, BiasVariance::Balanced);
    QCOMPARE(LearningCurve::judge("rmse", 35, 36, 50, 0).verdict, BiasVariance::Underfit);
    // Thresholds are the rule's.
    QCOMPARE(LearningCurve::judge("accuracy", 0.9, 0.86, 0.5, 1.0).verdict, BiasVariance::Balanced);
    QCOMPARE(LearningCurve::judge("accuracy", 0.9, 0.86, 0.5, 1.0, {0.4, 0.05}).verdict, BiasVariance::Overfit);
    // No scale (baseline equals perfect, or unknown): only the gap is judged.
    v = LearningCurve::judge("accuracy", 0.9, 0.7, 1.0, 1.0);
    QCOMPARE(v.verdict, BiasVariance::Overfit);
    QVERIFY(std::isnan(v.trainSkill));
    QCOMPARE(LearningCurve::judge("accuracy", 0.5, 0.45, std::nan(""), 1.0).verdict, BiasVariance::Balanced);
    QVERIFY(QString::fromStdString(LearningCurve::judge("r2", std::nan(""), 0.5, 0, 1).explanation).startsWith("No verdict"));
  }

  void smallSubsetsThatCannotBeFittedAreNaN() {
    // iris is sorted by class: unshuffled, the first 12 training rows are all setosa.
    const auto iris = loadClasses("iris.arff", "class", Task::Multiclass);
    QCOMPARE(iris.x.cols(), std::size_t{4});
    auto options = asScikitLearn();
    options.trainFractions = {0.1, 1.0};
    const auto result = LearningCurve::compute(kCentroid, iris, options, quietContext());
    QCOMPARE(result.points.front().trainRows, std::size_t{12});
    QVERIFY(std::isnan(result.points.front().train.mean));
    QCOMPARE(result.warnings.size(), std::size_t{5});
    QVERIFY(result.points.back().validation.mean > 0.9);
    // Shuffled training rows (the default) reach every class even at 12 rows.
    options.shuffleTrainRows = true;
    const auto shuffled = LearningCurve::compute(kCentroid, iris, options, quietContext());
    QVERIFY(std::isfinite(shuffled.points.front().validation.mean));
    QVERIFY(shuffled.warnings.empty());
  }

  void progressAndCancel() {
    const auto wine = loadClasses("wine.csv", "cultivar", Task::Multiclass);
    std::stop_source stop;
    StoppingSink watch(stop, 2.0);
    LearningCurve::compute(kCentroid, wine, asScikitLearn(), lathe::jobs::JobContext(stop.get_token(), watch));
    QVERIFY(std::is_sorted(watch.fractions.begin(), watch.fractions.end()));
    QCOMPARE(watch.fractions.back(), 1.0);
    QVERIFY(watch.fractions.size() >= 25);  // one share per fit: 5 sizes x 5 folds

    std::stop_source halt;
    StoppingSink stopping(halt, 0.3);
    bool cancelled = false;
    try {
      LearningCurve::compute(kCentroid, wine, asScikitLearn(), lathe::jobs::JobContext(halt.get_token(), stopping));
    } catch (const lathe::jobs::JobCancelled&) {
      cancelled = true;
    }
    QVERIFY(cancelled);
    QVERIFY(stopping.fractions.back() < 0.4);
  }

  void badInputsAreClearErrors() {
    const auto wine = loadClasses("wine.csv", "cultivar", Task::Multiclass);
    auto expectInvalid = [&](const TrainingData& data, const LearningCurveOptions& options) {
      try {
        LearningCurve::compute(kCentroid, data, options, quietContext());
      } catch (const lathe::Error& e) {
        return e.code() == lathe::ErrorCode::InvalidArgument;
      }
      return false;
    };
    for (double bad : {0.0, -0.5, 1.5, std::nan("")}) {
      auto options = asScikitLearn();
      options.trainFractions = {bad, 1.0};
      QVERIFY(expectInvalid(wine, options));
    }
    auto options = asScikitLearn();
    options.trainFractions.clear();
    QVERIFY(expectInvalid(wine, options));
    options = asScikitLearn();
    options.metric = "nonsense";
    QVERIFY(expectInvalid(wine, options));
    QVERIFY(expectInvalid(wine.selectRows(std::vector<std::size_t>{3}), asScikitLearn()));  // one row
    QVERIFY(expectInvalid(TrainingData{FeatureMatrix(0, {"x"}), {}, Task::Binary, {"a", "b"}, "t"}, asScikitLearn()));
    TrainingData regression = wine;
    regression.task = Task::Regression;
    QVERIFY(expectInvalid(regression, asScikitLearn()));  // the classifier cannot learn it
    // Shares that round to the same size are used once, with a warning.
    options = asScikitLearn();
    options.trainFractions = {0.5, 0.5001, 1.0};
    const auto result = LearningCurve::compute(kCentroid, wine, options, quietContext());
    QCOMPARE(result.points.size(), std::size_t{2});
    QCOMPARE(result.warnings.size(), std::size_t{1});
  }
};

QTEST_APPLESS_MAIN(tst_LearningCurve)
#include "tst_LearningCurve.moc"
