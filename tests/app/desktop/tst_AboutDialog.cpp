#include <QLabel>
#include <QtTest>
#include <sqlite3.h>

#include "app/desktop/AboutDialog.h"

class tst_AboutDialog : public QObject {
  Q_OBJECT
 private slots:
  void listsTheLinkedLibraryVersions() {
    const QStringList libs = lathe::app::AboutDialog::libraryVersions();
    QCOMPARE(libs.size(), 5);
    QCOMPARE(libs[0], QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion())));
    QVERIFY(libs[1].startsWith(QStringLiteral("QCustomPlot 2.")));
    QVERIFY(libs[2].startsWith(QStringLiteral("Eigen 3.")));
    QCOMPARE(libs[3], QStringLiteral("SQLite %1").arg(QString::fromLatin1(sqlite3_libversion())));
    QVERIFY(libs[4].startsWith(QStringLiteral("XGBoost 1.")));
  }

  void dialogShowsThem() {
    lathe::app::AboutDialog dialog;
    const QString text = dialog.findChild<QLabel*>(QStringLiteral("aboutText"))->text();
    for (const QString& lib : lathe::app::AboutDialog::libraryVersions()) QVERIFY2(text.contains(lib), qPrintable(lib));
    QVERIFY(text.contains(QStringLiteral("GNU General Public License")));
  }
};

QTEST_MAIN(tst_AboutDialog)
#include "tst_AboutDialog.moc"
