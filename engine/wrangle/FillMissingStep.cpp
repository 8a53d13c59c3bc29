#include "engine/wrangle/FillMissingStep.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "engine/core/Error.h"
#include "engine/data/ColumnGather.h"
#include "engine/data/ValueParsing.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {

using data::Column;
using data::ColumnType;

constexpr const char* kIndicatorSuffix = "_was_missing";

[[noreturn]] void columnError(const std::string& column, const std::string& problem) {
  throw Error(ErrorCode::InvalidArgument, std::string(FillMissingStep::kKind) + ": column '" + column + "' " + problem,
              {}, column);
}

std::vector<double> presentNumbers(const Column& column) {
  std::vector<double> values;
  values.reserve(column.size() - column.missingCount());
  for (std::size_t row = 0; row < column.size(); ++row)
    if (const double v = column.numericAt(row); !std::isnan(v)) values.push_back(v);
  return values;
}

nlohmann::json meanOf(const Column& column) {
  const auto values = presentNumbers(column);
  if (values.empty()) return nullptr;
  long double sum = 0;
  for (double v : values) sum += v;
  return static_cast<double>(sum / static_cast<long double>(values.size()));
}

nlohmann::json medianOf(const Column& column) {
  auto values = presentNumbers(column);
  if (values.empty()) return nullptr;
  const std::size_t middle = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle), values.end());
  const double upper = values[middle];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle));
  return lower + (upper - lower) / 2;
}

// The most frequent present value; ties go to the smallest (ordered map).
template <typename Key, typename Get>
std::optional<Key> modeBy(const Column& column, Get&& get) {
  std::map<Key, std::size_t> counts;
  for (std::size_t row = 0; row < column.size(); ++row)
    if (column.isValid(row)) ++counts[get(row)];
  std::optional<Key> best;
  std::size_t bestCount = 0;
  for (const auto& [key, count] : counts)
    if (count > bestCount) best = key, bestCount = count;
  return best;
}

nlohmann::json modeOf(const Column& column) {
  switch (column.type()) {
    case ColumnType::Float64: {
      // Counting in a hash map first keeps a million distinct doubles cheap; NaN is left out.
      std::unordered_map<double, std::size_t> counts;
      const auto values = column.float64Values();
      for (std::size_t row = 0; row < column.size(); ++row)
        if (column.isValid(row) && !std::isnan(values[row])) ++counts[values[row]];
      std::optional<double> best;
      std::size_t bestCount = 0;
      for (const auto& [value, count] : counts)
        if (count > bestCount || (count == bestCount && best && value < *best)) best = value, bestCount = count;
      return best ? nlohmann::json(*best) : nlohmann::json(nullptr);
    }
    case ColumnType::Int64:
    case ColumnType::Datetime: {
      const auto values = column.int64Values();
      std::unordered_map<std::int64_t, std::size_t> counts;
      for (std::size_t row = 0; row < column.size(); ++row)
        if (column.isValid(row)) ++counts[values[row]];
      std::optional<std::int64_t> best;
      std::size_t bestCount = 0;
      for (const auto& [value, count] : counts)
        if (count > bestCount || (count == bestCount && best && value < *best)) best = value, bestCount = count;
      return best ? nlohmann::json(*best) : nlohmann::json(nullptr);
    }
    case ColumnType::Bool: {
      const auto best = modeBy<int>(column, [&](std::size_t row) { return int(column.boolValues()[row]); });
      return best ? nlohmann::json(*best == 1) : nlohmann::json(nullptr);
    }
    case ColumnType::Categorical: {
      const auto best = modeBy<std::string_view>(column, [&](std::size_t row) {
        return std::string_view(column.levels()[static_cast<std::size_t>(column.codes()[row])]);
      });
      return best ? nlohmann::json(std::string(*best)) : nlohmann::json(nullptr);
    }
    case ColumnType::Text: {
      const auto best = modeBy<std::string_view>(column, [&](std::size_t row) { return column.textAt(row); });
      return best ? nlohmann::json(std::string(*best)) : nlohmann::json(nullptr);
    }
  }
  return nullptr;
}

// Present values copied, missing ones set to `fill`: the column has no missing value after.
template <typename T>
std::vector<T> filled(std::span<const T> values, const Column& column, T fill) {
  std::vector<T> out(values.begin(), values.end());
  for (std::size_t row = 0; row < out.size(); ++row)
    if (!column.isValid(row)) out[row] = fill;
  return out;
}

std::int64_t integerValue(const nlohmann::json& value, const std::string& column) {
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (value.is_number_float()) {
    const double d = value.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9.2e18) return static_cast<std::int64_t>(d);
  }
  columnError(column, "is int64, and the fill value " + value.dump() + " is not a whole number");
}

}  // namespace

