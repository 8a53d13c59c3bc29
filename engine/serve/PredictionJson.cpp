#include "engine/serve/PredictionJson.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

namespace lathe::serve {
namespace {

std::string quotedJson(std::string_view text) {
  std::string out;
  PredictionJson::appendString(out, text);
  return out;
}

}  // namespace

PredictionJson::PredictionJson(const deploy::ScoredRows& scored, std::string_view variant)
    : scored_(scored), variant_(quotedJson(variant)) {
  labels_.reserve(scored.classes.size());
  for (const auto& label : scored.classes) labels_.push_back(quotedJson(label));
}

bool PredictionJson::classification() const { return ml::isClassification(scored_.task); }

long PredictionJson::classOf(std::size_t row) const {
  const double p = scored_.predicted[row];
  if (!std::isfinite(p) || p < 0 || static_cast<std::size_t>(p) >= labels_.size()) return -1;
  return static_cast<long>(p);
}

void PredictionJson::appendNumber(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void PredictionJson::appendString(std::string& out, std::string_view text) {
  // Printable ASCII without a quote or a backslash needs no escaping: the common case, quoted
  // here without building a JSON value (the request log writes every sampled cell this way).
  const bool plain = std::all_of(text.begin(), text.end(), [](unsigned char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
  if (plain) {
    out += '"';
    out += text;
    out += '"';
    return;
  }
  // Invalid UTF-8 (a label read from a legacy file) becomes U+FFFD rather than an exception.
  out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void PredictionJson::appendPrediction(std::string& out, std::size_t row) const {
  if (!classification()) {
    out += "{\"value\":";
    appendNumber(out, scored_.predicted[row]);
  } else {
    const long k = classOf(row);
    out += "{\"label\":";
    out += k < 0 ? std::string("null") : labels_[static_cast<std::size_t>(k)];
    const auto& p = scored_.probabilities;
    if (p.classes == labels_.size() && row < p.rows) {
      out += ",\"probabilities\":{";
      for (std::size_t c = 0; c < labels_.size(); ++c) {
        if (c > 0) out += ',';
        out += labels_[c];
        out += ':';
        appendNumber(out, p.at(row, c));
      }
      out += '}';
    }
    if (scored_.threshold && row < scored_.decision.size() && scored_.decision[row] < labels_.size()) {
      out += ",\"decision\":";
      out += labels_[scored_.decision[row]];
    }
  }
  out += ",\"variant\":";
  out += variant_;
  out += '}';
}

void PredictionJson::appendLogRow(std::string& out, std::size_t row, const std::optional<std::string>& key) const {
  out += "{\"key\":";
  if (key) appendString(out, *key);
  else out += "null";
  if (!classification()) {
    out += ",\"value\":";
    appendNumber(out, scored_.predicted[row]);
  } else {
    const long k = classOf(row);
    out += ",\"label\":";
    out += k < 0 ? std::string("null") : labels_[static_cast<std::size_t>(k)];
    const auto& p = scored_.probabilities;
    out += ",\"p\":";
    if (k >= 0 && p.classes == labels_.size() && row < p.rows) appendNumber(out, p.at(row, static_cast<std::size_t>(k)));
    else out += "null";
  }
  out += '}';
}

std::string PredictionJson::rowsJson(const data::Table& table, std::span<const std::size_t> rows) {
  std::string out = "[";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) out += ',';
    out += '{';
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
      const data::Column& column = table.column(c);
      if (c > 0) out += ',';
      appendString(out, column.name());
      out += ':';
      const std::size_t r = rows[i];
      if (!column.isValid(r)) {
        out += "null";
        continue;
      }
      switch (column.type()) {
        case data::ColumnType::Float64: appendNumber(out, column.float64Values()[r]); break;
        case data::ColumnType::Int64: out += std::to_string(column.int64Values()[r]); break;
        case data::ColumnType::Bool: out += column.boolValues()[r] ? "true" : "false"; break;
        default: appendString(out, column.displayText(r)); break;
      }
    }
    out += '}';
  }
  return out + "]";
}

}  // namespace lathe::serve
