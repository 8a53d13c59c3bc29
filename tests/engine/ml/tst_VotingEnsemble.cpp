// The ensemble AutoML offers (issue: "the best model, or optionally an ensemble of the top ones"):
// a weighted vote of members fitted on the same rows, through the registry and the model file.
#include <QtTest>

#include <nettle/sha2.h>

#include <cmath>
#include <stop_token>

#include "MlTestSupport.h"
#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/IndicatorCodes.h"
#include "engine/ml/ModelFile.h"
#include "engine/ml/VotingEnsemble.h"

using namespace lathe;
using namespace lathe::ml;
using nlohmann::json;

namespace {

// Three kinds of model, weighted 3 : 1 : 2.
const json kMembers = {
    {"members",
     {{{"algorithm", "logistic"}, {"parameters", {{"C", 0.5}}}, {"weight", 3}},
      {{"algorithm", "naive_bayes"}, {"weight", 1}},
      {{"algorithm", "tree"}, {"parameters", {{"max_depth", 4}, {"random_state", 1}}}, {"weight", 2}}}}};

const TrainingData& creditG() {
  static const TrainingData data = mltest::loadTraining("credit-g.arff", "class");
  return data;
}

// The same rows as trees see them on their own: categories as level codes.
const TrainingData& creditGCodes() {
  static const TrainingData data = mltest::loadTraining("credit-g.arff", "class", FeatureEncoder::Categories::Codes);
  return data;
}

// Equal, NaN where the other is NaN.
bool sameMatrix(const FeatureMatrix& a, const FeatureMatrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (std::size_t c = 0; c < a.cols(); ++c)
    for (std::size_t r = 0; r < a.rows(); ++r)
      if (!(a.at(r, c) == b.at(r, c) || (std::isnan(a.at(r, c)) && std::isnan(b.at(r, c))))) return false;
  return true;
}

std::unique_ptr<Estimator> fitted(const json& parameters, const TrainingData& data) {
  auto model = EstimatorRegistry::create("ensemble", parameters);
  mltest::QuietContext quiet;
  model->fit(data, quiet.context);
  return model;
}

std::string withChecksum(std::string body) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, body.size(), reinterpret_cast<const std::uint8_t*>(body.data()));
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context, sizeof digest, digest);
  body.append(reinterpret_cast<const char*>(digest), sizeof digest);
  return body;
}

// The message of the Error that creating an ensemble with `parameters` throws ("" if none).
QString refusal(const json& parameters) {
  try {
    EstimatorRegistry::create("ensemble", parameters);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::InvalidArgument) return QStringLiteral("wrong code: ") + e.what();
    return QString::fromStdString(e.message());
  }
  return {};
}

}  // namespace

class tst_VotingEnsemble : public QObject {
  Q_OBJECT

