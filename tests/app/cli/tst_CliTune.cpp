// lathe tune as scripts see it (issue 9, item 4): the JSON, the trials recorded in a project
// and resumed there, and one clear line with exit 2 for bad input.
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "CliProcess.h"

namespace {

using Result = CliResult;
Result run(const QStringList& args) { return runCli(args, 300000); }
QString dataset(const char* name) { return datasetPath(name); }

}  // namespace

class tst_CliTune : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void printsEveryTrialAndTheBestAsJson() {
    const Result r = run({"tune", dataset("credit-g.arff"), "--target", "class", "--algo", "logistic", "--trials", "6",
                          "--strategy", "bayes", "--seed", "1", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject json = r.json();
    QCOMPARE(json.value("task").toString(), QStringLiteral("binary"));
    QCOMPARE(json.value("objective").toString(), QStringLiteral("roc_auc"));
    QCOMPARE(json.value("direction").toString(), QStringLiteral("maximize"));
    QCOMPARE(json.value("strategy").toString(), QStringLiteral("bayes"));
    const QJsonArray trials = json.value("trials").toArray();
    QCOMPARE(trials.size(), 6);
    double best = 0.0;
    for (const auto& t : trials) {
      const QJsonObject trial = t.toObject();
      QVERIFY(trial.value("parameters").toObject().contains("C"));
      if (trial.value("state").toString() == QLatin1String("complete")) best = std::max(best, trial.value("score").toDouble());
    }
    QCOMPARE(json.value("best").toObject().value("score").toDouble(), best);
    QVERIFY(best > 0.74);
  }

  void recordsTrialsInAProjectAndResumes() {
    const QString project = dir_.filePath(QStringLiteral("tune.lathe"));
    QCOMPARE(run({"project", "new", project, "--name", "Tuning"}).code, 0);
    const Result r = run({"tune", dataset("penguins.csv"), "--target", "Species", "--algo", "tree", "--trials", "4",
                          "--project", project, "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject json = r.json();
    QCOMPARE(json.value("objective").toString(), QStringLiteral("accuracy"));  // multiclass
    const int tuning = json.value("tuning").toInt();
    QVERIFY(tuning > 0);
    const Result runs = run({"runs", project, "--json"});
    QCOMPARE(runs.code, 0);
    QCOMPARE(runs.out.count(QStringLiteral("tuning:%1").arg(tuning)), 4);
    // A finished tuning resumed with a bigger budget is not possible from the CLI; resuming it
    // as it is adds nothing and reports the same best.
    const Result again = run({"tune", dataset("penguins.csv"), "--project", project, "--resume", QString::number(tuning), "--json"});
    QVERIFY2(again.code == 0, qPrintable(again.err));
    QCOMPARE(again.json().value("trials").toArray().size(), 4);
    QCOMPARE(again.json().value("best").toObject().value("score").toDouble(),
             json.value("best").toObject().value("score").toDouble());
  }

  void badInputIsOneLineAndExitTwo() {
    const QList<QStringList> cases = {
        {"tune", dataset("credit-g.arff"), "--algo", "logistic"},                                   // no target
        {"tune", dataset("credit-g.arff"), "--target", "nope", "--algo", "logistic"},               // no column
        {"tune", dataset("credit-g.arff"), "--target", "class", "--algo", "logistic", "--strategy", "magic"},
        {"tune", dataset("credit-g.arff"), "--target", "class", "--algo", "logistic", "--trials", "many"},
        {"tune", dataset("credit-g.arff"), "--target", "class", "--algo", "kmeans"},                // no space
        {"tune", dataset("credit-g.arff"), "--target", "class", "--algo", "logistic", "--space", "{\"C\": 5}"},
        {"tune", dataset("credit-g.arff"), "--resume", "3"},                                        // no project
    };
    for (const auto& args : cases) {
      const Result r = run(args);
      QVERIFY2(r.code == 2, qPrintable(args.join(' ') + QStringLiteral(" -> ") + QString::number(r.code) + r.err));
      QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
      QVERIFY(!r.err.trimmed().isEmpty());
    }
  }
};

QTEST_MAIN(tst_CliTune)
#include "tst_CliTune.moc"
