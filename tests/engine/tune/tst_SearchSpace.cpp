// Search spaces and strategies (issue 9, item 1): ranges, log scale, integers, choices and
// conditions; grid, random and TPE suggestions that are valid, reproducible and (for TPE) learn.
#include <QtTest>
#include <cmath>
#include <random>
#include <set>

#include "engine/core/Error.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/tune/GridSearch.h"
#include "engine/tune/MedianPruner.h"
#include "engine/tune/RandomSearch.h"
#include "engine/tune/SearchSpace.h"
#include "engine/tune/TpeSearch.h"

using namespace lathe::tune;
using nlohmann::json;

namespace {

// A smooth objective with its peak at C = 0.3 (log scale) and penalty "l1": what a tuner of
// logistic regression meets, without the cost of fitting.
double objective(const json& p) {
  const double d = std::log10(p.at("C").get<double>()) - std::log10(0.3);
  return 0.8 - 0.05 * d * d - (p.at("penalty") == "l1" ? 0.0 : 0.02);
}

SearchSpace logisticSpace() { return SearchSpace::defaultFor("logistic"); }

// The best objective after `budget` trials of `strategy`, trials run one at a time.
double bestAfter(SearchStrategy& strategy, int budget) {
  std::vector<Trial> finished;
  double best = -1e9;
  for (int n = 1; n <= budget; ++n) {
    Trial t;
    t.number = n;
    t.parameters = *strategy.suggest(n, finished, true);
    t.score = objective(t.parameters);
    best = std::max(best, t.score);
    finished.push_back(t);
  }
  return best;
}

}  // namespace

class tst_SearchSpace : public QObject {
  Q_OBJECT
 private slots:
  void everyBuiltInSpaceGivesParametersItsAlgorithmAccepts() {
    for (const char* algorithm : {"logistic", "linear", "tree", "forest", "xgboost", "knn", "naive_bayes", "mlp"}) {
      const SearchSpace space = SearchSpace::defaultFor(algorithm);
      std::mt19937_64 random(7);
      for (int i = 0; i < 30; ++i) {
        const json p = space.sample(random);
        try {
          lathe::ml::EstimatorRegistry::create(algorithm, p);
        } catch (const lathe::Error& e) {
          QFAIL(qPrintable(QStringLiteral("%1 %2: %3").arg(algorithm, QString::fromStdString(p.dump()), QString::fromStdString(e.message()))));
        }
        for (const auto& range : space.parameters)
          if (range.appliesTo(p)) QVERIFY2(range.positionOf(p.at(range.name)).has_value(), algorithm);
      }
    }
    QVERIFY_THROWS_EXCEPTION(lathe::Error, SearchSpace::defaultFor("kmeans"));
  }

  void rangesLogScaleIntegersAndConditions() {
    const SearchSpace space = SearchSpace::fromJson(json::parse(R"({
      "C": {"low": 0.001, "high": 1000, "log": true},
      "depth": {"low": 2, "high": 9},
      "penalty": ["l2", "elasticnet"],
      "l1_ratio": {"low": 0.1, "high": 0.9, "when": {"penalty": ["elasticnet"]}},
      "fixed": {"max_iter": 50}})"));
    QCOMPARE(space.parameters.back().name, std::string("l1_ratio"));  // after what it depends on
    std::mt19937_64 random(1);
    int belowOne = 0, withRatio = 0;
    for (int i = 0; i < 2000; ++i) {
      const json p = space.sample(random);
      QCOMPARE(p.at("max_iter").get<int>(), 50);
      const double c = p.at("C").get<double>();
      QVERIFY(c >= 0.001 && c <= 1000);
      belowOne += c < 1.0;
      QVERIFY(p.at("depth").is_number_integer());
      QVERIFY(p.at("depth").get<int>() >= 2 && p.at("depth").get<int>() <= 9);
      QCOMPARE(p.contains("l1_ratio"), p.at("penalty") == "elasticnet");
      withRatio += p.contains("l1_ratio");
    }
    // Log-uniform: half the draws below the geometric middle (1), not 0.1 % of them.
    QVERIFY2(belowOne > 900 && belowOne < 1100, qPrintable(QString::number(belowOne)));
    QVERIFY(withRatio > 900 && withRatio < 1100);
    // Malformed spaces are refused with the parameter named.
    for (const char* bad : {R"({"C": {"low": 0, "high": 1, "log": true}})", R"({"C": {"low": 2, "high": 1}})",
                            R"({"C": []})", R"({"r": {"low": 0, "high": 1, "when": {"nope": [1]}}})", R"([1, 2])"}) {
      try {
        SearchSpace::fromJson(json::parse(bad));
        QFAIL(bad);
      } catch (const lathe::Error& e) {
        QVERIFY(!e.message().empty());
      }
    }
  }

