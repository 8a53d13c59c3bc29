// BAD_INPUTS case 38, drift: empty windows, constant or all-missing columns, unseen categories,
// a single row. Each gives the result docs/monitoring-statistics.md documents, no division by
// zero, and JSON whose every number is finite.
#include <QtTest>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "../DatasetFiles.h"
#include "engine/data/Column.h"
#include "engine/data/ColumnGather.h"
#include "engine/monitor/BaselineBuilder.h"
#include "engine/monitor/DriftAnalysis.h"

using lathe::data::Column;
using lathe::data::Table;
using lathe::data::Validity;
using lathe::monitor::Baseline;
using lathe::monitor::BaselineBuilder;
using lathe::monitor::DriftAnalysis;
using lathe::monitor::DriftReport;
using lathe::monitor::FeatureDrift;
using lathe::monitor::FeatureKind;
using lathe::monitor::Violation;
using nlohmann::json;
using Kind = Violation::Kind;

namespace {

// Every number in `j` is finite (JSON has no NaN or infinity; nlohmann would write them as null
// and a reader would choke on a figure that silently vanished).
bool allFinite(const json& j) {
  if (j.is_number_float()) return std::isfinite(j.get<double>());
  if (j.is_structured())
    for (const json& item : j)
      if (!allFinite(item)) return false;
  return true;
}

bool finiteReport(const DriftReport& report) {
  const json j = report;
  return allFinite(j) && allFinite(json::parse(j.dump()));
}

std::shared_ptr<const Column> textColumn(const std::string& name, const std::vector<std::string>& values) {
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  for (const auto& v : values) {
    bytes += v;
    offsets.push_back(bytes.size());
  }
  return Column::text(name, std::move(offsets), std::move(bytes));
}

std::shared_ptr<const Column> categories(const std::string& name, const std::vector<std::string>& values) {
  std::vector<std::string> levels;
  std::vector<std::int32_t> codes;
  for (const auto& v : values) {
    auto it = std::find(levels.begin(), levels.end(), v);
    if (it == levels.end()) it = levels.insert(levels.end(), v);
    codes.push_back(std::int32_t(it - levels.begin()));
  }
  return Column::categorical(name, std::move(codes), std::move(levels));
}

Validity allMissing(std::size_t rows) {
  Validity v;
  for (std::size_t row = 0; row < rows; ++row) v.setMissing(row, rows);
  return v;
}

const FeatureDrift& driftOf(const DriftReport& report, const std::string& name) {
  for (const auto& f : report.features)
    if (f.name == name) return f;
  qFatal("no feature %s", name.c_str());
}

const Violation* violationOf(const DriftReport& report, const std::string& feature, Kind kind) {
  for (const auto& v : report.violations)
    if (v.feature == feature && v.kind == kind) return &v;
  return nullptr;
}

bool validP(const FeatureDrift& d) { return d.pValue && *d.pValue >= 0.0 && *d.pValue <= 1.0; }

QString shown(const DriftReport& report) { return QString::fromStdString(json(report).dump()); }

// penguins.csv: 344 rows, 4 measurements (float64), Species, Island, Sex (categorical).
const Table& penguins() {
  static const Table table = importDataset("penguins.csv");
  return table;
}
const Baseline& penguinBaseline() {
  static const Baseline baseline = BaselineBuilder::build(penguins(), "penguins.csv");
  return baseline;
}

}  // namespace

