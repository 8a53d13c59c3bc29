// The CSV reader on records that are not clean: quoting (BAD_INPUTS 4, 5, 6), ragged rows (7),
// header names (8), control characters and binary files (12).
#include <QtTest>
#include <random>

#include "CsvTestSupport.h"

using namespace lathe::data;
using namespace lathe::data::csvtest;
using lathe::Error;
using lathe::ErrorCode;

class tst_CsvReaderQuoting : public QObject {
  Q_OBJECT
 private slots:
  // --- 4. Quoted fields.

  void quotedFieldsHoldDelimitersNewlinesAndQuotes() {
    const std::string text =
        "id,text,n\n"
        "1,\"a,b\",10\n"
        "2,\"line1\nline2\",20\n"
        "3,\"crlf\r\ninside\",30\n"
        "4,\"bare\rcr\",40\n"
        "5,\"say \"\"hi\"\"\",50\n"
        "6,\"\"\"\",60\n"
        "7,\"  spaced  \",70\n"
        "8,\"\",80\n"
        "9,,90\n";
    const ImportResult r = importBytes(text);
    QCOMPARE(r.table.rowCount(), std::size_t(9));
    QStringList texts;
    for (std::size_t row = 0; row < 9; ++row) texts << qcell(r.table, 1, row);
    QCOMPARE(texts, (QStringList{"a,b", "line1\nline2", "crlf\r\ninside", "bare\rcr", "say \"hi\"", "\"", "  spaced  ",
                                 "", "<NA>"}));
    QCOMPARE(typeOf(r.table, 2), QStringLiteral("int64"));
    QCOMPARE(r.table.column(2).int64Values()[8], std::int64_t{90});
    QVERIFY2(r.warnings.empty(), qPrintable(allWarnings(r)));
  }

  void emptyQuotedIsAStringEmptyUnquotedIsMissing() {
    // In a text column "" is a value (an empty string) and an unquoted empty field is missing.
    const ImportResult r = importBytes("id,name\n1,\"\"\n2,\n3,Bob\n4,\"\"\n5,Ann\n");
    const Column& name = r.table.column(1);
    QVERIFY(isStringType(name.type()));
    QVERIFY(name.isValid(0));
    QCOMPARE(qcell(r.table, 1, 0), QString(""));
    QVERIFY(!name.isValid(1));
    QCOMPARE(qcell(r.table, 1, 3), QString(""));
    QCOMPARE(name.missingCount(), std::size_t(1));
  }

  void doubledQuotesInTheSniffedSample() {
    // Found by fuzz_csv: fields unescaped from doubled quotes live in the cursor's storage; the
    // dialect sniffer must keep that storage while it looks at them (ASan reported a use after
    // free here).
    const ImportResult r = importBytes("name;value\n\"he said \"\"hi\"\"\";3,5\n\"x\";4,25\n\"\"\"q\"\"\";1,0\n");
    QCOMPARE(typeOf(r.table, 1), QStringLiteral("float64"));
    QCOMPARE(r.table.column(1).float64Values()[0], 3.5);
    QCOMPARE(qcell(r.table, 0, 0), QStringLiteral("he said \"hi\""));
    QCOMPARE(qcell(r.table, 0, 2), QStringLiteral("\"q\""));
  }

  void emptyQuotedInANumberColumnIsMissing() {
    const Table t = importBytes("id,n\n1,5\n2,\"\"\n3,\n4,\"7\"\n").table;
    QCOMPARE(typeOf(t, 1), QStringLiteral("int64"));
    QCOMPARE(t.column(1).missingCount(), std::size_t(2));
    QCOMPARE(t.column(1).int64Values()[3], std::int64_t{7});  // quotes do not make a number text
  }

  // --- 5. The one lenient rule (CsvCursor): a quote opens a quoted field only at a field's start;
  // elsewhere it is an ordinary character, and text after a closing quote joins the field.

