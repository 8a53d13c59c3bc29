#include <QtTest>

#include "StoppingSink.h"
#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <sstream>

#include "engine/core/Error.h"
#include "engine/data/JsonReader.h"
#include "engine/jobs/JobCancelled.h"
#include "TestPaths.h"

using lathe::Error;
using lathe::ErrorCode;
using lathe::data::ColumnType;
using lathe::data::ImportResult;

namespace {

ImportResult readBytes(std::string_view bytes, const std::string& name = "test.json") {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  return lathe::data::readJsonBytes(bytes, name, lathe::jobs::JobContext(stop.get_token(), sink));
}

ImportResult readFile(const std::string& path) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  return lathe::data::readJson(path, lathe::jobs::JobContext(stop.get_token(), sink));
}

std::optional<Error> errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error;
  }
  return std::nullopt;
}

void writeFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Splits a CSV line of the shared datasets (they hold no quotes) at commas.
std::vector<std::string> splitLine(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

// A shared CSV dataset as JSON: numeric fields as numbers, empty ones as null, the rest strings.
std::string datasetAsJson(const std::string& file, bool jsonLines) {
  std::ifstream in(std::string(LATHE_DATASETS_DIR) + "/" + file);
  std::string line;
  std::getline(in, line);
  const auto header = splitLine(line);
  std::string out = jsonLines ? "" : "[\n";
  bool first = true;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto fields = splitLine(line);
    out += jsonLines ? "" : (first ? "  " : ",\n  ");
    first = false;
    out += '{';
    for (std::size_t i = 0; i < header.size(); ++i) {
      const std::string value = i < fields.size() ? fields[i] : "";
      const bool number = !value.empty() && value.find_first_not_of("0123456789.-") == std::string::npos &&
                          value.find('-', 1) == std::string::npos &&
                          value.find_first_of("0123456789") != std::string::npos;
      out += (i ? ", \"" : "\"") + header[i] + "\": " + (value.empty() ? "null" : number ? value : '"' + value + '"');
    }
    out += jsonLines ? "}\n" : "}";
  }
  return out + (jsonLines ? "" : "\n]\n");
}

// Stops the job once progress passes `at`, and remembers every fraction it was told.
// Every type, keys missing from some objects, nulls, in one table.
const char* kEveryType =
    "[\n"
    "  {\"id\": 1, \"ratio\": 0.5, \"ok\": true, \"name\": \"Ada\", \"kind\": \"x\", \"when\": \"2024-03-01\","
    " \"tags\": [1, \"a\"], \"note\": \"n1\"},\n"
    "  {\"id\": 2, \"ratio\": 1.0, \"ok\": false, \"name\": \"Bo\", \"kind\": \"x\", \"when\": \"2024-03-02T10:30:00\","
    " \"tags\": {\"k\": null, \"s\": \"q\\\"t\"}},\n"
    "  {\"id\": null, \"ratio\": 2, \"ok\": null, \"name\": null, \"kind\": \"y\", \"when\": null, \"tags\": null},\n"
    "  {\"id\": -4, \"ok\": true, \"name\": \"\", \"kind\": \"x\", \"when\": \"2023-12-31\", \"extra\": 7}\n"
    "]\n";

