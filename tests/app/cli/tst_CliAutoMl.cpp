// lathe automl as scripts see it (issue 9, item 4): the leaderboard as JSON, and exit 2 with
// one line for bad input.
#include <QJsonArray>
#include <QJsonObject>
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
                          "logistic,tree,naive_bayes", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject json = r.json();
    QCOMPARE(json.value("objective").toString(), QStringLiteral("roc_auc"));
    QCOMPARE(json.value("budget").toDouble(), 8.0);
    const QJsonArray board = json.value("leaderboard").toArray();
    QCOMPARE(board.size(), 3);
    for (int i = 1; i < board.size(); ++i)
      QVERIFY(board[i - 1].toObject().value("score").toDouble() >= board[i].toObject().value("score").toDouble());
    QCOMPARE(json.value("best").toObject(), board[0].toObject());
    // Breast cancer is easy: logistic regression reaches 0.99 ROC AUC.
    QVERIFY(json.value("best").toObject().value("score").toDouble() > 0.97);
    QVERIFY(json.value("trials").toInt() >= 3);
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
