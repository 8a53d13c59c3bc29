#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::wrangle {

// What every step's factory, fitted state and apply() share, so that each reads its parameters
// and reports a bad column the same way. `step` is the step's name as users read it ("fill_missing",
// "one-hot encoding"); every message starts with it.

// Parameters: each throws lathe::Error(Parse) "<step>: parameter '<key>' <problem>".
[[noreturn]] void badParameter(const std::string& step, const std::string& key, const std::string& problem);
// The parameters must be a JSON object (null counts as {}).
void requireObject(const nlohmann::json& parameters, const std::string& step);
// Required parameters.
std::string stringParameter(const nlohmann::json& parameters, const std::string& key, const std::string& step);
// A list of non-empty, distinct names; `allowEmpty` false refuses [].
std::vector<std::string> namesParameter(const nlohmann::json& parameters, const std::string& key,
                                        const std::string& step, bool allowEmpty = false);
bool boolParameter(const nlohmann::json& parameters, const std::string& key, const std::string& step,
                   bool fallback);
double numberParameter(const nlohmann::json& parameters, const std::string& key, const std::string& step);
// A seed: a non-negative integer (0 when absent).
std::uint64_t seedParameter(const nlohmann::json& parameters, const std::string& step);

// Parameters with a fallback when absent or null (the feature steps' convention).
// A list of column names, or one name as a string.
std::vector<std::string> readColumnList(const nlohmann::json& parameters, const std::string& step,
                                        const std::string& key = "columns");
std::string readText(const nlohmann::json& parameters, const std::string& step, const std::string& key,
                     const std::string& fallback);
std::string readChoice(const nlohmann::json& parameters, const std::string& step, const std::string& key,
                       std::initializer_list<const char*> choices);  // the first choice is the default
double readNumber(const nlohmann::json& parameters, const std::string& step, const std::string& key,
                  double fallback, double min, double max);
std::int64_t readInteger(const nlohmann::json& parameters, const std::string& step, const std::string& key,
                         std::int64_t fallback, std::int64_t min, std::int64_t max);
bool readFlag(const nlohmann::json& parameters, const std::string& step, const std::string& key, bool fallback);

// Fitted state: each throws lathe::Error(Parse) naming the step.
// `json` (a fitted state or part of one, named by `what`) must be an object; null is refused.
void requireStateObject(const nlohmann::json& json, const std::string& step, const std::string& what);
// `state[key]`, or an error when it is absent.
const nlohmann::json& stateField(const nlohmann::json& state, const std::string& step, const std::string& key);
std::vector<double> readNumbers(const nlohmann::json& array, const std::string& step, const std::string& what);
std::vector<std::string> readStrings(const nlohmann::json& array, const std::string& step, const std::string& what);

// Columns: each throws lathe::Error(InvalidArgument) naming the step and the column.
std::size_t requireColumnIndex(const data::Table& table, const std::string& name, const std::string& step);
const data::Column& requireColumn(const data::Table& table, const std::string& name, const std::string& step);
// A float64, int64 or bool column ("a text column to scale" is refused).
const data::Column& requireNumericColumn(const data::Table& table, const std::string& name, const std::string& step);
[[noreturn]] void throwNotFitted(const std::string& step, const std::string& column);

// `table` with column `index` replaced by `with` (none: removed; several: inserted in order);
// every other column is shared.
data::Table replaceColumn(const data::Table& table, std::size_t index,
                          std::vector<std::shared_ptr<const data::Column>> with);
// `name` or, while another column has it, `name` + `suffix` (+ a number): never two columns alike.
std::string uniqueName(const std::vector<std::shared_ptr<const data::Column>>& columns, const std::string& name,
                       const std::string& suffix);

// Cancel and progress; both do nothing without a context. Steps check between columns and
// every few thousand rows.
void throwIfStopped(const jobs::JobContext* context);
void reportProgress(const jobs::JobContext* context, double fraction, const char* message);

// Rows are processed in chunks of this many between checks for Cancel (a few ms of work).
inline constexpr std::size_t kRowsPerCheck = std::size_t{1} << 18;

}  // namespace lathe::wrangle