void checkEveryType(const ImportResult& result) {
  const auto& t = result.table;
  QCOMPARE(t.rowCount(), size_t(4));
  QCOMPARE(t.columnCount(), size_t(9));
  const std::vector<std::string> names{"id", "ratio", "ok", "name", "kind", "when", "tags", "note", "extra"};
  for (std::size_t i = 0; i < names.size(); ++i) QCOMPARE(t.column(i).name(), names[i]);

  const auto& id = t.column(0);
  QCOMPARE(id.type(), ColumnType::Int64);
  QCOMPARE(id.int64Values()[3], std::int64_t(-4));
  QVERIFY(!id.isValid(2));
  QCOMPARE(id.missingCount(), size_t(1));

  const auto& ratio = t.column(1);  // 1.0 and 2 mixed with 0.5: float64; absent in the last object
  QCOMPARE(ratio.type(), ColumnType::Float64);
  QCOMPARE(ratio.float64Values()[1], 1.0);
  QCOMPARE(ratio.float64Values()[2], 2.0);
  QVERIFY(!ratio.isValid(3));

  QCOMPARE(t.column(2).type(), ColumnType::Bool);
  QCOMPARE(t.column(2).displayText(0), std::string("true"));
  QCOMPARE(t.column(2).displayText(1), std::string("false"));
  QVERIFY(!t.column(2).isValid(2));

  const auto& name = t.column(3);  // distinct strings: text; "" stays an empty string, null is missing
  QCOMPARE(name.type(), ColumnType::Text);
  QVERIFY(!name.isValid(2));
  QVERIFY(name.isValid(3));
  QCOMPARE(name.textAt(3), std::string_view(""));

  QCOMPARE(t.column(4).type(), ColumnType::Categorical);
  QCOMPARE(t.column(4).levels().size(), size_t(2));

  const auto& when = t.column(5);
  QCOMPARE(when.type(), ColumnType::Datetime);
  QCOMPARE(when.displayText(1), std::string("2024-03-02T10:30:00"));
  QCOMPARE(when.displayText(3), std::string("2023-12-31"));
  QVERIFY(!when.isValid(2));

  const auto& tags = t.column(6);  // nested values: their compact JSON text
  QCOMPARE(tags.type(), ColumnType::Text);
  QCOMPARE(tags.textAt(0), std::string_view("[1,\"a\"]"));
  QCOMPARE(tags.textAt(1), std::string_view("{\"k\":null,\"s\":\"q\\\"t\"}"));
  QVERIFY(!tags.isValid(2));
  QVERIFY(!tags.isValid(3));

  // "note" appears only in row 1, "extra" only in row 4: missing everywhere else.
  QCOMPARE(t.column(7).missingCount(), size_t(3));
  QCOMPARE(t.column(8).type(), ColumnType::Int64);
  QCOMPARE(t.column(8).missingCount(), size_t(3));
  QCOMPARE(t.column(8).int64Values()[3], std::int64_t(7));
}

}  // namespace

