#include <QtTest>
#include <fstream>
#include <functional>
#include <limits>
#include <optional>
#include <sstream>

#include "engine/core/Error.h"
#include "engine/data/CsvWriter.h"
#include "engine/data/TextColumnInference.h"
#include "engine/jobs/JobCancelled.h"

using lathe::Error;
using lathe::ErrorCode;
using lathe::data::Column;
using lathe::data::ColumnType;
using lathe::data::CsvWriteOptions;
using lathe::data::Table;
using lathe::data::Validity;

namespace {

std::string toCsv(const Table& table, const CsvWriteOptions& options = {}) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  std::ostringstream out;
  lathe::data::writeCsv(table, out, options, lathe::jobs::JobContext(stop.get_token(), sink));
  return out.str();
}

void toFile(const Table& table, const std::string& path, const CsvWriteOptions& options = {}) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::data::writeCsv(table, path, options, lathe::jobs::JobContext(stop.get_token(), sink));
}

std::optional<Error> errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error;
  }
  return std::nullopt;
}

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

QStringList entries(const QString& folder) {
  return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

Validity missingAt(std::initializer_list<std::size_t> rows, std::size_t size) {
  Validity validity;
  for (const std::size_t row : rows) validity.setMissing(row, size);
  return validity;
}

std::shared_ptr<const Column> textColumn(const std::string& name, const std::vector<std::string>& values,
                                         Validity validity = {}) {
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  for (const auto& value : values) {
    bytes += value;
    offsets.push_back(bytes.size());
  }
  return Column::text(name, std::move(offsets), std::move(bytes), std::move(validity));
}

// A small RFC 4180 reader for the round trip, independent of the writer: records of fields,
// each remembering whether it was quoted (an unquoted empty field is missing).
struct Field {
  std::string text;
  bool quoted = false;
};
std::vector<std::vector<Field>> parseCsv(std::string_view csv, char delimiter = ',') {
  std::vector<std::vector<Field>> records(1, std::vector<Field>(1));
  bool inQuotes = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    Field& field = records.back().back();
    if (inQuotes) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') field.text += '"', ++i;
      else if (c == '"') inQuotes = false;
      else field.text += c;
    } else if (c == '"') {
      inQuotes = field.quoted = true;
    } else if (c == delimiter) {
      records.back().emplace_back();
    } else if (c == '\n' || (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n')) {
      if (c == '\r') ++i;
      records.emplace_back(1);
    } else {
      field.text += c;
    }
  }
  if (records.back().size() == 1 && records.back()[0].text.empty() && !records.back()[0].quoted) records.pop_back();
  return records;
}

// CSV text back into a table through the same type inference every reader uses.
Table readBack(std::string_view csv) {
  const auto records = parseCsv(csv);
  std::vector<std::shared_ptr<const Column>> columns;
  for (std::size_t c = 0; c < records.at(0).size(); ++c) {
    std::vector<std::string_view> values;
    std::vector<std::uint8_t> missing;
    for (std::size_t r = 1; r < records.size(); ++r) {
      values.push_back(records[r].at(c).text);
      missing.push_back(!records[r][c].quoted && records[r][c].text.empty());
    }
    columns.push_back(lathe::data::buildColumnFromText(records[0][c].text, values, missing));
  }
  return Table(std::move(columns));
}