  void lenientQuoteRule_data() {
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("quote inside an unquoted field") << QByteArray("a\"b,c") << QStringList{"a\"b", "c"};
    QTest::newRow("text after a closing quote") << QByteArray("\"ab\"x,1") << QStringList{"abx", "1"};
    QTest::newRow("quote then text with a quote") << QByteArray("\"a\"b\"c\",2") << QStringList{"ab\"c\"", "2"};
    QTest::newRow("quote after a space is literal") << QByteArray(" \"a,b\",3") << QStringList{" \"a", "b\"", "3"};
    QTest::newRow("inch marks") << QByteArray("12\" pipe,4") << QStringList{"12\" pipe", "4"};
    QTest::newRow("doubled quote then text") << QByteArray("\"a\"\"b\"c,5") << QStringList{"a\"bc", "5"};
  }
  void lenientQuoteRule() {
    QFETCH(QByteArray, record);
    QFETCH(QStringList, fields);
    CsvOptions options;
    options.header = false;
    options.delimiter = ',';
    const std::string text = record.toStdString() + "\nnext,row\n";
    const Table t = importBytes(text, options).table;
    QCOMPARE(t.rowCount(), std::size_t(2));
    QStringList got;
    for (std::size_t c = 0; c < t.columnCount(); ++c)
      if (t.column(c).isValid(0)) got << qcell(t, c, 0);
    QCOMPARE(got, fields);
    QCOMPARE(qcell(t, 0, 1), QStringLiteral("next"));  // the rule never swallows the next record
  }

  // --- 6. An unterminated quote names the line where it opened.

