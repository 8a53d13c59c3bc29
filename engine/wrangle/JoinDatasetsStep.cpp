#include "engine/wrangle/JoinDatasetsStep.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include "engine/core/Error.h"
#include "engine/wrangle/DatasetInput.h"
#include "engine/wrangle/ColumnRows.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {
using data::Column;
using data::ColumnType;
using nlohmann::json;
const std::string kStep = "join";

// Keys compare within a family: numbers with numbers, words with words, dates with dates.
int family(ColumnType type) {
  switch (type) {
    case ColumnType::Float64:
    case ColumnType::Int64:
    case ColumnType::Bool: return 0;
    case ColumnType::Categorical:
    case ColumnType::Text: return 1;
    case ColumnType::Datetime: return 2;
  }
  return 3;
}

// A float that holds a whole number reads like the int64 it equals, so 1.0 matches 1.
std::string numberKey(double value) {
  if (value == std::trunc(value) && std::fabs(value) < 9.2e18) return std::to_string(static_cast<std::int64_t>(value));
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// One row's key as bytes (each part length-prefixed, so ("a,b","c") differs from ("a","b,c")), or
// false when a part is missing: a missing key matches nothing, as in SQL.
bool keyOf(const std::vector<const Column*>& keys, std::size_t row, std::string& out) {
  out.clear();
  for (const Column* key : keys) {
    if (!key->isValid(row)) return false;
    std::string part;
    if (key->type() == ColumnType::Int64) part = std::to_string(key->int64Values()[row]);
    else if (key->type() == ColumnType::Bool) part = key->boolValues()[row] ? "1" : "0";
    else if (key->type() == ColumnType::Text) part = std::string(key->textAt(row));
    else if (key->type() == ColumnType::Float64) part = numberKey(key->float64Values()[row]);
    else part = key->displayText(row);
    out += std::to_string(part.size());
    out += ':';
    out += part;
  }
  return true;
}

std::vector<const Column*> keyColumns(const data::Table& table, const std::vector<std::string>& names,
                                      const char* side) {
  std::vector<const Column*> out;
  for (const auto& name : names) {
    if (!table.indexOf(name))
      throw Error(ErrorCode::InvalidArgument, kStep + ": the " + side + " table has no key column '" + name + "'", {},
                  name);
    out.push_back(&table.column(*table.indexOf(name)));
  }
  return out;
}

}  // namespace

JoinDatasetsStep::JoinDatasetsStep(std::int64_t datasetVersion, std::vector<std::string> leftKeys,
                                   std::vector<std::string> rightKeys, How how, std::string suffix)
    : datasetVersion_(datasetVersion), leftKeys_(std::move(leftKeys)), rightKeys_(std::move(rightKeys)), how_(how),
      suffix_(std::move(suffix)) {
  if (leftKeys_.empty() || leftKeys_.size() != rightKeys_.size())
    throw Error(ErrorCode::InvalidArgument, kStep + ": give as many right key columns as left ones");
  if (suffix_.empty()) throw Error(ErrorCode::InvalidArgument, kStep + ": the suffix for clashing names is empty");
}

std::unique_ptr<RecipeStep> JoinDatasetsStep::fromParameters(const json& parameters) {
  const auto version = datasetVersionParameter(parameters, kStep);
  std::vector<std::string> left = readColumnList(parameters, kStep, "on");
  std::vector<std::string> right = left;
  if (parameters.contains("right_on") && !parameters["right_on"].is_null())
    right = readColumnList(parameters, kStep, "right_on");
  const std::string how = readChoice(parameters, kStep, "how", {"inner", "left"});
  try {
    return std::make_unique<JoinDatasetsStep>(version, std::move(left), std::move(right),
                                              how == "left" ? How::Left : How::Inner,
                                              readText(parameters, kStep, "suffix", "_right"));
  } catch (const Error& e) {
    throw Error(ErrorCode::Parse, e.message(), {}, e.value());
  }
}

json JoinDatasetsStep::parameters() const {
  return {{"dataset_version", datasetVersion_}, {"on", leftKeys_}, {"right_on", rightKeys_},
          {"how", how_ == How::Left ? "left" : "inner"}, {"suffix", suffix_}};
}

