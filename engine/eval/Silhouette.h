#pragma once
#include <cstddef>
#include <span>
#include <vector>

#include "engine/jobs/JobContext.h"
#include "engine/ml/FeatureMatrix.h"

namespace lathe::eval {

// The silhouette of a clustering with euclidean distances, as scikit-learn's silhouette_samples
// and silhouette_score: per row, (b - a) / max(a, b) with a the mean distance to the other rows
// of its cluster and b the smallest mean distance to another cluster's rows; 0 for a row alone
// in its cluster. Every distinct label is a cluster, -1 (DBSCAN's noise) included, as in sklearn;
// filter noise rows out first to leave them out.
//
// Exact pairwise distances, O(rows^2 * features) time in blocks of rows spread over the cores,
// O(rows + clusters) memory per thread. sklearn's ||x||^2 - 2x.y + ||y||^2
// trick loses ~1e-9 per row on nearly equal rows; the score still agrees to 1e-9.
struct Silhouette {
  // More rows than this is lathe::Error(InvalidArgument): score a random sample instead (what
  // sklearn's sample_size does). 20,000 rows of 10 features: 7-8 s on this machine's two busy
  // cores, where sklearn.metrics.silhouette_score took 26 s in the same run.
  static constexpr std::size_t kMaxRows = 20000;

  // Throws lathe::Error(InvalidArgument) for no rows, no features, a label count different from
  // the row count, NaN or infinite features or labels (naming the row), fewer than 2 clusters or
  // as many clusters as rows (sklearn's rule), and more than kMaxRows rows. Honours the stop
  // token and reports progress.
  static std::vector<double> samples(const ml::FeatureMatrix& x, std::span<const double> labels,
                                     const jobs::JobContext& context);
  static double score(const ml::FeatureMatrix& x, std::span<const double> labels, const jobs::JobContext& context);
  // Without a job: never stopped, no progress.
  static double score(const ml::FeatureMatrix& x, std::span<const double> labels);
};

}  // namespace lathe::eval
