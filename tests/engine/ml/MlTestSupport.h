#pragma once
// Shared by the engine/ml tests: load a dataset of ../shared/datasets through the real importer
// and FeatureEncoder, a context to fit with, and the fold split the sklearn references use.
#include <cmath>
#include <iterator>
#include <set>
#include <stop_token>
#include <string>
#include <vector>

#include "engine/data/DataImporter.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "engine/ml/FeatureEncoder.h"
#include "TestPaths.h"

namespace mltest {

inline std::string datasetPath(const std::string& file) { return std::string(LATHE_DATASETS_DIR) + "/" + file; }

inline lathe::data::Table loadTable(const std::string& file) {
  lathe::jobs::NullProgressSink sink;
  lathe::jobs::JobContext context(std::stop_token{}, sink);
  lathe::data::ImportRequest request;
  request.path = datasetPath(file);
  return lathe::data::DataImporter::import(request, context).table;
}

// Every column but `target` as features, categories one-hot (or as codes, for trees).
inline lathe::ml::TrainingData loadTraining(const std::string& file, const std::string& target,
                                            lathe::ml::FeatureEncoder::Categories categories =
                                                lathe::ml::FeatureEncoder::Categories::OneHot) {
  const auto table = loadTable(file);
  return lathe::ml::FeatureEncoder::fit(table, target, {}, categories).encodeTraining(table);
}

// A context that never stops and drops progress.
struct QuietContext {
  lathe::jobs::NullProgressSink sink;
  lathe::jobs::JobContext context{std::stop_token{}, sink};
};

// Without FeatureEncoder, as the k-NN and MLP references were made: a dataset's numeric columns
// as features; the target as sorted class labels (classify) or values.
inline lathe::ml::TrainingData numericTraining(const std::string& file, const std::string& target, bool classify) {
  using namespace lathe;
  using namespace lathe::ml;
  QuietContext quiet;
  data::ImportRequest request;
  request.path = std::string(LATHE_DATASETS_DIR) + "/" + file;
  const auto table = data::DataImporter::import(request, quiet.context).table;
  std::vector<std::size_t> features;
  std::vector<std::string> names;
  for (std::size_t c = 0; c < table.columnCount(); ++c)
    if (table.column(c).name() != target && table.column(c).isNumeric()) {
      features.push_back(c);
      names.push_back(table.column(c).name());
    }
  TrainingData data{FeatureMatrix(table.rowCount(), names), {}, classify ? Task::Binary : Task::Regression, {}, target};
  for (std::size_t f = 0; f < features.size(); ++f)
    for (std::size_t r = 0; r < table.rowCount(); ++r) data.x.at(r, f) = table.column(features[f]).numericAt(r);
  const auto& y = table.column(*table.indexOf(target));
  if (classify) {
    std::set<std::string> labels;
    for (std::size_t r = 0; r < table.rowCount(); ++r) labels.insert(y.displayText(r));
    data.classes.assign(labels.begin(), labels.end());
    data.task = labels.size() > 2 ? Task::Multiclass : Task::Binary;
    for (std::size_t r = 0; r < table.rowCount(); ++r)
      data.y.push_back(static_cast<double>(std::distance(labels.begin(), labels.find(y.displayText(r)))));
  } else {
    for (std::size_t r = 0; r < table.rowCount(); ++r) data.y.push_back(y.numericAt(r));
  }
  return data;
}

// Row i is in fold i % k: trivial to reproduce in Python with
// sklearn.model_selection.PredefinedSplit(np.arange(n) % k), so references use the same split.
struct Fold {
  std::vector<std::size_t> train, test;
};
inline std::vector<Fold> interleavedFolds(std::size_t rows, std::size_t k) {
  std::vector<Fold> folds(k);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t f = 0; f < k; ++f) (r % k == f ? folds[f].test : folds[f].train).push_back(r);
  return folds;
}

// Standardises every column in place with its mean and population std
// (sklearn StandardScaler), for tests that compare on scaled data.
inline void standardise(lathe::ml::FeatureMatrix& x) {
  for (std::size_t c = 0; c < x.cols(); ++c) {
    auto col = x.column(c);
    double mean = 0, sq = 0;
    for (double v : col) mean += v;
    mean /= static_cast<double>(col.size());
    for (double v : col) sq += (v - mean) * (v - mean);
    const double sd = std::sqrt(sq / static_cast<double>(col.size()));
    for (double& v : col) v = sd > 0 ? (v - mean) / sd : 0.0;
  }
}

}  // namespace mltest
