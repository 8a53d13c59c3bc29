// The baseline of monitoring (engine/monitor/BaselineBuilder, Baseline): the statistics of real
// data (penguins.csv) checked against numpy/pandas, its JSON round trip, and the constraints it
// suggests.
#include <QtTest>
#include <cmath>
#include <cstdint>
#include <stop_token>
#include <string>
#include <vector>

#include "../DatasetFiles.h"
#include "engine/core/Error.h"
#include "engine/data/Column.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "engine/monitor/Baseline.h"
#include "engine/monitor/BaselineBuilder.h"

using lathe::data::Column;
using lathe::data::Table;
using lathe::monitor::Baseline;
using lathe::monitor::BaselineBuilder;
using lathe::monitor::FeatureBaseline;
using lathe::monitor::FeatureConstraint;
using lathe::monitor::FeatureKind;
using nlohmann::json;

namespace {

bool near(double a, double b, double relative = 1e-12) { return std::abs(a - b) <= relative * std::max(1.0, std::abs(b)); }

const Baseline& penguins() {
  static const Baseline baseline = BaselineBuilder::build(importDataset("penguins.csv"), "penguins.csv");
  return baseline;
}

const FeatureBaseline& featureOf(const Baseline& b, const std::string& name) {
  const FeatureBaseline* f = b.feature(name);
  if (!f) qFatal("no feature %s", name.c_str());
  return *f;
}

// Text values "v0".."v{n-1}", value i repeated (i % 3) + 1 times.
std::shared_ptr<const Column> textColumn(const std::string& name, int distinct) {
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  for (int i = 0; i < distinct; ++i)
    for (int r = 0; r <= i % 3; ++r) {
      bytes += "v" + std::to_string(i);
      offsets.push_back(bytes.size());
    }
  return Column::text(name, std::move(offsets), std::move(bytes));
}

}  // namespace

class tst_Baseline : public QObject {
  Q_OBJECT
 private slots:
  void describesPenguins() {
    const Baseline& b = penguins();
    QCOMPARE(b.source, std::string("penguins.csv"));
    QCOMPARE(b.rows, std::uint64_t(344));
    QCOMPARE(b.features.size(), std::size_t(7));
    QCOMPARE(b.constraints.size(), std::size_t(7));
    for (std::size_t i = 0; i < b.features.size(); ++i) QCOMPARE(b.constraints[i].name, b.features[i].name);

    // d = pandas.read_csv("penguins.csv"); d.isna().sum(): 2 per measurement, 10 for Sex.
    const FeatureBaseline& mass = featureOf(b, "Body Mass (g)");
    QCOMPARE(mass.type, std::string("float64"));
    QCOMPARE(mass.kind, FeatureKind::Numeric);
    QCOMPARE(mass.rows, std::uint64_t(344));
    QCOMPARE(mass.missing, std::uint64_t(2));
    QCOMPARE(featureOf(b, "Beak Length (mm)").missing, std::uint64_t(2));
    QCOMPARE(featureOf(b, "Species").missing, std::uint64_t(0));
    QCOMPARE(featureOf(b, "Sex").missing, std::uint64_t(10));
  }

  void quantilesMatchNumpy() {
    const FeatureBaseline& mass = featureOf(penguins(), "Body Mass (g)");
    QCOMPARE(mass.quantiles.size(), std::size_t(1001));
    // x = d["Body Mass (g)"].dropna().values; q = np.quantile(x, np.arange(1001)/1000)
    QCOMPARE(mass.quantiles[0], 2700.0);
    QVERIFY(near(mass.quantiles[1], 2751.15));
    QCOMPARE(mass.quantiles[5], 2850.0);
    QCOMPARE(mass.quantiles[100], 3300.0);
    QCOMPARE(mass.quantiles[333], 3700.0);
    QCOMPARE(mass.quantiles[500], 4050.0);
    QVERIFY(near(mass.quantiles[777], 4873.925));
    QVERIFY(near(mass.quantiles[999], 6214.749999999998));
    QCOMPARE(mass.quantiles[1000], 6300.0);
    // x.mean(), x.std() (ddof 0)
    QVERIFY(near(mass.mean, 4201.754385964912));
    QVERIFY(near(mass.stddev, 800.781229238452));
    QCOMPARE(mass.min, 2700.0);
    QCOMPARE(mass.max, 6300.0);
    // np.unique(np.quantile(x, np.arange(1,10)/10)); counts by np.searchsorted(x, e, side="right")
    const std::vector<double> edges{3300, 3475, 3650, 3800, 4050, 4300, 4650, 4950, 5400};
    QCOMPARE(mass.binEdges, edges);
    const std::vector<int> counts{40, 31, 33, 37, 35, 31, 35, 32, 34, 34};
    QCOMPARE(mass.binShares.size(), counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i) QVERIFY(near(mass.binShares[i], counts[i] / 342.0));

    const FeatureBaseline& beak = featureOf(penguins(), "Beak Length (mm)");
    // x = d["Beak Length (mm)"].dropna().values; np.quantile(x, np.arange(1001)/1000)[[3,123,654,998]]
    QVERIFY(near(beak.quantiles[3], 33.1092));
    QVERIFY(near(beak.quantiles[123], 37.1886));
    QVERIFY(near(beak.quantiles[654], 46.501400000000004));
    QVERIFY(near(beak.quantiles[998], 58.50879999999997));
    QVERIFY(near(beak.mean, 43.9219298245614));
    QVERIFY(near(beak.stddev, 5.4515960231618195));
    // np.quantile(x, np.arange(1,10)/10)
    const std::vector<double> deciles{36.6, 38.339999999999996, 40.2, 42.0, 44.45, 46.0, 47.37, 49.38, 50.8};
    QCOMPARE(beak.binEdges.size(), deciles.size());
    for (std::size_t i = 0; i < deciles.size(); ++i) QVERIFY(near(beak.binEdges[i], deciles[i]));
    for (std::size_t k = 1; k < beak.quantiles.size(); ++k) QVERIFY(beak.quantiles[k] >= beak.quantiles[k - 1]);
  }

