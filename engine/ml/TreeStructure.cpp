#include "engine/ml/TreeStructure.h"

#include <algorithm>
#include <string>

#include "engine/core/Error.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {
namespace {

constexpr std::uint64_t kMaxNodes = 1ull << 31;

[[noreturn]] void bad(const ModelReader& in, const std::string& what) {
  ErrorLocation where;
  where.byteOffset = static_cast<std::int64_t>(in.offset());
  throw Error(ErrorCode::Parse, "model file: tree " + what, where);
}

}  // namespace

std::size_t TreeStructure::depth() const {
  if (nodes.empty()) return 0;
  std::vector<std::size_t> depths(nodes.size(), 0);
  std::size_t deepest = 0;
  for (std::size_t n = 0; n < nodes.size(); ++n) {  // children come after parents
    deepest = std::max(deepest, depths[n]);
    if (!nodes[n].isLeaf()) {
      depths[static_cast<std::size_t>(nodes[n].left)] = depths[n] + 1;
      depths[static_cast<std::size_t>(nodes[n].right)] = depths[n] + 1;
    }
  }
  return deepest;
}

std::size_t TreeStructure::leafCount() const {
  return static_cast<std::size_t>(std::count_if(nodes.begin(), nodes.end(), [](const TreeNode& n) { return n.isLeaf(); }));
}

void TreeStructure::write(ModelWriter& out) const {
  std::vector<std::int32_t> features, lefts, rights;
  std::vector<std::uint32_t> missingLeft;
  std::vector<double> thresholds, samples, weighted, impurities;
  for (const TreeNode& n : nodes) {
    features.push_back(n.feature);
    lefts.push_back(n.left);
    rights.push_back(n.right);
    missingLeft.push_back(n.missingGoesLeft ? 1u : 0u);
    thresholds.push_back(n.threshold);
    samples.push_back(n.samples);
    weighted.push_back(n.weightedSamples);
    impurities.push_back(n.impurity);
  }
  out.u64(nodes.size());
  out.i32s(features);
  out.i32s(lefts);
  out.i32s(rights);
  out.u32s(missingLeft);
  out.f64s(thresholds);
  out.f64s(samples);
  out.f64s(weighted);
  out.f64s(impurities);
  out.f64s(values);
}

TreeStructure TreeStructure::read(ModelReader& in, std::size_t features, std::size_t valueSize) {
  TreeStructure tree;
  tree.valueSize = valueSize;
  const std::uint64_t count = in.u64();
  if (count == 0 || count > kMaxNodes) bad(in, "has an impossible node count " + std::to_string(count));
  const auto featureOf = in.i32s();
  const auto lefts = in.i32s();
  const auto rights = in.i32s();
  const auto missingLeft = in.u32s();
  const auto thresholds = in.f64s();
  const auto samples = in.f64s();
  const auto weighted = in.f64s();
  const auto impurities = in.f64s();
  tree.values = in.f64s();
  for (std::size_t size : {featureOf.size(), lefts.size(), rights.size(), missingLeft.size(), thresholds.size(),
                           samples.size(), weighted.size(), impurities.size()})
    if (size != count) bad(in, "arrays do not match its node count");
  if (tree.values.size() != count * valueSize) bad(in, "values do not match its node count");
  for (double v : tree.values)
    if (!std::isfinite(v)) bad(in, "has a value that is not a finite number");
  tree.nodes.resize(count);
  for (std::size_t n = 0; n < count; ++n) {
    TreeNode& node = tree.nodes[n];
    node.feature = featureOf[n];
    node.left = lefts[n];
    node.right = rights[n];
    node.missingGoesLeft = missingLeft[n] != 0;
    node.threshold = thresholds[n];
    node.samples = samples[n];
    node.weightedSamples = weighted[n];
    node.impurity = impurities[n];
    if (node.feature < 0) {
      if (node.feature != -1 || node.left != -1 || node.right != -1) bad(in, "node " + std::to_string(n) + " is a malformed leaf");
      continue;
    }
    const auto after = [&](std::int32_t child) {
      return child > static_cast<std::int64_t>(n) && static_cast<std::uint64_t>(child) < count;
    };
    if (static_cast<std::size_t>(node.feature) >= features)
      bad(in, "node " + std::to_string(n) + " uses feature " + std::to_string(node.feature) + " of " + std::to_string(features));
    if (!after(node.left) || !after(node.right) || node.left == node.right)
      bad(in, "node " + std::to_string(n) + " has a child index out of range");
    if (std::isnan(node.threshold)) bad(in, "node " + std::to_string(n) + " has a NaN threshold");
  }
  return tree;
}

}  // namespace lathe::ml
