#include <QtTest>

#include "engine/core/Error.h"

class tst_Error : public QObject {
  Q_OBJECT
 private slots:
  void messageNamesWhereTheProblemIs() {
    const lathe::Error e(lathe::ErrorCode::Parse, "unterminated quote", {"data.csv", 12, 7, -1}, "\"abc");
    QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("data.csv:12:7: unterminated quote"));
    QCOMPARE(e.code(), lathe::ErrorCode::Parse);
    QCOMPARE(QString::fromStdString(e.value()), QStringLiteral("\"abc"));
    QCOMPARE(e.where().line, 12);
  }

  void partsThatAreUnknownAreLeftOut() {
    QCOMPARE(QString::fromStdString(lathe::formatError("bad", {})), QStringLiteral("bad"));
    QCOMPARE(QString::fromStdString(lathe::formatError("bad", {"f.arff", 3, -1, -1})),
             QStringLiteral("f.arff:3: bad"));
    QCOMPARE(QString::fromStdString(lathe::formatError("bad", {"f.bin", -1, -1, 4096})),
             QStringLiteral("f.bin: byte 4096: bad"));
  }

  void everyCodeHasAName() {
    for (auto code : {lathe::ErrorCode::InvalidArgument, lathe::ErrorCode::Io, lathe::ErrorCode::Parse,
                      lathe::ErrorCode::Unsupported, lathe::ErrorCode::Corrupt, lathe::ErrorCode::Internal})
      QVERIFY(std::strlen(lathe::errorCodeName(code)) > 0);
    QCOMPARE(QString::fromLatin1(lathe::errorCodeName(lathe::ErrorCode::Io)), QStringLiteral("io"));
  }
};

QTEST_APPLESS_MAIN(tst_Error)
#include "tst_Error.moc"
