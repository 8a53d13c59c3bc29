// Portable model bundles (issue 10, item 7) from real registered versions: a bundle round-trips
// (same fields, same recipe, same scores); a truncated, flipped, extended, mislabelled or
// hostile bundle (a 2 GB length, a manifest that lies with a valid SHA-256) is
// lathe::Error(Parse), never a crash. XGBoost versions also export in XGBoost's own JSON, which
// Debian's python3-xgboost loads and scores as Lathe does (binary credit-g, multiclass penguins
// with missing values) to 1e-6; other models are Unsupported.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>

#include "../RegisteredModel.h"
#include "../ml/MlTestSupport.h"
#include "engine/core/Error.h"
#include "engine/deploy/ModelBundle.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/experiments/TrainModelJob.h"
#include "engine/ml/ModelFile.h"
#include "engine/store/ContentHash.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/wrangle/ApplyRecipeJob.h"
#include "engine/wrangle/StepRegistry.h"
#include "TestPaths.h"

using namespace lathe;
using deploy::ModelBundle;
using nlohmann::json;

namespace {

std::optional<Error> errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

// Parse, or a description of what happened instead.
std::string parseFailure(std::string_view bytes) {
  try {
    ModelBundle::deserialize(bytes);
    return "accepted";
  } catch (const Error& e) {
    return e.code() == ErrorCode::Parse ? "" : std::string("code ") + errorCodeName(e.code()) + ": " + e.what();
  } catch (const std::exception& e) {
    return std::string("not a lathe::Error: ") + e.what();
  }
}

// A bundle as ModelBundle lays it out, with whatever manifest and model, and a SHA-256 that fits.
std::string forge(const std::string& manifest, const std::string& model) {
  ml::ModelWriter out;
  out.text(ModelBundle::kFormat);
  out.text(manifest);
  out.bytes(model);
  out.text(store::ContentHash::of(manifest + model));
  return out.data();
}

void putU64(std::string& bytes, std::size_t at, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xff);
}

std::int64_t train(const std::shared_ptr<store::Project>& project, std::int64_t versionId, const std::string& target,
                   const std::string& algorithm) {
  experiments::TrainingRequest request;
  request.datasetVersionId = versionId;
  request.target = target;
  request.algorithm = algorithm;
  request.learningCurve = false;
  request.validation.kind = experiments::ValidationScheme::Kind::Holdout;
  experiments::TrainModelJob job(project, request);
  mltest::QuietContext quiet;
  job.run(quiet.context);
  return job.result().id;
}

bool pythonHasXgboost() {
  QProcess python;
  python.start("/usr/bin/python3", {"-c", "import numpy, xgboost"});
  return python.waitForFinished(60000) && python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0;
}

}  // namespace

