// Greedy ensemble selection (Caruana et al. 2004) over out-of-fold predictions: what AutoML's
// ensemble is made of.
#include <QtTest>

#include <cmath>
#include <random>
#include <set>

#include "engine/core/Error.h"
#include "engine/eval/Metric.h"
#include "engine/tune/EnsembleSelection.h"

using namespace lathe;
using namespace lathe::tune;
using nlohmann::json;

namespace {

// A binary classifier's predictions: P(class 1) per row.
eval::Predictions binary(const std::vector<double>& yTrue, const std::vector<double>& positive) {
  eval::Predictions p;
  p.task = ml::Task::Binary;
  p.classCount = 2;
  p.yTrue = yTrue;
  p.probabilities = {yTrue.size(), 2, {}};
  for (double q : positive) {
    p.probabilities.values.push_back(1.0 - q);
    p.probabilities.values.push_back(q);
    p.yPred.push_back(q > 0.5 ? 1.0 : 0.0);
  }
  return p;
}

std::vector<const eval::Predictions*> pointers(const std::vector<eval::Predictions>& all) {
  std::vector<const eval::Predictions*> out;
  for (const auto& p : all) out.push_back(&p);
  return out;
}

// Two experts, each informed on one half of the rows and guessing on the other, and a weaker
// generalist: each expert alone scores less than the two together. (Were the generalist better
// than each expert alone, greedy selection would start from it and might never reach the pair.)
struct Experts {
  std::vector<eval::Predictions> models;
};
Experts experts() {
  std::mt19937_64 random(42);
  std::uniform_real_distribution<double> noise(0.0, 1.0);
  const std::size_t n = 400;
  std::vector<double> y(n), a(n), b(n), c(n);
  for (std::size_t r = 0; r < n; ++r) {
    y[r] = static_cast<double>((r / 2) % 2);
    const double informed = y[r] == 1.0 ? 0.6 + 0.4 * noise(random) : 0.4 * noise(random);
    const double guess = noise(random);
    a[r] = r < n / 2 ? informed : guess;
    b[r] = r < n / 2 ? noise(random) : (y[r] == 1.0 ? 0.6 + 0.4 * noise(random) : 0.4 * noise(random));
    c[r] = 0.5 + (y[r] - 0.5) * 0.3 * noise(random) + 0.6 * (noise(random) - 0.5);
  }
  return {{binary(y, c), binary(y, a), binary(y, b)}};
}

double pooled(const eval::Predictions& p) { return eval::Metric::compute("roc_auc", p); }

}  // namespace

class tst_EnsembleSelection : public QObject {
  Q_OBJECT

 private slots:
  void complementaryModelsAreBothPicked() {
    const auto all = experts();
    const auto candidates = pointers(all.models);
    const double a = pooled(all.models[1]), b = pooled(all.models[2]);
    const double together = pooled(EnsembleSelection::blend({candidates[1], candidates[2]}, {1, 1}));
    QVERIFY2(together > a + 0.05 && together > b + 0.05,
             qPrintable(QString("%1 %2 -> %3").arg(a).arg(b).arg(together)));
    QVERIFY(pooled(all.models[0]) < std::min(a, b));

    const auto result = EnsembleSelection::select(candidates, "roc_auc", true);
    QVERIFY(result.counts[1] > 0);
    QVERIFY(result.counts[2] > 0);
    QVERIFY(result.distinct() >= 2);
    QVERIFY(result.score >= together - 1e-12);
    QCOMPARE(result.path.back(), result.score);
    for (std::size_t i = 1; i < result.path.size(); ++i) QVERIFY(result.path[i] > result.path[i - 1]);
    QVERIFY(result.path.size() <= 20);
    // The score is the pooled objective of the blend with those weights.
    QVERIFY(std::abs(pooled(EnsembleSelection::blend(candidates, result.counts)) - result.score) < 1e-12);
    // Deterministic.
    const auto again = EnsembleSelection::select(candidates, "roc_auc", true);
    QCOMPARE(again.counts, result.counts);
    QCOMPARE(again.score, result.score);
  }

  void neverWorseThanTheBestCandidate() {
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> noise(0.0, 1.0);
    for (int round = 0; round < 20; ++round) {
      const std::size_t n = 150;
      std::vector<double> y(n);
      for (auto& v : y) v = noise(random) < 0.3 ? 1.0 : 0.0;
      std::vector<eval::Predictions> models;
      for (int m = 0; m < 6; ++m) {
        const double skill = noise(random);
        std::vector<double> q(n);
        for (std::size_t r = 0; r < n; ++r) q[r] = std::clamp(skill * y[r] + (1 - skill) * noise(random), 0.01, 0.99);
        models.push_back(binary(y, q));
      }
      double best = 0.0;
      for (const auto& m : models) best = std::max(best, pooled(m));
      const auto result = EnsembleSelection::select(pointers(models), "roc_auc", true, 10);
      QVERIFY(result.score >= best);
      QVERIFY(result.distinct() >= 1);
      // Minimised objectives too: log loss.
      double lowest = INFINITY;
      for (const auto& m : models) lowest = std::min(lowest, eval::Metric::compute("log_loss", m));
      QVERIFY(EnsembleSelection::select(pointers(models), "log_loss", false).score <= lowest);
    }
  }

