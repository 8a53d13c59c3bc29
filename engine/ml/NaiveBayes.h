#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/ml/Estimator.h"

namespace lathe::ml {

// Naive Bayes classifiers ("naive_bayes"), as scikit-learn's, chosen by "variant":
//  - gaussian (default): GaussianNB; "var_smoothing" (1e-9) times the largest feature variance
//    is added to every variance.
//  - multinomial: MultinomialNB for counts or TF-IDF weights (non-negative); "alpha" (1.0) is
//    the additive smoothing.
//  - categorical: CategoricalNB for features holding level codes 0, 1, 2, ... (FeatureEncoder's
//    Codes); "alpha" (1.0). A level never seen when fitting gets the smoothed zero-count
//    probability (scikit-learn raises instead). At most 65,536 levels per feature.
// Class priors are the class frequencies. A class absent from the training rows gets
// probability 0. Missing values (NaN) and infinities are not handled: fit() and predict() refuse
// them naming the feature (the recipe's fill step is the cure).
class NaiveBayes final : public Estimator {
 public:
  enum class Variant { Gaussian, Multinomial, Categorical };
  static constexpr std::uint32_t kMaxLevels = 65536;

  // Validates `parameters` (unknown names and bad values are lathe::Error(InvalidArgument)).
  static std::unique_ptr<Estimator> create(const nlohmann::json& parameters);
  NaiveBayes(Variant variant, double varSmoothing, double alpha)
      : variant_(variant), varSmoothing_(varSmoothing), alpha_(alpha) {}

  std::string algorithm() const override { return "naive_bayes"; }
  nlohmann::json parameters() const override;
  bool supports(Task task) const override { return isClassification(task); }
  void fit(const TrainingData& data, const jobs::JobContext& context) override;
  std::vector<double> predict(const FeatureMatrix& x) const override;
  ClassProbabilities predictProba(const FeatureMatrix& x) const override;
  void save(ModelWriter& out) const override;
  void load(ModelReader& in) override;
  std::unique_ptr<Estimator> clone() const override {
    return std::make_unique<NaiveBayes>(variant_, varSmoothing_, alpha_);
  }

  // The fitted state, for inspection and tests: per class x feature (row-major by class) the
  // means and variances (gaussian) or log probabilities (multinomial).
  const std::vector<double>& means() const noexcept { return theta_; }
  const std::vector<double>& variances() const noexcept { return var_; }
  const std::vector<double>& featureLogProbabilities() const noexcept { return logProb_; }

 private:
  // Joint log likelihood per row and class (rows x classes, row-major).
  std::vector<double> jointLogLikelihood(const FeatureMatrix& x) const;
  void checkValues(const FeatureMatrix& x, const char* what) const;
  void deriveLogPriors();
  void deriveLevelOffsets();

  Variant variant_;
  double varSmoothing_;
  double alpha_;
  std::vector<std::string> classes_;
  std::vector<std::string> features_;
  std::vector<double> classCounts_;
  std::vector<double> logPrior_;             // derived: log(count / total), -inf for an absent class
  std::vector<double> theta_, var_;          // gaussian: classes x features
  std::vector<double> logProb_;              // multinomial: classes x features; categorical: see below
  std::vector<std::uint32_t> levels_;        // categorical: levels per feature
  std::vector<std::size_t> levelOffsets_;    // derived: feature f's block of classes x levels[f] in logProb_
};

}  // namespace lathe::ml
