#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::wrangle {

// Finds another dataset version a step reads (the right side of a join, a table to append).
// The app resolves through the project; tests and the CLI hand tables in directly.
using TableResolver = std::function<std::shared_ptr<const data::Table>(std::int64_t datasetVersionId)>;

// One step of a recipe: "fill missing values of Age with the median", "one-hot encode Island".
// A step is first fitted on the training rows (it learns a median, the levels, bin edges), then
// applied to any table: the training rows, the test rows, tomorrow's batch. Applying never
// looks at the table's own statistics, so nothing leaks from test rows into the model.
//
// A step is data: its kind and parameters (JSON) say what it does, its fitted state (JSON) what
// it learned, so a recipe is stored in the project, shown in the GUI and rebuilt by the CLI.
class RecipeStep {
 public:
  virtual ~RecipeStep() = default;

  // The registry name: "fill_missing", "one_hot", ... (stable: projects store it).
  virtual std::string kind() const = 0;
  // What the user set: columns, strategy, constants. Round-trips through StepRegistry::create.
  virtual nlohmann::json parameters() const = 0;
  // One line in English for logs and the CLI ("fill missing in Age with the median").
  virtual std::string describe() const = 0;

  // Learns from `training` (the output of the steps before this one). A step that learns nothing
  // keeps the default. Throws lathe::Error(InvalidArgument) naming the step and the column when
  // the table does not fit the parameters (a missing column, a text column to scale).
  virtual void fit(const data::Table& training, const jobs::JobContext* context);
  // Applies what was fitted. Throws lathe::Error naming the step and the column when `table`
  // does not fit (a column the step needs is missing or has another type).
  virtual data::Table apply(const data::Table& table, const jobs::JobContext* context) const = 0;

  // What fit() learned, and restoring it, so a fitted recipe is stored with a model and applied
  // the same way when scoring. Empty for steps that learn nothing.
  virtual nlohmann::json fittedState() const { return nlohmann::json::object(); }
  virtual void restoreFittedState(const nlohmann::json& state);

  // True when the step keeps the rows as they are (most steps); false for filters, sampling and
  // de-duplication, which the recipe applies only when fitting, never when scoring a batch.
  virtual bool keepsRows() const { return true; }

  // Steps that read another dataset (join, append) fetch it here, before fit and apply; throws
  // lathe::Error when it cannot be found.
  virtual void resolveInputs(const TableResolver& resolve);

  virtual std::unique_ptr<RecipeStep> clone() const = 0;
};

}  // namespace lathe::wrangle