  void countsCategories() {
    const FeatureBaseline& species = featureOf(penguins(), "Species");
    QCOMPARE(species.kind, FeatureKind::Categorical);
    // d["Species"].value_counts(): Adelie 152, Gentoo 124, Chinstrap 68
    const std::vector<std::string> names{"Adelie", "Gentoo", "Chinstrap"};
    const std::vector<std::uint64_t> counts{152, 124, 68};
    QCOMPARE(species.categories, names);
    QCOMPARE(species.categoryCounts, counts);
    QVERIFY(near(species.binShares[0], 152.0 / 344));
    QCOMPARE(species.otherShare, 0.0);
    QVERIFY(species.quantiles.empty());

    // Sex: MALE 168, FEMALE 165, "." 1 (a value, not a missing token), 10 missing.
    const FeatureBaseline& sex = featureOf(penguins(), "Sex");
    const std::vector<std::string> sexes{"MALE", "FEMALE", "."};
    QCOMPARE(sex.categories, sexes);
    QVERIFY(near(sex.binShares[1], 165.0 / 334));
    QCOMPARE(sex.validCount(), std::uint64_t(334));
  }

  void keepsAThousandLevels() {
    // 1,500 distinct texts: the 1,000 most frequent are kept, the rest are the other share.
    const Table table({textColumn("code", 1500)});
    const FeatureBaseline f = BaselineBuilder::describe(table.column(0));
    QCOMPARE(f.kind, FeatureKind::Categorical);
    QCOMPARE(f.type, std::string("text"));
    QCOMPARE(f.categories.size(), std::size_t(1000));
    // 500 values repeated 3 times, 500 twice, 500 once: 3,000 values; 500 * 3 + 500 * 2 kept.
    QCOMPARE(f.categoryCounts.front(), std::uint64_t(3));
    QCOMPARE(f.categoryCounts.back(), std::uint64_t(2));
    QVERIFY(near(f.otherShare, 500.0 / 3000.0));
    double total = f.otherShare;
    for (double s : f.binShares) total += s;
    QVERIFY(near(total, 1.0, 1e-12));
    // Too many levels to list: no allowed categories suggested.
    QVERIFY(!BaselineBuilder::suggest(f).allowedCategories);
    // A few levels are listed.
    const FeatureBaseline few = BaselineBuilder::describe(*textColumn("code", 4));
    QCOMPARE(BaselineBuilder::suggest(few).allowedCategories->size(), std::size_t(4));
  }

