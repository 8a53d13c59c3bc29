#include "engine/wrangle/TfidfStep.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "engine/core/Error.h"
#include "engine/wrangle/StepSupport.h"
#include "engine/wrangle/TextTokenizer.h"

namespace lathe::wrangle {
namespace {
using nlohmann::json;
const std::string kStep = "TF-IDF";

const data::Column& requireTextColumn(const data::Table& table, const std::string& name) {
  const data::Column& column = requireColumn(table, name, kStep);
  if (column.type() != data::ColumnType::Text && column.type() != data::ColumnType::Categorical)
    throw Error(ErrorCode::InvalidArgument,
                kStep + ": column '" + name + "' is " + std::string(data::columnTypeName(column.type())) +
                    ", not text",
                {}, name);
  return column;
}

std::string cellText(const data::Column& column, std::size_t row) {
  return column.type() == data::ColumnType::Text ? std::string(column.textAt(row)) : column.displayText(row);
}

}  // namespace

TfidfStep::TfidfStep(std::string column, std::int64_t maxFeatures, double minDf, bool englishStopWords)
    : column_(std::move(column)), maxFeatures_(maxFeatures), minDf_(minDf), stopWords_(englishStopWords) {
  if (maxFeatures_ < 1 || maxFeatures_ > kMaxFeaturesLimit)
    throw Error(ErrorCode::InvalidArgument, kStep + ": max_features must be 1 to " + std::to_string(kMaxFeaturesLimit));
  if (!(minDf_ > 0) || !std::isfinite(minDf_) || (minDf_ > 1 && minDf_ != std::floor(minDf_)))
    throw Error(ErrorCode::InvalidArgument, kStep + ": min_df must be a share below 1 or a whole count");
}

std::unique_ptr<RecipeStep> TfidfStep::fromParameters(const json& parameters) {
  const std::vector<std::string> columns = readColumnList(parameters, kStep, "column");
  if (columns.size() != 1) throw Error(ErrorCode::Parse, kStep + ": parameter 'column' names one text column");
  const std::string stop = readChoice(parameters, kStep, "stop_words", {"none", "english"});
  try {
    return std::make_unique<TfidfStep>(columns.front(),
                                       readInteger(parameters, kStep, "max_features", 1000, 1, kMaxFeaturesLimit),
                                       readNumber(parameters, kStep, "min_df", 1.0, 1e-12, 1e12), stop == "english");
  } catch (const Error& e) {
    throw Error(ErrorCode::Parse, e.message(), {}, e.value());
  }
}

json TfidfStep::parameters() const {
  json p = {{"column", column_}, {"max_features", maxFeatures_}, {"stop_words", stopWords_ ? "english" : "none"}};
  if (minDf_ >= 1) p["min_df"] = static_cast<std::int64_t>(minDf_);
  else p["min_df"] = minDf_;
  return p;
}

std::string TfidfStep::describe() const {
  return "TF-IDF of " + column_ + " (up to " + std::to_string(maxFeatures_) + " terms)";
}

void TfidfStep::fit(const data::Table& training, const jobs::JobContext* context) {
  const data::Column& column = requireTextColumn(training, column_);
  struct Counts {
    std::int64_t documents = 0;
    std::int64_t total = 0;
    std::int64_t lastRow = -1;  // counts a document once
  };
  std::unordered_map<std::string, Counts> counts;
  const TextTokenizer tokenizer(stopWords_);
  std::vector<std::string> tokens;
  std::int64_t documents = 0;
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (row % 1024 == 0) throwIfStopped(context);
    if (!column.isValid(row)) continue;
    ++documents;
    tokenizer.tokenize(cellText(column, row), tokens);
    for (auto& token : tokens) {
      Counts& c = counts[std::move(token)];
      ++c.total;
      if (c.lastRow != static_cast<std::int64_t>(row)) c.lastRow = static_cast<std::int64_t>(row), ++c.documents;
    }
  }
  const double minDocuments = minDf_ >= 1 ? minDf_ : minDf_ * static_cast<double>(documents);
  std::vector<std::pair<std::string, Counts>> kept;
  for (auto& [term, c] : counts)
    if (static_cast<double>(c.documents) >= minDocuments) kept.emplace_back(term, c);
  // The most frequent terms (ties by name, so the choice is the same on every run), then A-Z.
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    return a.second.total != b.second.total ? a.second.total > b.second.total : a.first < b.first;
  });
  if (static_cast<std::int64_t>(kept.size()) > maxFeatures_) kept.resize(static_cast<std::size_t>(maxFeatures_));
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> terms;
  std::vector<double> idf;
  for (const auto& [term, c] : kept) {
    terms.push_back(term);
    idf.push_back(std::log((1.0 + static_cast<double>(documents)) / (1.0 + static_cast<double>(c.documents))) + 1.0);
  }
  terms_ = std::move(terms);
  idf_ = std::move(idf);
  fitted_ = true;
}

