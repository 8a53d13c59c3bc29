// The fast path for predict requests' JSON (simdjson): it must read ordinary bodies itself,
// or the server silently loses its speed, and leave to nlohmann exactly the bodies where the
// two might read differently or where nlohmann's message is needed. (That both paths decide
// every body alike is tst_PredictRequest::theFastParserDecidesEveryBodyAsTheReferenceDoes.)
#include <QtTest>

#include <string>
#include <vector>

#include "engine/serve/RequestColumn.h"
#include "engine/serve/RequestError.h"
#include "engine/serve/RowsJsonHandler.h"
#include "engine/serve/RowsJsonReader.h"

using namespace lathe;
using serve::RequestColumn;
using serve::RowsJsonHandler;
using serve::RowsJsonReader;

namespace {

std::vector<RequestColumn> columns() {
  std::vector<RequestColumn> out;
  out.emplace_back("x", data::ColumnType::Float64);
  out.emplace_back("n", data::ColumnType::Int64);
  out.emplace_back("island", data::ColumnType::Categorical);
  return out;
}

}  // namespace

class tst_RowsJsonReader : public QObject {
  Q_OBJECT
 private slots:
  void ordinaryBodiesAreReadOnTheFastPath_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("rows");
    QTest::newRow("one row") << QByteArray(R"({"rows": [{"x": 1.5, "n": 2, "island": "Dream"}]})") << 1;
    QTest::newRow("white space") << QByteArray(" {\n\t\"rows\" : [ {\"x\":-2.5e-3 , \"n\" : -7, \"island\":null} ]\r\n} \n") << 1;
    QTest::newRow("keys in any order") << QByteArray(R"({"rows": [{"island": "a", "x": 1, "n": 1}, {"n": 2, "x": 2, "island": "b"}]})") << 2;
    QTest::newRow("escaped key") << QByteArray(R"({"rows": [{"\u0078": 1, "n": 1, "island": "\u00e9"}]})") << 1;
    QTest::newRow("other top-level keys") << QByteArray(R"({"model": {"a": [1, 2.5, "s", true, null]}, "rows": [{"x": 1, "n": 1, "island": "a"}], "z": []})") << 1;
    QTest::newRow("key column") << QByteArray(R"({"rows": [{"x": 1, "n": 1, "island": "a", "id": "c-1"}, {"x": 1, "n": 1, "island": "a", "id": 2.50}]})") << 2;
    QTest::newRow("large unsigned") << QByteArray(R"({"rows": [{"x": 18446744073709551615, "n": 1, "island": 9223372036854775808}]})") << 1;
  }
  void ordinaryBodiesAreReadOnTheFastPath() {
    QFETCH(QByteArray, body);
    QFETCH(int, rows);
    auto cells = columns();
    RowsJsonHandler handler(cells, "id", 100);
    QVERIFY(RowsJsonReader::read(body.toStdString(), handler));
    handler.finish();
    QCOMPARE(handler.rows(), std::size_t(rows));
  }

  void bodiesTheReadersMightReadDifferentlyAreLeftToNlohmann_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("malformed") << QByteArray(R"({"rows": [{"x": 1,}]})");
    QTest::newRow("unclosed") << QByteArray(R"({"rows": [{"x": 1}])");
    QTest::newRow("trailing bytes") << QByteArray(R"({"rows": [{"x": 1}]} {})");
    QTest::newRow("array at top") << QByteArray(R"([{"x": 1}])");
    QTest::newRow("minus zero") << QByteArray(R"({"rows": [{"x": -0}]})");
    QTest::newRow("beyond 64 bits") << QByteArray(R"({"rows": [{"x": 18446744073709551616}]})");
    QTest::newRow("below int64") << QByteArray(R"({"rows": [{"x": -9223372036854775809}]})");
    QTest::newRow("overflow") << QByteArray(R"({"rows": [{"x": 1e400}]})");
    QTest::newRow("leading zero") << QByteArray(R"({"rows": [{"x": 01}]})");
    QTest::newRow("lone surrogate") << QByteArray(R"({"rows": [{"island": "\ud800"}]})");
    QTest::newRow("bad utf-8") << QByteArray("{\"rows\": [{\"island\": \"\xff\"}]}");
    // The walk recurses; nlohmann's parser does not: a million levels must not reach the walk.
    QTest::newRow("deep") << QByteArray("{\"v\": " + QByteArray(1000000, '[') + QByteArray(1000000, ']') + ", \"rows\": [{\"x\": 1}]}");
    QTest::newRow("deep, unclosed") << QByteArray("{\"v\": " + QByteArray(1000000, '[') + "}");
  }
  void bodiesTheReadersMightReadDifferentlyAreLeftToNlohmann() {
    QFETCH(QByteArray, body);
    auto cells = columns();
    RowsJsonHandler handler(cells, "", 100);
    QVERIFY(!RowsJsonReader::read(body.toStdString(), handler));
  }

  // A wrong value is the handler's verdict, the same on both paths: it is thrown, not retried.
  void theHandlersRefusalsComeThrough() {
    auto cells = columns();
    RowsJsonHandler handler(cells, "", 100);
    try {
      RowsJsonReader::read(R"({"rows": [{"x": 1, "n": 2.5}]})", handler);
      QFAIL("2.5 was taken for an integer column");
    } catch (const serve::RequestError& e) {
      QCOMPARE(e.status(), 400);
      QVERIFY2(e.message().find("row 0, column \"n\": expected an integer, got 2.5") != std::string::npos, e.message().c_str());
    }
  }

  // A body over 1 MB is read with its own buffer and parser, then the thread's small ones again.
  void largeAndSmallBodiesAlternate() {
    std::string big = "{\"rows\": [";
    for (int i = 0; i < 9000; ++i) big += std::string(i ? "," : "") + R"({"x": 1.25, "n": 3, "island": "Torgersen"})";
    big += "]}";
    QVERIFY(big.size() > (1u << 20) / 3);
    for (const std::string& body : {big + std::string(1 << 20, ' '), std::string(R"({"rows": [{"x": 1, "n": 1, "island": "a"}]})"), big}) {
      auto cells = columns();
      RowsJsonHandler handler(cells, "", 10000);
      QVERIFY(RowsJsonReader::read(body, handler));
      handler.finish();
      QCOMPARE(handler.rows(), body.size() < 100 ? std::size_t(1) : std::size_t(9000));
    }
  }
};

QTEST_APPLESS_MAIN(tst_RowsJsonReader)
#include "tst_RowsJsonReader.moc"
