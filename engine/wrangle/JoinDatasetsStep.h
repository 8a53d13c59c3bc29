#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Joining another dataset version on key columns, like SQL and pandas.merge: inner keeps the
// rows whose keys match, left keeps every row (missing values where nothing matches). A key
// that matches several rows on the right gives one row per match, in left order and then right
// order; a missing key matches nothing. Keys compare by value (1 and 1.0 match; "1" in a text
// column does not match the number 1). The right side's key columns are left out; its other
// columns follow the left ones, and a name both sides have gets `suffix` on the right.
// It changes rows, so a recipe skips it when scoring.
class JoinDatasetsStep final : public RecipeStep {
 public:
  enum class How { Inner, Left };

  JoinDatasetsStep(std::int64_t datasetVersion, std::vector<std::string> leftKeys, std::vector<std::string> rightKeys,
                   How how = How::Inner, std::string suffix = "_right");
  // {"dataset_version":7, "on":["key"], "right_on":["key"] (default: "on"), "how":"inner|left",
  //  "suffix":"_right"}
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return "join"; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  bool keepsRows() const override { return false; }
  void resolveInputs(const TableResolver& resolve) override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<JoinDatasetsStep>(*this); }

  // A join bigger than this many rows (268 million) is refused before any memory is taken:
  // keys that repeat on both sides can multiply rows without bound.
  static constexpr std::int64_t kMaxRows = std::int64_t{1} << 28;

 private:
  std::int64_t datasetVersion_;
  std::vector<std::string> leftKeys_;
  std::vector<std::string> rightKeys_;
  How how_;
  std::string suffix_;
  std::shared_ptr<const data::Table> right_;
};

}  // namespace lathe::wrangle
