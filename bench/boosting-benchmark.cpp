// Fitting and predicting one estimator on one data file, each timed RUNS times after one import:
// how bench/ml-boosting.sh times Lathe's xgboost and naive_bayes against python3-xgboost and
// scikit-learn on the same numeric CSV. Prints one JSON line: rows, features, seconds per fit and
// per predict (of every row), and the training accuracy of the last fit, so the script can check
// both sides learned the same thing.
// Usage: lathe-boosting-bench CSV TARGET ALGORITHM PARAMETERS_JSON RUNS
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <functional>
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

nlohmann::json timed(int runs, const std::function<void()>& work) {
  auto seconds = nlohmann::json::array();
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    work();
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);  // as the apps do
  if (argc != 6) {
    std::fprintf(stderr, "usage: lathe-boosting-bench CSV TARGET ALGORITHM PARAMETERS_JSON RUNS\n");
    return 2;
  }
  try {
    std::stop_source stop;
    jobs::NullProgressSink sink;
    jobs::JobContext context(stop.get_token(), sink);
    data::ImportRequest request;
    request.path = argv[1];
    const auto table = data::DataImporter::import(request, context).table;
    const auto data = ml::FeatureEncoder::fit(table, argv[2]).encodeTraining(table);
    const auto parameters = nlohmann::json::parse(argv[4]);
    const int runs = std::max(1, std::stoi(argv[5]));

    std::unique_ptr<ml::Estimator> model;
    const auto fitSeconds = timed(runs, [&] {
      model = ml::EstimatorRegistry::create(argv[3], parameters);
      model->fit(data, context);
    });
    std::vector<double> predicted;
    const auto predictSeconds = timed(runs, [&] { predicted = model->predict(data.x); });
    std::size_t right = 0;
    for (std::size_t r = 0; r < predicted.size(); ++r) right += predicted[r] == data.y[r];
    const nlohmann::json out = {{"rows", data.x.rows()},
                                {"features", data.x.cols()},
                                {"fit", fitSeconds},
                                {"predict", predictSeconds},
                                {"accuracy", static_cast<double>(right) / static_cast<double>(predicted.size())}};
    std::printf("%s\n", out.dump().c_str());
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "lathe-boosting-bench: %s\n", error.what());
    return 2;
  }
}
