#include "engine/wrangle/Recipe.h"

#include <algorithm>
#include <optional>

#include "engine/core/Error.h"
#include "engine/data/ColumnGather.h"
#include "engine/jobs/JobContext.h"
#include "engine/store/ContentHash.h"
#include "engine/wrangle/SplitStep.h"
#include "engine/wrangle/StepRegistry.h"

namespace lathe::wrangle {
namespace {

std::string stepLabel(std::size_t index, const std::string& kind) {
  return "step " + std::to_string(index + 1) + " (" + kind + ")";
}

// Runs `work`, turning a lathe::Error into one that names the step; Cancel passes through.
template <typename Work>
auto namingStep(std::size_t index, const std::string& kind, Work&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const Error& e) {
    throw Error(e.code(), stepLabel(index, kind) + ": " + e.message(), e.where(), e.value());
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::Parse, stepLabel(index, kind) + ": " + e.what());
  }
}

void checkIndex(std::size_t index, std::size_t size, const char* what) {
  if (index >= size)
    throw Error(ErrorCode::InvalidArgument, std::string(what) + ": no step " + std::to_string(index + 1) + " in a recipe of " +
                                                std::to_string(size));
}

// The rows a Split step marked "train", or nullopt when the table has no split column.
std::optional<std::vector<std::size_t>> trainRows(const data::Table& table) {
  const auto index = table.indexOf(SplitStep::kColumn);
  if (!index || table.column(*index).type() != data::ColumnType::Categorical) return std::nullopt;
  const auto& column = table.column(*index);
  const auto& levels = column.levels();
  std::int32_t train = -1;
  for (std::size_t i = 0; i < levels.size(); ++i)
    if (levels[i] == SplitStep::kTrain) train = static_cast<std::int32_t>(i);
  std::vector<std::size_t> rows;
  const auto codes = column.codes();
  for (std::size_t row = 0; row < codes.size(); ++row)
    if (codes[row] == train && column.isValid(row)) rows.push_back(row);
  return rows;
}

}  // namespace

Recipe::Recipe(const Recipe& other) {
  entries_.reserve(other.entries_.size());
  for (const auto& entry : other.entries_) entries_.push_back({entry.step->clone(), entry.enabled});
}

Recipe& Recipe::operator=(const Recipe& other) {
  if (this != &other) {
    Recipe copy(other);
    entries_ = std::move(copy.entries_);
  }
  return *this;
}

void Recipe::insert(std::size_t index, std::unique_ptr<RecipeStep> step, bool enabled) {
  if (index > entries_.size()) checkIndex(index, entries_.size() + 1, "insert");
  if (!step) throw Error(ErrorCode::InvalidArgument, "insert: no step given");
  entries_.insert(entries_.begin() + static_cast<std::ptrdiff_t>(index), Entry{std::move(step), enabled});
}

std::unique_ptr<RecipeStep> Recipe::remove(std::size_t index) {
  checkIndex(index, entries_.size(), "remove");
  auto step = std::move(entries_[index].step);
  entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(index));
  return step;
}

void Recipe::move(std::size_t from, std::size_t to) {
  checkIndex(from, entries_.size(), "move");
  checkIndex(to, entries_.size(), "move");
  Entry entry = std::move(entries_[from]);
  entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(from));
  entries_.insert(entries_.begin() + static_cast<std::ptrdiff_t>(to), std::move(entry));
}

void Recipe::setEnabled(std::size_t index, bool enabled) {
  checkIndex(index, entries_.size(), "enable");
  entries_[index].enabled = enabled;
}

void Recipe::replace(std::size_t index, std::unique_ptr<RecipeStep> step) {
  checkIndex(index, entries_.size(), "replace");
  if (!step) throw Error(ErrorCode::InvalidArgument, "replace: no step given");
  entries_[index].step = std::move(step);
}

void Recipe::resolveInputs(const TableResolver& resolve) {
  for (std::size_t i = 0; i < entries_.size(); ++i)
    if (entries_[i].enabled)
      namingStep(i, entries_[i].step->kind(), [&] { entries_[i].step->resolveInputs(resolve); });
}

