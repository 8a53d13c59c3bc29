#include <QtTest>
#include <cmath>
#include <optional>
#include <random>
#include <string>

#include "engine/core/Error.h"
#include "engine/data/ArffReader.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "TestPaths.h"

using lathe::Error;
using lathe::ErrorCode;
using lathe::data::Column;
using lathe::data::ColumnType;
using lathe::data::ImportResult;

namespace {

const std::string kDatasets = LATHE_DATASETS_DIR;

ImportResult readBytes(std::string_view bytes, const std::string& name = "test.arff") {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  return lathe::data::readArffBytes(bytes, name, lathe::jobs::JobContext(stop.get_token(), sink));
}

ImportResult readFile(const std::string& path) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  return lathe::data::readArff(path, lathe::jobs::JobContext(stop.get_token(), sink));
}

// The lathe::Error reading `bytes` throws, or nothing if it reads them.
std::optional<Error> errorOf(std::string_view bytes) {
  try {
    readBytes(bytes);
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

std::vector<std::string> levelsOf(const Column& column) { return column.levels(); }

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
    text.replace(at, from.size(), to);
  return text;
}

std::string fileBytes(const std::string& path) {
  QFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::ReadOnly)) return {};
  const QByteArray all = file.readAll();
  return std::string(all.constData(), static_cast<std::size_t>(all.size()));
}

int countLevel(const Column& column, const std::string& level) {
  int n = 0;
  for (std::size_t row = 0; row < column.size(); ++row)
    if (column.isValid(row) && column.levels()[static_cast<std::size_t>(column.codes()[row])] == level) ++n;
  return n;
}

}  // namespace

class tst_ArffReader : public QObject {
  Q_OBJECT
 private slots:
  // --- Weka's own files in /work/shared/datasets. Expected figures come from scipy.io.arff
  // (/usr/bin/python3, computed once) and, for missing values, an awk count of unquoted '?'.

  void iris() {
    const ImportResult r = readFile(kDatasets + "/iris.arff");
    QCOMPARE(r.format, std::string("arff"));
    QCOMPARE(r.encoding, std::string("utf-8"));
    QVERIFY(r.warnings.empty());
    const auto& t = r.table;
    QCOMPARE(t.rowCount(), size_t(150));
    QCOMPARE(t.columnCount(), size_t(5));
    const char* names[] = {"sepallength", "sepalwidth", "petallength", "petalwidth", "class"};
    for (int c = 0; c < 5; ++c) QCOMPARE(t.column(c).name(), std::string(names[c]));
    for (int c = 0; c < 4; ++c) QCOMPARE(t.column(c).type(), ColumnType::Float64);
    const Column& cls = t.column(4);
    QCOMPARE(cls.type(), ColumnType::Categorical);
    QCOMPARE(levelsOf(cls), (std::vector<std::string>{"Iris-setosa", "Iris-versicolor", "Iris-virginica"}));
    for (const char* level : {"Iris-setosa", "Iris-versicolor", "Iris-virginica"}) QCOMPARE(countLevel(cls, level), 50);
    // First row 5.1,3.5,1.4,0.2,Iris-setosa; last 5.9,3.0,5.1,1.8,Iris-virginica.
    QCOMPARE(t.column(0).float64Values()[0], 5.1);
    QCOMPARE(t.column(1).float64Values()[0], 3.5);
    QCOMPARE(t.column(2).float64Values()[0], 1.4);
    QCOMPARE(t.column(3).float64Values()[0], 0.2);
    QCOMPARE(cls.displayText(0), std::string("Iris-setosa"));
    QCOMPARE(t.column(2).float64Values()[149], 5.1);
    QCOMPARE(cls.displayText(149), std::string("Iris-virginica"));
    double sum = 0;
    for (double v : t.column(0).float64Values()) sum += v;
    QCOMPARE(sum, 876.5);  // scipy: d['sepallength'].sum()
  }

