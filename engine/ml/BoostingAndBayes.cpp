#include "engine/ml/AlgorithmCatalog.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/NaiveBayes.h"
#include "engine/ml/XgboostModel.h"

namespace lathe::ml {

void registerBoostingAndBayes() {
  EstimatorRegistry::add("xgboost", &XgboostModel::create);
  EstimatorRegistry::add("naive_bayes", &NaiveBayes::create);
}

}  // namespace lathe::ml
