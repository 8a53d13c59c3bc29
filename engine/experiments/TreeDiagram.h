#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lathe::experiments {

struct TrainedModel;

// A fitted decision tree as people read it: each split in the words of the table's columns
// ("duration <= 22.5", "checking_status is '<0'"), the texts of its two edges, its training rows,
// class shares and prediction. The semantics are the engine's exactly: a row goes left when its
// value is <= the threshold, a missing value goes where missingGoesLeft says; for a one-hot
// indicator "is 'level'" the row goes left when it is NOT that level (left edge "no").
// Nodes are in depth-first order, left subtree first, node 0 the root, children after parents
// (so a walk in index order meets leaves left to right).
struct TreeDiagram {
  struct Node {
    std::string split;                  // "" for a leaf
    std::string leftLabel, rightLabel;  // "<= 22.5" / "> 22.5", or "no" / "yes"
    int left = -1, right = -1;
    int depth = 0;
    double samples = 0;
    std::vector<double> distribution;  // class shares (classification) / {mean} (regression)
    std::string prediction;            // the majority class label, or the mean formatted
    double impurity = 0;
    bool missingGoesLeft = true;  // where a row with no value for the split's column goes
    bool isLeaf() const noexcept { return left < 0; }
  };

  std::vector<Node> nodes;
  std::vector<std::string> classes;  // empty for regression
  bool regression = false;
  std::string target;  // the column the tree predicts

  std::size_t leafCount() const;
  std::size_t depth() const;

  // The diagram of a run's model; nullopt when the model is not a single decision tree (a forest,
  // a logistic regression, ...). A tree wrapped for impute=median is unwrapped. A model whose
  // tree is not a tree (a node reached twice: only a damaged file) is lathe::Error(Parse).
  static std::optional<TreeDiagram> of(const TrainedModel& model);
};

}  // namespace lathe::experiments
