#include <QtTest>

#include "widgets/jobs/JobLogView.h"

using lathe::widgets::JobLogEntry;
using lathe::widgets::JobLogView;

class tst_JobLogView : public QObject {
  Q_OBJECT
 private slots:
  void oneRowPerEventWithOutcomeAndDuration() {
    JobLogView view;
    const QDateTime now = QDateTime::currentDateTime();
    view.append({1, QStringLiteral("Import iris.arff"), JobLogEntry::Outcome::Started, now, 0, {}});
    view.append({1, QStringLiteral("Import iris.arff"), JobLogEntry::Outcome::Finished, now, 1.234, {}});
    view.append({2, QStringLiteral("Train"), JobLogEntry::Outcome::Failed, now, 0.5,
                 QStringLiteral("data.csv:3:4: bad number")});
    QCOMPARE(view.topLevelItemCount(), 3);
    QCOMPARE(view.topLevelItem(0)->text(2), QStringLiteral("Started"));
    QVERIFY(view.topLevelItem(0)->text(3).isEmpty());
    QCOMPARE(view.topLevelItem(1)->text(2), QStringLiteral("Finished"));
    QCOMPARE(view.topLevelItem(1)->text(3), QStringLiteral("1.23 s"));
    QCOMPARE(view.topLevelItem(2)->text(2), QStringLiteral("Failed"));
    QCOMPARE(view.topLevelItem(2)->toolTip(4), QStringLiteral("data.csv:3:4: bad number"));
    QVERIFY(view.topLevelItem(2)->foreground(0).color() != view.topLevelItem(1)->foreground(0).color());
  }
};

QTEST_MAIN(tst_JobLogView)
#include "tst_JobLogView.moc"
