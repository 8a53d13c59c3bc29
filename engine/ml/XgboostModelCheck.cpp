#include "engine/ml/XgboostModelCheck.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/Error.h"

namespace lathe::ml {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& what) {
  throw Error(ErrorCode::Parse, "xgboost model: " + what);
}

const json& member(const json& object, const char* key, const std::string& where) {
  if (!object.is_object()) fail(where + " is not an object");
  const auto it = object.find(key);
  if (it == object.end()) fail(where + " has no '" + key + "'");
  return *it;
}

// XGBoost writes counts as decimal strings ("num_feature": "30").
std::int64_t countOf(const json& value, const std::string& where) {
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (!value.is_string()) fail(where + " is not a count");
  const std::string& text = value.get_ref<const std::string&>();
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    fail(where + " is not a count: '" + text + "'");
  return std::stoll(text);
}

const json& array(const json& tree, const char* key, std::size_t size, const std::string& where) {
  const json& values = member(tree, key, where);
  if (!values.is_array() || values.size() != size)
    fail(where + "." + key + " does not hold one value per node (" + std::to_string(size) + ")");
  return values;
}

std::int64_t integerAt(const json& values, std::size_t i, const std::string& where) {
  if (!values[i].is_number_integer()) fail(where + " holds a value that is not an integer");
  return values[i].get<std::int64_t>();
}

void checkTree(const json& tree, std::size_t index, std::size_t features) {
  const std::string where = "tree " + std::to_string(index);
  const std::int64_t nodes = countOf(member(member(tree, "tree_param", where), "num_nodes", where), where + " size");
  if (nodes < 1) fail(where + " has no nodes");
  const auto n = static_cast<std::size_t>(nodes);
  const json& left = array(tree, "left_children", n, where);
  const json& right = array(tree, "right_children", n, where);
  const json& splitFeature = array(tree, "split_indices", n, where);
  const json& condition = array(tree, "split_conditions", n, where);
  array(tree, "parents", n, where);
  array(tree, "default_left", n, where);
  array(tree, "base_weights", n, where);
  array(tree, "loss_changes", n, where);
  array(tree, "sum_hessian", n, where);
  const json& splitType = array(tree, "split_type", n, where);
  const json& categories = member(tree, "categories", where);
  if (!categories.is_array() || !categories.empty()) fail(where + " has categorical splits, which Lathe never trains");

  // Walk from the root: every node reached exactly once, so no cycle and no index out of range.
  std::vector<std::uint8_t> seen(n, 0);
  std::vector<std::size_t> pending{0};
  std::size_t reached = 0;
  while (!pending.empty()) {
    const std::size_t node = pending.back();
    pending.pop_back();
    if (seen[node]) fail(where + " reaches node " + std::to_string(node) + " twice");
    seen[node] = 1;
    ++reached;
    if (!condition[node].is_number() || !std::isfinite(condition[node].get<double>()))
      fail(where + " node " + std::to_string(node) + " has a threshold or leaf value that is not a finite number");
    const std::int64_t l = integerAt(left, node, where), r = integerAt(right, node, where);
    if (l == -1 && r == -1) continue;  // a leaf
    if (integerAt(splitType, node, where) != 0) fail(where + " node " + std::to_string(node) + " is not a numeric split");
    const std::int64_t feature = integerAt(splitFeature, node, where);
    if (feature < 0 || static_cast<std::uint64_t>(feature) >= features)
      fail(where + " node " + std::to_string(node) + " splits on feature " + std::to_string(feature) +
           " of a model with " + std::to_string(features));
    for (const std::int64_t child : {l, r}) {
      if (child < 1 || child >= nodes) fail(where + " node " + std::to_string(node) + " has a child out of range");
      pending.push_back(static_cast<std::size_t>(child));
    }
  }
  if (reached != n) fail(where + " has nodes the root does not reach");
}

}  // namespace

void XgboostModelCheck::validate(std::string_view ubjson, std::string_view objective, std::size_t features,
                                 std::size_t classes) {
  json root;
  try {
    root = json::from_ubjson(ubjson.begin(), ubjson.end());
  } catch (const json::exception& error) {
    fail(std::string("not readable UBJSON: ") + error.what());
  }
  const json& learner = member(root, "learner", "the model");
  const json& parameters = member(learner, "learner_model_param", "learner");
  if (countOf(member(parameters, "num_feature", "learner"), "num_feature") != static_cast<std::int64_t>(features))
    fail("the feature count differs from the model file's (" + std::to_string(features) + ")");
  if (countOf(member(parameters, "num_class", "learner"), "num_class") != static_cast<std::int64_t>(classes))
    fail("the class count differs from the model file's (" + std::to_string(classes) + ")");
  const json& name = member(member(learner, "objective", "learner"), "name", "objective");
  if (!name.is_string() || name.get_ref<const std::string&>() != objective)
    fail("the objective is not " + std::string(objective));
  const json& names = member(learner, "feature_names", "learner");
  if (!names.is_array() || (!names.empty() && names.size() != features)) fail("feature names do not match the features");

  const json& booster = member(learner, "gradient_booster", "learner");
  const json& boosterName = member(booster, "name", "gradient_booster");
  if (!boosterName.is_string() || boosterName.get_ref<const std::string&>() != "gbtree")
    fail("the booster is not gbtree");
  const json& model = member(booster, "model", "gradient_booster");
  const json& trees = member(model, "trees", "model");
  const json& treeInfo = member(model, "tree_info", "model");
  if (!trees.is_array() || !treeInfo.is_array() || trees.size() != treeInfo.size())
    fail("the tree list and tree_info differ in length");
  if (countOf(member(member(model, "gbtree_model_param", "model"), "num_trees", "model"), "num_trees") !=
      static_cast<std::int64_t>(trees.size()))
    fail("num_trees does not match the trees stored");
  const std::int64_t groups = classes == 0 ? 1 : static_cast<std::int64_t>(classes);
  for (std::size_t t = 0; t < trees.size(); ++t) {
    const std::int64_t group = integerAt(treeInfo, t, "tree_info");
    if (group < 0 || group >= groups) fail("tree " + std::to_string(t) + " belongs to a class the model does not have");
    checkTree(trees[t], t, features);
  }
}

}  // namespace lathe::ml
