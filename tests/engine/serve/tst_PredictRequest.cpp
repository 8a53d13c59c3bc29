// Reading predict requests (issue 10, BAD_INPUTS case 35): JSON and CSV bodies become a table in
// the model's schema, whatever the client's column order; every malformed body is a 4xx naming
// the row and column; a million rows stop at the limit without being held.
#include <QtTest>

#include <chrono>
#include <functional>
#include <numeric>
#include <stop_token>
#include <optional>

#include "engine/data/DataImporter.h"
#include "engine/data/ValueParsing.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "engine/serve/PredictRequest.h"
#include "engine/serve/PredictionJson.h"
#include "engine/serve/RequestError.h"
#include "TestPaths.h"

using namespace lathe;
using serve::PredictRequest;
using serve::RequestError;

namespace {

const deploy::InputSchema& schema() {
  static const deploy::InputSchema s{{"x", data::ColumnType::Float64},     {"n", data::ColumnType::Int64},
                                     {"flag", data::ColumnType::Bool},     {"island", data::ColumnType::Categorical},
                                     {"note", data::ColumnType::Text},     {"when", data::ColumnType::Datetime}};
  return s;
}

const data::Column& col(const PredictRequest& r, const std::string& name) { return r.table().column(*r.table().indexOf(name)); }

// The status and message a body is refused with; status 0 when it is accepted.
std::pair<int, std::string> refusal(const std::function<void()>& parse) {
  try {
    parse();
  } catch (const RequestError& e) {
    return {e.status(), e.message()};
  }
  return {0, {}};
}

std::pair<int, std::string> jsonRefusal(const std::string& body, std::size_t maxRows = 10000) {
  return refusal([&] { PredictRequest::parse(body, "application/json", schema(), maxRows); });
}

std::pair<int, std::string> csvRefusal(const std::string& body, std::size_t maxRows = 10000) {
  return refusal([&] { PredictRequest::parse(body, "text/csv", schema(), maxRows); });
}

// A request as text: each column's cells (missing ones as "-") and the row keys.
std::string describe(const PredictRequest& r) {
  std::string out = "rows " + std::to_string(r.rowCount());
  for (const auto& column : r.table().columns()) {
    out += "\n" + column->name() + ":";
    for (std::size_t row = 0; row < column->size(); ++row) out += " " + (column->isValid(row) ? column->displayText(row) : "-");
  }
  out += "\nkeys:";
  for (const auto& key : r.keys()) out += " " + (key ? *key : "-");
  return out;
}

// What a JSON body becomes with the key column "id" and at most 2 rows: its table, or its refusal.
std::string outcome(const std::string& body, const deploy::InputSchema& columns, PredictRequest::JsonParser parser) {
  try {
    return describe(PredictRequest::fromJson(body, columns, 2, "id", parser));
  } catch (const RequestError& e) {
    return "refused " + std::to_string(e.status()) + ": " + e.message();
  }
}

const char* kRow = R"({"x": 1.5, "n": 2, "flag": true, "island": "Biscoe", "note": "hi", "when": "2024-03-01T12:30:00Z"})";

}  // namespace

class tst_PredictRequest : public QObject {
  Q_OBJECT
 private slots:
  void jsonRowsBecomeTheSchemasColumns() {
    const auto r = PredictRequest::parse(
        std::string(R"({"model": {"ignored": [1, {"deep": []}]}, "rows": [)") + kRow +
            R"(, {"when": null, "island": "Dream", "n": 3.0, "x": -2, "flag": 0}, {"x": 7, "flag": 1}]})",
        "application/json; charset=utf-8", schema(), 100);
    QCOMPARE(r.rowCount(), std::size_t(3));
    QCOMPARE(r.table().columnCount(), schema().size());
    for (std::size_t c = 0; c < schema().size(); ++c) {
      QCOMPARE(r.table().column(c).name(), schema()[c].name);
      QCOMPARE(r.table().column(c).type(), schema()[c].type);
    }
    QCOMPARE(col(r, "x").float64Values()[0], 1.5);
    QCOMPARE(col(r, "x").float64Values()[1], -2.0);
    QCOMPARE(col(r, "n").int64Values()[1], std::int64_t(3));  // 3.0 is a whole number
    QVERIFY(!col(r, "n").isValid(2));                           // absent from the row: missing
    QCOMPARE(col(r, "flag").boolValues()[1], std::uint8_t(0));
    QCOMPARE(col(r, "flag").boolValues()[2], std::uint8_t(1));
    QCOMPARE(col(r, "island").displayText(1), std::string("Dream"));
    QCOMPARE(col(r, "note").displayText(0), std::string("hi"));
    QVERIFY(!col(r, "note").isValid(1));
    std::int64_t when = 0;
    QVERIFY(data::parseDatetime("2024-03-01T12:30:00Z", when));
    QCOMPARE(col(r, "when").int64Values()[0], when);
    QVERIFY(!col(r, "when").isValid(1));
  }

