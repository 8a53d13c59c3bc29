// Data drift on real data (engine/monitor/DriftAnalysis): 200,000 vega flights and the German
// credit data. A random sample of the baseline's own rows drifts nowhere; a feature moved by one
// standard deviation, or a categorical one re-weighted, drifts alone; broken constraints are
// reported with their counts; the report's JSON has the keys the CLI prints.
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <stop_token>
#include <string>
#include <vector>

#include "../DatasetFiles.h"
#include "engine/data/Column.h"
#include "engine/data/ColumnGather.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/monitor/BaselineBuilder.h"
#include "engine/monitor/DriftAnalysis.h"

using lathe::data::Column;
using lathe::data::Table;
using lathe::monitor::Baseline;
using lathe::monitor::BaselineBuilder;
using lathe::monitor::DriftAnalysis;
using lathe::monitor::DriftReport;
using lathe::monitor::FeatureDrift;
using lathe::monitor::Violation;
using nlohmann::json;
using Kind = Violation::Kind;

namespace {

struct Data {
  Table table;
  Baseline baseline;
};

const Data& flights() {
  static const Data data = [] {
    Data d;
    d.table = importDataset("flights-200k.csv");
    d.baseline = BaselineBuilder::build(d.table, "flights-200k.csv");
    return d;
  }();
  return data;
}

const Data& credit() {
  static const Data data = [] {
    Data d;
    d.table = importDataset("credit-g.arff");
    d.baseline = BaselineBuilder::build(d.table, "credit-g.arff");
    return d;
  }();
  return data;
}

// `count` rows of `table` drawn without replacement (seeded).
Table sample(const Table& table, std::size_t count, unsigned seed) {
  std::vector<std::size_t> rows(table.rowCount());
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  std::mt19937_64 rng(seed);
  std::shuffle(rows.begin(), rows.end(), rng);
  rows.resize(count);
  return lathe::data::gatherTable(table, rows);
}

// `table` with the column called `name` replaced by `column` (which keeps that name).
Table replaced(const Table& table, const std::string& name, std::shared_ptr<const Column> column) {
  auto columns = table.columns();
  columns[*table.indexOf(name)] = std::move(column);
  return Table(std::move(columns));
}

const FeatureDrift& driftOf(const DriftReport& report, const std::string& name) {
  for (const auto& f : report.features)
    if (f.name == name) return f;
  qFatal("no feature %s", name.c_str());
}

std::vector<std::string> drifted(const DriftReport& report) {
  std::vector<std::string> names;
  for (const auto& f : report.features)
    if (f.drift) names.push_back(f.name);
  return names;
}

const Violation* violationOf(const DriftReport& report, const std::string& feature, Kind kind) {
  for (const auto& v : report.violations)
    if (v.feature == feature && v.kind == kind) return &v;
  return nullptr;
}

QString summary(const DriftReport& report) { return QString::fromStdString(json(report).dump()); }

// The largest PSI and the smallest p-value of a report, for the log.
void logExtremes(const char* what, const DriftReport& report) {
  double psi = 0.0;
  double p = 1.0;
  for (const auto& f : report.features) {
    psi = std::max(psi, f.psi.value_or(0.0));
    p = std::min(p, f.pValue.value_or(1.0));
  }
  qInfo("%s: largest PSI %.4g, smallest p-value %.4g", what, psi, p);
}

}  // namespace

class tst_DriftAnalysis : public QObject {
  Q_OBJECT
 private slots:
  void aSampleOfTheBaselineDoesNotDrift() {
    // flights: 20,000 of the 200,000 rows.
    const Data& f = flights();
    QCOMPARE(f.baseline.rows, std::uint64_t(200000));
    DriftReport report = DriftAnalysis::compare(f.baseline, sample(f.table, 20000, 7));
    logExtremes("flights sample", report);
    QCOMPARE(report.rows, std::uint64_t(20000));
    QCOMPARE(report.features.size(), std::size_t(3));
    QVERIFY2(drifted(report).empty(), qPrintable(summary(report)));
    QVERIFY2(report.violations.empty(), qPrintable(summary(report)));
    for (const auto& d : report.features) {
      QCOMPARE(d.test, std::string("ks"));
      QVERIFY2(*d.psi < 0.01 && *d.pValue > 0.01, qPrintable(summary(report)));
      QCOMPARE(d.binLabels.size(), d.currentShares.size());
    }

    // credit-g: 500 of the 1,000 applicants, 13 categorical and 7 numeric features.
    const Data& c = credit();
    report = DriftAnalysis::compare(c.baseline, sample(c.table, 500, 11));
    logExtremes("credit-g sample", report);
    QCOMPARE(report.features.size(), std::size_t(21));
    QVERIFY2(drifted(report).empty(), qPrintable(summary(report)));
    QVERIFY2(report.violations.empty(), qPrintable(summary(report)));
    QCOMPARE(driftOf(report, "purpose").test, std::string("chi_square"));
    QCOMPARE(driftOf(report, "age").test, std::string("ks"));
  }

