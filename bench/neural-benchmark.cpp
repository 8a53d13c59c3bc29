// mlp and knn on real data, each workload timed RUNS times: fit on the rows r % 5 != 0 and
// predict the rows r % 5 == 0 (flights: fit the 100k-row sample, predict the 10k-row one).
// Features through FeatureEncoder (one-hot categories), as training in Lathe does. Prints one
// JSON line: per workload the fit and predict seconds of every run and the accuracy.
// Usage: lathe-neural-bench DATASETS_DIR FLIGHTS_TRAIN_CSV FLIGHTS_TEST_CSV RUNS
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <stop_token>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/FeatureEncoder.h"

using namespace lathe;

namespace {

std::stop_source stop;
jobs::NullProgressSink sink;
const jobs::JobContext context(stop.get_token(), sink);

data::Table import(const std::string& path) {
  data::ImportRequest request;
  request.path = path;
  return data::DataImporter::import(request, context).table;
}

double seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

nlohmann::json run(const std::string& algorithm, const nlohmann::json& parameters, const ml::TrainingData& train,
                   const ml::TrainingData& test, int runs) {
  nlohmann::json out{{"fit", nlohmann::json::array()}, {"predict", nlohmann::json::array()}};
  for (int r = 0; r < runs; ++r) {
    auto model = ml::EstimatorRegistry::create(algorithm, parameters);
    auto start = std::chrono::steady_clock::now();
    model->fit(train, context);
    out["fit"].push_back(seconds(start));
    start = std::chrono::steady_clock::now();
    const auto predicted = model->predict(test.x);
    out["predict"].push_back(seconds(start));
    std::size_t right = 0;
    for (std::size_t i = 0; i < predicted.size(); ++i) right += predicted[i] == test.y[i];
    out["accuracy"] = static_cast<double>(right) / static_cast<double>(predicted.size());
  }
  out["rows"] = train.x.rows();
  out["features"] = train.x.cols();
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);  // as the apps do
  if (argc != 5) {
    std::fprintf(stderr, "usage: lathe-neural-bench DATASETS_DIR FLIGHTS_TRAIN_CSV FLIGHTS_TEST_CSV RUNS\n");
    return 2;
  }
  try {
    const std::string dir = argv[1];
    const int runs = std::max(1, std::stoi(argv[4]));
    nlohmann::json result;
    const std::vector<std::pair<std::string, std::string>> datasets{
        {"digits_8x8.csv", "digit"}, {"breast_cancer.csv", "diagnosis"}, {"credit-g.arff", "class"}};
    for (const auto& [file, target] : datasets) {
      const auto table = import(dir + "/" + file);
      const auto encoder = ml::FeatureEncoder::fit(table, target);
      const auto all = encoder.encodeTraining(table);
      std::vector<std::size_t> trainRows, testRows;
      for (std::size_t r = 0; r < all.x.rows(); ++r) (r % 5 ? trainRows : testRows).push_back(r);
      const auto train = all.selectRows(trainRows), test = all.selectRows(testRows);
      result["mlp " + file] = run("mlp", {}, train, test, runs);
      result["knn " + file] = run("knn", {}, train, test, runs);
    }
    const auto flightsTrain = import(argv[2]), flightsTest = import(argv[3]);
    const auto encoder = ml::FeatureEncoder::fit(flightsTrain, "late");
    result["knn flights"] =
        run("knn", {}, encoder.encodeTraining(flightsTrain), encoder.encodeTraining(flightsTest), runs);
    std::printf("%s\n", result.dump().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lathe-neural-bench: %s\n", e.what());
    return 2;
  }
  return 0;
}