FillMissingStep::FillMissingStep(std::vector<std::string> columns, Strategy strategy, nlohmann::json constant,
                                 bool indicator)
    : columns_(std::move(columns)), strategy_(strategy), constant_(std::move(constant)), indicator_(indicator) {}

const char* FillMissingStep::strategyName(Strategy strategy) {
  switch (strategy) {
    case Strategy::Mean: return "mean";
    case Strategy::Median: return "median";
    case Strategy::Mode: return "mode";
    case Strategy::Constant: return "constant";
    case Strategy::Forward: return "forward";
  }
  return "mean";
}

std::unique_ptr<RecipeStep> FillMissingStep::fromParameters(const nlohmann::json& parameters) {
  auto columns = namesParameter(parameters, "columns", kKind);
  const auto name = stringParameter(parameters, "strategy", kKind);
  std::optional<Strategy> strategy;
  for (auto s : {Strategy::Mean, Strategy::Median, Strategy::Mode, Strategy::Constant, Strategy::Forward})
    if (name == strategyName(s)) strategy = s;
  if (!strategy) badParameter(kKind, "strategy", "is '" + name + "', not one of mean, median, mode, constant, forward");
  nlohmann::json constant = nullptr;
  if (*strategy == Strategy::Constant) {
    if (!parameters.contains("value") || !(parameters.at("value").is_primitive()) || parameters.at("value").is_null())
      badParameter(kKind, "value", "must be a number, a string or true/false for a constant fill");
    constant = parameters.at("value");
    if (constant.is_number_float() && !std::isfinite(constant.get<double>())) badParameter(kKind, "value", "must be finite");
  }
  const bool indicator = boolParameter(parameters, "indicator", kKind, false);
  return std::make_unique<FillMissingStep>(std::move(columns), *strategy, std::move(constant), indicator);
}

nlohmann::json FillMissingStep::parameters() const {
  nlohmann::json out = {{"columns", columns_}, {"strategy", strategyName(strategy_)}, {"indicator", indicator_}};
  if (strategy_ == Strategy::Constant) out["value"] = constant_;
  return out;
}

std::string FillMissingStep::describe() const {
  const std::string what = columns_.size() == 1 ? columns_.front() : std::to_string(columns_.size()) + " columns";
  std::string how = strategy_ == Strategy::Constant ? "the value " + constant_.dump()
                    : strategy_ == Strategy::Forward ? "the value above"
                                                     : std::string("the ") + strategyName(strategy_);
  return "fill missing in " + what + " with " + how + (indicator_ ? ", marking them" : "");
}

void FillMissingStep::fit(const data::Table& training, const jobs::JobContext* context) {
  nlohmann::json values = nlohmann::json::object();
  for (const auto& name : columns_) {
    throwIfStopped(context);
    const Column& column = training.column(requireColumnIndex(training, name, kKind));
    if (!learns()) continue;
    if (strategy_ != Strategy::Mode && column.type() != ColumnType::Float64 && column.type() != ColumnType::Int64)
      columnError(name, "is " + std::string(data::columnTypeName(column.type())) + "; a " +
                            strategyName(strategy_) + " needs a float64 or int64 column");
    values[name] = strategy_ == Strategy::Mean ? meanOf(column) : strategy_ == Strategy::Median ? medianOf(column)
                                                                                              : modeOf(column);
  }
  fitted_ = learns() ? nlohmann::json{{"values", std::move(values)}} : nlohmann::json::object();
}

void FillMissingStep::restoreFittedState(const nlohmann::json& state) {
  if (!learns()) return;
  if (!state.is_object() || !state.contains("values") || !state.at("values").is_object())
    throw Error(ErrorCode::Parse, std::string(kKind) + ": the fitted state has no \"values\" object");
  for (const auto& name : columns_)
    if (!state.at("values").contains(name))
      throw Error(ErrorCode::Parse, std::string(kKind) + ": the fitted state has no value for column '" + name + "'", {},
                  name);
  fitted_ = state;
}

