// The CSV reader's column types: numbers (BAD_INPUTS 15), missing tokens (16), dates (17), a
// column that turns to text after a million numbers (18), categorical versus text, and the types a
// user forces.
#include <QtTest>
#include <chrono>
#include <cmath>
#include <limits>

#include "CsvTestSupport.h"

using namespace lathe::data;
using namespace lathe::data::csvtest;
using lathe::Error;
using lathe::ErrorCode;

namespace {

// A two-column file "id,x" with one value of x per line, imported.
Table column(std::initializer_list<const char*> values, const CsvOptions& options = {}) {
  std::string text = "id,x\n";
  int id = 0;
  for (const char* v : values) text += std::to_string(++id) + "," + v + "\n";
  return importBytes(text, options).table;
}

std::int64_t micros(int y, unsigned m, unsigned d, int h = 0, int mi = 0, int s = 0, int us = 0) {
  using namespace std::chrono;
  const std::int64_t days = sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count();
  return ((days * 24 + h) * 60 + mi) * 60'000'000LL + s * 1'000'000LL + us;
}

}  // namespace

class tst_CsvReaderTypes : public QObject {
  Q_OBJECT
 private slots:
  // --- 15. Numbers.

  void integersAbove2Pow53AreExact() {
    const Table t = column({"9007199254740993", "9223372036854775807", "-9223372036854775808", "+12345678901234567"});
    QCOMPARE(typeOf(t, 1), QStringLiteral("int64"));
    const auto v = t.column(1).int64Values();
    QCOMPARE(v[0], std::int64_t{9007199254740993});  // 2^53 + 1: a double would say ...992
    QCOMPARE(v[1], std::numeric_limits<std::int64_t>::max());
    QCOMPARE(v[2], std::numeric_limits<std::int64_t>::min());
    QCOMPARE(v[3], std::int64_t{12345678901234567});
  }

  void integersBeyondInt64AreNotRoundedThroughDouble() {
    // IDs too long for int64: a float64 column would change them; as text they stay exact.
    const Table t = column({"18446744073709551616", "99999999999999999999", "12345678901234567890123"});
    QVERIFY2(!t.column(1).isNumeric(), qPrintable(typeOf(t, 1)));
    QCOMPARE(qcell(t, 1, 0), QStringLiteral("18446744073709551616"));
    QCOMPARE(qcell(t, 1, 2), QStringLiteral("12345678901234567890123"));
  }

  void overflowIsInfinity() {
    const Table t = column({"1.5", "1e309", "-1e309", "1.7976931348623157e308"});
    QCOMPARE(typeOf(t, 1), QStringLiteral("float64"));
    const auto v = t.column(1).float64Values();
    QCOMPARE(v[1], std::numeric_limits<double>::infinity());
    QCOMPARE(v[2], -std::numeric_limits<double>::infinity());
    QCOMPARE(v[3], std::numeric_limits<double>::max());
    QCOMPARE(t.column(1).missingCount(), std::size_t(0));
  }

  void negativeZeroKeepsItsSign() {
    const Table t = column({"-0.0", "1.5", "-0"});
    QCOMPARE(typeOf(t, 1), QStringLiteral("float64"));
    QVERIFY(std::signbit(t.column(1).float64Values()[0]));
    QCOMPARE(t.column(1).float64Values()[0], 0.0);
    const Table ints = column({"-0", "3"});
    QCOMPARE(typeOf(ints, 1), QStringLiteral("int64"));
    QCOMPARE(ints.column(1).int64Values()[0], std::int64_t{0});
  }

