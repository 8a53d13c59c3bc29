// The CSV reader end to end on the real datasets, and on the shape of a file: empty files,
// BOMs, newlines, delimiters, decimal commas (BAD_INPUTS 1, 2, 3, 9), files that cannot be read,
// and cancelling an import halfway (21).
#include <QtTest>
#include <atomic>
#include <cmath>
#include <numeric>

#include "CsvTestSupport.h"
#include "engine/data/CsvDialect.h"
#include "engine/jobs/JobCancelled.h"
#include "TestPaths.h"

using namespace lathe::data;
using namespace lathe::data::csvtest;
using lathe::Error;
using lathe::ErrorCode;

namespace {

const std::string kDatasets = LATHE_DATASETS_DIR;

double sumOf(const Column& column) {
  double sum = 0;
  for (std::size_t r = 0; r < column.size(); ++r)
    if (column.isValid(r)) sum += column.numericAt(r);
  return sum;
}

int countOf(const Column& column, const std::string& level) {
  int n = 0;
  for (std::size_t r = 0; r < column.size(); ++r) n += column.isValid(r) && column.displayText(r) == level;
  return n;
}

QStringList sortedLevels(const Column& column) {
  QStringList levels;
  for (const auto& level : column.levels()) levels << qs(level);
  levels.sort();
  return levels;
}

std::int64_t midnight(int y, unsigned m, unsigned d) {
  using namespace std::chrono;
  return sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count() * 86'400'000'000LL;
}

// Stops the import it watches at the first progress report at or past `at`, like a user pressing
// Cancel; counts the reports that come after. Reports arrive from the reader's threads.
class CancelAt final : public lathe::jobs::ProgressSink {
 public:
  CancelAt(std::stop_source& stop, double at) : stop_(stop), at_(at) {}
  void report(double fraction, std::string_view message) override {
    if (fraction < 0.0 || fraction > 1.0) outOfRange = true;
    if (message == "Done") sawDone = true;
    if (stop_.stop_requested()) ++afterStop;
    else if (fraction >= at_) stop_.request_stop();
  }
  std::atomic<int> afterStop{0};
  std::atomic<bool> sawDone{false};
  std::atomic<bool> outOfRange{false};

 private:
  std::stop_source& stop_;
  double at_;
};

}  // namespace

class tst_CsvReader : public QObject {
  Q_OBJECT
 private slots:
  // --- The datasets. Shapes from /work/shared/datasets/README.md; types and figures from pandas
  // 1.5 (/usr/bin/python3, pd.read_csv, computed once). Type letters: f float64, i int64,
  // c categorical, d datetime.

