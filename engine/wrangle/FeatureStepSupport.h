#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"
#include "engine/jobs/JobContext.h"

namespace lathe::wrangle::feature {

// Shared by the feature-engineering steps (encoding, scaling, binning, dates, text, joins) so
// that each reads its parameters and reports a bad column the same way. `step` is the step's
// name as users read it ("one-hot encoding"); every message starts with it.

// Parameters: each throws lathe::Error(Parse) naming the step and the parameter.
std::vector<std::string> readColumnList(const nlohmann::json& parameters, const std::string& step,
                                        const char* key = "columns");
std::string readText(const nlohmann::json& parameters, const std::string& step, const char* key,
                     const std::string& fallback);
std::string readChoice(const nlohmann::json& parameters, const std::string& step, const char* key,
                       std::initializer_list<const char*> choices);  // the first choice is the default
double readNumber(const nlohmann::json& parameters, const std::string& step, const char* key, double fallback,
                  double min, double max);
std::int64_t readInteger(const nlohmann::json& parameters, const std::string& step, const char* key,
                         std::int64_t fallback, std::int64_t min, std::int64_t max);
bool readFlag(const nlohmann::json& parameters, const std::string& step, const char* key, bool fallback);
// Throws Error(Parse) when `json` is not an object (a fitted state or parameters).
void requireObject(const nlohmann::json& json, const std::string& step, const char* what);
// `state[key]` for a fitted state, or Error(Parse) naming the step when it is absent.
const nlohmann::json& stateField(const nlohmann::json& state, const std::string& step, const std::string& key);
std::vector<double> readNumbers(const nlohmann::json& array, const std::string& step, const std::string& what);
std::vector<std::string> readStrings(const nlohmann::json& array, const std::string& step, const std::string& what);

// Columns: each throws lathe::Error(InvalidArgument) naming the step and the column.
const data::Column& requireColumn(const data::Table& table, const std::string& name, const std::string& step);
std::size_t requireColumnIndex(const data::Table& table, const std::string& name, const std::string& step);
// A float64, int64 or bool column ("a text column to scale" is refused).
const data::Column& requireNumericColumn(const data::Table& table, const std::string& name, const std::string& step);
[[noreturn]] void throwNotFitted(const std::string& step, const std::string& column);

// The values of a numeric column as doubles, NaN where missing.
std::vector<double> numericValues(const data::Column& column);
// A float64 column from `values`, missing where a value is NaN (or where the source was missing).
std::shared_ptr<const data::Column> float64Column(std::string name, std::vector<double> values);
// The valid (non-NaN) values, sorted, for quantiles.
std::vector<double> sortedFinite(std::span<const double> values);
// numpy.percentile's default ("linear"): q in [0, 1] over sorted values; NaN when empty.
double linearQuantile(std::span<const double> sorted, double q);

// `table` with column `index` replaced by `with` (none: removed; several: inserted in order).
data::Table replaceColumn(const data::Table& table, std::size_t index,
                          std::vector<std::shared_ptr<const data::Column>> with);
// `name` or, while another column has it, `name` + `suffix` (+ a number): never two columns alike.
std::string uniqueName(const std::vector<std::shared_ptr<const data::Column>>& columns, const std::string& name,
                       const std::string& suffix);
// The rows of `column` listed in `rows` (-1: a missing value), as a new column of the same type.
std::shared_ptr<const data::Column> takeRows(const data::Column& column, std::span<const std::int64_t> rows,
                                             const std::string& name);

// Cancel: steps call this between columns and every few thousand rows.
inline void checkStop(const jobs::JobContext* context) {
  if (context) context->throwIfStopped();
}

}  // namespace lathe::wrangle::feature
