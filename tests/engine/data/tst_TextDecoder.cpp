// TextDecoder: bytes of a text file to UTF-8 (BAD_INPUTS 2, 13, 14). Legacy-encoded samples are
// made here with glibc's iconv from UTF-8 literals.
#include <QtTest>

#include "CsvTestSupport.h"
#include "engine/data/TextDecoder.h"

using namespace lathe::data;
using namespace lathe::data::csvtest;
using lathe::Error;
using lathe::ErrorCode;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct Decoded {
  TextDecoder::Result result;
  std::string text;
  bool viewsTheInput = false;  // the view points into the input: no copy was made
};

Decoded decode(std::string_view bytes, std::string_view encoding = "auto") {
  Decoded d;
  std::string out;
  std::string_view view;
  d.result = TextDecoder::decode(bytes, encoding, out, view);
  d.viewsTheInput = view.data() >= bytes.data() && view.data() + view.size() <= bytes.data() + bytes.size();
  d.text = std::string(view);
  return d;
}

std::optional<Error> decodeError(std::string_view bytes, std::string_view encoding) {
  try {
    decode(bytes, encoding);
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

// A Korean Excel export: names with syllables only CP949 has (똠, 햏, 뷁), cities, amounts.
const std::string kKorean =
    "고객명,지역,금액,비고\r\n김똠,서울,12000,햏\r\n박뷁,부산,8500,\r\n이민수,대구,4300,메모\r\n"
    "최지우,인천,9100,뷁뷁\r\n정하늘,광주,15000,완료\r\n";

}  // namespace

class tst_TextDecoder : public QObject {
  Q_OBJECT
 private slots:
  // --- UTF-8 and BOMs.

  void utf8WithoutBomIsNotCopied() {
    const std::string bytes = "name,city\nJosé,서울\n";
    const Decoded d = decode(bytes);
    QCOMPARE(qs(d.result.encoding), QStringLiteral("utf-8"));
    QVERIFY(!d.result.hadBom);
    QVERIFY(d.viewsTheInput);
    QCOMPARE(qs(d.text), qs(bytes));
    QCOMPARE(d.result.replaced, std::uint64_t(0));
    QCOMPARE(d.result.firstReplacedAt, std::int64_t(-1));
  }

  void utf8BomIsRemoved() {
    const Decoded d = decode("\xEF\xBB\xBFname\n\xEF\xBB\xBFkept\n");
    QCOMPARE(qs(d.result.encoding), QStringLiteral("utf-8"));
    QVERIFY(d.result.hadBom);
    QCOMPARE(qb(d.text), QByteArray("name\n\xEF\xBB\xBFkept\n"));  // only the leading one is a BOM
  }

  void utf16WithBom_data() {
    QTest::addColumn<QString>("iconvName");
    QTest::addColumn<QByteArray>("bom");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("requested");
    QTest::newRow("LE auto") << "UTF-16LE" << QByteArray("\xFF\xFE") << "utf-16le" << "auto";
    QTest::newRow("BE auto") << "UTF-16BE" << QByteArray("\xFE\xFF") << "utf-16be" << "auto";
    QTest::newRow("LE as utf-16") << "UTF-16LE" << QByteArray("\xFF\xFE") << "utf-16le" << "utf-16";
    QTest::newRow("BE as utf-16") << "UTF-16BE" << QByteArray("\xFE\xFF") << "utf-16be" << "UTF-16";
  }
  void utf16WithBom() {
    QFETCH(QString, iconvName);
    QFETCH(QByteArray, bom);
    QFETCH(QString, encoding);
    QFETCH(QString, requested);
    const std::string text = kKorean + "emoji,😀,€,ü\r\n";
    const auto body = encodeAs(text, iconvName.toLatin1().constData());
    QVERIFY(body);
    const Decoded d = decode(bom.toStdString() + *body, requested.toStdString());
    QCOMPARE(qs(d.result.encoding), encoding);
    QVERIFY(d.result.hadBom);
    QCOMPARE(qs(d.text), qs(text));
    QCOMPARE(d.result.replaced, std::uint64_t(0));
  }

  // --- CP949 (Korean Excel) and its relatives.

  void cp949WithoutBomIsDetected() {
    QVERIFY2(!encodeAs("똠", "EUC-KR") && !encodeAs("햏", "EUC-KR") && !encodeAs("뷁", "EUC-KR"),
             "these syllables are CP949 only");
    const auto bytes = encodeAs(kKorean, "CP949");
    QVERIFY(bytes);
    QCOMPARE(qs(TextDecoder::detect(*bytes)), QStringLiteral("cp949"));
    const Decoded d = decode(*bytes);
    QCOMPARE(qs(d.result.encoding), QStringLiteral("cp949"));
    QCOMPARE(qs(d.text), qs(kKorean));
    QCOMPARE(d.result.replaced, std::uint64_t(0));
  }

  void eucKrRequestedDecodesAsCp949_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("euc-kr") << "euc-kr";
    QTest::newRow("EUC-KR") << "EUC-KR";
    QTest::newRow("euckr") << "euckr";
    QTest::newRow("ks_c_5601-1987") << "ks_c_5601-1987";
    QTest::newRow("cp949") << "cp949";
  }
  void eucKrRequestedDecodesAsCp949() {
    QFETCH(QString, name);
    const auto bytes = encodeAs(kKorean, "CP949");
    QVERIFY(bytes);
    const Decoded d = decode(*bytes, name.toStdString());
    QCOMPARE(qs(d.result.encoding), QStringLiteral("cp949"));
    QCOMPARE(qs(d.text), qs(kKorean));  // 김똠 fails as strict EUC-KR
  }

  void otherLegacyEncodingsAreNotReadAsCp949_data() {
    QTest::addColumn<QString>("utf8");
    QTest::addColumn<QString>("iconvName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Shift-JIS, kana") << "名前,年齢,都市,メモ\nたなか,30,とうきょう,データ\nやまだ,25,おおさか,テスト\n"
                                     << "SHIFT_JIS" << "shift_jis";
    QTest::newRow("Shift-JIS, kanji names and cities") << "名前,年齢,都市\n田中太郎,30,東京\n山田花子,25,大阪\n佐藤一郎,41,名古屋\n"
                                                       << "SHIFT_JIS" << "shift_jis";
    QTest::newRow("GBK, names and cities") << "姓名,年龄,城市\n张三,30,北京\n李四,25,上海\n王五,41,广州\n" << "GBK" << "gbk";
    QTest::newRow("GBK, products") << "产品,价格,数量\n苹果,3.5,10\n香蕉,2.0,20\n橙子,4.0,15\n" << "GBK" << "gbk";
    QTest::newRow("Latin-1, French and German") << "name,city\nRené,Montréal\nJürgen,Köln\nFrançois,Besançon\nÅsa,Malmö\n"
                                               << "WINDOWS-1252" << "windows-1252";
    QTest::newRow("Latin-1, capitals") << "NOM,VILLE\nDÉSIRÉ,QUÉBEC\nÉLODIE,TROIS-RIVIÈRES\nANDRÉ,SÈTE\n"
                                       << "WINDOWS-1252" << "windows-1252";
    QTest::newRow("Latin-1, Spanish") << "nombre,ciudad\nJosé Muñoz,Logroño\nÁngela Núñez,Cádiz\n"
                                      << "WINDOWS-1252" << "windows-1252";
  }
  void otherLegacyEncodingsAreNotReadAsCp949() {
    QFETCH(QString, utf8);
    QFETCH(QString, iconvName);
    QFETCH(QString, expected);
    const auto bytes = encodeAs(utf8.toStdString(), iconvName.toLatin1().constData());
    QVERIFY(bytes);
    const Decoded d = decode(*bytes);
    QCOMPARE(qs(d.result.encoding), expected);
    QCOMPARE(qs(d.text), utf8);
  }

  void windows1252DecodesEveryByte() {
    // Its five undefined bytes (81 8D 8F 90 9D) decode as Latin-1 would, to U+0081..U+009D.
    std::string all;
    for (int b = 0x20; b < 0x100; ++b) all += static_cast<char>(b);
    const Decoded d = decode(all, "windows-1252");
    QCOMPARE(d.result.replaced, std::uint64_t(0));
    QVERIFY(d.text.find(kReplacement) == std::string::npos);
    QVERIFY(d.text.find("\xC2\x81") != std::string::npos);
    QVERIFY(d.text.find("\xC2\x9D") != std::string::npos);
    QVERIFY(d.text.find("€") != std::string::npos);  // 0x80
    QVERIFY(d.text.find("ÿ") != std::string::npos);  // 0xFF
  }

  void latin1NamesAreWindows1252() {
    const std::string bytes = "caf\xE9,na\xEFve\n";
    for (const char* name : {"latin1", "ISO-8859-1", "latin-1", "windows-1252"}) {
      const Decoded d = decode(bytes, name);
      QCOMPARE(qs(d.result.encoding), QStringLiteral("windows-1252"));
      QCOMPARE(qs(d.text), QStringLiteral("café,naïve\n"));
    }
  }

  // --- 13. Invalid UTF-8: each broken sequence (its maximal valid prefix, as Unicode recommends)
  // becomes one U+FFFD; the first one's byte offset is reported.

  void invalidUtf8IsReplaced_data() {
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<int>("replacements");
    QTest::newRow("overlong /") << QByteArray("\xC0\xAF") << 2;
    QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF") << 3;
    QTest::newRow("overlong 4-byte") << QByteArray("\xF0\x80\x80\xAF") << 4;
    QTest::newRow("overlong NUL") << QByteArray("\xC0\x80") << 2;
    QTest::newRow("surrogate high") << QByteArray("\xED\xA0\x80") << 3;
    QTest::newRow("surrogate low") << QByteArray("\xED\xBF\xBF") << 3;
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 4;
    QTest::newRow("F5 lead") << QByteArray("\xF5\x80\x80\x80") << 4;
    QTest::newRow("lone continuation") << QByteArray("\x80") << 1;
    QTest::newRow("two lone continuations") << QByteArray("\xBF\x80") << 2;
    QTest::newRow("FE and FF") << QByteArray("\xFE\xFF") << 2;
    QTest::newRow("truncated 2-byte") << QByteArray("\xC3") << 1;
    QTest::newRow("truncated 3-byte") << QByteArray("\xE4\xB8") << 1;
    QTest::newRow("truncated 4-byte") << QByteArray("\xF0\x9F\x98") << 1;
    QTest::newRow("lead then lead") << QByteArray("\xE4\xE4\xB8\xAD") << 1;
  }
  void invalidUtf8IsReplaced() {
    QFETCH(QByteArray, bad);
    QFETCH(int, replacements);
    const std::string prefix = "a,김,";
    const std::string suffix = ",z\n";
    const std::string bytes = prefix + bad.toStdString() + suffix;
    std::int64_t firstInvalid = -2;
    QVERIFY(!TextDecoder::isValidUtf8(bytes, &firstInvalid));
    QCOMPARE(firstInvalid, std::int64_t(prefix.size()));
    const Decoded d = decode(bytes, "utf-8");
    QCOMPARE(qs(d.result.encoding), QStringLiteral("utf-8"));
    QCOMPARE(d.result.replaced, std::uint64_t(replacements));
    QCOMPARE(d.result.firstReplacedAt, std::int64_t(prefix.size()));
    std::string expected = prefix;
    for (int i = 0; i < replacements; ++i) expected += kReplacement;
    if (bad == QByteArray("\xE4\xE4\xB8\xAD")) expected += "中";
    QCOMPARE(qb(d.text), qb(expected + suffix));
  }

  void validUtf8Boundaries() {
    for (const char* s : {"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF",
                          "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"}) {
      std::int64_t first = -2;
      QVERIFY2(TextDecoder::isValidUtf8(s, &first), s);
      QCOMPARE(first, std::int64_t(-1));
    }
  }

  void mostlyUtf8StaysUtf8() {
    const std::string bytes = kKorean + "broken\xC0\xAF,1\n" + kKorean;
    QCOMPARE(qs(TextDecoder::detect(bytes)), QStringLiteral("utf-8"));
    const Decoded d = decode(bytes);
    QCOMPARE(d.result.replaced, std::uint64_t(2));
    QCOMPARE(d.result.firstReplacedAt, std::int64_t(kKorean.size() + 6));
    QVERIFY(!d.viewsTheInput);
    QVERIFY(d.text.starts_with(kKorean));
  }

  void firstOffsetCountsTheBom() {
    const Decoded d = decode("\xEF\xBB\xBF" "ab\x80");
    QCOMPARE(qs(d.result.encoding), QStringLiteral("utf-8"));
    QCOMPARE(d.result.firstReplacedAt, std::int64_t(5));
    QCOMPARE(qb(d.text), qb("ab" + kReplacement));
  }

  void sequenceCutByTheDetectionSample() {
    // detect() reads the first MiB; a valid character that straddles that point is no evidence
    // against UTF-8.
    std::string bytes((1u << 20) - 1, 'a');
    bytes += "\xC3\xA9 and more text\n";
    QCOMPARE(qs(TextDecoder::detect(bytes)), QStringLiteral("utf-8"));
    std::string korean = kKorean;
    while (korean.size() < (1u << 20) - 1) korean += "x";
    korean.resize((1u << 20) - 1);
    korean += "\xEA\xB0\x80\n";  // 가 straddles it too
    QCOMPARE(qs(TextDecoder::detect(korean)), QStringLiteral("utf-8"));
    const Decoded d = decode(bytes);
    QCOMPARE(d.result.replaced, std::uint64_t(0));
    QVERIFY(d.text.ends_with("aé and more text\n"));
  }

  // --- Errors.

  void unknownEncodingIsAnError() {
    for (const char* name : {"klingon-8", "utf-9", "cp99999"}) {
      const auto error = decodeError("a,b\n", name);
      QVERIFY2(error, name);
      QCOMPARE(error->code(), ErrorCode::InvalidArgument);
      QVERIFY(qs(error->message()).contains(name));
    }
  }

  void explicitEncodingThatCannotDecodeNamesTheByte_data() {
    QTest::addColumn<int>("cut");  // how many characters of good text come before the bad byte
    for (int cut : {0, 1, 2, 3, 5, 7}) QTest::newRow(qPrintable(QString::number(cut))) << cut;
  }
  void explicitEncodingThatCannotDecodeNamesTheByte() {
    QFETCH(int, cut);
    const char* syllables[] = {"가", "나", "다", "라", "마", "바", "사"};
    std::string before;
    for (int i = 0; i < cut; ++i) before += syllables[i];
    const auto good = encodeAs(before, "CP949");
    const auto after = encodeAs("아자차카타파하", "CP949");
    QVERIFY(good && after);
    const std::string bytes = *good + "\xFF" + *after;
    const auto error = decodeError(bytes, "cp949");
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Parse);
    QCOMPARE(error->where().byteOffset, std::int64_t(good->size()));
  }
};

QTEST_APPLESS_MAIN(tst_TextDecoder)
#include "tst_TextDecoder.moc"
