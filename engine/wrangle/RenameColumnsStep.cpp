#include "engine/wrangle/RenameColumnsStep.h"

#include <set>

#include "engine/core/Error.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {

RenameColumnsStep::RenameColumnsStep(std::map<std::string, std::string> renames) : renames_(std::move(renames)) {}

std::unique_ptr<RecipeStep> RenameColumnsStep::fromParameters(const nlohmann::json& parameters) {
  requireObject(parameters, kKind);
  if (!parameters.is_object() || !parameters.contains("renames")) badParameter(kKind, "renames", "is missing");
  const auto& renames = parameters.at("renames");
  if (!renames.is_object() || renames.empty())
    badParameter(kKind, "renames", "must be an object of old name to new name");
  std::map<std::string, std::string> out;
  for (const auto& [from, to] : renames.items()) {
    if (from.empty() || !to.is_string() || to.get_ref<const std::string&>().empty())
      badParameter(kKind, "renames", "must map non-empty names to non-empty names");
    out[from] = to.get<std::string>();
  }
  return std::make_unique<RenameColumnsStep>(std::move(out));
}

nlohmann::json RenameColumnsStep::parameters() const { return {{"renames", renames_}}; }

std::string RenameColumnsStep::describe() const {
  if (renames_.size() == 1) return "rename " + renames_.begin()->first + " to " + renames_.begin()->second;
  return "rename " + std::to_string(renames_.size()) + " columns";
}

data::Table RenameColumnsStep::apply(const data::Table& table, const jobs::JobContext*) const {
  auto columns = table.columns();
  for (const auto& [from, to] : renames_) {
    const std::size_t index = requireColumnIndex(table, from, kKind);
    // The name lives inside the column, so a renamed column is the one column this step copies.
    columns[index] = table.column(index).renamed(to);
  }
  std::set<std::string> names;
  for (const auto& column : columns)
    if (!names.insert(column->name()).second)
      throw Error(ErrorCode::InvalidArgument,
                  std::string(kKind) + ": two columns would be named '" + column->name() + "'", {}, column->name());
  return data::Table(std::move(columns));
}

}  // namespace lathe::wrangle
