#include "engine/ml/AlgorithmCatalog.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/KNearestNeighbours.h"
#include "engine/ml/MultilayerPerceptron.h"

namespace lathe::ml {

void registerNeuralAndNeighbours() {
  EstimatorRegistry::add("knn", &KNearestNeighbours::create);
  EstimatorRegistry::add("mlp", &MultilayerPerceptron::create);
}

}  // namespace lathe::ml
