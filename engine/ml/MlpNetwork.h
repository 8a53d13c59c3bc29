#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include <Eigen/Dense>

namespace lathe::ml {

class MlpRandom;
class ModelWriter;
class ModelReader;

// The multilayer perceptron's layers: ReLU hidden layers and an output layer that is the
// identity (regression), logistic (binary, one unit) or softmax (multiclass), as
// scikit-learn's MLPClassifier/MLPRegressor. Rows are samples; every buffer is preallocated for
// the largest batch, so training allocates nothing per sample or per batch.
class MlpNetwork {
 public:
  enum class Output : std::uint32_t { Identity = 0, Logistic = 1, Softmax = 2 };
  struct Layer {
    Eigen::MatrixXd weights;  // fan_in x fan_out
    Eigen::RowVectorXd bias;  // fan_out
  };
  // Per-batch work space: activations and deltas per layer, and the gradients.
  struct Workspace {
    std::vector<Eigen::MatrixXd> activations;  // [l]: the output of layer l, batch x fan_out
    std::vector<Eigen::MatrixXd> deltas;
    std::vector<Eigen::MatrixXd> weightGradients;
    std::vector<Eigen::RowVectorXd> biasGradients;
  };

  MlpNetwork() = default;
  // sizes: inputs, hidden..., outputs. Weights and biases Glorot-uniform as sklearn:
  // U(-b, b) with b = sqrt(6 / (fan_in + fan_out)).
  MlpNetwork(const std::vector<std::size_t>& sizes, Output output, MlpRandom& random);

  Workspace workspace(std::size_t batchRows) const;
  // The first `rows` rows of `input` through every layer into work.activations.
  void forward(const Eigen::MatrixXd& input, Eigen::Index rows, Workspace& work) const;
  // After forward(): the batch's loss (log loss or half squared error, plus the L2 penalty
  // alpha/2 |W|^2 / rows) and its gradients in work, as sklearn's _backprop.
  double backward(const Eigen::MatrixXd& input, const Eigen::MatrixXd& targets, Eigen::Index rows, double alpha,
                  Workspace& work) const;
  // The output layer for every row of x (rows x outputs), in blocks of bounded size.
  Eigen::MatrixXd predict(const Eigen::Ref<const Eigen::MatrixXd>& x) const;

  std::vector<Layer>& layers() noexcept { return layers_; }
  const std::vector<Layer>& layers() const noexcept { return layers_; }
  Output output() const noexcept { return output_; }
  std::size_t inputs() const { return layers_.empty() ? 0 : static_cast<std::size_t>(layers_.front().weights.rows()); }
  std::size_t outputs() const { return layers_.empty() ? 0 : static_cast<std::size_t>(layers_.back().weights.cols()); }

  void save(ModelWriter& out) const;
  // Checks every layer against `sizes` (as the parameters say) and every number finite:
  // lathe::Error(Parse) with the byte offset otherwise.
  void load(ModelReader& in, const std::vector<std::size_t>& sizes, Output output);

 private:
  std::vector<Layer> layers_;
  Output output_ = Output::Identity;
};

}  // namespace lathe::ml