 private slots:
  void probabilitiesAreTheWeightedMeanOfTheMembers() {
    const auto& data = creditG();
    const auto ensemble = fitted(kMembers, data);
    QCOMPARE(ensemble->algorithm(), std::string("ensemble"));
    QVERIFY(ensemble->supports(Task::Binary));
    const auto p = ensemble->predictProba(data.x);
    QCOMPARE(p.rows, data.x.rows());
    QCOMPARE(p.classes, std::size_t{2});

    // Each member fitted alone on the same rows, the tree on level codes as it would be alone.
    std::vector<double> expected(p.values.size(), 0.0);
    double total = 0.0;
    for (const auto& m : kMembers["members"]) {
      auto member = EstimatorRegistry::create(m["algorithm"], m.value("parameters", json::object()));
      const auto& ownData = m["algorithm"] == "tree" ? creditGCodes() : data;
      mltest::QuietContext quiet;
      member->fit(ownData, quiet.context);
      const auto own = member->predictProba(ownData.x);
      const double w = m["weight"].get<double>();
      for (std::size_t k = 0; k < own.values.size(); ++k) expected[k] += w * own.values[k];
      total += w;
    }
    for (std::size_t k = 0; k < expected.size(); ++k) QVERIFY(std::abs(p.values[k] - expected[k] / total) < 1e-12);
    const auto labels = ensemble->predict(data.x);
    for (std::size_t r = 0; r < data.x.rows(); ++r) QCOMPARE(labels[r], p.at(r, 1) > p.at(r, 0) ? 1.0 : 0.0);

    // Parameters round-trip through the registry, defaults filled in, weights as given.
    const json parameters = ensemble->parameters();
    QCOMPARE(parameters["members"].size(), std::size_t{3});
    QCOMPARE(parameters["members"][0]["weight"], json(3));
    QCOMPARE(parameters["members"][2]["parameters"]["max_depth"], json(4));
    QCOMPARE(EstimatorRegistry::create("ensemble", parameters)->parameters(), parameters);
    QCOMPARE(ensemble->clone()->parameters(), parameters);
    QCOMPARE(EstimatorRegistry::categoriesFor("ensemble"), FeatureEncoder::Categories::OneHot);
    const auto names = EstimatorRegistry::algorithms();
    QVERIFY(std::find(names.begin(), names.end(), "ensemble") != names.end());

    // The tree alone has importances: the ensemble's are its, renormalised.
    const auto importances = ensemble->featureImportances();
    QCOMPARE(importances.size(), data.x.cols());
    double sum = 0.0;
    for (double v : importances) sum += v;
    QVERIFY(std::abs(sum - 1.0) < 1e-9);
  }

  void treesSeeLevelCodes() {
    // The one-hot columns folded back are exactly the Codes encoding, missing values included.
    for (const auto& [file, target] : {std::pair{"credit-g.arff", "class"}, std::pair{"penguins.csv", "Species"}}) {
      const auto oneHot = mltest::loadTraining(file, target);
      const auto codes = mltest::loadTraining(file, target, FeatureEncoder::Categories::Codes);
      const auto layout = IndicatorCodes::fromOrigins(oneHot.x, oneHot.origins);
      QVERIFY(!layout.identity());
      const auto folded = layout.codes(oneHot);
      QVERIFY(sameMatrix(folded.x, codes.x));
      QCOMPARE(folded.x.names(), codes.x.names());
      QCOMPARE(folded.origins.size(), codes.origins.size());
      for (std::size_t c = 0; c < codes.origins.size(); ++c) {
        QCOMPARE(folded.origins[c].column, codes.origins[c].column);
        QVERIFY(folded.origins[c].kind == codes.origins[c].kind);
      }
      const std::vector<double> importances(codes.x.cols(), 1.0 / static_cast<double>(codes.x.cols()));
      const auto spread = layout.spread(importances);
      QCOMPARE(spread.size(), oneHot.x.cols());
      double sum = 0.0;
      for (double v : spread) sum += v;
      QVERIFY(std::abs(sum - 1.0) < 1e-12);
    }
    // Without one-hot columns (numbers only) there is nothing to fold.
    const auto numbers = mltest::loadTraining("breast_cancer.csv", "diagnosis");
    QVERIFY(IndicatorCodes::fromOrigins(numbers.x, numbers.origins).identity());
    // A matrix of other columns is refused, not read out of bounds.
    const auto layout = IndicatorCodes::fromOrigins(creditG().x, creditG().origins);
    QVERIFY_THROWS_EXCEPTION(Error, layout.codes(numbers.x));
  }