  void creditG() {
    const ImportResult r = readFile(kDatasets + "/credit-g.arff");
    QVERIFY(r.warnings.empty());
    const auto& t = r.table;
    QCOMPARE(t.rowCount(), size_t(1000));
    QCOMPARE(t.columnCount(), size_t(21));
    // The README's "13 nominal" counts the attributes without the class; with it, 14 (scipy agrees).
    int categorical = 0, numeric = 0;
    for (const auto& column : t.columns()) {
      categorical += column->type() == ColumnType::Categorical;
      numeric += column->type() == ColumnType::Float64;
      QCOMPARE(column->missingCount(), size_t(0));
    }
    QCOMPARE(categorical, 14);
    QCOMPARE(numeric, 7);
    const Column& checking = t.column(0);
    QCOMPARE(checking.name(), std::string("checking_status"));
    QCOMPARE(levelsOf(checking), (std::vector<std::string>{"<0", "0<=X<200", ">=200", "no checking"}));
    QCOMPARE(levelsOf(t.column(3)),
             (std::vector<std::string>{"new car", "used car", "furniture/equipment", "radio/tv", "domestic appliance",
                                       "repairs", "education", "vacation", "retraining", "business", "other"}));
    QCOMPARE(checking.displayText(0), std::string("<0"));
    QCOMPARE(t.column(1).float64Values()[0], 6.0);
    QCOMPARE(t.column(2).displayText(0), std::string("critical/other existing credit"));
    QCOMPARE(t.column(4).float64Values()[0], 1169.0);
    QCOMPARE(t.column(20).displayText(1), std::string("bad"));
    QCOMPARE(countLevel(t.column(20), "good"), 700);
    QCOMPARE(countLevel(t.column(20), "bad"), 300);
    double amount = 0;
    for (double v : t.column(4).float64Values()) amount += v;
    QCOMPARE(amount, 3271258.0);
  }

  void diabetes() {
    const ImportResult r = readFile(kDatasets + "/diabetes.arff");
    const auto& t = r.table;
    QCOMPARE(t.rowCount(), size_t(768));
    QCOMPARE(t.columnCount(), size_t(9));
    for (int c = 0; c < 8; ++c) QCOMPARE(t.column(c).type(), ColumnType::Float64);
    QCOMPARE(t.column(0).name(), std::string("preg"));  // declared quoted: 'preg'
    QCOMPARE(levelsOf(t.column(8)), (std::vector<std::string>{"tested_negative", "tested_positive"}));
    QCOMPARE(countLevel(t.column(8), "tested_negative"), 500);
    QCOMPARE(countLevel(t.column(8), "tested_positive"), 268);
    QCOMPARE(t.column(5).float64Values()[0], 33.6);
    QCOMPARE(t.column(6).float64Values()[0], 0.627);
  }

  void breastCancerMissingValues() {
    const ImportResult r = readFile(kDatasets + "/breast-cancer.arff");
    QVERIFY(r.warnings.empty());
    const auto& t = r.table;
    QCOMPARE(t.rowCount(), size_t(286));
    QCOMPARE(t.columnCount(), size_t(10));
    for (const auto& column : t.columns()) QCOMPARE(column->type(), ColumnType::Categorical);
    // Counted independently (scipy and awk over the unquoted ? of the data lines): node-caps 8,
    // breast-quad 1, every other column 0.
    const size_t missing[] = {0, 0, 0, 0, 8, 0, 0, 1, 0, 0};
    for (int c = 0; c < 10; ++c) QCOMPARE(t.column(c).missingCount(), missing[c]);
    QCOMPARE(t.column(8).name(), std::string("irradiat"));
    QCOMPARE(levelsOf(t.column(5)), (std::vector<std::string>{"1", "2", "3"}));
    QCOMPARE(countLevel(t.column(5), "2"), 130);
    QCOMPARE(t.column(0).displayText(0), std::string("40-49"));
    QVERIFY(!t.column(4).isValid(20));  // data line 126, the 21st row: '50-59','lt40','20-24','0-2',?,...
  }

  void cpu() {
    const auto& t = readFile(kDatasets + "/cpu.arff").table;
    QCOMPARE(t.rowCount(), size_t(209));
    QCOMPARE(t.columnCount(), size_t(7));
    for (const auto& column : t.columns()) QCOMPARE(column->type(), ColumnType::Float64);
    QCOMPARE(t.column(2).float64Values()[0], 6000.0);
    QCOMPARE(t.column(6).float64Values()[208], 45.0);
    double sum = 0;
    for (double v : t.column(6).float64Values()) sum += v;
    QCOMPARE(sum, 22075.0);
  }