  void aShiftedFeatureDriftsAlone() {
    const Data& f = flights();
    const Table batch = sample(f.table, 20000, 7);
    // delay + one standard deviation (32 minutes), everything else untouched.
    const Column& delay = columnNamed(batch, "delay");
    const double shift = std::round(f.baseline.feature("delay")->stddev);
    QVERIFY(shift > 30 && shift < 34);
    std::vector<std::int64_t> later(delay.int64Values().begin(), delay.int64Values().end());
    for (auto& v : later) v += std::int64_t(shift);
    const DriftReport report =
        DriftAnalysis::compare(f.baseline, replaced(batch, "delay", Column::int64("delay", later, delay.validity())));
    QCOMPARE(drifted(report), std::vector<std::string>{"delay"});
    const FeatureDrift& d = driftOf(report, "delay");
    QVERIFY2(*d.psi >= 0.2 && *d.pValue < 1e-10, qPrintable(summary(report)));
    QVERIFY(*d.statistic > 0.2);
    const Violation* v = violationOf(report, "delay", Kind::Drift);
    QVERIFY(v);
    QVERIFY2(v->detail.find("PSI") != std::string::npos, v->detail.c_str());
    // The overlay: one label per bin, "(-inf, a]" ... "(z, inf)".
    QCOMPARE(d.binLabels.front().substr(0, 6), std::string("(-inf,"));
    QCOMPARE(d.binLabels.back().substr(d.binLabels.back().size() - 6), std::string(", inf)"));
    QCOMPARE(d.baselineShares.size(), d.binLabels.size());

    // credit-g: purpose drawn evenly from its levels instead of its real mix (radio/tv 28%,
    // new car 23%, ...), independently of the other columns.
    const Data& c = credit();
    const Table applicants = sample(c.table, 500, 11);
    const Column& purpose = columnNamed(applicants, "purpose");
    std::vector<std::int32_t> codes(applicants.rowCount());
    std::mt19937 rng(3);
    std::uniform_int_distribution<std::int32_t> pick(0, std::int32_t(purpose.levels().size()) - 1);
    for (auto& code : codes) code = pick(rng);
    const DriftReport reweighted = DriftAnalysis::compare(
        c.baseline, replaced(applicants, "purpose", Column::categorical("purpose", codes, purpose.levels())));
    QCOMPARE(drifted(reweighted), std::vector<std::string>{"purpose"});
    const FeatureDrift& p = driftOf(reweighted, "purpose");
    QCOMPARE(p.test, std::string("chi_square"));
    QVERIFY2(*p.psi >= 0.2 && *p.pValue < 1e-10, qPrintable(summary(reweighted)));
    QCOMPARE(p.binLabels.front(), std::string("radio/tv"));  // the baseline's most frequent level first
  }