std::string JoinDatasetsStep::describe() const {
  std::string keys;
  for (const auto& key : leftKeys_) keys += (keys.empty() ? "" : ", ") + key;
  return std::string(how_ == How::Left ? "left" : "inner") + " join dataset version " +
         std::to_string(datasetVersion_) + " on " + keys;
}

void JoinDatasetsStep::resolveInputs(const TableResolver& resolve) {
  right_ = resolveDataset(resolve, datasetVersion_, kStep);
}

data::Table JoinDatasetsStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  const data::Table& right = loadedDataset(right_, datasetVersion_, kStep);
  const auto leftKeys = keyColumns(table, leftKeys_, "left");
  const auto rightKeys = keyColumns(right, rightKeys_, "right");
  for (std::size_t k = 0; k < leftKeys.size(); ++k)
    if (family(leftKeys[k]->type()) != family(rightKeys[k]->type()))
      throw Error(ErrorCode::InvalidArgument,
                  kStep + ": key '" + leftKeys_[k] + "' is " + std::string(data::columnTypeName(leftKeys[k]->type())) +
                      " on the left but '" + rightKeys_[k] + "' is " +
                      std::string(data::columnTypeName(rightKeys[k]->type())) + " on the right",
                  {}, leftKeys_[k]);

  // The right rows by key: the first row and the count per key, then a chain to the next row
  // with the same key.
  struct Matches {
    std::int64_t first = -1;
    std::int64_t last = -1;
    std::int64_t count = 0;
  };
  std::unordered_map<std::string, Matches> byKey;
  std::vector<std::int64_t> next(right.rowCount(), -1);
  std::string key;
  for (std::size_t row = 0; row < right.rowCount(); ++row) {
    if (row % 65536 == 0) throwIfStopped(context);
    if (!keyOf(rightKeys, row, key)) continue;
    Matches& m = byKey[key];
    if (m.count++ == 0) m.first = static_cast<std::int64_t>(row);
    else next[static_cast<std::size_t>(m.last)] = static_cast<std::int64_t>(row);
    m.last = static_cast<std::int64_t>(row);
  }

  // Each left row's first match, then the size of the result before allocating it.
  std::vector<std::int64_t> match(table.rowCount(), -1);
  std::int64_t total = 0;
  for (std::size_t row = 0; row < table.rowCount(); ++row) {
    if (row % 65536 == 0) throwIfStopped(context);
    std::int64_t count = 0;
    if (keyOf(leftKeys, row, key))
      if (const auto it = byKey.find(key); it != byKey.end()) match[row] = it->second.first, count = it->second.count;
    total += count == 0 && how_ == How::Left ? 1 : count;
    if (total > kMaxRows)
      throw Error(ErrorCode::InvalidArgument, kStep + ": the join would make more than " + std::to_string(kMaxRows) +
                                                  " rows; check that the keys identify rows");
  }
  std::vector<std::int64_t> leftRows, rightRows;
  leftRows.reserve(static_cast<std::size_t>(total));
  rightRows.reserve(static_cast<std::size_t>(total));
  for (std::size_t row = 0; row < table.rowCount(); ++row) {
    if (match[row] < 0 && how_ == How::Left) leftRows.push_back(static_cast<std::int64_t>(row)), rightRows.push_back(-1);
    for (std::int64_t r = match[row]; r >= 0; r = next[static_cast<std::size_t>(r)])
      leftRows.push_back(static_cast<std::int64_t>(row)), rightRows.push_back(r);
  }

  std::vector<std::shared_ptr<const Column>> columns;
  for (const auto& column : table.columns()) {
    throwIfStopped(context);
    columns.push_back(takeRows(*column, leftRows, column->name()));
  }
  for (const auto& column : right.columns()) {
    if (std::find(rightKeys_.begin(), rightKeys_.end(), column->name()) != rightKeys_.end()) continue;
    throwIfStopped(context);
    columns.push_back(takeRows(*column, rightRows, uniqueName(columns, column->name(), suffix_)));
  }
  if (columns.empty()) return table;
  return data::Table(std::move(columns));
}

}  // namespace lathe::wrangle
