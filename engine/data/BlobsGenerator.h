#pragma once
#include <cstdint>
#include <vector>

#include "engine/jobs/JobContext.h"

namespace lathe::data {

// Synthetic classification data: isotropic Gaussian clusters, one per class, like
// scikit-learn's make_blobs. Used for the demo project, for benchmarks at any size, and as a
// realistic CPU-bound job in tests.
struct BlobsSpec {
  std::int64_t rows = 1000;
  int features = 2;
  int classes = 3;
  double clusterStd = 1.0;
  double centerLow = -10.0;   // cluster centres are drawn uniformly from [centerLow, centerHigh]
  double centerHigh = 10.0;
  std::uint64_t seed = 0;
};

// Columnar: one vector per feature, each `rows` long, and a class label per row.
struct Blobs {
  std::vector<std::vector<double>> features;
  std::vector<std::int32_t> labels;
  std::vector<std::vector<double>> centers;  // classes x features
};

// Throws lathe::Error(InvalidArgument) for an impossible spec and jobs::JobCancelled when
// stopped. The same spec and seed give the same data, whatever the chunking.
Blobs generateBlobs(const BlobsSpec& spec, const jobs::JobContext& context);

}  // namespace lathe::data