  void reportsBrokenConstraints() {
    const Data& f = flights();
    const Table batch = sample(f.table, 1000, 5);
    // distance: 3 values below the minimum 30, 7 above the maximum 4962.
    const Column& distance = columnNamed(batch, "distance");
    std::vector<std::int64_t> far(distance.int64Values().begin(), distance.int64Values().end());
    for (int i = 0; i < 3; ++i) far[std::size_t(100 + i)] = 5;
    for (int i = 0; i < 7; ++i) far[std::size_t(200 + i)] = 9999;
    // time: every fifth value missing (20%, the limit is 1%).
    const Column& time = columnNamed(batch, "time");
    std::vector<double> times(time.float64Values().begin(), time.float64Values().end());
    lathe::data::Validity holes;
    for (std::size_t row = 0; row < times.size(); row += 5) holes.setMissing(row, times.size());
    Table broken = replaced(batch, "distance", Column::int64("distance", far));
    broken = replaced(broken, "time", Column::float64("time", times, holes));
    DriftReport report = DriftAnalysis::compare(f.baseline, broken);

    const Violation* range = violationOf(report, "distance", Kind::OutOfRange);
    QVERIFY2(range, qPrintable(summary(report)));
    QCOMPARE(range->count, std::uint64_t(10));
    QCOMPARE(range->example, std::string("5"));
    QVERIFY2(range->detail == "3 values below the minimum 30 (e.g. 5); 7 values above the maximum 4962 (e.g. 9999)",
             range->detail.c_str());
    const Violation* missing = violationOf(report, "time", Kind::MissingShare);
    QVERIFY2(missing, qPrintable(summary(report)));
    QCOMPARE(missing->count, std::uint64_t(200));
    QVERIFY2(missing->detail.find("20%") == 0, missing->detail.c_str());
    QCOMPARE(driftOf(report, "time").missing, std::uint64_t(200));
    QVERIFY(!violationOf(report, "delay", Kind::OutOfRange));

    // credit-g: 5 applicants living in a "tent", age read as text, no foreign_worker column.
    const Data& c = credit();
    const Table applicants = sample(c.table, 400, 9);
    const Column& housing = columnNamed(applicants, "housing");
    std::vector<std::int32_t> codes(housing.codes().begin(), housing.codes().end());
    std::vector<std::string> levels = housing.levels();
    levels.push_back("tent");
    for (int i = 0; i < 5; ++i) codes[std::size_t(10 * i)] = std::int32_t(levels.size() - 1);
    const Column& age = columnNamed(applicants, "age");
    std::vector<std::uint64_t> offsets{0};
    std::string bytes;
    for (std::size_t row = 0; row < age.size(); ++row) {
      bytes += age.displayText(row) + " years";
      offsets.push_back(bytes.size());
    }
    Table odd = replaced(applicants, "housing", Column::categorical("housing", codes, levels));
    odd = replaced(odd, "age", Column::text("age", offsets, bytes));
    std::vector<std::size_t> keep;
    for (std::size_t i = 0; i < odd.columnCount(); ++i)
      if (odd.column(i).name() != "foreign_worker") keep.push_back(i);
    odd = odd.select(keep);
    report = DriftAnalysis::compare(c.baseline, odd);

    const Violation* unseen = violationOf(report, "housing", Kind::UnseenCategory);
    QVERIFY2(unseen, qPrintable(summary(report)));
    QCOMPARE(unseen->count, std::uint64_t(5));
    QCOMPARE(unseen->example, std::string("tent"));
    const FeatureDrift& h = driftOf(report, "housing");
    QCOMPARE(h.binLabels.back(), std::string("(other)"));
    QCOMPARE(h.baselineShares.back(), 0.0);
    QCOMPARE(h.currentShares.back(), 5.0 / 400.0);

    const Violation* type = violationOf(report, "age", Kind::TypeMismatch);
    QVERIFY2(type, qPrintable(summary(report)));
    QCOMPARE(type->count, std::uint64_t(400));
    QVERIFY2(type->detail == "expected int64, the batch has text" || type->detail == "expected float64, the batch has text",
             type->detail.c_str());
    QCOMPARE(driftOf(report, "age").test, std::string("none"));

    const Violation* gone = violationOf(report, "foreign_worker", Kind::MissingColumn);
    QVERIFY2(gone, qPrintable(summary(report)));
    QCOMPARE(driftOf(report, "foreign_worker").test, std::string("none"));
    // Nothing else: 3 violations in all.
    QVERIFY2(report.violations.size() == 3, qPrintable(summary(report)));

    // An int64 batch column against a float64 baseline is fine (both numbers).
    Baseline asFloat = f.baseline;
    asFloat.constraint("distance")->type = "float64";
    report = DriftAnalysis::compare(asFloat, batch);
    QVERIFY(report.violations.empty());
    // Constraints switched off are not checked.
    asFloat.constraint("distance")->min.reset();
    asFloat.constraint("distance")->max.reset();
    report = DriftAnalysis::compare(asFloat, broken);
    QVERIFY(!violationOf(report, "distance", Kind::OutOfRange));
  }

  void jsonHasTheCliKeys() {
    const Data& f = flights();
    const DriftReport report = DriftAnalysis::compare(f.baseline, sample(f.table, 2000, 1));
    const json j = report;
    QVERIFY(j.at("rows").is_number_unsigned());
    QCOMPARE(j.at("rows").get<std::uint64_t>(), std::uint64_t(2000));
    QVERIFY(j.at("features").is_array());
    QVERIFY(j.at("violations").is_array());
    for (const json& feature : j.at("features")) {
      for (const char* key : {"name", "test", "statistic", "p_value", "psi", "drift", "rows", "missing", "bins"})
        QVERIFY2(feature.contains(key), key);
      QVERIFY(feature.at("statistic").is_number());
      QVERIFY(feature.at("p_value").is_number());
      QVERIFY(feature.at("drift").is_boolean());
      QVERIFY(!feature.contains("note"));  // only when there is one
      const json& bin = feature.at("bins").at(0);
      QVERIFY(bin.contains("label") && bin.contains("baseline") && bin.contains("current"));
    }
    QCOMPARE(json(json::parse(j.dump()).get<DriftReport>()), j);

    // A violation: {"feature", "kind", "count", "detail", "example"}.
    Baseline strict = f.baseline;
    strict.constraint("delay")->max = 0.0;
    const json v = json(DriftAnalysis::compare(strict, sample(f.table, 2000, 1))).at("violations").at(0);
    QCOMPARE(v.at("feature"), json("delay"));
    QCOMPARE(v.at("kind"), json("out_of_range"));
    QVERIFY(v.at("count").get<std::uint64_t>() > 0);
    for (const char* key : {"detail", "example"}) QVERIFY(v.at(key).is_string());
  }

  void stopsWhenAsked() {
    lathe::jobs::NullProgressSink sink;
    std::stop_source stop;
    stop.request_stop();
    const lathe::jobs::JobContext context(stop.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled,
                             DriftAnalysis::compare(flights().baseline, flights().table, &context));
  }
};

QTEST_GUILESS_MAIN(tst_DriftAnalysis)
#include "tst_DriftAnalysis.moc"
