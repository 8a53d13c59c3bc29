// Data insights on real data (penguins.csv, iris.arff, diabetes_progression.csv, flights-200k.csv
// through the real importer) and on generated bad inputs. Expected figures were computed once with
// pandas 1.5.3 (/usr/bin/python3) on the same files: isna().mean(), isna().sum(), duplicated().sum(),
// value_counts(); the comment beside each says which.
#include <QtTest>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <stop_token>
#include <string>
#include <vector>

#include "../DatasetFiles.h"
#include "StoppingSink.h"
#include "engine/data/ColumnGather.h"
#include "engine/data/Table.h"
#include "engine/insights/DataInsights.h"
#include "engine/insights/InsightsJob.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "engine/wrangle/StepRegistry.h"

using lathe::data::Column;
using lathe::data::Table;
using lathe::insights::DataInsight;
using lathe::insights::DataInsights;
using lathe::insights::InsightKind;
using lathe::insights::InsightSeverity;

namespace {

using ColumnPtr = std::shared_ptr<const Column>;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<DataInsight> insightsOf(const Table& table, const std::string& target = {}) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  return DataInsights::of(table, target, lathe::jobs::JobContext(stop.get_token(), sink));
}

const Table& penguins() {
  static const Table table = importDataset("penguins.csv");
  return table;
}

// The insights of one kind (and column, unless empty).
std::vector<DataInsight> only(const std::vector<DataInsight>& all, InsightKind kind, const std::string& column = {}) {
  std::vector<DataInsight> out;
  for (const auto& insight : all)
    if (insight.kind == kind && (column.empty() || insight.column == column)) out.push_back(insight);
  return out;
}

bool close(double a, double b) { return std::abs(a - b) <= 1e-12; }

ColumnPtr textColumn(const std::string& name, const std::vector<std::string>& cells) {
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  for (const auto& cell : cells) {
    bytes += cell;
    offsets.push_back(bytes.size());
  }
  return Column::text(name, std::move(offsets), std::move(bytes));
}

Table withColumns(const Table& table, std::vector<ColumnPtr> extra) {
  std::vector<ColumnPtr> columns = table.columns();
  columns.insert(columns.end(), extra.begin(), extra.end());
  return Table(std::move(columns));
}

// Applies the insight's fix the way a recipe does (create, fit, apply), checking on the way that
// StepRegistry accepts the parameters and the step echoes them back.
Table applyFix(const Table& table, const DataInsight& insight) {
  if (!insight.fix) qFatal("no fix");
  auto step = lathe::wrangle::StepRegistry::create(insight.fix->stepKind, insight.fix->parameters);
  for (const auto& [key, value] : insight.fix->parameters.items())
    if (step->parameters().at(key) != value) qFatal("parameter %s not echoed", key.c_str());
  step->fit(table, nullptr);
  return step->apply(table, nullptr);
}

bool stillReported(const std::vector<DataInsight>& all, const DataInsight& insight) {
  return !only(all, insight.kind, insight.column).empty();
}

// A table with a little of everything that insights look for, on penguins: a constant and a
// near-constant column, an identifier, a copy of the target, a mostly empty column, and the
// first 20 rows repeated at the end.
Table messyPenguins() {
  const Table& p = penguins();
  const std::size_t rows = p.rowCount();
  std::vector<std::string> ids, source;
  std::vector<std::int32_t> flagCodes;
  std::vector<double> sparse(rows, 0.0);
  lathe::data::Validity sparseMissing;
  for (std::size_t row = 0; row < rows; ++row) {
    ids.push_back("P" + std::to_string(1000 + row));
    source.push_back("vega");
    flagCodes.push_back(row % 40 == 0 ? 1 : 0);  // 9 of 344 rows are "yes": 97.4% "no"
    sparse[row] = double(row);
    if (row % 3 != 0) sparseMissing.setMissing(row, rows);  // two thirds missing
  }
  const auto& species = columnNamed(p, "Species");
  const Table wide = withColumns(p, {textColumn("Id", ids), textColumn("Source", source),
                                     Column::categorical("Flag", flagCodes, {"no", "yes"}),
                                     species.renamed("Species copy"),
                                     Column::float64("Sparse", sparse, sparseMissing)});
  std::vector<std::size_t> order(rows);
  for (std::size_t row = 0; row < rows; ++row) order[row] = row;
  for (std::size_t row = 0; row < 20; ++row) order.push_back(row);
  return lathe::data::gatherTable(wide, order);
}

}  // namespace