class tst_DriftBadInputs : public QObject {
  Q_OBJECT
 private slots:
  void emptyBatch() {
    // The same columns, no rows: nothing tested, nothing drifts, nothing violated.
    const Table empty = lathe::data::gatherTable(penguins(), std::vector<std::size_t>{});
    QCOMPARE(empty.rowCount(), std::size_t(0));
    DriftReport report = DriftAnalysis::compare(penguinBaseline(), empty);
    QCOMPARE(report.rows, std::uint64_t(0));
    QCOMPARE(report.features.size(), std::size_t(7));
    for (const auto& d : report.features) {
      QCOMPARE(d.test, std::string("none"));
      QCOMPARE(d.note, std::string("the batch has no rows"));
      QVERIFY(!d.drift && !d.statistic && !d.pValue && !d.psi);
      QCOMPARE(d.rows, std::uint64_t(0));
    }
    QVERIFY2(report.violations.empty(), qPrintable(shown(report)));
    QVERIFY(finiteReport(report));

    // No columns at all: every baseline column is missing, and that is the only violation.
    report = DriftAnalysis::compare(penguinBaseline(), Table());
    QCOMPARE(report.features.size(), std::size_t(7));
    QCOMPARE(report.violations.size(), std::size_t(7));
    for (const auto& v : report.violations) QCOMPARE(v.kind, Kind::MissingColumn);
    for (const auto& d : report.features) {
      QCOMPARE(d.test, std::string("none"));
      QVERIFY(!d.drift);
    }
    QVERIFY(finiteReport(report));
    const json j = report;
    QVERIFY(j.at("features").at(0).at("psi").is_null());
    QVERIFY(j.at("features").at(0).contains("note"));
  }

  void batchColumnAllMissing() {
    // 50 rows: the beak length all missing (float64), Sex all missing, as an empty CSV column
    // reads (float64, though the baseline's Sex is categorical).
    const Table sample = lathe::data::gatherTable(penguins(), [] {
      std::vector<std::size_t> rows(50);
      for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i * 6;
      return rows;
    }());
    auto columns = sample.columns();
    columns[*sample.indexOf("Beak Length (mm)")] =
        Column::float64("Beak Length (mm)", std::vector<double>(50, std::nan("")), allMissing(50));
    columns[*sample.indexOf("Sex")] = Column::float64("Sex", std::vector<double>(50, std::nan("")), allMissing(50));
    const DriftReport report = DriftAnalysis::compare(penguinBaseline(), Table(columns));
    for (const char* name : {"Beak Length (mm)", "Sex"}) {
      const FeatureDrift& d = driftOf(report, name);
      QCOMPARE(d.test, std::string("none"));
      QCOMPARE(d.note, std::string("no valid values in the batch"));
      QCOMPARE(d.missing, std::uint64_t(50));
      QVERIFY(!d.drift && !d.psi && !d.pValue);
      // The chart still shows the baseline; the batch has nothing in any bin.
      QVERIFY(!d.baselineShares.empty());
      for (double share : d.currentShares) QCOMPARE(share, 0.0);
      const Violation* v = violationOf(report, name, Kind::MissingShare);
      QVERIFY2(v, qPrintable(shown(report)));
      QCOMPARE(v->count, std::uint64_t(50));
      QVERIFY2(v->detail.find("100%") == 0, v->detail.c_str());
      // An all-missing column's type says nothing: no type mismatch.
      QVERIFY(!violationOf(report, name, Kind::TypeMismatch));
    }
    QVERIFY(finiteReport(report));

    // Within the limit (the user allows everything missing): no violation.
    Baseline lenient = penguinBaseline();
    lenient.constraint("Sex")->maxMissingShare = 1.0;
    const DriftReport allowed = DriftAnalysis::compare(lenient, Table(columns));
    QVERIFY(!violationOf(allowed, "Sex", Kind::MissingShare));

    // NaN and infinities are not measurements: they count as missing.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const Baseline one = BaselineBuilder::build(Table({Column::float64("x", {1, 2, 3, 4, 5})}), "x");
    const DriftReport odd = DriftAnalysis::compare(one, Table({Column::float64("x", {nan, inf, -inf})}));
    QCOMPARE(odd.features[0].note, std::string("no valid values in the batch"));
    QCOMPARE(odd.features[0].missing, std::uint64_t(3));
    QVERIFY(violationOf(odd, "x", Kind::MissingShare));
    QVERIFY(!violationOf(odd, "x", Kind::OutOfRange));
    QVERIFY(finiteReport(odd));
  }