std::shared_ptr<const Column> FillMissingStep::fillColumn(const std::shared_ptr<const Column>& column) const {
  const Column& c = *column;
  if (strategy_ == Strategy::Forward) {
    std::vector<std::size_t> source(c.size());
    std::size_t last = 0;
    bool seen = false;
    for (std::size_t row = 0; row < c.size(); ++row) {
      if (c.isValid(row)) last = row, seen = true;
      source[row] = seen ? last : row;  // a leading gap points at itself and stays missing
    }
    return data::gatherColumn(c, source);
  }
  nlohmann::json value = constant_;
  if (learns()) {
    if (!fitted_.contains("values") || !fitted_.at("values").contains(c.name()))
      columnError(c.name(), "has no fitted " + std::string(strategyName(strategy_)) + "; fit the recipe first");
    value = fitted_.at("values").at(c.name());
  }
  if (value.is_null()) return column;  // the training rows had no value to learn from
  const auto wrongValue = [&]() -> void {
    columnError(c.name(), "is " + std::string(data::columnTypeName(c.type())) + ", and the fill value " + value.dump() +
                              " is not of that type");
  };
  switch (c.type()) {
    case ColumnType::Float64:
      if (!value.is_number()) wrongValue();
      return Column::float64(c.name(), filled<double>(c.float64Values(), c, value.get<double>()));
    case ColumnType::Int64:
      if (strategy_ == Strategy::Mean || strategy_ == Strategy::Median) {
        if (!value.is_number()) wrongValue();
        std::vector<double> values(c.size());
        for (std::size_t row = 0; row < c.size(); ++row)
          values[row] = c.isValid(row) ? static_cast<double>(c.int64Values()[row]) : value.get<double>();
        return Column::float64(c.name(), std::move(values));
      }
      if (!value.is_number()) wrongValue();
      return Column::int64(c.name(), filled<std::int64_t>(c.int64Values(), c, integerValue(value, c.name())));
    case ColumnType::Datetime: {
      std::int64_t micros = 0;
      if (value.is_number_integer())
        micros = value.get<std::int64_t>();
      else if (!value.is_string() || !data::parseDatetime(value.get<std::string>(), micros))
        wrongValue();
      return Column::datetime(c.name(), filled<std::int64_t>(c.int64Values(), c, micros));
    }
    case ColumnType::Bool:
      if (!value.is_boolean()) wrongValue();
      return Column::boolean(c.name(), filled<std::uint8_t>(c.boolValues(), c, value.get<bool>() ? 1 : 0));
    case ColumnType::Categorical: {
      if (!value.is_string()) wrongValue();
      auto levels = c.levels();
      auto it = std::find(levels.begin(), levels.end(), value.get<std::string>());
      const auto code = static_cast<std::int32_t>(it - levels.begin());
      if (it == levels.end()) levels.push_back(value.get<std::string>());
      return Column::categorical(c.name(), filled<std::int32_t>(c.codes(), c, code), std::move(levels));
    }
    case ColumnType::Text: {
      if (!value.is_string()) wrongValue();
      const std::string fill = value.get<std::string>();
      std::vector<std::uint64_t> offsets(c.size() + 1, 0);
      std::string bytes;
      for (std::size_t row = 0; row < c.size(); ++row) {
        bytes += c.isValid(row) ? c.textAt(row) : std::string_view(fill);
        offsets[row + 1] = bytes.size();
      }
      return Column::text(c.name(), std::move(offsets), std::move(bytes));
    }
  }
  return column;
}

data::Table FillMissingStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  std::vector<std::size_t> indices;
  for (const auto& name : columns_) indices.push_back(requireColumnIndex(table, name, kKind));
  std::vector<std::shared_ptr<const Column>> out;
  out.reserve(table.columnCount() + (indicator_ ? columns_.size() : 0));
  for (std::size_t i = 0; i < table.columnCount(); ++i) {
    const auto& column = table.columnPtr(i);
    const bool listed = std::find(indices.begin(), indices.end(), i) != indices.end();
    if (!listed) {
      out.push_back(column);  // shared, untouched
      continue;
    }
    throwIfStopped(context);
    // Mean and median turn an int64 column float64 whether or not this table has gaps, so the
    // type does not depend on the rows.
    const bool retype = column->type() == ColumnType::Int64 && (strategy_ == Strategy::Mean || strategy_ == Strategy::Median);
    out.push_back(column->missingCount() == 0 && !retype ? column : fillColumn(column));
    if (indicator_) {
      const std::string name = column->name() + kIndicatorSuffix;
      if (table.indexOf(name)) columnError(name, "already exists; the missing-value indicator needs that name");
      std::vector<std::uint8_t> flags(column->size());
      for (std::size_t row = 0; row < flags.size(); ++row) flags[row] = column->isValid(row) ? 0 : 1;
      out.push_back(Column::boolean(name, std::move(flags)));
    }
    reportProgress(context, double(out.size()) / double(table.columnCount() + 1), "Filling missing values");
  }
  return data::Table(std::move(out));
}

}  // namespace lathe::wrangle
