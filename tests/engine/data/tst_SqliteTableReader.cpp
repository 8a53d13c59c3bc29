#include <sqlite3.h>

#include <QtTest>

#include "StoppingSink.h"
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <sstream>

#include "engine/core/Error.h"
#include "engine/data/SqliteTableReader.h"
#include "engine/jobs/JobCancelled.h"
#include "TestPaths.h"

using lathe::Error;
using lathe::ErrorCode;
using lathe::data::ColumnType;
using lathe::data::ImportResult;

namespace {

// The awkward table name: a space and a double quote.
const std::string kOddName = "odd \"name\" here";

ImportResult read(const std::string& path, const std::string& table) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  return lathe::data::readSqliteTable(path, table, lathe::jobs::JobContext(stop.get_token(), sink));
}

std::optional<Error> errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error;
  }
  return std::nullopt;
}

// Runs SQL on a database it creates or opens read-write; returns false (and says why) on failure.
bool execute(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  bool ok = sqlite3_open(path.c_str(), &db) == SQLITE_OK;
  char* message = nullptr;
  ok = ok && sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK;
  if (message) qWarning("sqlite: %s", message);
  sqlite3_free(message);
  sqlite3_close(db);
  return ok;
}

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeAll(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// Asks for a stop once progress passes `at`, and remembers every fraction.
// A database with every storage class, NULLs, an awkward table name and a view.
std::string makeDatabase(const QTemporaryDir& dir) {
  const std::string path = dir.filePath("mixed.db").toStdString();
  const bool ok =
      execute(path,
              "CREATE TABLE \"odd \"\"name\"\" here\" (i INTEGER, r REAL, t TEXT, d TEXT, c TEXT, m, b BLOB, n);"
              "INSERT INTO \"odd \"\"name\"\" here\" VALUES"
              " (1, 0.5, 'Ada', '2024-03-01', 'red', 1, x'00FF10', NULL),"
              " (9223372036854775807, 2, '', '2024-03-02 10:30:00', 'blue', 'abc', NULL, NULL),"
              " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
              " (-4, -1.25, '김치', '2023-12-31', 'red', 2.5, x'', NULL),"
              " (9007199254740993, 1e300, 'NA', '2024-02-29', 'red', 7, x'AB', NULL);"
              "CREATE TABLE numbers (k INTEGER PRIMARY KEY, v NUMERIC);"
              "INSERT INTO numbers (v) VALUES (1), (2.5), (3);"
              "CREATE VIEW big_ints AS SELECT i, t FROM \"odd \"\"name\"\" here\" WHERE i > 1;");
  return ok ? path : std::string();
}

}  // namespace

class tst_SqliteTableReader : public QObject {
  Q_OBJECT
 private slots:
  void listsTablesAndViewsSorted() {
    QTemporaryDir dir;
    const std::string path = makeDatabase(dir);
    QVERIFY(!path.empty());
    const auto tables = lathe::data::listSqliteTables(path);
    QCOMPARE(tables, (std::vector<std::string>{"big_ints", "numbers", kOddName}));
  }

