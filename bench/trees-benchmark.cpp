// A random forest (100 trees, 2 threads) on one data file: fitted on the first 80% of the rows,
// scored on the last 20%, RUNS times. Categories one-hot (FeatureEncoder), as pandas get_dummies
// on the Python side. Prints one JSON line: fit and predict seconds per run, holdout accuracy.
// Usage: lathe-trees-bench FILE TARGET RUNS
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <numeric>
#include <stop_token>
#include <string>

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/FeatureEncoder.h"

using namespace lathe;

namespace {
double since(std::chrono::steady_clock::time_point start) {
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
  if (argc != 4) {
    std::fprintf(stderr, "usage: lathe-trees-bench FILE TARGET RUNS\n");
    return 2;
  }
  try {
    std::stop_source stop;
    jobs::NullProgressSink sink;
    jobs::JobContext context(stop.get_token(), sink);
    data::ImportRequest request;
    request.path = argv[1];
    const int runs = std::max(1, std::stoi(argv[3]));
    const auto table = data::DataImporter::import(request, context).table;
    const auto data = ml::FeatureEncoder::fit(table, argv[2]).encodeTraining(table);
    const std::size_t cut = data.x.rows() * 4 / 5;
    std::vector<std::size_t> trainRows(cut), testRows(data.x.rows() - cut);
    std::iota(trainRows.begin(), trainRows.end(), std::size_t{0});
    std::iota(testRows.begin(), testRows.end(), cut);
    const auto train = data.selectRows(trainRows);
    const auto test = data.selectRows(testRows);
    std::vector<double> fitSeconds, predictSeconds;
    double accuracy = 0.0;
    for (int run = 0; run < runs; ++run) {
      auto forest = ml::EstimatorRegistry::create("forest", {{"n_estimators", 100}, {"n_jobs", 2}, {"random_state", run}});
      auto start = std::chrono::steady_clock::now();
      forest->fit(train, context);
      fitSeconds.push_back(since(start));
      start = std::chrono::steady_clock::now();
      const auto predicted = forest->predict(test.x);
      predictSeconds.push_back(since(start));
      double hits = 0;
      for (std::size_t i = 0; i < predicted.size(); ++i) hits += predicted[i] == test.y[i] ? 1 : 0;
      accuracy = hits / static_cast<double>(predicted.size());
    }
    std::printf("{\"rows\":%zu,\"features\":%zu,\"fit\":%s,\"predict\":%s,\"accuracy\":%.6f}\n", data.x.rows(), data.x.cols(),
                list(fitSeconds).c_str(), list(predictSeconds).c_str(), accuracy);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lathe-trees-bench: %s\n", e.what());
    return 2;
  }
}
