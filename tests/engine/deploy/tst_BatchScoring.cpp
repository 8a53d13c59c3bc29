// Batch scoring with a registered version (issue 10, item 2) on real data. Penguins: version 2
// of the dataset is made by a recipe (fill the gaps, log the mass, scale the beaks, one-hot the
// island); logistic regression is trained on version 2 and registered; scoring the RAW version 1
// (or the raw CSV) gives exactly the probabilities the run's own model gives on version 2, so the
// recipe is applied as in training. German credit: the output's key, prediction, probability and
// decision columns; a missing column and a value that does not convert are errors naming them;
// Cancel at any point leaves no output (and an earlier file untouched). Last, `lathe model
// register` and `lathe predict` (the built binary) do the same on the same project.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <optional>

#include "../RegisteredModel.h"
#include "../ml/MlTestSupport.h"
#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/data/CsvWriter.h"
#include "engine/deploy/BatchScoringJob.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"
#include "engine/wrangle/ApplyRecipeJob.h"
#include "engine/wrangle/StepRegistry.h"

using namespace lathe;
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

wrangle::Recipe penguinRecipe() {
  const std::vector<std::string> measures{"Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"};
  wrangle::Recipe recipe;
  recipe.append(wrangle::StepRegistry::create("fill_missing", {{"columns", measures}, {"strategy", "mean"}}));
  recipe.append(wrangle::StepRegistry::create("fill_missing", {{"columns", {"Sex"}}, {"strategy", "mode"}}));
  recipe.append(wrangle::StepRegistry::create("log", {{"columns", {"Body Mass (g)"}}}));
  recipe.append(wrangle::StepRegistry::create(
      "scale", {{"columns", {"Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)"}}, {"method", "standard"}}));
  recipe.append(wrangle::StepRegistry::create("one_hot", {{"columns", {"Island"}}}));
  return recipe;
}

experiments::TrainedModel runModel(store::Project& project, std::int64_t runId) {
  const auto artifact = *store::RunRepository(project.db()).model(runId);
  return experiments::TrainedModel::deserialize(std::string(artifact.bytes.begin(), artifact.bytes.end()));
}

std::shared_ptr<const data::Table> score(const std::shared_ptr<const store::Project>& project,
                                         deploy::BatchScoringRequest request) {
  deploy::BatchScoringJob job(project, std::move(request));
  mltest::QuietContext quiet;
  job.run(quiet.context);
  return job.result();
}

std::vector<std::string> columnNames(const data::Table& table) {
  std::vector<std::string> out;
  for (const auto& column : table.columns()) out.push_back(column->name());
  return out;
}

const data::Column& col(const data::Table& table, const std::string& name) {
  const auto index = table.indexOf(name);
  if (!index) qFatal("no column %s", name.c_str());
  return table.column(*index);
}

QByteArray firstLine(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return file.readLine().trimmed();
}

// The files in `dir` (names), to see that nothing half-written is left behind.
QStringList filesIn(const QTemporaryDir& dir) { return QDir(dir.path()).entryList(QDir::Files, QDir::Name); }

}  // namespace

