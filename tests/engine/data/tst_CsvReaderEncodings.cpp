// The CSV reader on the bytes of real-world files: invalid UTF-8 (BAD_INPUTS 13), Korean Excel's
// CP949 and other legacy encodings (14), and files cut short mid-record or mid-character (21).
// Legacy-encoded bytes are made here with glibc's iconv from UTF-8 literals.
#include <QtTest>

#include "CsvTestSupport.h"

using namespace lathe::data;
using namespace lathe::data::csvtest;
using lathe::Error;
using lathe::ErrorCode;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// What Korean Excel saves as "CSV": Hangul names, including 똠, 햏 and 뷁, which only CP949 has.
std::string koreanCsv(int rows) {
  const char* names[] = {"김똠", "이햏", "박뷁", "최민준", "정서연", "강지우", "윤하은"};
  const char* cities[] = {"서울", "부산", "대구", "인천", "광주"};
  std::string text = "이름,나이,도시,메모\r\n";
  for (int i = 0; i < rows; ++i)
    text += std::string(names[i % 7]) + "," + std::to_string(20 + i % 50) + "," + cities[i % 5] + "," +
            (i % 4 == 0 ? "\"쉼표, 포함\"" : "비고") + "\r\n";
  return text;
}

}  // namespace

class tst_CsvReaderEncodings : public QObject {
  Q_OBJECT
 private slots:
  // --- 14. Legacy encodings.

  void koreanExcelCp949WithoutBom() {
    const std::string utf8 = koreanCsv(40);
    QVERIFY2(!encodeAs(utf8, "EUC-KR"), "똠 햏 뷁 are not EUC-KR, so this is CP949 proper");
    const auto cp949 = encodeAs(utf8, "CP949");
    QVERIFY(cp949);
    const ImportResult r = importBytes(*cp949);
    QCOMPARE(qs(r.encoding), QStringLiteral("cp949"));
    QVERIFY2(r.warnings.empty(), qPrintable(allWarnings(r)));
    QCOMPARE(tableToText(r.table), tableToText(importBytes(utf8).table));
    QCOMPARE(qs(r.table.column(0).name()), QStringLiteral("이름"));
    QCOMPARE(qcell(r.table, 0, 0), QStringLiteral("김똠"));
    QCOMPARE(qcell(r.table, 0, 2), QStringLiteral("박뷁"));
    QCOMPARE(qcell(r.table, 3, 0), QStringLiteral("쉼표, 포함"));
    QCOMPARE(typeOf(r.table, 1), QStringLiteral("int64"));
  }