class tst_DataInsights : public QObject {
  Q_OBJECT

 private slots:
  void penguinsMissingValuesMatchPandas() {
    const auto all = insightsOf(penguins());
    // Nothing else is wrong with penguins.csv without a target.
    QCOMPARE(all.size(), std::size_t(5));
    const std::vector<std::string> order = {"Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)",
                                            "Body Mass (g)", "Sex"};
    for (std::size_t i = 0; i < all.size(); ++i) {
      QCOMPARE(all[i].kind, InsightKind::MissingValues);
      QCOMPARE(all[i].column, order[i]);  // table order within one severity
      QCOMPARE(all[i].severity, InsightSeverity::Info);
      QVERIFY(all[i].fix);
      QCOMPARE(all[i].fix->stepKind, std::string("fill_missing"));
    }
    // pandas: isna().mean() 0.005813953488372093 (2 rows) for each measurement, 0.029069767441860465
    // (10 rows) for Sex.
    QVERIFY(close(all[0].share, 0.005813953488372093));
    QCOMPARE(all[0].count, std::uint64_t(2));
    QVERIFY(close(all[4].share, 0.029069767441860465));
    QCOMPARE(all[4].count, std::uint64_t(10));
    QCOMPARE(all[0].fix->parameters.at("strategy"), nlohmann::json("median"));
    QCOMPARE(all[4].fix->parameters.at("strategy"), nlohmann::json("mode"));
    QCOMPARE(all[4].fix->parameters.at("columns"), nlohmann::json({"Sex"}));
    // Filled, they are gone; the other columns' warnings stay.
    const auto after = insightsOf(applyFix(penguins(), all[4]));
    QCOMPARE(after.size(), std::size_t(4));
    QVERIFY(!stillReported(after, all[4]));
  }