  void gridVisitsEveryCellOnceOrASpreadOfThem() {
    SearchSpace space = SearchSpace::fromJson(json::parse(R"({"a": {"low": 1, "high": 100, "log": true}, "b": ["x", "y"]})"));
    GridSearch full(space, 0, 100, 3);
    QCOMPARE(full.size(), std::size_t(6));
    std::set<std::string> seen;
    bool middle = false;
    for (int n = 1; n <= 6; ++n) {
      const json p = *full.suggest(n, {}, true);
      seen.insert(p.dump());
      middle = middle || (p["a"] == 10 && p["b"] == "y");  // log-spaced whole numbers: 1, 10, 100
    }
    QCOMPARE(seen.size(), std::size_t(6));
    QVERIFY(middle);
    QVERIFY(!full.suggest(7, {}, true));  // a finished grid says so
    GridSearch part(space, 5, 4, 3);  // budget 4 of 6 cells: a seeded shuffle
    std::set<std::string> some;
    for (int n = 1; n <= 4; ++n) some.insert(part.suggest(n, {}, true)->dump());
    QCOMPARE(some.size(), std::size_t(4));
  }

  void suggestionsAreReproducible() {
    for (const std::string name : {"random", "bayes", "grid"}) {
      auto a = SearchStrategy::create(name, logisticSpace(), 42, 30);
      auto b = SearchStrategy::create(name, logisticSpace(), 42, 30);
      std::vector<Trial> finished;
      for (int n = 1; n <= 20; ++n) {
        const auto suggested = a->suggest(n, finished, true);
        if (!suggested) break;  // the grid has 8 cells
        const json pa = *suggested;
        QCOMPARE(pa, *b->suggest(n, finished, true));
        Trial t;
        t.number = n;
        t.parameters = pa;
        t.score = objective(pa);
        finished.push_back(t);
      }
    }
  }

  void tpeFindsTheGoodRegionFasterThanRandomSearch() {
    // Averaged over 20 seeds at a budget of 30: TPE's best is closer to the optimum (0.8).
    double tpe = 0.0, random = 0.0;
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
      TpeSearch bayes(logisticSpace(), seed, 5);
      RandomSearch plain(logisticSpace(), seed);
      tpe += 0.8 - bestAfter(bayes, 30);
      random += 0.8 - bestAfter(plain, 30);
    }
    QVERIFY2(tpe < random, qPrintable(QStringLiteral("regret: TPE %1, random %2").arg(tpe / 20).arg(random / 20)));
  }

  void medianRuleStopsOnlyTrialsBelowTheMedian() {
    std::vector<Trial> finished;
    for (int i = 0; i < 5; ++i) {
      Trial t;
      t.number = i + 1;
      t.foldScores = {0.70 + 0.01 * i, 0.72 + 0.01 * i, 0.71};
      finished.push_back(t);
    }
    const MedianPruner maximize(finished, true);
    QVERIFY(!maximize.shouldStop({0.50}));        // never on the first fold
    QVERIFY(maximize.shouldStop({0.60, 0.61}));   // below every finished trial
    QVERIFY(!maximize.shouldStop({0.80, 0.79}));  // above
    const MedianPruner minimize(finished, false);
    QVERIFY(!minimize.shouldStop({0.60, 0.61}));
    QVERIFY(!MedianPruner(std::vector<Trial>(finished.begin(), finished.begin() + 3), true).shouldStop({0.1, 0.1}));
  }
};

QTEST_MAIN(tst_SearchSpace)
#include "tst_SearchSpace.moc"