  void encodingChosenByTheUser() {
    const auto cp949 = encodeAs(koreanCsv(10), "CP949");
    QVERIFY(cp949);
    CsvOptions eucKr;
    eucKr.encoding = "EUC-KR";  // what a detector says; decoded as its superset CP949
    const ImportResult r = importBytes(*cp949, eucKr);
    QCOMPARE(qs(r.encoding), QStringLiteral("cp949"));
    QCOMPARE(qcell(r.table, 0, 1), QStringLiteral("이햏"));
    QVERIFY(r.warnings.empty());
    // The wrong choice is visible: a warning, never a silent change.
    CsvOptions utf8;
    utf8.encoding = "utf-8";
    const ImportResult wrong = importBytes(*cp949, utf8);
    QVERIFY(findWarning(wrong, "U+FFFD"));
    CsvOptions unknown;
    unknown.encoding = "klingon-8";
    const auto error = importError(*cp949, unknown, "k.csv");
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::InvalidArgument);
    QCOMPARE(qs(error->where().file), QStringLiteral("k.csv"));
  }

  void otherLegacyEncodingsAreNotCp949_data() {
    QTest::addColumn<QString>("utf8");
    QTest::addColumn<QString>("iconvName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Shift-JIS") << "名前,年齢,都市\n田中太郎,30,東京\n山田花子,25,大阪\n佐藤一郎,41,名古屋\n鈴木,33,横浜\n"
                               << "SHIFT_JIS" << "shift_jis";
    QTest::newRow("GBK") << "产品,价格,数量\n苹果,3.5,10\n香蕉,2.0,20\n橙子,4.0,15\n葡萄,6.5,8\n" << "GBK" << "gbk";
    QTest::newRow("Latin-1") << "nom,ville\nRené,Montréal\nJürgen,Köln\nFrançois,Besançon\nÅsa,Malmö\n"
                             << "WINDOWS-1252" << "windows-1252";
  }
  void otherLegacyEncodingsAreNotCp949() {
    QFETCH(QString, utf8);
    QFETCH(QString, iconvName);
    QFETCH(QString, expected);
    const auto bytes = encodeAs(utf8.toStdString(), iconvName.toLatin1().constData());
    QVERIFY(bytes);
    const ImportResult r = importBytes(*bytes);
    QCOMPARE(qs(r.encoding), expected);
    QCOMPARE(tableToText(r.table), tableToText(importBytes(utf8.toStdString()).table));
  }

  void latin1FallbackIsAWarning() {
    const auto bytes = encodeAs("name,city\nRené,Montréal\nJürgen,Köln\n", "WINDOWS-1252");
    QVERIFY(bytes);
    const ImportResult r = importBytes(*bytes);
    QCOMPARE(qs(r.encoding), QStringLiteral("windows-1252"));
    QCOMPARE(qcell(r.table, 1, 0), QStringLiteral("Montréal"));
    const ImportWarning* w = findWarning(r, "windows-1252");
    QVERIFY2(w, qPrintable(allWarnings(r)));
    QCOMPARE(qs(w->where.file), QStringLiteral("test.csv"));
  }

  void mixedEncodingsInOneFile() {
    // A UTF-8 file with one line pasted from a CP949 file: the UTF-8 rows stay intact, the other
    // becomes U+FFFD, and the warning says where the first bad byte is.
    const std::string head = koreanCsv(60);
    const auto pasted = encodeAs("서지수,50,서울,붙여넣기\r\n", "CP949");  // 서 starts with a byte UTF-8 never starts with
    QVERIFY(pasted);
    const std::string text = head + *pasted + "김똠,22,부산,끝\r\n";
    const ImportResult r = importBytes(text);
    QCOMPARE(qs(r.encoding), QStringLiteral("utf-8"));
    QCOMPARE(r.table.rowCount(), std::size_t(62));
    QCOMPARE(qcell(r.table, 0, 59), qs(importBytes(head).table.column(0).displayText(59)));
    QCOMPARE(qcell(r.table, 3, 61), QStringLiteral("끝"));
    QVERIFY(cell(r.table, 0, 60).find(kReplacement) != std::string::npos);
    QCOMPARE(qcell(r.table, 1, 60), QStringLiteral("50"));
    const ImportWarning* w = findWarning(r, "U+FFFD");
    QVERIFY2(w, qPrintable(allWarnings(r)));
    QCOMPARE(w->where.byteOffset, std::int64_t(head.size()));
  }

  // --- 13. Invalid UTF-8 in a UTF-8 file.

  void invalidUtf8IsReplacedAndReported_data() {
    QTest::addColumn<QByteArray>("bom");
    QTest::newRow("no BOM") << QByteArray();
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF");
  }
  void invalidUtf8IsReplacedAndReported() {
    QFETCH(QByteArray, bom);
    const std::string head = bom.toStdString() + koreanCsv(20);
    const std::string text = head + "overlong\xC0\xAF,1,x,y\r\nsurrogate\xED\xA0\x80,2,x,y\r\nlone\x80,3,x,y\r\n";
    const ImportResult r = importBytes(text);
    QCOMPARE(qs(r.encoding), QStringLiteral("utf-8"));
    QCOMPARE(r.table.rowCount(), std::size_t(23));
    QCOMPARE(qs(cell(r.table, 0, 20)), qs("overlong" + kReplacement + kReplacement));
    QCOMPARE(qs(cell(r.table, 0, 21)), qs("surrogate" + kReplacement + kReplacement + kReplacement));
    QCOMPARE(qs(cell(r.table, 0, 22)), qs("lone" + kReplacement));
    QCOMPARE(r.table.column(1).int64Values()[22], std::int64_t{3});
    const ImportWarning* w = findWarning(r, "U+FFFD");
    QVERIFY2(w, qPrintable(allWarnings(r)));
    QCOMPARE(w->count, std::size_t(6));
    QCOMPARE(w->where.byteOffset, std::int64_t(head.size() + 8));  // counted in the file's bytes
    QCOMPARE(qs(w->where.file), QStringLiteral("test.csv"));
  }

  void sequenceCutByTheDetectionSample() {
    // The detector reads a sample of the first MiB: a character that straddles the sample's end
    // is still valid UTF-8, and so is the file.
    std::string text = "id,word\n";
    int id = 0;
    while (text.size() < (1u << 20) - 40) text += std::to_string(id++) + ",plain ascii text\n";
    text += std::to_string(id++) + ",";
    text += std::string((1u << 20) - 1 - text.size(), 'a');
    text += "\xC3\xA9";  // é, its first byte the sample's last
    text += "\n" + std::to_string(id++) + ",caf\xC3\xA9\n";
    const ImportResult r = importBytes(text);
    QCOMPARE(qs(r.encoding), QStringLiteral("utf-8"));
    QVERIFY2(r.warnings.empty(), qPrintable(allWarnings(r)));
    QCOMPARE(qcell(r.table, 1, std::size_t(id - 1)), QStringLiteral("café"));
  }

  // --- 21. Files cut short.

  void truncatedMidRecordKeepsTheRow() {
    const ImportResult r = importBytes("a,b,c\n1,2,3\n4,5");
    QCOMPARE(r.table.rowCount(), std::size_t(2));
    QCOMPARE(qcell(r.table, 1, 1), QStringLiteral("5"));
    QCOMPARE(qcell(r.table, 2, 1), QStringLiteral("<NA>"));
    const ImportWarning* w = findWarning(r, "fewer fields");
    QVERIFY(w);
    QCOMPARE(w->where.line, std::int64_t(3));
  }

  void truncatedInsideQuotesNamesTheLine() {
    const auto error = importError("a,b\n1,x\n2,\"a long note that was cut", {}, "cut.csv");
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Parse);
    QCOMPARE(error->where().line, std::int64_t(3));
    QCOMPARE(qs(error->where().file), QStringLiteral("cut.csv"));
  }

  void truncatedMidCharacterIsOneReplacement() {
    // A UTF-8 file cut inside its last character (산 is EC 82 B0): the cut character becomes one
    // U+FFFD, the row is kept, and the warning points at the cut.
    const std::string whole = koreanCsv(20) + "김똠,30,부산";
    const std::string cut = whole.substr(0, whole.size() - 1);
    const ImportResult r = importBytes(cut);
    QCOMPARE(qs(r.encoding), QStringLiteral("utf-8"));
    QCOMPARE(r.table.rowCount(), std::size_t(21));
    QCOMPARE(qs(cell(r.table, 2, 20)), qs("부" + kReplacement));
    const ImportWarning* w = findWarning(r, "U+FFFD");
    QVERIFY2(w, qPrintable(allWarnings(r)));
    QCOMPARE(w->count, std::size_t(1));
    QCOMPARE(w->where.byteOffset, std::int64_t(whole.size() - 3));
  }

  void truncatedUtf16IsAnErrorOrAWarning() {
    // UTF-16 cut to an odd length: either a typed error at the cut or the rows with a warning.
    const auto body = encodeAs("이름,점수\r\n김똠,90\r\n이햏,85\r\n", "UTF-16LE");
    QVERIFY(body);
    const std::string bytes = "\xFF\xFE" + body->substr(0, body->size() - 1);
    try {
      const ImportResult r = importBytes(bytes);
      QCOMPARE(r.table.rowCount(), std::size_t(2));
      QCOMPARE(qcell(r.table, 0, 1), QStringLiteral("이햏"));
      QVERIFY2(findWarning(r, "U+FFFD"), qPrintable(allWarnings(r)));
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Parse);
      QCOMPARE(qs(e.where().file), QStringLiteral("test.csv"));
      QCOMPARE(e.where().byteOffset, std::int64_t(bytes.size() - 1));
    }
  }
};

QTEST_APPLESS_MAIN(tst_CsvReaderEncodings)
#include "tst_CsvReaderEncodings.moc"
