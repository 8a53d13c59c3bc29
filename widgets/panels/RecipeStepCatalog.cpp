#include "widgets/panels/RecipeStepCatalog.h"

namespace lathe::widgets {
namespace {

using Kind = RecipeParameterSpec::Kind;
using nlohmann::json;

RecipeParameterSpec param(std::string key, QString label, Kind kind, json defaultValue = nullptr,
                          bool optional = false) {
  return {std::move(key), std::move(label), kind, {}, std::move(defaultValue), optional};
}

// A choice: the engine's values with their labels, in the order shown; the default is `first`.
RecipeParameterSpec choice(std::string key, QString label, std::vector<RecipeChoice> choices) {
  RecipeParameterSpec spec = param(std::move(key), std::move(label), Kind::Choice, choices.front().value);
  spec.choices = std::move(choices);
  return spec;
}

RecipeParameterSpec columns() { return param("columns", RecipeStepCatalog::tr("Columns"), Kind::Columns); }
RecipeParameterSpec seed() { return param("seed", RecipeStepCatalog::tr("Seed"), Kind::Integer, 0); }
RecipeParameterSpec dataset() {
  return param("dataset_version", RecipeStepCatalog::tr("Dataset"), Kind::Dataset, 1);
}

}  // namespace

QStringList RecipeStepCatalog::groups() {
  return {tr("Columns"),         tr("Rows"),          tr("Missing values"), tr("Encoding and scaling"),
          tr("Binning and outliers"), tr("Dates and text"), tr("Integration"),    tr("Splitting")};
}

std::vector<RecipeStepSpec> RecipeStepCatalog::steps() {
  const QStringList g = groups();
  RecipeParameterSpec parts = param("parts", tr("Parts"), Kind::Choices, nullptr, true);
  parts.choices = {{"year", tr("Year")}, {"month", tr("Month")}, {"day", tr("Day")},
                   {"weekday", tr("Weekday")}, {"hour", tr("Hour")}};
  return {
      {"select_columns", tr("Keep columns"), g[0], {columns()}},
      {"drop_columns", tr("Drop columns"), g[0], {columns()}},
      {"rename_columns", tr("Rename columns"), g[0], {param("renames", tr("New names"), Kind::Renames)}},
      {"reorder_columns", tr("Reorder columns"), g[0], {columns()}},
      {"change_type", tr("Change type"), g[0],
       {columns(), choice("type", tr("Type"),
                          {{"float64", tr("Decimal number")}, {"int64", tr("Whole number")},
                           {"bool", tr("True/false")}, {"categorical", tr("Category")},
                           {"text", tr("Text")}, {"datetime", tr("Date and time")}})}},
      {"derived_column", tr("Derived column"), g[0],
       {param("name", tr("Name"), Kind::Text, "new_column"), param("formula", tr("Formula"), Kind::Formula, "1")}},
      {"filter_rows", tr("Filter rows"), g[1], {param("formula", tr("Keep rows where"), Kind::Formula, "true")}},
      {"drop_duplicates", tr("Drop duplicate rows"), g[1],
       {param("columns", tr("Compare columns (none: all)"), Kind::Columns, json::array())}},
      {"sample_rows", tr("Random sample"), g[1],
       {param("fraction", tr("Fraction of rows"), Kind::Number, 0.5, true),
        param("rows", tr("Number of rows"), Kind::Integer, nullptr, true), seed()}},
      {"stratified_sample", tr("Stratified sample"), g[1],
       {param("column", tr("Keep the shares of"), Kind::Column),
        param("fraction", tr("Fraction of rows"), Kind::Number, 0.5, true),
        param("rows", tr("Number of rows"), Kind::Integer, nullptr, true), seed()}},
      {"fill_missing", tr("Fill missing values"), g[2],
       {columns(),
        choice("strategy", tr("Fill with"),
               {{"mean", tr("Mean")}, {"median", tr("Median")}, {"mode", tr("Most frequent value")},
                {"constant", tr("A constant")}, {"forward", tr("The value above")}}),
        param("value", tr("Constant"), Kind::Text, nullptr, true),
        param("indicator", tr("Add a “was missing” column"), Kind::Bool, false)}},
      {"one_hot", tr("One-hot encoding"), g[3],
       {columns(),
        choice("unseen", tr("Unseen categories"),
               {{"zeros", tr("All zeros")}, {"error", tr("Stop with an error")}, {"other", tr("An “other” column")}}),
        param("drop_first", tr("Drop the first level"), Kind::Bool, false),
        param("max_levels", tr("Most levels"), Kind::Integer, 200)}},
      {"ordinal", tr("Ordinal encoding"), g[3],
       {columns(), choice("order", tr("Order"), {{"appearance", tr("Order of appearance")}, {"sorted", tr("Sorted")}}),
        choice("unseen", tr("Unseen categories"), {{"missing", tr("Missing")}, {"minus_one", tr("−1")}})}},
      {"scale", tr("Scaling"), g[3],
       {columns(),
        choice("method", tr("Method"),
               {{"standard", tr("Standardise (mean 0, deviation 1)")}, {"min_max", tr("Min–max range")},
                {"robust", tr("Robust (median and IQR)")}}),
        param("range", tr("Range (min–max)"), Kind::Range, nullptr, true)}},
      {"log", tr("Log transform"), g[3], {columns(), param("log1p", tr("log(1 + x)"), Kind::Bool, false)}},
      {"power", tr("Power transform"), g[3], {columns()}},
      {"bin", tr("Binning"), g[4],
       {columns(), choice("method", tr("Method"), {{"equal_width", tr("Equal width")}, {"quantile", tr("Quantiles")}}),
        param("bins", tr("Bins"), Kind::Integer, 5),
        choice("output", tr("Output"), {{"labels", tr("Range labels")}, {"codes", tr("Bin numbers")}})}},
      {"clip_outliers", tr("Clip outliers"), g[4],
       {columns(), choice("method", tr("Method"), {{"iqr", tr("Interquartile range")}, {"zscore", tr("Z-score")}}),
        param("k", tr("IQR factor"), Kind::Number, 1.5, true),
        param("threshold", tr("Z-score threshold"), Kind::Number, nullptr, true)}},
      {"date_parts", tr("Date parts"), g[5], {columns(), parts}},
      {"tfidf", tr("TF-IDF features"), g[5],
       {param("column", tr("Text column"), Kind::Column), param("max_features", tr("Most features"), Kind::Integer, 1000),
        param("min_df", tr("Minimum document frequency"), Kind::Number, 1),
        choice("stop_words", tr("Stop words"), {{"none", tr("None")}, {"english", tr("English")}})}},
      {"join", tr("Join a dataset"), g[6],
       {dataset(), param("on", tr("Keys"), Kind::Columns),
        param("right_on", tr("Keys in the other dataset"), Kind::RightKeys, nullptr, true),
        choice("how", tr("Join"), {{"inner", tr("Matching rows only")}, {"left", tr("All rows of this dataset")}}),
        param("suffix", tr("Suffix"), Kind::Text, "_right")}},
      {"concatenate", tr("Append a dataset"), g[6], {dataset()}},
      {"split", tr("Train/validation/test split"), g[7],
       {param("train", tr("Train"), Kind::Number, 0.7), param("validation", tr("Validation"), Kind::Number, 0.15),
        param("test", tr("Test"), Kind::Number, 0.15), seed(),
        param("stratify", tr("Stratify by"), Kind::Column, nullptr, true)}},
  };
}

const RecipeStepSpec* RecipeStepCatalog::find(const std::vector<RecipeStepSpec>& steps, const std::string& kind) {
  for (const auto& step : steps)
    if (step.kind == kind) return &step;
  return nullptr;
}

const RecipeParameterSpec* RecipeStepCatalog::findParameter(const RecipeStepSpec& step, const std::string& key) {
  for (const auto& p : step.parameters)
    if (p.key == key) return &p;
  return nullptr;
}

QString RecipeStepCatalog::title(const std::string& kind) {
  const auto all = steps();
  const auto* spec = find(all, kind);
  return spec ? spec->title : QString::fromStdString(kind);
}

QString RecipeStepCatalog::choiceLabel(const std::string& kind, const std::string& key, const std::string& value) {
  const auto all = steps();
  if (const auto* spec = find(all, kind))
    if (const auto* p = findParameter(*spec, key))
      for (const auto& c : p->choices)
        if (c.value == value) return c.label;
  return QString::fromStdString(value);
}

json RecipeStepCatalog::defaultParameters(const std::string& kind, const QStringList& columns) {
  const auto all = steps();
  const auto* spec = find(all, kind);
  json out = json::object();
  if (!spec) return out;
  const std::string first = columns.isEmpty() ? std::string() : columns.first().toStdString();
  for (const auto& p : spec->parameters) {
    if (!p.defaultValue.is_null()) out[p.key] = p.defaultValue;
    else if (p.optional) continue;
    else if (p.kind == Kind::Columns) out[p.key] = first.empty() ? json::array() : json::array({first});
    else if (p.kind == Kind::Column) out[p.key] = first;
    else if (p.kind == Kind::Renames) out[p.key] = first.empty() ? json::object() : json{{first, first + "_renamed"}};
  }
  return out;
}

}  // namespace lathe::widgets
