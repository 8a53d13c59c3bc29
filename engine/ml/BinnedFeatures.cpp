#include "engine/ml/BinnedFeatures.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ParallelFor.h"

namespace lathe::ml {
namespace {

// The non-missing values a feature's edges are computed from: all of them, or an evenly spread
// seeded sample for big inputs (the edges of quantiles barely move, and sorting stays cheap).
std::vector<double> edgeSample(std::span<const double> column) {
  std::vector<double> values;
  if (column.size() <= BinnedFeatures::kQuantileSampleRows) {
    values.reserve(column.size());
    for (double v : column)
      if (!std::isnan(v)) values.push_back(v);
    return values;
  }
  std::mt19937_64 random(0x5eed);
  std::uniform_int_distribution<std::size_t> pick(0, column.size() - 1);
  values.reserve(BinnedFeatures::kQuantileSampleRows);
  for (std::size_t i = 0; i < BinnedFeatures::kQuantileSampleRows; ++i) {
    const double v = column[pick(random)];
    if (!std::isnan(v)) values.push_back(v);
  }
  return values;
}

double midpoint(double low, double high) {
  double m = low / 2.0 + high / 2.0;
  if (m >= high || std::isinf(m)) m = low;  // as scikit-learn: never cut at the upper value
  return m;
}

// Edges between distinct values: one bin per distinct value when there are few enough, else
// bins of about equal counts (a cut only ever falls between two distinct values).
std::vector<double> edgesOf(std::vector<double> values, std::size_t maxBins) {
  std::sort(values.begin(), values.end());
  std::vector<double> distinct;
  std::vector<std::size_t> counts;
  for (double v : values) {
    if (distinct.empty() || v != distinct.back()) {
      distinct.push_back(v);
      counts.push_back(0);
    }
    ++counts.back();
  }
  std::vector<double> edges;
  if (distinct.size() <= maxBins) {
    for (std::size_t i = 0; i + 1 < distinct.size(); ++i) edges.push_back(midpoint(distinct[i], distinct[i + 1]));
    return edges;
  }
  const double perBin = static_cast<double>(values.size()) / static_cast<double>(maxBins);
  std::size_t cumulative = 0;
  for (std::size_t i = 0; i + 1 < distinct.size() && edges.size() + 1 < maxBins; ++i) {
    cumulative += counts[i];
    if (static_cast<double>(cumulative) >= perBin * static_cast<double>(edges.size() + 1))
      edges.push_back(midpoint(distinct[i], distinct[i + 1]));
  }
  return edges;
}

}  // namespace

BinnedFeatures BinnedFeatures::build(const FeatureMatrix& x, std::size_t maxBins, int threads,
                                     const jobs::JobContext* context) {
  if (maxBins < 2 || maxBins > kMaxValueBins)
    throw Error(ErrorCode::InvalidArgument, "binned features: the number of bins must be in [2, 255], got " +
                                                std::to_string(maxBins));
  BinnedFeatures out;
  out.rows_ = x.rows();
  out.bins_.resize(x.cols());
  out.codes_.assign(x.rows() * x.cols(), kMissing);
  jobs::parallelFor(x.cols(), threads, [&](std::size_t f) {
    if (context) context->throwIfStopped();
    const auto column = x.column(f);
    Bins& bins = out.bins_[f];
    bins.edges = edgesOf(edgeSample(column), maxBins);
    const bool anyValue = std::any_of(column.begin(), column.end(), [](double v) { return !std::isnan(v); });
    const std::size_t count = anyValue ? bins.edges.size() + 1 : 0;
    bins.lower.assign(count, std::numeric_limits<double>::infinity());
    bins.upper.assign(count, -std::numeric_limits<double>::infinity());
    std::uint8_t* codes = out.codes_.data() + f * out.rows_;
    for (std::size_t r = 0; r < column.size(); ++r) {
      const double v = column[r];
      if (std::isnan(v)) continue;
      const auto b = static_cast<std::size_t>(std::lower_bound(bins.edges.begin(), bins.edges.end(), v) - bins.edges.begin());
      codes[r] = static_cast<std::uint8_t>(b);
      bins.lower[b] = std::min(bins.lower[b], v);
      bins.upper[b] = std::max(bins.upper[b], v);
      if ((r & 0xFFFFF) == 0xFFFFF && context) context->throwIfStopped();
    }
    // A bin the sample gave but no row fell into (possible only when sampling) keeps its edge.
    for (std::size_t b = 0; b < count; ++b)
      if (bins.lower[b] > bins.upper[b]) {
        bins.lower[b] = b < bins.edges.size() ? bins.edges[b] : bins.edges.back();
        bins.upper[b] = bins.lower[b];
      }
  });
  return out;
}

std::uint8_t BinnedFeatures::code(std::size_t feature, double value) const {
  if (std::isnan(value)) return kMissing;
  const auto& edges = bins_[feature].edges;
  return static_cast<std::uint8_t>(std::lower_bound(edges.begin(), edges.end(), value) - edges.begin());
}

double BinnedFeatures::threshold(std::size_t feature, std::size_t below, std::size_t above) const {
  return midpoint(upper(feature, below), lower(feature, above));
}

}  // namespace lathe::ml
