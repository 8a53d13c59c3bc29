#include "engine/deploy/AbLabelJoin.h"

#include <cmath>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "engine/core/Error.h"
#include "engine/store/Database.h"
#include "engine/store/Statement.h"

namespace lathe::deploy {
namespace {

using nlohmann::json;

struct Answer {
  std::string variant;
  json row;
};

std::string keyText(const json& key) { return key.is_string() ? key.get<std::string>() : key.dump(); }

std::size_t columnOf(const data::Table& labels, const std::string& name, const char* what) {
  const auto index = labels.indexOf(name);
  if (!index) throw Error(ErrorCode::InvalidArgument, std::string("the labels have no ") + what + " column \"" + name + "\"", {}, name);
  return *index;
}

}  // namespace

AbLabelJoin::Result AbLabelJoin::join(store::Database& db, std::int64_t endpointId, const data::Table& labels,
                                      const std::string& keyColumn, const std::string& labelColumn,
                                      const std::string& positiveClass) {
  const data::Column& keys = labels.column(columnOf(labels, keyColumn, "key"));
  const data::Column& truth = labels.column(columnOf(labels, labelColumn, "label"));

  std::unordered_map<std::string, Answer> answers;  // key -> latest answer
  store::Statement rows = db.prepare(
      "SELECT variant, output FROM request_log WHERE endpoint_id = ?1 AND output IS NOT NULL ORDER BY id");
  rows.bind(1, endpointId);
  while (rows.step()) {
    const json output = json::parse(rows.text(1), nullptr, false);
    if (!output.is_array()) continue;
    for (const auto& row : output)
      if (row.is_object() && row.contains("key") && !row["key"].is_null()) answers[keyText(row["key"])] = {rows.text(0), row};
  }

  Result result;
  std::unordered_map<std::string, std::size_t> recordOfKey;  // a key labelled twice is one record
  for (std::size_t r = 0; r < labels.rowCount(); ++r) {
    if (!keys.isValid(r) || !truth.isValid(r)) continue;
    const auto found = answers.find(keys.displayText(r));
    if (found == answers.end()) {
      ++result.labelsWithoutAnswer;
      continue;
    }
    const json& row = found->second.row;
    AbRecord record;
    record.variant = found->second.variant;
    if (row.contains("value")) {
      record.actualValue = truth.numericAt(r);
      record.predictedValue = row["value"].is_number() ? row["value"].get<double>() : std::nan("");
    } else {
      record.actualLabel = truth.displayText(r);
      record.predictedLabel = row.value("label", json()).is_string() ? row["label"].get<std::string>() : row.value("label", json()).dump();
      if (!positiveClass.empty() && row.contains("p") && row["p"].is_number()) {
        const double p = row["p"].get<double>();
        record.positiveProbability = record.predictedLabel == positiveClass ? p : 1.0 - p;
      }
    }
    if (const auto seen = recordOfKey.find(found->first); seen != recordOfKey.end()) {
      result.records[seen->second] = std::move(record);
      ++result.labelsRepeated;
      continue;
    }
    recordOfKey.emplace(found->first, result.records.size());
    result.records.push_back(std::move(record));
  }
  result.answeredWithoutLabel = answers.size() - recordOfKey.size();
  return result;
}

}  // namespace lathe::deploy