  void datasetsImportWithTheirShapeAndTypes_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("types");
    QTest::newRow("breast_cancer") << "breast_cancer.csv" << 569 << QString(30, 'f') + "c";
    QTest::newRow("diabetes_progression") << "diabetes_progression.csv" << 442 << QString(11, 'f');
    QTest::newRow("digits_8x8") << "digits_8x8.csv" << 1797 << QString(64, 'f') + "i";
    QTest::newRow("flights-200k") << "flights-200k.csv" << 200000 << "iif";
    QTest::newRow("penguins") << "penguins.csv" << 344 << "ccffffc";
    QTest::newRow("seattle-weather") << "seattle-weather.csv" << 1461 << "dffffc";
    QTest::newRow("wine") << "wine.csv" << 178 << QString(13, 'f') + "c";
  }
  void datasetsImportWithTheirShapeAndTypes() {
    QFETCH(QString, file);
    QFETCH(int, rows);
    QFETCH(QString, types);
    const ImportResult r = importFile(kDatasets + "/" + file.toStdString());
    QCOMPARE(qs(r.encoding), QStringLiteral("utf-8"));
    QCOMPARE(qs(r.format), QStringLiteral("csv"));
    QVERIFY2(r.warnings.empty(), qPrintable(allWarnings(r)));
    QCOMPARE(r.table.rowCount(), std::size_t(rows));
    QCOMPARE(r.table.columnCount(), std::size_t(types.size()));
    const QHash<QChar, QString> names{{'f', "float64"}, {'i', "int64"}, {'c', "categorical"}, {'d', "datetime"}};
    for (std::size_t c = 0; c < r.table.columnCount(); ++c)
      QVERIFY2(typeOf(r.table, c) == names[types[qsizetype(c)]],
               qPrintable(qs(r.table.column(c).name()) + " is " + typeOf(r.table, c)));
  }

  void penguinsMatchPandas() {
    const Table t = importFile(kDatasets + "/penguins.csv").table;
    QCOMPARE(qs(t.column(2).name()), QStringLiteral("Beak Length (mm)"));  // spaces and units kept
    QCOMPARE(sortedLevels(t.column(0)), (QStringList{"Adelie", "Chinstrap", "Gentoo"}));
    QCOMPARE(sortedLevels(t.column(1)), (QStringList{"Biscoe", "Dream", "Torgersen"}));
    // Sex: MALE 168, FEMALE 165, '.' 1 (a value, as pandas keeps it), 10 missing.
    QCOMPARE(sortedLevels(t.column(6)), (QStringList{".", "FEMALE", "MALE"}));
    QCOMPARE(countOf(t.column(6), "MALE"), 168);
    QCOMPARE(countOf(t.column(6), "FEMALE"), 165);
    QCOMPARE(countOf(t.column(0), "Adelie"), 152);
    QCOMPARE(countOf(t.column(0), "Chinstrap"), 68);
    QCOMPARE(countOf(t.column(1), "Torgersen"), 52);
    QCOMPARE(t.column(6).missingCount(), std::size_t(10));
    for (std::size_t c = 2; c <= 5; ++c) QCOMPARE(t.column(c).missingCount(), std::size_t(2));
    QVERIFY(!t.column(2).isValid(3) && !t.column(5).isValid(339));  // the two empty rows
    QVERIFY(std::abs(sumOf(t.column(2)) - 15021.3) < 1e-6);
    QCOMPARE(sumOf(t.column(5)), 1437000.0);
    QStringList first, last;
    for (std::size_t c = 0; c < 7; ++c) first << qcell(t, c, 0), last << qcell(t, c, 343);
    QCOMPARE(first, (QStringList{"Adelie", "Torgersen", "39.1", "18.7", "181", "3750", "MALE"}));
    QCOMPARE(last, (QStringList{"Gentoo", "Biscoe", "49.9", "16.1", "213", "5400", "MALE"}));
  }

  void seattleWeatherMatchesPandas() {
    const Table t = importFile(kDatasets + "/seattle-weather.csv").table;
    QCOMPARE(t.column(0).int64Values()[0], midnight(2012, 1, 1));
    QCOMPARE(t.column(0).int64Values()[1460], midnight(2015, 12, 31));
    QCOMPARE(t.column(0).missingCount(), std::size_t(0));
    QCOMPARE(sortedLevels(t.column(5)), (QStringList{"drizzle", "fog", "rain", "snow", "sun"}));
    QCOMPARE(countOf(t.column(5), "rain"), 641);
    QCOMPARE(countOf(t.column(5), "snow"), 26);
    QVERIFY(std::abs(sumOf(t.column(1)) - 4426.0) < 1e-6);
    QCOMPARE(qcell(t, 3, 1460), QStringLiteral("-2.1"));
    const auto maxTemp = t.column(2).float64Values();
    QCOMPARE(*std::max_element(maxTemp.begin(), maxTemp.end()), 35.6);
  }

  void flightsMatchPandas() {
    const Table t = importFile(kDatasets + "/flights-200k.csv").table;
    const auto delay = t.column(0).int64Values();
    const auto distance = t.column(1).int64Values();
    QCOMPARE(std::accumulate(delay.begin(), delay.end(), std::int64_t{0}), std::int64_t{1500159});
    QCOMPARE(std::accumulate(distance.begin(), distance.end(), std::int64_t{0}), std::int64_t{145847125});
    QCOMPARE(*std::min_element(delay.begin(), delay.end()), std::int64_t{-86});
    QCOMPARE(*std::max_element(delay.begin(), delay.end()), std::int64_t{1444});
    QCOMPARE(distance[199999], std::int64_t{1452});
    QVERIFY(std::abs(t.column(2).float64Values()[199999] - 23.98333333333333) < 1e-12);
    QVERIFY(std::abs(sumOf(t.column(2)) - 2755170.1666666665) < 1e-4);
  }

  void smallDatasetsMatchPandas() {
    const Table wine = importFile(kDatasets + "/wine.csv").table;
    QCOMPARE(qs(wine.column(11).name()), QStringLiteral("od280/od315_of_diluted_wines"));
    QCOMPARE(sumOf(wine.column(12)), 132947.0);
    QCOMPARE(sortedLevels(wine.column(13)), (QStringList{"cultivar_0", "cultivar_1", "cultivar_2"}));
    const Table cancer = importFile(kDatasets + "/breast_cancer.csv").table;
    QCOMPARE(sortedLevels(cancer.column(30)), (QStringList{"benign", "malignant"}));
    QCOMPARE(countOf(cancer.column(30), "benign"), 357);
    QVERIFY(std::abs(sumOf(cancer.column(0)) - 8038.429) < 1e-9);
    const Table diabetes = importFile(kDatasets + "/diabetes_progression.csv").table;
    QCOMPARE(sumOf(diabetes.column(10)), 67243.0);
    QVERIFY(std::abs(sumOf(diabetes.column(8)) - 2051.5036) < 1e-9);
    const Table digits = importFile(kDatasets + "/digits_8x8.csv").table;
    QCOMPARE(qs(digits.column(64).name()), QStringLiteral("digit"));
    QCOMPARE(sumOf(digits.column(digits.indexOf("pixel_3_4").value())), 17839.0);
    std::vector<int> perDigit(10);
    for (std::int64_t d : digits.column(64).int64Values()) ++perDigit[static_cast<std::size_t>(d)];
    QCOMPARE(perDigit, (std::vector<int>{178, 182, 177, 183, 181, 182, 181, 179, 174, 180}));
  }

  // --- 1. Empty inputs: a typed error naming the file; a header alone is an empty table.

  void emptyInputsAreTypedErrors_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("0 bytes") << QByteArray();
    QTest::newRow("only LF") << QByteArray("\n");
    QTest::newRow("only CRLF") << QByteArray("\r\n");
    QTest::newRow("only blank lines") << QByteArray("\n\r\n\r\n\n");
    QTest::newRow("only a UTF-8 BOM") << QByteArray("\xEF\xBB\xBF");
    QTest::newRow("a UTF-8 BOM and a newline") << QByteArray("\xEF\xBB\xBF\r\n");
    QTest::newRow("only a UTF-16 LE BOM") << QByteArray("\xFF\xFE");
  }
  void emptyInputsAreTypedErrors() {
    QFETCH(QByteArray, bytes);
    const auto error = importError(bytes.toStdString(), {}, "empty.csv");
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Parse);
    QCOMPARE(qs(error->where().file), QStringLiteral("empty.csv"));
    QVERIFY(qs(error->message()).contains("empty"));
  }

  void zeroByteFileNamesItsPath() {
    QTemporaryDir dir;
    const std::string path = writeFile(dir, "nothing.csv", "");
    const auto error = importFileError(path);
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Parse);
    QCOMPARE(qs(error->where().file), qs(path));
  }

  void headerOnlyIsAnEmptyTable_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("no newline") << QByteArray("name,age,city");
    QTest::newRow("LF") << QByteArray("name,age,city\n");
    QTest::newRow("CRLF and blank lines") << QByteArray("name,age,city\r\n\r\n\r\n");
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBFname,age,city\n");
  }
  void headerOnlyIsAnEmptyTable() {
    QFETCH(QByteArray, bytes);
    const ImportResult r = importBytes(bytes.toStdString());
    QCOMPARE(r.table.rowCount(), std::size_t(0));
    QCOMPARE(r.table.columnCount(), std::size_t(3));
    QCOMPARE(qs(r.table.column(0).name()), QStringLiteral("name"));
    QCOMPARE(qs(r.table.column(2).name()), QStringLiteral("city"));
    QVERIFY(r.warnings.empty());
  }

  // --- 2. Byte order marks.

  void utf8BomIsNotPartOfTheFirstName() {
    const ImportResult r = importBytes("\xEF\xBB\xBFid,name\n1,x\n2,y\n");
    QCOMPARE(qs(r.table.column(0).name()), QStringLiteral("id"));
    QCOMPARE(r.table.indexOf("id"), std::optional<std::size_t>(0));
    QCOMPARE(typeOf(r.table, 0), QStringLiteral("int64"));
    QCOMPARE(qs(r.encoding), QStringLiteral("utf-8"));
  }

  void utf16WithBomIsDecoded_data() {
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("bom");
    QTest::newRow("LE") << "UTF-16LE" << QByteArray("\xFF\xFE");
    QTest::newRow("BE") << "UTF-16BE" << QByteArray("\xFE\xFF");
  }
  void utf16WithBomIsDecoded() {
    QFETCH(QString, encoding);
    QFETCH(QByteArray, bom);
    const auto body = encodeAs("이름,점수,비고\r\n김똠,90,\"a, b\"\r\n이뷁,85,😀\r\n", encoding.toLatin1().constData());
    QVERIFY(body);
    const ImportResult r = importBytes(bom.toStdString() + *body);
    QCOMPARE(qs(r.encoding), encoding.toLower());
    QCOMPARE(r.table.columnCount(), std::size_t(3));
    QCOMPARE(r.table.rowCount(), std::size_t(2));
    QCOMPARE(qs(r.table.column(0).name()), QStringLiteral("이름"));  // no U+FEFF left in front
    QCOMPARE(qs(r.table.column(2).name()), QStringLiteral("비고"));
    QCOMPARE(qcell(r.table, 0, 0), QStringLiteral("김똠"));
    QCOMPARE(qcell(r.table, 2, 0), QStringLiteral("a, b"));
    QCOMPARE(qcell(r.table, 2, 1), QStringLiteral("😀"));  // a surrogate pair in UTF-16
    QCOMPARE(typeOf(r.table, 1), QStringLiteral("int64"));
    QCOMPARE(r.table.column(1).int64Values()[1], std::int64_t{85});
  }

  // --- 3. Newlines: every convention, mixed, none at the end, blank lines anywhere.

  void newlinesAllGiveTheSameTable_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("LF") << QByteArray("a,b\n1,x\n2,y\n3,z\n");
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,x\r\n2,y\r\n3,z\r\n");
    QTest::newRow("bare CR") << QByteArray("a,b\r1,x\r2,y\r3,z\r");
    QTest::newRow("mixed") << QByteArray("a,b\r\n1,x\n2,y\r3,z\r\n");
    QTest::newRow("no final newline") << QByteArray("a,b\n1,x\n2,y\n3,z");
    QTest::newRow("no final newline, CRLF") << QByteArray("a,b\r\n1,x\r\n2,y\r\n3,z");
    QTest::newRow("blank lines inside") << QByteArray("a,b\n\n1,x\n\n\n2,y\r\n\r\n3,z\n");
    QTest::newRow("blank lines at the end") << QByteArray("a,b\n1,x\n2,y\n3,z\n\n\r\n\r\r\n");
    QTest::newRow("blank lines before the header") << QByteArray("\n\r\na,b\n1,x\n2,y\n3,z\n");
  }
  void newlinesAllGiveTheSameTable() {
    QFETCH(QByteArray, bytes);
    const ImportResult r = importBytes(bytes.toStdString());
    QCOMPARE(r.table.rowCount(), std::size_t(3));
    QCOMPARE(typeOf(r.table, 0), QStringLiteral("int64"));
    QVERIFY(isStringType(r.table.column(1).type()));
    QStringList cells;
    for (std::size_t row = 0; row < 3; ++row) cells << qcell(r.table, 0, row) + qcell(r.table, 1, row);
    QCOMPARE(cells, (QStringList{"1x", "2y", "3z"}));
    QCOMPARE(qs(r.table.column(1).name()), QStringLiteral("b"));
    QVERIFY2(r.warnings.empty(), qPrintable(allWarnings(r)));
  }

  void linesAreCountedWhateverTheNewline_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    // A forced int64 column meets "bad": the error names the physical line it is on.
    QTest::newRow("LF") << QByteArray("num\n1\n\n2\nbad\n") << 5;
    QTest::newRow("CRLF") << QByteArray("num\r\n1\r\n\r\n2\r\nbad\r\n") << 5;
    QTest::newRow("bare CR") << QByteArray("num\r1\r\r2\rbad\r") << 5;
    QTest::newRow("mixed") << QByteArray("num\r\n1\r\r\n2\nbad") << 5;
    QTest::newRow("blank lines before the header") << QByteArray("\n\nnum\n1\nbad\n") << 5;
  }
  void linesAreCountedWhateverTheNewline() {
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    CsvOptions options;
    options.columnTypes["num"] = ColumnType::Int64;
    const auto error = importError(bytes.toStdString(), options);
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Parse);
    QCOMPARE(error->where().line, std::int64_t(line));
    QCOMPARE(error->where().column, std::int64_t(1));
    QCOMPARE(qs(error->value()), QStringLiteral("bad"));
    QCOMPARE(qs(error->where().file), QStringLiteral("test.csv"));
  }

  // --- 9. Delimiters, decimal commas, thousands separators.

  void delimiterIsSniffed_data() {
    QTest::addColumn<QString>("delimiter");
    QTest::newRow("comma") << ",";
    QTest::newRow("semicolon") << ";";
    QTest::newRow("tab") << "\t";
    QTest::newRow("pipe") << "|";
  }
  void delimiterIsSniffed() {
    QFETCH(QString, delimiter);
    // The other delimiters appear inside the values, so the count of each character decides nothing.
    const std::string d = delimiter.toStdString();
    std::string text = "name" + d + "note" + d + "score\n";
    const char* notes[] = {"a;b", "x|y", "c,d", "tab\tin"};
    for (int i = 0; i < 8; ++i) {
      std::string note = notes[i % 4];
      if (note.find(d) != std::string::npos) note = "\"" + note + "\"";
      text += "row" + std::to_string(i) + d + note + d + std::to_string(i * 10) + "\n";
    }
    QCOMPARE(CsvDialect::sniff(text, {}).delimiter, d[0]);
    const ImportResult r = importBytes(text);
    QCOMPARE(r.table.columnCount(), std::size_t(3));
    QCOMPARE(r.table.rowCount(), std::size_t(8));
    QCOMPARE(qcell(r.table, 1, 2), QStringLiteral("c,d"));
    QCOMPARE(qcell(r.table, 1, 3), QStringLiteral("tab\tin"));
    QCOMPARE(typeOf(r.table, 2), QStringLiteral("int64"));
    QCOMPARE(qcell(r.table, 2, 7), QStringLiteral("70"));
  }

  void explicitDelimiterOverridesTheSniffer() {
    CsvOptions options;
    options.delimiter = ';';
    const ImportResult r = importBytes("a,b;c\nx,y;3\nz,w;6\n", options);
    QCOMPARE(r.table.columnCount(), std::size_t(2));
    QCOMPARE(qs(r.table.column(0).name()), QStringLiteral("a,b"));
    QCOMPARE(qcell(r.table, 0, 1), QStringLiteral("z,w"));
    QCOMPARE(typeOf(r.table, 1), QStringLiteral("int64"));
  }

  void decimalCommaWithSemicolons() {
    const ImportResult r = importBytes("name;price;count\nSmith, John;1,5;3\nDoe, Jane;2,25;4\nRoe;-0,75;5\n");
    QCOMPARE(r.table.columnCount(), std::size_t(3));
    QCOMPARE(qcell(r.table, 0, 0), QStringLiteral("Smith, John"));
    QCOMPARE(typeOf(r.table, 1), QStringLiteral("float64"));
    QCOMPARE(r.table.column(1).float64Values()[0], 1.5);
    QCOMPARE(r.table.column(1).float64Values()[1], 2.25);
    QCOMPARE(r.table.column(1).float64Values()[2], -0.75);
    QCOMPARE(typeOf(r.table, 2), QStringLiteral("int64"));
  }

  void thousandsSeparatorsNeverGiveAWrongNumber_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("written");
    QTest::addColumn<double>("value");
    QTest::newRow("quoted 1,234 with commas") << QByteArray("id,amount\n1,\"1,234\"\n2,\"12,345,678\"\n") << "1,234" << 1234.0;
    QTest::newRow("1.234,5 with semicolons") << QByteArray("id;amount\n1;1.234,5\n2;12.345.678,0\n") << "1.234,5" << 1234.5;
    QTest::newRow("1 234 with spaces") << QByteArray("id,amount\n1,1 234\n2,12 345 678\n") << "1 234" << 1234.0;
    QTest::newRow("1'234 Swiss") << QByteArray("id,amount\n1,1'234\n2,12'345'678\n") << "1'234" << 1234.0;
  }
  void thousandsSeparatorsNeverGiveAWrongNumber() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, written);
    QFETCH(double, value);
    const Table t = importBytes(bytes.toStdString()).table;
    QCOMPARE(t.columnCount(), std::size_t(2));
    const Column& amount = t.column(1);
    if (amount.isNumeric()) QCOMPARE(amount.numericAt(0), value);  // read as the number it is
    else QCOMPARE(qcell(t, 1, 0), written);                         // or kept as written
  }

  void headerIsSniffed() {
    const Table named = importBytes("x,y\n1,2\n3,4\n").table;
    QCOMPARE(named.rowCount(), std::size_t(2));
    QCOMPARE(qs(named.column(1).name()), QStringLiteral("y"));
    const ImportResult bare = importBytes("1,2.5,2024-01-01\n3,4.5,2024-01-02\n");
    QCOMPARE(bare.table.rowCount(), std::size_t(2));
    QCOMPARE(qs(tableToText(bare.table)).section('\n', 0, 0),
             QStringLiteral("column_1:int64|column_2:float64|column_3:datetime"));
    QVERIFY(bare.warnings.empty());  // no header is not a header of empty names
    CsvOptions options;
    options.header = false;
    QCOMPARE(importBytes("x,y\n1,2\n", options).table.rowCount(), std::size_t(2));
  }

  void headerNamesThatLookLikeBooleans_data() {
    // "y" is the usual name of a target column, and also a yes/no token: over a column of
    // numbers it is a name, not a value.
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("type");
    QTest::newRow("y over integers") << QByteArray("y\n1\n0\n1\n") << "int64";
    QTest::newRow("n over floats") << QByteArray("n\n1.5\n2.5\n") << "float64";
    QTest::newRow("t over dates") << QByteArray("t\n2024-01-01\n2024-01-02\n") << "datetime";
    QTest::newRow("x,y over integers") << QByteArray("x,y\n1,2\n3,4\n") << "int64";
  }
  void headerNamesThatLookLikeBooleans() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, type);
    const Table t = importBytes(bytes.toStdString()).table;
    QCOMPARE(qs(t.column(0).name()), QString::fromLatin1(bytes.left(1)));
    QCOMPARE(typeOf(t, t.columnCount() - 1), type);
  }

  // --- Files that cannot be read.

  void missingFileIsAnIoErrorNamingThePath() {
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/no-such.csv";
    const auto error = importFileError(path);
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Io);
    QCOMPARE(qs(error->where().file), qs(path));
    const auto folder = importFileError(dir.path().toStdString());
    QVERIFY(folder);
    QCOMPARE(folder->code(), ErrorCode::Io);
  }

  // --- 21. Cancel halfway.

  void cancelHalfwayStopsWithJobCancelled_data() {
    QTest::addColumn<double>("at");
    QTest::addColumn<int>("threads");
    QTest::newRow("first report, 1 thread") << 0.0 << 1;
    QTest::newRow("first report, 2 threads") << 0.0 << 2;
    QTest::newRow("while reading values, 1 thread") << 0.6 << 1;
    QTest::newRow("while reading values, 2 threads") << 0.6 << 2;
  }
  void cancelHalfwayStopsWithJobCancelled() {
    QFETCH(double, at);
    QFETCH(int, threads);
    std::string text = "id,name,value\n";
    for (int i = 0; i < 400000; ++i) text += std::to_string(i) + ",name" + std::to_string(i % 97) + "," + std::to_string(i * 0.5) + "\n";
    std::stop_source stop;
    CancelAt sink(stop, at);
    const lathe::jobs::JobContext context(stop.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, CsvReader::readBytes(text, "big.csv", withThreads(threads), context));
    QVERIFY(stop.stop_requested());
    QVERIFY2(sink.afterStop.load() < 8, "the stop is seen within a few thousand records");
    QVERIFY(!sink.sawDone.load());
    QVERIFY(!sink.outOfRange.load());
  }

  void progressEndsDone() {
    std::string text = "a,b\n";
    for (int i = 0; i < 100000; ++i) text += std::to_string(i) + ",x\n";
    std::stop_source stop;
    CancelAt sink(stop, 2.0);  // never stops
    const lathe::jobs::JobContext context(stop.get_token(), sink);
    QCOMPARE(CsvReader::readBytes(text, "p.csv", {}, context).table.rowCount(), std::size_t(100000));
    QVERIFY(sink.sawDone.load());
    QVERIFY(!sink.outOfRange.load());
  }

  void previewReadsOnlyTheFirstRows() {
    CsvOptions options;
    options.maxRows = 2;
    const ImportResult r = importBytes("a,b\n1,\"x\ny\"\n2,z\n3,\"never closed\n", options);
    QCOMPARE(r.table.rowCount(), std::size_t(2));
    QCOMPARE(qcell(r.table, 1, 0), QStringLiteral("x\ny"));
    QCOMPARE(qcell(r.table, 1, 1), QStringLiteral("z"));
  }

  void stopRequestedBeforeTheStartCancels() {
    QTemporaryDir dir;
    const std::string path = writeFile(dir, "small.csv", "a,b\n1,2\n");
    lathe::jobs::NullProgressSink sink;
    std::stop_source stop;
    stop.request_stop();
    const lathe::jobs::JobContext context(stop.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, CsvReader::read(path, {}, context));
  }
};

QTEST_APPLESS_MAIN(tst_CsvReader)
#include "tst_CsvReader.moc"