  void unterminatedQuoteNamesItsLine_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::newRow("in the data") << QByteArray("a,b\n1,2\n3,\"open\n4,5\n6,7\n") << 3;
    QTest::newRow("at the very end") << QByteArray("a,b\n1,2\n3,\"") << 3;
    QTest::newRow("in the header") << QByteArray("\"a,b\n1,2\n") << 1;
    QTest::newRow("after a multi-line field") << QByteArray("a,b\n1,\"x\ny\r\nz\"\n2,\"open\n3,4\n") << 5;
    QTest::newRow("CR lines") << QByteArray("a,b\r1,2\r\r3,\"x\r") << 4;
  }
  void unterminatedQuoteNamesItsLine() {
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    const auto error = importError(bytes.toStdString(), {}, "quotes.csv");
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Parse);
    QCOMPARE(error->where().line, std::int64_t(line));
    QCOMPARE(qs(error->where().file), QStringLiteral("quotes.csv"));
    // The byte offset, when given, is the opening quote's.
    const std::int64_t quote = bytes.lastIndexOf('"');
    QVERIFY2(error->where().byteOffset == -1 || error->where().byteOffset == quote,
             qPrintable(QString::number(error->where().byteOffset)));
  }

  void unterminatedQuoteOffsetCountsTheBom() {
    // Offsets are the file's bytes: the BOM is three of them.
    const std::string text = "\xEF\xBB\xBF" "a,b\n1,\"open\n";
    const auto error = importError(text);
    QVERIFY(error);
    QCOMPARE(error->where().line, std::int64_t(2));
    const auto quote = static_cast<std::int64_t>(text.rfind('"'));
    QVERIFY2(error->where().byteOffset == -1 || error->where().byteOffset == quote,
             qPrintable(QString::number(error->where().byteOffset)));
  }

  // --- 7. Ragged rows: short rows padded with missing values, long rows add columns; each kind
  // reported once with its count and first line.

  void raggedRowsArePaddedOrWidenedWithWarnings() {
    const std::string text =
        "a,b,c\n"
        "1,2,3\n"
        "4,5\n"
        "6,7,8\n"
        "\n"
        "9\n"
        "10,11,12,13\n"
        "14,15,16,17,18\n";
    const ImportResult r = importBytes(text);
    QCOMPARE(r.table.rowCount(), std::size_t(6));
    QCOMPARE(qs(tableToText(r.table)),
             QStringLiteral("a:int64|b:int64|c:int64|column_4:int64|column_5:int64\n"
                            "1|2|3|<NA>|<NA>\n"
                            "4|5|<NA>|<NA>|<NA>\n"
                            "6|7|8|<NA>|<NA>\n"
                            "9|<NA>|<NA>|<NA>|<NA>\n"
                            "10|11|12|13|<NA>\n"
                            "14|15|16|17|18\n"));
    const ImportWarning* shortRows = findWarning(r, "fewer fields");
    QVERIFY2(shortRows, qPrintable(allWarnings(r)));
    QCOMPARE(shortRows->count, std::size_t(2));
    QCOMPARE(shortRows->where.line, std::int64_t(3));
    QCOMPARE(qs(shortRows->where.file), QStringLiteral("test.csv"));
    const ImportWarning* longRows = findWarning(r, "more fields");
    QVERIFY2(longRows, qPrintable(allWarnings(r)));
    QCOMPARE(longRows->count, std::size_t(2));
    QCOMPARE(longRows->where.line, std::int64_t(7));
    QVERIFY(qs(longRows->message).contains("2 columns were added"));
    QCOMPARE(r.warnings.size(), std::size_t(2));  // the added columns' names are not "empty names"
  }

  void raggedRowCountsSpanTheWholeFile() {
    // Thousands of short rows spread over every chunk: one warning, the exact count, the first line.
    std::string text = "a,b,c\n";
    std::size_t shortRows = 0;
    for (int i = 0; i < 300000; ++i) {
      const bool isShort = i % 7 == 3;
      shortRows += isShort;
      text += isShort ? std::to_string(i) + ",x\n" : std::to_string(i) + ",x,y\n";
    }
    for (int threads : {1, 2}) {
      const ImportResult r = importBytes(text, withThreads(threads));
      const ImportWarning* w = findWarning(r, "fewer fields");
      QVERIFY(w);
      QCOMPARE(w->count, shortRows);
      QCOMPARE(w->where.line, std::int64_t(5));
      QCOMPARE(r.table.column(2).missingCount(), shortRows);
    }
  }

  // --- 8. Header names.

  void headerNamesAreMadeUsable_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("warning");
    QTest::addColumn<int>("count");
    QTest::newRow("duplicates") << QByteArray("a,a,b,a") << QStringList{"a", "a.1", "b", "a.2"} << "repeat" << 2;
    QTest::newRow("duplicate of a suffixed name") << QByteArray("a,a.1,a") << QStringList{"a", "a.1", "a.2"} << "repeat" << 1;
    QTest::newRow("empty") << QByteArray(",b,,d") << QStringList{"column_1", "b", "column_3", "d"} << "empty" << 2;
    QTest::newRow("whitespace only") << QByteArray("  ,b,\t") << QStringList{"column_1", "b", "column_3"} << "empty" << 2;
    QTest::newRow("quoted empty") << QByteArray("\"\",b") << QStringList{"column_1", "b"} << "empty" << 1;
  }
  void headerNamesAreMadeUsable() {
    QFETCH(QByteArray, header);
    QFETCH(QStringList, names);
    QFETCH(QString, warning);
    QFETCH(int, count);
    std::string text = header.toStdString() + "\n";
    for (int row = 0; row < 3; ++row) {
      for (qsizetype c = 0; c < names.size(); ++c) text += (c ? "," : "") + std::to_string(row * 10 + c);
      text += "\n";
    }
    const ImportResult r = importBytes(text);
    QStringList got;
    for (const auto& column : r.table.columns()) got << qs(column->name());
    QCOMPARE(got, names);
    const ImportWarning* w = findWarning(r, warning.toStdString());
    QVERIFY2(w, qPrintable(allWarnings(r)));
    QCOMPARE(w->count, std::size_t(count));
    QCOMPARE(w->where.line, std::int64_t(1));
    QCOMPARE(r.table.rowCount(), std::size_t(3));
    QCOMPARE(typeOf(r.table, 0), QStringLiteral("int64"));
  }

  void longAndFormulaLikeNamesAreKeptAsWritten() {
    const std::string longName(10'000, 'n');
    const std::string text = longName + ",=SUM(A1),+x,@y,\"multi\nline\"\n1,2,3,4,5\n6,7,8,9,10\n";
    const ImportResult r = importBytes(text);
    QCOMPARE(r.table.columnCount(), std::size_t(5));
    QCOMPARE(r.table.column(0).name().size(), std::size_t(10'000));
    QCOMPARE(qs(r.table.column(1).name()), QStringLiteral("=SUM(A1)"));  // escaping is the exporter's job
    QCOMPARE(qs(r.table.column(2).name()), QStringLiteral("+x"));
    QCOMPARE(qs(r.table.column(3).name()), QStringLiteral("@y"));
    QCOMPARE(qs(r.table.column(4).name()), QStringLiteral("multi\nline"));
    QCOMPARE(r.table.rowCount(), std::size_t(2));
    CsvOptions options;
    options.columnTypes["@y"] = ColumnType::Int64;
    const auto error = importError(text + "11,12,13,oops,15\n", options);
    QVERIFY(error);
    QCOMPARE(error->where().line, std::int64_t(5));  // the header took two lines
    QCOMPARE(error->where().column, std::int64_t(4));
  }

  // --- 12. Control characters are data; binary files are refused.

  void nulAndControlCharactersStayInTheirField() {
    std::string text = "id,text\n1,a";
    text += '\0';
    text += "b\n2,c\x01" "d\x1B" "e\n3,tab\there\n4,\"q";
    text += '\0';
    text += "\"\n";
    for (int i = 5; i < 15; ++i) text += std::to_string(i) + ",an ordinary row of text\n";
    const ImportResult r = importBytes(text);
    QCOMPARE(r.table.rowCount(), std::size_t(14));
    QCOMPARE(qb(cell(r.table, 1, 0)), QByteArray("a\0b", 3));
    QCOMPARE(qb(cell(r.table, 1, 1)), QByteArray("c\x01" "d\x1B" "e"));
    QCOMPARE(qb(cell(r.table, 1, 2)), QByteArray("tab\there"));
    QCOMPARE(qb(cell(r.table, 1, 3)), QByteArray("q\0", 2));
    QCOMPARE(typeOf(r.table, 0), QStringLiteral("int64"));
  }

  void binaryFilesAreRefused_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("name");
    const QByteArray tail = QByteArray("a,b\n1,2\n").repeated(100);  // only the signature tells
    QTest::newRow("xlsx renamed") << QByteArray("PK\x03\x04\x14\x00\x06\x00", 8) + tail << "report.csv";
    QTest::newRow("zip") << QByteArray("PK\x03\x04\x0A\x00\x00\x00", 8) + tail << "archive.csv";
    QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + tail << "picture.csv";
    QTest::newRow("gzip") << QByteArray("\x1F\x8B\x08\x00", 4) + tail << "data.csv";
    QTest::newRow("pdf") << QByteArray("%PDF-1.7\n") + tail << "paper.csv";
    QTest::newRow("sqlite") << QByteArray("SQLite format 3\0", 16) + tail << "project.csv";
  }
  void binaryFilesAreRefused() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, name);
    QTemporaryDir dir;
    const std::string path = writeFile(dir, name.toStdString(), std::string_view(bytes.constData(), std::size_t(bytes.size())));
    const auto error = importFileError(path);
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Unsupported);
    QCOMPARE(qs(error->where().file), qs(path));
  }

  void randomBytesAreRefused() {
    // Bytes that are no text at all (a JPEG, an executable without its magic, a disk image).
    std::mt19937 random(20240301);
    for (int trial = 0; trial < 5; ++trial) {
      std::string bytes(64 * 1024, '\0');
      for (char& b : bytes) b = static_cast<char>(random() & 0xFF);
      const auto error = importError(bytes, {}, "noise.csv");
      QVERIFY2(error, "random bytes were imported as a table");
      QCOMPARE(error->code(), ErrorCode::Unsupported);
      QCOMPARE(qs(error->where().file), QStringLiteral("noise.csv"));
    }
  }

  void jpegIsRefused() {
    std::mt19937 random(7);
    const char head[] = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01";
    std::string bytes(head, sizeof head - 1);
    for (int i = 0; i < 20000; ++i) bytes += static_cast<char>(random() & 0xFF);
    const auto error = importError(bytes, {}, "photo.csv");
    QVERIFY2(error, "a JPEG was imported as a table");
    QCOMPARE(error->code(), ErrorCode::Unsupported);
  }
};

QTEST_APPLESS_MAIN(tst_CsvReaderQuoting)
#include "tst_CsvReaderQuoting.moc"