  void describesEveryType() {
    const auto flags = Column::boolean("flag", {1, 0, 1, 1});
    FeatureBaseline f = BaselineBuilder::describe(*flags);
    QCOMPARE(f.type, std::string("bool"));
    QCOMPARE(f.kind, FeatureKind::Categorical);
    QCOMPARE(f.categories, (std::vector<std::string>{"true", "false"}));
    const auto counts = Column::int64("n", {5, 1, 3});
    f = BaselineBuilder::describe(*counts);
    QCOMPARE(f.kind, FeatureKind::Numeric);
    QCOMPARE(f.type, std::string("int64"));
    QCOMPARE(f.quantiles[500], 3.0);
    const auto when = Column::datetime("when", {0, 86'400'000'000LL});
    f = BaselineBuilder::describe(*when);
    QCOMPARE(f.kind, FeatureKind::Untested);
    QCOMPARE(f.type, std::string("datetime"));
    QCOMPARE(f.rows, std::uint64_t(2));
    QCOMPARE(lathe::monitor::featureKindFromName("datetime"), FeatureKind::Untested);
    QCOMPARE(lathe::monitor::featureKindFromName(lathe::monitor::featureKindName(FeatureKind::Numeric)),
             FeatureKind::Numeric);
    // NaN and infinities are no measurement: they count with the missing values.
    const auto odd = Column::float64("odd", {1.0, std::nan(""), INFINITY, 2.0});
    f = BaselineBuilder::describe(*odd);
    QCOMPARE(f.missing, std::uint64_t(2));
    QCOMPARE(f.max, 2.0);
  }

  void roundTripsThroughJson() {
    const Baseline& b = penguins();
    const json j = b;
    const Baseline back = json::parse(j.dump()).get<Baseline>();
    QCOMPARE(json(back), j);
    QCOMPARE(back.rows, b.rows);
    QCOMPARE(back.features.size(), b.features.size());
    const FeatureBaseline& mass = featureOf(back, "Body Mass (g)");
    QCOMPARE(mass.quantiles, featureOf(b, "Body Mass (g)").quantiles);  // bit for bit
    QCOMPARE(mass.binShares, featureOf(b, "Body Mass (g)").binShares);
    QCOMPARE(mass.kind, FeatureKind::Numeric);
    QCOMPARE(back.constraint("Sex")->allowedCategories, b.constraint("Sex")->allowedCategories);
    QCOMPARE(back.constraint("Body Mass (g)")->max, std::optional<double>(6300.0));
    QCOMPARE(j.at("features").at(0).at("kind"), json("categorical"));
    // Optional limits are null when off.
    QVERIFY(j.at("constraints").at(0).at("min").is_null());
    QVERIFY(j.at("constraints").at(0).at("allowed_categories").is_array());

    // Malformed baselines are refused with a typed error.
    json broken = j;
    broken["features"][2]["quantiles"][5] = -1e9;  // out of order
    QVERIFY_THROWS_EXCEPTION(lathe::Error, broken.get<Baseline>());
    broken = j;
    broken["constraints"][0]["alpha"] = 2;
    QVERIFY_THROWS_EXCEPTION(lathe::Error, broken.get<Baseline>());
    broken = j;
    broken["features"] = "nope";
    QVERIFY_THROWS_EXCEPTION(lathe::Error, broken.get<Baseline>());
  }

  void suggestsConstraints() {
    const Baseline& b = penguins();
    const FeatureConstraint* mass = b.constraint("Body Mass (g)");
    QVERIFY(mass);
    QCOMPARE(mass->type, std::string("float64"));
    QCOMPARE(mass->min, std::optional<double>(2700.0));
    QCOMPARE(mass->max, std::optional<double>(6300.0));
    // 2 of 344 missing: share + max(0.01, share / 2) = share + 0.01
    QVERIFY(near(*mass->maxMissingShare, 2.0 / 344 + 0.01));
    QVERIFY(!mass->allowedCategories);
    QVERIFY(mass->checkDistribution);
    QCOMPARE(mass->psiThreshold, 0.2);
    QCOMPARE(mass->psiFloor, 0.1);
    QCOMPARE(mass->alpha, 0.01);

    const FeatureConstraint* sex = b.constraint("Sex");
    QCOMPARE(sex->type, std::string("categorical"));
    // 10 of 344 missing: share + share / 2
    QVERIFY(near(*sex->maxMissingShare, 1.5 * 10.0 / 344));
    QCOMPARE(*sex->allowedCategories, (std::vector<std::string>{"MALE", "FEMALE", "."}));
    QVERIFY(!sex->min && !sex->max);

    // An all-missing column may stay all missing; a baseline without rows sets no limit.
    FeatureBaseline allMissing;
    allMissing.rows = 10;
    allMissing.missing = 10;
    QCOMPARE(*BaselineBuilder::suggest(allMissing).maxMissingShare, 1.0);
    QVERIFY(!BaselineBuilder::suggest(FeatureBaseline{}).maxMissingShare);

    // The non-const lookup edits in place; an unknown name is null.
    Baseline copy = b;
    copy.constraint("Sex")->checkDistribution = false;
    QVERIFY(!copy.constraint("Sex")->checkDistribution);
    QVERIFY(!copy.constraint("nope"));
    QVERIFY(!copy.feature("nope"));
  }

  void stopsWhenAsked() {
    lathe::jobs::NullProgressSink sink;
    std::stop_source stop;
    stop.request_stop();
    const lathe::jobs::JobContext context(stop.get_token(), sink);
    const Table table = importDataset("penguins.csv");
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, BaselineBuilder::build(table, "p", &context));
  }
};

QTEST_GUILESS_MAIN(tst_Baseline)
#include "tst_Baseline.moc"