  void readsEveryStorageClass() {
    QTemporaryDir dir;
    const std::string path = makeDatabase(dir);
    const auto result = read(path, kOddName);
    QCOMPARE(result.format, std::string("sqlite"));
    const auto& t = result.table;
    QCOMPARE(t.rowCount(), size_t(5));
    QCOMPARE(t.columnCount(), size_t(8));

    const auto& i = t.column(0);
    QCOMPARE(i.name(), std::string("i"));
    QCOMPARE(i.type(), ColumnType::Int64);
    QCOMPARE(i.int64Values()[1], std::numeric_limits<std::int64_t>::max());
    QCOMPARE(i.int64Values()[4], std::int64_t(9007199254740993));  // exact above 2^53
    QCOMPARE(i.missingCount(), size_t(1));
    QVERIFY(!i.isValid(2));

    const auto& r = t.column(1);  // REAL affinity stores the 2 as 2.0
    QCOMPARE(r.type(), ColumnType::Float64);
    QCOMPARE(r.float64Values()[1], 2.0);
    QCOMPARE(r.float64Values()[4], 1e300);
    QVERIFY(!r.isValid(2));

    const auto& text = t.column(2);  // '' is an empty string, NULL is missing, 'NA' is text
    QCOMPARE(text.type(), ColumnType::Text);
    QCOMPARE(text.missingCount(), size_t(1));
    QCOMPARE(text.displayText(1), std::string(""));
    QVERIFY(text.isValid(1));
    QCOMPARE(text.displayText(3), std::string("김치"));
    QCOMPARE(text.displayText(4), std::string("NA"));

    const auto& d = t.column(3);
    QCOMPARE(d.type(), ColumnType::Datetime);
    QCOMPARE(d.displayText(1), std::string("2024-03-02T10:30:00"));
    QCOMPARE(d.displayText(4), std::string("2024-02-29"));

    QCOMPARE(t.column(4).type(), ColumnType::Categorical);
    QCOMPARE(t.column(4).levels(), (std::vector<std::string>{"red", "blue"}));

    const auto& m = t.column(5);  // no affinity: 1, 'abc', 2.5, 7 -> text of every value
    QVERIFY(m.type() == ColumnType::Text || m.type() == ColumnType::Categorical);
    QCOMPARE(m.displayText(0), std::string("1"));
    QCOMPARE(m.displayText(1), std::string("abc"));
    QCOMPARE(m.displayText(3), std::string("2.5"));

    const auto& b = t.column(6);  // BLOBs as hexadecimal text
    QCOMPARE(b.type(), ColumnType::Text);
    QCOMPARE(b.displayText(0), std::string("00FF10"));
    QCOMPARE(b.displayText(3), std::string(""));
    QCOMPARE(b.missingCount(), size_t(2));

    QCOMPARE(t.column(7).type(), ColumnType::Float64);  // nothing but NULL
    QCOMPARE(t.column(7).missingCount(), size_t(5));

    std::map<std::string, int> warned;
    for (const auto& w : result.warnings) {
      QCOMPARE(w.where.file, path);
      for (const char* column : {"'m'", "'b'"}) warned[column] += w.message.find(column) != std::string::npos;
    }
    QCOMPARE(warned["'m'"], 1);
    QCOMPARE(warned["'b'"], 1);
  }

  void integersAndRealsMakeFloat64() {
    QTemporaryDir dir;
    const auto t = read(makeDatabase(dir), "numbers").table;
    QCOMPARE(t.column(0).type(), ColumnType::Int64);
    QCOMPARE(t.column(1).type(), ColumnType::Float64);
    QCOMPARE(t.column(1).float64Values()[1], 2.5);
    QCOMPARE(t.column(1).float64Values()[2], 3.0);
  }

  void readsAView() {
    QTemporaryDir dir;
    const auto t = read(makeDatabase(dir), "big_ints").table;
    QCOMPARE(t.rowCount(), size_t(2));
    QCOMPARE(t.column(0).int64Values()[0], std::numeric_limits<std::int64_t>::max());
    QCOMPARE(t.column(1).displayText(1), std::string("NA"));
  }

