#include <QTemporaryDir>
#include <QtTest>

#include "TestFiles.h"

#include "app/desktop/FileRouter.h"
#include "TestPaths.h"

using lathe::app::FileRouter;
using Kind = FileRouter::Kind;

class tst_FileRouter : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  QString write(const QString& name, const QByteArray& bytes) { return writeTestFile(dir_, name, bytes); }

 private slots:
  void classifies_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("kind");
    const QByteArray sqlite("SQLite format 3\0\x10\x00", 18);
    QTest::newRow("project") << "churn.lathe" << sqlite << int(Kind::Project);
    QTest::newRow("project, upper-case suffix") << "CHURN.LATHE" << sqlite << int(Kind::Project);
    QTest::newRow("broken project still goes to the project opener")
        << "broken.lathe" << QByteArray("garbage") << int(Kind::Project);
    QTest::newRow("sqlite database to import") << "sales.db" << sqlite << int(Kind::Data);
    QTest::newRow("csv") << "a.csv" << QByteArray("x,y\n1,2\n") << int(Kind::Data);
    QTest::newRow("empty csv") << "empty.csv" << QByteArray() << int(Kind::Data);
    QTest::newRow("text without suffix") << "measurements" << QByteArray("a;b\n1;2\n") << int(Kind::Data);
    QTest::newRow("utf-16 text without suffix")
        << "utf16" << QByteArray("\xFF\xFE" "a\0,\0b\0", 8) << int(Kind::Data);
    QTest::newRow("xlsx") << "book.xlsx" << QByteArray("PK\x03\x04rest") << int(Kind::Unsupported);
    QTest::newRow("png renamed to csv") << "photo.csv" << QByteArray("\x89PNG\r\n\x1a\n") << int(Kind::Unsupported);
    QTest::newRow("binary without suffix") << "blob" << QByteArray("\x01\x02\0\0\x05", 5) << int(Kind::Unsupported);
  }
  void classifies() {
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(int, kind);
    QCOMPARE(int(FileRouter::classify(write(name, bytes))), kind);
  }

  void missingFoldersAndUnreadable() {
    QCOMPARE(FileRouter::classify(dir_.filePath("nope.csv")), Kind::Unreadable);
    QCOMPARE(FileRouter::classify(dir_.path()), Kind::Unreadable);
    QCOMPARE(FileRouter::classify(QString()), Kind::Unreadable);
  }

  void everySharedDatasetIsData() {
    QDir datasets(QString::fromUtf8(LATHE_DATASETS_DIR));
    const QStringList files = datasets.entryList({"*.csv", "*.arff"}, QDir::Files);
    QVERIFY2(files.size() >= 10, qPrintable(datasets.path()));
    for (const QString& file : files)
      QVERIFY2(FileRouter::classify(datasets.filePath(file)) == Kind::Data, qPrintable(file));
  }
};

QTEST_GUILESS_MAIN(tst_FileRouter)
#include "tst_FileRouter.moc"
