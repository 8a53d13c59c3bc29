// Per-variant statistics (issue 10, item 4): counts stay exact under concurrent recording, the
// latency histogram's percentiles are within a bucket (~9%) of the truth, and the prediction
// distribution counts labels (classification) or summarises values (regression).
#include <QtTest>

#include <thread>

#include "engine/serve/LatencyHistogram.h"
#include "engine/serve/VariantStats.h"

using namespace lathe;
using namespace std::chrono_literals;
using serve::LatencyHistogram;
using serve::VariantStats;

namespace {

deploy::ScoredRows classified(std::vector<double> predicted) {
  deploy::ScoredRows s;
  s.task = ml::Task::Multiclass;
  s.classes = {"Adelie", "Chinstrap", "Gentoo"};
  s.predicted = std::move(predicted);
  return s;
}

}  // namespace

class tst_VariantStats : public QObject {
  Q_OBJECT
 private slots:
  void percentilesAreWithinABucket() {
    LatencyHistogram h;
    QCOMPARE(h.percentileMs(0.5), 0.0);
    for (int i = 0; i < 98; ++i) h.record(1ms);
    h.record(100ms);
    h.record(100ms);
    QCOMPARE(h.count(), std::uint64_t(100));
    QVERIFY(std::abs(h.percentileMs(0.5) - 1.0) < 0.1);
    QVERIFY(std::abs(h.percentileMs(0.99) - 100.0) < 10.0);
    QVERIFY(std::abs(h.meanMs() - 2.98) < 1e-9);
    // Out of range both ways lands in the end buckets, never outside the array.
    h.record(0ns);
    h.record(std::chrono::hours(10));
    QVERIFY(h.percentileMs(1.0) > 100000.0);
  }

  void countsAreExactUnderConcurrency() {
    VariantStats stats;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
      threads.emplace_back([&stats, t] {
        for (int i = 0; i < 10000; ++i) {
          stats.recordRequest(3, std::chrono::microseconds(100 + i % 50), (i + t) % 100 == 0);
          stats.recordPredictions(classified({0, 2, 2}));
        }
      });
    for (auto& thread : threads) thread.join();
    const auto s = stats.snapshot();
    QCOMPARE(s.requests, std::uint64_t(80000));
    QCOMPARE(s.rows, std::uint64_t(240000));
    QCOMPARE(s.errors, std::uint64_t(800));
    QCOMPARE(s.errorRate(), 0.01);
    QCOMPARE(s.classCounts.at("Adelie"), std::uint64_t(80000));
    QCOMPARE(s.classCounts.at("Gentoo"), std::uint64_t(160000));
    QVERIFY(!s.classCounts.count("Chinstrap"));
    QVERIFY(s.latencyP50Ms > 0.09 && s.latencyP50Ms < 0.17);
  }

  void rowsWithoutAPredictionAreNotCounted() {
    VariantStats stats;
    stats.recordPredictions(classified({1, std::nan(""), 7, -1}));
    QCOMPARE(stats.snapshot().classCounts.size(), std::size_t(1));
    QCOMPARE(stats.snapshot().classCounts.at("Chinstrap"), std::uint64_t(1));
  }

  void regressionIsSummarised() {
    VariantStats stats;
    deploy::ScoredRows s;
    s.task = ml::Task::Regression;
    s.predicted = {10.0, 20.0, std::nan("")};
    stats.recordPredictions(s);
    s.predicted = {-5.0, 35.0};
    stats.recordPredictions(s);
    const auto snapshot = stats.snapshot();
    QCOMPARE(snapshot.valueCount, std::uint64_t(4));
    QCOMPARE(snapshot.valueMean, 15.0);
    QCOMPARE(snapshot.valueMin, -5.0);
    QCOMPARE(snapshot.valueMax, 35.0);
    const auto json = snapshot.toJson();
    QCOMPARE(json["predictions"]["count"].get<int>(), 4);
    QCOMPARE(json["predictions"]["max"].get<double>(), 35.0);
    QVERIFY(json["latency_ms"].contains("p99"));
  }

  void jsonOfClassification() {
    VariantStats stats;
    stats.recordRequest(2, 2ms, false);
    stats.recordPredictions(classified({0, 1}));
    const auto json = stats.snapshot().toJson();
    QCOMPARE(json["requests"].get<int>(), 1);
    QCOMPARE(json["rows"].get<int>(), 2);
    QCOMPARE(json["errors"].get<int>(), 0);
    QCOMPARE(json["predictions"]["Adelie"].get<int>(), 1);
    QCOMPARE(json["predictions"]["Chinstrap"].get<int>(), 1);
    QVERIFY(json["latency_ms"]["p50"].get<double>() > 1.5);
    QVERIFY(VariantStats().snapshot().toJson()["predictions"].is_object());  // nothing yet: {}
  }
};

QTEST_APPLESS_MAIN(tst_VariantStats)
#include "tst_VariantStats.moc"
