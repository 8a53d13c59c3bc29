#include "engine/tune/TuningRequest.h"

#include "engine/core/Error.h"

namespace lathe::tune {

nlohmann::json TuningRequest::toJson() const {
  nlohmann::json out = {{"source", source},       {"target", target},   {"algorithm", algorithm},
                        {"space", space.toJson()}, {"strategy", strategy}, {"objective", objective},
                        {"trials", trials},        {"time_budget", timeBudgetSeconds},
                        {"seed", seed},            {"folds", folds},     {"parallel", parallel},
                        {"pruning", pruning},      {"name", name}};
  if (datasetVersionId) out["dataset_version"] = *datasetVersionId;
  return out;
}

TuningRequest TuningRequest::fromJson(const nlohmann::json& json) {
  try {
    TuningRequest r;
    r.source = json.value("source", std::string());
    r.target = json.at("target").get<std::string>();
    r.algorithm = json.at("algorithm").get<std::string>();
    r.space = SearchSpace::fromJson(json.at("space"));
    r.strategy = json.value("strategy", std::string("bayes"));
    r.objective = json.value("objective", std::string());
    r.trials = json.value("trials", std::size_t{20});
    r.timeBudgetSeconds = json.value("time_budget", 0.0);
    r.seed = json.value("seed", std::uint64_t{0});
    r.folds = json.value("folds", std::size_t{5});
    r.parallel = json.value("parallel", std::size_t{2});
    r.pruning = json.value("pruning", true);
    r.name = json.value("name", std::string());
    if (json.contains("dataset_version")) r.datasetVersionId = json["dataset_version"].get<std::int64_t>();
    return r;
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::Parse, std::string("the tuning's record cannot be read: ") + e.what());
  }
}

}  // namespace lathe::tune
