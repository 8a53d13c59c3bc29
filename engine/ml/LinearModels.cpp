#include "engine/ml/AlgorithmCatalog.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/LinearRegression.h"
#include "engine/ml/LogisticRegression.h"

namespace lathe::ml {

void registerLinearModels() {
  EstimatorRegistry::add("linear", &LinearRegression::create);
  EstimatorRegistry::add("logistic", &LogisticRegression::create);
}

}  // namespace lathe::ml
