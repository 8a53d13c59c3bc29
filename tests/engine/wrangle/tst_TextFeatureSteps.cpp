#include <QtTest>

#include "FeatureTestSupport.h"
#include "engine/wrangle/DatePartsStep.h"
#include "engine/wrangle/TextTokenizer.h"
#include "engine/wrangle/TfidfStep.h"

using lathe::ErrorCode;
using lathe::data::Column;
using lathe::data::ColumnType;
using lathe::data::Table;
using lathe::wrangle::DatePartsStep;
using lathe::wrangle::StepRegistry;
using lathe::wrangle::TextTokenizer;
using lathe::wrangle::TfidfStep;
using namespace feature_test;

namespace {

bool near(double actual, double expected, double tolerance = 1e-9) {
  return std::fabs(actual - expected) <= tolerance * std::max(1.0, std::fabs(expected));
}

double columnSum(const Column& column) {
  double sum = 0;
  for (std::size_t row = 0; row < column.size(); ++row)
    if (column.isValid(row)) sum += column.numericAt(row);
  return sum;
}

std::size_t nonZero(const Table& table, std::size_t row) {
  std::size_t n = 0;
  for (const auto& column : table.columns()) n += column->numericAt(row) != 0.0;
  return n;
}

std::vector<std::size_t> firstColumns(std::size_t n) {
  std::vector<std::size_t> indices(n);
  std::iota(indices.begin(), indices.end(), 0);
  return indices;
}

Table textTable(const std::vector<std::string>& texts, const std::vector<std::size_t>& missing = {}) {
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  lathe::data::Validity validity;
  for (const auto& text : texts) offsets.push_back((bytes += text).size());
  for (std::size_t row : missing) validity.setMissing(row, texts.size());
  return Table(std::vector<std::shared_ptr<const Column>>{Column::text("Text", offsets, bytes, validity)});
}

}  // namespace

class tst_TextFeatureSteps : public QObject {
  Q_OBJECT
 private slots:
  // Expected values: scikit-learn 1.2.1 TfidfVectorizer on the 1,554 texts of
  // ReutersCorn-train.arff (decoded by a small Python reader of the ARFF escapes), computed once.
  void tfidfLikeScikitLearn() {
    const Table reuters = importDataset("ReutersCorn-train.arff");
    QCOMPARE(reuters.rowCount(), size_t(1554));
    auto step = StepRegistry::create("tfidf", {{"column", "Text"}, {"max_features", 100}});
    step->fit(reuters, nullptr);
    const Table out = step->apply(reuters, nullptr);
    QCOMPARE(out.columnCount(), size_t(100 + 1));  // the features, then class-att
    QCOMPARE(out.column(0).name(), std::string("Text:tfidf:000"));
    QCOMPARE(out.column(1).name(), std::string("Text:tfidf:10"));
    QCOMPARE(out.column(99).name(), std::string("Text:tfidf:year"));
    QCOMPARE(out.column(100).name(), std::string("class-att"));
    const auto& tfidf = dynamic_cast<const TfidfStep&>(*step);
    const auto at = [&](const std::string& term) {
      return std::size_t(std::find(tfidf.terms().begin(), tfidf.terms().end(), term) - tfidf.terms().begin());
    };
    QVERIFY(near(tfidf.idf()[at("said")], 1.5022876850279547));
    QVERIFY(near(tfidf.idf()[at("000")], 2.264731411538163));
    const Column& said = columnOf(out, "Text:tfidf:said");
    QCOMPARE(said.type(), ColumnType::Float64);
    QVERIFY2(near(columnSum(said), 154.61158473841436, 1e-9), qPrintable(QString::number(columnSum(said), 'g', 17)));
    QVERIFY(near(said.numericAt(0), 0.08101202488382385));
    QVERIFY(near(columnOf(out, "Text:tfidf:year").numericAt(0), 0.04258423405300832));
    QVERIFY(near(columnSum(columnOf(out, "Text:tfidf:year")), 66.74684855100715));
    QCOMPARE(nonZero(out.select(firstColumns(100)), 0), size_t(50));  // sklearn: 50 of the terms in row 0
    std::size_t zeroRows = 0;
    for (std::size_t row = 0; row < out.rowCount(); ++row) {
      double norm = 0;
      for (std::size_t c = 0; c < 100; ++c) norm += out.column(c).numericAt(row) * out.column(c).numericAt(row);
      if (norm == 0) ++zeroRows;
      else QVERIFY(near(norm, 1.0, 1e-12));  // l2: every row with a known word has unit length
    }
    QCOMPARE(zeroRows, size_t(4));
  }

