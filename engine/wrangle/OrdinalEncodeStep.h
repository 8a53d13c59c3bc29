#pragma once
#include <map>
#include <string>
#include <vector>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Ordinal encoding: each category becomes its position (0, 1, 2, ...) in the fitted level list,
// an int64 column under the same name. The order is that of first appearance in the training
// rows, or sorted (like scikit-learn's OrdinalEncoder). A category first seen when applying
// becomes missing or -1, as the user chose; a missing value stays missing.
class OrdinalEncodeStep final : public RecipeStep {
 public:
  enum class Order { Appearance, Sorted };
  enum class Unseen { Missing, MinusOne };

  explicit OrdinalEncodeStep(std::vector<std::string> columns, Order order = Order::Appearance,
                             Unseen unseen = Unseen::Missing);
  // {"columns":[..], "order":"appearance|sorted", "unseen":"missing|minus_one"}
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return "ordinal"; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  void fit(const data::Table& training, const jobs::JobContext* context) override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  // {"levels":{"<column>":["level",...]}}
  nlohmann::json fittedState() const override;
  void restoreFittedState(const nlohmann::json& state) override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<OrdinalEncodeStep>(*this); }

 private:
  std::vector<std::string> columns_;
  Order order_;
  Unseen unseen_;
  std::map<std::string, std::vector<std::string>> levels_;
};

}  // namespace lathe::wrangle