  void readsARealDataset() {
    // seattle-weather.csv loaded into SQLite as text, as a user's own import script would.
    // Expected values from pandas 1.5 (read_csv of the same file): 1461 rows; weather counts
    // rain 641, sun 640, fog 101, drizzle 53, snow 26; temp_max sums to 24017.5.
    QTemporaryDir dir;
    const std::string path = dir.filePath("weather.db").toStdString();
    std::ifstream in(std::string(LATHE_DATASETS_DIR) + "/seattle-weather.csv");
    std::string line;
    std::string sql =
        "CREATE TABLE weather (date TEXT, precipitation REAL, temp_max REAL, temp_min REAL, wind REAL, weather TEXT);"
        "BEGIN;";
    std::getline(in, line);
    while (std::getline(in, line)) {
      std::stringstream fields(line);
      std::string f[6];
      for (auto& field : f) std::getline(fields, field, ',');
      sql += "INSERT INTO weather VALUES ('" + f[0] + "'," + f[1] + "," + f[2] + "," + f[3] + "," + f[4] + ",'" + f[5] +
             "');";
    }
    QVERIFY(execute(path, sql + "COMMIT;"));
    const auto t = read(path, "weather").table;
    QCOMPARE(t.rowCount(), size_t(1461));
    QCOMPARE(t.column(0).type(), ColumnType::Datetime);
    QCOMPARE(t.column(2).type(), ColumnType::Float64);
    double tempMax = 0;
    for (std::size_t r = 0; r < t.rowCount(); ++r) tempMax += t.column(2).float64Values()[r];
    QVERIFY(std::abs(tempMax - 24017.5) < 1e-6);
    QCOMPARE(t.column(5).type(), ColumnType::Categorical);
    std::map<std::string, int> counts;
    for (std::size_t r = 0; r < t.rowCount(); ++r) ++counts[t.column(5).displayText(r)];
    QCOMPARE(counts,
             (std::map<std::string, int>{{"drizzle", 53}, {"fog", 101}, {"rain", 641}, {"snow", 26}, {"sun", 640}}));
  }

  void missingTableListsTheTables() {
    QTemporaryDir dir;
    const std::string path = makeDatabase(dir);
    for (const std::string& name :
         {std::string("nope"), std::string("numbers\"; DROP TABLE numbers; --"), std::string("numbers\0x", 9)}) {
      const auto error = errorOf([&] { read(path, name); });
      QVERIFY(error);
      QCOMPARE(error->code(), ErrorCode::InvalidArgument);
      QCOMPARE(error->where().file, path);
      for (const char* table : {"big_ints", "numbers", "odd \"\"name\"\" here"})
        QVERIFY2(error->message().find(table) != std::string::npos, error->what());
    }
    QCOMPARE(lathe::data::listSqliteTables(path).size(), size_t(3));  // nothing was dropped
  }

  void notADatabaseNamesTheFile() {
    QTemporaryDir dir;
    const std::string text = dir.filePath("notes.db").toStdString();
    writeAll(text, std::string(4096, 'x'));
    const std::string png = dir.filePath("picture.db").toStdString();
    writeAll(png, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(2000, '\0'));
    for (const auto& path : {text, png}) {
      const auto error = errorOf([&] { lathe::data::listSqliteTables(path); });
      QVERIFY(error);
      QCOMPARE(error->code(), ErrorCode::Parse);
      QCOMPARE(error->where().file, path);
      QVERIFY2(std::string(error->what()).find(path) != std::string::npos, error->what());
      QVERIFY(errorOf([&] { read(path, "t"); }));
    }
    // A missing file and a folder: Io. An empty file holds no tables.
    const auto missing = errorOf([&] { read(dir.filePath("absent.db").toStdString(), "t"); });
    QVERIFY(missing);
    QCOMPARE(missing->code(), ErrorCode::Io);
    QCOMPARE(errorOf([&] { read(dir.path().toStdString(), "t"); })->code(), ErrorCode::Io);
    const std::string empty = dir.filePath("empty.db").toStdString();
    writeAll(empty, "");
    QVERIFY(lathe::data::listSqliteTables(empty).empty());
    const auto noTables = errorOf([&] { read(empty, "t"); });
    QVERIFY(noTables->message().find("no tables") != std::string::npos);
    QCOMPARE(readAll(empty).size(), size_t(0));  // read-only: nothing was written
  }

  void corruptDatabaseIsRefused() {
    QTemporaryDir dir;
    const std::string clean = dir.filePath("clean.db").toStdString();
    std::string sql = "PRAGMA page_size = 4096; CREATE TABLE t (a INTEGER, b TEXT); BEGIN;";
    for (int i = 0; i < 3000; ++i)
      sql += "INSERT INTO t VALUES (" + std::to_string(i) + ", 'row " + std::to_string(i) + "');";
    QVERIFY(execute(clean, sql + "COMMIT;"));
    QCOMPARE(read(clean, "t").table.rowCount(), size_t(3000));
    // Flip the first bytes of page 2 (the table's root) and of page 3 (a leaf).
    for (const std::size_t page : {2, 3}) {
      std::string bytes = readAll(clean);
      for (std::size_t k = 0; k < 8; ++k) bytes[(page - 1) * 4096 + k] ^= '\xFF';
      const std::string path = dir.filePath(QString("flipped%1.db").arg(page)).toStdString();
      writeAll(path, bytes);
      const auto error = errorOf([&] { read(path, "t"); });
      QVERIFY(error);
      QCOMPARE(error->code(), ErrorCode::Corrupt);
      QCOMPARE(error->where().file, path);
      QCOMPARE(readAll(path), bytes);  // untouched
    }
  }