// One column of each type, with missing values, empty strings, quotes, delimiters, line breaks,
// leading and trailing spaces and Korean text.
Table everyType() {
  const std::size_t n = 6;
  std::vector<std::shared_ptr<const Column>> columns;
  columns.push_back(Column::float64("ratio", {0.1, -2.5, 1e-300, 0, 3.141592653589793, 1e21}, missingAt({3}, n)));
  columns.push_back(Column::int64(
      "id, \"key\"", {1, -5, 0, 9007199254740993, 0, std::numeric_limits<std::int64_t>::min()}, missingAt({2}, n)));
  columns.push_back(Column::boolean("ok", {1, 0, 0, 1, 0, 1}, missingAt({2}, n)));
  std::vector<std::string_view> dates{"2024-03-01", "2024-03-01T12:30:00.25", "", "1999-12-31T23:59:59", "2024-02-29",
                                      "1970-01-01"};
  columns.push_back(lathe::data::buildColumnFromText("when", dates, std::vector<std::uint8_t>{0, 0, 1, 0, 0, 0}));
  columns.push_back(Column::categorical("colour", {0, 1, 0, -1, 0, 1}, {"red", "blue"}, missingAt({3}, n)));
  columns.push_back(textColumn("이름", {"plain", "", "", "say \"hi\", ok", "line1\nline2\r\nline3", " 김치 찌개 "},
                               missingAt({2}, n)));
  return Table(std::move(columns));
}

void compareTables(const Table& actual, const Table& expected) {
  QCOMPARE(actual.columnCount(), expected.columnCount());
  QCOMPARE(actual.rowCount(), expected.rowCount());
  for (std::size_t c = 0; c < expected.columnCount(); ++c) {
    const Column& a = actual.column(c);
    const Column& e = expected.column(c);
    QCOMPARE(a.name(), e.name());
    QCOMPARE(a.type(), e.type());
    for (std::size_t r = 0; r < expected.rowCount(); ++r) {
      QCOMPARE(a.isValid(r), e.isValid(r));
      QCOMPARE(a.displayText(r), e.displayText(r));
    }
  }
}

}  // namespace

class tst_CsvWriter : public QObject {
  Q_OBJECT
 private slots:
  void roundTripsEveryType() {
    const Table table = everyType();
    QCOMPARE(table.column(3).type(), ColumnType::Datetime);
    const std::string csv = toCsv(table);
    compareTables(readBack(csv), table);
    // Float64 in shortest round-trip form: every bit comes back.
    const Table back = readBack(csv);
    for (std::size_t r = 0; r < table.rowCount(); ++r)
      if (table.column(0).isValid(r)) QCOMPARE(back.column(0).float64Values()[r], table.column(0).float64Values()[r]);
    QCOMPARE(back.column(1).int64Values()[3], std::int64_t(9007199254740993));
  }

  void writesTheExpectedBytes() {
    const std::string csv = toCsv(everyType());
    const std::string expected =
        "ratio,\"id, \"\"key\"\"\",ok,when,colour,이름\n"
        "0.1,1,true,2024-03-01,red,plain\n"
        "-2.5,-5,false,2024-03-01T12:30:00.25,blue,\"\"\n"
        "1e-300,,,,red,\n"
        ",9007199254740993,true,1999-12-31T23:59:59,,\"say \"\"hi\"\", ok\"\n"
        "3.141592653589793,0,false,2024-02-29,red,\"line1\nline2\r\nline3\"\n"
        "1e+21,-9223372036854775808,true,1970-01-01,blue,\" 김치 찌개 \"\n";
    QCOMPARE(csv, expected);
  }