  void constantBaselineColumn() {
    // 200 rows of 5: one distinct quantile, one bin edge (5): (-inf, 5] holds everything.
    const Baseline b = BaselineBuilder::build(
        Table({Column::float64("c", std::vector<double>(200, 5.0)), Column::int64("k", std::vector<std::int64_t>(200, 7))}),
        "constant");
    const auto& c = *b.feature("c");
    QCOMPARE(c.quantiles.front(), 5.0);
    QCOMPARE(c.quantiles.back(), 5.0);
    QCOMPARE(c.stddev, 0.0);
    QCOMPARE(c.binEdges, std::vector<double>{5.0});
    QCOMPARE(c.binShares, (std::vector<double>{1.0, 0.0}));

    // The same constant: D 0, p 1, PSI 0, no drift.
    DriftReport report = DriftAnalysis::compare(
        b, Table({Column::float64("c", std::vector<double>(30, 5.0)), Column::int64("k", std::vector<std::int64_t>(30, 7))}));
    for (const auto& d : report.features) {
      QCOMPARE(d.test, std::string("ks"));
      QCOMPARE(*d.statistic, 0.0);
      QCOMPARE(*d.pValue, 1.0);
      QCOMPARE(*d.psi, 0.0);
      QVERIFY(!d.drift);
    }
    QCOMPARE(driftOf(report, "c").binLabels, (std::vector<std::string>{"(-inf, 5]", "(5, inf)"}));
    QVERIFY(report.violations.empty());
    QVERIFY(finiteReport(report));

    // Half the batch moved to 6: D 0.5, the empty upper bin now holds half (PSI large), drift,
    // and the values above the constant break its range.
    std::vector<double> moved(30, 5.0);
    std::fill(moved.begin() + 15, moved.end(), 6.0);
    report = DriftAnalysis::compare(
        b, Table({Column::float64("c", moved), Column::int64("k", std::vector<std::int64_t>(30, 7))}));
    const FeatureDrift& d = driftOf(report, "c");
    QCOMPARE(*d.statistic, 0.5);
    QVERIFY(validP(d) && *d.pValue < 0.01);
    QVERIFY(*d.psi > 1.0);
    QVERIFY(d.drift);
    QVERIFY(!driftOf(report, "k").drift);
    const Violation* range = violationOf(report, "c", Kind::OutOfRange);
    QVERIFY(range);
    QCOMPARE(range->count, std::uint64_t(15));
    QCOMPARE(range->example, std::string("6"));
    QVERIFY(violationOf(report, "c", Kind::Drift));
    QVERIFY(finiteReport(report));

    // A constant categorical baseline: one cell, so chi-square has nothing to compare (p 1),
    // but PSI still sees new values arrive in "(other)".
    const Baseline cat = BaselineBuilder::build(Table({categories("s", std::vector<std::string>(40, "a"))}), "s");
    report = DriftAnalysis::compare(cat, Table({categories("s", {"a", "b", "b", "b"})}));
    const FeatureDrift& s = driftOf(report, "s");
    QCOMPARE(s.test, std::string("chi_square"));
    QCOMPARE(*s.statistic, 0.0);
    QCOMPARE(*s.pValue, 1.0);
    QVERIFY(*s.psi >= 0.2 && s.drift);
    QCOMPARE(s.binLabels, (std::vector<std::string>{"a", "(other)"}));
    QVERIFY(finiteReport(report));
  }

  void baselineColumnAllMissing() {
    // A baseline column without a single value: nothing to compare with.
    const Baseline b = BaselineBuilder::build(
        Table({Column::float64("x", std::vector<double>(20, 0.0), allMissing(20)),
               Column::categorical("s", std::vector<std::int32_t>(20, -1), {"a"}, allMissing(20))}),
        "hollow");
    QCOMPARE(b.feature("x")->quantiles.size(), std::size_t(0));
    QCOMPARE(b.feature("x")->missing, std::uint64_t(20));
    QVERIFY(b.feature("s")->categories.empty());
    QCOMPARE(*b.constraint("x")->maxMissingShare, 1.0);
    QVERIFY(!b.constraint("x")->min);
    QVERIFY(!b.constraint("s")->allowedCategories);  // no levels seen: no list that would reject all
    const DriftReport report = DriftAnalysis::compare(
        b, Table({Column::float64("x", {1, 2, 3}), Column::categorical("s", {0, 1, 1}, {"a", "b"})}));
    for (const auto& d : report.features) {
      QCOMPARE(d.test, std::string("none"));
      QCOMPARE(d.note, std::string("no valid values in the baseline"));
      QVERIFY(!d.drift && !d.psi);
      QVERIFY(d.binLabels.empty());
    }
    QVERIFY2(report.violations.empty(), qPrintable(shown(report)));
    QVERIFY(finiteReport(report));
    QVERIFY(allFinite(json(b)));
  }

