#include <QtTest>

#include "FeatureTestSupport.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/wrangle/OneHotEncodeStep.h"
#include "engine/wrangle/OrdinalEncodeStep.h"

using lathe::ErrorCode;
using lathe::data::Column;
using lathe::data::ColumnType;
using lathe::data::Table;
using lathe::wrangle::OneHotEncodeStep;
using lathe::wrangle::OrdinalEncodeStep;
using lathe::wrangle::StepRegistry;
using namespace feature_test;

namespace {

// The penguins on islands other than Torgersen: training rows that never saw Torgersen.
Table withoutTorgersen(const Table& penguins) {
  const Column& island = columnOf(penguins, "Island");
  std::vector<std::size_t> rows;
  for (std::size_t row = 0; row < penguins.rowCount(); ++row)
    if (island.displayText(row) != "Torgersen") rows.push_back(row);
  return lathe::data::gatherTable(penguins, rows);
}

std::size_t rowsWithNoTrue(const Table& table, const std::vector<std::string>& columns) {
  std::size_t n = 0;
  for (std::size_t row = 0; row < table.rowCount(); ++row) {
    bool any = false;
    for (const auto& name : columns) any = any || columnOf(table, name).boolValues()[row];
    n += !any;
  }
  return n;
}

}  // namespace

class tst_EncodingSteps : public QObject {
  Q_OBJECT
 private slots:
  // Expected counts: pandas.get_dummies on the same files (/usr/bin/python3, computed once).
  void oneHotPenguinsIsland() {
    const Table penguins = importDataset("penguins.csv");
    OneHotEncodeStep step({"Island"});
    step.fit(penguins, nullptr);
    QCOMPARE(step.levels("Island"), (std::vector<std::string>{"Biscoe", "Dream", "Torgersen"}));
    const Table out = step.apply(penguins, nullptr);
    QCOMPARE(namesOf(out), (std::vector<std::string>{"Species", "Island=Biscoe", "Island=Dream", "Island=Torgersen",
                                                      "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)",
                                                      "Body Mass (g)", "Sex"}));
    QCOMPARE(columnOf(out, "Island=Dream").type(), ColumnType::Bool);
    QCOMPARE(countTrue(columnOf(out, "Island=Biscoe")), size_t(168));
    QCOMPARE(countTrue(columnOf(out, "Island=Dream")), size_t(124));
    QCOMPARE(countTrue(columnOf(out, "Island=Torgersen")), size_t(52));
    QCOMPARE(out.rowCount(), penguins.rowCount());
  }

  void oneHotMissingIsAllFalse() {
    // pandas: {'.': 1, 'FEMALE': 165, 'MALE': 168} and 10 missing.
    const Table penguins = importDataset("penguins.csv");
    OneHotEncodeStep step({"Sex"});
    step.fit(penguins, nullptr);
    const Table out = step.apply(penguins, nullptr);
    QCOMPARE(countTrue(columnOf(out, "Sex=.")), size_t(1));
    QCOMPARE(countTrue(columnOf(out, "Sex=FEMALE")), size_t(165));
    QCOMPARE(countTrue(columnOf(out, "Sex=MALE")), size_t(168));
    QCOMPARE(rowsWithNoTrue(out, {"Sex=.", "Sex=FEMALE", "Sex=MALE"}), size_t(10));
  }

