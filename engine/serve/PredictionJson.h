#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/data/Table.h"
#include "engine/deploy/ScoredRows.h"

namespace lathe::serve {

// Writes what one variant predicted as JSON text, row by row, straight into the response
// buffer: the labels and the variant name are escaped once per request, numbers are written
// with std::to_chars (shortest round-trip form), so a 10,000-row answer builds no JSON tree.
//   response row:  {"label": "Adelie", "probabilities": {"Adelie": 0.97, ...}, "variant": "a"}
//                  (+ "decision": label at the model's threshold, binary models with one)
//                  {"value": 151.2, "variant": "a"} for regression (and clustering)
//   log row:       {"key": "c-17" | null, "label": "Adelie", "p": 0.97} or {"key", "value"}
// NaN (no prediction) is written as null.
class PredictionJson {
 public:
  PredictionJson(const deploy::ScoredRows& scored, std::string_view variant);

  void appendPrediction(std::string& out, std::size_t row) const;
  void appendLogRow(std::string& out, std::size_t row, const std::optional<std::string>& key) const;

  // `rows` of `table` as [{"column": value, ...}, ...] (the request log's input).
  static std::string rowsJson(const data::Table& table, std::span<const std::size_t> rows);
  static void appendNumber(std::string& out, double value);
  static void appendString(std::string& out, std::string_view text);

 private:
  bool classification() const;
  // The predicted class index of `row`, or -1 when there is none.
  long classOf(std::size_t row) const;

  const deploy::ScoredRows& scored_;
  std::vector<std::string> labels_;  // escaped and quoted
  std::string variant_;             // escaped and quoted
};

}  // namespace lathe::serve
