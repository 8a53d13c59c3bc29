// lathe monitor as scripts and cron see it (issue 11, item 3), on the Palmer penguins: a one-off
// comparison of a file with a project dataset in the contract's JSON ({"features": [{"name",
// "test", "statistic", "p_value", "psi", "drift"}], "violations": [...]}); the same file flags no
// drift, a copy with one feature shifted flags that feature only; a stored baseline and schedule
// run when due (and not again until they are due), every enabled one with --all; the history;
// bad input (a missing file, an unknown dataset or schedule, --labels without --key) exits 2 with
// one line naming it.
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

#include "CliProcess.h"

namespace {

CliResult run(const QStringList& args) { return runCli(args, 240000); }

// penguins.csv with `edit` applied to each data line's fields.
QString writePenguins(const QTemporaryDir& dir, const QString& name, const std::function<void(QStringList&)>& edit) {
  QFile in(datasetPath("penguins.csv"));
  if (!in.open(QIODevice::ReadOnly)) qFatal("no penguins.csv");
  QByteArray out = in.readLine();
  while (!in.atEnd()) {
    QStringList fields = QString::fromUtf8(in.readLine()).trimmed().split(',');
    edit(fields);
    out += fields.join(',').toUtf8() + "\n";
  }
  const QString path = dir.filePath(name);
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size()) qFatal("cannot write %s", qPrintable(path));
  return path;
}

QJsonObject featureNamed(const QJsonObject& report, const QString& name) {
  for (const auto& f : report["features"].toArray())
    if (f.toObject()["name"].toString() == name) return f.toObject();
  return {};
}

QStringList drifted(const QJsonObject& report) {
  QStringList out;
  for (const auto& f : report["features"].toArray())
    if (f.toObject()["drift"].toBool()) out << f.toObject()["name"].toString();
  return out;
}

}  // namespace

class tst_CliMonitor : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString project_;

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    project_ = dir_.filePath("penguins.lathe");
    QCOMPARE(run({"project", "new", project_, "--name", "Penguins"}).code, 0);
    const auto added = run({"project", "add-data", project_, datasetPath("penguins.csv")});
    QVERIFY2(added.code == 0, qPrintable(added.err));
  }

  void theSameDataFlagsNoDrift() {
    const auto r = run({"monitor", project_, "--baseline", "penguins", "--current", datasetPath("penguins.csv"), "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject report = r.json();
    QCOMPARE(report["features"].toArray().size(), 7);
    QVERIFY(report["violations"].isArray());
    QCOMPARE(report["violations"].toArray().size(), 0);
    QCOMPARE(drifted(report), QStringList());
    const QJsonObject mass = featureNamed(report, "Body Mass (g)");
    for (const char* key : {"name", "test", "statistic", "p_value", "psi", "drift"}) QVERIFY2(mass.contains(key), key);
    QCOMPARE(mass["test"].toString(), QString("ks"));
    // The baseline keeps 1,001 quantiles, not every value: D of a sample against itself is at most
    // about 1/n (here 1/342), and its p-value 1.
    QVERIFY(mass["statistic"].toDouble() < 0.01);
    QCOMPARE(mass["p_value"].toDouble(), 1.0);
    QCOMPARE(featureNamed(report, "Island")["test"].toString(), QString("chi_square"));
  }

  void aShiftedFeatureIsFlaggedAlone() {
    const QString shifted = writePenguins(dir_, "heavier.csv", [](QStringList& f) {
      if (f.size() == 7 && !f[5].isEmpty() && f[5] != "NA") f[5] = QString::number(f[5].toDouble() + 1000);
    });
    const auto r = run({"monitor", project_, "--baseline", "penguins", "--current", shifted, "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(drifted(r.json()), QStringList{"Body Mass (g)"});
    const auto human = run({"monitor", project_, "--baseline", "penguins", "--current", shifted});
    QCOMPARE(human.code, 0);
    QVERIFY2(human.out.contains("Body Mass (g)") && human.out.contains("yes"), qPrintable(human.out));
  }

  void schedulesRunWhenDue() {
    const QString shifted = dir_.filePath("heavier.csv");
    auto r = run({"monitor", "baseline", project_, "at import", "--dataset", "penguins"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = run({"monitor", "schedule", project_, "hourly", "--baseline", "at import", "--file", shifted, "--every", "60"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = run({"monitor", project_, "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json()["runs"].toArray().size(), 1);
    const QJsonObject first = r.json()["runs"].toArray().first().toObject();
    QCOMPARE(first["schedule_name"].toString(), QString("hourly"));
    QCOMPARE(drifted(first), QStringList{"Body Mass (g)"});
    QVERIFY(!first["alerts"].toArray().isEmpty());
    r = run({"monitor", project_, "--json"});  // ran a moment ago: not due
    QCOMPARE(r.json()["runs"].toArray().size(), 0);
    r = run({"monitor", project_, "--all", "--json"});
    QCOMPARE(r.json()["runs"].toArray().size(), 1);
    r = run({"monitor", "history", project_, "--schedule", "hourly", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json()["runs"].toArray().size(), 2);
  }

  void badInputExitsTwoWithOneLine() {
    struct Case {
      QStringList args;
      QString named;
    };
    const QList<Case> cases{
        {{"monitor", project_, "--baseline", "penguins", "--current", dir_.filePath("missing.csv")}, "missing.csv"},
        {{"monitor", project_, "--baseline", "no-such-data", "--current", datasetPath("penguins.csv")}, "no-such-data"},
        {{"monitor", project_, "--schedule", "no-such-schedule"}, "no-such-schedule"},
        {{"monitor", project_, "--baseline", "penguins", "--current", datasetPath("penguins.csv"), "--labels", "x.csv"}, "--key"},
        {{"monitor", "schedule", project_, "x", "--baseline", "no-such-baseline", "--file", "f.csv"}, "no-such-baseline"},
        {{"monitor", dir_.filePath("nothing.lathe")}, "nothing.lathe"},
    };
    for (const auto& c : cases) {
      const auto r = run(c.args);
      QVERIFY2(r.code == 2, qPrintable(c.args.join(' ') + " -> " + QString::number(r.code) + " " + r.err));
      QCOMPARE(r.err.trimmed().count('\n'), 0);
      QVERIFY2(r.err.contains(c.named), qPrintable(r.err));
    }
  }
};

QTEST_GUILESS_MAIN(tst_CliMonitor)
#include "tst_CliMonitor.moc"