  void nanIsMissingByDefaultAndAValueWhenAsked() {
    const Table t = column({"1.5", "NaN", "nan", "2"});
    QCOMPARE(typeOf(t, 1), QStringLiteral("float64"));
    QCOMPARE(t.column(1).missingCount(), std::size_t(2));  // NaN and nan are pandas' missing tokens
    CsvOptions options;
    options.missingTokens = {};
    const Table asValues = column({"1.5", "NaN", "-nan", "NAN"}, options);
    QCOMPARE(typeOf(asValues, 1), QStringLiteral("float64"));
    QCOMPARE(asValues.column(1).missingCount(), std::size_t(0));
    for (std::size_t row = 1; row < 4; ++row) QVERIFY(std::isnan(asValues.column(1).float64Values()[row]));
  }

  void infinitiesAreNumbers() {
    const Table t = column({"inf", "-inf", "+inf", "Infinity", "-INFINITY", "2.5"});
    QCOMPARE(typeOf(t, 1), QStringLiteral("float64"));
    const auto v = t.column(1).float64Values();
    const double inf = std::numeric_limits<double>::infinity();
    QCOMPARE(std::vector<double>(v.begin(), v.end()), (std::vector<double>{inf, -inf, inf, inf, -inf, 2.5}));
  }

  void subnormalsAreExact() {
    const Table t = column({"4.9406564584124654e-324", "2.2250738585072009e-308", "-1e-310", "1e-400", "1.0"});
    QCOMPARE(typeOf(t, 1), QStringLiteral("float64"));
    const auto v = t.column(1).float64Values();
    QCOMPARE(v[0], std::numeric_limits<double>::denorm_min());
    QCOMPARE(v[1], 2.2250738585072009e-308);
    QVERIFY(std::fpclassify(v[1]) == FP_SUBNORMAL);
    QCOMPARE(v[2], -1e-310);
    QCOMPARE(v[3], 0.0);  // below the smallest subnormal: rounds to zero, as strtod and pandas do
    QCOMPARE(t.column(1).missingCount(), std::size_t(0));
  }

  void leadingPlusAndSpacesAreNumbers() {
    const Table ints = column({"+5", " 42", "7 ", "\t8\t", " -3 "});
    QCOMPARE(typeOf(ints, 1), QStringLiteral("int64"));
    const auto v = ints.column(1).int64Values();
    QCOMPARE(std::vector<std::int64_t>(v.begin(), v.end()), (std::vector<std::int64_t>{5, 42, 7, 8, -3}));
    const Table floats = column({"+1.5", " 2.25 ", ".5", "5.", "1E3"});
    QCOMPARE(typeOf(floats, 1), QStringLiteral("float64"));
    const auto f = floats.column(1).float64Values();
    QCOMPARE(std::vector<double>(f.begin(), f.end()), (std::vector<double>{1.5, 2.25, 0.5, 5.0, 1000.0}));
  }

  void notQuiteNumbersMakeTheColumnText_data() {
    QTest::addColumn<QString>("value");
    QTest::newRow("hex") << "0x1A";
    QTest::newRow("underscore") << "1_000";
    QTest::newRow("percent") << "5%";
    QTest::newRow("two signs") << "+-5";
    QTest::newRow("double minus") << "--5";
    QTest::newRow("two dots") << "1.2.3";
    QTest::newRow("exponent without digits") << "1e";
    QTest::newRow("space inside") << "1 000";
    QTest::newRow("currency") << "$5";
    QTest::newRow("Arabic-Indic digits") << "١٢";
    QTest::newRow("full-width digits") << "１２";
    QTest::newRow("infinite") << "infinite";
    QTest::newRow("nan with payload") << "nan(1)";
  }
  void notQuiteNumbersMakeTheColumnText() {
    QFETCH(QString, value);
    const std::string v = value.toStdString();
    const Table t = column({"1", "2", v.c_str(), "4"});
    QVERIFY2(isStringType(t.column(1).type()), qPrintable(typeOf(t, 1)));
    QCOMPARE(t.column(1).missingCount(), std::size_t(0));  // never NaN, never missing
    QCOMPARE(qcell(t, 1, 2), value);
    QCOMPARE(qcell(t, 1, 0), QStringLiteral("1"));
    QCOMPARE(qcell(t, 1, 3), QStringLiteral("4"));
  }

