#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace lathe::tune {

// One evaluation of one point of a search space: its hyperparameters, the objective over the
// folds it ran (all of them unless it was pruned), and the experiment run that records it.
struct Trial {
  enum class State { Complete, Pruned, Failed };

  int number = 0;  // 1, 2, ... in the order they were suggested
  nlohmann::json parameters = nlohmann::json::object();
  State state = State::Complete;
  double score = std::numeric_limits<double>::quiet_NaN();  // the objective, as the metric reads
  std::vector<double> foldScores;
  std::int64_t runId = 0;
  double seconds = 0.0;
  std::string error;

  bool scored() const { return state != State::Failed && score == score; }
};

constexpr std::string_view trialStateName(Trial::State state) {
  switch (state) {
    case Trial::State::Complete: return "complete";
    case Trial::State::Pruned: return "pruned";
    case Trial::State::Failed: return "failed";
  }
  return "failed";
}

}  // namespace lathe::tune
