// Reading predict requests (issue 10, BAD_INPUTS case 35): JSON and CSV bodies become a table in
// the model's schema, whatever the client's column order; every malformed body is a 4xx naming
// the row and column; a million rows stop at the limit without being held.
#include <QtTest>

#include <chrono>
#include <functional>
#include <optional>

#include "engine/data/ValueParsing.h"
#include "engine/serve/PredictRequest.h"
#include "engine/serve/RequestError.h"

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

  void badJsonIsA400NamingRowAndColumn_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("says");
    QTest::newRow("not json") << QByteArray("{\"rows\": [") << 400 << "not valid JSON";
    QTest::newRow("garbage") << QByteArray("hello") << 400 << "not valid JSON";
    QTest::newRow("empty body") << QByteArray("") << 400 << "empty body";
    QTest::newRow("array at top") << QByteArray("[1, 2]") << 400 << "must be a JSON object";
    QTest::newRow("no rows") << QByteArray("{\"data\": []}") << 400 << "no \"rows\" array";
    QTest::newRow("rows not array") << QByteArray("{\"rows\": {\"x\": 1}}") << 400 << "\"rows\" must be an array";
    QTest::newRow("empty batch") << QByteArray("{\"rows\": []}") << 400 << "empty batch";
    QTest::newRow("row not object") << QByteArray("{\"rows\": [{\"x\": 1}, 5]}") << 400 << "row 1 is not an object";
    QTest::newRow("unknown column") << QByteArray("{\"rows\": [{\"x\": 1, \"bogus\": 2}]}") << 400 << "row 0: unknown column \"bogus\"";
    QTest::newRow("missing column") << QByteArray("{\"rows\": [{\"n\": 1}]}") << 400 << "missing columns \"x\", \"flag\"";
    QTest::newRow("int given 2.5") << QByteArray("{\"rows\": [{\"x\": 1}, {\"n\": 2.5}]}") << 400
                                   << "row 1, column \"n\": expected an integer, got 2.5";
    QTest::newRow("string for number") << QByteArray("{\"rows\": [{\"x\": \"abc\"}]}") << 400
                                       << "row 0, column \"x\": expected a number, got the string \"abc\"";
    QTest::newRow("NaN string") << QByteArray("{\"rows\": [{\"x\": \"NaN\"}]}") << 400 << "row 0, column \"x\": not a finite number";
    QTest::newRow("inf string") << QByteArray("{\"rows\": [{\"x\": 1}, {\"x\": \"-inf\"}]}") << 400
                                << "row 1, column \"x\": not a finite number";
    QTest::newRow("1e400") << QByteArray("{\"rows\": [{\"x\": 1e400}]}") << 400 << "row 0, column \"x\": not a finite number: 1e400";
    QTest::newRow("syntax in a row") << QByteArray("{\"rows\": [{\"x\": 1}, {\"x\": 2, \"n\": tru}]}") << 400
                                     << "row 1, column \"n\": not valid JSON";
    QTest::newRow("int out of range") << QByteArray("{\"rows\": [{\"x\": 1, \"n\": 18446744073709551615}]}") << 400
                                      << "column \"n\": number out of range";
    QTest::newRow("bool 2") << QByteArray("{\"rows\": [{\"x\": 1, \"flag\": 2}]}") << 400 << "column \"flag\": expected true, false, 0 or 1";
    QTest::newRow("bool string") << QByteArray("{\"rows\": [{\"x\": 1, \"flag\": \"yes\"}]}") << 400 << "column \"flag\": expected true or false";
    QTest::newRow("bad date") << QByteArray("{\"rows\": [{\"x\": 1, \"when\": \"tomorrow\"}]}") << 400
                              << "column \"when\": expected an ISO 8601 date";
    QTest::newRow("date as number") << QByteArray("{\"rows\": [{\"x\": 1, \"when\": 1700000000}]}") << 400
                                    << "column \"when\": expected an ISO 8601 date string";
    QTest::newRow("nested value") << QByteArray("{\"rows\": [{\"x\": [1, 2]}]}") << 400 << "row 0, column \"x\": expected a value, got an array";
    QTest::newRow("object value") << QByteArray("{\"rows\": [{\"x\": 1, \"island\": {}}]}") << 400 << "column \"island\": expected a value, got an object";
    QTest::newRow("twice") << QByteArray("{\"rows\": [{\"x\": 1, \"x\": 2}]}") << 400 << "row 0: column \"x\" is given twice";
    QTest::newRow("rows twice") << QByteArray("{\"rows\": [{\"x\": 1}], \"rows\": []}") << 400 << "\"rows\" is given twice";
    QTest::newRow("trailing") << QByteArray("{\"rows\": [{\"x\": 1}]} {}") << 400 << "not valid JSON";
    QTest::newRow("bad utf8") << QByteArray("{\"rows\": [{\"x\": 1, \"note\": \"\xff\"}]}") << 400 << "not valid JSON";
    QTest::newRow("too many") << QByteArray("{\"rows\": [{\"x\": 1}, {\"x\": 2}, {\"x\": 3}]}") << 413 << "at most 2 rows";
  }
  void badJsonIsA400NamingRowAndColumn() {
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, says);
    const auto [got, message] = jsonRefusal(body.toStdString(), 2);
    QCOMPARE(got, status);
    QVERIFY2(message.find(says.toStdString()) != std::string::npos, message.c_str());
  }

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
