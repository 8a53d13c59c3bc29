#include "engine/ml/RandomForest.h"

#include <algorithm>
#include <mutex>
#include <numeric>
#include <random>
#include <thread>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ParallelFor.h"
#include "engine/ml/BinnedFeatures.h"
#include "engine/ml/ModelFile.h"
#include "engine/ml/TreeBuilder.h"
#include "engine/ml/TreeInputs.h"
#include "engine/ml/TreeModelState.h"

namespace lathe::ml {
namespace {

constexpr std::uint64_t kMaxTrees = 100'000;
// Prediction splits the rows into this many blocks per thread, each block walked tree by tree:
// few blocks, so that a tree (often bigger than the cache) is fetched few times over; more
// than one per thread, so that a thread slowed by other work does not hold the rest up.
constexpr std::size_t kPredictBlocksPerThread = 2;
constexpr std::size_t kPredictMinBlock = 256;

[[noreturn]] void badParameter(const std::string& name, const std::string& expected, const nlohmann::json& got) {
  throw Error(ErrorCode::InvalidArgument, "forest: parameter '" + name + "' must be " + expected + ", got " + got.dump(), {},
              got.dump());
}

}  // namespace

RandomForest::RandomForest() : RandomForest(Parameters{}) {}

std::unique_ptr<Estimator> RandomForest::create(const nlohmann::json& parameters) {
  nlohmann::json rest = parameters;
  Parameters p;
  p.tree = TreeParameters::read("forest", rest);
  if (auto it = rest.find("n_estimators"); it != rest.end()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > static_cast<std::int64_t>(kMaxTrees))
      badParameter("n_estimators", "a whole number in [1, 100000]", *it);
    p.nEstimators = it->get<std::size_t>();
    rest.erase(it);
  }
  for (const char* name : {"bootstrap", "oob_score"})
    if (auto it = rest.find(name); it != rest.end()) {
      if (!it->is_boolean()) badParameter(name, "true or false", *it);
      (std::string(name) == "bootstrap" ? p.bootstrap : p.oobScore) = it->get<bool>();
      rest.erase(it);
    }
  if (auto it = rest.find("n_jobs"); it != rest.end()) {
    if (it->is_null())
      p.threads = 1;
    else if (!it->is_number_integer() || it->get<std::int64_t>() < -1 || it->get<std::int64_t>() > 1024)
      badParameter("n_jobs", "a whole number in [-1, 1024] (0 or -1: every core)", *it);
    else
      p.threads = std::max(0, it->get<int>());
    rest.erase(it);
  }
  refuseUnknownParameters("forest", rest);
  if (p.oobScore && !p.bootstrap)
    throw Error(ErrorCode::InvalidArgument, "forest: parameter 'oob_score' needs bootstrap=true (no rows are left out otherwise)");
  return std::make_unique<RandomForest>(std::move(p));
}

nlohmann::json RandomForest::parameters() const {
  nlohmann::json out = nlohmann::json::object();
  parameters_.tree.write(out);
  out["n_estimators"] = parameters_.nEstimators;
  out["bootstrap"] = parameters_.bootstrap;
  out["oob_score"] = parameters_.oobScore;
  out["n_jobs"] = parameters_.threads;
  return out;
}

void RandomForest::fit(const TrainingData& data, const jobs::JobContext& context) {
  TreeInputs::checkTraining("forest", data);
  const TreeSettings settings = parameters_.tree.settingsFor("forest", data.task, data.x.cols(), true);
  const std::size_t n = data.x.rows();
  const std::size_t classes = isClassification(data.task) ? data.classCount() : 0;
  const std::size_t valueSize = classes > 0 ? classes : 1;
  context.progress(0.0, "Binning features");
  const BinnedFeatures bins = BinnedFeatures::build(data.x, BinnedFeatures::kMaxValueBins, parameters_.threads, &context);
  context.progress(0.05, "Growing trees");
  const TreeBuilder builder(bins, data.y, classes, settings);

  std::mt19937_64 seeds(parameters_.tree.randomState);
  std::vector<std::uint64_t> treeSeeds(parameters_.nEstimators);
  for (auto& s : treeSeeds) s = seeds();
  std::vector<TreeStructure> trees(parameters_.nEstimators);
  const bool oob = parameters_.oobScore && parameters_.bootstrap;
  std::vector<double> oobSums(oob ? n * valueSize : 0, 0.0);
  std::vector<std::uint32_t> oobVotes(oob ? n : 0, 0);
  std::mutex mutex;
  std::size_t done = 0;

  jobs::parallelFor(parameters_.nEstimators, parameters_.threads, [&](std::size_t t) {
    context.throwIfStopped();
    std::mt19937_64 random(treeSeeds[t]);
    std::vector<std::uint32_t> rows;
    std::vector<double> weights;
    if (parameters_.bootstrap) {
      weights.assign(n, 0.0);
      std::uniform_int_distribution<std::size_t> pick(0, n - 1);
      for (std::size_t i = 0; i < n; ++i) weights[pick(random)] += 1.0;
      rows.reserve(n);
      for (std::size_t r = 0; r < n; ++r)
        if (weights[r] > 0.0) rows.push_back(static_cast<std::uint32_t>(r));
    } else {
      rows.resize(n);
      std::iota(rows.begin(), rows.end(), std::uint32_t{0});
    }
    trees[t] = builder.build(std::move(rows), weights, random(), context, false);
    std::lock_guard lock(mutex);
    if (oob) {
      for (std::size_t r = 0; r < n; ++r) {
        if (weights[r] > 0.0) continue;
        const auto value = trees[t].value(trees[t].leafOf(data.x, r));
        for (std::size_t k = 0; k < valueSize; ++k) oobSums[r * valueSize + k] += value[k];
        ++oobVotes[r];
      }
    }
    ++done;
    context.progress(0.05 + 0.95 * static_cast<double>(done) / static_cast<double>(parameters_.nEstimators), "Growing trees");
  });

  // Importances: the mean of each tree's normalised importances, normalised (scikit-learn).
  std::vector<double> importances(data.x.cols(), 0.0);
  for (const auto& tree : trees) {
    if (tree.nodes.size() <= 1) continue;
    const auto own = TreeBuilder::importances(tree, data.x.cols());
    for (std::size_t f = 0; f < own.size(); ++f) importances[f] += own[f];
  }
  const double sum = std::accumulate(importances.begin(), importances.end(), 0.0);
  if (sum > 0.0)
    for (double& v : importances) v /= sum;

  oobScore_.reset();
  if (oob) {
    double hits = 0.0, count = 0.0, sumY = 0.0, sumYY = 0.0, residual = 0.0;
    for (std::size_t r = 0; r < n; ++r) {
      if (oobVotes[r] == 0) continue;
      const double* s = oobSums.data() + r * valueSize;
      count += 1.0;
      if (classes > 0) {
        hits += static_cast<double>(std::max_element(s, s + valueSize) - s) == data.y[r] ? 1.0 : 0.0;
      } else {
        const double predicted = s[0] / oobVotes[r];
        residual += (data.y[r] - predicted) * (data.y[r] - predicted);
        sumY += data.y[r];
        sumYY += data.y[r] * data.y[r];
      }
    }
    if (count > 0.0) {
      const double total = sumYY - sumY * sumY / count;
      oobScore_ = classes > 0 ? hits / count : (total > 0.0 ? 1.0 - residual / total : 0.0);
    }
  }
  trees_ = std::move(trees);
  compact_ = CompactTrees(trees_, valueSize);
  importances_ = std::move(importances);
  task_ = data.task;
  features_ = data.x.names();
  classes_ = data.classes;
  context.progress(1.0, "Growing trees");
}

