// Chunk invariance (BAD_INPUTS 19): the same bytes split into 1, 2, 3 ... N chunks, at any offset
// (inside quoted newlines too), parse to the same records; the reader gives the same table, the
// same warnings and the same errors on one thread or two.
#include <QtTest>
#include <random>
#include <set>
#include <thread>

#include "CsvTestSupport.h"
#include "engine/data/CsvChunker.h"
#include "engine/data/CsvCursor.h"

using namespace lathe::data;
using namespace lathe::data::csvtest;
using lathe::Error;
using lathe::ErrorCode;

namespace {

using Records = std::vector<std::vector<std::string>>;

void appendRecords(std::string_view text, std::size_t begin, std::size_t end, Records& out) {
  CsvCursor cursor(text, begin, end, ',', '"', ~std::uint64_t{0});
  std::vector<CsvField> fields;
  while (cursor.next(fields)) {
    auto& record = out.emplace_back();
    for (const auto& f : fields) record.emplace_back(f.value);
  }
}

// The positions where a record may start: after a newline outside quotes (and not between the CR
// and LF of one CRLF), found by one cursor over the whole text.
std::set<std::size_t> recordBoundaries(std::string_view text) {
  std::set<std::size_t> boundaries;
  CsvCursor cursor(text, 0, text.size(), ',', '"', ~std::uint64_t{0});
  std::vector<CsvField> fields;
  for (;;) {
    // Between records only newlines remain: every position after one of them is a boundary.
    std::size_t p = cursor.position();
    while (p < text.size() && (text[p] == '\n' || text[p] == '\r')) {
      if (!(text[p] == '\r' && p + 1 < text.size() && text[p + 1] == '\n')) boundaries.insert(p + 1);
      ++p;
    }
    if (!cursor.next(fields)) break;
    if (cursor.position() > 0 && (text[cursor.position() - 1] == '\n' || text[cursor.position() - 1] == '\r'))
      boundaries.insert(cursor.position());
  }
  return boundaries;
}

// Every way the chunker may split `text` into `count` chunks covers it, cuts only at record
// boundaries, and gives back the records of the whole.
void checkSplit(std::string_view text, std::size_t count, const Records& whole, const std::set<std::size_t>& boundaries) {
  const auto chunks = splitCsvChunks(text, 0, ',', '"', count);
  QVERIFY(!chunks.empty());
  QCOMPARE(chunks.front().begin, std::size_t(0));
  QCOMPARE(chunks.back().end, text.size());
  Records records;
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    QVERIFY(chunks[c].begin < chunks[c].end);
    if (c > 0) {
      QCOMPARE(chunks[c].begin, chunks[c - 1].end);
      QVERIFY2(boundaries.count(chunks[c].begin), qPrintable(QStringLiteral("count %1: a chunk starts at %2, inside a record")
                                                                  .arg(count)
                                                                  .arg(chunks[c].begin)));
    }
    appendRecords(text, chunks[c].begin, chunks[c].end, records);
  }
  QVERIFY2(records == whole, qPrintable(QStringLiteral("count %1").arg(count)));
}

// A CSV of `rows` records whose fields are drawn from the nasty cases: quoted newlines of every
// kind, doubled quotes, delimiters in quotes, the lenient quote rule, empty fields, UTF-8.
std::string nastyCsv(std::mt19937& random, int rows, bool crlf) {
  const char* pieces[] = {"plain", "\"a,b\"", "\"line\nbreak\"", "\"crlf\r\nbreak\"", "\"cr\rbreak\"", "\"say \"\"hi\"\"\"",
                          "a\"b", "\"ab\"x", "", "\"\"", "\"\n\n\"", "김똠", "\"😀,\n\"", "12.5", "\"\"\"\""};
  std::string text = "a,b,c\n";
  for (int r = 0; r < rows; ++r) {
    for (int f = 0; f < 3; ++f) text += (f ? "," : "") + std::string(pieces[random() % std::size(pieces)]);
    text += crlf ? "\r\n" : "\n";
    if (random() % 10 == 0) text += crlf ? "\r\n" : "\n";  // a blank line
  }
  return text;
}

// The reader's table of `text` as generated cells: a file big enough for several 2 MiB chunks.
struct GeneratedFile {
  std::string text;
  std::vector<std::vector<std::string>> cells;  // [row][column]; "<NA>" for missing
};

