// The CSV reader at its limits: huge fields and lines (BAD_INPUTS 10), very wide files and 64-bit
// offsets (11). Limits are tested with a small CsvOptions::maxFieldBytes, so nothing allocates
// hundreds of MiB; the >2 GiB file runs only with LATHE_LARGE_TESTS=1 (it needs ~3 GB of memory).
#include <QtTest>
#include <type_traits>

#include "CsvTestSupport.h"
#include "engine/data/CsvChunker.h"
#include "engine/data/TextDecoder.h"

using namespace lathe::data;
using namespace lathe::data::csvtest;
using lathe::Error;
using lathe::ErrorCode;

namespace {

constexpr std::uint64_t kLimit = 1 << 20;  // 1 MiB

CsvOptions limited() {
  CsvOptions options;
  options.maxFieldBytes = kLimit;
  return options;
}

// Offsets into files over 2^31 bytes must not wrap: every offset type the reader uses is 64-bit.
static_assert(sizeof(CsvChunk::begin) == 8 && sizeof(CsvChunk::end) == 8);
static_assert(std::is_same_v<decltype(lathe::ErrorLocation::byteOffset), std::int64_t>);
static_assert(std::is_same_v<decltype(lathe::ErrorLocation::line), std::int64_t>);
static_assert(std::is_same_v<decltype(Column::TextData::offsets)::value_type, std::uint64_t>);
static_assert(std::is_same_v<decltype(TextDecoder::Result::firstReplacedAt), std::int64_t>);
static_assert(sizeof(CsvOptions::maxFieldBytes) == 8);

std::string wideFile(std::size_t columns, std::size_t rows) {
  std::string text;
  for (std::size_t c = 0; c < columns; ++c) text += (c ? ",c" : "c") + std::to_string(c);
  text += '\n';
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) text += (c ? "," : "") + std::to_string(r * 7 + c % 1000);
    text += '\n';
  }
  return text;
}

}  // namespace

class tst_CsvReaderLimits : public QObject {
  Q_OBJECT
 private slots:
  // --- 10. A field over the limit is an error naming its line, found in linear time.

