#include "engine/data/BlobsGenerator.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "engine/core/Error.h"

namespace lathe::data {
namespace {

// Rows drawn between two looks at the stop token: a few milliseconds of work.
constexpr std::int64_t kChunkRows = 16384;
constexpr std::int64_t kMaxRows = std::int64_t{1} << 34;
constexpr int kMaxFeatures = 100000;

// SplitMix64: decorrelates the per-chunk seeds so chunks do not share random streams.
std::uint64_t mixSeed(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

void validate(const BlobsSpec& spec) {
  auto bad = [](const std::string& what, const std::string& value) {
    throw Error(ErrorCode::InvalidArgument, what, {}, value);
  };
  if (spec.rows < 1 || spec.rows > kMaxRows)
    bad("rows must be between 1 and 2^34", std::to_string(spec.rows));
  if (spec.features < 1 || spec.features > kMaxFeatures)
    bad("features must be between 1 and 100000", std::to_string(spec.features));
  if (spec.classes < 1 || spec.classes > spec.rows)
    bad("classes must be between 1 and the number of rows", std::to_string(spec.classes));
  if (!(spec.clusterStd >= 0.0) || !std::isfinite(spec.clusterStd))
    bad("cluster standard deviation must be a finite number >= 0", std::to_string(spec.clusterStd));
  if (!(spec.centerLow < spec.centerHigh) || !std::isfinite(spec.centerHigh - spec.centerLow))
    bad("the centre box must have a finite low below its high", std::to_string(spec.centerLow));
}

}  // namespace

Blobs generateBlobs(const BlobsSpec& spec, const jobs::JobContext& context) {
  validate(spec);
  Blobs out;
  std::mt19937_64 centerRng(mixSeed(spec.seed));
  std::uniform_real_distribution<double> box(spec.centerLow, spec.centerHigh);
  out.centers.assign(spec.classes, std::vector<double>(spec.features));
  for (auto& center : out.centers)
    for (double& c : center) c = box(centerRng);

  const auto rows = static_cast<std::size_t>(spec.rows);
  out.labels.resize(rows);
  out.features.assign(spec.features, {});
  for (auto& column : out.features) column.resize(rows);

  const std::int64_t chunks = (spec.rows + kChunkRows - 1) / kChunkRows;
  for (std::int64_t chunk = 0; chunk < chunks; ++chunk) {
    context.throwIfStopped();
    std::mt19937_64 rng(mixSeed(spec.seed ^ mixSeed(static_cast<std::uint64_t>(chunk) + 1)));
    std::uniform_int_distribution<std::int32_t> pickClass(0, spec.classes - 1);
    std::normal_distribution<double> noise(0.0, spec.clusterStd);
    const std::int64_t begin = chunk * kChunkRows;
    const std::int64_t end = std::min(spec.rows, begin + kChunkRows);
    for (std::int64_t row = begin; row < end; ++row) {
      const std::int32_t label = pickClass(rng);
      out.labels[static_cast<std::size_t>(row)] = label;
      const auto& center = out.centers[static_cast<std::size_t>(label)];
      for (int f = 0; f < spec.features; ++f)
        out.features[static_cast<std::size_t>(f)][static_cast<std::size_t>(row)] =
            center[static_cast<std::size_t>(f)] + noise(rng);
    }
    context.progress(static_cast<double>(chunk + 1) / static_cast<double>(chunks),
                     "Generating rows");
  }
  return out;
}

}  // namespace lathe::data