  void oneHotUnseenCategory_data() {
    QTest::addColumn<QString>("unseen");
    QTest::newRow("zeros") << "zeros";
    QTest::newRow("error") << "error";
    QTest::newRow("other") << "other";
  }
  void oneHotUnseenCategory() {
    QFETCH(QString, unseen);
    const Table penguins = importDataset("penguins.csv");
    const Table training = withoutTorgersen(penguins);
    QCOMPARE(training.rowCount(), size_t(344 - 52));
    auto step = StepRegistry::create("one_hot", {{"columns", {"Island"}}, {"unseen", unseen.toStdString()}});
    step->fit(training, nullptr);
    QCOMPARE(countTrue(columnOf(step->apply(training, nullptr), "Island=Dream")), size_t(124));
    if (unseen == "error") {
      const auto error = errorOf([&] { step->apply(penguins, nullptr); });
      QVERIFY(error);
      QCOMPARE(error->code(), ErrorCode::InvalidArgument);
      const QString message = QString::fromStdString(error->message());
      QVERIFY2(message.contains("'Island'") && message.contains("'Torgersen'") && message.contains("one-hot"),
               qPrintable(message));
      return;
    }
    const Table out = step->apply(penguins, nullptr);
    QVERIFY(!out.indexOf("Island=Torgersen"));
    QCOMPARE(countTrue(columnOf(out, "Island=Biscoe")), size_t(168));
    if (unseen == "zeros") {
      QCOMPARE(rowsWithNoTrue(out, {"Island=Biscoe", "Island=Dream"}), size_t(52));
      QVERIFY(!out.indexOf("Island=(other)"));
    } else {
      QCOMPARE(countTrue(columnOf(out, "Island=(other)")), size_t(52));
      QCOMPARE(rowsWithNoTrue(out, {"Island=Biscoe", "Island=Dream", "Island=(other)"}), size_t(0));
    }
  }

  void oneHotDropFirst() {
    const Table penguins = importDataset("penguins.csv");
    OneHotEncodeStep step({"Island", "Species"}, OneHotEncodeStep::Unseen::Zeros, true);
    step.fit(penguins, nullptr);
    const Table out = step.apply(penguins, nullptr);
    QVERIFY(!out.indexOf("Island=Biscoe"));
    QVERIFY(!out.indexOf("Species=Adelie"));
    QCOMPARE(countTrue(columnOf(out, "Island=Torgersen")), size_t(52));
    QCOMPARE(out.columnCount(), size_t(5 + 2 + 2));
  }

  void oneHotCreditG() {
    // pandas.get_dummies(credit_g.purpose).sum()
    const Table credit = importDataset("credit-g.arff");
    OneHotEncodeStep step({"purpose", "checking_status"});
    step.fit(credit, nullptr);
    const Table out = step.apply(credit, nullptr);
    QCOMPARE(step.levels("purpose").size(), size_t(10));
    QCOMPARE(countTrue(columnOf(out, "purpose=radio/tv")), size_t(280));
    QCOMPARE(countTrue(columnOf(out, "purpose=new car")), size_t(234));
    QCOMPARE(countTrue(columnOf(out, "purpose=domestic appliance")), size_t(12));
    QCOMPARE(countTrue(columnOf(out, "purpose=retraining")), size_t(9));
    QCOMPARE(out.columnCount(), credit.columnCount() - 2 + 10 + 4);
  }

