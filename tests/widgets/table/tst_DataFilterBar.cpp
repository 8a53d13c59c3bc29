// The filter line above the Data table: what it asks for and what it shows.
#include <QtTest>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>

#include "widgets/table/DataFilterBar.h"

using lathe::widgets::DataFilterBar;

class tst_DataFilterBar : public QObject {
  Q_OBJECT
 private slots:
  void enterAsksForTheFilter() {
    DataFilterBar bar;
    QSignalSpy requested(&bar, &DataFilterBar::filterRequested);
    auto* edit = bar.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    QTest::keyClicks(edit, QStringLiteral("  [Body Mass (g)] > 4000 "));
    QCOMPARE(requested.count(), 0);  // not per keystroke
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("[Body Mass (g)] > 4000"));
  }

  void escapeAndClearingShowEveryRowAgain() {
    DataFilterBar bar;
    QSignalSpy cleared(&bar, &DataFilterBar::filterCleared);
    auto* edit = bar.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    QTest::keyClicks(edit, QStringLiteral("x > 1"));
    QTest::keyClick(edit, Qt::Key_Escape);
    QCOMPARE(cleared.count(), 0);  // nothing was applied yet: nothing to clear
    QTest::keyClicks(edit, QStringLiteral("x > 1"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClick(edit, Qt::Key_Escape);
    QCOMPARE(cleared.count(), 1);
    QVERIFY(edit->text().isEmpty());
  }

  void showsTheResultAndTheErrorWithItsPosition() {
    DataFilterBar bar;
    auto* edit = bar.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    auto* status = bar.findChild<QLabel*>(QStringLiteral("filterStatus"));
    QTest::keyClicks(edit, QStringLiteral("Species == \"Adelie\""));
    QTest::keyClick(edit, Qt::Key_Return);
    bar.setResult(152, 344);
    QCOMPARE(status->text(), QStringLiteral("152 of 344 rows"));
    bar.setError(QStringLiteral("unknown column 'Wing'"), 5);
    QVERIFY(status->text().contains(QStringLiteral("5")));
    QVERIFY(status->text().contains(QStringLiteral("Wing")));
    QCOMPARE(edit->cursorPosition(), 4);
    bar.reset();
    QVERIFY(edit->text().isEmpty());
    QVERIFY(status->text().isEmpty());
  }

  void offersColumnsAsReferences() {
    DataFilterBar bar;
    bar.setColumns({QStringLiteral("Species"), QStringLiteral("섬")});
    auto* edit = bar.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    const auto* model = qobject_cast<QStringListModel*>(edit->completer()->model());
    QCOMPARE(model->stringList(), (QStringList{QStringLiteral("[Species]"), QStringLiteral("[섬]")}));
  }
};

QTEST_MAIN(tst_DataFilterBar)
#include "tst_DataFilterBar.moc"
