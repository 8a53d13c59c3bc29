#include <QtTest>
#include <sqlite3.h>

#include "engine/core/LinkedLibraries.h"

class tst_LinkedLibraries : public QObject {
  Q_OBJECT
 private slots:
  void namesTheLibrariesTheEngineRunsWith() {
    QStringList names;
    for (const auto& lib : lathe::linkedLibraries()) {
      names << QString::fromStdString(lib.name);
      // A version is dotted numbers, e.g. 3.40.1.
      QVERIFY2(QRegularExpression(QStringLiteral(R"(^\d+\.\d+(\.\d+)?$)"))
                   .match(QString::fromStdString(lib.version)).hasMatch(),
               lib.version.c_str());
    }
    QCOMPARE(names, (QStringList{"Eigen", "SQLite", "XGBoost"}));
  }

  void sqliteVersionIsTheLinkedOne() {
    // The run-time library, not the header we compiled against (they agree on Debian 12).
    for (const auto& lib : lathe::linkedLibraries())
      if (lib.name == "SQLite") QCOMPARE(QString::fromStdString(lib.version), QString::fromLatin1(sqlite3_libversion()));
  }
};

QTEST_APPLESS_MAIN(tst_LinkedLibraries)
#include "tst_LinkedLibraries.moc"
