#include "widgets/panels/HyperparameterHints.h"

namespace lathe::widgets {

namespace {

HyperparameterHint bounded(QString tip, std::optional<double> low, std::optional<double> high = {}) {
  return {std::move(tip), low, high, {}};
}

HyperparameterHint choice(QString tip, QStringList choices) { return {std::move(tip), {}, {}, std::move(choices)}; }

}  // namespace

HyperparameterHint HyperparameterHints::hint(const QString& algorithm, const QString& key) {
  const bool trees = algorithm == QLatin1String("tree") || algorithm == QLatin1String("forest");
  if (key == QLatin1String("C"))
    return bounded(tr("Inverse of the regularisation strength: smaller values keep the weights smaller."), 1e-6, 1e6);
  if (key == QLatin1String("penalty"))
    return algorithm == QLatin1String("linear")
               ? choice(tr("none: ordinary least squares; l2: ridge; l1: lasso; elasticnet: both."),
                        {"none", "l2", "l1", "elasticnet"})
               : choice(tr("l2 shrinks every weight; l1 sets weak ones to exactly zero; none: no penalty."),
                        {"l2", "l1", "none"});
  if (key == QLatin1String("alpha"))
    return algorithm == QLatin1String("naive_bayes")
               ? bounded(tr("Additive smoothing of category counts (categorical and multinomial variants)."), 0.0)
               : bounded(tr("Strength of the L2 (or elastic-net) penalty on the weights."), 0.0);
  if (key == QLatin1String("l1_ratio")) return bounded(tr("Elastic net only: the share of L1 in the penalty."), 0.0, 1.0);
  if (key == QLatin1String("max_iter")) return bounded(tr("The most iterations (or epochs) the solver may run."), 1, 100000);
  if (key == QLatin1String("tol")) return bounded(tr("Training stops when an iteration improves by less than this."), 0.0);
  if (key == QLatin1String("fit_intercept")) return bounded(tr("Learn a constant term as well as the weights."), {});
  if (key == QLatin1String("n_estimators"))
    return algorithm == QLatin1String("xgboost") ? bounded(tr("Boosting rounds: one tree is added per round."), 1, 100000)
                                                 : bounded(tr("Number of trees; more trees are steadier but slower."), 1, 10000);
  if (key == QLatin1String("max_depth"))
    return bounded(trees ? tr("Deepest a tree may grow; empty: until the leaves are pure.")
                         : tr("Deepest each boosted tree may grow."),
                   1, 1000);
  if (key == QLatin1String("min_samples_leaf")) return bounded(tr("Fewest training rows a leaf may hold."), 1, 1e9);
  if (key == QLatin1String("min_samples_split")) return bounded(tr("Fewest rows a node needs to be split."), 2, 1e9);
  if (key == QLatin1String("max_features"))
    return choice(tr("Features tried at each split: auto (all for a tree, the square root for a forest's "
                     "classifier), sqrt, log2, or a number."),
                  {"auto", "sqrt", "log2"});
  if (key == QLatin1String("criterion"))
    return choice(tr("How a split is judged: gini or entropy for classes, squared_error for values; auto picks by task."),
                  {"auto", "gini", "entropy", "squared_error"});
  if (key == QLatin1String("bootstrap")) return bounded(tr("Each tree learns from a resample of the rows."), {});
  if (key == QLatin1String("oob_score"))
    return bounded(tr("Score each row with the trees that did not see it (out-of-bag)."), {});
  if (key == QLatin1String("n_jobs") || key == QLatin1String("threads"))
    return bounded(tr("Worker threads; 0 uses every core."), 0, 256);
  if (key == QLatin1String("random_state"))
    return bounded(tr("Seed of the random numbers: the same seed gives the same model."), 0, 2147483647);
  if (key == QLatin1String("learning_rate"))
    return bounded(tr("How much each new tree corrects the previous ones; smaller needs more rounds."), 0.0, 1.0);
  if (key == QLatin1String("subsample")) return bounded(tr("Share of rows each tree sees."), 0.0, 1.0);
  if (key == QLatin1String("colsample_bytree")) return bounded(tr("Share of features each tree sees."), 0.0, 1.0);
  if (key == QLatin1String("min_child_weight"))
    return bounded(tr("Smallest total weight (hessian) a leaf may hold; larger is more conservative."), 0.0);
  if (key == QLatin1String("reg_lambda")) return bounded(tr("L2 penalty on the leaf values."), 0.0);
  if (key == QLatin1String("early_stopping_rounds"))
    return bounded(tr("Stop when the validation score has not improved for this many rounds; empty: never."), 1, 100000);
  if (key == QLatin1String("validation_fraction"))
    return bounded(tr("Share of the training rows held out to decide early stopping."), 0.0, 1.0);
  if (key == QLatin1String("n_neighbors")) return bounded(tr("How many nearest rows vote on a prediction."), 1, 100000);
  if (key == QLatin1String("weights"))
    return choice(tr("uniform: every neighbour counts the same; distance: nearer ones count more."),
                  {"uniform", "distance"});
  if (key == QLatin1String("metric"))
    return choice(tr("How distance between rows is measured."), {"euclidean", "manhattan"});
  if (key == QLatin1String("scale"))
    return bounded(tr("Standardise the inputs (mean 0, standard deviation 1) inside the model."), {});
  if (key == QLatin1String("variant"))
    return choice(tr("gaussian for measurements, multinomial for counts, categorical for category codes."),
                  {"gaussian", "multinomial", "categorical"});
  if (key == QLatin1String("var_smoothing"))
    return bounded(tr("Added to every variance, as a share of the largest, for stability."), 0.0);
  if (key == QLatin1String("hidden_layer_sizes"))
    return bounded(tr("Units in each hidden layer, e.g. [100] or [64, 32]."), {});
  if (key == QLatin1String("learning_rate_init")) return bounded(tr("Adam's step size."), 0.0, 10.0);
  if (key == QLatin1String("batch_size"))
    return bounded(tr("Rows per mini-batch; auto: 200, or all rows when fewer."), {});
  if (key == QLatin1String("early_stopping"))
    return bounded(tr("Hold out validation rows and stop when their score stops improving."), {});
  if (key == QLatin1String("n_iter_no_change"))
    return bounded(tr("Epochs without improvement before training stops."), 1, 100000);
  if (key == QLatin1String("beta_1") || key == QLatin1String("beta_2"))
    return bounded(tr("Adam's decay rate of its running averages."), 0.0, 1.0);
  if (key == QLatin1String("epsilon")) return bounded(tr("Adam's guard against division by zero."), 0.0);
  if (key == QLatin1String("shuffle")) return bounded(tr("Shuffle the rows before every epoch."), {});
  if (key == QLatin1String("n_clusters")) return bounded(tr("How many clusters to find."), 1, 100000);
  if (key == QLatin1String("n_init")) return bounded(tr("Restarts from different seeds; the best is kept."), 1, 1000);
  if (key == QLatin1String("eps")) return bounded(tr("Largest distance between two rows of one neighbourhood."), 0.0);
  if (key == QLatin1String("min_samples"))
    return bounded(tr("Rows a neighbourhood needs to form the core of a cluster."), 1, 1e9);
  if (key == QLatin1String("n_components"))
    return bounded(tr("Components to keep; empty: as many as features."), 1, 100000);
  if (key == QLatin1String("contamination"))
    return bounded(tr("Expected share of anomalies, or auto."), {});
  if (key == QLatin1String("max_samples")) return bounded(tr("Rows each tree samples, or auto (256)."), {});
  return {};
}

QString HyperparameterHints::algorithmLabel(const QString& algorithm) {
  if (algorithm == QLatin1String("logistic")) return tr("Logistic regression");
  if (algorithm == QLatin1String("linear")) return tr("Linear regression");
  if (algorithm == QLatin1String("tree")) return tr("Decision tree");
  if (algorithm == QLatin1String("forest")) return tr("Random forest");
  if (algorithm == QLatin1String("xgboost")) return tr("Gradient-boosted trees (XGBoost)");
  if (algorithm == QLatin1String("knn")) return tr("k-nearest neighbours");
  if (algorithm == QLatin1String("naive_bayes")) return tr("Naive Bayes");
  if (algorithm == QLatin1String("mlp")) return tr("Neural network (multilayer perceptron)");
  if (algorithm == QLatin1String("kmeans")) return tr("k-means clustering");
  if (algorithm == QLatin1String("dbscan")) return tr("DBSCAN clustering");
  if (algorithm == QLatin1String("pca")) return tr("Principal component analysis");
  if (algorithm == QLatin1String("isolation_forest")) return tr("Isolation forest (anomalies)");
  return algorithm;
}

QString HyperparameterHints::algorithmToolTip(const QString& algorithm) {
  if (algorithm == QLatin1String("logistic")) return tr("A linear model of class probabilities; fast and easy to explain.");
  if (algorithm == QLatin1String("linear")) return tr("A straight-line model of a value: least squares, ridge, lasso or elastic net.");
  if (algorithm == QLatin1String("tree")) return tr("Yes/no questions on the features, drawn as a tree you can read.");
  if (algorithm == QLatin1String("forest")) return tr("Many trees on resampled rows, voting: strong with little tuning.");
  if (algorithm == QLatin1String("xgboost")) return tr("Trees added one by one, each fixing the last ones' errors: often the most accurate.");
  if (algorithm == QLatin1String("knn")) return tr("Predicts from the most similar training rows.");
  if (algorithm == QLatin1String("naive_bayes")) return tr("Counts and averages per class; very fast, a good baseline.");
  if (algorithm == QLatin1String("mlp")) return tr("Layers of units trained by gradient descent; needs more data and time.");
  return {};
}

}  // namespace lathe::widgets
