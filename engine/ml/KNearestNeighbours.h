#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/ml/Estimator.h"
#include "engine/ml/MlpInputScaler.h"

namespace lathe::ml {

// k-nearest neighbours ("knn"), classification and regression, as scikit-learn's
// KNeighborsClassifier / KNeighborsRegressor with algorithm="brute".
//
// Parameters (defaults as scikit-learn): n_neighbors 5; weights "uniform" | "distance"
// (1/distance; a query at distance 0 from training rows takes only those rows, as sklearn);
// metric "euclidean" | "manhattan"; scale false (true: standardise features first, fitted on the
// training rows); threads 0 (one per core) for predict.
//
// Brute force in blocks: Eigen computes |q|^2 + |x|^2 - 2 q.x for 64 queries x 2048 training
// rows at a time (bounded memory: 1 MiB per thread), each query keeps its k best; the chosen
// neighbours' distances are then recomputed exactly. Ties in distance go to the training row
// that comes first; ties in the vote to the lowest class index (scikit-learn's mode does the
// same). Only near-ties within ~1e-12 relative at the k-th place can choose differently from
// sklearn's kd-tree.
//
// Missing values: not handled; NaN or inf in a feature is lathe::Error(InvalidArgument) naming
// it (fill them in the recipe). Categories arrive one-hot from FeatureEncoder.
class KNearestNeighbours final : public Estimator {
 public:
  struct Parameters {
    int neighbours = 5;
    bool distanceWeights = false;
    bool manhattan = false;
    bool scale = false;
    int threads = 0;
  };
  // The k nearest training rows of each query row, nearest first: index[row * k + j].
  struct Neighbours {
    std::size_t k = 0;
    std::vector<std::uint32_t> index;
    std::vector<double> distance;
  };

  KNearestNeighbours();  // defaults
  explicit KNearestNeighbours(Parameters parameters) : parameters_(parameters) {}
  // The registry's factory: validates every parameter.
  static std::unique_ptr<Estimator> create(const nlohmann::json& parameters);

  std::string algorithm() const override { return "knn"; }
  nlohmann::json parameters() const override;
  bool supports(Task task) const override { return task != Task::Clustering; }
  void fit(const TrainingData& data, const jobs::JobContext& context) override;
  std::vector<double> predict(const FeatureMatrix& x) const override;
  ClassProbabilities predictProba(const FeatureMatrix& x) const override;
  void save(ModelWriter& out) const override;
  void load(ModelReader& in) override;
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<KNearestNeighbours>(parameters_); }

  Neighbours neighbours(const FeatureMatrix& x) const;

 private:
  void requireFitted() const;
  // Per query row, the weight of each of its k neighbours.
  std::vector<double> weights(const Neighbours& found) const;

  Parameters parameters_;
  Task task_ = Task::Regression;
  std::size_t classes_ = 0;
  std::size_t rows_ = 0;
  MlpInputScaler scaler_;
  std::vector<double> points_;  // rows_ x features, row-major, scaled
  std::vector<double> norms_;   // |x|^2 per training row
  std::vector<double> y_;
};

}  // namespace lathe::ml
