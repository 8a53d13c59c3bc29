#pragma once
#include <cstdint>
#include <string>

#include "engine/wrangle/RecipeStep.h"
#include "engine/wrangle/SampleSize.h"

namespace lathe::wrangle {

// A random sample that keeps each class's share of the rows: the sample size is split between
// the values of `column` in proportion to their counts (largest remainder, so the parts add up),
// then each class is sampled uniformly. Missing is a class of its own. Rows stay in table order;
// the same table and seed give the same rows. A row step: skipped when scoring a batch.
// Parameters: {"column": name, "rows": n | "fraction": f, "seed": s}.
class StratifiedSampleStep final : public RecipeStep {
 public:
  static constexpr const char* kKind = "stratified_sample";
  StratifiedSampleStep(std::string column, SampleSize size, std::uint64_t seed);
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return kKind; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  bool keepsRows() const override { return false; }
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<StratifiedSampleStep>(*this); }

 private:
  std::string column_;
  SampleSize size_;
  std::uint64_t seed_;
};

}  // namespace lathe::wrangle