  void numbersAndBooleansAreTextInLabelColumns() {
    const auto r = PredictRequest::parse(R"({"rows": [{"x": 1, "n": 1, "flag": true, "when": null, "island": 3, "note": false}, {"when": "2024-01-01"}]})", "", schema(), 10);
    QCOMPARE(col(r, "island").displayText(0), std::string("3"));
    QCOMPARE(col(r, "note").displayText(0), std::string("false"));
  }

  void badJsonIsA400NamingRowAndColumn_data() { addBadJsonRows(); }
  void badJsonIsA400NamingRowAndColumn() {
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, says);
    const auto [got, message] = jsonRefusal(body.toStdString(), 2);
    QCOMPARE(got, status);
    QVERIFY2(message.find(says.toStdString()) != std::string::npos, message.c_str());
  }

  // The server reads JSON with simdjson and falls back to nlohmann where they might differ: every
  // body, good or bad, must come out exactly as nlohmann alone reads it (the same table, keys,
  // status and message). The bad bodies above, and the corners of JSON numbers and strings.
  void theFastParserDecidesEveryBodyAsTheReferenceDoes_data() {
    addBadJsonRows();
    // Each accepted body is read against the columns it gives (every column must be in some row).
    const auto good = [](const char* name, const std::string& body, const char* columns = "") {
      QTest::newRow(name) << QByteArray::fromStdString(body) << 0 << QString() << QString(columns);
    };
    good("ordinary", std::string("{\"rows\": [") + kRow + "]}");
    good("white space", std::string(" \t\r\n{ \"rows\" :\n[ ") + kRow + " ,\n" + kRow + " ] }\n\t ");
    good("minus zero", R"({"rows": [{"x": -0, "n": -0, "island": -0, "note": -0, "id": -0}]})", "x n island note");
    good("float forms", R"({"rows": [{"x": 1E2, "n": 1e+2, "island": 0.10, "note": -1.5e-3, "id": 2.50}, {"x": 0.0, "n": -0.0, "flag": 1.0, "note": 1e-400}]})", "x n flag island note");
    good("big integers", R"({"rows": [{"x": 18446744073709551616, "n": 9223372036854775807, "island": 123456789012345678901234567890, "note": 18446744073709551615, "id": 9223372036854775808}]})", "x n island note");
    good("negative limits", R"({"rows": [{"x": -9223372036854775809, "n": -9223372036854775808, "island": -9223372036854775809}]})", "x n island");
    // (Not a raw string: moc misreads this one.)
    good("escapes", "{\"rows\": [{\"\\u0078\": 1, \"note\": \"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00\", \"island\": \"\\u0000\", \"id\": \"\\t\"}]}", "x island note");
    good("utf-8", "{\"rows\": [{\"x\": 1, \"island\": \"\xea\xb9\x80\xeb\x98\xa0\", \"note\": \"\xf0\x9f\x98\x80\"}]}", "x island note");
    good("ignored values", R"({"v": [[[{"a": [1, -0, 1e5, "s", null, true]}]]], "rows": [{"x": 1}], "after": {"b": {}}})", "x");
    good("keys", R"({"rows": [{"x": 1, "id": "c-1"}, {"x": 2, "id": 17}]})", "x");
    good("more keys", R"({"rows": [{"x": 3, "id": null}, {"id": true, "x": 4}]})", "x");
    good("keys float", R"({"rows": [{"x": 1, "id": 1.50}, {"x": 2, "id": 1e2}]})", "x");
    good("order changes", R"({"rows": [{"x": 1, "n": 2}, {"island": "a", "n": 3, "x": 4}]})", "x n island");
    good("deep ignored", "{\"v\": " + std::string(100000, '[') + std::string(100000, ']') + ", \"rows\": [{\"x\": 1}]}", "x");
    good("bom", "\xef\xbb\xbf{\"rows\": [{\"x\": 1}]}", "x");
    const auto bad = [](const char* name, const std::string& body) {
      QTest::newRow(name) << QByteArray::fromStdString(body) << 400 << QString() << QString();
    };
    bad("leading zero", R"({"rows": [{"x": 01}]})");
    bad("leading zero ignored", R"({"v": 01, "rows": [{"x": 1}]})");
    bad("bare minus", R"({"rows": [{"x": -}]})");
    bad("plus", R"({"rows": [{"x": +1}]})");
    bad("dot first", R"({"rows": [{"x": .5}]})");
    bad("dot last", R"({"rows": [{"x": 1.}]})");
    bad("bare exponent", R"({"rows": [{"x": 1e}]})");
    bad("huge float", R"({"rows": [{"island": 1.8e309}]})");
    bad("lone surrogate", R"({"rows": [{"x": 1, "note": "\ud800"}]})");
    bad("low surrogate", R"({"rows": [{"x": 1, "note": "\udc00x"}]})");
    bad("bad escape", R"({"rows": [{"x": 1, "note": "\q"}]})");
    bad("control character", "{\"rows\": [{\"x\": 1, \"note\": \"a\x01b\"}]}");
    bad("nul", R"({"rows": [{"x": nul}]})");
    bad("truex", R"({"rows": [{"x": 1, "flag": truex}]})");
    bad("trailing comma", R"({"rows": [{"x": 1},]})");
    bad("trailing comma ignored", R"({"v": [1, 2,], "rows": [{"x": 1}]})");
    bad("missing comma", R"({"rows": [{"x": 1 "n": 2}]})");
    bad("single quotes", R"({'rows': []})");
    bad("unclosed", R"({"rows": [{"x": 1}])");
    bad("extra close", R"({"rows": [{"x": 1}]}})");
    bad("number at top", "42");
    bad("string at top", "\"rows\"");
  }
  void theFastParserDecidesEveryBodyAsTheReferenceDoes() {
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, columns);
    deploy::InputSchema read;
    for (const auto& column : schema())
      if (columns.isEmpty() || columns.split(' ').contains(QString::fromStdString(column.name))) read.push_back(column);
    const std::string text = body.toStdString();
    const std::string reference = outcome(text, read, PredictRequest::JsonParser::Reference);
    QCOMPARE(outcome(text, read, PredictRequest::JsonParser::Fast), reference);
    if (status == 0) QVERIFY2(reference.rfind("rows ", 0) == 0, reference.c_str());  // accepted
    else QVERIFY2(reference.rfind("refused ", 0) == 0, reference.c_str());
  }

  // Real rows: penguins.csv as the server's log writes them (PredictionJson::rowsJson), read back
  // by both parsers into the same table as the one written.
  void realRowsAreReadTheSameByBothParsers() {
    data::ImportRequest import;
    import.path = std::string(LATHE_DATASETS_DIR) + "/penguins.csv";
    jobs::NullProgressSink sink;
    const data::Table table = data::DataImporter::import(import, jobs::JobContext(std::stop_token{}, sink)).table;
    deploy::InputSchema penguins;
    for (const auto& column : table.columns()) penguins.push_back({column->name(), column->type()});
    std::vector<std::size_t> rows(table.rowCount());
    std::iota(rows.begin(), rows.end(), std::size_t(0));
    const std::string body = "{\"rows\": " + serve::PredictionJson::rowsJson(table, rows) + "}";
    const auto fast = PredictRequest::fromJson(body, penguins, 10000, {}, PredictRequest::JsonParser::Fast);
    const auto reference = PredictRequest::fromJson(body, penguins, 10000, {}, PredictRequest::JsonParser::Reference);
    QCOMPARE(fast.rowCount(), std::size_t(344));
    QCOMPARE(describe(fast), describe(reference));
    for (std::size_t c = 0; c < table.columnCount(); ++c)
      for (std::size_t r = 0; r < table.rowCount(); ++r) {
        QCOMPARE(fast.table().column(c).isValid(r), table.column(c).isValid(r));
        QCOMPARE(fast.table().column(c).displayText(r), table.column(c).displayText(r));
      }
  }

 private:
  static void addBadJsonRows() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("says");
    QTest::addColumn<QString>("columns");  // the schema's columns the body is read against ("": all)
    QTest::newRow("not json") << QByteArray("{\"rows\": [") << 400 << "not valid JSON" << QString();
    QTest::newRow("garbage") << QByteArray("hello") << 400 << "not valid JSON" << QString();
    QTest::newRow("empty body") << QByteArray("") << 400 << "empty body" << QString();
    QTest::newRow("array at top") << QByteArray("[1, 2]") << 400 << "must be a JSON object" << QString();
    QTest::newRow("no rows") << QByteArray("{\"data\": []}") << 400 << "no \"rows\" array" << QString();
    QTest::newRow("rows not array") << QByteArray("{\"rows\": {\"x\": 1}}") << 400 << "\"rows\" must be an array" << QString();
    QTest::newRow("empty batch") << QByteArray("{\"rows\": []}") << 400 << "empty batch" << QString();
    QTest::newRow("row not object") << QByteArray("{\"rows\": [{\"x\": 1}, 5]}") << 400 << "row 1 is not an object" << QString();
    QTest::newRow("unknown column") << QByteArray("{\"rows\": [{\"x\": 1, \"bogus\": 2}]}") << 400 << "row 0: unknown column \"bogus\"" << QString();
    QTest::newRow("missing column") << QByteArray("{\"rows\": [{\"n\": 1}]}") << 400 << "missing columns \"x\", \"flag\"" << QString();
    QTest::newRow("int given 2.5") << QByteArray("{\"rows\": [{\"x\": 1}, {\"n\": 2.5}]}") << 400
                                   << "row 1, column \"n\": expected an integer, got 2.5" << QString();
    QTest::newRow("string for number") << QByteArray("{\"rows\": [{\"x\": \"abc\"}]}") << 400
                                       << "row 0, column \"x\": expected a number, got the string \"abc\"" << QString();
    QTest::newRow("NaN string") << QByteArray("{\"rows\": [{\"x\": \"NaN\"}]}") << 400 << "row 0, column \"x\": not a finite number" << QString();
    QTest::newRow("inf string") << QByteArray("{\"rows\": [{\"x\": 1}, {\"x\": \"-inf\"}]}") << 400
                                << "row 1, column \"x\": not a finite number" << QString();
    QTest::newRow("1e400") << QByteArray("{\"rows\": [{\"x\": 1e400}]}") << 400 << "row 0, column \"x\": not a finite number: 1e400" << QString();
    QTest::newRow("syntax in a row") << QByteArray("{\"rows\": [{\"x\": 1}, {\"x\": 2, \"n\": tru}]}") << 400
                                     << "row 1, column \"n\": not valid JSON" << QString();
    QTest::newRow("int out of range") << QByteArray("{\"rows\": [{\"x\": 1, \"n\": 18446744073709551615}]}") << 400
                                      << "column \"n\": number out of range" << QString();
    QTest::newRow("bool 2") << QByteArray("{\"rows\": [{\"x\": 1, \"flag\": 2}]}") << 400 << "column \"flag\": expected true, false, 0 or 1" << QString();
    QTest::newRow("bool string") << QByteArray("{\"rows\": [{\"x\": 1, \"flag\": \"yes\"}]}") << 400 << "column \"flag\": expected true or false" << QString();
    QTest::newRow("bad date") << QByteArray("{\"rows\": [{\"x\": 1, \"when\": \"tomorrow\"}]}") << 400
                              << "column \"when\": expected an ISO 8601 date" << QString();
    QTest::newRow("date as number") << QByteArray("{\"rows\": [{\"x\": 1, \"when\": 1700000000}]}") << 400
                                    << "column \"when\": expected an ISO 8601 date string" << QString();
    QTest::newRow("nested value") << QByteArray("{\"rows\": [{\"x\": [1, 2]}]}") << 400 << "row 0, column \"x\": expected a value, got an array" << QString();
    QTest::newRow("object value") << QByteArray("{\"rows\": [{\"x\": 1, \"island\": {}}]}") << 400 << "column \"island\": expected a value, got an object" << QString();
    QTest::newRow("twice") << QByteArray("{\"rows\": [{\"x\": 1, \"x\": 2}]}") << 400 << "row 0: column \"x\" is given twice" << QString();
    QTest::newRow("rows twice") << QByteArray("{\"rows\": [{\"x\": 1}], \"rows\": []}") << 400 << "\"rows\" is given twice" << QString();
    QTest::newRow("trailing") << QByteArray("{\"rows\": [{\"x\": 1}]} {}") << 400 << "not valid JSON" << QString();
    QTest::newRow("bad utf8") << QByteArray("{\"rows\": [{\"x\": 1, \"note\": \"\xff\"}]}") << 400 << "not valid JSON" << QString();
    QTest::newRow("too many") << QByteArray("{\"rows\": [{\"x\": 1}, {\"x\": 2}, {\"x\": 3}]}") << 413 << "at most 2 rows" << QString();
  }

 private slots:

  void aMillionRowsStopAtTheLimit() {
    // 3 MB of empty rows: under the body limit, so the row limit must catch it, early.
    std::string body = "{\"rows\": [";
    for (int i = 0; i < 1000000; ++i) body += i ? ",{}" : "{}";
    body += "]}";
    const auto start = std::chrono::steady_clock::now();
    const auto [status, message] = jsonRefusal(body);
    QCOMPARE(status, 413);
    QVERIFY2(message.find("at most 10000 rows") != std::string::npos, message.c_str());
    QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    // The same in CSV.
    std::string csv = "x,n,flag,island,note,when\n";
    for (int i = 0; i < 1000000; ++i) csv += "1,2,true,a,b,2024-01-01\n";
    QCOMPARE(csvRefusal(csv).first, 413);
  }

  void csvRowsBecomeTheSchemasColumns() {
    const auto r = PredictRequest::parse(
        "when,note,island,flag,n,x\n"
        "2024-03-01,\"a, quoted\",Biscoe,true,2,1.5\n"
        ",,Dream,0,-7,NA\n",
        "text/csv; charset=utf-8", schema(), 10);
    QCOMPARE(r.rowCount(), std::size_t(2));
    QCOMPARE(r.table().column(0).name(), std::string("x"));  // schema order, not the header's
    QCOMPARE(col(r, "x").float64Values()[0], 1.5);
    QVERIFY(!col(r, "x").isValid(1));
    QCOMPARE(col(r, "n").int64Values()[1], std::int64_t(-7));
    QCOMPARE(col(r, "flag").boolValues()[1], std::uint8_t(0));
    QCOMPARE(col(r, "note").displayText(0), std::string("a, quoted"));
    QVERIFY(!col(r, "note").isValid(1));
    QVERIFY(!col(r, "when").isValid(1));
    QCOMPARE(col(r, "island").displayText(1), std::string("Dream"));
  }

  void badCsvIsA400_data() {
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("says");
    const QString header = "x,n,flag,island,note,when\n";
    QTest::newRow("empty") << "" << 400 << "empty batch";
    QTest::newRow("header only") << header << 400 << "empty batch";
    QTest::newRow("NaN") << header + "1,2,true,a,b,2024-01-01\nNaN,2,true,a,b,2024-01-01\n" << 400
                         << "row 1, column \"x\": not a finite number";
    QTest::newRow("inf") << header + "inf,2,true,a,b,2024-01-01\n" << 400 << "row 0, column \"x\": not a finite number";
    QTest::newRow("text for number") << header + "abc,2,true,a,b,2024-01-01\n" << 400 << "row 0, column \"x\": expected a number";
    QTest::newRow("2.5 for int") << header + "1,2.5,true,a,b,2024-01-01\n" << 400 << "row 0, column \"n\": expected an integer";
    QTest::newRow("unknown column") << "x,n,flag,island,note,when,extra\n1,2,true,a,b,2024-01-01,3\n" << 400
                                    << "unknown column \"extra\"";
    QTest::newRow("missing column") << "x,n,flag,island,note\n1,2,true,a,b\n" << 400 << "missing column \"when\"";
    QTest::newRow("short row") << header + "1,2,true\n" << 400 << "line 2";
    QTest::newRow("long row") << header + "1,2,true,a,b,2024-01-01,9\n" << 400 << "";
    QTest::newRow("open quote") << header + "1,2,true,\"a,b,2024-01-01\n" << 400 << "quote";
    QTest::newRow("too many") << header + "1,2,true,a,b,2024-01-01\n1,2,true,a,b,2024-01-01\n1,2,true,a,b,2024-01-01\n"
                              << 413 << "at most 2 rows";
  }
  void badCsvIsA400() {
    QFETCH(QString, body);
    QFETCH(int, status);
    QFETCH(QString, says);
    const auto [got, message] = csvRefusal(body.toStdString(), 2);
    QCOMPARE(got, status);
    QVERIFY2(message.find(says.toStdString()) != std::string::npos, message.c_str());
  }

  void otherMediaTypesAre415() {
    QCOMPARE(refusal([] { PredictRequest::parse("x\n1\n", "text/plain", schema(), 10); }).first, 415);
    QCOMPARE(refusal([] { PredictRequest::parse("{}", "application/xml", schema(), 10); }).first, 415);
  }

  // A categorical column's levels are scanned while few and indexed once many: every cell keeps
  // its own label across the switch, and a label seen again reuses its level.
  void labelsKeepTheirLevelsFewOrMany() {
    std::string body = "{\"rows\": [";
    for (int i = 0; i < 120; ++i) body += std::string(i ? "," : "") + "{\"x\": 1, \"island\": \"L" + std::to_string(i * 7 % 40) + "\"}";
    body += "]}";
    const deploy::InputSchema small{{"x", data::ColumnType::Float64}, {"island", data::ColumnType::Categorical}};
    const auto r = PredictRequest::parse(body, "", small, 1000);
    const data::Column& island = col(r, "island");
    QCOMPARE(island.levels().size(), std::size_t(40));
    for (std::size_t i = 0; i < 120; ++i) QCOMPARE(island.displayText(i), "L" + std::to_string(i * 7 % 40));
  }

  void keyColumnKeysEachRow() {
    // "customer" is no feature: accepted only because it is the key column.
    const deploy::InputSchema small{{"x", data::ColumnType::Float64}, {"island", data::ColumnType::Categorical}};
    const auto r = PredictRequest::parse(
        R"({"rows": [{"x": 1, "customer": "c-1", "island": "a"}, {"x": 2, "customer": 17}, {"x": 3}, {"x": 4, "customer": null}]})",
        "", small, 10, "customer");
    QCOMPARE(r.keys().size(), std::size_t(4));
    QCOMPARE(*r.keys()[0], std::string("c-1"));
    QCOMPARE(*r.keys()[1], std::string("17"));
    QVERIFY(!r.keys()[2] && !r.keys()[3]);
    QVERIFY(!r.table().indexOf("customer"));
    // A key column that is also a feature keys and feeds the model.
    const auto both = PredictRequest::parse(R"({"rows": [{"x": 1, "island": "Dream"}]})", "", small, 10, "island");
    QCOMPARE(*both.keys()[0], std::string("Dream"));
    QCOMPARE(col(both, "island").displayText(0), std::string("Dream"));
    const auto csv = PredictRequest::parse("x,customer\n1,c-9\n2,\n", "text/csv",
                                           {{"x", data::ColumnType::Float64}}, 10, "customer");
    QCOMPARE(*csv.keys()[0], std::string("c-9"));
    QVERIFY(!csv.keys()[1]);
    QVERIFY(PredictRequest::parse(R"({"rows": [{"x": 1, "island": "a"}]})", "", small, 10).keys().empty());
  }
};

QTEST_APPLESS_MAIN(tst_PredictRequest)
#include "tst_PredictRequest.moc"
