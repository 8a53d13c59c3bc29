#include "engine/eval/Silhouette.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <stop_token>
#include <string>

#include "engine/core/Error.h"
#include "engine/jobs/ParallelFor.h"
#include "engine/jobs/ProgressSink.h"

namespace lathe::eval {
namespace {

// Distance evaluations per block of rows: a few milliseconds of work between stop checks.
constexpr double kWorkPerBlock = 4e6;

// Labels as cluster indices 0..K-1 in the order of their values (sklearn's LabelEncoder).
std::vector<std::size_t> clusterIndices(std::span<const double> labels, std::size_t& clusters) {
  std::vector<double> distinct(labels.begin(), labels.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  clusters = distinct.size();
  std::vector<std::size_t> out(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i)
    out[i] = static_cast<std::size_t>(std::lower_bound(distinct.begin(), distinct.end(), labels[i]) - distinct.begin());
  return out;
}

}  // namespace

std::vector<double> Silhouette::samples(const ml::FeatureMatrix& x, std::span<const double> labels,
                                        const jobs::JobContext& context) {
  const std::size_t n = x.rows(), d = x.cols();
  if (n == 0) throw Error(ErrorCode::InvalidArgument, "silhouette: there are no rows to score");
  if (d == 0) throw Error(ErrorCode::InvalidArgument, "silhouette: there are no features to measure distances on");
  if (labels.size() != n)
    throw Error(ErrorCode::InvalidArgument, "silhouette: " + std::to_string(labels.size()) + " cluster labels for " +
                                                std::to_string(n) + " rows");
  if (n > kMaxRows)
    throw Error(ErrorCode::InvalidArgument, "silhouette: " + std::to_string(n) + " rows is more than the " +
                                                std::to_string(kMaxRows) +
                                                " it compares pairwise; score a random sample of the rows");
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(labels[i]))
      throw Error(ErrorCode::InvalidArgument,
                  "silhouette: the cluster label at row " + std::to_string(i + 1) + " is not a finite number", {},
                  std::to_string(labels[i]));
  for (std::size_t c = 0; c < d; ++c) {
    const auto col = x.column(c);
    for (std::size_t i = 0; i < n; ++i)
      if (!std::isfinite(col[i]))
        throw Error(ErrorCode::InvalidArgument,
                    "silhouette: feature '" + x.names()[c] + "' at row " + std::to_string(i + 1) +
                        " is not a finite number (fill missing values first)",
                    {}, std::to_string(col[i]));
  }
  std::size_t clusters = 0;
  const std::vector<std::size_t> cluster = clusterIndices(labels, clusters);
  if (clusters < 2 || clusters > n - 1)
    throw Error(ErrorCode::InvalidArgument, "silhouette needs between 2 and rows - 1 = " + std::to_string(n - 1) +
                                                " clusters, got " + std::to_string(clusters));
  std::vector<double> size(clusters, 0.0);
  for (std::size_t k : cluster) size[k] += 1;

  const auto blockRows = static_cast<std::size_t>(
      std::clamp(kWorkPerBlock / (static_cast<double>(n) * static_cast<double>(d)), 1.0, 256.0));
  const std::size_t blocks = (n + blockRows - 1) / blockRows;
  std::vector<double> out(n, 0.0);
  std::atomic<std::size_t> done{0};
  jobs::parallelFor(blocks, 0, [&](std::size_t block) {
    context.throwIfStopped();
    std::vector<double> sums(clusters), squared(n);
    const std::size_t end = std::min(n, (block + 1) * blockRows);
    for (std::size_t i = block * blockRows; i < end; ++i) {
      // Squared distances from row i to every row, feature by feature: contiguous columns, so
      // the compiler vectorises the inner loop.
      std::fill(squared.begin(), squared.end(), 0.0);
      for (std::size_t c = 0; c < d; ++c) {
        const double* col = x.column(c).data();
        const double xi = col[i];
        for (std::size_t j = 0; j < n; ++j) squared[j] += (xi - col[j]) * (xi - col[j]);
      }
      std::fill(sums.begin(), sums.end(), 0.0);
      for (std::size_t j = 0; j < n; ++j) sums[cluster[j]] += std::sqrt(squared[j]);  // row order, as sklearn
      const std::size_t own = cluster[i];
      if (size[own] <= 1) continue;  // alone in its cluster: 0
      const double intra = sums[own] / (size[own] - 1);
      double inter = std::numeric_limits<double>::infinity();
      for (std::size_t k = 0; k < clusters; ++k)
        if (k != own) inter = std::min(inter, sums[k] / size[k]);
      const double scale = std::max(intra, inter);
      out[i] = scale == 0 ? 0.0 : (inter - intra) / scale;  // 0/0 (coincident clusters) is 0 in sklearn
    }
    const std::size_t finished = done.fetch_add(1) + 1;
    context.progress(static_cast<double>(finished) / static_cast<double>(blocks), "Silhouette");
  });
  return out;
}

double Silhouette::score(const ml::FeatureMatrix& x, std::span<const double> labels, const jobs::JobContext& context) {
  const std::vector<double> values = samples(x, labels, context);
  double sum = 0.0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double Silhouette::score(const ml::FeatureMatrix& x, std::span<const double> labels) {
  jobs::NullProgressSink sink;
  const jobs::JobContext context(std::stop_token{}, sink);
  return score(x, labels, context);
}

}  // namespace lathe::eval