  void regressionBlendsValues() {
    // Two regressors biased in opposite directions: their mean is exact.
    eval::Predictions low, high;
    for (auto* p : {&low, &high}) p->task = ml::Task::Regression;
    for (int r = 0; r < 50; ++r) {
      const double y = r * 0.5;
      low.yTrue.push_back(y);
      high.yTrue.push_back(y);
      low.yPred.push_back(y - 3.0 + 0.01 * r);
      high.yPred.push_back(y + 3.0);
    }
    const auto result = EnsembleSelection::select({&low, &high}, "r2", true);
    QCOMPARE(result.counts[0], result.counts[1]);
    QVERIFY(result.score > eval::Metric::compute("r2", low));
  }

  void thePoolKeepsTheBestAndMergesRepeats() {
    const auto all = experts();
    EnsembleSelection pool("roc_auc", true, 3);
    pool.offer({"weak", {{"k", 1}}, 0.5, all.models[0]});
    pool.offer({"expert_a", {{"k", 2}}, 0.7, all.models[1]});
    pool.offer({"expert_a", {{"k", 2}}, 0.7, all.models[1]});  // the same model reached twice
    pool.offer({"expert_b", {{"k", 3}}, 0.69, all.models[2]});
    pool.offer({"expert_b", {{"k", 4}}, 0.6, all.models[2]});   // below the best 3, not its family's best
    pool.offer({"nothing", {}, NAN, all.models[2]});
    // The best three, and the weak family's best besides.
    QCOMPARE(pool.candidates().size(), std::size_t{4});
    QCOMPARE(pool.candidates()[0].algorithm, std::string("expert_a"));
    QCOMPARE(pool.candidates()[2].algorithm, std::string("expert_b"));
    QCOMPARE(pool.candidates()[3].algorithm, std::string("weak"));
    const auto members = pool.members();
    QVERIFY(members.size() >= 2);
    std::size_t votes = 0;
    std::set<std::string> picked;
    for (const auto& m : members) {
      QVERIFY(m["weight"].is_number_integer() && m["weight"].get<int>() > 0);
      votes += m["weight"].get<std::size_t>();
      QVERIFY(picked.insert(m["algorithm"].get<std::string>() + m["parameters"].dump()).second);  // merged
    }
    QVERIFY(picked.count("expert_a{\"k\":2}") && picked.count("expert_b{\"k\":3}"));
    QVERIFY(votes >= 2 && votes <= 20);
    QVERIFY(EnsembleSelection("roc_auc", true).members().empty());
  }

  void largeDataIsThinned() {
    // Of 120,001 rows the pool keeps every third: what the selection scores, in bounded memory.
    std::mt19937_64 random(3);
    std::uniform_real_distribution<double> noise(0.0, 1.0);
    std::vector<double> y(120001), a(y.size()), b(y.size());
    for (std::size_t r = 0; r < y.size(); ++r) {
      y[r] = static_cast<double>(r % 2);
      a[r] = std::clamp(0.3 * y[r] + 0.7 * noise(random), 0.0, 1.0);
      b[r] = std::clamp(0.3 * y[r] + 0.7 * noise(random), 0.0, 1.0);
    }
    EnsembleSelection pool("roc_auc", true);
    pool.offer({"a", json::object(), 0.7, binary(y, a)});
    pool.offer({"b", json::object(), 0.7, binary(y, b)});
    for (const auto& c : pool.candidates()) {
      QCOMPARE(c.outOfFold.yTrue.size(), std::size_t{40001});
      QCOMPARE(c.outOfFold.probabilities.rows, std::size_t{40001});
      QCOMPARE(c.outOfFold.probabilities.at(1, 1), (c.algorithm == "a" ? a : b)[3]);
    }
    QCOMPARE(pool.members().size(), std::size_t{2});  // two independent noisy views: both help
  }

  void misalignedPredictionsAreRefused() {
    const auto all = experts();
    auto shorter = all.models[1];
    shorter.yTrue.pop_back();
    QVERIFY_THROWS_EXCEPTION(Error, EnsembleSelection::select({&all.models[0], &shorter}, "roc_auc", true));
  }
};

QTEST_MAIN(tst_EnsembleSelection)
#include "tst_EnsembleSelection.moc"