  void escapesFormulasInTextOnly() {
    const std::size_t n = 8;
    std::vector<std::shared_ptr<const Column>> columns;
    columns.push_back(
        textColumn("=HYPERLINK(\"x\")", {"=1+2", "+A1", "-x", "@SUM(1)", "\tTab", "\rCR", "safe", "a=b"}));
    columns.push_back(Column::int64("-n", {-5, 1, 2, 3, 4, 5, 6, 7}));
    columns.push_back(Column::float64("f", {-0.5, 1, 2, 3, 4, 5, 6, 7}));
    columns.push_back(Column::categorical("c", {0, 0, 0, 0, 0, 0, 0, 0}, {"-level"}));
    QCOMPARE(columns[0]->size(), n);
    const std::string csv = toCsv(Table(columns));
    const std::string expected =
        "\"'=HYPERLINK(\"\"x\"\")\",\"'-n\",f,c\n"
        "\"'=1+2\",-5,-0.5,\"'-level\"\n"
        "\"'+A1\",1,1,\"'-level\"\n"
        "\"'-x\",2,2,\"'-level\"\n"
        "\"'@SUM(1)\",3,3,\"'-level\"\n"
        "\"'\tTab\",4,4,\"'-level\"\n"
        "\"'\rCR\",5,5,\"'-level\"\n"
        "safe,6,6,\"'-level\"\n"
        "a=b,7,7,\"'-level\"\n";
    QCOMPARE(csv, expected);
    // Turned off, the cells are written as they are (quoted only where CSV needs it).
    CsvWriteOptions raw;
    raw.escapeFormulas = false;
    const std::string plain = toCsv(Table(columns), raw);
    QVERIFY(plain.starts_with("\"=HYPERLINK(\"\"x\"\")\",-n,f,c\n=1+2,-5,-0.5,-level\n"));
  }

  void optionsShapeTheOutput() {
    const Table table({textColumn("a", {"x;y", "NA"}), Column::float64("b", {0.5, 1.5})});
    CsvWriteOptions options;
    options.delimiter = ';';
    options.utf8Bom = true;
    options.lineEnding = "\r\n";
    // The BOM first; ';' quoted now; a text equal to a missing token quoted so it stays text.
    QCOMPARE(toCsv(table, options), std::string("\xEF\xBB\xBF"
                                                "a;b\r\n\"x;y\";0.5\r\n\"NA\";1.5\r\n"));
    QVERIFY(!toCsv(table).starts_with("\xEF\xBB\xBF"));
    for (const char bad : {'"', '\n', '\r', '\0', '\xC3'}) {
      CsvWriteOptions wrong;
      wrong.delimiter = bad;
      QCOMPARE(errorOf([&] { toCsv(table, wrong); })->code(), ErrorCode::InvalidArgument);
    }
    CsvWriteOptions wrongEnding;
    wrongEnding.lineEnding = "\n\n";
    QCOMPARE(errorOf([&] { toCsv(table, wrongEnding); })->code(), ErrorCode::InvalidArgument);
  }

  void oneColumnMissingIsNotABlankLine() {
    const Table table({Column::float64("x", {1.5, 0, 2.5}, missingAt({1}, 3))});
    const std::string csv = toCsv(table);
    QCOMPARE(csv, std::string("x\n1.5\n\"\"\n2.5\n"));
    compareTables(readBack(csv), table);
    QCOMPARE(toCsv(Table()), std::string());  // no columns: nothing at all
    QCOMPARE(toCsv(Table({Column::int64("only", {})})), std::string("only\n"));
  }