  void oneHotRefusesTooManyLevels() {
    const Table credit = importDataset("credit-g.arff");
    auto step = StepRegistry::create("one_hot", {{"columns", {"purpose"}}, {"max_levels", 5}});
    const auto error = errorOf([&] { step->fit(credit, nullptr); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::InvalidArgument);
    const QString message = QString::fromStdString(error->message());
    QVERIFY2(message.contains("'purpose'") && message.contains("10 categories") && message.contains("ordinal") &&
                 message.contains("target encoding"),
             qPrintable(message));
  }

  void ordinalOrders() {
    // pandas.unique (appearance) and sklearn OrdinalEncoder (sorted) on credit-g checking_status,
    // first ten rows: '<0','0<=X<200','no checking','<0','<0','no checking','no checking',
    // '0<=X<200','no checking','0<=X<200'.
    const Table credit = importDataset("credit-g.arff");
    OrdinalEncodeStep appearance({"checking_status"});
    appearance.fit(credit, nullptr);
    const Table byAppearance = appearance.apply(credit, nullptr);
    const Column& a = columnOf(byAppearance, "checking_status");
    QCOMPARE(a.type(), ColumnType::Int64);
    const std::vector<std::int64_t> expectedAppearance{0, 1, 2, 0, 0, 2, 2, 1, 2, 1};
    QCOMPARE(std::vector<std::int64_t>(a.int64Values().begin(), a.int64Values().begin() + 10), expectedAppearance);
    QCOMPARE(appearance.fittedState()["levels"]["checking_status"],
             nlohmann::json({"<0", "0<=X<200", "no checking", ">=200"}));

    OrdinalEncodeStep sorted({"checking_status"}, OrdinalEncodeStep::Order::Sorted);
    sorted.fit(credit, nullptr);
    const Table bySorting = sorted.apply(credit, nullptr);
    const Column& s = columnOf(bySorting, "checking_status");
    const std::vector<std::int64_t> expectedSorted{1, 0, 3, 1, 1, 3, 3, 0, 3, 0};
    QCOMPARE(std::vector<std::int64_t>(s.int64Values().begin(), s.int64Values().begin() + 10), expectedSorted);
  }

  void ordinalUnseenAndMissing() {
    const Table penguins = importDataset("penguins.csv");
    const Table training = withoutTorgersen(penguins);
    OrdinalEncodeStep missing({"Island", "Sex"}, OrdinalEncodeStep::Order::Sorted, OrdinalEncodeStep::Unseen::Missing);
    missing.fit(training, nullptr);
    const Table out = missing.apply(penguins, nullptr);
    QCOMPARE(columnOf(out, "Island").missingCount(), size_t(52));
    QCOMPARE(columnOf(out, "Sex").missingCount(), size_t(10));  // missing stays missing

    OrdinalEncodeStep minusOne({"Island"}, OrdinalEncodeStep::Order::Sorted, OrdinalEncodeStep::Unseen::MinusOne);
    minusOne.fit(training, nullptr);
    const Table encoded = minusOne.apply(penguins, nullptr);
    const Column& island = columnOf(encoded, "Island");
    QCOMPARE(island.missingCount(), size_t(0));
    QCOMPARE(std::count(island.int64Values().begin(), island.int64Values().end(), -1), std::ptrdiff_t(52));
    QCOMPARE(std::count(island.int64Values().begin(), island.int64Values().end(), 1), std::ptrdiff_t(124));  // Dream
  }

  void fittedOnTrainAppliedToTest() {
    // Levels come from the training rows only: the test rows' own categories do not matter.
    const Table credit = importDataset("credit-g.arff");
    const Table train = rowsOf(credit, 0, 800), test = rowsOf(credit, 800, 1000);
    OneHotEncodeStep step({"purpose"}, OneHotEncodeStep::Unseen::Zeros);
    step.fit(train, nullptr);
    const Table fromTest = step.apply(test, nullptr);
    QCOMPARE(fromTest.rowCount(), size_t(200));
    QCOMPARE(fromTest.columnCount(), credit.columnCount() - 1 + step.levels("purpose").size());
    OneHotEncodeStep testOnly({"purpose"});
    testOnly.fit(test, nullptr);
    QVERIFY(step.levels("purpose") != testOnly.levels("purpose") ||
            sameTable(fromTest, testOnly.apply(test, nullptr)));
  }

  void jsonRoundTrip() {
    const Table penguins = importDataset("penguins.csv");
    const Table training = withoutTorgersen(penguins);
    OneHotEncodeStep oneHot({"Island", "Sex"}, OneHotEncodeStep::Unseen::Other, true, 50);
    oneHot.fit(training, nullptr);
    auto copy = reloaded(oneHot);
    QCOMPARE(copy->parameters(), oneHot.parameters());
    QVERIFY(sameTable(copy->apply(penguins, nullptr), oneHot.apply(penguins, nullptr)));

    OrdinalEncodeStep ordinal({"Species"}, OrdinalEncodeStep::Order::Appearance, OrdinalEncodeStep::Unseen::MinusOne);
    ordinal.fit(rowsOf(penguins, 100, 344), nullptr);
    auto ordinalCopy = reloaded(ordinal);
    QCOMPARE(ordinalCopy->fittedState(), ordinal.fittedState());
    QVERIFY(sameTable(ordinalCopy->apply(penguins, nullptr), ordinal.apply(penguins, nullptr)));
    // Not fitted: a clear error, not a silent pass-through.
    auto fresh = StepRegistry::create("ordinal", ordinal.parameters());
    const auto error = errorOf([&] { fresh->apply(penguins, nullptr); });
    QVERIFY(error && error->message().find("not fitted") != std::string::npos);
  }

  void malformedParametersAndState() {
    using J = nlohmann::json;
    for (const J& bad : {J::parse(R"({"columns":[]})"), J::parse(R"({"columns":"Island","unseen":"maybe"})"),
                         J::parse(R"({"columns":["Island"],"max_levels":0})"), J::parse(R"({"columns":[1]})"),
                         J::parse(R"([1,2])"), J::parse(R"({"columns":["Island"],"drop_first":"yes"})")}) {
      const auto error = errorOf([&] { StepRegistry::create("one_hot", bad); });
      QVERIFY2(error && error->code() == ErrorCode::Parse, bad.dump().c_str());
      QVERIFY(error->message().starts_with("one-hot encoding"));
    }
    OneHotEncodeStep step({"Island"});
    for (const J& bad : {J::parse(R"({"levels":{"Island":[1]}})"), J::parse(R"({"levels":[]})"), J::parse("[]")})
      QVERIFY2(errorOf([&] { step.restoreFittedState(bad); }), bad.dump().c_str());
    const auto missing = errorOf([&] { step.fit(importDataset("penguins.csv"), nullptr); });
    QVERIFY(!missing);
    const auto noColumn = errorOf([&] { OrdinalEncodeStep({"Isle"}).fit(importDataset("penguins.csv"), nullptr); });
    QVERIFY(noColumn && noColumn->code() == ErrorCode::InvalidArgument);
    QVERIFY(noColumn->message().find("'Isle'") != std::string::npos);
  }

  void cancelStopsFitAndApply() {
    // A stop requested before or during the work unwinds with JobCancelled, nothing half-done.
    const Table credit = importDataset("credit-g.arff");
    lathe::jobs::NullProgressSink sink;
    std::stop_source stop;
    const lathe::jobs::JobContext context(stop.get_token(), sink);
    OneHotEncodeStep step({"purpose"});
    step.fit(credit, &context);
    stop.request_stop();
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, step.fit(credit, &context));
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, step.apply(credit, &context));
    QCOMPARE(step.levels("purpose").size(), size_t(10));  // the earlier fit is kept
  }

  void unicodeNamesEmptyTextAndTinyTables() {
    // A Korean column name; an empty string is a category of its own, distinct from missing.
    lathe::data::Validity validity;
    validity.setMissing(3, 4);
    const auto city = Column::text("도시", {0, 6, 6, 12, 12}, "서울부산", validity);
    const Table table(std::vector<std::shared_ptr<const Column>>{city});
    OneHotEncodeStep step({"도시"});
    step.fit(table, nullptr);
    QCOMPARE(step.levels("도시"), (std::vector<std::string>{"", "부산", "서울"}));
    const Table out = step.apply(table, nullptr);
    QCOMPARE(namesOf(out), (std::vector<std::string>{"도시=", "도시=부산", "도시=서울"}));
    QCOMPARE(columnOf(out, "도시=").boolValues()[1], std::uint8_t(1));
    QCOMPARE(rowsWithNoTrue(out, namesOf(out)), size_t(1));  // the missing row

    // Zero rows and a single row: no crash, a documented result.
    const Table empty = rowsOf(table, 0, 0);
    OneHotEncodeStep onEmpty({"도시"});
    onEmpty.fit(empty, nullptr);
    QCOMPARE(onEmpty.apply(table, nullptr).columnCount(), size_t(0));  // nothing learned: no columns
    OrdinalEncodeStep single({"도시"});
    single.fit(rowsOf(table, 0, 1), nullptr);
    const Table singleOut = single.apply(table, nullptr);
    QCOMPARE(columnOf(singleOut, "도시").missingCount(), size_t(3));
  }
};

QTEST_APPLESS_MAIN(tst_EncodingSteps)
#include "tst_EncodingSteps.moc"
