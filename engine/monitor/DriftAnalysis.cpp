#include "engine/monitor/DriftAnalysis.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/core/Error.h"
#include "engine/data/ColumnType.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ParallelFor.h"
#include "engine/monitor/DriftStatistics.h"
#include "engine/monitor/FiniteValues.h"

namespace lathe::monitor {
namespace {

using data::Column;
using data::ColumnType;
using Lookup = std::unordered_map<std::string_view, std::size_t>;
constexpr std::size_t kUnseen = static_cast<std::size_t>(-1);

bool isNumberType(ColumnType type) { return type == ColumnType::Float64 || type == ColumnType::Int64; }
bool isCategoryType(ColumnType type) {
  return type == ColumnType::Bool || type == ColumnType::Categorical || type == ColumnType::Text;
}

// Types that hold the same kind of value: int64 and float64 are both numbers; categorical and
// text are both strings (the importer picks one or the other by how often values repeat, so a
// small batch of a categorical column often reads as text).
bool sameKindOfValue(const std::string& expected, ColumnType actual) {
  const auto type = data::columnTypeFromName(expected);
  if (!type) return false;
  if (*type == actual) return true;
  if (isNumberType(*type) && isNumberType(actual)) return true;
  const auto isString = [](ColumnType t) { return t == ColumnType::Categorical || t == ColumnType::Text; };
  return isString(*type) && isString(actual);
}

// Up to 6 significant digits; whole numbers below 1e15 in full (an edge of 1234567 reads
// "1234567", not "1.23457e+06").
std::string formatNumber(double value) {
  char buffer[40];
  if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e15)
    std::snprintf(buffer, sizeof buffer, "%.0f", value == 0.0 ? 0.0 : value);
  else
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

std::string formatPercent(double share) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.3g%%", share * 100.0);
  return buffer;
}

std::string plural(std::uint64_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// Calls visit(row, index, text) for every valid value of a bool, categorical or text column,
// `index` being the value's position in `lookup` or kUnseen. Bools read "false" and "true".
template <typename Visit>
void forEachCategory(const Column& column, const Lookup& lookup, Visit&& visit) {
  const auto find = [&](std::string_view text) {
    const auto it = lookup.find(text);
    return it == lookup.end() ? kUnseen : it->second;
  };
  switch (column.type()) {
    case ColumnType::Bool: {
      const std::size_t index[2] = {find("false"), find("true")};
      const auto values = column.boolValues();
      for (std::size_t row = 0; row < values.size(); ++row)
        if (column.isValid(row)) visit(row, index[values[row] ? 1 : 0], std::string_view(values[row] ? "true" : "false"));
      break;
    }
    case ColumnType::Categorical: {
      const auto& levels = column.levels();
      std::vector<std::size_t> index(levels.size());
      for (std::size_t i = 0; i < levels.size(); ++i) index[i] = find(levels[i]);
      const auto codes = column.codes();
      for (std::size_t row = 0; row < codes.size(); ++row)
        if (column.isValid(row) && codes[row] >= 0 && std::size_t(codes[row]) < levels.size())
          visit(row, index[std::size_t(codes[row])], std::string_view(levels[std::size_t(codes[row])]));
      break;
    }
    case ColumnType::Text:
      for (std::size_t row = 0; row < column.size(); ++row)
        if (column.isValid(row)) {
          const std::string_view text = column.textAt(row);
          visit(row, find(text), text);
        }
      break;
    default: break;
  }
}

Lookup lookupOf(const std::vector<std::string>& names) {
  Lookup lookup;
  lookup.reserve(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) lookup.emplace(names[i], i);
  return lookup;
}

std::vector<std::string> numericLabels(const std::vector<double>& edges) {
  std::vector<std::string> labels;
  std::string previous = "-inf";
  for (double edge : edges) {
    const std::string shown = formatNumber(edge);
    labels.push_back("(" + previous + ", " + shown + "]");
    previous = shown;
  }
  labels.push_back("(" + previous + ", inf)");
  return labels;
}

// The overlay chart's bins and the baseline's shares, the batch's shares all 0 (to be filled in).
void showBaseline(const FeatureBaseline& baseline, FeatureDrift& d) {
  if (baseline.kind == FeatureKind::Numeric) {
    if (baseline.binShares.size() != baseline.binEdges.size() + 1)
      throw Error(ErrorCode::InvalidArgument,
                  "baseline of '" + baseline.name + "': expected one bin share more than bin edges");
    d.binLabels = numericLabels(baseline.binEdges);
    d.baselineShares = baseline.binShares;
  } else {
    if (baseline.binShares.size() != baseline.categories.size())
      throw Error(ErrorCode::InvalidArgument, "baseline of '" + baseline.name + "': expected one share per category");
    d.binLabels = baseline.categories;
    d.baselineShares = baseline.binShares;
    if (baseline.otherShare > 0.0) {
      d.binLabels.push_back("(other)");
      d.baselineShares.push_back(baseline.otherShare);
    }
  }
  d.currentShares.assign(d.binLabels.size(), 0.0);
}

void compareNumbers(const FeatureBaseline& baseline, const Column& column, FeatureDrift& d) {
  const std::vector<double> values = sortedFiniteValues(column);
  d.missing = d.rows - values.size();
  if (baseline.validCount() == 0 || baseline.quantiles.empty()) {
    d.note = "no valid values in the baseline";
    return;
  }
  showBaseline(baseline, d);
  if (values.empty()) {
    d.note = "no valid values in the batch";
    return;
  }
  std::size_t previous = 0;
  const double m = double(values.size());
  for (std::size_t i = 0; i < baseline.binEdges.size(); ++i) {
    const auto upTo = static_cast<std::size_t>(
        std::upper_bound(values.begin(), values.end(), baseline.binEdges[i]) - values.begin());
    d.currentShares[i] = double(upTo - previous) / m;
    previous = upTo;
  }
  d.currentShares.back() = double(values.size() - previous) / m;
  const TestResult ks = DriftStatistics::kolmogorovSmirnov(baseline.quantiles, baseline.validCount(), values);
  d.test = "ks";
  d.statistic = ks.statistic;
  d.pValue = ks.pValue;
  d.psi = DriftStatistics::psi(d.baselineShares, d.currentShares);
}

void compareCategories(const FeatureBaseline& baseline, const Column& column, FeatureDrift& d) {
  const Lookup lookup = lookupOf(baseline.categories);
  std::vector<std::uint64_t> counts(baseline.categories.size() + 1, 0);  // the last cell: "(other)"
  std::uint64_t valid = 0;
  forEachCategory(column, lookup, [&](std::size_t, std::size_t index, std::string_view) {
    ++counts[index == kUnseen ? counts.size() - 1 : index];
    ++valid;
  });
  d.missing = d.rows - valid;
  if (baseline.validCount() == 0 || baseline.categories.empty()) {
    d.note = "no valid values in the baseline";
    return;
  }
  showBaseline(baseline, d);
  if (baseline.otherShare <= 0.0 && counts.back() > 0) {  // values the baseline never saw
    d.binLabels.push_back("(other)");
    d.baselineShares.push_back(0.0);
    d.currentShares.push_back(0.0);
  }
  if (valid == 0) {
    d.note = "no valid values in the batch";
    return;
  }
  for (std::size_t i = 0; i < d.currentShares.size(); ++i) d.currentShares[i] = double(counts[i]) / double(valid);
  std::vector<double> expected = baseline.binShares;
  expected.push_back(baseline.otherShare);
  const TestResult chi = DriftStatistics::chiSquare(expected, counts);
  d.test = "chi_square";
  d.statistic = chi.statistic;
  d.pValue = chi.pValue;
  d.psi = DriftStatistics::psi(d.baselineShares, d.currentShares);
}

// The constraint of features[i]: constraints[i] when it names the same column, else the one
// with that name, else the defaults (nothing but the distribution checked).
FeatureConstraint constraintOf(const Baseline& baseline, std::size_t i) {
  const std::string& name = baseline.features[i].name;
  if (i < baseline.constraints.size() && baseline.constraints[i].name == name) return baseline.constraints[i];
  if (const FeatureConstraint* c = baseline.constraint(name)) return *c;
  FeatureConstraint c;
  c.name = name;
  return c;
}

void checkRange(const FeatureConstraint& constraint, const Column& column, std::vector<Violation>& out) {
  if (!isNumberType(column.type()) || (!constraint.min && !constraint.max)) return;
  std::uint64_t below = 0;
  std::uint64_t above = 0;
  std::optional<std::size_t> firstBelow;
  std::optional<std::size_t> firstAbove;
  std::optional<std::size_t> first;
  const auto check = [&](std::size_t row, double v) {
    if (constraint.min && v < *constraint.min) {
      if (!firstBelow) firstBelow = row;
      if (!first) first = row;
      ++below;
    } else if (constraint.max && v > *constraint.max) {
      if (!firstAbove) firstAbove = row;
      if (!first) first = row;
      ++above;
    }
  };
  if (column.type() == ColumnType::Float64) {
    const auto raw = column.float64Values();
    for (std::size_t row = 0; row < raw.size(); ++row)
      if (column.isValid(row) && std::isfinite(raw[row])) check(row, raw[row]);
  } else {
    const auto raw = column.int64Values();
    for (std::size_t row = 0; row < raw.size(); ++row)
      if (column.isValid(row)) check(row, double(raw[row]));
  }
  if (below + above == 0) return;
  Violation v;
  v.feature = constraint.name;
  v.kind = Violation::Kind::OutOfRange;
  v.count = below + above;
  v.example = column.displayText(*first);
  if (below > 0)
    v.detail = plural(below, "value", "values") + " below the minimum " + formatNumber(*constraint.min) + " (e.g. " +
               column.displayText(*firstBelow) + ")";
  if (above > 0)
    v.detail += std::string(below > 0 ? "; " : "") + plural(above, "value", "values") + " above the maximum " +
                formatNumber(*constraint.max) + " (e.g. " + column.displayText(*firstAbove) + ")";
  out.push_back(std::move(v));
}

void checkCategories(const FeatureConstraint& constraint, const Column& column, std::vector<Violation>& out) {
  if (!constraint.allowedCategories || !isCategoryType(column.type())) return;
  const Lookup allowed = lookupOf(*constraint.allowedCategories);
  std::uint64_t unseen = 0;
  std::string example;
  forEachCategory(column, allowed, [&](std::size_t, std::size_t index, std::string_view text) {
    if (index != kUnseen) return;
    if (unseen++ == 0) example = std::string(text);
  });
  if (unseen == 0) return;
  Violation v;
  v.feature = constraint.name;
  v.kind = Violation::Kind::UnseenCategory;
  v.count = unseen;
  v.example = example;
  v.detail = plural(unseen, "value", "values") + " outside the " +
             plural(constraint.allowedCategories->size(), "allowed level", "allowed levels") + " (e.g. \"" + example +
             "\")";
  out.push_back(std::move(v));
}

struct FeatureResult {
  FeatureDrift drift;
  std::vector<Violation> violations;
};

FeatureResult compareOne(const FeatureBaseline& feature, const FeatureConstraint& constraint,
                         const data::Table& batch) {
  FeatureResult result;
  const auto index = batch.indexOf(feature.name);
  if (!index) {
    result.drift.name = feature.name;
    result.drift.test = "none";
    result.drift.rows = batch.rowCount();
    result.drift.note = "the batch has no column '" + feature.name + "'";
    Violation v;
    v.feature = feature.name;
    v.kind = Violation::Kind::MissingColumn;
    v.detail = "the batch has no column '" + feature.name + "'";
    result.violations.push_back(std::move(v));
    return result;
  }
  const Column& column = batch.column(*index);
  result.drift = DriftAnalysis::compareFeature(feature, constraint, column);
  const FeatureDrift& d = result.drift;
  if (d.rows == 0) return result;  // an empty batch breaks no constraint: there is nothing in it

  const std::uint64_t valid = d.rows - d.missing;
  // The type of a column without a single value says nothing (the importer reads one as float64).
  if (!constraint.type.empty() && column.missingCount() < column.size() &&
      !sameKindOfValue(constraint.type, column.type())) {
    Violation v;
    v.feature = feature.name;
    v.kind = Violation::Kind::TypeMismatch;
    v.count = column.size() - column.missingCount();
    for (std::size_t row = 0; row < column.size() && v.example.empty(); ++row)
      if (column.isValid(row)) v.example = column.displayText(row);
    v.detail = "expected " + constraint.type + ", the batch has " + std::string(data::columnTypeName(column.type()));
    result.violations.push_back(std::move(v));
  }
  if (constraint.maxMissingShare) {
    const double share = double(d.missing) / double(d.rows);
    if (share > *constraint.maxMissingShare) {
      Violation v;
      v.feature = feature.name;
      v.kind = Violation::Kind::MissingShare;
      v.count = d.missing;
      v.detail = formatPercent(share) + " of the values are missing (" + plural(d.missing, "row", "rows") +
                 "; at most " + formatPercent(*constraint.maxMissingShare) + " allowed)";
      result.violations.push_back(std::move(v));
    }
  }
  if (valid > 0) {
    checkRange(constraint, column, result.violations);
    checkCategories(constraint, column, result.violations);
  }
  if (d.drift) {
    Violation v;
    v.feature = feature.name;
    v.kind = Violation::Kind::Drift;
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "PSI %.3g, %s p-value %.3g", d.psi.value_or(0.0),
                  d.test == "ks" ? "KS" : "chi-square", d.pValue.value_or(1.0));
    v.detail = std::string("the distribution moved: ") + buffer;
    result.violations.push_back(std::move(v));
  }
  return result;
}

}  // namespace

