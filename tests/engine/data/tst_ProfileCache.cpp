#include <QtTest>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "engine/core/Error.h"
#include "engine/data/ProfileCache.h"
#include "engine/data/ProfileTableJob.h"
#include "engine/jobs/JobCancelled.h"

using lathe::data::Column;
using lathe::data::ColumnProfile;
using lathe::data::ProfileCache;

namespace {

std::shared_ptr<const Column> numbers(const std::string& name, std::size_t rows, double scale = 1.0) {
  std::vector<double> values(rows);
  for (std::size_t r = 0; r < rows; ++r) values[r] = scale * double((r * 7919) % 100003);
  return Column::float64(name, std::move(values));
}

// One of each column type, 1000 rows.
std::shared_ptr<const lathe::data::Table> everyType() {
  const std::size_t rows = 1000;
  std::vector<std::int64_t> ints(rows);
  std::vector<std::uint8_t> bools(rows);
  std::vector<std::int32_t> codes(rows);
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  for (std::size_t r = 0; r < rows; ++r) {
    ints[r] = std::int64_t(r) - 500;
    bools[r] = r % 3 == 0;
    codes[r] = std::int32_t(r % 4);
    offsets.push_back((bytes += "row " + std::to_string(r % 17)).size());
  }
  return std::make_shared<const lathe::data::Table>(std::vector<std::shared_ptr<const Column>>{
      numbers("f", rows), Column::int64("i", ints), Column::boolean("b", bools),
      Column::categorical("c", codes, {"w", "x", "y", "z"}), Column::text("t", offsets, bytes),
      Column::datetime("d", ints)});
}

struct Recorder final : lathe::jobs::ProgressSink {
  void report(double f, std::string_view) override {
    const std::lock_guard lock(mutex);
    fractions.push_back(f);
    if (stopAt >= 0 && f >= stopAt && stop) stop->request_stop();
  }
  std::mutex mutex;
  std::vector<double> fractions;
  double stopAt = -1;
  std::stop_source* stop = nullptr;
};

// Blocks the first report until another thread arrives: proves two profiles run at once, with a
// timeout instead of a hang if they do not.
struct Rendezvous {
  std::mutex mutex;
  std::condition_variable cv;
  int arrived = 0;
  bool met(int parties) {
    std::unique_lock lock(mutex);
    ++arrived;
    cv.notify_all();
    return cv.wait_for(lock, std::chrono::seconds(10), [&] { return arrived >= parties; });
  }
};
struct MeetingSink final : lathe::jobs::ProgressSink {
  explicit MeetingSink(Rendezvous& r) : rendezvous(r) {}
  void report(double, std::string_view) override {
    if (!first) return;
    first = false;
    metOther = rendezvous.met(2);
  }
  Rendezvous& rendezvous;
  bool first = true;
  bool metOther = false;
};

}  // namespace

class tst_ProfileCache : public QObject {
  Q_OBJECT
 private slots:
  void sameColumnIsComputedOnce() {
    ProfileCache cache;
    const auto column = numbers("x", 5000);
    QVERIFY(!cache.find(column.get()));
    const auto first = cache.get(column, context());
    const auto second = cache.get(column, context());
    QVERIFY(first);
    QCOMPARE(first.get(), second.get());
    QCOMPARE(cache.find(column.get()).get(), first.get());
    QCOMPARE(cache.computations(), std::uint64_t(1));
    QCOMPARE(first->count, std::uint64_t(5000));

    const auto other = cache.get(numbers("x", 5000), context());  // equal values, another column
    QVERIFY(other.get() != first.get());
    QCOMPARE(cache.computations(), std::uint64_t(2));
    cache.clear();
    QCOMPARE(cache.size(), std::size_t(0));
    QVERIFY(!cache.find(column.get()));
    QVERIFY(cache.get(column, context()).get() != first.get());
    QCOMPARE(cache.computations(), std::uint64_t(3));
  }

