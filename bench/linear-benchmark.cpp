// Times LinearRegression / LogisticRegression fit and predict on one data file, for
// bench/ml-linear.sh. Prints one JSON object: rows, features, fit and predict seconds per run,
// and the training-set score (accuracy for classes, R^2 for numbers) to check against sklearn.
// Usage: lathe-linear-bench FILE TARGET ALGORITHM PARAMETERS_JSON RUNS
#include <chrono>
#include <cstdio>
#include <iostream>
#include <stop_token>

#include <nlohmann/json.hpp>

#include "engine/data/DataImporter.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/FeatureEncoder.h"

using namespace lathe;

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: lathe-linear-bench FILE TARGET ALGORITHM PARAMETERS_JSON RUNS\n";
    return 2;
  }
  try {
    jobs::NullProgressSink sink;
    jobs::JobContext context(std::stop_token{}, sink);
    data::ImportRequest request;
    request.path = argv[1];
    const auto table = data::DataImporter::import(request, context).table;
    const auto encoder = ml::FeatureEncoder::fit(table, argv[2]);
    const auto data = encoder.encodeTraining(table);
    const auto parameters = nlohmann::json::parse(argv[4]);
    const int runs = std::stoi(argv[5]);
    nlohmann::json fitSeconds = nlohmann::json::array(), predictSeconds = nlohmann::json::array();
    double score = 0;
    for (int run = 0; run < runs; ++run) {
      auto model = ml::EstimatorRegistry::create(argv[3], parameters);
      auto t0 = std::chrono::steady_clock::now();
      model->fit(data, context);
      auto t1 = std::chrono::steady_clock::now();
      const auto predicted = model->predict(data.x);
      auto t2 = std::chrono::steady_clock::now();
      fitSeconds.push_back(std::chrono::duration<double>(t1 - t0).count());
      predictSeconds.push_back(std::chrono::duration<double>(t2 - t1).count());
      if (ml::isClassification(data.task)) {
        std::size_t correct = 0;
        for (std::size_t i = 0; i < predicted.size(); ++i) correct += predicted[i] == data.y[i];
        score = static_cast<double>(correct) / static_cast<double>(predicted.size());
      } else {
        double mean = 0, ssRes = 0, ssTot = 0;
        for (double v : data.y) mean += v / static_cast<double>(data.y.size());
        for (std::size_t i = 0; i < predicted.size(); ++i) {
          ssRes += (data.y[i] - predicted[i]) * (data.y[i] - predicted[i]);
          ssTot += (data.y[i] - mean) * (data.y[i] - mean);
        }
        score = 1.0 - ssRes / ssTot;
      }
    }
    std::cout << nlohmann::json{{"rows", data.x.rows()}, {"features", data.x.cols()}, {"fit", fitSeconds},
                                {"predict", predictSeconds}, {"score", score}}
                     .dump()
              << "\n";
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
  return 0;
}
