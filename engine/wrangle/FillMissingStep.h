#pragma once
#include <string>
#include <vector>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Fills missing values of the listed columns. Mean and median (float64 and int64 columns; an
// int64 column becomes float64, as a mean need not be whole) and mode (any type; ties go to the
// smallest value, as pandas' mode()[0]) are learned by fit() on the training rows and applied as
// constants, so test rows are filled with what the training rows said. A constant is converted
// to each column's type; forward fill copies the last present value above (leading gaps stay).
// With "indicator", a bool column "<name>_was_missing" follows each column.
// Parameters: {"columns": [...], "strategy": "mean|median|mode|constant|forward",
//              "value": <constant, for "constant">, "indicator": false}.
class FillMissingStep final : public RecipeStep {
 public:
  static constexpr const char* kKind = "fill_missing";
  enum class Strategy { Mean, Median, Mode, Constant, Forward };

  FillMissingStep(std::vector<std::string> columns, Strategy strategy, nlohmann::json constant = nullptr,
                  bool indicator = false);
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return kKind; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  void fit(const data::Table& training, const jobs::JobContext* context) override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  // {"values": {"column": value or null when the training rows had none}}.
  nlohmann::json fittedState() const override { return fitted_; }
  void restoreFittedState(const nlohmann::json& state) override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<FillMissingStep>(*this); }

  static const char* strategyName(Strategy strategy);

 private:
  bool learns() const { return strategy_ == Strategy::Mean || strategy_ == Strategy::Median || strategy_ == Strategy::Mode; }
  std::shared_ptr<const data::Column> fillColumn(const std::shared_ptr<const data::Column>& column) const;

  std::vector<std::string> columns_;
  Strategy strategy_;
  nlohmann::json constant_;
  bool indicator_;
  nlohmann::json fitted_ = nlohmann::json::object();
};

}  // namespace lathe::wrangle
