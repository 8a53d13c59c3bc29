#include "engine/experiments/TreeDiagram.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "engine/core/Error.h"
#include "engine/data/Column.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/ml/DecisionTree.h"
#include "engine/ml/ImputedEstimator.h"

namespace lathe::experiments {

namespace {

using ml::FeatureOrigin;

// What a feature of the tree is in the user's table: a column as it is, one level's 0/1
// indicator (one-hot), or a category's level code (trees' default encoding).
struct FeatureInfo {
  std::string name;  // the column's name (or the tree's feature name when nothing better is known)
  FeatureOrigin::Kind kind = FeatureOrigin::Kind::Number;
  std::string type;                 // the column's type name: "float64", "bool", "datetime", ...
  std::vector<std::string> levels;  // codes: every level by code; indicator: its one level
};

// Shortest text that reads back as the value, or six significant digits when that is long
// (a midpoint such as 0.30000000000000004 reads 0.3).
std::string number(double value) {
  char buffer[40];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (result.ec == std::errc() && result.ptr - buffer <= 10) return std::string(buffer, result.ptr);
  result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6);
  return std::string(buffer, result.ptr);
}

// A level in quotes, cut (on a UTF-8 character boundary) when it is long.
std::string quoted(const std::string& level) {
  constexpr std::size_t kMaxBytes = 40;
  if (level.size() <= kMaxBytes) return "'" + level + "'";
  std::size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(level[cut]) & 0xC0) == 0x80) --cut;
  return "'" + level.substr(0, cut) + "…'";
}

// "'a'", or "one of 'a', 'b', 'c'" (at most twelve named, then how many more: the smaller side
// of a split is named, so only a category with more than 24 levels is cut).
std::string levelList(const std::vector<std::string>& levels, std::size_t begin, std::size_t end) {
  if (end - begin == 1) return quoted(levels[begin]);
  constexpr std::size_t kNamed = 12;
  std::string out = "one of ";
  for (std::size_t i = begin; i < end && i < begin + kNamed; ++i) out += (i > begin ? ", " : "") + quoted(levels[i]);
  if (end - begin > kNamed) out += " … (" + std::to_string(end - begin - kNamed) + " more)";
  return out;
}

std::vector<FeatureInfo> featuresOf(const ml::FeatureEncoder& encoder, const std::vector<std::string>& treeNames) {
  std::vector<FeatureInfo> out;
  const auto origins = encoder.origins();
  const nlohmann::json state = encoder.state();
  const auto& columns = state.at("features");
  if (origins.size() != treeNames.size() || origins.size() != encoder.outputNames().size()) {
    // Not the encoder this tree was fitted through: plain numbers under the tree's own names.
    for (const auto& name : treeNames) out.push_back({name, FeatureOrigin::Kind::Number, "float64", {}});
    return out;
  }
  for (std::size_t f = 0; f < origins.size(); ++f) {
    const auto& column = columns.at(origins[f].column);
    FeatureInfo info{column.at("column").get<std::string>(), origins[f].kind, column.at("type").get<std::string>(), {}};
    auto levels = column.at("levels").get<std::vector<std::string>>();
    if (info.kind == FeatureOrigin::Kind::CategoryCode) {
      info.levels = std::move(levels);
    } else if (info.kind == FeatureOrigin::Kind::CategoryIndicator) {
      // The indicators of one column are consecutive, one per level in order.
      std::size_t first = f;
      while (first > 0 && origins[first - 1].column == origins[f].column &&
             origins[first - 1].kind == FeatureOrigin::Kind::CategoryIndicator)
        --first;
      if (f - first < levels.size()) info.levels = {levels[f - first]};
      else info = {treeNames[f], FeatureOrigin::Kind::Number, "float64", {}};
    }
    out.push_back(std::move(info));
  }
  return out;
}

