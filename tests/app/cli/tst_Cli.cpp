// The lathe binary as scripts see it: exit codes, stdout and stderr.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include "TestPaths.h"

class tst_Cli : public QObject {
  Q_OBJECT

  struct Result {
    int code;
    QString out, err;
  };
  static Result run(const QStringList& args) {
    QProcess process;
    process.start(QString::fromUtf8(LATHE_CLI), args);
    if (!process.waitForFinished(30000)) qFatal("lathe did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
  }

  static QJsonObject json(const Result& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }
  static QString str(const char* text) { return QString::fromUtf8(text); }

  // Holds an exclusive flock() on `path` the way ProjectLock does (so the project looks open in
  // the studio) until the returned process's stdin is closed: `cat` then ends, and flock with it
  // (-o keeps the lock out of cat, so nothing outlives the holder).
  static std::unique_ptr<QProcess> holdLock(const QString& path) {
    auto holder = std::make_unique<QProcess>();
    holder->start(QStringLiteral("flock"), {QStringLiteral("-o"), path, QStringLiteral("cat")});
    if (!holder->waitForStarted(5000)) qFatal("cannot run flock");
    for (int i = 0; i < 500; ++i) {  // until the lock is really taken
      if (QProcess::execute(QStringLiteral("flock"), {QStringLiteral("-n"), path, QStringLiteral("true")}) == 1) return holder;
      QThread::msleep(10);
    }
    qFatal("flock did not take the lock");
  }

  // Writes into a project with the sqlite3 shell: tst_Cli links Qt Core only, and no lathe
  // command adds runs yet.
  static bool sqlite(const QString& path, const QString& sql) {
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), {path, sql});
    return shell.waitForFinished(10000) && shell.exitStatus() == QProcess::NormalExit && shell.exitCode() == 0;
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
    const Result r = run({QStringLiteral("import"), QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/penguins.csv"), QStringLiteral("--json")});
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
    const Result r = run({QStringLiteral("import"), QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/") + file, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("rows")).toInt(), rows);
    QCOMPARE(doc.value(QStringLiteral("columns")).toArray().size(), columns);
  }

  void importHumanOutputProfilesColumns() {
    const Result r = run({QStringLiteral("import"), QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/seattle-weather.csv")});
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
  void projectNewInfoAddDataAndRuns() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("churn.lathe"));
    const Result made = run({str("project"), str("new"), project, str("--name"), str("Churn"), str("--goal"),
                             str("Keep customers"), str("--kpi"), str("rmse"), str("--target"), str("0.25")});
    QCOMPARE(made.code, 0);
    QVERIFY2(made.out.contains(project), qPrintable(made.out));

    const QJsonObject empty = json(run({str("project"), str("info"), project, str("--json")}));
    for (const char* key : {"name", "description", "goal", "kpi", "costs", "format", "read_only", "datasets", "runs", "models"})
      QVERIFY2(empty.contains(QLatin1String(key)), key);
    QCOMPARE(empty.value(str("name")).toString(), str("Churn"));
    QCOMPARE(empty.value(str("goal")).toString(), str("Keep customers"));
    const QJsonObject kpi = empty.value(str("kpi")).toObject();
    QCOMPARE(kpi.value(str("metric")).toString(), str("rmse"));
    QCOMPARE(kpi.value(str("direction")).toString(), str("minimize"));  // lower rmse is better
    QCOMPARE(kpi.value(str("target")).toDouble(), 0.25);
    const QJsonObject costs = empty.value(str("costs")).toObject();
    for (const char* key : {"tp", "fp", "fn", "tn"}) QVERIFY2(costs.value(QLatin1String(key)).isNull(), key);
    QCOMPARE(empty.value(str("format")).toInt(), 5);  // format 5: the request journal's counts (after 4: monitoring)
    QCOMPARE(empty.value(str("read_only")).toBool(), false);
    QCOMPARE(empty.value(str("datasets")).toArray().size(), 0);
    QCOMPARE(empty.value(str("runs")).toInt(), 0);
    QCOMPARE(empty.value(str("models")).toInt(), 0);

    const QString penguins = QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/penguins.csv");
    const Result added = run({str("project"), str("add-data"), project, penguins, str("--json")});
    QCOMPARE(added.code, 0);
    const QJsonObject stored = json(added);
    QCOMPARE(stored.value(str("dataset")).toString(), str("penguins"));  // the file's base name
    QCOMPARE(stored.value(str("rows")).toInt(), 344);
    QCOMPARE(stored.value(str("columns")).toInt(), 7);
    QCOMPARE(stored.value(str("version")).toInt(), 1);
    const int versionId = stored.value(str("version_id")).toInt();
    QVERIFY(versionId > 0);

    // A second import, with import options and a name of its own.
    const QString numbers = dir.filePath(QStringLiteral("numbers.txt"));
    QFile file(numbers);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("1;2.5\n3;4.5\n5;6.5\n");
    file.close();
    const Result human = run({str("project"), str("add-data"), project, numbers, str("--name"), str("Numbers"),
                              str("--delimiter"), str(";"), str("--no-header"), str("--format"), str("csv")});
    QCOMPARE(human.code, 0);
    QVERIFY2(human.out.contains(str("version id ")), qPrintable(human.out));

    const QJsonObject info = json(run({str("project"), str("info"), project, str("--json")}));
    const QJsonArray datasets = info.value(str("datasets")).toArray();
    QCOMPARE(datasets.size(), 2);
    QJsonObject penguinSet, numberSet;
    for (const auto& d : datasets)
      (d.toObject().value(str("name")).toString() == str("penguins") ? penguinSet : numberSet) = d.toObject();
    QCOMPARE(numberSet.value(str("name")).toString(), str("Numbers"));
    const QJsonObject version = penguinSet.value(str("versions")).toArray().at(0).toObject();
    for (const char* key : {"id", "version", "rows", "columns", "source", "parent", "recipe_hash", "content_hash", "stored_bytes"})
      QVERIFY2(version.contains(QLatin1String(key)), key);
    QCOMPARE(version.value(str("id")).toInt(), versionId);
    QCOMPARE(version.value(str("version")).toInt(), 1);
    QCOMPARE(version.value(str("rows")).toInt(), 344);
    QCOMPARE(version.value(str("columns")).toInt(), 7);
    QVERIFY(version.value(str("source")).toString().endsWith(str("/penguins.csv")));
    QVERIFY(version.value(str("parent")).isNull());
    QVERIFY(QRegularExpression(str("^[0-9a-f]{64}$")).match(version.value(str("content_hash")).toString()).hasMatch());
    QVERIFY(version.value(str("stored_bytes")).toInt() > 0);
    const QJsonObject numberVersion = numberSet.value(str("versions")).toArray().at(0).toObject();
    QCOMPARE(numberVersion.value(str("rows")).toInt(), 3);  // --no-header: the first line is data
    QCOMPARE(numberVersion.value(str("columns")).toInt(), 2);

    const Result text = run({str("project"), str("info"), project});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains(str("rmse <= 0.25")), qPrintable(text.out));
    QVERIFY(text.out.contains(str("344 rows x 7 columns")));

    const Result runs = run({str("runs"), project, str("--json")});
    QCOMPARE(runs.code, 0);
    QCOMPARE(json(runs).value(str("runs")).toArray().size(), 0);
    QVERIFY(run({str("runs"), project}).out.contains(str("no runs yet")));
  }

  void theDemoProjectHasAGoalAKpiAndData() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("demo.lathe"));
    QCOMPARE(run({str("project"), str("new"), project, str("--demo")}).code, 0);
    const QJsonObject info = json(run({str("project"), str("info"), project, str("--json")}));
    QCOMPARE(info.value(str("name")).toString(), str("German credit"));
    QVERIFY(!info.value(str("goal")).toString().isEmpty());
    const QJsonObject kpi = info.value(str("kpi")).toObject();
    QCOMPARE(kpi.value(str("metric")).toString(), str("roc_auc"));
    QCOMPARE(kpi.value(str("direction")).toString(), str("maximize"));
    QCOMPARE(kpi.value(str("target")).toDouble(), 0.75);
    // Calling a bad credit (class 0) good costs 5, the reverse 1: tst_DemoProject explains.
    QCOMPARE(info.value(str("costs")).toObject().value(str("fp")).toDouble(), -5.0);
    QCOMPARE(info.value(str("costs")).toObject().value(str("fn")).toDouble(), -1.0);
    const QJsonArray datasets = info.value(str("datasets")).toArray();
    QCOMPARE(datasets.size(), 1);
    const QJsonObject version = datasets[0].toObject().value(str("versions")).toArray().at(0).toObject();
    QCOMPARE(version.value(str("rows")).toInt(), 1000);  // credit-g.arff
    QCOMPARE(version.value(str("columns")).toInt(), 21);
    // The same file makes the same data: a second demo stores identical content.
    const QString again = dir.filePath(QStringLiteral("again.lathe"));
    QCOMPARE(run({str("project"), str("new"), again, str("--demo"), str("--name"), str("Again")}).code, 0);
    const QJsonObject second = json(run({str("project"), str("info"), again, str("--json")}));
    QCOMPARE(second.value(str("name")).toString(), str("Again"));
    QCOMPARE(second.value(str("datasets")).toArray()[0].toObject().value(str("versions")).toArray()[0].toObject()
                 .value(str("content_hash")), version.value(str("content_hash")));
  }

  void runsListsTheExperimentsOfAProject() {
    if (QStandardPaths::findExecutable(str("sqlite3")).isEmpty())
      QFAIL("needs the sqlite3 shell (installer/debian-packages.txt installs it) to write runs");
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("runs.lathe"));
    QCOMPARE(run({str("project"), str("new"), project, str("--name"), str("Runs"), str("--kpi"), str("roc_auc")}).code, 0);
    QVERIFY(sqlite(project, str(
        "INSERT INTO run (id, name, algorithm, task, status, started_at, duration_seconds, candidate) VALUES "
        "(1, 'forest 200', 'forest', 'binary', 'finished', '2026-01-01T10:00:00.000Z', 2.5, 1), "
        "(2, 'gone', 'knn', 'binary', 'failed', '2026-01-01T11:00:00.000Z', 0, 0);"
        "UPDATE run SET deleted = 1 WHERE id = 2;"
        "INSERT INTO run_metric (run_id, split, name, value) VALUES "
        "(1, 'test', 'roc_auc', 0.91), (1, 'validation', 'roc_auc', 0.93), (1, 'cv', 'roc_auc', 0.95), "
        "(1, 'validation', 'f1', 0.8), (1, 'cv', 'f1', 0.7), (1, 'cv', 'log_loss', 0.3), "
        "(1, 'train', 'accuracy', 1.0), (1, 'test', 'pr_auc', NULL), (2, 'test', 'roc_auc', 0.5);"
        "INSERT INTO run_tag (run_id, tag) VALUES (1, 'baseline'), (1, 'fast');"
        "INSERT INTO model_artifact (run_id, format, raw_bytes, sha256, data) VALUES (1, 'lathe-json', 1, '', x'00');")));

    const Result r = run({str("runs"), project, str("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray runs = json(r).value(str("runs")).toArray();
    QCOMPARE(runs.size(), 1);  // the deleted run is hidden
    const QJsonObject forest = runs[0].toObject();
    for (const char* key : {"id", "name", "algorithm", "task", "status", "dataset_version", "started_at", "seconds",
                            "candidate", "tags", "metrics", "metrics_by_split"})
      QVERIFY2(forest.contains(QLatin1String(key)), key);
    QCOMPARE(forest.value(str("id")).toInt(), 1);
    QCOMPARE(forest.value(str("name")).toString(), str("forest 200"));
    QCOMPARE(forest.value(str("algorithm")).toString(), str("forest"));
    QCOMPARE(forest.value(str("task")).toString(), str("binary"));
    QCOMPARE(forest.value(str("status")).toString(), str("finished"));
    QVERIFY(forest.value(str("dataset_version")).isNull());
    QCOMPARE(forest.value(str("started_at")).toString(), str("2026-01-01T10:00:00.000Z"));
    QCOMPARE(forest.value(str("seconds")).toDouble(), 2.5);
    QCOMPARE(forest.value(str("candidate")).toBool(), true);
    QCOMPARE(forest.value(str("tags")).toArray(), (QJsonArray{str("baseline"), str("fast")}));
    // Test beats validation beats cv; train never headlines; a missing score is null.
    const QJsonObject metrics = forest.value(str("metrics")).toObject();
    QCOMPARE(metrics.value(str("roc_auc")).toDouble(), 0.91);
    QCOMPARE(metrics.value(str("f1")).toDouble(), 0.8);
    QCOMPARE(metrics.value(str("log_loss")).toDouble(), 0.3);
    QVERIFY(!metrics.contains(str("accuracy")));
    QVERIFY(metrics.contains(str("pr_auc")) && metrics.value(str("pr_auc")).isNull());
    const QJsonObject bySplit = forest.value(str("metrics_by_split")).toObject();
    QCOMPARE(bySplit.keys(), (QStringList{str("cv"), str("test"), str("train"), str("validation")}));
    QCOMPARE(bySplit.value(str("cv")).toObject().value(str("roc_auc")).toDouble(), 0.95);
    QCOMPARE(bySplit.value(str("train")).toObject().value(str("accuracy")).toDouble(), 1.0);

    const Result table = run({str("runs"), project});
    QCOMPARE(table.code, 0);
    QVERIFY2(table.out.contains(str("forest 200")) && table.out.contains(str("1*")) && table.out.contains(str("0.91")),
             qPrintable(table.out));
    QVERIFY(!table.out.contains(str("gone")));
    QVERIFY(table.out.startsWith(str("id")) && table.out.section(QLatin1Char('\n'), 0, 0).contains(str("roc_auc")));

    const QJsonObject info = json(run({str("project"), str("info"), project, str("--json")}));
    QCOMPARE(info.value(str("runs")).toInt(), 1);
    QCOMPARE(info.value(str("models")).toInt(), 1);
  }

  void projectErrorsAreOneLineAndExitTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("info: missing file") << QStringList{"project", "info", "@/nope.lathe"} << QStringLiteral("nope.lathe: no such");
    QTest::newRow("runs: missing file") << QStringList{"runs", "@/nope.lathe"} << QStringLiteral("nope.lathe: no such");
    QTest::newRow("info: not a project") << QStringList{"project", "info", "@/text.lathe"} << QStringLiteral("text.lathe: is not a Lathe project");
    QTest::newRow("runs: empty file") << QStringList{"runs", "@/empty.lathe"} << QStringLiteral("empty.lathe: is empty");
    QTest::newRow("runs: a folder") << QStringList{"runs", "@"} << QStringLiteral("not a regular file");
    QTest::newRow("add-data: not a project") << QStringList{"project", "add-data", "@/text.lathe", QString::fromUtf8(LATHE_DATASETS_DIR) + "/iris.arff"} << QStringLiteral("text.lathe");
    QTest::newRow("new: exists") << QStringList{"project", "new", "@/text.lathe", "--name", "X"} << QStringLiteral("text.lathe: already exists");
    QTest::newRow("new: no name") << QStringList{"project", "new", "@/new.lathe"} << QStringLiteral("--name");
    QTest::newRow("new: unknown metric") << QStringList{"project", "new", "@/new.lathe", "--name", "X", "--kpi", "auc"} << QStringLiteral("'auc'");
    QTest::newRow("new: bad target") << QStringList{"project", "new", "@/new.lathe", "--name", "X", "--kpi", "f1", "--target", "nan"} << QStringLiteral("'nan'");
    QTest::newRow("new: target without kpi") << QStringList{"project", "new", "@/new.lathe", "--name", "X", "--target", "1"} << QStringLiteral("--kpi");
    QTest::newRow("no subcommand") << QStringList{"project"} << QStringLiteral("subcommand");
    QTest::newRow("unknown subcommand") << QStringList{"project", "frob"} << QStringLiteral("'frob'");
    QTest::newRow("runs: no path") << QStringList{"runs"} << QStringLiteral("PATH");
    QTest::newRow("info: unknown option") << QStringList{"project", "info", "@/text.lathe", "--frob"} << QStringLiteral("'--frob'");
  }
  void projectErrorsAreOneLineAndExitTwo() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    QFile text(dir.filePath(QStringLiteral("text.lathe")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("name,value\nnot,a project\n");
    text.close();
    QFile empty(dir.filePath(QStringLiteral("empty.lathe")));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    for (QString& arg : args) arg.replace(QLatin1Char('@'), dir.path());
    const Result r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("new.lathe"))));  // a refused new leaves nothing
  }

