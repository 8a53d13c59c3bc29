#include "engine/eval/PermutationImportance.h"

#include <algorithm>
#include <cmath>

#include "engine/core/Error.h"
#include "engine/eval/CrossValidation.h"
#include "engine/eval/DataSplit.h"
#include "engine/eval/Metric.h"
#include "engine/jobs/JobContext.h"

namespace lathe::eval {
namespace {

constexpr std::size_t kMaxRepeats = 1000;

Error invalid(std::string message) { return Error(ErrorCode::InvalidArgument, std::move(message)); }

// A seed per (feature, repeat) so each permutation is independent of how many came before.
std::uint64_t mixSeed(std::uint64_t seed, std::size_t feature, std::size_t repeat) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (1 + feature * kMaxRepeats + repeat);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

PermutationImportanceResult PermutationImportance::compute(const ml::Estimator& fitted, const ml::TrainingData& data,
                                                           const PermutationImportanceOptions& options,
                                                           const jobs::JobContext& context) {
  const std::size_t n = data.x.rows();
  if (n == 0) throw invalid("permutation importance: there are no rows to score");
  if (data.task == ml::Task::Clustering || data.y.size() != n)
    throw invalid("permutation importance: needs a target for every row (clustering has no answers to score)");
  if (options.repeats < 1 || options.repeats > kMaxRepeats)
    throw Error(ErrorCode::InvalidArgument,
                "permutation importance: repeats must be between 1 and " + std::to_string(kMaxRepeats) + ", got " +
                    std::to_string(options.repeats),
                {}, std::to_string(options.repeats));
  PermutationImportanceResult result;
  result.metric = options.metric.empty() ? Metric::defaultsFor(data.task).front() : options.metric;
  const auto known = Metric::names();
  if (std::find(known.begin(), known.end(), result.metric) == known.end())
    throw Error(ErrorCode::InvalidArgument, "permutation importance: unknown metric '" + result.metric + "'", {}, result.metric);
  const bool higherIsBetter = Metric::higherIsBetter(result.metric);

  context.progress(0.0, "Scoring the unshuffled rows");
  result.baselineScore = Metric::compute(result.metric, CrossValidation::predict(fitted, data));
  if (!std::isfinite(result.baselineScore))
    throw invalid("permutation importance: " + result.metric + " of the unshuffled rows is not a number");

  ml::TrainingData shuffled = data;  // one working copy; each column is restored after its repeats
  const std::size_t features = data.x.cols();
  for (std::size_t c = 0; c < features; ++c) {
    FeatureImportance importance{data.x.names()[c], 0.0, 0.0, {}};
    const auto original = data.x.column(c);
    auto column = shuffled.x.column(c);
    for (std::size_t r = 0; r < options.repeats; ++r) {
      context.throwIfStopped();
      context.progress((static_cast<double>(c) + static_cast<double>(r) / static_cast<double>(options.repeats)) /
                           static_cast<double>(features),
                       "Shuffling " + importance.feature);
      const auto order = DataSplit::permutation(n, mixSeed(options.seed, c, r));
      for (std::size_t i = 0; i < n; ++i) column[i] = original[order[i]];
      const double score = Metric::compute(result.metric, CrossValidation::predict(fitted, shuffled));
      importance.drops.push_back(higherIsBetter ? result.baselineScore - score : score - result.baselineScore);
    }
    std::copy(original.begin(), original.end(), column.begin());
    double sum = 0.0;
    for (double d : importance.drops) sum += d;
    importance.mean = sum / static_cast<double>(importance.drops.size());
    double squares = 0.0;
    for (double d : importance.drops) squares += (d - importance.mean) * (d - importance.mean);
    importance.std = std::sqrt(squares / static_cast<double>(importance.drops.size()));
    result.features.push_back(std::move(importance));
  }
  context.progress(1.0, "Permutation importance done");
  return result;
}

}  // namespace lathe::eval
