#include "widgets/panels/RecipeStepCatalog.h"

namespace lathe::widgets {
namespace {

using Kind = RecipeParameterSpec::Kind;
using nlohmann::json;

RecipeParameterSpec param(std::string key, QString label, Kind kind, json defaultValue = nullptr,
                          bool optional = false, QStringList choices = {}) {
  return {std::move(key), std::move(label), kind, std::move(choices), std::move(defaultValue), optional};
}

RecipeParameterSpec columns() { return param("columns", RecipeStepCatalog::tr("Columns"), Kind::Columns); }
RecipeParameterSpec seed() { return param("seed", RecipeStepCatalog::tr("Seed"), Kind::Integer, 0); }

}  // namespace

QStringList RecipeStepCatalog::groups() {
  return {tr("Columns"),         tr("Rows"),          tr("Missing values"), tr("Encoding and scaling"),
          tr("Binning and outliers"), tr("Dates and text"), tr("Integration"),    tr("Splitting")};
}

std::vector<RecipeStepSpec> RecipeStepCatalog::steps() {
  const QStringList g = groups();
  return {
      {"select_columns", tr("Keep columns"), g[0], {columns()}},
      {"drop_columns", tr("Drop columns"), g[0], {columns()}},
      {"rename_columns", tr("Rename columns"), g[0], {param("renames", tr("New names"), Kind::Renames)}},
      {"reorder_columns", tr("Reorder columns"), g[0], {columns()}},
      {"change_type", tr("Change type"), g[0],
       {columns(), param("type", tr("Type"), Kind::Choice, "float64", false,
                         {"float64", "int64", "bool", "categorical", "text", "datetime"})}},
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
        param("strategy", tr("Fill with"), Kind::Choice, "mean", false, {"mean", "median", "mode", "constant", "forward"}),
        param("value", tr("Constant"), Kind::Text, nullptr, true),
        param("indicator", tr("Add a “was missing” column"), Kind::Bool, false)}},
      {"one_hot", tr("One-hot encoding"), g[3],
       {columns(), param("unseen", tr("Unseen categories"), Kind::Choice, "zeros", false, {"zeros", "error", "other"}),
        param("drop_first", tr("Drop the first level"), Kind::Bool, false),
        param("max_levels", tr("Most levels"), Kind::Integer, 200)}},
      {"ordinal", tr("Ordinal encoding"), g[3],
       {columns(), param("order", tr("Order"), Kind::Choice, "appearance", false, {"appearance", "sorted"}),
        param("unseen", tr("Unseen categories"), Kind::Choice, "missing", false, {"missing", "minus_one"})}},
      {"scale", tr("Scaling"), g[3],
       {columns(), param("method", tr("Method"), Kind::Choice, "standard", false, {"standard", "min_max", "robust"})}},
      {"log", tr("Log transform"), g[3], {columns(), param("log1p", tr("log(1 + x)"), Kind::Bool, false)}},
      {"power", tr("Power transform"), g[3], {columns()}},
      {"bin", tr("Binning"), g[4],
       {columns(), param("method", tr("Method"), Kind::Choice, "equal_width", false, {"equal_width", "quantile"}),
        param("bins", tr("Bins"), Kind::Integer, 5),
        param("output", tr("Output"), Kind::Choice, "labels", false, {"labels", "codes"})}},
      {"clip_outliers", tr("Clip outliers"), g[4],
       {columns(), param("method", tr("Method"), Kind::Choice, "iqr", false, {"iqr", "zscore"}),
        param("k", tr("IQR factor"), Kind::Number, 1.5, true),
        param("threshold", tr("Z-score threshold"), Kind::Number, nullptr, true)}},
      {"date_parts", tr("Date parts"), g[5], {columns()}},
      {"tfidf", tr("TF-IDF features"), g[5],
       {param("column", tr("Text column"), Kind::Column), param("max_features", tr("Most features"), Kind::Integer, 1000),
        param("min_df", tr("Minimum document frequency"), Kind::Number, 1),
        param("stop_words", tr("Stop words"), Kind::Choice, "none", false, {"none", "english"})}},
      {"join", tr("Join a dataset"), g[6],
       {param("dataset_version", tr("Dataset version"), Kind::Integer, 1),
        param("on", tr("Keys"), Kind::Columns), param("how", tr("Join"), Kind::Choice, "inner", false, {"inner", "left"}),
        param("suffix", tr("Suffix"), Kind::Text, "_right")}},
      {"concatenate", tr("Append a dataset"), g[6], {param("dataset_version", tr("Dataset version"), Kind::Integer, 1)}},
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

QString RecipeStepCatalog::title(const std::string& kind) {
  const auto all = steps();
  const auto* spec = find(all, kind);
  return spec ? spec->title : QString::fromStdString(kind);
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