  void reutersText_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("corn");
    QTest::addColumn<int>("firstBytes");
    QTest::addColumn<QString>("firstStart");
    QTest::newRow("train") << "ReutersCorn-train.arff" << 1554 << 45 << 2883 << "BAHIA COCOA REVIEW Showers continued throughout the week in\nthe Bahia";
    QTest::newRow("test") << "ReutersCorn-test.arff" << 604 << 24 << 4533 << "ASIAN EXPORTERS FEAR DAMAGE FROM U.S.-JAPAN RIFT";
  }
  void reutersText() {
    QFETCH(QString, file);
    QFETCH(int, rows);
    QFETCH(int, corn);
    QFETCH(int, firstBytes);
    QFETCH(QString, firstStart);
    const auto& t = readFile(kDatasets + "/" + file.toStdString()).table;
    QCOMPARE(t.rowCount(), size_t(rows));
    QCOMPARE(t.columnCount(), size_t(2));
    QCOMPARE(t.column(0).type(), ColumnType::Text);
    QCOMPARE(t.column(1).type(), ColumnType::Categorical);
    QCOMPARE(t.column(1).name(), std::string("class-att"));
    QCOMPARE(levelsOf(t.column(1)), (std::vector<std::string>{"0", "1"}));
    QCOMPARE(countLevel(t.column(1), "1"), corn);
    // The first article, unescaped (\n, \', \" resolved), as a Python unescape of the line gives.
    const std::string_view first = t.column(0).textAt(0);
    QCOMPARE(int(first.size()), firstBytes);
    QVERIFY(first.starts_with(firstStart.toStdString()));
    QVERIFY(first.ends_with("\n&#3;"));
    QVERIFY(first.find("\\n") == std::string_view::npos);
  }

  // --- BAD_INPUTS 22: quoted names with spaces or %, keyword case, comments between attributes.
  void namesKeywordsAndComments() {
    const ImportResult r = readBytes(
        "% a comment before anything\n"
        "@ReLaTiOn 'my relation'\n"
        "% between the relation and the attributes\n"
        "@ATTRIBUTE 'sepal length' NUMERIC % a trailing comment\n"
        "   % an indented comment between attributes\n"
        "@attribute \"100% pure\" Real\n"
        "@Attribute 'it\\'s' INTEGER\n"
        "\n"
        "@attribute class{a, b}\n"
        "@DaTa\n"
        "% a comment among the rows\n"
        "1.5, 2, 3, a\n"
        "\n"
        "2.5,3,4,b % trailing\n");
    const auto& t = r.table;
    QCOMPARE(t.rowCount(), size_t(2));
    QCOMPARE(t.column(0).name(), std::string("sepal length"));
    QCOMPARE(t.column(1).name(), std::string("100% pure"));
    QCOMPARE(t.column(2).name(), std::string("it's"));
    QCOMPARE(t.column(3).name(), std::string("class"));
    QCOMPARE(t.column(1).type(), ColumnType::Float64);
    QCOMPARE(t.column(2).type(), ColumnType::Int64);
    QCOMPARE(t.column(2).int64Values()[1], std::int64_t(4));
    QCOMPARE(t.column(3).displayText(1), std::string("b"));
    QVERIFY(r.warnings.empty());
  }

  // --- BAD_INPUTS 23: nominal values with commas or quotes, values outside the set, stray spaces, ?.
  void nominalValuesWithCommasAndQuotes() {
    const auto& t = readBytes(
                        "@relation r\n"
                        "@attribute c {'a,b', \"say \\\"hi\\\"\", 'it\\'s', plain, 'x % y'}\n"
                        "@data\n"
                        "'a,b'\n\"say \\\"hi\\\"\"\n'it\\'s'\nplain\n'x % y'\n")
                        .table;
    QCOMPARE(levelsOf(t.column(0)), (std::vector<std::string>{"a,b", "say \"hi\"", "it's", "plain", "x % y"}));
    QCOMPARE(t.rowCount(), size_t(5));
    for (int row = 0; row < 5; ++row) QCOMPARE(t.column(0).codes()[row], row);
  }

  void valuesOutsideTheDeclaredSetAreKeptWithOneWarning() {
    const ImportResult r = readBytes(
        "@relation r\n@attribute color {red, green}\n@attribute size {s, m}\n@data\n"
        "red, s\nblue, m\ngreen, s\n  blue ,s\npurple, xl\n");
    const Column& color = r.table.column(0);
    QCOMPARE(levelsOf(color), (std::vector<std::string>{"red", "green", "blue", "purple"}));
    QCOMPARE(std::vector<std::int32_t>(color.codes().begin(), color.codes().end()),
             (std::vector<std::int32_t>{0, 2, 1, 2, 3}));
    QCOMPARE(levelsOf(r.table.column(1)), (std::vector<std::string>{"s", "m", "xl"}));
    QCOMPARE(r.warnings.size(), size_t(2));  // one per attribute
    const auto& w = r.warnings[0];
    QVERIFY2(w.message.find("'color'") != std::string::npos, w.message.c_str());
    QVERIFY2(w.message.find("'blue'") != std::string::npos, w.message.c_str());
    QCOMPARE(w.count, size_t(3));
    QCOMPARE(w.where.line, std::int64_t(6));
    QCOMPARE(w.where.column, std::int64_t(1));
    QCOMPARE(w.where.file, std::string("test.arff"));
    QCOMPARE(r.warnings[1].where.line, std::int64_t(9));
    QCOMPARE(r.warnings[1].where.column, std::int64_t(9));
  }

  void declaredValuesWithStraySpaces() {
    const auto& t = readBytes("@relation r\n@attribute c { a ,  b,\tc }\n@data\n b \nc\na\n").table;
    QCOMPARE(levelsOf(t.column(0)), (std::vector<std::string>{"a", "b", "c"}));
    QCOMPARE(std::vector<std::int32_t>(t.column(0).codes().begin(), t.column(0).codes().end()),
             (std::vector<std::int32_t>{1, 2, 0}));
  }

  void questionMarkIsMissingAnywhereUnlessQuoted() {
    const ImportResult r = readBytes(
        "@relation r\n@attribute x numeric\n@attribute i integer\n@attribute c {a,b}\n@attribute s string\n"
        "@attribute d date 'yyyy-MM-dd'\n@data\n"
        "?,?,?,?,?\n"
        " ? , 3 , a , '?' , 2024-03-01\n"
        "1.5,?,b,\"tab\\there\\nnewline \\\\ back\",?\n");
    const auto& t = r.table;
    QCOMPARE(t.rowCount(), size_t(3));
    const size_t missing[] = {2, 2, 1, 1, 2};
    for (int c = 0; c < 5; ++c) QCOMPARE(t.column(c).missingCount(), missing[c]);
    QCOMPARE(t.column(1).type(), ColumnType::Int64);
    QVERIFY(std::isnan(t.column(0).float64Values()[0]));
    QVERIFY(t.column(3).isValid(1));
    QCOMPARE(t.column(3).textAt(1), std::string_view("?"));  // a quoted ? is the text "?"
    QCOMPARE(t.column(3).textAt(2), std::string_view("tab\there\nnewline \\ back"));
    QCOMPARE(t.column(4).type(), ColumnType::Datetime);
    QCOMPARE(t.column(4).int64Values()[1], std::int64_t(1709251200000000));  // Python: 2024-03-01 UTC
    QCOMPARE(levelsOf(t.column(2)), (std::vector<std::string>{"a", "b"}));
  }

  // --- BAD_INPUTS 24: sparse rows, instance weights, DATE with a format, relational, wrong counts.
  void sparseRows() {
    const ImportResult r = readBytes(
        "@relation r\n@attribute x numeric\n@attribute c {a,b,c}\n@attribute s string\n@attribute i integer\n@data\n"
        "{0 1.5, 1 b}\n"
        "{}\n"
        "{ 2 'hello world' , 3 -4 }\n"
        "{0 ?, 1 c}\n");
    const auto& t = r.table;
    QCOMPARE(t.rowCount(), size_t(4));
    QCOMPARE(t.column(0).float64Values()[0], 1.5);
    QCOMPARE(t.column(0).float64Values()[1], 0.0);  // absent numeric: 0
    QVERIFY(!t.column(0).isValid(3));
    QCOMPARE(t.column(1).displayText(0), std::string("b"));
    QCOMPARE(t.column(1).displayText(1), std::string("a"));  // absent nominal: the first level, as Weka
    QCOMPARE(t.column(2).textAt(2), std::string_view("hello world"));
    QCOMPARE(t.column(2).textAt(0), std::string_view(""));
    QCOMPARE(t.column(3).type(), ColumnType::Int64);
    QCOMPARE(t.column(3).int64Values()[2], std::int64_t(-4));
    QCOMPARE(t.column(3).int64Values()[0], std::int64_t(0));
    QVERIFY(r.warnings.empty());
  }

  void sparseIndexOutOfRangeOrDecreasing() {
    const std::string header = "@relation r\n@attribute x numeric\n@attribute y numeric\n@data\n{0 1}\n";
    auto e = errorOf(header + "{0 1, 5 2}\n");
    QVERIFY(e);
    QCOMPARE(e->code(), ErrorCode::Parse);
    QCOMPARE(e->where().line, std::int64_t(6));
    QCOMPARE(e->where().column, std::int64_t(7));
    QCOMPARE(e->value(), std::string("5"));
    e = errorOf(header + "{1 1, 0 2}\n");
    QVERIFY(e);
    QCOMPARE(e->where().line, std::int64_t(6));
    QVERIFY2(std::string(e->what()).find("increase") != std::string::npos, e->what());
    e = errorOf(header + "{1 1, 99999999999999999999999 2}\n");
    QVERIFY(e);
    QCOMPARE(e->code(), ErrorCode::Parse);
  }

  void instanceWeightsAreIgnoredWithOneWarning() {
    const ImportResult r = readBytes(
        "@relation r\n@attribute x numeric\n@attribute c {a,b}\n@data\n"
        "1,a\n"
        "1,a,{0.5}\n"
        "2, 'b' {2}\n"
        "{0 3}, {7}\n");
    QCOMPARE(r.table.rowCount(), size_t(4));
    QCOMPARE(r.table.column(0).float64Values()[3], 3.0);
    QCOMPARE(r.warnings.size(), size_t(1));
    QCOMPARE(r.warnings[0].count, size_t(3));
    QCOMPARE(r.warnings[0].where.line, std::int64_t(6));
    QCOMPARE(r.warnings[0].where.column, std::int64_t(5));
    const auto e = errorOf("@relation r\n@attribute x numeric\n@data\n1,{heavy}\n");
    QVERIFY(e);
    QCOMPARE(e->where().line, std::int64_t(4));
  }

  void datesWithAFormat() {
    const auto& t = readBytes(
                        "@relation r\n"
                        "@attribute a date \"yyyy-MM-dd HH:mm:ss\"\n"
                        "@attribute b DATE\n"
                        "@attribute c date yyyyMMdd\n"
                        "@attribute d date 'dd/MM/yyyy \\'at\\' HH:mm:ss.SSS'\n"
                        "@data\n"
                        "'2024-03-01 12:30:15', 2001-04-03T12:12:12, 20240301, '01/03/2024 at 12:30:15.250'\n"
                        "'1969-12-31 23:59:59', ?, 19700101, ?\n")
                        .table;
    for (int c = 0; c < 4; ++c) QCOMPARE(t.column(c).type(), ColumnType::Datetime);
    // Expected microseconds from Python's datetime(..., tzinfo=timezone.utc).timestamp().
    QCOMPARE(t.column(0).int64Values()[0], std::int64_t(1709296215000000));
    QCOMPARE(t.column(0).int64Values()[1], std::int64_t(-1000000));
    QCOMPARE(t.column(1).int64Values()[0], std::int64_t(986299932000000));
    QCOMPARE(t.column(2).int64Values()[0], std::int64_t(1709251200000000));
    QCOMPARE(t.column(2).int64Values()[1], std::int64_t(0));
    QCOMPARE(t.column(3).int64Values()[0], std::int64_t(1709296215250000));
    QCOMPARE(t.column(1).missingCount(), size_t(1));
  }

  void badDatesAndPatterns() {
    const std::string header = "@relation r\n@attribute d date 'yyyy-MM-dd'\n@data\n2024-02-29\n";
    auto e = errorOf(header + "2023-02-29\n");  // not a leap year
    QVERIFY(e);
    QCOMPARE(e->code(), ErrorCode::Parse);
    QCOMPARE(e->where().line, std::int64_t(5));
    QCOMPARE(e->where().column, std::int64_t(1));
    QCOMPARE(e->value(), std::string("2023-02-29"));
    QVERIFY(errorOf(header + "2024-03-01 junk\n"));
    QVERIFY(errorOf(header + "2024-13-01\n"));
    e = errorOf("@relation r\n@attribute d date 'dd-MMM-yyyy'\n@data\n01-Mar-2024\n");
    QVERIFY(e);
    QCOMPARE(e->code(), ErrorCode::Unsupported);
    QCOMPARE(e->where().line, std::int64_t(2));
    QVERIFY(errorOf("@relation r\n@attribute d date 'yy-MM-dd'\n@data\n"));
  }

  void relationalAttributesAreRefusedClearly() {
    const auto e = errorOf(
        "@relation r\n@attribute id {a,b}\n@attribute bag relational\n  @attribute x numeric\n@end bag\n@data\n");
    QVERIFY(e);
    QCOMPARE(e->code(), ErrorCode::Unsupported);
    QCOMPARE(e->where().line, std::int64_t(3));
    QVERIFY2(std::string(e->what()).find("relational") != std::string::npos, e->what());
  }

  void wrongNumberOfValuesNamesTheLine() {
    const std::string header = "@relation r\n@attribute x numeric\n@attribute y numeric\n@attribute c {a,b}\n@data\n1,2,a\n";
    auto e = errorOf(header + "1,2\n");
    QVERIFY(e);
    QCOMPARE(e->code(), ErrorCode::Parse);
    QCOMPARE(e->where().line, std::int64_t(7));
    QCOMPARE(e->where().file, std::string("test.arff"));
    QVERIFY2(std::string(e->what()).find("expected 3 values, found 2") != std::string::npos, e->what());
    e = errorOf(header + "1,2,a,b\n");
    QVERIFY(e);
    QCOMPARE(e->where().line, std::int64_t(7));
    QCOMPARE(e->where().column, std::int64_t(7));
  }

  void unterminatedQuoteNamesTheLine() {
    const auto e = errorOf("@relation r\n@attribute s string\n@attribute x numeric\n@data\n'ok',1\n'fine,2\n'x',3\n");
    QVERIFY(e);
    QCOMPARE(e->code(), ErrorCode::Parse);
    QCOMPARE(e->where().line, std::int64_t(6));
    QCOMPARE(e->where().column, std::int64_t(1));
    QVERIFY2(std::string(e->what()).find("unterminated quote") != std::string::npos, e->what());
    QVERIFY(errorOf("@relation r\n@attribute 'unclosed numeric\n@data\n"));
    QVERIFY(errorOf("@relation r\n@attribute s string\n@data\n'ends with a backslash\\'\n"));
  }

  void nonNumericValueInANumericAttribute() {
    const auto e = errorOf("@relation r\n@attribute x numeric\n@attribute y real\n@data\n1,2\n3, 4x\n");
    QVERIFY(e);
    QCOMPARE(e->code(), ErrorCode::Parse);
    QCOMPARE(e->where().line, std::int64_t(6));
    QCOMPARE(e->where().column, std::int64_t(4));
    QCOMPARE(e->value(), std::string("4x"));
    QVERIFY2(std::string(e->what()).find("'y'") != std::string::npos, e->what());
    QVERIFY(errorOf("@relation r\n@attribute x numeric\n@data\n'?'\n"));  // a quoted ? is text, not missing
  }

  void integerAttributes() {
    const auto& t = readBytes(
                        "@relation r\n@attribute id integer\n@attribute n integer\n@data\n"
                        "9007199254740993, 1\n-9223372036854775808, 2.5\n3.0, ?\n")
                        .table;
    QCOMPARE(t.column(0).type(), ColumnType::Int64);  // kept exactly, never through a double
    QCOMPARE(t.column(0).int64Values()[0], std::int64_t(9007199254740993));
    QCOMPARE(t.column(0).int64Values()[1], std::numeric_limits<std::int64_t>::min());
    QCOMPARE(t.column(0).int64Values()[2], std::int64_t(3));
    QCOMPARE(t.column(1).type(), ColumnType::Float64);  // 2.5 is not integral
    QCOMPARE(t.column(1).float64Values()[1], 2.5);
    QVERIFY(std::isnan(t.column(1).float64Values()[2]));
    QCOMPARE(t.column(1).missingCount(), size_t(1));
  }

  void emptyUnquotedValuesAreMissingWithAWarning() {
    const ImportResult r = readBytes("@relation r\n@attribute x numeric\n@attribute s string\n@data\n,'a'\n1,\n");
    QCOMPARE(r.table.column(0).missingCount(), size_t(1));
    QCOMPARE(r.table.column(1).missingCount(), size_t(1));
    QCOMPARE(r.warnings.size(), size_t(1));
    QCOMPARE(r.warnings[0].count, size_t(2));
    QCOMPARE(r.warnings[0].where.line, std::int64_t(5));
  }

  void headerErrors_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("line");
    QTest::newRow("0-byte file") << QByteArray() << int(ErrorCode::Parse) << -1;
    QTest::newRow("only a newline") << QByteArray("\n") << int(ErrorCode::Parse) << -1;
    QTest::newRow("only comments") << QByteArray("% nothing\n%\n") << int(ErrorCode::Parse) << -1;
    QTest::newRow("header only, no @data") << QByteArray("@relation r\n@attribute x numeric\n") << int(ErrorCode::Parse) << 2;
    QTest::newRow("no attributes") << QByteArray("@relation r\n@data\n1\n") << int(ErrorCode::Parse) << 2;
    QTest::newRow("unknown type") << QByteArray("@relation r\n@attribute x number\n@data\n") << int(ErrorCode::Parse) << 2;
    QTest::newRow("no type") << QByteArray("@relation r\n@attribute x\n@data\n") << int(ErrorCode::Parse) << 2;
    QTest::newRow("unclosed nominal list") << QByteArray("@relation r\n@attribute c {a, b\n@data\n") << int(ErrorCode::Parse) << 2;
    QTest::newRow("duplicate attribute") << QByteArray("@relation r\n@attribute x real\n@attribute x real\n@data\n") << int(ErrorCode::Parse) << 3;
    QTest::newRow("duplicate level") << QByteArray("@relation r\n@attribute c {a, b, a}\n@data\n") << int(ErrorCode::Parse) << 2;
    QTest::newRow("unknown declaration") << QByteArray("@relation r\n@attribute x real\n@foo\n@data\n") << int(ErrorCode::Parse) << 3;
    QTest::newRow("not ARFF (CSV)") << QByteArray("a,b,c\n1,2,3\n") << int(ErrorCode::Parse) << 1;
    QTest::newRow("NUL in header") << QByteArray("@relation r\n@attri\0bute x real\n", 31) << int(ErrorCode::Parse) << 2;
    QTest::newRow("zip signature") << QByteArray("PK\x03\x04\x14\0\0\0rest", 12) << int(ErrorCode::Parse) << -1;
    QTest::newRow("png signature") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << int(ErrorCode::Parse) << -1;
    QTest::newRow("gzip") << QByteArray("\x1f\x8b\x08\0\0\0", 6) << int(ErrorCode::Unsupported) << -1;
    QTest::newRow("UTF-16") << QByteArray("\xff\xfe@\0r\0", 6) << int(ErrorCode::Unsupported) << -1;
  }
  void headerErrors() {
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QFETCH(int, line);
    const auto e = errorOf(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    QVERIFY(e);
    QCOMPARE(int(e->code()), code);
    QCOMPARE(e->where().file, std::string("test.arff"));
    QCOMPARE(e->where().line, std::int64_t(line));
    QVERIFY(!e->message().empty());
  }

  void headerWithDataButNoRowsIsAnEmptyTypedTable() {
    const ImportResult r = readBytes("@relation r\n@attribute x numeric\n@attribute c {a,b}\n@data\n% none\n");
    QCOMPARE(r.table.rowCount(), size_t(0));
    QCOMPARE(r.table.columnCount(), size_t(2));
    QCOMPARE(r.table.column(1).type(), ColumnType::Categorical);
    QCOMPARE(levelsOf(r.table.column(1)), (std::vector<std::string>{"a", "b"}));
    QCOMPARE(r.warnings.size(), size_t(1));
    QCOMPARE(r.warnings[0].where.line, std::int64_t(4));
  }

  void truncatedMidRow() {
    const std::string iris = fileBytes(kDatasets + "/iris.arff");
    QVERIFY(!iris.empty());
    const std::size_t cut = iris.rfind("5.9,3.0,5.1") + 6;  // the last row, cut to "5.9,3."
    const auto e = errorOf(std::string_view(iris).substr(0, cut));
    QVERIFY(e);
    QCOMPARE(e->code(), ErrorCode::Parse);
    QCOMPARE(e->where().line, std::int64_t(std::count(iris.begin(), iris.begin() + long(cut), '\n') + 1));
    // Cut inside a quoted article: the error names the line where the quote opened.
    const std::string reuters = fileBytes(kDatasets + "/ReutersCorn-test.arff");
    const auto quoted = errorOf(std::string_view(reuters).substr(0, reuters.size() / 2));
    QVERIFY(quoted);
    QVERIFY2(std::string(quoted->what()).find("unterminated quote") != std::string::npos, quoted->what());
  }

  void binaryJunkIsAnErrorNeverACrash() {
    std::mt19937 random(42);
    for (int round = 0; round < 200; ++round) {
      std::string junk(1 + random() % 4096, '\0');
      for (char& c : junk) c = static_cast<char>(random());
      if (round % 2) junk.insert(0, "@relation junk\n");
      try {
        readBytes(junk);
      } catch (const Error&) {
      }
    }
    // Random edits of a real file: a table or a lathe::Error, nothing else.
    const std::string iris = fileBytes(kDatasets + "/iris.arff");
    int errors = 0;
    for (int round = 0; round < 500; ++round) {
      std::string mutated = iris;
      for (int edit = 0; edit < 4; ++edit) {
        const std::size_t at = random() % mutated.size();
        const char bytes[] = {',', '\'', '"', '{', '}', '?', '%', '\\', '\n', '\r', '\0', ' ', '@', char(0xC3)};
        mutated[at] = bytes[random() % sizeof(bytes)];
      }
      try {
        readBytes(mutated);
      } catch (const Error&) {
        ++errors;
      }
    }
    QVERIFY(errors > 0);
  }

  void invalidUtf8IsReadAsLatin1() {
    const ImportResult r = readBytes(
        "@relation r\n@attribute name string\n@attribute city {caf\xe9, b}\n@data\n'Jos\xe9',caf\xe9\n'x', b\n");
    QCOMPARE(r.encoding, std::string("latin-1"));
    QCOMPARE(r.table.column(0).textAt(0), std::string_view("Jos\xc3\xa9"));
    QCOMPARE(levelsOf(r.table.column(1)), (std::vector<std::string>{"caf\xc3\xa9", "b"}));
    QCOMPARE(r.table.column(1).codes()[0], 0);
    QCOMPARE(r.warnings.size(), size_t(1));
    QCOMPARE(r.warnings[0].where.byteOffset, std::int64_t(55));  // the \xe9 of "caf\xe9"
    // Columns count characters of the file: 'Jos\xe9',abc: the bad value starts at column 8.
    const auto e = errorOf("@relation r\n@attribute s string\n@attribute x numeric\n@data\n'Jos\xe9',abc\n");
    QVERIFY(e);
    QCOMPARE(e->where().column, std::int64_t(8));
  }

  void validUtf8AndBom() {
    const ImportResult r = readBytes("\xEF\xBB\xBF@relation r\n@attribute '\xEC\x9D\xB4\xEB\xA6\x84' string\n@data\n'\xEA\xB9\x80'\n");
    QCOMPARE(r.encoding, std::string("utf-8"));
    QCOMPARE(r.table.column(0).name(), std::string("\xEC\x9D\xB4\xEB\xA6\x84"));
    QCOMPARE(r.table.column(0).textAt(0), std::string_view("\xEA\xB9\x80"));
    QVERIFY(r.warnings.empty());
  }

  void lineEndings() {
    const std::string lf = fileBytes(kDatasets + "/credit-g.arff");
    const ImportResult a = readBytes(lf);
    for (const std::string ending : {"\r\n", "\r"}) {
      const ImportResult b = readBytes(replaceAll(lf, "\n", ending));
      QCOMPARE(b.table.rowCount(), a.table.rowCount());
      for (std::size_t c = 0; c < a.table.columnCount(); ++c)
        for (std::size_t row = 0; row < a.table.rowCount(); row += 7)
          QCOMPARE(b.table.column(c).displayText(row), a.table.column(c).displayText(row));
    }
    const auto e = errorOf("@relation r\r\n@attribute x numeric\r\n@data\r\n1\r\nbad\r\n");
    QVERIFY(e);
    QCOMPARE(e->where().line, std::int64_t(5));
    QCOMPARE(e->value(), std::string("bad"));
  }

  void missingFileIsAnIoError() {
    try {
      readFile(kDatasets + "/no-such-file.arff");
      QFAIL("expected lathe::Error");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Io);
    }
  }

  void cancelAndProgress() {
    struct Sink final : lathe::jobs::ProgressSink {
      void report(double f, std::string_view) override {
        last = f;
        ++calls;
        if (stopOnReport) stop->request_stop();
      }
      double last = 0;
      int calls = 0;
      bool stopOnReport = false;
      std::stop_source* stop = nullptr;
    } sink;
    std::stop_source stopped;
    stopped.request_stop();
    const lathe::jobs::JobContext context(stopped.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, lathe::data::readArff(kDatasets + "/iris.arff", context));
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, lathe::data::readArffBytes("@relation r\n", "x", context));

    // 100,000 rows: progress arrives along the way and reaches 1; a stop asked on the first
    // report is honoured before the end.
    std::string big = "@relation big\n@attribute x numeric\n@attribute c {a,b}\n@data\n";
    for (int i = 0; i < 100000; ++i) big += std::to_string(i) + (i % 2 ? ",a\n" : ",b\n");
    std::stop_source go;
    const ImportResult r = lathe::data::readArffBytes(big, "big", lathe::jobs::JobContext(go.get_token(), sink));
    QCOMPARE(r.table.rowCount(), size_t(100000));
    QCOMPARE(sink.last, 1.0);
    QVERIFY(sink.calls > 10);
    std::stop_source later;
    sink.stop = &later;
    sink.stopOnReport = true;
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled,
                             lathe::data::readArffBytes(big, "big", lathe::jobs::JobContext(later.get_token(), sink)));
  }
};

QTEST_APPLESS_MAIN(tst_ArffReader)
#include "tst_ArffReader.moc"
