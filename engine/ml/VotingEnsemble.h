#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "engine/ml/Estimator.h"
#include "engine/ml/IndicatorCodes.h"

namespace lathe::ml {

// Several models voting as one: the algorithm "ensemble", whose parameters name its members,
//   {"members": [{"algorithm": "xgboost", "parameters": {...}, "weight": 3}, ...]}
// (weight: a positive number, 1 unless given; no member may itself be an ensemble). Every member
// learns from the same rows and features, so one FeatureEncoder serves the whole ensemble: it is
// fitted on one-hot columns, and its tree members (tree, forest, xgboost) see them folded back
// into level codes (IndicatorCodes), as they would on their own. A classifier's probabilities are the
// weighted mean of its members' (a member without probabilities votes for its predicted class),
// its class the most probable; a regressor predicts the weighted mean of its members' values.
// AutoML builds one from its best trials (tune::EnsembleSelection).
class VotingEnsemble final : public Estimator {
 public:
  static constexpr const char* kAlgorithm = "ensemble";
  // More members than this is a mistake, not a model; a model file claiming more is refused.
  static constexpr std::size_t kMaxMembers = 256;

  struct Member {
    std::unique_ptr<Estimator> estimator;
    double weight = 1.0;
  };

  explicit VotingEnsemble(std::vector<Member> members);
  // The registry's factory: validates every member by creating it through EstimatorRegistry.
  static std::unique_ptr<Estimator> create(const nlohmann::json& parameters);

  std::string algorithm() const override { return kAlgorithm; }
  nlohmann::json parameters() const override;
  bool supports(Task task) const override;
  void fit(const TrainingData& data, const jobs::JobContext& context) override;
  std::vector<double> predict(const FeatureMatrix& x) const override;
  ClassProbabilities predictProba(const FeatureMatrix& x) const override;
  std::vector<double> featureImportances() const override;
  void save(ModelWriter& out) const override;
  void load(ModelReader& in) override;
  std::unique_ptr<Estimator> clone() const override;

  const std::vector<Member>& members() const noexcept { return members_; }

 private:
  double totalWeight() const;
  void requireFitted() const;
  bool wantsCodes(std::size_t member) const;

  std::vector<Member> members_;
  IndicatorCodes codes_;  // the identity unless a tree member learned from one-hot data
  bool fitted_ = false;
  Task task_ = Task::Regression;
  std::size_t classes_ = 0;
};

}  // namespace lathe::ml