  void addDataFailuresLeaveTheProjectAsItWas() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.lathe"));
    QCOMPARE(run({str("project"), str("new"), project, str("--name"), str("P")}).code, 0);
    const Result missing = run({str("project"), str("add-data"), project, dir.filePath(str("nope.csv"))});
    QCOMPARE(missing.code, 2);
    QVERIFY2(missing.err.contains(str("nope.csv")), qPrintable(missing.err));
    QFile bad(dir.filePath(QStringLiteral("bad.csv")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("a,b\n1,2\n3,\"open\n4,5\n");  // an unterminated quote
    bad.close();
    const Result broken = run({str("project"), str("add-data"), project, bad.fileName()});
    QCOMPARE(broken.code, 2);
    QVERIFY2(broken.err.contains(str("bad.csv:3")), qPrintable(broken.err));
    QCOMPARE(json(run({str("project"), str("info"), project, str("--json")})).value(str("datasets")).toArray().size(), 0);
  }

  void aProjectOpenElsewhereIsReadableButNotWritable() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("busy.lathe"));
    QCOMPARE(run({str("project"), str("new"), project, str("--demo")}).code, 0);
    const auto holder = holdLock(project);

    const Result add = run({str("project"), str("add-data"), project, QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/iris.arff")});
    QCOMPARE(add.code, 2);
    QVERIFY2(add.err.contains(project) && add.err.contains(str("open in another Lathe")), qPrintable(add.err));
    QCOMPARE(add.err.count(QLatin1Char('\n')), 1);

    // Reading is fine meanwhile, and says why the project cannot be written now.
    const Result info = run({str("project"), str("info"), project, str("--json")});
    QCOMPARE(info.code, 0);
    QCOMPARE(json(info).value(str("read_only")).toBool(), true);
    QCOMPARE(json(info).value(str("datasets")).toArray().size(), 1);
    QCOMPARE(run({str("runs"), project, str("--json")}).code, 0);
    holder->closeWriteChannel();
    QVERIFY(holder->waitForFinished(5000));

    QCOMPARE(run({str("project"), str("add-data"), project, QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/iris.arff")}).code, 0);
    const QJsonObject after = json(run({str("project"), str("info"), project, str("--json")}));
    QCOMPARE(after.value(str("read_only")).toBool(), false);
    QCOMPARE(after.value(str("datasets")).toArray().size(), 2);
  }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_Cli.moc"
