// lathe automl as scripts see it (issue 9, item 4): the leaderboard as JSON, with the ensemble
// of the best trials as a row of its own unless --no-ensemble, and exit 2 with one line for bad
// input.
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

#include "CliProcess.h"

namespace {

using Result = CliResult;
Result run(const QStringList& args) { return runCli(args, 600000); }
QString dataset(const char* name) { return datasetPath(name); }

}  // namespace

class tst_CliAutoMl : public QObject {
  Q_OBJECT
 private slots:
  void printsTheLeaderboard() {
    const Result r = run({"automl", dataset("breast_cancer.csv"), "--target", "diagnosis", "--budget", "8", "--algos",
                          "logistic,tree,naive_bayes", "--no-ensemble", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject json = r.json();
    QCOMPARE(json.value("objective").toString(), QStringLiteral("roc_auc"));
    QCOMPARE(json.value("budget").toDouble(), 8.0);
    const QJsonArray board = json.value("leaderboard").toArray();
    QCOMPARE(board.size(), 3);
    for (const auto& row : board) QVERIFY(row.toObject().value("algorithm").toString() != QStringLiteral("ensemble"));
    for (int i = 1; i < board.size(); ++i)
      QVERIFY(board[i - 1].toObject().value("score").toDouble() >= board[i].toObject().value("score").toDouble());
    QCOMPARE(json.value("best").toObject(), board[0].toObject());
    // Breast cancer is easy: logistic regression reaches 0.99 ROC AUC.
    QVERIFY(json.value("best").toObject().value("score").toDouble() > 0.97);
    QVERIFY(json.value("trials").toInt() >= 3);
  }

  void theEnsembleIsARowWithItsMembers() {
    const Result r = run({"automl", dataset("credit-g.arff"), "--target", "class", "--budget", "12", "--algos",
                          "logistic,naive_bayes,forest,xgboost", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject json = r.json();
    const QJsonArray board = json.value("leaderboard").toArray();
    QCOMPARE(board.size(), 5);
    QJsonObject ensemble;
    for (const auto& row : board)
      if (row.toObject().value("algorithm").toString() == QStringLiteral("ensemble")) ensemble = row.toObject();
    QVERIFY2(!ensemble.isEmpty(), qPrintable(r.out));
    QCOMPARE(ensemble.value("trials").toInt(), 1);
    QVERIFY(ensemble.value("score").toDouble() > 0.7);
    const QJsonArray members = ensemble.value("members").toArray();
    QVERIFY(members.size() >= 2);
    QCOMPARE(ensemble.value("parameters").toObject().value("members").toArray(), members);
    for (const auto& m : members) {
      const QJsonObject member = m.toObject();
      QVERIFY(QStringList({"logistic", "naive_bayes", "forest", "xgboost"}).contains(member.value("algorithm").toString()));
      QVERIFY(member.value("weight").toInt() >= 1);
      QVERIFY(member.value("parameters").isObject());
    }
    // Its score against the best single model's decides the winner.
    const double single = board[0].toObject().value("algorithm").toString() == QStringLiteral("ensemble")
                              ? board[1].toObject().value("score").toDouble()
                              : board[0].toObject().value("score").toDouble();
    QCOMPARE(json.value("best").toObject().value("algorithm").toString() == QStringLiteral("ensemble"),
             ensemble.value("score").toDouble() > single);
  }

  void theTextLeaderboardShowsTheEnsemble() {
    const Result r = run({"automl", dataset("credit-g.arff"), "--target", "class", "--budget", "8", "--algos",
                          "logistic,naive_bayes,forest"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n  [1-4] +ensemble +0\\.[0-9]{4} +1 "))), qPrintable(r.out));
    const Result off = run({"automl", dataset("credit-g.arff"), "--target", "class", "--budget", "4", "--algos",
                            "logistic,naive_bayes", "--no-ensemble"});
    QVERIFY2(off.code == 0, qPrintable(off.err));
    QVERIFY2(!off.out.contains(QStringLiteral("ensemble")), qPrintable(off.out));
  }

  void badInputIsOneLineAndExitTwo() {
    const QList<QStringList> cases = {
        {"automl", dataset("credit-g.arff"), "--target", "class"},                                  // no budget
        {"automl", dataset("credit-g.arff"), "--budget", "5"},                                      // no target
        {"automl", dataset("credit-g.arff"), "--target", "class", "--budget", "-1"},
        {"automl", dataset("credit-g.arff"), "--target", "nope", "--budget", "5"},
        {"automl", dataset("credit-g.arff"), "--target", "class", "--budget", "5", "--algos", "magic"},
    };
    for (const auto& args : cases) {
      const Result r = run(args);
      QVERIFY2(r.code == 2, qPrintable(args.join(' ') + QStringLiteral(" -> ") + QString::number(r.code) + r.err));
      QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
    }
  }
};

QTEST_MAIN(tst_CliAutoMl)
#include "tst_CliAutoMl.moc"
