#include "engine/monitor/BiasAnalysis.h"

#include <algorithm>
#include <map>

#include "engine/core/Error.h"

namespace lathe::monitor {
namespace {

struct Tally {
  std::uint64_t rows = 0;
  std::uint64_t positive = 0;
  std::uint64_t actualPositive = 0;
  std::uint64_t found = 0;
};

}  // namespace

BiasReport BiasAnalysis::compute(const data::Column& attribute, std::span<const std::uint8_t> predictedPositive,
                                 std::span<const std::int8_t> actual, std::string positiveClass, std::uint64_t minRows) {
  if (attribute.isNumeric() && attribute.type() != data::ColumnType::Bool)
    throw Error(ErrorCode::InvalidArgument,
                "bias is measured between groups: \"" + attribute.name() + "\" holds numbers; choose a categorical column",
                {}, attribute.name());
  if (predictedPositive.size() != attribute.size() || (!actual.empty() && actual.size() != attribute.size()))
    throw Error(ErrorCode::Internal, "bias: the predictions and the attribute differ in length");
  std::map<std::string, Tally> groups;
  for (std::size_t row = 0; row < attribute.size(); ++row) {
    Tally& t = groups[attribute.isValid(row) ? attribute.displayText(row) : std::string("(missing)")];
    ++t.rows;
    t.positive += predictedPositive[row] != 0;
    if (!actual.empty() && actual[row] == 1) {
      ++t.actualPositive;
      t.found += predictedPositive[row] != 0;
    }
  }
  BiasReport report;
  report.attribute = attribute.name();
  report.positiveClass = std::move(positiveClass);
  double lowRate = 1.0, highRate = 0.0, lowRecall = 1.0, highRecall = 0.0;
  bool anyRate = false, anyRecall = false;
  for (const auto& [name, t] : groups) {
    GroupRates g;
    g.group = name;
    g.rows = t.rows;
    g.positiveRate = double(t.positive) / double(t.rows);
    if (t.actualPositive > 0) g.recall = double(t.found) / double(t.actualPositive);
    if (t.rows >= minRows) {
      anyRate = true;
      lowRate = std::min(lowRate, g.positiveRate);
      highRate = std::max(highRate, g.positiveRate);
      if (g.recall && t.actualPositive >= std::max<std::uint64_t>(1, minRows / 3)) {
        anyRecall = true;
        lowRecall = std::min(lowRecall, *g.recall);
        highRecall = std::max(highRecall, *g.recall);
      }
    }
    report.groups.push_back(std::move(g));
  }
  std::sort(report.groups.begin(), report.groups.end(), [](const auto& a, const auto& b) { return a.rows > b.rows; });
  report.parityGap = anyRate ? highRate - lowRate : 0.0;
  if (anyRecall) report.opportunityGap = highRecall - lowRecall;
  return report;
}

}  // namespace lathe::monitor
