#pragma once
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/eval/Predictions.h"

namespace lathe::tune {

// Ensemble selection (Caruana, Niculescu-Mizil, Crew and Ksikes, ICML 2004): greedy forward
// selection with replacement over candidate models' out-of-fold predictions. Each step adds the
// candidate whose addition gives the best pooled objective of the blend (the mean of the chosen
// models' probabilities, or values for regression, each pick counting once); the search stops
// when no addition improves it, or after `steps` picks. A model picked k times has weight k.
// The first pick is the best single candidate, so the selection never scores worse than it.
// Deterministic: ties go to the candidate listed first.
//
// An object of the class is AutoML's pool of candidates: the best complete trials of all
// families, with their out-of-fold predictions (kept in memory only; of a large data set every
// k-th row, at most 50,000), and the members the selection makes of them.
class EnsembleSelection {
 public:
  // A trial that may join the ensemble.
  struct Candidate {
    std::string algorithm;
    nlohmann::json parameters;
    double score = std::numeric_limits<double>::quiet_NaN();  // its cross-validated objective
    eval::Predictions outOfFold;
  };

  // Keeps the best `capacity` candidates by score, and the best of each algorithm besides (more
  // rarely help: the selection stops after a few picks, and each costs its predictions in memory).
  EnsembleSelection(std::string objective, bool maximize, std::size_t capacity = 15);
  // Adds `candidate` if it is among the best `capacity` so far or its algorithm's best (a tie
  // goes to the earlier one); drops those that no longer are.
  void offer(Candidate candidate);
  const std::vector<Candidate>& candidates() const noexcept { return candidates_; }
  // The selection's picks as VotingEnsemble members, [{"algorithm", "parameters", "weight"}]:
  // one per distinct model (the same parameters reached twice count as one), its weight how
  // often it was picked. Empty without candidates.
  nlohmann::json members(std::size_t steps = 20) const;

  struct Result {
    std::vector<std::size_t> counts;  // per candidate: how often it was picked (0: not at all)
    double score = std::numeric_limits<double>::quiet_NaN();  // the selection's pooled objective
    std::vector<double> path;                                 // the pooled objective after each pick

    std::size_t distinct() const;
  };

  // Every candidate must hold predictions for the same rows (same task, classes and yTrue), as
  // cross-validation with one split gives them; otherwise lathe::Error(InvalidArgument).
  static Result select(const std::vector<const eval::Predictions*>& candidates, const std::string& objective,
                       bool maximize, std::size_t steps = 20);

  // The candidates blended with these weights, as VotingEnsemble blends its members: the
  // weighted mean of the probabilities (a candidate without them counts as sure of the class it
  // predicts) and their most probable class, or the weighted mean of the values.
  static eval::Predictions blend(const std::vector<const eval::Predictions*>& candidates,
                                 const std::vector<std::size_t>& counts);

 private:
  std::string objective_;
  bool maximize_;
  std::size_t capacity_;
  std::vector<Candidate> candidates_;  // best first
};

}  // namespace lathe::tune
