#pragma once
#include <cstdint>
#include <string>

#include "engine/wrangle/RecipeStep.h"
#include "engine/wrangle/SampleSize.h"

namespace lathe::wrangle {

// A uniform random sample of the rows without replacement, kept in table order; the same table
// and seed give the same rows. A row step: the recipe skips it when scoring a batch.
// Parameters: {"rows": n} or {"fraction": f}, and "seed" (default 0).
class SampleRowsStep final : public RecipeStep {
 public:
  static constexpr const char* kKind = "sample_rows";
  SampleRowsStep(SampleSize size, std::uint64_t seed);
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return kKind; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  bool keepsRows() const override { return false; }
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<SampleRowsStep>(*this); }

 private:
  SampleSize size_;
  std::uint64_t seed_;
};

}  // namespace lathe::wrangle