class tst_ModelBundle : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::shared_ptr<store::Project> project_;
  data::Table credit_, penguins_;
  deploy::ModelVersionContent logistic_, xgbCredit_, xgbPenguins_;

  // Python's probabilities for `content` on `table`, one row per table row.
  std::vector<std::vector<double>> pythonScores(const deploy::ModelVersionContent& content, const data::Table& table,
                                                const QString& name) {
    const QString model = dir_.filePath(name + ".json"), features = dir_.filePath(name + "-x.csv"),
                  out = dir_.filePath(name + "-p.csv");
    {
      std::ofstream file(model.toStdString(), std::ios::binary);
      file << ModelBundle::xgboostJson(content);
    }
    const auto x = experiments::TrainedModel::deserialize(content.modelBytes).encoder.encode(table);
    {
      std::ofstream file(features.toStdString());
      char cell[64];
      for (std::size_t r = 0; r < x.rows(); ++r)
        for (std::size_t c = 0; c < x.cols(); ++c) {
          std::snprintf(cell, sizeof cell, "%.17g", x.at(r, c));
          file << (std::isnan(x.at(r, c)) ? "nan" : cell) << (c + 1 < x.cols() ? ',' : '\n');
        }
    }
    QProcess python;
    python.start("/usr/bin/python3", {QString::fromUtf8(LATHE_SOURCE_DIR) + "/tests/engine/deploy/xgboost_predict.py", model, features, out});
    if (!python.waitForFinished(120000) || python.exitCode() != 0)
      qFatal("xgboost_predict.py failed: %s", python.readAllStandardError().constData());
    std::vector<std::vector<double>> rows;
    std::ifstream file(out.toStdString());
    for (std::string line; std::getline(file, line);) {
      std::vector<double> row;
      std::stringstream cells(line);
      for (std::string cell; std::getline(cells, cell, ',');) row.push_back(std::stod(cell));
      rows.push_back(row);
    }
    return rows;
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    project_ = store::Project::create(dir_.filePath("bundles.lathe").toStdString(), store::ProjectInfo{"Bundles", {}, {}, {}, {}, {}, {}});
    store::DatasetRepository datasets(project_->db());
    credit_ = mltest::loadTable("credit-g.arff");
    penguins_ = mltest::loadTable("penguins.csv");
    const auto creditV1 = datasets.addDataset("credit-g", credit_, {});
    const auto penguinsV1 = datasets.addDataset("penguins", penguins_, {});

    wrangle::Recipe recipe;
    recipe.append(wrangle::StepRegistry::create("log", {{"columns", {"credit_amount"}}}));
    recipe.append(wrangle::StepRegistry::create("scale", {{"columns", {"duration", "age"}}, {"method", "min_max"}}));
    recipe.append(wrangle::StepRegistry::create("one_hot", {{"columns", {"purpose"}}}));
    wrangle::ApplyRecipeJob apply(project_, creditV1, recipe, "Shape credit");
    mltest::QuietContext quiet;
    apply.run(quiet.context);

    deploy::ModelRegistry registry(project_->db());
    logistic_ = registry.content(enginetest::registerRun(project_, train(project_, apply.newVersionId(), "class", "logistic"), "logistic").id);
    xgbCredit_ = registry.content(enginetest::registerRun(project_, train(project_, creditV1, "class", "xgboost"), "xgb credit").id);
    xgbPenguins_ = registry.content(enginetest::registerRun(project_, train(project_, penguinsV1, "Species", "xgboost"), "xgb penguins").id);
    QCOMPARE(logistic_.recipes.size(), std::size_t{1});
  }

  void aBundleRoundTrips() {
    for (const auto* content : {&logistic_, &xgbCredit_}) {
      const std::string bytes = ModelBundle::serialize(*content);
      const auto back = ModelBundle::deserialize(bytes);
      const auto& a = content->info;
      const auto& b = back.info;
      QCOMPARE(b.model, a.model);
      QCOMPARE(b.version, a.version);
      QCOMPARE(b.task, a.task);
      QCOMPARE(b.algorithm, a.algorithm);
      QCOMPARE(b.target, a.target);
      QCOMPARE(b.trainingDataHash, a.trainingDataHash);
      QCOMPARE(b.metrics, a.metrics);
      QCOMPARE(b.threshold, a.threshold);
      QCOMPARE(b.createdAt, a.createdAt);
      QCOMPARE(b.inputSchema.size(), a.inputSchema.size());
      for (std::size_t i = 0; i < a.inputSchema.size(); ++i) {
        QCOMPARE(b.inputSchema[i].name, a.inputSchema[i].name);
        QCOMPARE(b.inputSchema[i].type, a.inputSchema[i].type);
      }
      QCOMPARE(back.recipes, content->recipes);
      QCOMPARE(back.modelBytes, content->modelBytes);
      QCOMPARE(ModelBundle::serialize(back), bytes);

      // It scores the raw data as the project's version does.
      const auto ours = deploy::ModelRegistry(project_->db()).load(content->info.id)->score(credit_);
      const auto theirs = deploy::ScoringModel::load(back.modelBytes, back.recipes, b.inputSchema, b.target, b.threshold)->score(credit_);
      QCOMPARE(theirs.probabilities.values, ours.probabilities.values);
      QCOMPARE(theirs.decision, ours.decision);
    }

    // Through a file: only the finished file is left, and it starts as a bundle does.
    const QString path = dir_.filePath("credit" + QString::fromUtf8(ModelBundle::kExtension.data(), ModelBundle::kExtension.size()));
    ModelBundle::write(logistic_, path.toStdString());
    QVERIFY(!QFile::exists(path + ".partial"));
    QVERIFY(ModelBundle::looksLikeBundle(path.toStdString()));
    QVERIFY(!ModelBundle::looksLikeBundle(mltest::datasetPath("credit-g.arff")));
    QVERIFY(!ModelBundle::looksLikeBundle(dir_.filePath("missing").toStdString()));
    QCOMPARE(ModelBundle::read(path.toStdString()).modelBytes, logistic_.modelBytes);
    QCOMPARE(ModelBundle::read(path.toStdString()).recipes, logistic_.recipes);
    const auto missing = errorOf([&] { ModelBundle::read(dir_.filePath("missing").toStdString()); });
    QVERIFY(missing && missing->code() == ErrorCode::Io);
  }

  void truncatedFlippedAndExtendedBundlesAreParseErrors() {
    const std::string small = ModelBundle::serialize(logistic_);
    const std::string large = ModelBundle::serialize(xgbCredit_);
    QVERIFY(large.size() > 20000);
    for (const auto* bytes : {&small, &large}) {
      for (std::size_t size = 0; size < bytes->size(); size += 97) {
        const std::string failure = parseFailure(std::string_view(*bytes).substr(0, size));
        QVERIFY2(failure.empty(), qPrintable(QString("cut at %1: %2").arg(size).arg(QString::fromStdString(failure))));
      }
      QVERIFY(parseFailure(std::string_view(*bytes).substr(0, bytes->size() - 1)).empty());
      QVERIFY(parseFailure(*bytes + "x").empty());
      QVERIFY(parseFailure(*bytes + *bytes).empty());
    }
    // Every single byte of the small one flipped; every 97th of the large one.
    for (const auto& [bytes, stride] : {std::pair{&small, std::size_t{1}}, std::pair{&large, std::size_t{97}}})
      for (std::size_t at = 0; at < bytes->size(); at += stride) {
        std::string flipped = *bytes;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x21);
        const std::string failure = parseFailure(flipped);
        QVERIFY2(failure.empty(), qPrintable(QString("byte %1 flipped: %2").arg(at).arg(QString::fromStdString(failure))));
      }
    const auto extra = errorOf([&] { ModelBundle::deserialize(small + "!"); });
    QVERIFY(extra && std::string(extra->what()).find("after the end") != std::string::npos);
    QCOMPARE(extra->where().byteOffset, std::int64_t(small.size()));
  }

  void foreignAndHugeBundlesAreParseErrors() {
    std::string bytes = ModelBundle::serialize(logistic_);
    // The magic: "lathe-bundle-v1" at offset 8, after its length.
    QCOMPARE(bytes.substr(8, 15), std::string("lathe-bundle-v1"));
    std::string other = bytes;
    other[22] = '2';
    const auto wrongMagic = errorOf([&] { ModelBundle::deserialize(other); });
    QVERIFY(wrongMagic && wrongMagic->code() == ErrorCode::Parse);
    QCOMPARE(wrongMagic->where().byteOffset, std::int64_t{0});
    QVERIFY2(std::string(wrongMagic->what()).find("not a Lathe model bundle") != std::string::npos, wrongMagic->what());
    QVERIFY(parseFailure("").empty());
    QVERIFY(parseFailure(logistic_.modelBytes).empty());  // a model is not a bundle
    QVERIFY(parseFailure(std::string(4096, '\0')).empty());

    // Lengths of 2 GB and more, at each length field: refused before anything is allocated.
    const std::size_t manifestAt = 23;
    std::uint64_t manifestSize = 0;
    for (int i = 0; i < 8; ++i) manifestSize |= std::uint64_t(static_cast<unsigned char>(bytes[manifestAt + i])) << (8 * i);
    const std::size_t modelAt = manifestAt + 8 + manifestSize;
    for (const std::size_t at : {std::size_t{0}, manifestAt, modelAt})
      for (const std::uint64_t length : {std::uint64_t{1} << 31, (std::uint64_t{1} << 31) + 1, ~std::uint64_t{0}}) {
        std::string huge = bytes;
        putU64(huge, at, length);
        const std::string failure = parseFailure(huge);
        QVERIFY2(failure.empty(), qPrintable(QString("length %1 at %2: %3").arg(length).arg(at).arg(QString::fromStdString(failure))));
      }
    ml::ModelWriter head;
    head.text(ModelBundle::kFormat);
    head.u64(std::uint64_t{1} << 31);
    QVERIFY(parseFailure(head.data() + "{}").empty());

    // A file over 2 GB is refused by its size (a sparse file: no disk, no memory).
    const QString big = dir_.filePath("big.lathemodel");
    {
      QFile file(big);
      QVERIFY(file.open(QIODevice::WriteOnly));
      file.write(bytes.data(), qint64(bytes.size()));
      QVERIFY2(file.resize((qint64(1) << 31) + 1), "the temporary folder cannot hold a sparse 2 GB file");
    }
    const auto tooBig = errorOf([&] { ModelBundle::read(big.toStdString()); });
    QVERIFY(tooBig && tooBig->code() == ErrorCode::Parse);
    QVERIFY2(std::string(tooBig->what()).find("2 GB") != std::string::npos, tooBig->what());
    QFile::remove(big);
  }

  void aLyingManifestIsAParseError() {
    // Anyone can compute a SHA-256: a consistent hash proves nothing about what the manifest says.
    const std::string bytes = ModelBundle::serialize(logistic_);
    ml::ModelReader in(bytes);
    in.text();
    const json manifest = json::parse(in.text());
    const std::string model = in.bytes();
    QVERIFY(ModelBundle::deserialize(forge(manifest.dump(), model)).modelBytes == model);

    std::vector<std::pair<std::string, std::string>> cases{{"text", "not json"}, {"array", "[]"}, {"null", "null"}, {"number", "42"}};
    for (const char* key : {"model", "version", "task", "algorithm", "target", "training_data_hash", "created_at",
                            "input_schema", "recipes"}) {
      json without = manifest;
      without.erase(key);
      cases.push_back({std::string("no ") + key, without.dump()});
    }
    const std::pair<const char*, json> wrong[] = {
        {"version", "seven"}, {"model", 5}, {"task", json::array()}, {"input_schema", "x"}, {"input_schema", json::array({1})},
        {"input_schema", json::array({"age"})}, {"input_schema", json::array({json::array()})},
        {"input_schema", json::array({{{"name", 1}, {"type", "float64"}}})},
        {"input_schema", json::array({{{"name", "age"}, {"type", "complex"}}})},
        {"input_schema", json::array({{{"name", "age"}}})}, {"input_schema", json::object()},
        {"recipes", json::object()}, {"recipes", "x"}, {"recipes", 3}};
    for (const auto& [key, value] : wrong) {
      json changed = manifest;
      changed[key] = value;
      cases.push_back({std::string(key) + " = " + value.dump(), changed.dump()});
    }
    for (const auto& [what, text] : cases) {
      const std::string failure = parseFailure(forge(text, model));
      QVERIFY2(failure.empty(), qPrintable(QString::fromStdString(what + ": " + failure)));
    }

    // A manifest that reads but holds a recipe or a model that cannot be: Parse when loaded.
    json badRecipe = manifest;
    badRecipe["recipes"] = json::array({{{"definition", {{"version", 1}, {"steps", {{{"kind", "teleport"}, {"enabled", true}, {"parameters", json::object()}}}}}}, {"state", json::array()}}});
    json noState = manifest;
    noState["recipes"] = json::array({{{"definition", manifest["recipes"][0]["definition"]}}});
    for (const auto& [text, modelBytes] : {std::pair{badRecipe.dump(), model}, std::pair{noState.dump(), model},
                                           std::pair{manifest.dump(), std::string("LATHEMDL garbage")},
                                           std::pair{manifest.dump(), model.substr(0, model.size() / 2)}}) {
      const auto content = ModelBundle::deserialize(forge(text, modelBytes));
      const auto error = errorOf([&] {
        deploy::ScoringModel::load(content.modelBytes, content.recipes, content.info.inputSchema, content.info.target,
                                   content.info.threshold);
      });
      QVERIFY2(error && error->code() == ErrorCode::Parse, error ? error->what() : "loaded");
    }
  }

  void onlyXgboostExportsXgboostJson() {
    const auto error = errorOf([&] { ModelBundle::xgboostJson(logistic_); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Unsupported);
    QVERIFY2(std::string(error->what()).find("logistic") != std::string::npos, error->what());
    const json booster = json::parse(ModelBundle::xgboostJson(xgbCredit_));
    QVERIFY(booster.contains("learner"));
    QCOMPARE(booster["learner"]["objective"]["name"].get<std::string>(), std::string("binary:logistic"));
  }

  void pythonXgboostScoresTheExportAsLatheDoes() {
    if (!pythonHasXgboost()) QSKIP("/usr/bin/python3 cannot import xgboost (Debian: python3-xgboost)");
    deploy::ModelRegistry registry(project_->db());

    const auto credit = registry.load(xgbCredit_.info.id)->score(credit_);
    const auto creditPython = pythonScores(xgbCredit_, credit_, "credit");
    QCOMPARE(creditPython.size(), std::size_t{1000});
    double worst = 0;
    for (std::size_t row = 0; row < 1000; ++row) {
      QCOMPARE(creditPython[row].size(), std::size_t{1});  // binary: the positive class, "good"
      worst = std::max(worst, std::abs(creditPython[row][0] - credit.probabilities.at(row, 1)));
    }
    QVERIFY2(worst < 1e-6, qPrintable(QString::number(worst)));

    const auto penguins = registry.load(xgbPenguins_.info.id)->score(penguins_);
    const auto penguinsPython = pythonScores(xgbPenguins_, penguins_, "penguins");
    QCOMPARE(penguinsPython.size(), std::size_t{344});
    QCOMPARE(penguins.classes, (std::vector<std::string>{"Adelie", "Chinstrap", "Gentoo"}));
    worst = 0;
    for (std::size_t row = 0; row < 344; ++row) {
      QCOMPARE(penguinsPython[row].size(), std::size_t{3});
      for (std::size_t k = 0; k < 3; ++k)
        worst = std::max(worst, std::abs(penguinsPython[row][k] - penguins.probabilities.at(row, k)));
    }
    QVERIFY2(worst < 1e-6, qPrintable(QString::number(worst)));
    // Rows 4 and 340 have no measurements at all: both sides still agree on them (checked above),
    // and the probabilities are real ones.
    QVERIFY(std::abs(penguins.probabilities.at(3, 0) + penguins.probabilities.at(3, 1) + penguins.probabilities.at(3, 2) - 1) < 1e-6);
  }
};

QTEST_GUILESS_MAIN(tst_ModelBundle)
#include "tst_ModelBundle.moc"