// Fills the split text and the edge labels of `node` for `feature` and `threshold`.
void describeSplit(TreeDiagram::Node& node, const FeatureInfo& feature, double threshold) {
  const auto yesRight = [&](std::string split) {  // the row goes right when the split holds
    node.split = std::move(split);
    node.leftLabel = "no";
    node.rightLabel = "yes";
  };
  // Missing against everything else: every value goes left, a missing one right.
  if (std::isinf(threshold) && threshold > 0 && !node.missingGoesLeft) return yesRight(feature.name + " is missing");
  const bool unitInterval = threshold >= 0.0 && threshold < 1.0;
  if (feature.kind == FeatureOrigin::Kind::CategoryIndicator && unitInterval)
    return yesRight(feature.name + " is " + quoted(feature.levels.front()));
  if (feature.kind == FeatureOrigin::Kind::Number && feature.type == "bool" && unitInterval)
    return yesRight(feature.name + " is true");
  if (feature.kind == FeatureOrigin::Kind::CategoryCode && threshold >= 0.0 &&
      threshold < static_cast<double>(feature.levels.size()) - 1.0) {
    // Codes 0 .. floor(threshold) go left; name the smaller side.
    const auto leftCount = static_cast<std::size_t>(std::floor(threshold)) + 1;
    const std::size_t count = feature.levels.size();
    if (leftCount <= count - leftCount) {
      node.split = feature.name + " is " + levelList(feature.levels, 0, leftCount);
      node.leftLabel = "yes";
      node.rightLabel = "no";
    } else {
      yesRight(feature.name + " is " + levelList(feature.levels, leftCount, count));
    }
    return;
  }
  std::string value = number(threshold);
  // Datetimes are seconds since the epoch in the features (FeatureEncoder).
  if (feature.type == "datetime" && std::abs(threshold) < 9e12)
    value = data::formatDatetime(static_cast<std::int64_t>(std::llround(threshold * 1e6)));
  const std::string name = feature.kind == FeatureOrigin::Kind::CategoryCode ? feature.name + " (level code)" : feature.name;
  node.split = name + " <= " + value;
  node.leftLabel = "<= " + value;
  node.rightLabel = "> " + value;
}

const ml::DecisionTree* singleTree(const ml::Estimator* estimator) {
  if (const auto* imputed = dynamic_cast<const ml::ImputedEstimator*>(estimator)) estimator = &imputed->inner();
  return dynamic_cast<const ml::DecisionTree*>(estimator);
}

}  // namespace

std::size_t TreeDiagram::leafCount() const {
  return static_cast<std::size_t>(std::count_if(nodes.begin(), nodes.end(), [](const Node& n) { return n.isLeaf(); }));
}

std::size_t TreeDiagram::depth() const {
  int deepest = 0;
  for (const Node& n : nodes) deepest = std::max(deepest, n.depth);
  return static_cast<std::size_t>(deepest);
}

std::optional<TreeDiagram> TreeDiagram::of(const TrainedModel& model) {
  const ml::DecisionTree* tree = singleTree(model.estimator.get());
  if (!tree) return std::nullopt;
  const ml::TreeStructure& structure = tree->structure();
  TreeDiagram diagram;
  diagram.regression = !ml::isClassification(tree->task());
  diagram.classes = tree->classes();
  diagram.target = model.encoder.state().value("target", std::string());
  if (structure.nodes.empty()) return diagram;
  const auto features = featuresOf(model.encoder, tree->featureNames());

  // Depth first from the root, left first, with an explicit stack: a deep tree cannot overflow
  // the call stack, and the diagram is in preorder whatever order the file kept.
  struct Visit {
    std::size_t node;
    int parent;  // index in the diagram, -1 for the root
    bool isLeft;
    int depth;
  };
  std::vector<char> seen(structure.nodes.size(), 0);
  std::vector<Visit> stack{{0, -1, false, 0}};
  diagram.nodes.reserve(structure.nodes.size());
  while (!stack.empty()) {
    const Visit visit = stack.back();
    stack.pop_back();
    if (visit.node >= structure.nodes.size() || seen[visit.node])
      throw Error(ErrorCode::Parse, "model file: tree node " + std::to_string(visit.node) + " is reached twice or does not exist");
    seen[visit.node] = 1;
    const ml::TreeNode& source = structure.nodes[visit.node];
    const int index = static_cast<int>(diagram.nodes.size());
    if (visit.parent >= 0) {
      Node& parent = diagram.nodes[static_cast<std::size_t>(visit.parent)];
      (visit.isLeft ? parent.left : parent.right) = index;
    }

    Node node;
    node.depth = visit.depth;
    node.samples = source.samples;
    node.impurity = source.impurity;
    node.missingGoesLeft = source.missingGoesLeft;
    const auto value = structure.value(visit.node);
    node.distribution.assign(value.begin(), value.end());
    if (diagram.regression) {
      node.prediction = value.empty() ? std::string() : number(value[0]);
    } else if (!value.empty()) {
      const auto best = static_cast<std::size_t>(std::max_element(value.begin(), value.end()) - value.begin());
      node.prediction = best < diagram.classes.size() ? diagram.classes[best] : "class " + std::to_string(best);
    }
    if (!source.isLeaf()) {
      const auto feature = static_cast<std::size_t>(source.feature);
      if (feature < features.size()) describeSplit(node, features[feature], source.threshold);
      else describeSplit(node, {"feature " + std::to_string(feature), FeatureOrigin::Kind::Number, "float64", {}}, source.threshold);
      stack.push_back({static_cast<std::size_t>(source.right), index, false, visit.depth + 1});
      stack.push_back({static_cast<std::size_t>(source.left), index, true, visit.depth + 1});
    }
    diagram.nodes.push_back(std::move(node));
  }
  return diagram;
}

}  // namespace lathe::experiments
