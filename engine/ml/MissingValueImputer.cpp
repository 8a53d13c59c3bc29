#include "engine/ml/MissingValueImputer.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/core/Error.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {

namespace {

constexpr std::uint64_t kMaxFeatures = 1u << 24;

double median(std::span<const double> column) {
  std::vector<double> present;
  present.reserve(column.size());
  for (double v : column)
    if (!std::isnan(v)) present.push_back(v);
  if (present.empty()) return 0.0;
  const std::size_t half = present.size() / 2;
  std::nth_element(present.begin(), present.begin() + static_cast<std::ptrdiff_t>(half), present.end());
  const double upper = present[half];
  if (present.size() % 2 == 1) return upper;
  const double lower = *std::max_element(present.begin(), present.begin() + static_cast<std::ptrdiff_t>(half));
  return (lower + upper) / 2.0;
}

// The most frequent value; the smallest among ties (as SimpleImputer's most_frequent).
double mostFrequent(std::span<const double> column) {
  std::map<double, std::size_t> counts;
  for (double v : column)
    if (!std::isnan(v)) ++counts[v];
  double best = 0.0;
  std::size_t bestCount = 0;
  for (const auto& [value, count] : counts)
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  return best;
}

}  // namespace

void MissingValueImputer::fit(const TrainingData& data) {
  const FeatureMatrix& x = data.x;
  std::vector<double> fills(x.cols(), 0.0);
  const auto kind = [&](std::size_t c) {
    return data.origins.size() == x.cols() ? data.origins[c].kind : FeatureOrigin::Kind::Number;
  };
  for (std::size_t c = 0; c < x.cols();) {
    if (kind(c) == FeatureOrigin::Kind::Number) {
      fills[c] = median(x.column(c));
      ++c;
    } else if (kind(c) == FeatureOrigin::Kind::CategoryCode) {
      fills[c] = mostFrequent(x.column(c));
      ++c;
    } else {
      // One category's indicators: the level set in the most rows wins (the first among ties).
      std::size_t end = c, best = c;
      double bestOnes = -1.0;
      while (end < x.cols() && kind(end) == FeatureOrigin::Kind::CategoryIndicator &&
             data.origins[end].column == data.origins[c].column) {
        double ones = 0.0;
        for (double v : x.column(end))
          if (v == 1.0) ones += 1.0;
        if (ones > bestOnes) {
          bestOnes = ones;
          best = end;
        }
        ++end;
      }
      fills[best] = 1.0;
      c = end;
    }
  }
  fills_ = std::move(fills);
}

FeatureMatrix MissingValueImputer::filled(const FeatureMatrix& x) const {
  if (x.cols() != fills_.size())
    throw Error(ErrorCode::InvalidArgument, "the missing-value fill was learned for " + std::to_string(fills_.size()) +
                                                " features; this data has " + std::to_string(x.cols()));
  FeatureMatrix out = x;
  for (std::size_t c = 0; c < out.cols(); ++c)
    for (double& v : out.column(c))
      if (std::isnan(v)) v = fills_[c];
  return out;
}

void MissingValueImputer::save(ModelWriter& out) const { out.f64s(fills_); }

void MissingValueImputer::load(ModelReader& in) {
  const std::size_t at = in.offset();
  auto fills = in.f64s();
  const bool finite = std::all_of(fills.begin(), fills.end(), [](double v) { return std::isfinite(v); });
  if (fills.size() > kMaxFeatures || !finite)
    throw Error(ErrorCode::Parse, "model file: bad missing-value fills",
                ErrorLocation{{}, -1, -1, static_cast<std::int64_t>(at)});
  fills_ = std::move(fills);
}

}  // namespace lathe::ml
