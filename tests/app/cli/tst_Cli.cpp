// The lathe binary as scripts see it: exit codes, stdout and stderr.
#include <QProcess>
#include <QtTest>

class tst_Cli : public QObject {
  Q_OBJECT

  struct Result {
    int code;
    QString out, err;
  };
  static Result run(const QStringList& args) {
    QProcess process;
    process.start(QStringLiteral(LATHE_CLI), args);
    if (!process.waitForFinished(30000)) qFatal("lathe did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
  }

 private slots:
  void helpIsUsageOnStdout() {
    for (const char* flag : {"--help", "-h", "help"}) {
      const Result r = run({QLatin1String(flag)});
      QCOMPARE(r.code, 0);
      QVERIFY(r.out.startsWith(QStringLiteral("Usage: lathe")));
      QVERIFY(r.err.isEmpty());
    }
  }

  void versionNamesLatheAndItsLibraries() {
    const Result r = run({QStringLiteral("--version")});
    QCOMPARE(r.code, 0);
    QVERIFY(QRegularExpression(QStringLiteral(R"(^lathe \d+\.\d+\.\d+\n)")).match(r.out).hasMatch());
    for (const char* lib : {"Eigen 3.", "SQLite 3.", "XGBoost 1."}) QVERIFY2(r.out.contains(QLatin1String(lib)), lib);
  }

  void badUsageIsExitTwoWithOneLine_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no command") << QStringList{} << QStringLiteral("Usage");
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << QStringLiteral("'frobnicate'");
    QTest::newRow("unknown option") << QStringList{"--frob"} << QStringLiteral("'--frob'");
    QTest::newRow("empty argument") << QStringList{""} << QStringLiteral("''");
  }
  void badUsageIsExitTwoWithOneLine() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Result r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    if (!args.isEmpty()) QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
  }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_Cli.moc"