  void tfidfStopWordsAndMinDf() {
    // TfidfVectorizer(max_features=50, stop_words="english", min_df=5): 17 terms in row 0, 13 rows
    // with none; "said" sums to 313.94359674014356.
    const Table reuters = importDataset("ReutersCorn-train.arff");
    TfidfStep step("Text", 50, 5, true);
    step.fit(reuters, nullptr);
    const Table out = step.apply(reuters, nullptr);
    QCOMPARE(step.terms().back(), std::string("year"));
    QCOMPARE(step.terms()[step.terms().size() - 3], std::string("vs"));
    QVERIFY(std::find(step.terms().begin(), step.terms().end(), "the") == step.terms().end());
    QVERIFY(near(columnSum(columnOf(out, "Text:tfidf:said")), 313.94359674014356));
    QCOMPARE(nonZero(out.select(firstColumns(50)), 0), size_t(17));
  }

  void tfidfFittedOnTrainAppliedToTest() {
    // Fitted on the first 1,000 texts, applied to the other 554: idf(said) = 1.4887598511680782,
    // the test column sums to 54.017841481107965, the test's first row holds 0.23377632902772832.
    const Table reuters = importDataset("ReutersCorn-train.arff");
    TfidfStep step("Text", 100);
    step.fit(rowsOf(reuters, 0, 1000), nullptr);
    const Table test = step.apply(rowsOf(reuters, 1000, 1554), nullptr);
    QCOMPARE(test.rowCount(), size_t(554));
    const Column& said = columnOf(test, "Text:tfidf:said");
    QVERIFY(near(columnSum(said), 54.017841481107965));
    QVERIFY(near(said.numericAt(0), 0.23377632902772832));
    const auto copy = reloaded(step);
    QCOMPARE(copy->parameters(), step.parameters());
    QVERIFY(sameTable(copy->apply(rowsOf(reuters, 1000, 1554), nullptr), test));
  }

  void tokenizerAndOddTexts() {
    std::vector<std::string> tokens;
    TextTokenizer().tokenize("The U.S. CORN crop, 1987/88: a_b x 서울 é", tokens);
    QCOMPARE(tokens, (std::vector<std::string>{"the", "corn", "crop", "1987", "88", "a_b", "서울"}));
    TextTokenizer(true).tokenize("The corn and the wheat", tokens);
    QCOMPARE(tokens, (std::vector<std::string>{"corn", "wheat"}));
    // Missing text: missing features; empty text and unknown words: zeros; NUL bytes are no word.
    const Table texts = textTable({"corn corn wheat", "", std::string("corn\0wheat", 10), "zzz", "x"}, {4});
    TfidfStep step("Text", 10);
    step.fit(texts, nullptr);
    QCOMPARE(step.terms(), (std::vector<std::string>{"corn", "wheat", "zzz"}));
    const Table out = step.apply(texts, nullptr);
    QCOMPARE(columnOf(out, "Text:tfidf:corn").missingCount(), size_t(1));
    QCOMPARE(columnOf(out, "Text:tfidf:corn").numericAt(1), 0.0);
    QVERIFY(columnOf(out, "Text:tfidf:corn").numericAt(0) > columnOf(out, "Text:tfidf:wheat").numericAt(0));
    // A number column is refused; so are absurd parameters.
    const Table penguins = importDataset("penguins.csv");
    const auto error = errorOf([&] { TfidfStep("Body Mass (g)").fit(penguins, nullptr); });
    QVERIFY(error && error->message().find("'Body Mass (g)' is float64") != std::string::npos);
    using J = nlohmann::json;
    for (const J& bad : {J::parse(R"({"column":"Text","max_features":100000})"), J::parse(R"({"column":"Text","min_df":2.5})"),
                         J::parse(R"({"column":["a","b"]})"), J::parse(R"({"column":"Text","stop_words":"korean"})")})
      QVERIFY2(errorOf([&] { StepRegistry::create("tfidf", bad); })->code() == ErrorCode::Parse, bad.dump().c_str());
    QVERIFY(errorOf([&] { step.restoreFittedState(J::parse(R"({"terms":["a"],"idf":[]})")); }));
    QVERIFY(errorOf([&] { TfidfStep("Text").apply(texts, nullptr); }));  // not fitted
    // 30,000 rows x 10,000 terms of dense doubles would pass the cell budget: refused up front.
    J terms = J::array(), idf = J::array();
    for (int i = 0; i < 10000; ++i) terms.push_back("t" + std::to_string(i)), idf.push_back(1.0);
    TfidfStep wide("Text", 10000);
    wide.restoreFittedState({{"terms", terms}, {"idf", idf}});
    const auto tooWide = errorOf([&] { wide.apply(textTable(std::vector<std::string>(30000, "t1")), nullptr); });
    QVERIFY(tooWide && tooWide->message().find("lower max_features") != std::string::npos);
  }

