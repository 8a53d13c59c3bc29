#include <QtTest>
#include <mutex>
#include <vector>

#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"

namespace {
class RecordingSink final : public lathe::jobs::ProgressSink {
 public:
  void report(double fraction, std::string_view message) override {
    fractions.push_back(fraction);
    messages.emplace_back(message);
  }
  std::vector<double> fractions;
  std::vector<std::string> messages;
};
}  // namespace

class tst_JobContext : public QObject {
  Q_OBJECT
 private slots:
  void reportsProgressClamped() {
    RecordingSink sink;
    std::stop_source stop;
    const lathe::jobs::JobContext context(stop.get_token(), sink);
    context.progress(0.25, "Reading");
    context.progress(1.7);
    context.progress(-3.0);
    QCOMPARE(sink.fractions, (std::vector<double>{0.25, 1.0, 0.0}));
    QCOMPARE(QString::fromStdString(sink.messages[0]), QStringLiteral("Reading"));
  }

  void subRangeMapsIntoItsShare() {
    RecordingSink sink;
    std::stop_source stop;
    const lathe::jobs::JobContext context(stop.get_token(), sink);
    const auto second = context.subRange(0.5, 1.0);
    second.progress(0.5);
    const auto quarter = second.subRange(0.0, 0.5);  // [0.5, 0.75) of the whole
    quarter.progress(1.0);
    QCOMPARE(sink.fractions.size(), size_t(2));
    QCOMPARE(sink.fractions[0], 0.75);
    QCOMPARE(sink.fractions[1], 0.75);
  }

  void stopIsSeenThroughSubRanges() {
    lathe::jobs::NullProgressSink sink;
    std::stop_source stop;
    const lathe::jobs::JobContext context(stop.get_token(), sink);
    const auto part = context.subRange(0.2, 0.4);
    QVERIFY(!part.stopRequested());
    part.throwIfStopped();  // does not throw yet
    stop.request_stop();
    QVERIFY(context.stopRequested());
    QVERIFY(part.stopRequested());
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, part.throwIfStopped());
  }
};

QTEST_APPLESS_MAIN(tst_JobContext)
#include "tst_JobContext.moc"
