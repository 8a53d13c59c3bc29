// Labels joined to an endpoint's logged answers (issue 10, item 4) on a real project: penguins,
// logistic regression and a decision tree registered as penguins:1 and penguins:2, an endpoint
// serving both keyed by "id". The answers are written by the request log (RequestLog, as the
// server writes them); the labels are a CSV read by the importer. A key answered twice counts
// with its latest answer; answers without a label and labels without an answer are counted;
// unsampled requests, answers without a key and labels left empty are left out; a missing key
// or label column is named; the positive class turns a row's p into the positive probability;
// regression answers join by value. AbTestJob then compares the variants on the real scores.
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <optional>

#include "../ml/MlTestSupport.h"
#include "TestFiles.h"
#include "engine/core/Error.h"
#include "engine/data/ColumnGather.h"
#include "engine/deploy/AbLabelJoin.h"
#include "engine/deploy/AbTestJob.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/deploy/RegisterModelJob.h"
#include "engine/deploy/RequestLog.h"
#include "engine/experiments/TrainModelJob.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"

using namespace lathe;
using deploy::AbLabelJoin;
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

#define QVERIFY_ERROR(statement, errorCode, needle)                                                   \
  do {                                                                                                \
    const auto error_ = errorOf([&] { statement; });                                                  \
    QVERIFY2(error_.has_value(), "no error from: " #statement);                                       \
    QVERIFY2(error_->code() == (errorCode), error_->what());                                          \
    QVERIFY2(std::string(error_->what()).find(needle) != std::string::npos, error_->what());          \
  } while (0)

data::Table importCsv(const QString& path) {
  mltest::QuietContext quiet;
  data::ImportRequest request;
  request.path = path.toStdString();
  return data::DataImporter::import(request, quiet.context).table;
}

const deploy::AbRecord* recordOf(const AbLabelJoin::Result& result, const std::string& actual, const std::string& predicted) {
  for (const auto& r : result.records)
    if (r.actualLabel == actual && r.predictedLabel == predicted) return &r;
  return nullptr;
}

}  // namespace

