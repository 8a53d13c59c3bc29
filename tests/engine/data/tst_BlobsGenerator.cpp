#include <QtTest>
#include <cmath>
#include <map>

#include "engine/core/Error.h"
#include "engine/data/BlobsGenerator.h"
#include "engine/data/GenerateBlobsJob.h"
#include "engine/jobs/JobCancelled.h"

using lathe::data::BlobsSpec;

namespace {
lathe::data::Blobs generate(const BlobsSpec& spec) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  return lathe::data::generateBlobs(spec, lathe::jobs::JobContext(stop.get_token(), sink));
}
}  // namespace

class tst_BlobsGenerator : public QObject {
  Q_OBJECT
 private slots:
  void shapeIsColumnar() {
    const auto blobs = generate({.rows = 50001, .features = 3, .classes = 4, .seed = 7});
    QCOMPARE(blobs.features.size(), size_t(3));
    for (const auto& column : blobs.features) QCOMPARE(column.size(), size_t(50001));
    QCOMPARE(blobs.labels.size(), size_t(50001));
    QCOMPARE(blobs.centers.size(), size_t(4));
  }

  void clustersSitAroundTheirCentres() {
    // Per class, the sample mean of each feature is within a few standard errors of the centre,
    // and the sample standard deviation is close to clusterStd.
    const BlobsSpec spec{.rows = 200000, .features = 2, .classes = 3, .clusterStd = 1.5, .seed = 3};
    const auto blobs = generate(spec);
    std::map<int, std::vector<double>> sum, sumSq;
    std::map<int, int> count;
    for (size_t r = 0; r < blobs.labels.size(); ++r) {
      const int label = blobs.labels[r];
      QVERIFY(label >= 0 && label < spec.classes);
      sum[label].resize(2);
      sumSq[label].resize(2);
      ++count[label];
      for (int f = 0; f < 2; ++f) {
        sum[label][f] += blobs.features[f][r];
        sumSq[label][f] += blobs.features[f][r] * blobs.features[f][r];
      }
    }
    QCOMPARE(int(count.size()), spec.classes);
    for (auto& [label, n] : count) {
      QVERIFY2(n > 60000, "classes are drawn evenly");
      for (int f = 0; f < 2; ++f) {
        const double mean = sum[label][f] / n;
        const double sd = std::sqrt(sumSq[label][f] / n - mean * mean);
        QVERIFY(std::abs(mean - blobs.centers[label][f]) < 5 * spec.clusterStd / std::sqrt(double(n)));
        QVERIFY(std::abs(sd - spec.clusterStd) < 0.03);
      }
    }
  }

  void sameSeedSameData() {
    const BlobsSpec spec{.rows = 40000, .features = 2, .classes = 2, .seed = 11};
    const auto a = generate(spec);
    const auto b = generate(spec);
    QVERIFY(a.features == b.features);
    QVERIFY(a.labels == b.labels);
    BlobsSpec other = spec;
    other.seed = 12;
    QVERIFY(generate(other).features != a.features);
  }

  void impossibleSpecsAreTypedErrors_data() {
    QTest::addColumn<qint64>("rows");
    QTest::addColumn<int>("features");
    QTest::addColumn<int>("classes");
    QTest::addColumn<double>("clusterStd");
    QTest::newRow("no rows") << qint64(0) << 2 << 2 << 1.0;
    QTest::newRow("negative rows") << qint64(-5) << 2 << 2 << 1.0;
    QTest::newRow("no features") << qint64(10) << 0 << 2 << 1.0;
    QTest::newRow("no classes") << qint64(10) << 2 << 0 << 1.0;
    QTest::newRow("more classes than rows") << qint64(3) << 2 << 4 << 1.0;
    QTest::newRow("negative spread") << qint64(10) << 2 << 2 << -1.0;
    QTest::newRow("NaN spread") << qint64(10) << 2 << 2 << std::nan("");
  }
  void impossibleSpecsAreTypedErrors() {
    QFETCH(qint64, rows);
    QFETCH(int, features);
    QFETCH(int, classes);
    QFETCH(double, clusterStd);
    try {
      generate({.rows = rows, .features = features, .classes = classes, .clusterStd = clusterStd});
      QFAIL("expected lathe::Error");
    } catch (const lathe::Error& e) {
      QCOMPARE(e.code(), lathe::ErrorCode::InvalidArgument);
    }
  }

  void honoursStopAndReportsProgress() {
    struct Sink final : lathe::jobs::ProgressSink {
      void report(double f, std::string_view) override { last = f; ++calls; }
      double last = 0;
      int calls = 0;
    } sink;
    std::stop_source stop;
    stop.request_stop();
    lathe::data::GenerateBlobsJob job({.rows = 1000000, .features = 2, .classes = 2});
    lathe::jobs::JobContext stopped(stop.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, job.run(stopped));

    std::stop_source go;
    lathe::jobs::JobContext running(go.get_token(), sink);
    job.run(running);
    QCOMPARE(sink.last, 1.0);
    QVERIFY(sink.calls > 10);
    QCOMPARE(job.result().labels.size(), size_t(1000000));
  }
};

QTEST_APPLESS_MAIN(tst_BlobsGenerator)
#include "tst_BlobsGenerator.moc"