data::Table TfidfStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  if (!fitted_) throwNotFitted(kStep, column_);
  const std::size_t index = requireColumnIndex(table, column_, kStep);
  const data::Column& column = requireTextColumn(table, column_);
  std::unordered_map<std::string, std::size_t> lookup;
  for (std::size_t i = 0; i < terms_.size(); ++i) lookup.emplace(terms_[i], i);
  const std::size_t rows = column.size();
  // Dense output: refuse before allocating when it would pass the cell budget.
  if (static_cast<double>(rows) * static_cast<double>(terms_.size()) > static_cast<double>(kMaxCells))
    throw Error(ErrorCode::InvalidArgument,
                kStep + ": " + std::to_string(rows) + " rows of '" + column_ + "' times " +
                    std::to_string(terms_.size()) + " terms is more than " + std::to_string(kMaxCells) +
                    " values; lower max_features",
                {}, column_);
  std::vector<std::vector<double>> features(terms_.size(), std::vector<double>(rows, 0.0));
  const TextTokenizer tokenizer(stopWords_);
  std::vector<std::string> tokens;
  std::vector<std::pair<std::size_t, double>> rowCounts;
  for (std::size_t row = 0; row < rows; ++row) {
    if (row % 1024 == 0) throwIfStopped(context);
    if (!column.isValid(row)) {
      for (auto& feature : features) feature[row] = std::numeric_limits<double>::quiet_NaN();
      continue;
    }
    tokenizer.tokenize(cellText(column, row), tokens);
    rowCounts.clear();
    for (const auto& token : tokens)
      if (const auto it = lookup.find(token); it != lookup.end()) rowCounts.emplace_back(it->second, 1.0);
    double norm = 0.0;
    // Raw count times idf per term, then the row scaled to unit length.
    for (const auto& [term, one] : rowCounts) features[term][row] += one * idf_[term];
    std::sort(rowCounts.begin(), rowCounts.end());
    rowCounts.erase(std::unique(rowCounts.begin(), rowCounts.end()), rowCounts.end());
    for (const auto& [term, one] : rowCounts) norm += features[term][row] * features[term][row];
    if (norm > 0)
      for (const auto& [term, one] : rowCounts) features[term][row] /= std::sqrt(norm);
  }
  std::vector<std::shared_ptr<const data::Column>> columns;
  columns.reserve(terms_.size());
  for (std::size_t i = 0; i < terms_.size(); ++i) {
    throwIfStopped(context);
    columns.push_back(data::Column::float64(column_ + ":tfidf:" + terms_[i], std::move(features[i]), column.validity()));
  }
  return replaceColumn(table, index, std::move(columns));
}

json TfidfStep::fittedState() const {
  if (!fitted_) return json::object();
  return {{"terms", terms_}, {"idf", idf_}};
}

void TfidfStep::restoreFittedState(const json& state) {
  requireStateObject(state, kStep, "the fitted state");
  std::vector<std::string> terms;
  std::vector<double> idf;
  if (!state.empty()) {
    terms = readStrings(stateField(state, kStep, "terms"), kStep, "the fitted terms");
    idf = readNumbers(stateField(state, kStep, "idf"), kStep, "the fitted idf");
    if (terms.size() != idf.size() || static_cast<std::int64_t>(terms.size()) > kMaxFeaturesLimit ||
        std::any_of(idf.begin(), idf.end(), [](double v) { return !std::isfinite(v) || v <= 0; }))
      throw Error(ErrorCode::Parse, kStep + ": the fitted terms and idf must be lists of the same length (at most " +
                                        std::to_string(kMaxFeaturesLimit) + ") with positive idf values");
  }
  terms_ = std::move(terms);
  idf_ = std::move(idf);
  fitted_ = !state.empty();
}

}  // namespace lathe::wrangle
