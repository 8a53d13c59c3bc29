// The one dependency rule of ../shared/DESIGN.md: engine/ includes no Qt header, and neither
// engine/ nor widgets/ includes anything from app/.
#include <QDirIterator>
#include <QRegularExpression>
#include <QtTest>
#include "TestPaths.h"

// Plain string literals: moc cannot parse raw strings that hold quotes.
static const char* const kQtInclude = "^\\s*#\\s*include\\s*[<\"](Q[A-Za-z]|qt|qcustomplot)";
static const char* const kAppInclude = "^\\s*#\\s*include\\s*[<\"](\\.\\./)*app/";

class tst_EngineLayering : public QObject {
  Q_OBJECT

  static QStringList offendingFiles(const QString& folder, const QRegularExpression& include) {
    QStringList offenders;
    QDirIterator it(QString::fromUtf8(LATHE_SOURCE_DIR) + QStringLiteral("/") + folder, {"*.h", "*.hpp", "*.cpp", "*.in"},
                    QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
      QFile file(it.next());
      if (!file.open(QIODevice::ReadOnly)) continue;
      ++files;
      const QString text = QString::fromUtf8(file.readAll());
      if (include.match(text).hasMatch()) offenders << it.filePath();
    }
    if (files == 0) offenders << QStringLiteral("(no sources found under %1)").arg(folder);
    return offenders;
  }

 private slots:
  void engineHasNoQt() {
    const QRegularExpression qt(QString::fromLatin1(kQtInclude),
                                QRegularExpression::MultilineOption);
    const QStringList offenders = offendingFiles(QStringLiteral("engine"), qt);
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
  }

  void lowerLayersDoNotReachIntoApp() {
    const QRegularExpression app(QString::fromLatin1(kAppInclude),
                                 QRegularExpression::MultilineOption);
    QStringList offenders = offendingFiles(QStringLiteral("engine"), app);
    offenders += offendingFiles(QStringLiteral("widgets"), app);
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
  }

  void theRuleCatchesAViolation() {
    // The patterns above must match what they are meant to catch.
    const QRegularExpression qt(QString::fromLatin1(kQtInclude),
                                QRegularExpression::MultilineOption);
    QVERIFY(qt.match(QStringLiteral("int x;\n  #include <QString>\n")).hasMatch());
    QVERIFY(qt.match(QStringLiteral("#include \"qcustomplot.h\"")).hasMatch());
    QVERIFY(!qt.match(QStringLiteral("#include <queue>")).hasMatch());
  }
};

QTEST_APPLESS_MAIN(tst_EngineLayering)
#include "tst_EngineLayering.moc"