  void expiredColumnsAreDroppedAndNotKeptAlive() {
    ProfileCache cache;
    auto a = numbers("a", 1000);
    const auto b = numbers("b", 1000);
    const Column* rawA = a.get();
    const std::weak_ptr<const Column> watch = a;
    cache.get(a, context());
    cache.get(b, context());
    QCOMPARE(cache.size(), std::size_t(2));
    a.reset();
    QVERIFY(watch.expired());  // the cache did not keep the column alive
    QVERIFY(!cache.find(rawA));
    cache.get(b, context());
    QCOMPARE(cache.size(), std::size_t(1));
    QVERIFY(cache.find(b.get()));

    // A new column at the address of a dead one gets its own profile, never the old one's.
    for (int attempt = 0; attempt < 100; ++attempt) {
      auto c = numbers("c", 10);
      const Column* rawC = c.get();
      cache.get(c, context());
      c.reset();
      const auto d = numbers("d", 20);
      QVERIFY(!cache.find(d.get()));
      QCOMPARE(cache.get(d, context())->name, std::string("d"));
      if (d.get() == rawC) break;  // the allocator reused the address: the case that matters
    }
    cache.dropExpired();
    QCOMPARE(cache.size(), std::size_t(1));
  }

  void twoColumnsAreProfiledAtOnce() {
    ProfileCache cache;
    const auto a = numbers("a", 200000);
    const auto b = numbers("b", 200000, 2.0);
    Rendezvous rendezvous;
    MeetingSink sinkA(rendezvous), sinkB(rendezvous);
    std::shared_ptr<const ColumnProfile> pa, pb;
    std::stop_source stop;
    std::thread ta([&] { pa = cache.get(a, lathe::jobs::JobContext(stop.get_token(), sinkA)); });
    std::thread tb([&] { pb = cache.get(b, lathe::jobs::JobContext(stop.get_token(), sinkB)); });
    ta.join();
    tb.join();
    QVERIFY2(sinkA.metOther && sinkB.metOther, "both profiles were inside profileColumn at the same time");
    QCOMPARE(pa->name, std::string("a"));
    QCOMPARE(pb->name, std::string("b"));
    QCOMPARE(pb->max, 2.0 * pa->max);
    QCOMPARE(cache.computations(), std::uint64_t(2));
  }

  void sameColumnFromTwoThreadsGivesOneResult() {
    for (int round = 0; round < 20; ++round) {
      ProfileCache cache;
      const auto column = numbers("x", 300000);
      std::atomic<int> ready{0};
      std::shared_ptr<const ColumnProfile> p1, p2;
      auto ask = [&](std::shared_ptr<const ColumnProfile>& out) {
        ++ready;
        while (ready < 2) std::this_thread::yield();
        out = cache.get(column, context());
      };
      std::thread t1(ask, std::ref(p1));
      std::thread t2(ask, std::ref(p2));
      t1.join();
      t2.join();
      QVERIFY(p1);
      QCOMPARE(p1.get(), p2.get());
      QCOMPARE(cache.computations(), std::uint64_t(1));
    }
  }

