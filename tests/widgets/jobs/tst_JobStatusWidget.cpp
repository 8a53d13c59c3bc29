#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

#include "widgets/jobs/JobStatusWidget.h"

using lathe::widgets::JobStatus;
using lathe::widgets::JobStatusWidget;

class tst_JobStatusWidget : public QObject {
  Q_OBJECT
 private slots:
  void idleSaysReadyAndHidesControls() {
    JobStatusWidget widget;
    widget.show();
    QCOMPARE(widget.summaryText(), QStringLiteral("Ready"));
    QCOMPARE(widget.progressPercent(), -1);
    QVERIFY(!widget.findChild<QProgressBar*>()->isVisible());
    QVERIFY(!widget.findChild<QToolButton*>(QStringLiteral("cancelJobsButton"))->isVisible());
  }

  void showsFirstJobAndHowManyMore() {
    JobStatusWidget widget;
    widget.show();
    widget.setJobs({{4, QStringLiteral("Import flights.csv"), 0.426, QStringLiteral("Reading rows")},
                    {5, QStringLiteral("Train forest"), 0.1, {}},
                    {6, QStringLiteral("Profile"), 0.0, {}}});
    QCOMPARE(widget.summaryText(), QStringLiteral("Import flights.csv: Reading rows (+2 more)"));
    QCOMPARE(widget.progressPercent(), 43);
    QVERIFY(widget.findChild<QProgressBar*>()->isVisible());
  }

  void cancelAsksToStopEveryShownJob() {
    JobStatusWidget widget;
    widget.show();
    QSignalSpy spy(&widget, &JobStatusWidget::cancelRequested);
    widget.setJobs({{7, QStringLiteral("A"), 0.5, {}}, {9, QStringLiteral("B"), 0.5, {}}});
    widget.findChild<QToolButton*>(QStringLiteral("cancelJobsButton"))->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<QVector<quint64>>(), (QVector<quint64>{7, 9}));
    widget.setJobs({});
    QCOMPARE(widget.summaryText(), QStringLiteral("Ready"));
  }
};

QTEST_MAIN(tst_JobStatusWidget)
#include "tst_JobStatusWidget.moc"