  void unseenCategories() {
    // Every batch value is new: all of it lands in "(other)", where the baseline expected nothing;
    // chi-square pools it into the least expected level, and stays finite.
    const Baseline& b = penguinBaseline();
    std::vector<std::size_t> rows{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    auto columns = lathe::data::gatherTable(penguins(), rows).columns();
    const Table probe(columns);
    columns[*probe.indexOf("Island")] = textColumn("Island", std::vector<std::string>(10, "Atlantis"));
    DriftReport report = DriftAnalysis::compare(b, Table(columns));
    const FeatureDrift& d = driftOf(report, "Island");
    QCOMPARE(d.test, std::string("chi_square"));
    QCOMPARE(d.binLabels.back(), std::string("(other)"));
    QCOMPARE(d.currentShares.back(), 1.0);
    QCOMPARE(d.baselineShares.back(), 0.0);
    QVERIFY(validP(d));
    QVERIFY(d.drift);
    const Violation* v = violationOf(report, "Island", Kind::UnseenCategory);
    QVERIFY(v);
    QCOMPARE(v->count, std::uint64_t(10));
    QCOMPARE(v->example, std::string("Atlantis"));
    // text where the baseline had categorical: both are strings, no type mismatch.
    QVERIFY(!violationOf(report, "Island", Kind::TypeMismatch));
    QVERIFY(finiteReport(report));

    // A baseline with more than 1,000 levels keeps the rest as an "other" share, which new
    // values are expected against.
    std::vector<std::string> many;
    for (int i = 0; i < 1200; ++i) many.push_back("id" + std::to_string(i));
    for (int i = 0; i < 1000; ++i) many.push_back("id" + std::to_string(i));  // the first 1,000 twice
    const Baseline ids = BaselineBuilder::build(Table({textColumn("id", many)}), "ids");
    QVERIFY(std::abs(ids.features[0].otherShare - 200.0 / 2200.0) < 1e-12);
    QVERIFY(!ids.constraints[0].allowedCategories);
    report = DriftAnalysis::compare(ids, Table({textColumn("id", {"id1", "id2", "new1", "new2"})}));
    const FeatureDrift& idDrift = report.features[0];
    QCOMPARE(idDrift.binLabels.back(), std::string("(other)"));
    QVERIFY(std::abs(idDrift.baselineShares.back() - 200.0 / 2200.0) < 1e-12);
    QCOMPARE(idDrift.currentShares.back(), 0.5);
    QVERIFY(validP(idDrift));
    QVERIFY(report.violations.size() <= 1);  // at most the drift; no list of allowed values
    QVERIFY(finiteReport(report));
  }

  void singleRow() {
    // One row, as a one-line CSV batch reads: the categorical columns come back as text.
    const Baseline& b = penguinBaseline();
    const Table row = lathe::data::gatherTable(penguins(), std::vector<std::size_t>{0});
    auto columns = row.columns();
    for (const char* name : {"Species", "Island", "Sex"}) {
      const Column& c = columnNamed(row, name);
      columns[*row.indexOf(name)] = textColumn(name, {c.displayText(0)});
    }
    const DriftReport report = DriftAnalysis::compare(b, Table(columns));
    QCOMPARE(report.rows, std::uint64_t(1));
    for (const auto& d : report.features) {
      QVERIFY2(d.test == "ks" || d.test == "chi_square", d.name.c_str());
      QVERIFY2(validP(d), d.name.c_str());
      QVERIFY(d.statistic && std::isfinite(*d.statistic));
      QVERIFY(d.psi && std::isfinite(*d.psi));
      QCOMPARE(d.rows, std::uint64_t(1));
    }
    // A single Adelie against a third of them: chi-square of 1 observation, 2 degrees of freedom.
    const FeatureDrift& species = driftOf(report, "Species");
    QCOMPARE(species.test, std::string("chi_square"));
    // One value moves every share: PSI reads that as drift, which is the honest answer.
    for (const auto& v : report.violations)
      QVERIFY2(v.kind == Kind::Drift, qPrintable(shown(report)));
    QVERIFY(finiteReport(report));

    // A single-row baseline works too: quantiles all equal to its value.
    const Baseline lone = BaselineBuilder::build(Table({Column::float64("x", {3.5})}), "lone");
    QCOMPARE(lone.features[0].quantiles.size(), std::size_t(1001));
    QCOMPARE(lone.features[0].stddev, 0.0);
    const DriftReport again = DriftAnalysis::compare(lone, Table({Column::float64("x", {3.5})}));
    QVERIFY(validP(again.features[0]));
    QVERIFY(!again.features[0].drift);
    QVERIFY(finiteReport(again));
  }

  void baselineFromAnEmptyTable() {
    // The columns of penguins.csv without rows: nothing described, nothing limited.
    const Table empty = lathe::data::gatherTable(penguins(), std::vector<std::size_t>{});
    const Baseline b = BaselineBuilder::build(empty, "empty");
    QCOMPARE(b.rows, std::uint64_t(0));
    QCOMPARE(b.features.size(), std::size_t(7));
    for (const auto& f : b.features) {
      QCOMPARE(f.rows, std::uint64_t(0));
      QCOMPARE(f.missingShare(), 0.0);
      QVERIFY(f.quantiles.empty() && f.categories.empty() && f.binShares.empty());
    }
    for (const auto& c : b.constraints) {
      QVERIFY(!c.maxMissingShare && !c.min && !c.max && !c.allowedCategories);
    }
    QVERIFY(allFinite(json(b)));
    QCOMPARE(json(json::parse(json(b).dump()).get<Baseline>()), json(b));

    const DriftReport report = DriftAnalysis::compare(b, penguins());
    for (const auto& d : report.features) {
      QCOMPARE(d.test, std::string("none"));
      QCOMPARE(d.note, std::string("no valid values in the baseline"));
      QVERIFY(!d.drift);
    }
    QVERIFY2(report.violations.empty(), qPrintable(shown(report)));
    QVERIFY(finiteReport(report));

    // An empty baseline against an empty batch: still defined.
    const DriftReport nothing = DriftAnalysis::compare(b, empty);
    for (const auto& d : nothing.features) QCOMPARE(d.note, std::string("the batch has no rows"));
    QVERIFY(nothing.violations.empty());

    // A table without columns gives a baseline without features.
    const Baseline none = BaselineBuilder::build(Table(), "nothing");
    QCOMPARE(none.rows, std::uint64_t(0));
    QVERIFY(none.features.empty());
    QVERIFY(DriftAnalysis::compare(none, penguins()).features.empty());
  }

  void datetimeIsNotTested() {
    const Baseline b = BaselineBuilder::build(Table({Column::datetime("when", {0, 1'000'000, 2'000'000})}), "t");
    QCOMPARE(b.features[0].kind, FeatureKind::Untested);
    const DriftReport report = DriftAnalysis::compare(b, Table({Column::datetime("when", {5'000'000'000})}));
    QCOMPARE(report.features[0].test, std::string("none"));
    QCOMPARE(report.features[0].note, std::string("a datetime column is not tested for drift"));
    QVERIFY(report.violations.empty());
    QVERIFY(finiteReport(report));
  }
};

QTEST_GUILESS_MAIN(tst_DriftBadInputs)
#include "tst_DriftBadInputs.moc"