  void saveAndLoadGiveTheSamePredictions() {
    const auto& data = creditG();
    const auto ensemble = fitted(kMembers, data);
    const std::string bytes = ModelFile::serialize(*ensemble);
    const auto back = ModelFile::deserialize(bytes);
    QCOMPARE(back->algorithm(), std::string("ensemble"));
    QCOMPARE(back->parameters(), ensemble->parameters());
    QCOMPARE(back->predictProba(data.x).values, ensemble->predictProba(data.x).values);
    QCOMPARE(back->predict(data.x), ensemble->predict(data.x));
    QCOMPARE(ModelFile::serialize(*back), bytes);  // deterministic

    // As a run stores it: with its encoder, through TrainedModel.
    const auto table = mltest::loadTable("credit-g.arff");
    experiments::TrainedModel model{FeatureEncoder::fit(table, "class", {}, EstimatorRegistry::categoriesFor("ensemble")),
                                    EstimatorRegistry::create("ensemble", kMembers)};
    mltest::QuietContext quiet;
    model.estimator->fit(model.encoder.encodeTraining(table), quiet.context);
    const auto loaded = experiments::TrainedModel::deserialize(model.serialize());
    const auto x = loaded.encoder.encodeTraining(table).x;
    QCOMPARE(loaded.estimator->predictProba(x).values, model.estimator->predictProba(x).values);
  }