  void missingSeverityAndDropFollowTheShare() {
    // 1 of 10 missing: Info, fill; 2 of 10: Warning, fill; 5 of 10: High, drop the column.
    auto column = [](const std::string& name, int missing) {
      lathe::data::Validity v;
      for (int row = 0; row < missing; ++row) v.setMissing(std::size_t(row), 10);
      return Column::int64(name, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, v);
    };
    const Table t({column("a", 1), column("b", 2), column("c", 5)});
    const auto all = insightsOf(t);
    QCOMPARE(all.size(), std::size_t(3));
    QCOMPARE(all[0].column, std::string("c"));  // High first
    QCOMPARE(all[0].severity, InsightSeverity::High);
    QCOMPARE(all[0].fix->stepKind, std::string("drop_columns"));
    QCOMPARE(all[1].column, std::string("b"));
    QCOMPARE(all[1].severity, InsightSeverity::Warning);
    QCOMPARE(all[2].severity, InsightSeverity::Info);
    QCOMPARE(all[2].fix->parameters.at("strategy"), nlohmann::json("median"));
    for (const auto& insight : all) QVERIFY(!stillReported(insightsOf(applyFix(t, insight)), insight));
    // Bool, categorical, text and datetime columns are filled with their most frequent value.
    lathe::data::Validity gap;
    gap.setMissing(2, 10);
    std::vector<std::string> words = {"a", "b", "", "a", "c", "d", "e", "f", "g", "h"};
    const Table other({Column::boolean("bool", {1, 0, 0, 1, 1, 0, 1, 1, 0, 1}, gap),
                       Column::categorical("cat", {0, 1, -1, 0, 1, 0, 1, 0, 1, 0}, {"x", "y"}, gap),
                       Column::text("text", [&] {
                         std::vector<std::uint64_t> offsets{0};
                         std::uint64_t size = 0;
                         for (const auto& w : words) offsets.push_back(size += w.size());
                         return offsets;
                       }(), "abacdefgh", gap),
                       Column::datetime("when", {0, 86'400'000'000, 0, 5, 6, 7, 8, 9, 10, 11}, gap)});
    const auto filled = insightsOf(other);
    QCOMPARE(only(filled, InsightKind::MissingValues).size(), std::size_t(4));
    for (const auto& insight : only(filled, InsightKind::MissingValues)) {
      QCOMPARE(insight.fix->parameters.at("strategy"), nlohmann::json("mode"));
      QVERIFY(!stillReported(insightsOf(applyFix(other, insight)), insight));
    }
  }

  void constantAndNearConstantColumns() {
    const auto all = insightsOf(messyPenguins());
    const auto constant = only(all, InsightKind::ConstantColumn);
    QCOMPARE(constant.size(), std::size_t(1));
    QCOMPARE(constant[0].column, std::string("Source"));
    QCOMPARE(constant[0].detail, std::string("vega"));
    QCOMPARE(constant[0].count, std::uint64_t(364));
    QCOMPARE(constant[0].fix->parameters, nlohmann::json({{"columns", {"Source"}}}));
    const auto near = only(all, InsightKind::NearConstantColumn);
    QCOMPARE(near.size(), std::size_t(1));
    QCOMPARE(near[0].column, std::string("Flag"));
    QCOMPARE(near[0].detail, std::string("no"));
    // Rows 0, 40, ..., 320 are "yes" (9), and the repeated row 0 once more: 10 of 364.
    QCOMPARE(near[0].count, std::uint64_t(354));
    QVERIFY(close(near[0].share, 354.0 / 364.0));
    QCOMPARE(near[0].severity, InsightSeverity::Info);
    // A measurement with a common value is not near-constant, nor is the 2-level Island.
    QVERIFY(only(all, InsightKind::NearConstantColumn, "Island").empty());
  }

  void duplicatesAddedToIris() {
    const Table iris = importDataset("iris.arff");
    QCOMPARE(iris.rowCount(), std::size_t(150));
    // pandas: iris has 3 duplicated() rows already; 10 of its rows appended again make 13 of 160.
    std::vector<std::size_t> order;
    for (std::size_t row = 0; row < 150; ++row) order.push_back(row);
    for (std::size_t row = 0; row < 10; ++row) order.push_back(row * 15);
    const Table doubled = lathe::data::gatherTable(iris, order);
    const auto all = insightsOf(doubled, "class");
    const auto duplicates = only(all, InsightKind::DuplicateRows);
    QCOMPARE(duplicates.size(), std::size_t(1));
    QCOMPARE(duplicates[0].count, std::uint64_t(13));
    QVERIFY(close(duplicates[0].share, 13.0 / 160.0));
    QCOMPARE(duplicates[0].severity, InsightSeverity::Warning);  // above 5%
    QVERIFY(duplicates[0].column.empty());
    QCOMPARE(duplicates[0].fix->stepKind, std::string("drop_duplicates"));
    const Table fixed = applyFix(doubled, duplicates[0]);
    QCOMPARE(fixed.rowCount(), std::size_t(147));  // pandas: drop_duplicates() keeps 147
    QVERIFY(only(insightsOf(fixed, "class"), InsightKind::DuplicateRows).empty());
    // The original alone: 3 of 150 is 2%, Info.
    const auto original = only(insightsOf(iris), InsightKind::DuplicateRows);
    QCOMPARE(original.size(), std::size_t(1));
    QCOMPARE(original[0].count, std::uint64_t(3));
    QCOMPARE(original[0].severity, InsightSeverity::Info);
  }

  void duplicatesCompareMissingNaNAndNegativeZeroLikePandas() {
    lathe::data::Validity v;
    v.setMissing(1, 6);
    v.setMissing(2, 6);
    // Rows: 0.0 | missing | missing | NaN | NaN | -0.0 -> duplicates: row 2 (missing), row 4 (NaN),
    // row 5 (-0.0 equals 0.0). A valid NaN is not a missing value when comparing rows.
    const Table t({Column::float64("x", {0.0, 0.0, 0.0, kNaN, kNaN, -0.0}, v)});
    const auto duplicates = only(insightsOf(t), InsightKind::DuplicateRows);
    QCOMPARE(duplicates.size(), std::size_t(1));
    QCOMPARE(duplicates[0].count, std::uint64_t(3));
    const Table fixed = applyFix(t, duplicates[0]);
    QCOMPARE(fixed.rowCount(), std::size_t(3));
    QVERIFY(only(insightsOf(fixed), InsightKind::DuplicateRows).empty());
  }

  void identifiersAreHighCardinalityNotLeakage() {
    // penguins.csv is sorted by species, so a row number alone "predicts" Species: it must be
    // reported as an identifier, never as leakage.
    const Table& p = penguins();
    std::vector<std::int64_t> rowNumbers;
    std::vector<std::string> names;
    for (std::size_t row = 0; row < p.rowCount(); ++row) {
      rowNumbers.push_back(std::int64_t(row) + 1);
      names.push_back("penguin " + std::to_string(row));
    }
    const Table t = withColumns(p, {Column::int64("Row", rowNumbers), textColumn("Name", names)});
    const auto all = insightsOf(t, "Species");
    QVERIFY(only(all, InsightKind::TargetLeakage).empty());
    const auto high = only(all, InsightKind::HighCardinality);
    QCOMPARE(high.size(), std::size_t(2));
    QCOMPARE(high[0].column, std::string("Row"));
    QCOMPARE(high[1].column, std::string("Name"));
    QCOMPARE(high[1].count, std::uint64_t(344));
    QCOMPARE(high[1].share, 1.0);
    QCOMPARE(high[1].severity, InsightSeverity::Warning);
    for (const auto& insight : high) QVERIFY(!stillReported(insightsOf(applyFix(t, insight), "Species"), insight));
    // Measurements are not identifiers: Body Mass (g) is int-like but repeats, and float64 never counts.
    QVERIFY(only(insightsOf(p, "Species"), InsightKind::HighCardinality).empty());
    // Nor is the target itself, even when every value differs.
    QVERIFY(only(insightsOf(t, "Name"), InsightKind::HighCardinality, "Name").empty());
  }

  void copiedTargetIsLeakageAndDroppingItFixesIt() {
    // Without the copy, no penguin feature predicts Species by itself (pandas crosstab: Island
    // gets 244 of 344 right).
    QVERIFY(only(insightsOf(penguins(), "Species"), InsightKind::TargetLeakage).empty());
    const Table messy = messyPenguins();
    const auto all = insightsOf(messy, "Species");
    const auto leaks = only(all, InsightKind::TargetLeakage);
    QCOMPARE(leaks.size(), std::size_t(1));
    QCOMPARE(leaks[0].column, std::string("Species copy"));
    QCOMPARE(leaks[0].detail, std::string("Species"));
    QCOMPARE(leaks[0].share, 1.0);
    QCOMPARE(leaks[0].count, std::uint64_t(364));
    QCOMPARE(leaks[0].severity, InsightSeverity::High);
    QCOMPARE(all.front().kind, InsightKind::TargetLeakage);  // High comes first
    QCOMPARE(leaks[0].fix->parameters, nlohmann::json({{"columns", {"Species copy"}}}));
    QVERIFY(only(insightsOf(applyFix(messy, leaks[0]), "Species"), InsightKind::TargetLeakage).empty());
  }

  void leakageScoreIsLeaveOneOutMajorityAccuracy() {
    // A copy of Species with every 50th (25th) row saying "Gentoo". Expected from pandas'
    // crosstab(copy, Species), each row predicted by the majority of the other rows of its level:
    // 339 of 344 = 0.98547, reported; 335 of 344 = 0.97384, below 0.98, not reported.
    const Table& p = penguins();
    const Column& species = columnNamed(p, "Species");
    auto noisyCopy = [&](std::size_t step) {
      std::vector<std::string> cells;
      for (std::size_t row = 0; row < p.rowCount(); ++row) cells.push_back(row % step == 0 ? "Gentoo" : species.displayText(row));
      return withColumns(p, {textColumn("Label", cells)});
    };
    const auto fifty = only(insightsOf(noisyCopy(50), "Species"), InsightKind::TargetLeakage);
    QCOMPARE(fifty.size(), std::size_t(1));
    QVERIFY(close(fifty[0].share, 339.0 / 344.0));
    QCOMPARE(fifty[0].count, std::uint64_t(344));
    QVERIFY(only(insightsOf(noisyCopy(25), "Species"), InsightKind::TargetLeakage).empty());
    // Two rows in five hold a value of their own (41% distinct: not an identifier), the others the
    // species. Fitted on the same rows every level would be "right" (score 1); left out, a row
    // alone in its level is predicted by the majority class, so the feature scores about 0.78.
    std::vector<std::string> cells;
    for (std::size_t row = 0; row < p.rowCount(); ++row)
      cells.push_back(row % 5 < 2 ? "u" + std::to_string(row) : species.displayText(row));
    const Table partly = withColumns(p, {textColumn("Label", cells)});
    QVERIFY(only(insightsOf(partly, "Species"), InsightKind::HighCardinality).empty());
    QVERIFY(only(insightsOf(partly, "Species"), InsightKind::TargetLeakage).empty());
  }

  void numericTargetLeakageByBinnedR2() {
    // diabetes_progression.csv: a regression target; its features explain at most ~0.34 of it
    // alone (pandas: bmi's r^2 = 0.344), a noisy copy explains almost all.
    const Table d = importDataset("diabetes_progression.csv");
    QVERIFY(only(insightsOf(d, "progression"), InsightKind::TargetLeakage).empty());
    const Column& y = columnNamed(d, "progression");
    std::vector<double> copy(y.size());
    for (std::size_t row = 0; row < y.size(); ++row) copy[row] = y.numericAt(row) * 2.0 + (row % 3 == 0 ? 0.5 : -0.5);
    const Table t = withColumns(d, {Column::float64("progression score", copy)});
    const auto leaks = only(insightsOf(t, "progression"), InsightKind::TargetLeakage);
    QCOMPARE(leaks.size(), std::size_t(1));
    QCOMPARE(leaks[0].column, std::string("progression score"));
    // numpy, once: edges sorted(copy)[k * 441 // 20] for k = 1..19, bins by searchsorted(side="left"),
    // leave-one-out R^2 of the bin means = 0.994091476008279.
    QVERIFY2(std::abs(leaks[0].share - 0.994091476008279) < 1e-9, qPrintable(QString::number(leaks[0].share, 'g', 17)));
    QVERIFY(only(insightsOf(applyFix(t, leaks[0]), "progression"), InsightKind::TargetLeakage).empty());
  }

  void imbalancedTarget() {
    // pandas value_counts(): Sex is MALE 168, FEMALE 165, "." 1 (and 10 missing): "." is 1 of 334.
    const auto all = insightsOf(penguins(), "Sex");
    const auto imbalance = only(all, InsightKind::ClassImbalance);
    QCOMPARE(imbalance.size(), std::size_t(1));
    QCOMPARE(imbalance[0].column, std::string("Sex"));
    QCOMPARE(imbalance[0].detail, std::string("."));
    QCOMPARE(imbalance[0].count, std::uint64_t(1));
    QVERIFY(close(imbalance[0].share, 1.0 / 334.0));
    QVERIFY(!imbalance[0].fix);
    // The target's missing values are fixed by dropping those rows, never by inventing labels.
    const auto missing = only(all, InsightKind::MissingValues, "Sex");
    QCOMPARE(missing.size(), std::size_t(1));
    QCOMPARE(missing[0].fix->stepKind, std::string("filter_rows"));
    const Table kept = applyFix(penguins(), missing[0]);
    QCOMPARE(kept.rowCount(), std::size_t(334));
    QVERIFY(!stillReported(insightsOf(kept, "Sex"), missing[0]));
    // Species is not imbalanced (pandas: 152 / 124 / 68), nor is a balanced 0/1 target.
    QVERIFY(only(insightsOf(penguins(), "Species"), InsightKind::ClassImbalance).empty());
    // A 0/1 int64 target with 3% ones is a class label, and imbalanced.
    std::vector<std::int64_t> label(200, 0);
    for (std::size_t row = 0; row < 6; ++row) label[row * 30] = 1;
    std::vector<double> x(200);
    for (std::size_t row = 0; row < 200; ++row) x[row] = double(row % 17);
    const auto rare = only(insightsOf(Table({Column::float64("x", x), Column::int64("y", label)}), "y"),
                           InsightKind::ClassImbalance);
    QCOMPARE(rare.size(), std::size_t(1));
    QCOMPARE(rare[0].detail, std::string("1"));
    QVERIFY(close(rare[0].share, 0.03));
    // Thirty equal classes are not imbalanced although each is 3.3% of the rows.
    std::vector<std::int32_t> codes(300);
    std::vector<double> z(300);
    std::vector<std::string> levels;
    for (std::size_t row = 0; row < 300; ++row) codes[row] = std::int32_t(row % 30), z[row] = double(row % 7);
    for (int l = 0; l < 30; ++l) levels.push_back("c" + std::to_string(l));
    const Table thirty({Column::float64("z", z), Column::categorical("y", codes, levels)});
    QVERIFY(only(insightsOf(thirty, "y"), InsightKind::ClassImbalance).empty());
  }

  void everyFixPassesTheRegistryAndRemovesItsWarning() {
    const Table messy = messyPenguins();
    for (const std::string target : {"", "Species", "Sex"}) {
      const auto all = insightsOf(messy, target);
      int fixes = 0;
      for (const auto& insight : all) {
        if (!insight.fix) continue;
        ++fixes;
        const Table fixed = applyFix(messy, insight);
        QVERIFY2(!stillReported(insightsOf(fixed, target), insight),
                 qPrintable(QString::fromStdString(target + ": " + insight.column)));
      }
      QVERIFY(fixes >= 9);  // 5 missing, Sparse, Id, Source, Flag, duplicates (+ the copy with Species)
    }
  }

  void badInputs() {
    // Empty tables, a table of one row, all-missing, infinities, NaN, Unicode and "]" in names.
    QVERIFY(insightsOf(Table()).empty());
    QVERIFY(insightsOf(Table({Column::float64("a", {}), textColumn("b", {})}), "a").empty());
    const auto one = insightsOf(Table({Column::float64("a", {1.5}), textColumn("b", {"x"})}), "b");
    QVERIFY(one.empty());  // one row is no pattern: not constant, not imbalanced
    lathe::data::Validity none;
    for (std::size_t row = 0; row < 4; ++row) none.setMissing(row, 4);
    const Table odd({Column::float64("무게 [kg]", {kInf, -kInf, kNaN, 1.0}), Column::float64("empty", {0, 0, 0, 0}, none),
                     Column::categorical("y]", {0, -1, 1, 0}, {"a", "b"}, [] {
                       lathe::data::Validity v;
                       v.setMissing(1, 4);
                       return v;
                     }())});
    const auto all = insightsOf(odd, "y]");
    const auto empty = only(all, InsightKind::MissingValues, "empty");
    QCOMPARE(empty.size(), std::size_t(1));
    QCOMPARE(empty[0].share, 1.0);
    QCOMPARE(empty[0].fix->stepKind, std::string("drop_columns"));
    QVERIFY(only(all, InsightKind::ConstantColumn, "empty").empty());  // no value at all is not constant
    // NaN is missing, as pandas' isna() says.
    QCOMPARE(only(all, InsightKind::MissingValues, "무게 [kg]").at(0).count, std::uint64_t(1));
    // A target named "y]" is written [y]]] in the filter formula, and the filter runs.
    const auto target = only(all, InsightKind::MissingValues, "y]");
    QCOMPARE(target.size(), std::size_t(1));
    QCOMPARE(target[0].fix->parameters.at("formula"), nlohmann::json("not is_missing([y]]])"));
    QCOMPARE(applyFix(odd, target[0]).rowCount(), std::size_t(3));
    // A target the table lacks is no target.
    QCOMPARE(insightsOf(penguins(), "no such column").size(), std::size_t(5));
  }

  void stopTokenIsHonoured() {
    const std::size_t rows = 2'000'000;
    std::vector<double> values(rows);
    for (std::size_t row = 0; row < rows; ++row) values[row] = double(row % 1000) * 0.5;
    const Table t({Column::float64("a", values), Column::float64("b", values), Column::float64("c", values)});
    std::stop_source stop;
    StoppingSink sink(stop, 0.3);
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled,
                             DataInsights::of(t, "a", lathe::jobs::JobContext(stop.get_token(), sink)));
    QVERIFY(!sink.fractions.empty());
    QVERIFY(sink.fractions.back() < 0.9);  // stopped before the duplicate pass
  }

  void jobRunsOnASnapshot() {
    auto table = std::make_shared<const Table>(messyPenguins());
    lathe::insights::InsightsJob job(table, "Species");
    lathe::jobs::NullProgressSink sink;
    std::stop_source stop;
    lathe::jobs::JobContext context(stop.get_token(), sink);
    job.run(context);
    QCOMPARE(job.table().get(), table.get());
    QCOMPARE(job.target(), std::string("Species"));
    QCOMPARE(job.results().size(), insightsOf(*table, "Species").size());
    QCOMPARE(job.results().front().kind, InsightKind::TargetLeakage);
    lathe::insights::InsightsJob empty(nullptr, {});
    empty.run(context);
    QVERIFY(empty.results().empty());
  }

  void flightsRegressionTarget() {
    // flights-200k.csv: delay (int64, many values) is a regression target; distance and time
    // do not give it away, no column is missing anything, and there are duplicate rows.
    const Table f = importDataset("flights-200k.csv");
    QCOMPARE(f.rowCount(), std::size_t(200000));
    const auto all = insightsOf(f, "delay");
    QVERIFY(only(all, InsightKind::TargetLeakage).empty());
    QVERIFY(only(all, InsightKind::MissingValues).empty());
    QVERIFY(only(all, InsightKind::ClassImbalance).empty());
    const auto duplicates = only(all, InsightKind::DuplicateRows);
    QCOMPARE(duplicates.size(), std::size_t(1));
    QCOMPARE(duplicates[0].count, std::uint64_t(6073));  // pandas: duplicated().sum()
  }

  void threeMillionRowsInBoundedTime() {
    const std::size_t rows = 3'000'000;
    std::mt19937_64 random(7);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::vector<double> measure(rows);
    std::vector<std::int64_t> ids(rows), small(rows);
    std::vector<std::int32_t> label(rows);
    std::vector<std::uint8_t> flag(rows);
    std::vector<std::uint64_t> offsets{0};
    std::string bytes;
    lathe::data::Validity gaps;
    for (std::size_t row = 0; row < rows; ++row) {
      measure[row] = normal(random);
      ids[row] = std::int64_t(row) * 7 + 3;
      small[row] = std::int64_t(random() % 50);
      flag[row] = random() % 100 == 0;
      const auto city = random() % 5000;
      label[row] = city % 8 == 0 ? 1 : 0;  // 12.5% ones, given away by the city: leakage by design
      bytes += "city " + std::to_string(city);
      offsets.push_back(bytes.size());
      if (row % 10 == 0) gaps.setMissing(row, rows);
    }
    const Table t({Column::float64("measure", measure, gaps), Column::int64("id", ids), Column::int64("small", small),
                   Column::boolean("flag", flag), Column::text("city", offsets, bytes),
                   Column::categorical("label", label, {"no", "yes"})});
    const auto start = std::chrono::steady_clock::now();
    const auto all = insightsOf(t, "label");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    qInfo("3,000,000 rows x 6 columns: %.2f s", seconds);
    QVERIFY2(seconds < 20.0, qPrintable(QString::number(seconds)));
    QCOMPARE(only(all, InsightKind::HighCardinality).size(), std::size_t(2));  // id; city has 5000 levels
    QCOMPARE(only(all, InsightKind::HighCardinality, "id").size(), std::size_t(1));
    QCOMPARE(only(all, InsightKind::HighCardinality, "city").at(0).count, std::uint64_t(5000));
    QCOMPARE(only(all, InsightKind::MissingValues, "measure").at(0).count, std::uint64_t(300000));
    QCOMPARE(only(all, InsightKind::NearConstantColumn, "flag").size(), std::size_t(1));
    QVERIFY(only(all, InsightKind::DuplicateRows).empty());
    QCOMPARE(only(all, InsightKind::TargetLeakage).size(), std::size_t(1));
    QCOMPARE(only(all, InsightKind::TargetLeakage).at(0).column, std::string("city"));
    QVERIFY(only(all, InsightKind::ClassImbalance).empty());
  }
};

QTEST_APPLESS_MAIN(tst_DataInsights)
#include "tst_DataInsights.moc"