  void writesAFileAtomically() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("out.csv").toStdString();
    toFile(everyType(), path);
    QCOMPARE(readAll(path), toCsv(everyType()));
    QCOMPARE(entries(dir.path()), QStringList{"out.csv"});  // no temporary file left behind
    // Overwriting replaces the content whole.
    const Table small({Column::int64("n", {1})});
    toFile(small, path);
    QCOMPARE(readAll(path), std::string("n\n1\n"));
    QCOMPARE(entries(dir.path()), QStringList{"out.csv"});
    // Through a symbolic link: the link stays a link, its target gets the data.
    QVERIFY(QFile::link(dir.filePath("out.csv"), dir.filePath("link.csv")));
    toFile(everyType(), dir.filePath("link.csv").toStdString());
    QVERIFY(QFileInfo(dir.filePath("link.csv")).isSymLink());
    QCOMPARE(readAll(path), toCsv(everyType()));
  }

  void cancelLeavesTheTargetUntouched() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("out.csv").toStdString();
    toFile(Table({Column::int64("old", {1})}), path);
    const std::size_t n = 300000;
    std::vector<double> values(n);
    for (std::size_t i = 0; i < n; ++i) values[i] = static_cast<double>(i) / 7.0;
    const Table big({Column::float64("x", std::move(values))});
    struct StopAt final : lathe::jobs::ProgressSink {
      std::stop_source stop;
      double last = 0;
      void report(double fraction, std::string_view) override {
        last = fraction;
        if (fraction >= 0.5) stop.request_stop();
      }
    } sink;
    QVERIFY_THROWS_EXCEPTION(
        lathe::jobs::JobCancelled,
        lathe::data::writeCsv(big, path, {}, lathe::jobs::JobContext(sink.stop.get_token(), sink)));
    QVERIFY(sink.last < 0.6);
    QCOMPARE(readAll(path), std::string("old\n1\n"));
    QCOMPARE(entries(dir.path()), QStringList{"out.csv"});
  }

  void unwritablePlacesGiveIoErrors() {
    QTemporaryDir dir;
    const Table table({Column::int64("n", {1, 2})});
    // A folder that does not exist.
    const std::string missing = dir.filePath("absent/out.csv").toStdString();
    auto error = errorOf([&] { toFile(table, missing); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Io);
    QCOMPARE(error->where().file, missing);
    QVERIFY(!QFileInfo::exists(dir.filePath("absent")));
    // A read-only folder. Root may write anywhere, so there /proc stands in for one.
    QVERIFY(QDir(dir.path()).mkdir("locked"));
    const QString locked = dir.filePath("locked");
    QVERIFY(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    QFile probe(locked + "/probe");
    const bool rootCanWrite = probe.open(QIODevice::WriteOnly);
    probe.remove();
    const QString readOnly = rootCanWrite ? QString("/proc") : locked;
    const std::string target = (readOnly + "/out.csv").toStdString();
    error = errorOf([&] { toFile(table, target); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Io);
    QCOMPARE(error->where().file, target);
    QVERIFY(!entries(readOnly).contains("out.csv"));
    for (const QString& name : entries(readOnly)) QVERIFY2(!name.startsWith(".out.csv"), qPrintable(name));
    QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // A read-only file is not replaced; a folder is not a file.
    const std::string frozen = dir.filePath("frozen.csv").toStdString();
    toFile(table, frozen);
    QVERIFY(QFile::setPermissions(QString::fromStdString(frozen), QFileDevice::ReadOwner));
    error = errorOf([&] { toFile(Table({Column::int64("other", {9})}), frozen); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Io);
    QCOMPARE(readAll(frozen), std::string("n\n1\n2\n"));
    QCOMPARE(errorOf([&] { toFile(table, dir.path().toStdString()); })->code(), ErrorCode::Io);
    QCOMPARE(errorOf([&] { toFile(table, dir.path().toStdString() + "/"); })->code(), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { toFile(table, ""); })->code(), ErrorCode::InvalidArgument);
    QCOMPARE(entries(dir.path()), (QStringList{"frozen.csv", "locked"}));
  }

  void failingStreamIsAnIoError() {
    // A stream that takes 100 bytes, then fails like a full disk.
    struct FullDisk final : std::streambuf {
      std::size_t room = 100;
      int_type overflow(int_type c) override {
        if (room == 0) return traits_type::eof();
        --room;
        return c;
      }
      std::streamsize xsputn(const char*, std::streamsize n) override {
        const auto taken = std::min<std::streamsize>(n, static_cast<std::streamsize>(room));
        room -= static_cast<std::size_t>(taken);
        return taken;
      }
    } disk;
    std::ostream out(&disk);
    std::vector<std::int64_t> values(10000, 12345);
    lathe::jobs::NullProgressSink sink;
    std::stop_source stop;
    const auto error = errorOf([&] {
      lathe::data::writeCsv(Table({Column::int64("n", values)}), out, {},
                            lathe::jobs::JobContext(stop.get_token(), sink));
    });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Io);
  }
};

QTEST_APPLESS_MAIN(tst_CsvWriter)
#include "tst_CsvWriter.moc"
