#include "engine/ml/AlgorithmCatalog.h"
#include "engine/ml/DecisionTree.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/RandomForest.h"

namespace lathe::ml {

void registerTreeModels() {
  EstimatorRegistry::add("tree", &DecisionTree::create);
  EstimatorRegistry::add("forest", &RandomForest::create);
}

}  // namespace lathe::ml
