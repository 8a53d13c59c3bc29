#include "engine/wrangle/OneHotEncodeStep.h"

#include "engine/core/Error.h"
#include "engine/jobs/ParallelFor.h"
#include "engine/wrangle/CategoryLevels.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {
using nlohmann::json;
const std::string kStep = "one-hot encoding";

const char* unseenName(OneHotEncodeStep::Unseen unseen) {
  switch (unseen) {
    case OneHotEncodeStep::Unseen::Zeros: return "zeros";
    case OneHotEncodeStep::Unseen::Error: return "error";
    case OneHotEncodeStep::Unseen::Other: return "other";
  }
  return "zeros";
}

}  // namespace

OneHotEncodeStep::OneHotEncodeStep(std::vector<std::string> columns, Unseen unseen, bool dropFirst,
                                   std::int64_t maxLevels)
    : columns_(std::move(columns)), unseen_(unseen), dropFirst_(dropFirst), maxLevels_(maxLevels) {}

std::unique_ptr<RecipeStep> OneHotEncodeStep::fromParameters(const json& parameters) {
  const std::string unseen = readChoice(parameters, kStep, "unseen", {"zeros", "error", "other"});
  return std::make_unique<OneHotEncodeStep>(
      readColumnList(parameters, kStep),
      unseen == "error" ? Unseen::Error : unseen == "other" ? Unseen::Other : Unseen::Zeros,
      readFlag(parameters, kStep, "drop_first", false), readInteger(parameters, kStep, "max_levels", 200, 1, 100000));
}

json OneHotEncodeStep::parameters() const {
  return {{"columns", columns_}, {"unseen", unseenName(unseen_)}, {"drop_first", dropFirst_}, {"max_levels", maxLevels_}};
}

std::string OneHotEncodeStep::describe() const {
  std::string names;
  for (const auto& column : columns_) names += (names.empty() ? "" : ", ") + column;
  return "one-hot encode " + names + " (unseen categories: " + unseenName(unseen_) + ")";
}

void OneHotEncodeStep::fit(const data::Table& training, const jobs::JobContext* context) {
  std::map<std::string, std::vector<std::string>> fitted;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    const data::Column& column = requireColumn(training, name, kStep);
    auto levels = CategoryLevels::distinct(column, CategoryLevels::Order::Sorted);
    if (static_cast<std::int64_t>(levels.size()) > maxLevels_)
      throw Error(ErrorCode::InvalidArgument,
                  kStep + ": column '" + name + "' has " + std::to_string(levels.size()) +
                      " categories, more than the limit of " + std::to_string(maxLevels_) +
                      "; ordinal or target encoding suits a column with that many",
                  {}, name);
    fitted[name] = std::move(levels);
  }
  levels_ = std::move(fitted);
}

data::Table OneHotEncodeStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  data::Table out = table;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    const auto fitted = levels_.find(name);
    if (fitted == levels_.end()) throwNotFitted(kStep, name);
    const std::vector<std::string>& levels = fitted->second;
    const std::size_t index = requireColumnIndex(out, name, kStep);
    const data::Column& column = out.column(index);
    std::vector<std::int32_t> positions = CategoryLevels::positions(column, levels);
    if (const std::int64_t row = CategoryLevels::firstUnseenRow(positions); row >= 0 && unseen_ == Unseen::Error)
      throw Error(ErrorCode::InvalidArgument,
                  kStep + ": column '" + name + "' holds '" + column.displayText(static_cast<std::size_t>(row)) +
                      "' at row " + std::to_string(row + 1) + ", a category the training rows did not have",
                  {}, column.displayText(static_cast<std::size_t>(row)));

    // Output j is fitted level first + j; the "(other)" column, when asked for, comes last.
    const std::size_t first = dropFirst_ && !levels.empty() ? 1 : 0;
    const std::size_t outputs = levels.size() - first + (unseen_ == Unseen::Other ? 1 : 0);
    const auto otherPosition = static_cast<std::int32_t>(levels.size());
    if (unseen_ == Unseen::Other)
      for (auto& position : positions)
        if (position == -2) position = otherPosition;
    // Zeroed buffers (in parallel: most of the time is touching fresh pages), then one pass
    // that sets each row's one true cell; reading the row positions once, not once per column.
    std::vector<std::vector<std::uint8_t>> buffers(outputs);
    jobs::parallelFor(outputs, 0, [&](std::size_t j) {
      throwIfStopped(context);
      buffers[j].assign(positions.size(), 0);
    });
    const auto firstPosition = static_cast<std::int32_t>(first);
    for (std::size_t row = 0; row < positions.size(); ++row) {
      if (row % (std::size_t{1} << 20) == 0) throwIfStopped(context);
      if (const std::int32_t position = positions[row]; position >= firstPosition)
        buffers[static_cast<std::size_t>(position - firstPosition)][row] = 1;
    }
    std::vector<std::shared_ptr<const data::Column>> encoded;
    encoded.reserve(outputs);
    for (std::size_t j = 0; j < outputs; ++j) {
      const std::size_t position = first + j;
      const std::string level = position == levels.size() ? "(other)" : levels[position];
      encoded.push_back(data::Column::boolean(name + "=" + level, std::move(buffers[j])));
    }
    out = replaceColumn(out, index, std::move(encoded));
  }
  return out;
}

json OneHotEncodeStep::fittedState() const { return CategoryLevels::toState(levels_); }

void OneHotEncodeStep::restoreFittedState(const json& state) { levels_ = CategoryLevels::fromState(state, kStep); }

const std::vector<std::string>& OneHotEncodeStep::levels(const std::string& column) const {
  const auto it = levels_.find(column);
  if (it == levels_.end()) throwNotFitted(kStep, column);
  return it->second;
}

}  // namespace lathe::wrangle