  // --- 16. Missing tokens.

  void defaultMissingTokens() {
    const Table t = column({"1", "NA", "N/A", "n/a", "null", "NULL", "None", "?", "-", "#N/A", "", "\"\"", "2"});
    QCOMPARE(typeOf(t, 1), QStringLiteral("int64"));
    QCOMPARE(t.column(1).missingCount(), std::size_t(11));
    QCOMPARE(t.column(1).int64Values()[12], std::int64_t{2});
    QVERIFY(t.column(1).isValid(0) && t.column(1).isValid(12));
  }

  void missingTokensAreConfigurable() {
    CsvOptions options;
    options.missingTokens = {"missing", "-999"};
    const Table t = column({"NA", "missing", "?", "-999", "", "b"}, options);
    QVERIFY(isStringType(t.column(1).type()));
    QStringList cells;
    for (std::size_t row = 0; row < 6; ++row) cells << qcell(t, 1, row);
    QCOMPARE(cells, (QStringList{"NA", "<NA>", "?", "<NA>", "<NA>", "b"}));
    const Table numbers = column({"1", "-999", "3"}, options);
    QCOMPARE(typeOf(numbers, 1), QStringLiteral("int64"));
    QCOMPARE(numbers.column(1).missingCount(), std::size_t(1));
  }

  void emptyStringStaysDistinctFromMissingInText() {
    const Table t = column({"alpha", "\"\"", "", "NA", "beta", "\" \""});
    QVERIFY(isStringType(t.column(1).type()));
    QStringList cells;
    for (std::size_t row = 0; row < 6; ++row) cells << qcell(t, 1, row);
    QCOMPARE(cells, (QStringList{"alpha", "", "<NA>", "<NA>", "beta", " "}));
  }

  void allMissingColumnIsAllMissing() {
    const Table t = column({"NA", "", "?"});
    QCOMPARE(t.column(1).missingCount(), std::size_t(3));
    QCOMPARE(t.rowCount(), std::size_t(3));
  }

  // --- 17. Dates.

  void isoDatesAndTimes() {
    const Table t = column({"2024-03-01", "2024-03-01T12:30:15", "2024-03-01 12:30:15.250", "1969-12-31"});
    QCOMPARE(typeOf(t, 1), QStringLiteral("datetime"));
    const auto v = t.column(1).int64Values();
    QCOMPARE(v[0], micros(2024, 3, 1));
    QCOMPARE(v[1], micros(2024, 3, 1, 12, 30, 15));
    QCOMPARE(v[2], micros(2024, 3, 1, 12, 30, 15, 250000));
    QCOMPARE(v[3], micros(1969, 12, 31));
  }

  void mixedDateFormatsInAColumn() {
    const Table t = column({"2024-03-01", "2024/03/02", "2024.03.03", "2024. 3. 4.", "03/05/2024"});
    QCOMPARE(typeOf(t, 1), QStringLiteral("datetime"));
    const auto v = t.column(1).int64Values();
    QCOMPARE(std::vector<std::int64_t>(v.begin(), v.end()),
             (std::vector<std::int64_t>{micros(2024, 3, 1), micros(2024, 3, 2), micros(2024, 3, 3), micros(2024, 3, 4),
                                        micros(2024, 3, 5)}));
  }

  void dayFirstIsDecidedByTheWholeColumn() {
    // 13/04 cannot be month first, so the whole column is day first: 03/04 is the 3rd of April.
    const Table t = column({"03/04/2024", "13/04/2024", "01/12/2023"});
    QCOMPARE(typeOf(t, 1), QStringLiteral("datetime"));
    const auto v = t.column(1).int64Values();
    QCOMPARE(v[0], micros(2024, 4, 3));
    QCOMPARE(v[1], micros(2024, 4, 13));
    QCOMPARE(v[2], micros(2023, 12, 1));
    const Table us = column({"03/04/2024", "04/13/2024"});
    QCOMPARE(us.column(1).int64Values()[0], micros(2024, 3, 4));
    const Table neither = column({"13/04/2024", "04/13/2024"});  // no one order reads both
    QVERIFY(isStringType(neither.column(1).type()));
    QCOMPARE(qcell(neither, 1, 1), QStringLiteral("04/13/2024"));
  }

