#include "engine/wrangle/BinStep.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/core/Error.h"
#include "engine/wrangle/NumericColumnValues.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {
using nlohmann::json;
const std::string kStep = "binning";

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

std::vector<double> fitEdges(const std::vector<double>& sorted, BinStep::Method method, int bins) {
  if (sorted.empty()) return {};
  const double low = sorted.front(), high = sorted.back();
  std::vector<double> edges(static_cast<std::size_t>(bins) + 1);
  for (int i = 0; i <= bins; ++i) {
    const double fraction = static_cast<double>(i) / bins;
    // numpy.linspace and numpy.percentile, as scikit-learn computes them.
    edges[static_cast<std::size_t>(i)] = method == BinStep::Method::EqualWidth
                                             ? low + i * ((high - low) / bins)
                                             : linearQuantile(sorted, fraction);
  }
  edges.back() = high;
  std::vector<double> kept{edges.front()};
  for (std::size_t i = 1; i < edges.size(); ++i)
    if (edges[i] - kept.back() > 1e-8) kept.push_back(edges[i]);
  if (kept.size() == 1) kept.push_back(kept.front());  // a constant column: one bin [v, v]
  return kept;
}

}  // namespace

BinStep::BinStep(std::vector<std::string> columns, Method method, int bins, Output output)
    : columns_(std::move(columns)), method_(method), bins_(bins), output_(output) {
  if (bins_ < 2 || bins_ > 1000) throw Error(ErrorCode::InvalidArgument, kStep + ": the number of bins must be 2 to 1000");
}

std::unique_ptr<RecipeStep> BinStep::fromParameters(const json& parameters) {
  const std::string method = readChoice(parameters, kStep, "method", {"equal_width", "quantile"});
  const std::string output = readChoice(parameters, kStep, "output", {"labels", "codes"});
  return std::make_unique<BinStep>(readColumnList(parameters, kStep),
                                   method == "quantile" ? Method::Quantile : Method::EqualWidth,
                                   static_cast<int>(readInteger(parameters, kStep, "bins", 5, 2, 1000)),
                                   output == "codes" ? Output::Codes : Output::Labels);
}

json BinStep::parameters() const {
  return {{"columns", columns_},
          {"method", method_ == Method::Quantile ? "quantile" : "equal_width"},
          {"bins", bins_},
          {"output", output_ == Output::Codes ? "codes" : "labels"}};
}

std::string BinStep::describe() const {
  std::string names;
  for (const auto& column : columns_) names += (names.empty() ? "" : ", ") + column;
  return "bin " + names + " into " + std::to_string(bins_) +
         (method_ == Method::Quantile ? " quantile bins" : " equal-width bins");
}

std::string BinStep::label(std::span<const double> edges, std::size_t bin) {
  const bool last = bin + 2 >= edges.size();
  return "[" + number(edges[bin]) + ", " + number(edges[bin + 1]) + (last ? "]" : ")");
}

void BinStep::fit(const data::Table& training, const jobs::JobContext* context) {
  std::map<std::string, std::vector<double>> fitted;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    const std::vector<double> sorted = sortedFinite(numericValues(requireNumericColumn(training, name, kStep)));
    std::vector<double> edges = fitEdges(sorted, method_, bins_);
    if (edges.empty() || !std::isfinite(edges.front()) || !std::isfinite(edges.back()))
      throw Error(ErrorCode::InvalidArgument,
                  kStep + ": column '" + name + "' has no finite values in the training rows to bin", {}, name);
    fitted[name] = std::move(edges);
  }
  edges_ = std::move(fitted);
}

data::Table BinStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  data::Table out = table;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    const std::vector<double>& e = edges(name);
    const std::size_t index = requireColumnIndex(out, name, kStep);
    const std::vector<double> values = numericValues(requireNumericColumn(out, name, kStep));
    // numpy.searchsorted(edges[1:-1], x, side="right"): below the range is bin 0, above it the last.
    const auto inner = std::span(e).subspan(1, e.size() - 2);
    std::vector<std::int32_t> codes(values.size(), -1);
    data::Validity validity;
    for (std::size_t row = 0; row < values.size(); ++row) {
      if (std::isnan(values[row])) {
        validity.setMissing(row, values.size());
        continue;
      }
      codes[row] = static_cast<std::int32_t>(std::upper_bound(inner.begin(), inner.end(), values[row]) - inner.begin());
    }
    std::shared_ptr<const data::Column> binned;
    if (output_ == Output::Codes) {
      std::vector<std::int64_t> numbers(codes.begin(), codes.end());
      for (auto& n : numbers) n = std::max<std::int64_t>(n, 0);
      binned = data::Column::int64(name, std::move(numbers), std::move(validity));
    } else {
      std::vector<std::string> labels;
      for (std::size_t bin = 0; bin + 1 < e.size(); ++bin) labels.push_back(label(e, bin));
      binned = data::Column::categorical(name, std::move(codes), std::move(labels), std::move(validity));
    }
    out = replaceColumn(out, index, {std::move(binned)});
  }
  return out;
}

const std::vector<double>& BinStep::edges(const std::string& column) const {
  const auto it = edges_.find(column);
  if (it == edges_.end()) throwNotFitted(kStep, column);
  return it->second;
}

json BinStep::fittedState() const {
  if (edges_.empty()) return json::object();
  json edges = json::object();
  for (const auto& [column, list] : edges_) edges[column] = list;
  return {{"edges", edges}};
}

void BinStep::restoreFittedState(const json& state) {
  requireStateObject(state, kStep, "the fitted state");
  std::map<std::string, std::vector<double>> restored;
  if (!state.empty()) {
    const json& edges = stateField(state, kStep, "edges");
    requireStateObject(edges, kStep, "the fitted edges");
    for (const auto& [column, list] : edges.items()) {
      std::vector<double> e = readNumbers(list, kStep, "the bin edges");
      if (e.size() < 2 || !std::is_sorted(e.begin(), e.end()) ||
          std::any_of(e.begin(), e.end(), [](double v) { return !std::isfinite(v); }))
        throw Error(ErrorCode::Parse, kStep + ": the bin edges of '" + column + "' must be two or more rising numbers");
      restored[column] = std::move(e);
    }
  }
  edges_ = std::move(restored);
}

}  // namespace lathe::wrangle
