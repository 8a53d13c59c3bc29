#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// One-hot encoding: each fitted category of a column becomes a true/false column named
// "<column>=<category>", in place of the column. Categories are those of the training rows,
// sorted (like scikit-learn's OneHotEncoder and pandas.get_dummies); a missing value is all false.
// A category first seen when applying is all false, an error, or true in "<column>=(other)",
// as the user chose. A column with more than `max_levels` categories is refused: hundreds of
// columns help no model, and ordinal or target encoding suit such a column better.
class OneHotEncodeStep final : public RecipeStep {
 public:
  enum class Unseen { Zeros, Error, Other };

  explicit OneHotEncodeStep(std::vector<std::string> columns, Unseen unseen = Unseen::Zeros, bool dropFirst = false,
                            std::int64_t maxLevels = 200);
  // {"columns":[..], "unseen":"zeros|error|other", "drop_first":false, "max_levels":200}
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return "one_hot"; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  void fit(const data::Table& training, const jobs::JobContext* context) override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  // {"levels":{"<column>":["level",...]}}
  nlohmann::json fittedState() const override;
  void restoreFittedState(const nlohmann::json& state) override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<OneHotEncodeStep>(*this); }

  const std::vector<std::string>& levels(const std::string& column) const;

 private:
  std::vector<std::string> columns_;
  Unseen unseen_;
  bool dropFirst_;
  std::int64_t maxLevels_;
  std::map<std::string, std::vector<std::string>> levels_;
};

}  // namespace lathe::wrangle
