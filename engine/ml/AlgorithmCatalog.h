#pragma once

namespace lathe::ml {

// Each family of algorithms registers its estimators with EstimatorRegistry from its own file,
// so families are added without touching the registry. EstimatorRegistry calls them once.
void registerLinearModels();        // linear, logistic            (LinearModels.cpp)
void registerTreeModels();          // tree, forest                (TreeModels.cpp)
void registerBoostingAndBayes();    // xgboost, naive_bayes        (BoostingAndBayes.cpp)
void registerNeuralAndNeighbours(); // mlp, knn                    (NeuralAndNeighbours.cpp)
void registerUnsupervisedModels();  // kmeans, pca, dbscan, isolation_forest (UnsupervisedModels.cpp)

}  // namespace lathe::ml