  void twoDigitYearsAreNotGuessed() {
    const Table t = column({"03/04/24", "12/31/99", "01/01/00"});
    QVERIFY2(isStringType(t.column(1).type()), qPrintable(typeOf(t, 1)));
    QCOMPARE(qcell(t, 1, 1), QStringLiteral("12/31/99"));
  }

  void february29() {
    const Table leap = column({"2024-02-28", "2024-02-29", "2000-02-29"});
    QCOMPARE(typeOf(leap, 1), QStringLiteral("datetime"));
    QCOMPARE(leap.column(1).int64Values()[1], micros(2024, 2, 29));
    const Table notLeap = column({"2023-02-28", "2023-02-29", "2023-03-01"});
    QVERIFY2(isStringType(notLeap.column(1).type()), qPrintable(typeOf(notLeap, 1)));
    QCOMPARE(qcell(notLeap, 1, 1), QStringLiteral("2023-02-29"));  // kept, not moved to 1 March
    QVERIFY(isStringType(column({"1900-02-28", "1900-02-29"}).column(1).type()));
  }

  void timeZonesConvertToUtc() {
    const Table t = column({"2024-03-01T12:00:00+09:00", "2024-03-01T12:00:00Z", "2024-03-01 12:00:00-0500",
                            "2024-03-01T00:30:00+01", "2024-03-01T12:00:00.5-00:30"});
    QCOMPARE(typeOf(t, 1), QStringLiteral("datetime"));
    const auto v = t.column(1).int64Values();
    QCOMPARE(v[0], micros(2024, 3, 1, 3));
    QCOMPARE(v[1], micros(2024, 3, 1, 12));
    QCOMPARE(v[2], micros(2024, 3, 1, 17));
    QCOMPARE(v[3], micros(2024, 2, 29, 23, 30));
    QCOMPARE(v[4], micros(2024, 3, 1, 12, 30, 0, 500000));
  }

  void impossibleDatesAndTimesAreText() {
    const Table t = column({"2024-03-01", "2024-13-01", "2024-04-31"});
    QVERIFY(isStringType(t.column(1).type()));
    const Table times = column({"2024-03-01T12:00", "2024-03-01T24:30"});
    QVERIFY(isStringType(times.column(1).type()));
    QCOMPARE(qcell(times, 1, 1), QStringLiteral("2024-03-01T24:30"));
  }

  // --- 18. A column numeric for a million rows that turns to text at the end.

