#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/ml/FeatureMatrix.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::ml {

// The features of a training set cut once into at most 255 bins each (uint8 codes), so trees find
// splits from per-bin histograms instead of sorting rows at every node. A feature with at most
// 255 distinct values gets one bin per value, so split thresholds are exactly scikit-learn's
// midpoints; a feature with more gets quantile bins (edges between distinct values, computed on a
// sample of at most 200,000 rows). Missing values (NaN) get their own code, kMissing, which the
// splitter sends to whichever side gains most. Infinite values are refused by the trees' fit().
class BinnedFeatures {
 public:
  static constexpr std::size_t kMaxValueBins = 255;
  static constexpr std::uint8_t kMissing = 255;  // the code of NaN
  static constexpr std::size_t kQuantileSampleRows = 200'000;

  BinnedFeatures() = default;
  // Bins every column of `x`; `maxBins` in [2, 255]. `threads` as parallelFor (0: every core).
  static BinnedFeatures build(const FeatureMatrix& x, std::size_t maxBins = kMaxValueBins, int threads = 0,
                              const jobs::JobContext* context = nullptr);

  std::size_t rows() const noexcept { return rows_; }
  std::size_t features() const noexcept { return bins_.size(); }
  std::span<const std::uint8_t> codes(std::size_t feature) const {
    return {codes_.data() + feature * rows_, rows_};
  }
  // Value bins of a feature (kMissing not counted); 0 when every value is missing.
  std::size_t binCount(std::size_t feature) const noexcept { return bins_[feature].lower.size(); }
  // The smallest and largest training value that fell into `bin`.
  double lower(std::size_t feature, std::size_t bin) const { return bins_[feature].lower[bin]; }
  double upper(std::size_t feature, std::size_t bin) const { return bins_[feature].upper[bin]; }
  // The code a value gets (kMissing for NaN).
  std::uint8_t code(std::size_t feature, double value) const;
  // Where to cut between the values of bin `below` and bin `above` (below < above) as
  // scikit-learn does: the midpoint, or the lower value when the midpoint rounds up to the upper.
  double threshold(std::size_t feature, std::size_t below, std::size_t above) const;

 private:
  struct Bins {
    std::vector<double> edges;  // values <= edges[b] (and > edges[b-1]) get code b
    std::vector<double> lower;
    std::vector<double> upper;
  };
  std::size_t rows_ = 0;
  std::vector<Bins> bins_;
  std::vector<std::uint8_t> codes_;  // feature-major, rows_ per feature
};

}  // namespace lathe::ml