GeneratedFile bigNastyFile(std::size_t bytes) {
  std::mt19937 random(19);
  GeneratedFile file;
  file.text = "id,note,amount,city\n";
  const char* notes[] = {"short", "two\nlines", "with, comma", "quote \" inside", "crlf\r\nin it", "", "x\n\n\ny"};
  const char* cities[] = {"Seoul", "Busan", "Daegu", "Incheon"};
  for (int id = 0; file.text.size() < bytes; ++id) {
    const std::string note = notes[random() % std::size(notes)] + std::to_string(id % 13);
    std::string quoted = "\"";
    for (char ch : note) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    quoted += "\"";
    const std::string amount = id % 17 == 0 ? "" : std::to_string(id % 1000) + ".25";
    const std::string city = cities[random() % 4];
    file.text += std::to_string(id) + "," + quoted + "," + amount + "," + city + "\n";
    file.cells.push_back({std::to_string(id), note, amount.empty() ? "<NA>" : amount, city});
  }
  return file;
}

}  // namespace

class tst_CsvChunker : public QObject {
  Q_OBJECT
 private slots:
  void everyChunkCountGivesTheSameRecords_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("no quotes") << QByteArray("a,b\n1,2\n3,4\n\n5,6\n7,8");
    QTest::newRow("no quotes, CRLF and CR") << QByteArray("a,b\r\n1,2\r\n3,4\r\r5,6\r\n\r\n7,8\r\n");
    QTest::newRow("quoted newlines") << QByteArray("a,b\n1,\"x\ny\"\n2,\"\n\n\"\n3,\"a\r\nb\"\n4,5\n");
    QTest::newRow("doubled quotes and newlines") << QByteArray("a,b\n\"\"\"\n\",1\n\"x\"\"\n\"\"y\",2\n3,\"\"\n");
    QTest::newRow("lenient quotes") << QByteArray("a,b\nx\"y,1\n\"ab\"c\nd,2\n\"q\"r\"s\nt\",3\n4,\"\n\"");
    QTest::newRow("multibyte") << QByteArray("이름,메모\n김똠,\"줄\n바꿈\"\n박뷁,😀\n");
  }
  void everyChunkCountGivesTheSameRecords() {
    // Count = size makes one-byte steps: every offset is tried as a split point.
    QFETCH(QByteArray, text);
    const std::string t = text.toStdString();
    Records whole;
    appendRecords(t, 0, t.size(), whole);
    const auto boundaries = recordBoundaries(t);
    for (std::size_t count = 1; count <= t.size() + 2; ++count) {
      checkSplit(t, count, whole, boundaries);
      if (QTest::currentTestFailed()) return;
    }
  }

  void randomTextsAtRandomOffsets() {
    for (unsigned seed = 1; seed <= 40; ++seed) {
      std::mt19937 random(seed);
      const std::string text = nastyCsv(random, 60 + int(random() % 100), seed % 2 == 0);
      Records whole;
      appendRecords(text, 0, text.size(), whole);
      const auto boundaries = recordBoundaries(text);
      for (int trial = 0; trial < 30; ++trial) {
        checkSplit(text, 1 + random() % text.size(), whole, boundaries);
        if (QTest::currentTestFailed()) return;
      }
    }
  }

  void startAfterTheHeader() {
    const std::string text = "a,\"b\nc\"\n1,2\n3,4\n5,6\n";
    const std::size_t start = text.find("1,2");
    for (std::size_t count = 1; count <= 12; ++count) {
      const auto chunks = splitCsvChunks(text, start, ',', '"', count);
      QCOMPARE(chunks.front().begin, start);
      QCOMPARE(chunks.back().end, text.size());
    }
    QVERIFY(splitCsvChunks(text, text.size(), ',', '"', 4).empty());
  }

  void unterminatedQuoteStaysInOneChunk() {
    const std::string text = "a,b\n1,2\n3,\"open\n4,5\n6,7\n8,9\n";
    const std::size_t quote = text.find('"');
    for (std::size_t count = 1; count <= text.size(); ++count)
      for (const auto& chunk : splitCsvChunks(text, 0, ',', '"', count))
        QVERIFY2(chunk.begin <= quote, "no cut after an open quote");
  }

  // --- The reader: one thread or two, several 2 MiB chunks, every cell compared.

  void readerIsTheSameOnOneThreadOrTwo() {
    const GeneratedFile file = bigNastyFile(9u << 20);
    const ImportResult one = importBytes(file.text, withThreads(1));
    const ImportResult two = importBytes(file.text, withThreads(2));
    QCOMPARE(one.table.rowCount(), file.cells.size());
    QVERIFY(tableToText(one.table) == tableToText(two.table));
    for (std::size_t row = 0; row < file.cells.size(); ++row)
      for (std::size_t col = 0; col < 4; ++col)
        if (cell(two.table, col, row) != file.cells[row][col])
          QFAIL(qPrintable(QStringLiteral("row %1 column %2: '%3' instead of '%4'")
                               .arg(row)
                               .arg(col)
                               .arg(qcell(two.table, col, row), qs(file.cells[row][col]))));
    QCOMPARE(typeOf(one.table, 0), QStringLiteral("int64"));
    QCOMPARE(typeOf(one.table, 2), QStringLiteral("float64"));
    QCOMPARE(typeOf(one.table, 3), QStringLiteral("categorical"));
    QCOMPARE(one.table.column(3).levels().size(), std::size_t(4));
    QVERIFY(one.warnings.empty() && two.warnings.empty());
  }

  void textColumnSwitchedInOneChunkOnly() {
    // The first half repeats two values, the second half has many: chunk dictionaries differ in
    // kind (codes in one, text in the other) and must still merge into the same column.
    std::string text = "id,value\n";
    for (int i = 0; i < 200000; ++i) text += std::to_string(i) + (i % 2 ? ",odd\n" : ",even\n");
    for (int i = 200000; i < 300000; ++i) text += std::to_string(i) + ",v" + std::to_string(i) + "\n";
    CsvOptions options;
    options.categoricalMaxLevels = 100;
    const Table one = importBytes(text, withThreads(1, options)).table;
    const Table two = importBytes(text, withThreads(2, options)).table;
    QVERIFY(tableToText(one) == tableToText(two));
    QCOMPARE(typeOf(one, 1), QStringLiteral("text"));
    QCOMPARE(qcell(one, 1, 0), QStringLiteral("even"));
    QCOMPARE(qcell(one, 1, 199999), QStringLiteral("odd"));
    QCOMPARE(qcell(one, 1, 299999), QStringLiteral("v299999"));
  }

  void errorLineIsExactInALaterChunk() {
    // Multi-line quoted fields before the bad value: the line is the physical line, found the
    // same way whatever chunk the value lands in.
    const GeneratedFile file = bigNastyFile(5u << 20);
    std::int64_t lines = 1;
    for (char ch : file.text) lines += ch == '\n';
    const std::string text = file.text + "oops,\"x\",1.25,Seoul\n";
    CsvOptions options;
    options.columnTypes["id"] = ColumnType::Int64;
    for (int threads : {1, 2}) {
      const auto error = importError(text, withThreads(threads, options));
      QVERIFY(error);
      QCOMPARE(error->where().line, lines);
      QCOMPARE(error->where().column, std::int64_t(1));
      QCOMPARE(qs(error->value()), QStringLiteral("oops"));
    }
  }

  void firstErrorWinsWhateverTheThreads() {
    // Two bad values: on the last line of the first chunk and the first line of the second. On two
    // threads the second is reached first; the error must still name the first in the file.
    std::string head = "num\n";
    while (head.size() < (6u << 20)) head += "12345\n";
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t count = std::max<std::size_t>(cores, (head.size() - 4) / (2u << 20));  // as CsvImport
    std::string text = head;
    const auto chunks = splitCsvChunks(text, 4, ',', '"', count);
    QVERIFY(chunks.size() >= 2);
    const std::size_t firstEnd = chunks[0].end;  // the bad value goes on the first chunk's last line
    text.replace(firstEnd - 6, 5, "bad01");
    text.replace(chunks[1].begin, 5, "bad02");
    std::int64_t firstLine = 1;
    for (std::size_t i = 0; i < firstEnd - 1; ++i) firstLine += text[i] == '\n';
    CsvOptions options;
    options.columnTypes["num"] = ColumnType::Int64;
    for (int threads : {1, 2}) {
      const auto error = importError(text, withThreads(threads, options));
      QVERIFY(error);
      QVERIFY2(error->value() == "bad01" && error->where().line == firstLine,
               qPrintable(QStringLiteral("%1 threads: '%2' on line %3, not 'bad01' on line %4")
                              .arg(threads)
                              .arg(qs(error->value()))
                              .arg(error->where().line)
                              .arg(firstLine)));
    }
  }
};

QTEST_APPLESS_MAIN(tst_CsvChunker)
#include "tst_CsvChunker.moc"
