// The unsupervised family on one numeric CSV: k-means, PCA, DBSCAN and isolation forest, each
// fitted RUNS times (and predicting on the same rows), on the standardised numeric columns
// (all but DROP). Prints one JSON line with the seconds of each run and a figure of the result
// the script compares with scikit-learn's (inertia, first variance ratio, clusters and noise,
// rows flagged).
// Usage: lathe-unsupervised-bench CSV RUNS DROP EPS     e.g. ... digits_8x8.csv 3 digit 4.0
#include <malloc.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/Dbscan.h"
#include "engine/ml/IsolationForest.h"
#include "engine/ml/KMeans.h"
#include "engine/ml/Pca.h"

using namespace lathe;
using namespace lathe::ml;

namespace {

double seconds(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string list(const std::vector<double>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + std::to_string(values[i]);
  return out + "]";
}

}  // namespace

int main(int argc, char** argv) {
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);  // as the apps do
  if (argc != 5) {
    std::fprintf(stderr, "usage: lathe-unsupervised-bench CSV RUNS DROP EPS\n");
    return 2;
  }
  try {
    std::stop_source stop;
    jobs::NullProgressSink sink;
    const jobs::JobContext context(stop.get_token(), sink);
    data::ImportRequest request;
    request.path = argv[1];
    const int runs = std::max(1, std::stoi(argv[2]));
    const std::string drop = argv[3];
    const double eps = std::stod(argv[4]);
    const data::Table table = data::DataImporter::import(request, context).table;
    std::vector<std::size_t> columns;
    std::vector<std::string> names;
    for (std::size_t c = 0; c < table.columnCount(); ++c)
      if (table.column(c).name() != drop && table.column(c).isNumeric()) {
        columns.push_back(c);
        names.push_back(table.column(c).name());
      }
    TrainingData data{FeatureMatrix(table.rowCount(), names), {}, Task::Clustering, {}, {}};
    // Standardised as sklearn's StandardScaler (population std; constant columns left at 0).
    for (std::size_t f = 0; f < columns.size(); ++f) {
      auto column = data.x.column(f);
      double mean = 0, sq = 0;
      for (std::size_t r = 0; r < table.rowCount(); ++r) mean += column[r] = table.column(columns[f]).numericAt(r);
      mean /= static_cast<double>(table.rowCount());
      for (double v : column) sq += (v - mean) * (v - mean);
      const double sd = std::sqrt(sq / static_cast<double>(table.rowCount()));
      for (double& v : column) v = sd > 0 ? (v - mean) / sd : 0.0;
    }

    std::string json = "{\"rows\":" + std::to_string(data.x.rows()) + ",\"cols\":" + std::to_string(data.x.cols());
    const auto time = [&](const std::string& name, Estimator& model, const std::function<std::string()>& figure) {
      std::vector<double> fit, predict;
      for (int run = 0; run < runs; ++run) {
        fit.push_back(seconds([&] { model.fit(data, context); }));
        predict.push_back(seconds([&] { model.predict(data.x); }));
      }
      json += ",\"" + name + "\":{\"fit\":" + list(fit) + ",\"predict\":" + list(predict) + "," + figure() + "}";
    };
    KMeans::Parameters k;
    k.clusters = 8;
    k.initRuns = 10;
    k.seed = 0;
    KMeans kmeans(k);
    time("kmeans", kmeans, [&] { return "\"inertia\":" + std::to_string(kmeans.inertia()); });
    Pca pca;
    time("pca", pca, [&] { return "\"ratio1\":" + std::to_string(pca.explainedVarianceRatio().front()); });
    Dbscan::Parameters d;
    d.eps = eps;
    Dbscan dbscan(d);
    time("dbscan", dbscan, [&] {
      std::size_t noise = 0;
      for (int label : dbscan.labels()) noise += label < 0;
      return "\"clusters\":" + std::to_string(dbscan.clusterCount()) + ",\"noise\":" + std::to_string(noise);
    });
    IsolationForest::Parameters i;
    i.seed = 0;
    IsolationForest forest(i);
    time("iforest", forest, [&] {
      std::size_t flagged = 0;
      for (double v : forest.predict(data.x)) flagged += v > 0.5;
      return "\"flagged\":" + std::to_string(flagged);
    });
    std::printf("%s}\n", json.c_str());
    return 0;
  } catch (const Error& e) {
    std::fprintf(stderr, "%s\n", formatError(e.message(), e.where()).c_str());
    return 2;
  }
}