class tst_JsonReader : public QObject {
  Q_OBJECT
 private slots:
  void readsAnArrayWithEveryType() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("every.json").toStdString();
    writeFile(path, kEveryType);
    const auto result = readFile(path);
    QCOMPARE(result.format, std::string("json"));
    QCOMPARE(result.encoding, std::string("utf-8"));
    checkEveryType(result);
    bool nestedWarning = false;
    for (const auto& w : result.warnings) nestedWarning |= w.message.find("'tags'") != std::string::npos;
    QVERIFY(nestedWarning);
  }

  void readsJsonLinesWithBlankLinesAndCrlf() {
    // The same rows as kEveryType, one object per line, CRLF endings and blank lines between.
    std::string lines;
    std::string doc = kEveryType;
    doc = doc.substr(doc.find('{'));
    doc = doc.substr(0, doc.rfind('}') + 1);
    for (std::size_t pos = 0; pos < doc.size();) {
      const std::size_t end = doc.find("},\n", pos);
      const std::string object = doc.substr(pos, end == std::string::npos ? std::string::npos : end + 1 - pos);
      lines += object.substr(object.find('{')) + "\r\n\r\n";
      pos = end == std::string::npos ? doc.size() : end + 3;
    }
    const auto result = readBytes(lines, "every.jsonl");
    QCOMPARE(result.format, std::string("jsonl"));
    checkEveryType(result);
  }

  void readsARealDatasetAsJson() {
    // seattle-weather.csv written as a JSON array. Expected values from pandas 1.5
    // (read_csv of the same file): 1461 rows, 6 columns, precipitation sums to 4426.0, temp_max
    // to 24017.5, weather counts rain 641, sun 640, fog 101, drizzle 53, snow 26.
    const auto result = readBytes(datasetAsJson("seattle-weather.csv", false), "seattle-weather.json");
    const auto& t = result.table;
    QCOMPARE(t.rowCount(), size_t(1461));
    QCOMPARE(t.columnCount(), size_t(6));
    QCOMPARE(t.column(0).type(), ColumnType::Datetime);
    QCOMPARE(t.column(0).displayText(0), std::string("2012-01-01"));
    for (std::size_t c = 1; c <= 4; ++c) QCOMPARE(t.column(c).type(), ColumnType::Float64);
    double precipitation = 0, tempMax = 0;
    for (std::size_t r = 0; r < t.rowCount(); ++r) {
      precipitation += t.column(1).float64Values()[r];
      tempMax += t.column(2).float64Values()[r];
    }
    QVERIFY(std::abs(precipitation - 4426.0) < 1e-6);
    QVERIFY(std::abs(tempMax - 24017.5) < 1e-6);
    const auto& weather = t.column(5);
    QCOMPARE(weather.type(), ColumnType::Categorical);
    std::map<std::string, int> counts;
    for (std::size_t r = 0; r < t.rowCount(); ++r) ++counts[weather.displayText(r)];
    QCOMPARE(counts,
             (std::map<std::string, int>{{"drizzle", 53}, {"fog", 101}, {"rain", 641}, {"snow", 26}, {"sun", 640}}));
  }

  void readsARealDatasetAsJsonLinesWithNulls() {
    // penguins.csv as JSON Lines, empty cells as null. From pandas 1.5 (read_csv with only "" as
    // missing): 344 x 7; 2 missing in each measurement, 10 in Sex; Sex levels MALE, FEMALE and
    // "."; Body Mass (g) sums to 1437000.0.
    QTemporaryDir dir;
    const std::string path = dir.filePath("penguins.jsonl").toStdString();
    writeFile(path, datasetAsJson("penguins.csv", true));
    const auto result = readFile(path);
    const auto& t = result.table;
    QCOMPARE(result.format, std::string("jsonl"));
    QCOMPARE(t.rowCount(), size_t(344));
    QCOMPARE(t.columnCount(), size_t(7));
    QCOMPARE(t.column(2).name(), std::string("Beak Length (mm)"));
    for (std::size_t c = 2; c <= 5; ++c) {
      QCOMPARE(t.column(c).type(), ColumnType::Float64);
      QCOMPARE(t.column(c).missingCount(), size_t(2));
    }
    QCOMPARE(t.column(6).type(), ColumnType::Categorical);
    QCOMPARE(t.column(6).missingCount(), size_t(10));
    QCOMPARE(t.column(6).levels().size(), size_t(3));
    double mass = 0;
    for (std::size_t r = 0; r < t.rowCount(); ++r)
      if (t.column(5).isValid(r)) mass += t.column(5).float64Values()[r];
    QCOMPARE(mass, 1437000.0);
  }

  void fileChunksDoNotMatter() {
    // Over 3 MiB of JSON Lines with 3-byte Korean characters, so the file reader's 1 MiB chunks
    // end inside characters, strings and numbers: the table equals the one read from memory.
    std::string doc;
    for (int i = 0; doc.size() < (std::size_t{3} << 20) + 7; ++i)
      doc += "{\"id\": " + std::to_string(i) + ", \"이름\": \"김치" + std::to_string(i % 7) +
             "\", \"x\": " + std::to_string(i * 0.125) + "}\n";
    QTemporaryDir dir;
    const std::string path = dir.filePath("chunks.jsonl").toStdString();
    writeFile(path, doc);
    const auto fromFile = readFile(path).table;
    const auto fromMemory = readBytes(doc).table;
    QCOMPARE(fromFile.columnCount(), size_t(3));
    QCOMPARE(fromFile.rowCount(), fromMemory.rowCount());
    QCOMPARE(fromFile.column(1).name(), std::string("이름"));
    for (std::size_t c = 0; c < 3; ++c) {
      QCOMPARE(fromFile.column(c).type(), fromMemory.column(c).type());
      for (std::size_t r = 0; r < fromFile.rowCount(); ++r)
        QCOMPARE(fromFile.column(c).displayText(r), fromMemory.column(c).displayText(r));
    }
    // An error far past the first chunk still gets its line and column (found by reading again).
    const std::size_t lines = std::size_t(std::count(doc.begin(), doc.end(), '\n'));
    writeFile(path, doc + "{\"id\": 1, \"x\": nul}\n");
    const auto error = errorOf([&] { readFile(path); });
    QVERIFY(error);
    QCOMPARE(error->where().line, std::int64_t(lines + 1));
    QCOMPARE(error->where().column, std::int64_t(19));  // the literal "nul" breaks at the '}'
    QCOMPARE(error->where().byteOffset, std::int64_t(doc.size() + 18));
  }

  void bigIntegersStayExact() {
    const auto result = readBytes(
        "[{\"id\": 9007199254740993}, {\"id\": 9223372036854775807}, {\"id\": -9223372036854775808}, {\"id\": 0}]");
    const auto& id = result.table.column(0);
    QCOMPARE(id.type(), ColumnType::Int64);
    QCOMPARE(id.int64Values()[0], std::int64_t(9007199254740993));
    QCOMPARE(id.int64Values()[1], std::numeric_limits<std::int64_t>::max());
    QCOMPARE(id.int64Values()[2], std::numeric_limits<std::int64_t>::min());
    QCOMPARE(id.displayText(0), std::string("9007199254740993"));
    // Past int64 the column cannot stay integral: float64, not a wrapped negative number.
    const auto big = readBytes("[{\"n\": 18446744073709551615}, {\"n\": 1}]");
    QCOMPARE(big.table.column(0).type(), ColumnType::Float64);
    QCOMPARE(big.table.column(0).float64Values()[0], 18446744073709551615.0);
  }

  void dateStringsBecomeDatetime() {
    const auto result = readBytes("{\"d\": \"2024-02-29\"}\n{\"d\": \"2024-03-01T12:30:00Z\"}\n{\"d\": \"\"}\n");
    const auto& d = result.table.column(0);
    QCOMPARE(d.type(), ColumnType::Datetime);
    QCOMPARE(d.displayText(0), std::string("2024-02-29"));
    QCOMPARE(d.displayText(1), std::string("2024-03-01T12:30:00"));
    QVERIFY(!d.isValid(2));
    // 29 February of a non-leap year is no date: the column stays strings.
    const auto bad = readBytes("[{\"d\": \"2023-02-29\"}, {\"d\": \"2023-03-01\"}]");
    QVERIFY(bad.table.column(0).type() != ColumnType::Datetime);
  }

  void mixedKindsAreInferredFromTheirText() {
    const auto result = readBytes(
        "[{\"a\": 1, \"b\": 1, \"c\": \"NA\", \"d\": true},"
        " {\"a\": \"2\", \"b\": \"x\", \"c\": \"NA\", \"d\": 3},"
        " {\"a\": 3, \"b\": 2.5, \"c\": \"z\", \"d\": null}]");
    const auto& t = result.table;
    QCOMPARE(t.column(0).type(), ColumnType::Int64);  // 1, "2", 3
    QCOMPARE(t.column(0).int64Values()[1], std::int64_t(2));
    QVERIFY(t.column(1).type() == ColumnType::Text || t.column(1).type() == ColumnType::Categorical);
    QCOMPARE(t.column(1).displayText(2), std::string("2.5"));
    // A JSON string "NA" is text, not a missing value: JSON has null for that.
    QCOMPARE(t.column(2).missingCount(), size_t(0));
    QCOMPARE(t.column(2).displayText(0), std::string("NA"));
    QCOMPARE(t.column(3).displayText(0), std::string("true"));
    QCOMPARE(t.column(3).displayText(1), std::string("3"));
    int mixing = 0;
    for (const auto& w : result.warnings) mixing += w.message.find("mixes") != std::string::npos;
    QCOMPARE(mixing, 3);  // a, b and d; c holds only strings
  }

  void repeatedKeyKeepsTheLastValue() {
    const auto result = readBytes("[{\"a\": 1, \"a\": 2}, {\"a\": 3}]");
    QCOMPARE(result.table.column(0).int64Values()[0], std::int64_t(2));
    QCOMPARE(result.warnings.size(), size_t(1));
    QCOMPARE(result.warnings[0].where.line, std::int64_t(1));
  }

  void malformedJsonNamesLineAndColumn() {
    // Line 3 is `  {"a": 2,, "b": 3}`: the second comma, column 11, byte 14 + 10.
    const auto error = errorOf([] { readBytes("[\n  {\"a\": 1},\n  {\"a\": 2,, \"b\": 3}\n]\n", "bad.json"); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Parse);
    QCOMPARE(error->where().file, std::string("bad.json"));
    QCOMPARE(error->where().line, std::int64_t(3));
    QCOMPARE(error->where().column, std::int64_t(11));
    QCOMPARE(error->where().byteOffset, std::int64_t(24));
    QVERIFY2(std::string(error->what()).starts_with("bad.json:3:11: "), error->what());
  }

  void malformedJsonLinesCountsCharactersAfterEarlierLines() {
    // On line 2, `{"이름": "김", "x": tru}`: the literal breaks at '}', the 21st character
    // (the Korean syllables are 3 bytes each but one column).
    const std::string doc = "{\"x\": true}\n{\"이름\": \"김\", \"x\": tru}\n";
    const auto error = errorOf([&] { readBytes(doc, "bad.jsonl"); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Parse);
    QCOMPARE(error->where().line, std::int64_t(2));
    QCOMPARE(error->where().column, std::int64_t(21));
    QCOMPARE(error->where().byteOffset, std::int64_t(doc.find("tru}") + 3));
    // Something other than an object on a later line.
    const auto stray = errorOf([] { readBytes("{\"x\": 1}\n\n  42\n"); });
    QVERIFY(stray);
    QCOMPARE(stray->where().line, std::int64_t(3));
    QCOMPARE(stray->where().column, std::int64_t(3));
  }

  void everyTruncationIsAnErrorAtTheEnd() {
    const std::string doc =
        "[\n  {\"a\": 1, \"b\": \"김치\", \"c\": [true, null]},\n  {\"a\": -2.5e3, \"b\": \"x\\ny\"}\n]";
    QCOMPARE(readBytes(doc).table.rowCount(), size_t(2));
    for (std::size_t length = 0; length < doc.size(); ++length) {
      const std::string prefix = doc.substr(0, length);
      const auto error = errorOf([&] { readBytes(prefix); });
      if (length == 0) {
        QVERIFY(!error);  // nothing at all is an empty table
        continue;
      }
      QVERIFY2(error, prefix.c_str());
      QCOMPARE(error->code(), ErrorCode::Parse);
      QCOMPARE(error->where().byteOffset, std::int64_t(length));
      QCOMPARE(error->where().line, std::int64_t(std::count(prefix.begin(), prefix.end(), '\n') + 1));
    }
    // The same from a file.
    QTemporaryDir dir;
    const std::string path = dir.filePath("cut.json").toStdString();
    writeFile(path, doc.substr(0, doc.size() / 2));
    const auto error = errorOf([&] { readFile(path); });
    QVERIFY(error);
    QCOMPARE(error->where().file, path);
    QCOMPARE(error->where().line, std::int64_t(2));
  }

  void binaryJunkIsRefused() {
    const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    const std::string zip("PK\x03\x04\x14\0\0\0\x08\0", 10);
    for (const auto& bytes : {png, zip}) {
      const auto error = errorOf([&] { readBytes(bytes, "junk.json"); });
      QVERIFY(error);
      QCOMPARE(error->code(), ErrorCode::Parse);
      QCOMPARE(error->where().line, std::int64_t(1));
      QCOMPARE(error->where().column, std::int64_t(1));
    }
    // Random bytes, some after a valid start: always a lathe::Error, never a crash or another
    // exception.
    std::mt19937 rng(42);
    for (int round = 0; round < 500; ++round) {
      std::string bytes = round % 2 ? "[{\"a\": " : "{\"a\": ";
      const int length = std::uniform_int_distribution<int>(0, 64)(rng);
      for (int i = 0; i < length; ++i) bytes += static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
      try {
        readBytes(bytes);
      } catch (const Error& error) {
        QVERIFY(error.where().byteOffset >= 0 && error.where().byteOffset <= std::int64_t(bytes.size()));
      }
    }
    // Invalid UTF-8 inside a string, and a NUL byte.
    const auto badUtf8 = errorOf([] { readBytes("[{\"a\": \"ok\xC3\x28\"}]"); });
    QVERIFY(badUtf8);
    QCOMPARE(badUtf8->where().byteOffset, std::int64_t(11));
    QVERIFY(errorOf([] { readBytes(std::string("[{\"a\": \"x\0y\"}]", 14)); }));
  }

  void byteOrderMarks() {
    const auto result = readBytes("\xEF\xBB\xBF[{\"name\": 1}]");
    QCOMPARE(result.table.column(0).name(), std::string("name"));  // no U+FEFF kept
    QCOMPARE(result.format, std::string("json"));
    const auto lines = readBytes("\xEF\xBB\xBF{\"name\": 1}\n");
    QCOMPARE(lines.table.column(0).name(), std::string("name"));
    // The BOM is no column: the error at byte 4 is column 2.
    const auto error = errorOf([] { readBytes("\xEF\xBB\xBF[}"); });
    QVERIFY(error);
    QCOMPARE(error->where().column, std::int64_t(2));
    QCOMPARE(error->where().byteOffset, std::int64_t(4));
    // UTF-16 is named as such.
    const auto utf16 = errorOf([] { readBytes(std::string("\xFF\xFE[\0{\0", 6)); });
    QVERIFY(utf16);
    QCOMPARE(utf16->code(), ErrorCode::Unsupported);
  }

  void topLevelMustBeATable() {
    for (const char* doc :
         {"42", "\"text\"", "null", "[1, 2, 3]", "[{\"a\": 1}, [1]]", "[{\"a\": 1}, \"x\"]", "true"}) {
      const auto error = errorOf([&] { readBytes(doc); });
      QVERIFY2(error, doc);
      QCOMPARE(error->code(), ErrorCode::Parse);
      QVERIFY2(error->message().find("object") != std::string::npos, error->what());
    }
    const auto second = errorOf([] { readBytes("[{\"a\": 1},\n 7]"); });
    QVERIFY(second->message().starts_with("row 2 is a number"));
    QCOMPARE(second->where().line, std::int64_t(2));
    // Trailing garbage after the array.
    QVERIFY(errorOf([] { readBytes("[{\"a\": 1}] x"); }));
  }

  void emptyInputsAreEmptyTables() {
    for (const std::string doc : {"", "  \n", "\xEF\xBB\xBF", "[]", " [ ] ", "[{}, {}]", "{}\n{}"}) {
      const auto result = readBytes(doc);
      QCOMPARE(result.table.rowCount(), size_t(0));
      QCOMPARE(result.table.columnCount(), size_t(0));
    }
  }

  void allNullColumnIsMissingEverywhere() {
    const auto result = readBytes("[{\"a\": null, \"b\": 1}, {\"a\": null, \"b\": 2}]");
    QCOMPARE(result.table.column(0).missingCount(), size_t(2));
    QCOMPARE(result.table.column(0).type(), ColumnType::Float64);
  }

  void deepNestingIsText() {
    const int depth = 100000;
    const std::string doc = "[{\"deep\": " + std::string(depth, '[') + std::string(depth, ']') + "}]";
    const auto result = readBytes(doc);
    QCOMPARE(result.table.column(0).textAt(0).size(), size_t(2 * depth));
    // Unbalanced: an error at the end, no stack overflow.
    QVERIFY(errorOf([&] { readBytes("[{\"deep\": " + std::string(depth, '[')); }));
  }

  void hugeValuesAndSparseKeysAreRefused() {
    const std::string huge = "[{\"a\": \"" + std::string((64 << 20) + 16, 'x') + "\"}]";
    const auto error = errorOf([&] { readBytes(huge); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Parse);
    QVERIFY(error->message().find("64 MiB") != std::string::npos);
    // 20000 objects with a key each of their own would be a 20000 x 20000 table of missing values.
    std::string sparse;
    for (int i = 0; i < 20000; ++i) sparse += "{\"k" + std::to_string(i) + "\": 1}\n";
    const auto refused = errorOf([&] { readBytes(sparse); });
    QVERIFY(refused);
    QCOMPARE(refused->code(), ErrorCode::Unsupported);
  }

  void fileErrorsNameThePath() {
    QTemporaryDir dir;
    const std::string missing = dir.filePath("nope.json").toStdString();
    const auto error = errorOf([&] { readFile(missing); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Io);
    QCOMPARE(error->where().file, missing);
    const auto folder = errorOf([&] { readFile(dir.path().toStdString()); });
    QVERIFY(folder);
    QCOMPARE(folder->code(), ErrorCode::Io);
  }

  void reportsProgressAndHonoursCancel() {
    std::string doc;
    for (int i = 0; i < 200000; ++i)
      doc += "{\"id\": " + std::to_string(i) + ", \"x\": " + std::to_string(i * 0.25) + ", \"s\": \"row\"}\n";
    {
      std::stop_source stop;
      StoppingSink sink(stop, 2.0);  // never stops
      const auto result = lathe::data::readJsonBytes(doc, "p.jsonl", lathe::jobs::JobContext(stop.get_token(), sink));
      QCOMPARE(result.table.rowCount(), size_t(200000));
      QVERIFY(sink.fractions.size() > 10);
      QVERIFY(std::is_sorted(sink.fractions.begin(), sink.fractions.end()));
      QCOMPARE(sink.fractions.back(), 1.0);
    }
    {
      std::stop_source stop;
      StoppingSink sink(stop, 0.3);
      QVERIFY_THROWS_EXCEPTION(
          lathe::jobs::JobCancelled,
          lathe::data::readJsonBytes(doc, "p.jsonl", lathe::jobs::JobContext(stop.get_token(), sink)));
      QVERIFY(sink.fractions.back() < 0.5);  // stopped soon after asking, not at the end
    }
    {
      std::stop_source stop;
      stop.request_stop();
      lathe::jobs::NullProgressSink sink;
      QVERIFY_THROWS_EXCEPTION(
          lathe::jobs::JobCancelled,
          lathe::data::readJsonBytes("[{\"a\": 1}]", "s.json", lathe::jobs::JobContext(stop.get_token(), sink)));
    }
  }
};

QTEST_APPLESS_MAIN(tst_JsonReader)
#include "tst_JsonReader.moc"
