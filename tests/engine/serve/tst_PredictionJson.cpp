// Answers and request-log rows as JSON. Strings are quoted by a fast path for plain ASCII and by
// nlohmann otherwise; both must give exactly what nlohmann gives (escapes, U+FFFD for bad UTF-8).
#include <QtTest>

#include <string>

#include <nlohmann/json.hpp>

#include "engine/serve/PredictionJson.h"

using lathe::serve::PredictionJson;

class tst_PredictionJson : public QObject {
  Q_OBJECT
 private slots:
  void stringsAreQuotedAsNlohmannQuotesThem_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("plain") << QByteArray("'no checking' Dream 0<=X<200 ~!@#$%^&*()_+{}|:<>?`-=[];,./");
    QTest::newRow("quote") << QByteArray("say \"hi\"");
    QTest::newRow("backslash") << QByteArray("C:\\data");
    QTest::newRow("tab and newline") << QByteArray("a\tb\nc\r");
    QTest::newRow("control") << QByteArray("\x01\x1f", 2);
    QTest::newRow("nul") << QByteArray("a\0b", 3);
    QTest::newRow("delete") << QByteArray("\x7f");
    QTest::newRow("latin") << QByteArray("caf\xc3\xa9");
    QTest::newRow("korean") << QByteArray("\xea\xb9\x80\xeb\x98\xa0");
    QTest::newRow("bad utf-8") << QByteArray("ok\xff\xfe end");
  }
  void stringsAreQuotedAsNlohmannQuotesThem() {
    QFETCH(QByteArray, text);
    const std::string value = text.toStdString();
    std::string out = "[";
    PredictionJson::appendString(out, value);
    const std::string expected = "[" + nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    QCOMPARE(out, expected);
    // And it reads back as the text itself (bad UTF-8 aside).
    if (!text.contains('\xff')) QCOMPARE(nlohmann::json::parse(out.substr(1)).get<std::string>(), value);
  }
};

QTEST_APPLESS_MAIN(tst_PredictionJson)
#include "tst_PredictionJson.moc"