class tst_AbLabelJoin : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::shared_ptr<store::Project> project_;
  data::Table penguins_;
  deploy::ModelVersionInfo logistic_, tree_;

  deploy::ModelVersionInfo trainAndRegister(std::int64_t dataset, const std::string& algorithm) {
    experiments::TrainingRequest request;
    request.datasetVersionId = dataset;
    request.target = "Species";
    request.algorithm = algorithm;
    request.parameters = {{"impute", "median"}};  // penguins have a few missing measurements
    request.learningCurve = false;
    experiments::TrainModelJob training(project_, request);
    mltest::QuietContext quiet;
    training.run(quiet.context);
    deploy::RegisterModelJob registering(project_, training.result().id, "penguins");
    registering.run(quiet.context);
    return registering.registered();
  }

  std::int64_t endpoint(const std::string& name) {
    deploy::EndpointRegistry endpoints(project_->db());
    if (const auto found = endpoints.find(name)) return found->id;
    return endpoints
        .create(name, {{logistic_.reference(), logistic_.id, 0.5, "variant"}, {tree_.reference(), tree_.id, 0.5, "variant"}},
                {{"key_column", "id"}, {"sampling", 1.0}})
        .id;
  }

  // Writes `records` through the request log, as the server's hook does, and waits for them.
  void log(const std::vector<deploy::RequestLog::Record>& records) {
    deploy::RequestLog log(project_->connect());
    for (const auto& r : records) QVERIFY(log.append(r));
    log.flush();
    QCOMPARE(log.counts().written, std::uint64_t(records.size()));
  }
  static deploy::RequestLog::Record answer(std::int64_t endpointId, const std::string& variant, const json& output,
                                           std::optional<std::string> input = "[]") {
    return {endpointId, variant, std::chrono::system_clock::now(), 200, 2.5, static_cast<std::int64_t>(output.size()),
            std::move(input), output.dump()};
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    project_ = store::Project::create(dir_.filePath("ab.lathe").toStdString(), store::ProjectInfo{"AB", {}, {}, {}, {}, {}, {}});
    penguins_ = mltest::loadTable("penguins.csv");
    const auto dataset = store::DatasetRepository(project_->db()).addDataset("penguins", penguins_, {});
    logistic_ = trainAndRegister(dataset, "logistic");
    tree_ = trainAndRegister(dataset, "tree");
    QCOMPARE(tree_.reference(), std::string("penguins:2"));
  }

  void theLatestAnswerPerKeyIsJoinedToItsLabel() {
    const auto id = endpoint("keyed");
    log({answer(id, "penguins:1", json::array({{{"key", "1"}, {"label", "Adelie"}, {"p", 0.9}},
                                               {{"key", "2"}, {"label", "Gentoo"}, {"p", 0.8}},
                                               {{"key", "3"}, {"label", "Adelie"}, {"p", 0.6}}})),
         answer(id, "penguins:2", json::array({{{"key", "4"}, {"label", "Chinstrap"}, {"p", 0.7}},
                                               {{"key", "5"}, {"label", "Gentoo"}, {"p", 0.99}},
                                               {{"key", nullptr}, {"label", "Gentoo"}, {"p", 0.5}}})),  // no key: no join
         // Key 3 again, later, by the other variant: this answer counts.
         answer(id, "penguins:2", json::array({{{"key", "3"}, {"label", "Chinstrap"}, {"p", 0.55}}})),
         // Answered, never labelled.
         answer(id, "penguins:1", json::array({{{"key", "77"}, {"label", "Adelie"}, {"p", 0.9}},
                                               {{"key", "78"}, {"label", "Adelie"}, {"p", 0.9}}})),
         // Not sampled: counts and latency only, nothing to join.
         {id, "penguins:1", std::chrono::system_clock::now(), 200, 1.0, 4, std::nullopt, std::nullopt},
         // A failed request's row.
         {id, "penguins:2", std::chrono::system_clock::now(), 500, 1.0, 1, std::nullopt, std::nullopt}});
    // Another endpoint's answers are not this one's.
    log({answer(endpoint("elsewhere"), "penguins:1", json::array({{{"key", "1"}, {"label", "Gentoo"}, {"p", 0.9}}}))});

    const QString labelsPath = writeTestFile(dir_, "labels.csv",
                                             "id,species,note\n"
                                             "1,Adelie,a\n"
                                             "2,Adelie,b\n"
                                             "3,Chinstrap,c\n"
                                             "4,Chinstrap,d\n"
                                             "5,Gentoo,e\n"
                                             "6,Gentoo,never asked\n"
                                             "7,Adelie,never asked\n"
                                             "8,,no label yet\n");
    const data::Table labels = importCsv(labelsPath);
    const auto result = AbLabelJoin::join(project_->db(), id, labels, "id", "species");
    QCOMPARE(result.records.size(), std::size_t{5});
    QCOMPARE(result.labelsWithoutAnswer, std::size_t{2});   // 6 and 7 (8 has no label)
    QCOMPARE(result.answeredWithoutLabel, std::size_t{2});  // 77 and 78

    std::map<std::string, int> perVariant;
    int right = 0;
    for (const auto& r : result.records) {
      ++perVariant[r.variant];
      right += r.actualLabel == r.predictedLabel;
      QVERIFY(!r.positiveProbability.has_value());  // no positive class asked for
      QVERIFY(std::isnan(r.actualValue));
    }
    QCOMPARE(perVariant["penguins:1"], 2);
    QCOMPARE(perVariant["penguins:2"], 3);
    QCOMPARE(right, 4);  // all but key 2 (Gentoo for an Adelie)
    // Key 3: the tree's later Chinstrap, not the logistic's Adelie.
    const auto* three = recordOf(result, "Chinstrap", "Chinstrap");
    QVERIFY(three);
    QVERIFY(!recordOf(result, "Chinstrap", "Adelie"));
    const auto* two = recordOf(result, "Adelie", "Gentoo");
    QVERIFY(two);
    QCOMPARE(two->variant, std::string("penguins:1"));

    // The positive class turns each row's p (of its predicted class) into P(positive).
    const auto positive = AbLabelJoin::join(project_->db(), id, labels, "id", "species", "Adelie");
    for (const auto& r : positive.records) {
      QVERIFY(r.positiveProbability.has_value());
      if (r.predictedLabel == "Adelie") QCOMPARE(*r.positiveProbability, 0.9);  // key 1
      if (r.predictedLabel == "Gentoo" && r.actualLabel == "Adelie") QVERIFY(std::abs(*r.positiveProbability - 0.2) < 1e-12);
    }

    // A key labelled twice is one record, with its last label (a correction): not counted twice.
    const data::Table twice =
        importCsv(writeTestFile(dir_, "twice.csv", "id,species\n1,Adelie\n1,Adelie\n2,Gentoo\n2,Adelie\n"));
    const auto again = AbLabelJoin::join(project_->db(), id, twice, "id", "species");
    QCOMPARE(again.records.size(), std::size_t{2});
    QCOMPARE(again.labelsRepeated, std::size_t{2});
    QVERIFY(recordOf(again, "Adelie", "Adelie"));  // key 1
    QVERIFY(recordOf(again, "Adelie", "Gentoo"));  // key 2, relabelled Adelie
    QVERIFY(!recordOf(again, "Gentoo", "Gentoo"));
    QCOMPARE(again.answeredWithoutLabel, std::size_t{5});  // 3, 4, 5, 77 and 78
    QCOMPARE(again.labelsWithoutAnswer, std::size_t{0});
    QCOMPARE(result.labelsRepeated, std::size_t{0});

    // Missing columns are named.
    QVERIFY_ERROR(AbLabelJoin::join(project_->db(), id, labels, "customer", "species"), ErrorCode::InvalidArgument,
                  "no key column \"customer\"");
    QVERIFY_ERROR(AbLabelJoin::join(project_->db(), id, labels, "id", "truth"), ErrorCode::InvalidArgument,
                  "no label column \"truth\"");
    // An endpoint without logged answers: every label lacks one.
    const auto none = AbLabelJoin::join(project_->db(), endpoint("silent"), labels, "id", "species");
    QVERIFY(none.records.empty());
    QCOMPARE(none.labelsWithoutAnswer, std::size_t{7});
    QCOMPARE(none.answeredWithoutLabel, std::size_t{0});
  }

  void regressionAnswersJoinByValue() {
    const auto id = endpoint("regression");
    log({answer(id, "penguins:1", json::array({{{"key", "a"}, {"value", 3750.5}}, {{"key", "b"}, {"value", 4000.0}}})),
         answer(id, "penguins:2", json::array({{{"key", "c"}, {"value", nullptr}}}))});
    const data::Table labels = importCsv(writeTestFile(dir_, "masses.csv", "customer,mass\na,3800\nb,3900.5\nc,4100\n"));
    const auto result = AbLabelJoin::join(project_->db(), id, labels, "customer", "mass");
    QCOMPARE(result.records.size(), std::size_t{3});
    std::map<std::string, const deploy::AbRecord*> byActual;
    for (const auto& r : result.records) {
      QVERIFY(r.actualLabel.empty() && r.predictedLabel.empty());
      if (r.actualValue == 3800.0) QCOMPARE(r.predictedValue, 3750.5);
      else if (r.actualValue == 3900.5) QCOMPARE(r.predictedValue, 4000.0);
      else {
        QCOMPARE(r.actualValue, 4100.0);
        QVERIFY(std::isnan(r.predictedValue));  // the model gave no value
        QCOMPARE(r.variant, std::string("penguins:2"));
      }
    }
  }

  void keysWithLeadingZerosMeetTheirLabels() {
    // The server logs a key as the text the client sent; a labels file of "007" must not be
    // read as the number 7 and miss it.
    const auto id = endpoint("padded");
    log({answer(id, "penguins:1", json::array({{{"key", "007"}, {"label", "Adelie"}, {"p", 0.9}}})),
         answer(id, "penguins:2", json::array({{{"key", "0815"}, {"label", "Gentoo"}, {"p", 0.9}}}))});
    const QString labels = writeTestFile(dir_, "padded.csv", "customer,species\n007,Adelie\n0815,Adelie\n9,Gentoo\n");
    deploy::AbTestJob job(project_, "padded", labels.toStdString(), "customer", "species", {});
    mltest::QuietContext quiet;
    job.run(quiet.context);
    QCOMPARE(job.joined().records.size(), std::size_t{2});
    QCOMPARE(job.joined().labelsWithoutAnswer, std::size_t{1});
    QCOMPARE(job.joined().answeredWithoutLabel, std::size_t{0});
    QCOMPARE(job.result().variants.size(), std::size_t{2});
  }

  void abTestJobComparesTheVariantsOnRealScores() {
    // Each penguin (its row number is its id) sent once; the key picks the variant, as the
    // server does; the answers are the variants' real predictions.
    const auto id = endpoint("real");
    deploy::ModelRegistry registry(project_->db());
    const auto logistic = registry.load(logistic_.id);
    const auto tree = registry.load(tree_.id);
    std::vector<std::size_t> toLogistic, toTree;
    for (std::size_t r = 0; r < penguins_.rowCount(); ++r) (r % 2 ? toTree : toLogistic).push_back(r);
    std::map<std::string, std::pair<int, int>> expected;  // variant -> (right, rows)
    std::vector<deploy::RequestLog::Record> records;
    const data::Column& species = penguins_.column(*penguins_.indexOf("Species"));
    for (const auto& [variant, model, rows] :
         {std::tuple{logistic_.reference(), logistic, toLogistic}, std::tuple{tree_.reference(), tree, toTree}}) {
      const auto scored = model->score(data::gatherTable(penguins_, rows));
      json output = json::array();
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::size_t k = static_cast<std::size_t>(scored.predicted[i]);
        output.push_back({{"key", std::to_string(1000 + rows[i])}, {"label", scored.classes[k]}, {"p", scored.probabilities.at(i, k)}});
        if (!species.isValid(rows[i])) continue;
        expected[variant].second += 1;
        expected[variant].first += scored.classes[k] == species.displayText(rows[i]);
      }
      records.push_back(answer(id, variant, output));
    }
    log(records);
    QByteArray csv = "penguin,Species\n";
    for (std::size_t r = 0; r < penguins_.rowCount(); ++r)
      csv += QByteArray::number(qulonglong(1000 + r)) + "," + QByteArray::fromStdString(species.displayText(r)) + "\n";
    const QString labels = writeTestFile(dir_, "species.csv", csv);

    deploy::AbTestJob job(project_, "real", labels.toStdString(), "penguin", "Species", {});
    mltest::QuietContext quiet;
    job.run(quiet.context);
    QCOMPARE(job.joined().records.size(), std::size_t(expected["penguins:1"].second + expected["penguins:2"].second));
    QCOMPARE(job.joined().labelsWithoutAnswer, std::size_t{0});
    QCOMPARE(job.joined().answeredWithoutLabel, std::size_t{0});
    const auto& result = job.result();
    QCOMPARE(result.metric, std::string("accuracy"));
    QCOMPARE(result.method, deploy::AbMethod::TwoProportionZTest);
    QCOMPARE(result.variants.size(), std::size_t{2});
    for (const auto& v : result.variants) {
      const auto [right, rows] = expected[v.variant];
      QCOMPARE(v.rows, std::size_t(rows));
      QVERIFY(std::abs(v.value - double(right) / rows) < 1e-12);
      QVERIFY(v.value > 0.9);  // both models know their penguins
      QVERIFY(v.interval.low <= v.value && v.value <= v.interval.high);
    }
    QCOMPARE(result.comparisons.size(), std::size_t{1});
    QVERIFY(!result.comparisons[0].sentence.empty());

    // A labels file without the key column: the job fails naming it.
    deploy::AbTestJob wrong(project_, "real", labels.toStdString(), "id", "Species", {});
    QVERIFY_ERROR(wrong.run(quiet.context), ErrorCode::InvalidArgument, "\"id\"");
  }
};

QTEST_GUILESS_MAIN(tst_AbLabelJoin)
#include "tst_AbLabelJoin.moc"