  void badParametersAreNamed() {
    QVERIFY(refusal(json::object()).contains("members"));
    QVERIFY(refusal({{"members", json::array()}}).contains("at least one"));
    QVERIFY(refusal({{"members", {{{"algorithm", "magic"}}}}}).contains("member 1 (magic)"));
    QVERIFY(refusal({{"members", {{{"algorithm", "magic"}}}}}).contains("unknown algorithm"));
    QVERIFY(refusal({{"members", {{{"algorithm", "logistic"}}, {{"algorithm", "ensemble"}}}}})
                .contains("member 2 (ensemble)"));
    for (const json& weight : {json(0), json(-1), json("3"), json(nullptr)})
      QVERIFY2(refusal({{"members", {{{"algorithm", "logistic"}, {"weight", weight}}}}}).contains("weight must be a positive number"),
               qPrintable(QString::fromStdString(weight.dump())));
    // A member's own parameters are validated by its factory, and the message names the member.
    const QString c = refusal({{"members", {{{"algorithm", "tree"}}, {{"algorithm", "logistic"}, {"parameters", {{"C", -1}}}}}}});
    QVERIFY2(c.contains("member 2 (logistic)") && c.contains("'C'"), qPrintable(c));
    QVERIFY(refusal({{"members", {{{"algorithm", "logistic"}, {"votes", 2}}}}}).contains("unknown field 'votes'"));
    QVERIFY(refusal({{"members", {{{"algorithm", "logistic"}}}}, {"voting", "hard"}}).contains("unknown parameter 'voting'"));
    QVERIFY(refusal({{"members", json::array({"logistic"})}}).contains("member 1 must be an object"));
    QVERIFY(refusal({{"members", {{{"algorithm", "logistic"}}}}}).isEmpty());

    // A member that cannot learn the task: the ensemble cannot either, and says which.
    auto mixed = EstimatorRegistry::create("ensemble", {{"members", {{{"algorithm", "logistic"}}, {{"algorithm", "linear"}}}}});
    QVERIFY(!mixed->supports(Task::Binary));
    QVERIFY(!mixed->supports(Task::Regression));
    mltest::QuietContext quiet;
    try {
      mixed->fit(creditG(), quiet.context);
      QFAIL("a regressor in a classifying ensemble was accepted");
    } catch (const Error& e) {
      QVERIFY2(QString::fromStdString(e.message()).contains("member 2 (linear)"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(Error, mixed->predict(creditG().x));  // not fitted
  }

  void damagedModelFilesAreParseErrors() {
    const auto& data = creditG();
    const json small = {{"members",
                         {{{"algorithm", "logistic"}, {"weight", 2}},
                          {{"algorithm", "tree"}, {"parameters", {{"max_depth", 2}}}, {"weight", 1}}}}};
    const std::string bytes = ModelFile::serialize(*fitted(small, data));
    for (std::size_t n = 0; n < bytes.size(); n += 7) {
      try {
        ModelFile::deserialize(std::string_view(bytes).substr(0, n));
        QFAIL(qPrintable(QString("truncated at %1 was accepted").arg(n)));
      } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::Parse);
      }
    }
    // Past the checksum: every byte of the ensemble's own fields flipped and re-checksummed is
    // refused as Parse, or read as a model that still predicts (a flipped coefficient).
    const std::string body = bytes.substr(0, bytes.size() - SHA256_DIGEST_SIZE);
    ModelReader probe(body);
    probe.u64();
    probe.u32();
    probe.text();
    probe.json();
    const std::size_t own = probe.offset();
    for (std::size_t i = own; i < body.size(); ++i) {
      std::string broken = body;
      broken[i] = static_cast<char>(broken[i] ^ (i % 2 ? 0x01 : 0x40));
      try {
        const auto model = ModelFile::deserialize(withChecksum(broken));
        try {
          model->predictProba(data.x);
        } catch (const Error&) {
        }
      } catch (const Error& e) {
        QVERIFY2(e.code() == ErrorCode::Parse, e.what());
      }
    }
    // Its member count, task and class count: refused with the ensemble's offset.
    for (const std::size_t at : {own, own + 4, own + 12}) {
      std::string broken = body;
      broken[at] = static_cast<char>(broken[at] + 1);
      try {
        ModelFile::deserialize(withChecksum(broken));
        QFAIL(qPrintable(QString("a changed field at %1 was accepted").arg(at)));
      } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::Parse);
        QVERIFY2(QString::fromStdString(e.message()).contains("ensemble model"), e.what());
      }
    }
  }

  void regressionAveragesTheValues() {
    const auto data = mltest::loadTraining("diabetes_progression.csv", "progression");
    // knn wrapped with an imputer, as AutoML gives it for data with gaps: saved and loaded inside.
    const json parameters = {{"members",
                              {{{"algorithm", "linear"}, {"weight", 1}},
                               {{"algorithm", "knn"}, {"parameters", {{"impute", "median"}}}, {"weight", 3}}}}};
    const auto ensemble = fitted(parameters, data);
    QVERIFY(ensemble->supports(Task::Regression));
    QVERIFY(!ensemble->supports(Task::Clustering));
    std::vector<double> expected(data.x.rows(), 0.0);
    for (const auto& m : parameters["members"]) {
      auto member = EstimatorRegistry::create(m["algorithm"], m.value("parameters", json::object()));
      mltest::QuietContext quiet;
      member->fit(data, quiet.context);
      const auto own = member->predict(data.x);
      for (std::size_t r = 0; r < own.size(); ++r) expected[r] += m["weight"].get<double>() / 4.0 * own[r];
    }
    const auto predicted = ensemble->predict(data.x);
    for (std::size_t r = 0; r < predicted.size(); ++r) QVERIFY(std::abs(predicted[r] - expected[r]) < 1e-9);
    try {
      ensemble->predictProba(data.x);
      QFAIL("a regressor gave probabilities");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Unsupported);
    }
    const auto back = ModelFile::deserialize(ModelFile::serialize(*ensemble));
    QCOMPARE(back->predict(data.x), predicted);
    QCOMPARE(back->parameters()["members"][1]["parameters"]["impute"], json("median"));
  }

  void cancelStopsTheFit() {
    std::stop_source stop;
    StoppingSink sink(stop, 0.5);
    const jobs::JobContext context(stop.get_token(), sink);
    auto ensemble = EstimatorRegistry::create(
        "ensemble", {{"members", {{{"algorithm", "forest"}, {"parameters", {{"n_estimators", 50}}}},
                                  {{"algorithm", "forest"}, {"parameters", {{"n_estimators", 60}}}}}}});
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, ensemble->fit(creditG(), context));
    QVERIFY(!sink.fractions.empty() && sink.fractions.back() < 0.9);
    QVERIFY_THROWS_EXCEPTION(Error, ensemble->predict(creditG().x));  // still unfitted
  }
};

QTEST_MAIN(tst_VotingEnsemble)
#include "tst_VotingEnsemble.moc"
