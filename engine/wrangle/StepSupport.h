#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::wrangle {

// What every step's factory and apply() share: reading parameters with errors that name the
// step kind and the parameter, finding columns with errors that name the step and the column,
// and swapping one column of a table while sharing all the others.

// lathe::Error(Parse): "<kind>: parameter '<key>' <problem>".
[[noreturn]] void badParameter(const std::string& kind, const std::string& key, const std::string& problem);
// The parameters must be a JSON object (null counts as {}).
void requireObject(const nlohmann::json& parameters, const std::string& kind);
std::string stringParameter(const nlohmann::json& parameters, const std::string& key, const std::string& kind);
// A list of non-empty, distinct names; `allowEmpty` false refuses [].
std::vector<std::string> namesParameter(const nlohmann::json& parameters, const std::string& key,
                                        const std::string& kind, bool allowEmpty = false);
bool boolParameter(const nlohmann::json& parameters, const std::string& key, const std::string& kind,
                   bool fallback);
double numberParameter(const nlohmann::json& parameters, const std::string& key, const std::string& kind);
// A seed: a non-negative integer (0 when absent).
std::uint64_t seedParameter(const nlohmann::json& parameters, const std::string& kind);

// The index of column `name`; lathe::Error(InvalidArgument) naming the step and the column
// when the table has none.
std::size_t requireColumn(const data::Table& table, const std::string& name, const std::string& kind);
// `table` with column `index` replaced by `column` (every other column shared).
data::Table withColumn(const data::Table& table, std::size_t index, std::shared_ptr<const data::Column> column);
// Throws JobCancelled when a stop was requested; nothing without a context.
void throwIfStopped(const jobs::JobContext* context);
void reportProgress(const jobs::JobContext* context, double fraction, const char* message);

// Rows are processed in chunks of this many between checks for Cancel (a few ms of work).
inline constexpr std::size_t kRowsPerCheck = std::size_t{1} << 18;

}  // namespace lathe::wrangle
