// The lathe binary as scripts see it: exit codes, stdout and stderr.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
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

  void importPrintsTheSchemaAsJson() {
    const Result r = run({QStringLiteral("import"), QStringLiteral(LATHE_DATASETS_DIR "/penguins.csv"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("rows")).toInt(), 344);
    const QJsonArray columns = doc.value(QStringLiteral("columns")).toArray();
    QCOMPARE(columns.size(), 7);
    QCOMPARE(columns[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Species"));
    QCOMPARE(columns[0].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("categorical"));
    QCOMPARE(columns[2].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("float64"));
    QCOMPARE(columns[2].toObject().value(QStringLiteral("missing")).toInt(), 2);
    QVERIFY(doc.value(QStringLiteral("warnings")).isArray());
    QVERIFY(doc.value(QStringLiteral("seconds")).toDouble() >= 0.0);
  }

  void importReadsEveryFormat_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::newRow("arff") << "iris.arff" << 150 << 5;
    QTest::newRow("csv with dates") << "seattle-weather.csv" << 1461 << 6;
    QTest::newRow("arff with text") << "ReutersCorn-test.arff" << 604 << 2;
  }
  void importReadsEveryFormat() {
    QFETCH(QString, file);
    QFETCH(int, rows);
    QFETCH(int, columns);
    const Result r = run({QStringLiteral("import"), QStringLiteral(LATHE_DATASETS_DIR "/") + file, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("rows")).toInt(), rows);
    QCOMPARE(doc.value(QStringLiteral("columns")).toArray().size(), columns);
  }

  void importHumanOutputProfilesColumns() {
    const Result r = run({QStringLiteral("import"), QStringLiteral(LATHE_DATASETS_DIR "/seattle-weather.csv")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("1461 rows, 6 columns")));
    QVERIFY2(r.out.contains(QStringLiteral("2012-01-01 .. 2015-12-31")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("categorical")));
  }

  void badInputIsExitTwoNamingFileAndLine() {
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("bad.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a,b\n1,2\n3,\"open\n4,5\n");
    file.close();
    const Result r = run({QStringLiteral("import"), file.fileName()});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QStringLiteral("bad.csv:3")), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);

    const Result missing = run({QStringLiteral("import"), dir.filePath(QStringLiteral("nope.csv"))});
    QCOMPARE(missing.code, 2);
    QVERIFY(missing.err.contains(QStringLiteral("nope.csv")));

    const Result usage = run({QStringLiteral("import")});
    QCOMPARE(usage.code, 2);
    const Result option = run({QStringLiteral("import"), file.fileName(), QStringLiteral("--delimiter")});
    QCOMPARE(option.code, 2);
    QVERIFY(option.err.contains(QStringLiteral("--delimiter")));
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