FeatureDrift DriftAnalysis::compareFeature(const FeatureBaseline& baseline, const FeatureConstraint& constraint,
                                           const data::Column& column) {
  FeatureDrift d;
  d.name = baseline.name;
  d.test = "none";
  d.rows = column.size();
  d.missing = column.missingCount();
  if (d.rows == 0) {
    d.note = "the batch has no rows";
    return d;
  }
  if (baseline.kind == FeatureKind::Untested) {
    d.note = "a " + (baseline.type.empty() ? std::string("datetime") : baseline.type) +
             " column is not tested for drift";
    return d;
  }
  if (column.missingCount() == column.size()) {
    // Nothing to test, whatever the type (the importer reads an empty column as float64).
    d.missing = d.rows;
    if (baseline.validCount() == 0) {
      d.note = "no valid values in the baseline";
      return d;
    }
    showBaseline(baseline, d);
    d.note = "no valid values in the batch";
    return d;
  }
  switch (baseline.kind) {
    case FeatureKind::Untested: break;
    case FeatureKind::Numeric:
      if (!isNumberType(column.type())) {
        d.note = "the batch column is " + std::string(data::columnTypeName(column.type())) + ", not numbers";
        return d;
      }
      compareNumbers(baseline, column, d);
      break;
    case FeatureKind::Categorical:
      if (!isCategoryType(column.type())) {
        d.note = "the batch column is " + std::string(data::columnTypeName(column.type())) + ", not categories";
        return d;
      }
      compareCategories(baseline, column, d);
      break;
  }
  if (d.psi && d.pValue && constraint.checkDistribution)
    d.drift = *d.psi >= constraint.psiThreshold || (*d.pValue < constraint.alpha && *d.psi >= constraint.psiFloor);
  return d;
}

DriftReport DriftAnalysis::compare(const Baseline& baseline, const data::Table& batch,
                                   const jobs::JobContext* context) {
  DriftReport report;
  report.rows = batch.rowCount();
  const std::size_t count = baseline.features.size();
  std::vector<FeatureResult> results(count);
  std::atomic<std::size_t> done{0};
  jobs::parallelFor(count, 0, [&](std::size_t i) {
    if (context) context->throwIfStopped();
    results[i] = compareOne(baseline.features[i], constraintOf(baseline, i), batch);
    if (context) context->progress(double(++done) / double(count), "Comparing columns with the baseline");
  });
  report.features.reserve(count);
  for (auto& r : results) {
    report.features.push_back(std::move(r.drift));
    for (auto& v : r.violations) report.violations.push_back(std::move(v));
  }
  return report;
}

}  // namespace lathe::monitor
