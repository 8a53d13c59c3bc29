#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"
#include "engine/wrangle/RecipeStep.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::wrangle {

// An ordered list of steps, each of which can be switched off without losing it. Fitting runs
// the enabled steps in order, each fitted on the output of the ones before; once a Split step
// has marked rows, the steps after it are fitted on its "train" rows only, so a mean, a level
// list or a bin edge never comes from validation or test rows.
class Recipe {
 public:
  struct Entry {
    std::unique_ptr<RecipeStep> step;
    bool enabled = true;
  };
  // Dataset: every enabled step (Apply in the recipe panel, making a dataset version).
  // Scoring: row-changing steps are skipped, so every row of a batch gets a prediction.
  enum class Mode { Dataset, Scoring };

  Recipe() = default;
  Recipe(const Recipe& other);
  Recipe& operator=(const Recipe& other);
  Recipe(Recipe&&) noexcept = default;
  Recipe& operator=(Recipe&&) noexcept = default;

  std::size_t size() const { return entries_.size(); }
  const Entry& at(std::size_t index) const { return entries_.at(index); }
  RecipeStep& stepAt(std::size_t index) { return *entries_.at(index).step; }

  // Edits (the GUI wraps each in an undo command).
  void insert(std::size_t index, std::unique_ptr<RecipeStep> step, bool enabled = true);
  void append(std::unique_ptr<RecipeStep> step) { insert(size(), std::move(step)); }
  std::unique_ptr<RecipeStep> remove(std::size_t index);
  void move(std::size_t from, std::size_t to);
  void setEnabled(std::size_t index, bool enabled);
  void replace(std::size_t index, std::unique_ptr<RecipeStep> step);

  void resolveInputs(const TableResolver& resolve);
  // Fits every enabled step on `training` and returns the transformed table (all its rows).
  // Progress is split evenly between the steps; Cancel between and inside steps.
  data::Table fit(const data::Table& training, const jobs::JobContext* context = nullptr);
  // Applies the fitted recipe; throws lathe::Error naming the step (1-based) when a step fails.
  data::Table apply(const data::Table& table, Mode mode = Mode::Dataset,
                    const jobs::JobContext* context = nullptr) const;

  // {"version":1,"steps":[{"kind","enabled","parameters"}...]}; fitted states are left out.
  nlohmann::json toJson() const;
  // Rebuilds a recipe through StepRegistry; throws lathe::Error(Parse) naming the step that
  // is unknown or malformed.
  static Recipe fromJson(const nlohmann::json& json);
  // The fitted state of every step, for storing a fitted recipe with a model.
  nlohmann::json fittedState() const;
  void restoreFittedState(const nlohmann::json& state);
  // SHA-256 of the canonical JSON: runs record which recipe made their data.
  std::string hash() const;

 private:
  std::vector<Entry> entries_;
};

}  // namespace lathe::wrangle