  void quickCheckRunsFirst() {
    // An extra page that no b-tree uses: SELECT reads the table fine, only quick_check notices.
    QTemporaryDir dir;
    const std::string path = dir.filePath("orphan.db").toStdString();
    QVERIFY(execute(path, "PRAGMA page_size = 4096; CREATE TABLE t (a); INSERT INTO t VALUES (1);"));
    std::string bytes = readAll(path);
    QCOMPARE(bytes.size(), size_t(8192));
    bytes[31] = 3;  // the page count in the header, big-endian at offset 28: 2 -> 3
    writeAll(path, bytes + std::string(4096, '\0'));
    const auto error = errorOf([&] { read(path, "t"); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Corrupt);
    QVERIFY2(error->message().find("quick_check") != std::string::npos, error->what());
    QVERIFY2(error->message().ends_with("(SQLite's quick_check: Page 3 is never used)"), error->what());
  }

  void untrustedSchemaIsNeutralised() {
    // With trusted_schema off, a view may not reach into virtual tables that are not marked
    // innocuous, such as the pragma functions; with it on (SQLite's default) this view would read.
    QTemporaryDir dir;
    const std::string path = dir.filePath("hostile.db").toStdString();
    QVERIFY(execute(path,
                    "CREATE TABLE t (a); INSERT INTO t VALUES (1);"
                    "CREATE VIEW peek AS SELECT name FROM pragma_table_info('t');"));
    const auto error = errorOf([&] { read(path, "peek"); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Unsupported);
    QVERIFY2(error->message().find("unsafe use") != std::string::npos, error->what());
    QCOMPARE(read(path, "t").table.rowCount(), size_t(1));
  }

  void reportsProgressAndHonoursCancel() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("big.db").toStdString();
    QVERIFY(execute(path,
                    "CREATE TABLE t (a INTEGER, b REAL, c TEXT);"
                    "WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < 199999)"
                    " INSERT INTO t SELECT x, x * 0.5, 'row ' || (x % 10) FROM n;"));
    {
      std::stop_source stop;
      StoppingSink sink(stop, 2.0);  // never stops
      const auto t = lathe::data::readSqliteTable(path, "t", lathe::jobs::JobContext(stop.get_token(), sink)).table;
      QCOMPARE(t.rowCount(), size_t(200000));
      QCOMPARE(t.column(2).type(), ColumnType::Categorical);
      QVERIFY(sink.fractions.size() > 10);
      QVERIFY(std::is_sorted(sink.fractions.begin(), sink.fractions.end()));
      QCOMPARE(sink.fractions.back(), 1.0);
    }
    {
      std::stop_source stop;
      StoppingSink sink(stop, 0.3);
      QVERIFY_THROWS_EXCEPTION(
          lathe::jobs::JobCancelled,
          lathe::data::readSqliteTable(path, "t", lathe::jobs::JobContext(stop.get_token(), sink)));
      QVERIFY(sink.fractions.back() < 0.5);
    }
    {
      // Stopped before it starts: SQLite's progress handler interrupts quick_check itself.
      std::stop_source stop;
      stop.request_stop();
      lathe::jobs::NullProgressSink sink;
      QVERIFY_THROWS_EXCEPTION(
          lathe::jobs::JobCancelled,
          lathe::data::readSqliteTable(path, "t", lathe::jobs::JobContext(stop.get_token(), sink)));
    }
  }
};

QTEST_APPLESS_MAIN(tst_SqliteTableReader)
#include "tst_SqliteTableReader.moc"
