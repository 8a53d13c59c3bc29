// The A/B split (issue 10, item 4; BAD_INPUTS case 36's weights): weights that are negative, NaN
// or do not sum to 1 are refused naming the variant; a key always lands on the same variant,
// and over 10,000 keys each variant gets about its weight.
#include <QtTest>

#include <cmath>
#include <functional>
#include <limits>
#include <optional>

#include "../ml/MlTestSupport.h"
#include "engine/core/Error.h"
#include "engine/deploy/ScoringModel.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/serve/TrafficSplit.h"

using namespace lathe;
using serve::TrafficSplit;
using serve::Variant;

namespace {

// A real model: logistic regression on the penguins, as a registered version would hold it.
std::shared_ptr<const deploy::ScoringModel> penguinModel() {
  static const auto model = [] {
    const auto table = mltest::loadTable("penguins.csv");
    auto encoder = ml::FeatureEncoder::fit(table, "Species");
    const auto training = encoder.encodeTraining(table);
    experiments::TrainedModel trained{std::move(encoder), ml::EstimatorRegistry::create("logistic", {{"impute", "median"}})};
    mltest::QuietContext quiet;
    trained.estimator->fit(training, quiet.context);
    deploy::InputSchema schema;
    for (const auto& c : table.columns())
      if (c->name() != "Species") schema.push_back({c->name(), c->type()});
    return deploy::ScoringModel::load(trained.serialize(), nlohmann::json::array(), schema, "Species", std::nullopt);
  }();
  return model;
}

std::optional<std::string> refusal(std::vector<Variant> variants) {
  try {
    TrafficSplit split(std::move(variants));
  } catch (const Error& e) {
    if (e.code() != ErrorCode::InvalidArgument) return "wrong code: " + e.message();
    return e.message();
  }
  return std::nullopt;
}

}  // namespace

class tst_TrafficSplit : public QObject {
  Q_OBJECT
 private slots:
  void badWeightsAreRefusedNamingTheVariant() {
    const auto m = penguinModel();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<std::pair<std::vector<Variant>, std::string>> cases{
        {{}, "at least one variant"},
        {{{"a", 1.2, m}, {"b", -0.2, m}}, "variant \"b\": the weight must not be negative"},
        {{{"a", nan, m}, {"b", 1.0, m}}, "variant \"a\": the weight must be a finite number"},
        {{{"a", inf, m}}, "variant \"a\": the weight must be a finite number"},
        {{{"a", 0.5, m}, {"b", 0.4, m}}, "must sum to 1, got 0.9"},
        {{{"a", 0.6, m}, {"b", 0.6, m}}, "must sum to 1, got 1.2"},
        {{{"a", 0.0, m}}, "must sum to 1, got 0"},
        {{{"a", 0.5, m}, {"a", 0.5, m}}, "variant \"a\" is given twice"},
        {{{"", 1.0, m}}, "needs a name"},
        {{{"a", 1.0, nullptr}}, "variant \"a\" has no model"},
    };
    for (const auto& [variants, says] : cases) {
      const auto message = refusal(variants);
      QVERIFY2(message && message->find(says) != std::string::npos, (message ? *message : "accepted").c_str());
    }
    // Within 1e-9 of 1 is 1 (0.1 + 0.2 + 0.7 is not exactly 1 in doubles).
    QVERIFY(!refusal({{"a", 0.1, m}, {"b", 0.2, m}, {"c", 0.7, m}}));
    QVERIFY(!refusal({{"a", 1.0, m}, {"b", 0.0, m}}));
    QVERIFY(refusal({{"a", 0.5, m}, {"b", 0.5 + 1e-8, m}}));
  }

  void keysAreDeterministic() {
    const auto m = penguinModel();
    const TrafficSplit one({{"a", 0.5, m}, {"b", 0.3, m}, {"c", 0.2, m}});
    const TrafficSplit two({{"a", 0.5, m}, {"b", 0.3, m}, {"c", 0.2, m}});
    for (int i = 0; i < 1000; ++i) {
      const std::string key = "customer-" + std::to_string(i);
      QCOMPARE(one.choose(key), one.choose(key));
      QCOMPARE(one.choose(key), two.choose(key));
    }
    // Where a key falls is part of the contract (a customer stays on its variant across restarts
    // and versions): pinned to values computed independently (FNV-1a 64, then MurmurHash3's
    // finaliser, top 53 bits).
    QCOMPARE(TrafficSplit::keyPosition("customer-42"), 0.8975768829640103);
    QCOMPARE(TrafficSplit::keyPosition(""), 0.93676944839044);
    QCOMPARE(TrafficSplit::keyPosition("abc"), 0.20281503190180583);
  }

  void weightsAreRespectedOverTenThousandKeys() {
    const auto m = penguinModel();
    const TrafficSplit split({{"stable", 0.9, m}, {"canary", 0.1, m}, {"off", 0.0, m}});
    std::vector<int> counts(3, 0);
    for (int i = 0; i < 10000; ++i) ++counts[split.choose("user" + std::to_string(i))];
    QCOMPARE(counts[2], 0);  // a zero weight is never chosen
    QVERIFY2(std::abs(counts[1] - 1000) < 200, std::to_string(counts[1]).c_str());
    std::vector<int> random(3, 0);
    for (int i = 0; i < 10000; ++i) ++random[split.chooseRandom()];
    QCOMPARE(random[2], 0);
    QVERIFY2(std::abs(random[1] - 1000) < 200, std::to_string(random[1]).c_str());
    // Three ways, with numeric keys (the common case of sequential ids).
    const TrafficSplit three({{"a", 0.5, m}, {"b", 0.25, m}, {"c", 0.25, m}});
    std::vector<int> thirds(3, 0);
    for (int i = 0; i < 10000; ++i) ++thirds[three.choose(std::to_string(i))];
    QVERIFY(std::abs(thirds[0] - 5000) < 300 && std::abs(thirds[1] - 2500) < 250 && std::abs(thirds[2] - 2500) < 250);
  }

  void theEdgesOfTheUnitIntervalLandOnAWeightedVariant() {
    const auto m = penguinModel();
    const TrafficSplit split({{"a", 0.0, m}, {"b", 1.0, m}, {"c", 0.0, m}});
    QCOMPARE(split.at(0.0), std::size_t(1));
    QCOMPARE(split.at(std::nextafter(1.0, 0.0)), std::size_t(1));
    QCOMPARE(split.choose("anything"), std::size_t(1));
  }
};

QTEST_APPLESS_MAIN(tst_TrafficSplit)
#include "tst_TrafficSplit.moc"