  void numbersThenTextAreNeverSilentlyNaN() {
    std::string text = "id,value\n";
    text.reserve(20'000'000);
    constexpr int kRows = 1'000'000;
    for (int i = 0; i < kRows; ++i) text += std::to_string(i) + "," + std::to_string(i % 1000) + ".5\n";
    text += std::to_string(kRows) + ",see notes\n";
    QElapsedTimer timer;
    timer.start();
    const Table t = importBytes(text).table;
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(t.rowCount(), std::size_t(kRows + 1));
    QCOMPARE(typeOf(t, 0), QStringLiteral("int64"));
    QVERIFY2(isStringType(t.column(1).type()), qPrintable(typeOf(t, 1)));
    QCOMPARE(t.column(1).missingCount(), std::size_t(0));
    QCOMPARE(qcell(t, 1, 0), QStringLiteral("0.5"));
    QCOMPARE(qcell(t, 1, 999'999), QStringLiteral("999.5"));
    QCOMPARE(qcell(t, 1, kRows), QStringLiteral("see notes"));
  }

  void boolThenTextIsText() {
    const Table t = column({"true", "false", "yes", "maybe"});
    QVERIFY(isStringType(t.column(1).type()));
    QCOMPARE(qcell(t, 1, 3), QStringLiteral("maybe"));
    const Table b = column({"true", "False", "YES", "n", "NA"});
    QCOMPARE(typeOf(b, 1), QStringLiteral("bool"));
    QCOMPARE(qs(tableToText(b)).section('\n', 1), QStringLiteral("1|true\n2|false\n3|true\n4|false\n5|<NA>\n"));
    QCOMPARE(typeOf(column({"0", "1", "1"}), 1), QStringLiteral("int64"));  // 0/1 stay numbers
  }

  // --- Categorical or text: decided by the share of distinct values.

  void categoricalWhenValuesRepeatTextWhenTheyDoNot() {
    std::string repeating = "id,city\n", distinct = "id,comment\n";
    for (int i = 0; i < 200; ++i) {
      repeating += std::to_string(i) + "," + (i % 3 == 0 ? "Seoul" : i % 3 == 1 ? "Busan" : "Daegu") + "\n";
      distinct += std::to_string(i) + ",comment number " + std::to_string(i) + "\n";
    }
    const Table cities = importBytes(repeating).table;
    QCOMPARE(typeOf(cities, 1), QStringLiteral("categorical"));
    QCOMPARE(cities.column(1).levels().size(), std::size_t(3));
    QCOMPARE(qcell(cities, 1, 4), QStringLiteral("Busan"));
    const Table comments = importBytes(distinct).table;
    QCOMPARE(typeOf(comments, 1), QStringLiteral("text"));
    QCOMPARE(qcell(comments, 1, 199), QStringLiteral("comment number 199"));
    CsvOptions strict;
    strict.categoricalMaxRatio = 0.01;  // 3 levels in 200 values is 0.015: too many
    QCOMPARE(typeOf(importBytes(repeating, strict).table, 1), QStringLiteral("text"));
    CsvOptions fewLevels;
    fewLevels.categoricalMaxLevels = 2;
    QCOMPARE(typeOf(importBytes(repeating, fewLevels).table, 1), QStringLiteral("text"));
  }

  // --- Types the user forces.

  void forcedTypeThatDoesNotFitIsAnErrorWithItsPlace() {
    CsvOptions options;
    options.columnTypes["x"] = ColumnType::Int64;
    const auto error = importError("id,x\n1,10\n2,NA\n3,\n4,1.5\n5,7\n", options, "forced.csv");
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Parse);
    QCOMPARE(qs(error->where().file), QStringLiteral("forced.csv"));
    QCOMPARE(error->where().line, std::int64_t(5));
    QCOMPARE(error->where().column, std::int64_t(2));
    QCOMPARE(qs(error->value()), QStringLiteral("1.5"));
  }

  void forcedTypesAreUsed() {
    CsvOptions options;
    options.columnTypes["code"] = ColumnType::Text;
    options.columnTypes["n"] = ColumnType::Float64;
    options.columnTypes["grade"] = ColumnType::Categorical;
    const Table t = importBytes("code,n,grade\n007,1,a\n042,2,b\n,3,c\n", options).table;
    QCOMPARE(typeOf(t, 0), QStringLiteral("text"));
    QCOMPARE(qcell(t, 0, 0), QStringLiteral("007"));  // leading zeros kept
    QCOMPARE(qcell(t, 0, 2), QStringLiteral("<NA>"));
    QCOMPARE(typeOf(t, 1), QStringLiteral("float64"));
    QCOMPARE(t.column(1).float64Values()[2], 3.0);
    QCOMPARE(typeOf(t, 2), QStringLiteral("categorical"));  // though every value is distinct
  }
};

QTEST_APPLESS_MAIN(tst_CsvReaderTypes)
#include "tst_CsvReaderTypes.moc"