data::Table Recipe::fit(const data::Table& training, const jobs::JobContext* context) {
  data::Table current = training;
  bool split = false;
  std::size_t lastRows = 0;
  std::vector<std::size_t> lastTrain;
  const double count = static_cast<double>(std::max<std::size_t>(entries_.size(), 1));
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (context) context->throwIfStopped();
    if (!entries_[i].enabled) continue;
    RecipeStep& step = *entries_[i].step;
    const auto sub = context ? std::optional(context->subRange(double(i) / count, double(i + 1) / count)) : std::nullopt;
    const jobs::JobContext* stepContext = sub ? &*sub : nullptr;
    current = namingStep(i, step.kind(), [&] {
      if (!split) {
        step.fit(current, stepContext);
      } else {
        // Later steps learn from the training rows only; the split column tells which they are.
        auto rows = trainRows(current);
        if (!rows) {
          if (current.rowCount() != lastRows)
            throw Error(ErrorCode::InvalidArgument, "the '" + std::string(SplitStep::kColumn) +
                                                        "' column was removed, so the training rows are unknown");
          rows = lastTrain;
        }
        step.fit(data::gatherTable(current, *rows), stepContext);
        lastTrain = std::move(*rows);
        lastRows = current.rowCount();
      }
      return step.apply(current, stepContext);
    });
    if (step.kind() == SplitStep::kKind) split = true;
    if (split) {
      if (auto rows = trainRows(current)) lastTrain = std::move(*rows), lastRows = current.rowCount();
    }
    if (context) context->progress(double(i + 1) / count, "Applying the recipe");
  }
  return current;
}

data::Table Recipe::apply(const data::Table& table, Mode mode, const jobs::JobContext* context) const {
  data::Table current = table;
  const double count = static_cast<double>(std::max<std::size_t>(entries_.size(), 1));
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (context) context->throwIfStopped();
    const RecipeStep& step = *entries_[i].step;
    if (!entries_[i].enabled || (mode == Mode::Scoring && !step.keepsRows())) continue;
    const auto sub = context ? std::optional(context->subRange(double(i) / count, double(i + 1) / count)) : std::nullopt;
    current = namingStep(i, step.kind(), [&] { return step.apply(current, sub ? &*sub : nullptr); });
    if (context) context->progress(double(i + 1) / count, "Applying the recipe");
  }
  return current;
}

nlohmann::json Recipe::toJson() const {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& entry : entries_)
    steps.push_back({{"kind", entry.step->kind()}, {"enabled", entry.enabled}, {"parameters", entry.step->parameters()}});
  return {{"version", 1}, {"steps", std::move(steps)}};
}

Recipe Recipe::fromJson(const nlohmann::json& json) {
  if (!json.is_object()) throw Error(ErrorCode::Parse, "a recipe must be a JSON object");
  if (!json.contains("version") || !json.at("version").is_number_integer() || json.at("version").get<std::int64_t>() != 1)
    throw Error(ErrorCode::Parse, "a recipe must have \"version\": 1 (this Lathe reads version 1)");
  if (!json.contains("steps") || !json.at("steps").is_array())
    throw Error(ErrorCode::Parse, "a recipe must have a \"steps\" list");
  Recipe recipe;
  const auto& steps = json.at("steps");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& entry = steps[i];
    if (!entry.is_object() || !entry.contains("kind") || !entry.at("kind").is_string())
      throw Error(ErrorCode::Parse, "step " + std::to_string(i + 1) + ": must be an object with a \"kind\"");
    const auto kind = entry.at("kind").get<std::string>();
    bool enabled = true;
    if (entry.contains("enabled")) {
      if (!entry.at("enabled").is_boolean())
        throw Error(ErrorCode::Parse, stepLabel(i, kind) + ": \"enabled\" must be true or false");
      enabled = entry.at("enabled").get<bool>();
    }
    const nlohmann::json parameters = entry.contains("parameters") ? entry.at("parameters") : nlohmann::json::object();
    auto step = namingStep(i, kind, [&] { return StepRegistry::create(kind, parameters); });
    recipe.insert(recipe.size(), std::move(step), enabled);
  }
  return recipe;
}

nlohmann::json Recipe::fittedState() const {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& entry : entries_) steps.push_back({{"kind", entry.step->kind()}, {"state", entry.step->fittedState()}});
  return {{"version", 1}, {"steps", std::move(steps)}};
}

void Recipe::restoreFittedState(const nlohmann::json& state) {
  if (!state.is_object() || !state.contains("steps") || !state.at("steps").is_array() ||
      state.at("steps").size() != entries_.size())
    throw Error(ErrorCode::Parse, "the fitted state does not match this recipe's " + std::to_string(entries_.size()) +
                                      " steps");
  const auto& steps = state.at("steps");
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const auto kind = entries_[i].step->kind();
    if (!steps[i].is_object() || steps[i].value("kind", std::string()) != kind || !steps[i].contains("state"))
      throw Error(ErrorCode::Parse, stepLabel(i, kind) + ": the fitted state is for another step");
    namingStep(i, kind, [&] { entries_[i].step->restoreFittedState(steps[i].at("state")); });
  }
}

std::string Recipe::hash() const { return store::ContentHash::of(toJson().dump()); }

}  // namespace lathe::wrangle