  void cancelledComputationIsNotCachedAndWaitersTakeOver() {
    ProfileCache cache;
    const auto column = numbers("x", 2000000);
    std::stop_source stopFirst;
    struct Sink final : lathe::jobs::ProgressSink {
      void report(double, std::string_view) override {
        if (first.exchange(false)) {
          started = true;
          // Give the second caller time to start waiting, then stop this one.
          std::this_thread::sleep_for(std::chrono::milliseconds(200));
          stop->request_stop();
        }
      }
      std::atomic<bool> first{true}, started{false};
      std::stop_source* stop = nullptr;
    } sink;
    sink.stop = &stopFirst;
    bool cancelled = false;
    std::thread computing([&] {
      try {
        cache.get(column, lathe::jobs::JobContext(stopFirst.get_token(), sink));
      } catch (const lathe::jobs::JobCancelled&) {
        cancelled = true;
      }
    });
    while (!sink.started) std::this_thread::yield();
    const auto profile = cache.get(column, context());  // waits, then computes it itself
    computing.join();
    QVERIFY(cancelled);
    QVERIFY(profile);
    QCOMPARE(profile->count, std::uint64_t(2000000));
    QCOMPARE(cache.computations(), std::uint64_t(1));
    QCOMPARE(cache.find(column.get()).get(), profile.get());

    std::stop_source stopped;
    stopped.request_stop();
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled,
                             cache.get(numbers("y", 10), lathe::jobs::JobContext(stopped.get_token(), sink_)));
    QCOMPARE(cache.size(), std::size_t(1));  // nothing kept for the cancelled column
  }

  void nullColumnIsATypedError() {
    ProfileCache cache;
    try {
      cache.get(nullptr, context());
      QFAIL("expected lathe::Error");
    } catch (const lathe::Error& e) {
      QCOMPARE(e.code(), lathe::ErrorCode::InvalidArgument);
    }
    QVERIFY_THROWS_EXCEPTION(lathe::Error, lathe::data::ProfileTableJob(nullptr, nullptr));
  }

  void tableJobProfilesEveryColumn() {
    const auto table = everyType();
    const auto cache = std::make_shared<ProfileCache>();
    lathe::data::ProfileTableJob job(table, cache);
    QCOMPARE(QString::fromStdString(job.name()), QStringLiteral("Profile 6 columns"));
    Recorder sink;
    std::stop_source stop;
    lathe::jobs::JobContext running(stop.get_token(), sink);
    job.run(running);
    QCOMPARE(job.results().size(), table->columnCount());
    for (std::size_t i = 0; i < table->columnCount(); ++i) {
      const auto& p = job.results()[i];
      QCOMPARE(p->name, table->column(i).name());
      QCOMPARE(p->type, table->column(i).type());
      QCOMPARE(p->count, std::uint64_t(1000));
      QCOMPARE(cache->find(&table->column(i)).get(), p.get());
    }
    QCOMPARE(job.results()[3]->distinct, std::uint64_t(4));   // categorical
    QCOMPARE(job.results()[4]->distinct, std::uint64_t(17));  // text
    QCOMPARE(sink.fractions.back(), 1.0);
    QVERIFY(std::is_sorted(sink.fractions.begin(), sink.fractions.end()));
    QCOMPARE(cache->computations(), std::uint64_t(6));

    lathe::data::ProfileTableJob again(table, cache);  // cached: nothing computed twice
    again.run(running);
    QCOMPARE(cache->computations(), std::uint64_t(6));
    QCOMPARE(again.results()[0].get(), job.results()[0].get());

    lathe::data::ProfileTableJob uncached(table);
    uncached.run(running);
    QCOMPARE(uncached.results().size(), std::size_t(6));
    QCOMPARE(uncached.results()[2]->topCategories[0].value, std::string("false"));

    lathe::data::ProfileTableJob empty(std::make_shared<const lathe::data::Table>());
    Recorder emptySink;
    lathe::jobs::JobContext emptyContext(stop.get_token(), emptySink);
    empty.run(emptyContext);
    QVERIFY(empty.results().empty());
    QCOMPARE(emptySink.fractions.back(), 1.0);
  }

  void tableJobHonoursCancel() {
    const auto table = std::make_shared<const lathe::data::Table>(std::vector<std::shared_ptr<const Column>>{
        numbers("a", 500000), numbers("b", 500000), numbers("c", 500000), numbers("d", 500000)});
    const auto cache = std::make_shared<ProfileCache>();
    lathe::data::ProfileTableJob job(table, cache);

    std::stop_source before;
    before.request_stop();
    lathe::jobs::JobContext stopped(before.get_token(), sink_);
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, job.run(stopped));
    QVERIFY(job.results().empty());
    QCOMPARE(cache->computations(), std::uint64_t(0));

    Recorder sink;
    std::stop_source halfway;
    sink.stop = &halfway;
    sink.stopAt = 0.5;  // during the third column
    lathe::jobs::JobContext running(halfway.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, job.run(running));
    QVERIFY(job.results().empty());
    QCOMPARE(cache->computations(), std::uint64_t(2));  // the finished columns stay cached
    QVERIFY(cache->find(&table->column(1)));
    QVERIFY(!cache->find(&table->column(2)));
    QVERIFY(sink.fractions.back() < 1.0);
  }

 private:
  lathe::jobs::JobContext context() { return lathe::jobs::JobContext(go_.get_token(), sink_); }
  lathe::jobs::NullProgressSink sink_;
  std::stop_source go_;
};

QTEST_APPLESS_MAIN(tst_ProfileCache)
#include "tst_ProfileCache.moc"