  void fieldOverTheLimitIsAnError_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    const QByteArray big(2 * kLimit, 'x');
    QTest::newRow("unquoted in the data") << "a,b\n1,2\n3," + big + "\n4,5\n" << 3;
    QTest::newRow("quoted in the data") << "a,b\n1,2\n3,\"" + big + "\"\n4,5\n" << 3;
    QTest::newRow("quoted, with newlines before it") << "a,b\n1,\"x\ny\"\n3,\"" + big + "\"\n" << 4;
    QTest::newRow("doubled quotes") << "a,b\n1,2\n3,\"" + QByteArray("\"\"").repeated(kLimit + 10) + "\"\n" << 3;
    QTest::newRow("a line with no newline") << "a,b\n1," + big << 2;
    QTest::newRow("in the header") << "a," + big + "\n1,2\n" << 1;
    QTest::newRow("the whole file one field") << big << 1;
  }
  void fieldOverTheLimitIsAnError() {
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QElapsedTimer timer;
    timer.start();
    const auto error = importError(std::string_view(bytes.constData(), std::size_t(bytes.size())), limited(), "long.csv");
    QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Parse);
    QVERIFY2(qs(error->message()).contains("limit"), qPrintable(qs(error->message())));
    QCOMPARE(error->where().line, std::int64_t(line));
    QCOMPARE(qs(error->where().file), QStringLiteral("long.csv"));
  }

  void fieldsUnderTheLimitAreKeptWhole() {
    const std::string plain(kLimit, 'p');                      // exactly at the limit
    const std::string quoted = repeat("q\"", kLimit / 2 - 1);  // doubled quotes unescaped
    const std::string text = "a,b\n1," + plain + "\n2,\"" + repeat("q\"\"", kLimit / 2 - 1) + "\"\n3,short\n";
    const Table t = importBytes(text, limited()).table;
    QCOMPARE(t.rowCount(), std::size_t(3));
    QCOMPARE(cell(t, 1, 0).size(), plain.size());
    QVERIFY(cell(t, 1, 0) == plain);
    QVERIFY(cell(t, 1, 1) == quoted);
    QCOMPARE(qcell(t, 1, 2), QStringLiteral("short"));
  }

  void theLimitIsPerFieldNotPerLine() {
    // A 4 MiB line of four fields just under 1 MiB each is fine.
    const std::string field(kLimit - 16, 'f');
    std::string text = "a,b,c,d\n";
    for (int row = 0; row < 2; ++row) text += field + "," + field + "," + field + "," + std::to_string(row) + field + "\n";
    const Table t = importBytes(text, limited()).table;
    QCOMPARE(t.rowCount(), std::size_t(2));
    QCOMPARE(cell(t, 3, 1).size(), field.size() + 1);
  }

  void longFieldsCostLinearTime() {
    // 16 MiB of doubled quotes in one field, and 16 MiB of short lines: well under a second each
    // when the work is linear (a few seconds under the sanitizers); quadratic growth would take
    // hours. The bound is generous: the machine is shared and noisy.
    const std::string quotes = "a\n\"" + repeat("\"\"", 8u << 20) + "\"\n";
    QElapsedTimer timer;
    timer.start();
    const Table t = importBytes(quotes).table;
    QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(cell(t, 0, 0).size(), std::size_t(8u << 20));
    const std::string lines = "a\n" + repeat("1\n", 8u << 20);
    timer.restart();
    QCOMPARE(importBytes(lines).table.rowCount(), std::size_t(8u << 20));
    QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
  }

  // --- 11. Wide files.

  void tenThousandColumns() {
    const std::string text = wideFile(10'000, 30);
    QElapsedTimer timer;
    timer.start();
    const ImportResult r = importBytes(text);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(r.table.columnCount(), std::size_t(10'000));
    QCOMPARE(r.table.rowCount(), std::size_t(30));
    QCOMPARE(qs(r.table.column(9'999).name()), QStringLiteral("c9999"));
    QCOMPARE(typeOf(r.table, 9'999), QStringLiteral("int64"));
    QCOMPARE(r.table.column(9'999).int64Values()[29], std::int64_t(29 * 7 + 999));
    QCOMPARE(r.table.column(4'321).int64Values()[3], std::int64_t(3 * 7 + 321));
    QVERIFY(r.warnings.empty());
  }

  void hundredThousandColumns() {
    const std::string text = wideFile(100'000, 5);
    QElapsedTimer timer;
    timer.start();
    const ImportResult r = importBytes(text);
    QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(r.table.columnCount(), std::size_t(100'000));
    QCOMPARE(r.table.rowCount(), std::size_t(5));
    QCOMPARE(qs(r.table.column(99'999).name()), QStringLiteral("c99999"));
    QCOMPARE(r.table.column(99'999).int64Values()[4], std::int64_t(4 * 7 + 999));
  }

  void hundredThousandColumnsInOneRaggedRow() {
    // One row far wider than the header: the extra columns are added and reported, once.
    std::string text = "a,b\n1,2\n";
    for (int c = 0; c < 100'000; ++c) text += (c ? "," : "") + std::to_string(c);
    text += "\n3,4\n";
    const ImportResult r = importBytes(text);
    QCOMPARE(r.table.columnCount(), std::size_t(100'000));
    QCOMPARE(r.table.rowCount(), std::size_t(3));
    const ImportWarning* w = findWarning(r, "more fields");
    QVERIFY(w);
    QCOMPARE(w->count, std::size_t(1));
    QCOMPARE(w->where.line, std::int64_t(3));
    QCOMPARE(qcell(r.table, 99'999, 1), QStringLiteral("99999"));
    QCOMPARE(qcell(r.table, 99'999, 2), QStringLiteral("<NA>"));
  }

  void fileOver2GiB() {
    if (qEnvironmentVariableIntValue("LATHE_LARGE_TESTS") != 1)
      QSKIP("needs ~3 GB of memory and a minute; run with LATHE_LARGE_TESTS=1");
    const std::string payload(1000, 'p');
    std::string text = "id,payload\n";
    text.reserve((std::size_t{1} << 31) + (8u << 20));
    std::size_t rows = 0;
    while (text.size() < (std::size_t{1} << 31) + (1u << 20)) text += std::to_string(rows++) + "," + payload + "\n";
    text += std::to_string(rows++) + ",last\n";
    const Table t = importBytes(text).table;
    QCOMPARE(t.rowCount(), rows);
    QCOMPARE(t.column(0).int64Values()[rows - 1], std::int64_t(rows - 1));
    QCOMPARE(qcell(t, 1, rows - 1), QStringLiteral("last"));
    // An unterminated quote past 2^31: its line and byte offset are exact.
    const std::size_t quoteAt = text.size() + 2;
    text += "x,\"open\n";
    const auto error = importError(text);
    QVERIFY(error);
    QCOMPARE(error->where().line, std::int64_t(rows + 2));
    QVERIFY(error->where().byteOffset == -1 || error->where().byteOffset == std::int64_t(quoteAt));
  }
};

QTEST_APPLESS_MAIN(tst_CsvReaderLimits)
#include "tst_CsvReaderLimits.moc"