std::vector<double> RandomForest::leafValueSums(const FeatureMatrix& x) const {
  const std::size_t valueSize = isClassification(task_) ? classes_.size() : 1;
  std::vector<double> sums(x.rows() * valueSize, 0.0);
  const std::size_t threads = parameters_.threads > 0 ? static_cast<std::size_t>(parameters_.threads)
                                                     : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t block =
      std::max(kPredictMinBlock, (x.rows() + threads * kPredictBlocksPerThread - 1) / (threads * kPredictBlocksPerThread));
  const std::size_t blocks = (x.rows() + block - 1) / block;
  jobs::parallelFor(blocks, parameters_.threads, [&](std::size_t c) {
    const std::size_t begin = c * block, end = std::min(x.rows(), begin + block);
    compact_.addLeafValues(x, begin, end, sums.data() + begin * valueSize);
  });
  return sums;
}

std::vector<double> RandomForest::predict(const FeatureMatrix& x) const {
  TreeInputs::checkPredict("forest", x, features_, !trees_.empty());
  const auto sums = leafValueSums(x);
  std::vector<double> out(x.rows());
  if (isClassification(task_)) {
    const std::size_t k = classes_.size();
    for (std::size_t r = 0; r < x.rows(); ++r)
      out[r] = static_cast<double>(std::max_element(sums.begin() + static_cast<std::ptrdiff_t>(r * k),
                                                    sums.begin() + static_cast<std::ptrdiff_t>((r + 1) * k)) -
                                   (sums.begin() + static_cast<std::ptrdiff_t>(r * k)));
  } else {
    for (std::size_t r = 0; r < x.rows(); ++r) out[r] = sums[r] / static_cast<double>(trees_.size());
  }
  return out;
}

ClassProbabilities RandomForest::predictProba(const FeatureMatrix& x) const {
  TreeInputs::checkPredict("forest", x, features_, !trees_.empty());
  if (!isClassification(task_)) throw Error(ErrorCode::Unsupported, "forest: class probabilities need a classification model");
  ClassProbabilities out{x.rows(), classes_.size(), leafValueSums(x)};
  for (double& v : out.values) v /= static_cast<double>(trees_.size());
  return out;
}

void RandomForest::save(ModelWriter& out) const {
  TreeModelState{task_, features_, classes_, importances_}.write(out);
  out.u32(oobScore_ ? 1u : 0u);
  out.f64(oobScore_.value_or(0.0));
  out.u64(trees_.size());
  for (const TreeStructure& tree : trees_) tree.write(out);
}

void RandomForest::load(ModelReader& in) {
  TreeModelState state = TreeModelState::read(in);
  const bool hasOob = in.u32() != 0;
  const double oob = in.f64();
  const std::uint64_t count = in.count(kMaxTrees, 16);
  if (count == 0) {
    ErrorLocation where;
    where.byteOffset = static_cast<std::int64_t>(in.offset());
    throw Error(ErrorCode::Parse, "model file: a forest without trees", where);
  }
  std::vector<TreeStructure> trees;
  trees.reserve(count);
  for (std::uint64_t t = 0; t < count; ++t) trees.push_back(TreeStructure::read(in, state.features.size(), state.valueSize()));
  compact_ = CompactTrees(trees, state.valueSize());  // before state's classes move out
  task_ = state.task;
  features_ = std::move(state.features);
  classes_ = std::move(state.classes);
  importances_ = std::move(state.importances);
  trees_ = std::move(trees);
  oobScore_ = hasOob ? std::optional<double>(oob) : std::nullopt;
}

}  // namespace lathe::ml