class tst_BatchScoring : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path_;
  std::shared_ptr<store::Project> project_;
  std::int64_t penguinsV1_ = 0, penguinsV2_ = 0, penguinRun_ = 0;
  std::int64_t creditV1_ = 0, creditRun_ = 0;
  data::Table credit_;

  void writeCredit(const QString& path, const std::function<std::shared_ptr<const data::Column>(const data::Column&)>& edit) {
    std::vector<std::int64_t> ids(credit_.rowCount());
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<std::int64_t>(1001 + i);
    std::vector<std::shared_ptr<const data::Column>> columns{data::Column::int64("id", ids)};
    for (const auto& column : credit_.columns())
      if (auto edited = edit(*column)) columns.push_back(edited);
    data::CsvWriteOptions options;
    options.escapeFormulas = false;
    mltest::QuietContext quiet;
    data::writeCsv(data::Table(columns), path.toStdString(), options, quiet.context);
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    path_ = dir_.filePath("deploy.lathe").toStdString();
    project_ = store::Project::create(path_, store::ProjectInfo{"Deploy", {}, {}, {}, {}, {}, {}});
    store::DatasetRepository datasets(project_->db());
    penguinsV1_ = datasets.addDataset("penguins", mltest::loadTable("penguins.csv"), {});
    wrangle::ApplyRecipeJob apply(project_, penguinsV1_, penguinRecipe(), "Prepare the penguins");
    mltest::QuietContext quiet;
    apply.run(quiet.context);
    penguinsV2_ = apply.newVersionId();
    penguinRun_ = enginetest::trainRun(project_, penguinsV2_, "Species", "logistic");

    credit_ = mltest::loadTable("credit-g.arff");
    creditV1_ = datasets.addDataset("credit-g", credit_, {});
    creditRun_ = enginetest::trainRun(project_, creditV1_, "class", "logistic");
  }

  void theRecipeIsAppliedAsInTraining() {
    const auto info = enginetest::registerRun(project_, penguinRun_, "penguins");

    store::DatasetRepository datasets(project_->db());
    const data::Table raw = datasets.loadTable(penguinsV1_);
    const data::Table prepared = datasets.loadTable(penguinsV2_);
    QVERIFY(prepared.indexOf("Island=Biscoe") && !prepared.indexOf("Island"));

    // Its lineage: one recipe, the one applied; the schema is the raw data's, target aside.
    deploy::ModelRegistry registry(project_->db());
    const json recipes = registry.recipes(info.id);
    QCOMPARE(recipes.size(), std::size_t{1});
    QCOMPARE(recipes[0]["definition"], penguinRecipe().toJson());
    QVERIFY(recipes[0]["state"].is_array() || recipes[0]["state"].is_object());
    std::vector<std::string> expected;
    for (const auto& column : datasets.columns(penguinsV1_))
      if (column.name != "Species") expected.push_back(column.name);
    std::vector<std::string> schema;
    for (const auto& column : info.inputSchema) schema.push_back(column.name);
    QCOMPARE(schema, expected);
    QCOMPARE(info.inputSchema[0].type, data::ColumnType::Categorical);  // Island, before the one-hot
    QCOMPARE(info.trainingDataHash, datasets.version(penguinsV2_)->contentHash);
    QVERIFY(info.trainingDataHash != datasets.version(penguinsV1_)->contentHash);
    QVERIFY(!info.threshold);  // multiclass: no decision threshold

    // The run's own model wants the prepared columns: raw rows cannot go to it directly.
    const auto model = runModel(*project_, penguinRun_);
    QVERIFY(errorOf([&] { (void)model.encoder.encode(raw); }));
    const auto want = model.estimator->predictProba(model.encoder.encode(prepared));
    const auto wantLabels = model.estimator->predict(model.encoder.encode(prepared));

    // Scoring the raw version and the raw file gives exactly what the model gives on version 2.
    deploy::BatchScoringRequest fromVersion;
    fromVersion.model = "penguins";
    fromVersion.datasetVersionId = penguinsV1_;
    deploy::BatchScoringRequest fromFile;
    fromFile.model = "penguins:1";
    fromFile.inputPath = mltest::datasetPath("penguins.csv");
    fromFile.outputPath = dir_.filePath("penguins-scored.csv").toStdString();
    for (const auto& request : {fromVersion, fromFile}) {
      const auto scored = score(project_, request);
      QCOMPARE(columnNames(*scored), (std::vector<std::string>{"prediction", "probability_Adelie",
                                                                "probability_Chinstrap", "probability_Gentoo"}));
      QCOMPARE(scored->rowCount(), std::size_t{344});
      const auto& classes = model.encoder.classes();
      for (std::size_t k = 0; k < classes.size(); ++k) {
        const auto values = col(*scored, "probability_" + classes[k]).float64Values();
        for (std::size_t row = 0; row < 344; ++row) QCOMPARE(values[row], want.at(row, k));
      }
      for (std::size_t row = 0; row < 344; ++row)
        QCOMPARE(col(*scored, "prediction").displayText(row), classes[static_cast<std::size_t>(wantLabels[row])]);
    }
    // The file holds the same, read back.
    const data::Table written = [&] {
      mltest::QuietContext q;
      data::ImportRequest file;
      file.path = fromFile.outputPath;
      return data::DataImporter::import(file, q.context).table;
    }();
    QCOMPARE(written.rowCount(), std::size_t{344});
    for (std::size_t row = 0; row < 344; ++row)
      QCOMPARE(col(written, "probability_Gentoo").numericAt(row), want.at(row, 2));
    // Training accuracy on 344 penguins is near perfect (sklearn's logistic: 0.99 by CV).
    std::size_t right = 0;
    const auto& species = col(raw, "Species");
    for (std::size_t row = 0; row < 344; ++row) right += col(written, "prediction").displayText(row) == species.displayText(row);
    QVERIFY2(right >= 335, std::to_string(right).c_str());
  }

  void aLineageOfTwoRecipesIsRepeatedInOrder() {
    wrangle::Recipe second;
    second.append(wrangle::StepRegistry::create("one_hot", {{"columns", {"Sex"}}, {"drop_first", true}}));
    wrangle::ApplyRecipeJob apply(project_, penguinsV2_, second, "Encode sex");
    mltest::QuietContext quiet;
    apply.run(quiet.context);
    const auto runId = enginetest::trainRun(project_, apply.newVersionId(), "Species", "logistic");
    const auto info = enginetest::registerRun(project_, runId, "penguins two steps");
    const json recipes = deploy::ModelRegistry(project_->db()).recipes(info.id);
    QCOMPARE(recipes.size(), std::size_t{2});
    QCOMPARE(recipes[0]["definition"], penguinRecipe().toJson());
    QCOMPARE(recipes[1]["definition"], second.toJson());
    QCOMPARE(info.inputSchema.size(), std::size_t{6});  // still the raw columns, Species aside

    const auto model = runModel(*project_, runId);
    const auto want = model.estimator->predictProba(model.encoder.encode(*apply.table()));
    deploy::BatchScoringRequest request;
    request.model = "penguins two steps";
    request.datasetVersionId = penguinsV1_;
    const auto scored = score(project_, request);
    for (std::size_t row = 0; row < 344; ++row)
      for (std::size_t k = 0; k < 3; ++k)
        QCOMPARE(col(*scored, "probability_" + model.encoder.classes()[k]).numericAt(row), want.at(row, k));
  }

  void theOutputHoldsKeysPredictionsProbabilitiesAndDecisions() {
    enginetest::registerRun(project_, creditRun_, "credit");
    const auto model = runModel(*project_, creditRun_);
    const auto want = model.estimator->predictProba(model.encoder.encode(credit_));

    const QString input = dir_.filePath("applicants.csv");
    writeCredit(input, [](const data::Column& c) { return std::shared_ptr<const data::Column>(c.renamed(c.name())); });
    deploy::BatchScoringRequest request;
    request.model = "credit:1";
    request.inputPath = input.toStdString();
    request.outputPath = dir_.filePath("decisions.csv").toStdString();
    const auto scored = score(project_, request);
    // "id" is id-like, so it is the default key; the decision at 0.5 (no cost matrix).
    QCOMPARE(firstLine(dir_.filePath("decisions.csv")), QByteArray("id,prediction,probability_bad,probability_good,decision"));
    QCOMPARE(columnNames(*scored), (std::vector<std::string>{"id", "prediction", "probability_bad", "probability_good", "decision"}));
    for (std::size_t row = 0; row < credit_.rowCount(); ++row) {
      QCOMPARE(col(*scored, "id").numericAt(row), double(1001 + row));
      QCOMPARE(col(*scored, "probability_good").numericAt(row), want.at(row, 1));
      QCOMPARE(col(*scored, "probability_bad").numericAt(row), want.at(row, 0));
      QCOMPARE(col(*scored, "decision").displayText(row), std::string(want.at(row, 1) >= 0.5 ? "good" : "bad"));
    }
    QVERIFY(!filesIn(dir_).join(' ').contains("partial"));

    // Keys chosen by name, in that order; the ARFF itself (no id-like column) has none.
    request.keys = {"purpose", "age"};
    QCOMPARE(columnNames(*score(project_, request)),
             (std::vector<std::string>{"purpose", "age", "prediction", "probability_bad", "probability_good", "decision"}));
    request.keys = {"nope"};
    const auto badKey = errorOf([&] { score(project_, request); });
    QVERIFY(badKey && badKey->code() == ErrorCode::InvalidArgument && badKey->value() == "nope");
    deploy::BatchScoringRequest arff;
    arff.model = "credit";
    arff.inputPath = mltest::datasetPath("credit-g.arff");
    QCOMPARE(columnNames(*score(project_, arff)).front(), std::string("prediction"));

    QCOMPARE(deploy::BatchScoringJob::idLikeColumns(data::Table({data::Column::int64("id", {1}), data::Column::int64("idea", {1}),
                                                                 data::Column::int64("customer_id", {1}), data::Column::int64("valid", {1}),
                                                                 data::Column::int64("Order ID", {1}), data::Column::int64("_id", {1})})),
             (std::vector<std::string>{"id", "customer_id", "Order ID"}));
  }

  void aMissingColumnIsNamed() {
    const QString input = dir_.filePath("no-age.csv");
    writeCredit(input, [](const data::Column& c) {
      return c.name() == "age" ? nullptr : std::shared_ptr<const data::Column>(c.renamed(c.name()));
    });
    deploy::BatchScoringRequest request;
    request.model = "credit";
    request.inputPath = input.toStdString();
    request.outputPath = dir_.filePath("no-age-scored.csv").toStdString();
    const auto error = errorOf([&] { score(project_, request); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::InvalidArgument);
    QCOMPARE(error->value(), std::string("age"));
    QVERIFY2(std::string(error->what()).find("\"age\"") != std::string::npos, error->what());
    QVERIFY(!QFile::exists(dir_.filePath("no-age-scored.csv")));
  }

  void aValueThatDoesNotConvertIsNamedWithItsRow() {
    const QString input = dir_.filePath("bad-duration.csv");
    writeCredit(input, [](const data::Column& c) -> std::shared_ptr<const data::Column> {
      if (c.name() != "duration") return c.renamed(c.name());
      std::vector<std::string> cells;
      for (std::size_t row = 0; row < c.size(); ++row) cells.push_back(row == 6 ? "twelve" : c.displayText(row));
      std::vector<std::int32_t> codes(cells.size());
      std::vector<std::string> levels;
      for (std::size_t row = 0; row < cells.size(); ++row) {
        auto at = std::find(levels.begin(), levels.end(), cells[row]);
        if (at == levels.end()) at = levels.insert(levels.end(), cells[row]);
        codes[row] = static_cast<std::int32_t>(at - levels.begin());
      }
      return data::Column::categorical("duration", codes, levels);
    });
    deploy::BatchScoringRequest request;
    request.model = "credit";
    request.inputPath = input.toStdString();
    request.outputPath = dir_.filePath("bad-scored.csv").toStdString();
    const auto error = errorOf([&] { score(project_, request); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::InvalidArgument);
    QCOMPARE(error->value(), std::string("duration"));
    const std::string what = error->what();
    for (const char* part : {"\"duration\"", "twelve", "row 7"}) QVERIFY2(what.find(part) != std::string::npos, what.c_str());
    QVERIFY(!QFile::exists(dir_.filePath("bad-scored.csv")));
  }

  void cancelLeavesNoOutput() {
    const QString output = dir_.filePath("cancelled.csv");
    const QStringList before = filesIn(dir_);
    int cancelled = 0;
    for (const double at : {0.0, 0.1, 0.3, 0.5, 0.7, 0.79, 0.85, 0.95}) {
      deploy::BatchScoringRequest request;
      request.model = "credit";
      request.datasetVersionId = creditV1_;
      request.outputPath = output.toStdString();
      deploy::BatchScoringJob job(project_, request);
      std::stop_source stop;
      StoppingSink sink(stop, at);
      jobs::JobContext context(stop.get_token(), sink);
      try {
        job.run(context);
      } catch (const jobs::JobCancelled&) {
        ++cancelled;
        QVERIFY2(!QFile::exists(output), qPrintable(QString::number(at)));
        QCOMPARE(filesIn(dir_), before);
        continue;
      }
      // Stopped too late to matter: then the file is there, whole.
      QVERIFY2(at >= 0.8, qPrintable(QString("not cancelled when stopped at %1").arg(at)));
      QFile file(output);
      QVERIFY(file.open(QIODevice::ReadOnly));
      QCOMPARE(file.readAll().count('\n'), 1001);
      file.close();
      QVERIFY(QFile::remove(output));
    }
    QVERIFY(cancelled >= 6);

    // A cancelled run leaves an earlier output as it was.
    {
      QFile file(output);
      QVERIFY(file.open(QIODevice::WriteOnly));
      file.write("earlier,result\n1,2\n");
    }
    deploy::BatchScoringRequest request;
    request.model = "credit";
    request.datasetVersionId = creditV1_;
    request.outputPath = output.toStdString();
    deploy::BatchScoringJob job(project_, request);
    std::stop_source stop;
    StoppingSink sink(stop, 0.5);
    jobs::JobContext context(stop.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, job.run(context));
    QCOMPARE(firstLine(output), QByteArray("earlier,result"));
    QVERIFY(!filesIn(dir_).join(' ').contains("partial"));
  }

  void theCommandLineScoresTheSameWay() {
    const QString lathe = QCoreApplication::applicationDirPath() + "/../app/lathe";
    if (!QFile::exists(lathe)) QFAIL(qPrintable("build the lathe target first: no " + lathe));
    const auto model = runModel(*project_, penguinRun_);
    const auto want = model.estimator->predictProba(model.encoder.encode(store::DatasetRepository(project_->db()).loadTable(penguinsV2_)));
    const std::string hash = store::DatasetRepository(project_->db()).version(penguinsV2_)->contentHash;
    project_.reset();  // the CLI refuses a project open for writing elsewhere
    const auto cli = [&](const QStringList& args) {
      QProcess process;
      process.start(lathe, args);
      if (!process.waitForFinished(120000)) qFatal("lathe did not finish");
      return std::make_pair(process.exitCode(), QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()));
    };
    const QString project = QString::fromStdString(path_);
    const auto registered = cli({"model", "register", project, QString::number(penguinRun_), "--name", "cli penguins", "--json"});
    QVERIFY2(registered.first == 0, qPrintable(registered.second));
    const QJsonObject info = QJsonDocument::fromJson(registered.second.toUtf8()).object();
    QCOMPARE(info.value("version").toInt(), 1);
    QCOMPARE(info.value("run").toInteger(), penguinRun_);
    QCOMPARE(info.value("task").toString(), QString("multiclass"));
    QCOMPARE(info.value("training_data_hash").toString().toStdString(), hash);
    QCOMPARE(info.value("input_schema").toArray().size(), 6);
    QCOMPARE(info.value("input_schema").toArray().at(0).toObject().value("name").toString(), QString("Island"));

    const QString output = dir_.filePath("cli-scored.csv");
    const auto predicted = cli({"predict", project, "--model", "cli penguins:1", "--input",
                                QString::fromStdString(mltest::datasetPath("penguins.csv")), "--output", output, "--json"});
    QVERIFY2(predicted.first == 0, qPrintable(predicted.second));
    QCOMPARE(QJsonDocument::fromJson(predicted.second.toUtf8()).object().value("rows").toInt(), 344);
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readLine().trimmed(), QByteArray("prediction,probability_Adelie,probability_Chinstrap,probability_Gentoo"));
    for (std::size_t row = 0; row < 344; ++row) {
      const QList<QByteArray> cells = file.readLine().trimmed().split(',');
      QCOMPARE(cells.size(), 4);
      for (std::size_t k = 0; k < 3; ++k) QCOMPARE(cells[int(k) + 1].toDouble(), want.at(row, k));
    }
    project_ = store::Project::open(path_);
  }
};

QTEST_GUILESS_MAIN(tst_BatchScoring)
#include "tst_BatchScoring.moc"
