#include "engine/wrangle/OrdinalEncodeStep.h"

#include "engine/core/Error.h"
#include "engine/wrangle/CategoryLevels.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {
using nlohmann::json;
const std::string kStep = "ordinal encoding";

}  // namespace

OrdinalEncodeStep::OrdinalEncodeStep(std::vector<std::string> columns, Order order, Unseen unseen)
    : columns_(std::move(columns)), order_(order), unseen_(unseen) {}

std::unique_ptr<RecipeStep> OrdinalEncodeStep::fromParameters(const json& parameters) {
  const std::string order = readChoice(parameters, kStep, "order", {"appearance", "sorted"});
  const std::string unseen = readChoice(parameters, kStep, "unseen", {"missing", "minus_one"});
  return std::make_unique<OrdinalEncodeStep>(readColumnList(parameters, kStep),
                                             order == "sorted" ? Order::Sorted : Order::Appearance,
                                             unseen == "minus_one" ? Unseen::MinusOne : Unseen::Missing);
}

json OrdinalEncodeStep::parameters() const {
  return {{"columns", columns_},
          {"order", order_ == Order::Sorted ? "sorted" : "appearance"},
          {"unseen", unseen_ == Unseen::MinusOne ? "minus_one" : "missing"}};
}

std::string OrdinalEncodeStep::describe() const {
  std::string names;
  for (const auto& column : columns_) names += (names.empty() ? "" : ", ") + column;
  return "ordinal encode " + names + (order_ == Order::Sorted ? " (sorted levels)" : " (levels by appearance)");
}

void OrdinalEncodeStep::fit(const data::Table& training, const jobs::JobContext* context) {
  std::map<std::string, std::vector<std::string>> fitted;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    fitted[name] = CategoryLevels::distinct(requireColumn(training, name, kStep), order_ == Order::Sorted
                                                                                     ? CategoryLevels::Order::Sorted
                                                                                     : CategoryLevels::Order::Appearance);
  }
  levels_ = std::move(fitted);
}

data::Table OrdinalEncodeStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  data::Table out = table;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    const auto fitted = levels_.find(name);
    if (fitted == levels_.end()) throwNotFitted(kStep, name);
    const std::size_t index = requireColumnIndex(out, name, kStep);
    const std::vector<std::int32_t> positions = CategoryLevels::positions(out.column(index), fitted->second);
    std::vector<std::int64_t> values(positions.size(), 0);
    data::Validity validity;
    for (std::size_t row = 0; row < positions.size(); ++row) {
      const std::int32_t position = positions[row];
      if (position >= 0) values[row] = position;
      else if (position == -2 && unseen_ == Unseen::MinusOne) values[row] = -1;
      else validity.setMissing(row, positions.size());
    }
    out = replaceColumn(out, index, {data::Column::int64(name, std::move(values), std::move(validity))});
  }
  return out;
}

json OrdinalEncodeStep::fittedState() const { return CategoryLevels::toState(levels_); }

void OrdinalEncodeStep::restoreFittedState(const json& state) { levels_ = CategoryLevels::fromState(state, kStep); }

}  // namespace lathe::wrangle