  // pandas on seattle-weather.csv: 2012-01-01 is a Sunday (dayofweek 6), row 100 2012-04-10 a
  // Tuesday, the last row 2015-12-31 a Thursday; weekday counts 209,209,209,209,208,208,209; the
  // months sum to 9530.
  void datePartsOfSeattle() {
    const Table weather = importDataset("seattle-weather.csv");
    auto step = StepRegistry::create("date_parts", {{"columns", {"date"}}});
    const Table out = step->apply(weather, nullptr);
    QCOMPARE(namesOf(out), (std::vector<std::string>{"date", "date_year", "date_month", "date_day", "date_weekday",
                                                      "date_hour", "precipitation", "temp_max", "temp_min", "wind",
                                                      "weather"}));
    QCOMPARE(columnOf(out, "date_year").type(), ColumnType::Int64);
    const auto row = [&](std::size_t r) {
      std::vector<std::int64_t> parts;
      for (const char* part : {"date_year", "date_month", "date_day", "date_weekday", "date_hour"})
        parts.push_back(columnOf(out, part).int64Values()[r]);
      return parts;
    };
    QCOMPARE(row(0), (std::vector<std::int64_t>{2012, 1, 1, 6, 0}));
    QCOMPARE(row(100), (std::vector<std::int64_t>{2012, 4, 10, 1, 0}));
    QCOMPARE(row(1460), (std::vector<std::int64_t>{2015, 12, 31, 3, 0}));
    std::vector<int> weekdays(7, 0);
    for (auto d : columnOf(out, "date_weekday").int64Values()) ++weekdays[static_cast<std::size_t>(d)];
    QCOMPARE(weekdays, (std::vector<int>{209, 209, 209, 209, 208, 208, 209}));
    const auto months = columnOf(out, "date_month").int64Values();
    QCOMPARE(std::accumulate(months.begin(), months.end(), std::int64_t{0}), std::int64_t(9530));
    QCOMPARE(reloaded(*step)->parameters(), step->parameters());
  }

  void datePartsChosenHoursAndMissing() {
    // 1969-12-31T23:30 (before the epoch), 2024-02-29T13:05 and a missing date.
    lathe::data::Validity validity;
    validity.setMissing(2, 3);
    const Table table(std::vector<std::shared_ptr<const Column>>{
        Column::datetime("시각", {-1800LL * 1000000, 1709211900LL * 1000000, 0}, validity)});
    DatePartsStep step({"시각"}, {"hour", "weekday"});
    const Table out = step.apply(table, nullptr);
    QCOMPARE(namesOf(out), (std::vector<std::string>{"시각", "시각_hour", "시각_weekday"}));
    QCOMPARE(columnOf(out, "시각_hour").int64Values()[0], std::int64_t(23));
    QCOMPARE(columnOf(out, "시각_weekday").int64Values()[0], std::int64_t(2));  // a Wednesday
    QCOMPARE(columnOf(out, "시각_hour").int64Values()[1], std::int64_t(13));
    QCOMPARE(columnOf(out, "시각_weekday").int64Values()[1], std::int64_t(3));  // a Thursday
    QCOMPARE(columnOf(out, "시각_hour").missingCount(), size_t(1));
    const Table weather = importDataset("seattle-weather.csv");
    const auto error = errorOf([&] { step.apply(weather, nullptr); });
    QVERIFY(error && error->message().find("'시각'") != std::string::npos);
    const auto notDate = errorOf([&] { DatePartsStep({"wind"}, {"year"}).apply(weather, nullptr); });
    QVERIFY(notDate && notDate->message().find("'wind' is float64, not datetime") != std::string::npos);
    QVERIFY(errorOf([&] { StepRegistry::create("date_parts", {{"columns", {"date"}}, {"parts", {"century"}}}); })->code() ==
            ErrorCode::Parse);
  }
};

QTEST_APPLESS_MAIN(tst_TextFeatureSteps)
#include "tst_TextFeatureSteps.moc"
