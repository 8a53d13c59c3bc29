#include "engine/ml/FeatureEncoder.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

#include "engine/core/Error.h"

namespace lathe::ml {

namespace {

using data::Column;
using data::ColumnType;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// A numeric target with at most this many distinct whole values is taken as classes.
constexpr std::size_t kMaxNumericClasses = 20;

[[noreturn]] void invalid(const std::string& message, const std::string& column = {}) {
  throw Error(ErrorCode::InvalidArgument, message, {}, column);
}

[[noreturn]] void badState(const std::string& message) {
  throw Error(ErrorCode::Parse, "feature encoder state: " + message);
}

const Column& columnNamed(const data::Table& table, const std::string& name, const char* role) {
  const auto index = table.indexOf(name);
  if (!index) invalid(std::string(role) + " column '" + name + "' is not in the table", name);
  return table.column(*index);
}

std::string numberLabel(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// The class label of a target row as the encoder names classes; empty when missing.
std::string targetLabel(const Column& column, std::size_t row) {
  if (column.type() == ColumnType::Float64 || column.type() == ColumnType::Int64)
    return numberLabel(column.numericAt(row));
  return column.displayText(row);
}

// Levels present in a categorical column, sorted (as scikit-learn's OneHotEncoder orders them).
std::vector<std::string> levelsPresent(const Column& column) {
  std::vector<char> used(column.levels().size(), 0);
  for (std::int32_t code : column.codes())
    if (code >= 0) used[static_cast<std::size_t>(code)] = 1;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < used.size(); ++i)
    if (used[i]) out.push_back(column.levels()[i]);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// For each row, the index of its category among `levels`; -1 when missing or unseen.
std::vector<std::int32_t> levelIndices(const Column& column, const std::vector<std::string>& levels) {
  std::unordered_map<std::string_view, std::int32_t> index;
  for (std::size_t i = 0; i < levels.size(); ++i) index.emplace(levels[i], static_cast<std::int32_t>(i));
  std::vector<std::int32_t> out(column.size(), -1);
  if (column.type() == ColumnType::Categorical) {
    std::vector<std::int32_t> mapped(column.levels().size(), -1);
    for (std::size_t i = 0; i < mapped.size(); ++i)
      if (auto it = index.find(column.levels()[i]); it != index.end()) mapped[i] = it->second;
    const auto codes = column.codes();
    for (std::size_t r = 0; r < out.size(); ++r)
      if (codes[r] >= 0 && column.isValid(r)) out[r] = mapped[static_cast<std::size_t>(codes[r])];
  } else {  // text holding the same labels (another reader's inference)
    for (std::size_t r = 0; r < out.size(); ++r)
      if (column.isValid(r))
        if (auto it = index.find(column.textAt(r)); it != index.end()) out[r] = it->second;
  }
  return out;
}

bool isNumericType(ColumnType type) {
  return type == ColumnType::Float64 || type == ColumnType::Int64 || type == ColumnType::Bool ||
         type == ColumnType::Datetime;
}

}  // namespace

FeatureEncoder FeatureEncoder::fit(const data::Table& table, const std::string& target,
                                   std::vector<std::string> features, Categories categories, TargetKind kind) {
  FeatureEncoder encoder;
  encoder.target_ = target;
  encoder.categories_ = categories;
  encoder.fitTarget(table, kind);
  if (features.empty())
    for (const auto& column : table.columns())
      if (column->name() != target) features.push_back(column->name());

  for (const auto& name : features) {
    if (name == target) invalid("column '" + name + "' is the target; it cannot also be a feature", name);
    const Column& column = columnNamed(table, name, "feature");
    Feature feature{name, column.type(), {}};
    if (column.type() == ColumnType::Text)
      invalid("feature column '" + name + "' is text; turn it into numbers first (TF-IDF or a category in the "
              "recipe) or leave it out", name);
    if (column.type() == ColumnType::Categorical) {
      feature.levels = levelsPresent(column);
      if (categories == Categories::OneHot && feature.levels.size() > kMaxOneHotLevels)
        invalid("feature column '" + name + "' has " + std::to_string(feature.levels.size()) +
                    " categories, too many to one-hot encode (at most " + std::to_string(kMaxOneHotLevels) +
                    "); use an ordinal encoding or drop the column", name);
    }
    if (categories == Categories::OneHot && column.type() == ColumnType::Categorical)
      for (const auto& level : feature.levels) encoder.outputNames_.push_back(name + "=" + level);
    else
      encoder.outputNames_.push_back(name);
    encoder.features_.push_back(std::move(feature));
  }

  return encoder;
}

void FeatureEncoder::fitTarget(const data::Table& table, TargetKind kind) {
  const std::string& target = target_;
  FeatureEncoder& encoder = *this;
  const Column& y = columnNamed(table, target, "target");
  // The task, from the target's type and values.
  if (y.type() == ColumnType::Datetime)
    invalid("target column '" + target + "' holds dates; predict a number or a category instead", target);
  bool classes = !y.isNumeric() || y.type() == ColumnType::Bool;
  if (kind == TargetKind::Values && classes)
    invalid("target column '" + target + "' holds categories; it can be predicted as classes, not as a value", target);
  if (!classes) {
    if (kind != TargetKind::Values) {
      // Detect: whole numbers with few distinct values are classes. Classes (the user's choice):
      // any distinct numbers are, up to the class limit below.
      const std::size_t limit = kind == TargetKind::Classes ? kMaxOneHotLevels : kMaxNumericClasses;
      std::set<double> distinct;
      classes = true;
      for (std::size_t r = 0; r < y.size() && classes; ++r) {
        const double v = y.numericAt(r);
        if (std::isnan(v)) continue;
        if (!std::isfinite(v) || (kind == TargetKind::Detect && v != std::floor(v))) classes = false;
        else if (distinct.insert(v).second && distinct.size() > limit) classes = false;
      }
      if (!classes && kind == TargetKind::Classes)
        invalid("target column '" + target + "' has more than " + std::to_string(limit) +
                    " distinct values (or infinite ones); it cannot be learned as classes", target);
      if (classes) {
        if (distinct.empty()) invalid("target column '" + target + "' has no values", target);
        for (double v : distinct) encoder.classes_.push_back(numberLabel(v));  // numeric order
      }
    }
  } else if (y.type() == ColumnType::Categorical) {
    encoder.classes_ = levelsPresent(y);
  } else {
    std::set<std::string> distinct;
    for (std::size_t r = 0; r < y.size(); ++r) {
      if (!y.isValid(r)) continue;
      distinct.insert(y.displayText(r));
      if (distinct.size() > kMaxOneHotLevels)
        invalid("target column '" + target + "' has more than " + std::to_string(kMaxOneHotLevels) +
                    " distinct values; it looks like an identifier, not a class", target);
    }
    encoder.classes_.assign(distinct.begin(), distinct.end());
  }
  if (classes && encoder.classes_.empty()) invalid("target column '" + target + "' has no values", target);
  if (classes && encoder.classes_.size() > kMaxOneHotLevels)
    invalid("target column '" + target + "' has " + std::to_string(encoder.classes_.size()) +
                " classes, more than " + std::to_string(kMaxOneHotLevels), target);
  encoder.task_ = !classes ? Task::Regression : encoder.classes_.size() <= 2 ? Task::Binary : Task::Multiclass;
}

Task FeatureEncoder::taskOf(const data::Table& table, const std::string& target, TargetKind kind) {
  FeatureEncoder encoder;
  encoder.target_ = target;
  encoder.fitTarget(table, kind);
  return encoder.task_;
}

FeatureMatrix FeatureEncoder::encode(const data::Table& table) const {
  FeatureMatrix x(table.rowCount(), outputNames_);
  std::size_t out = 0;
  for (const auto& feature : features_) {
    const Column& column = columnNamed(table, feature.column, "feature");
    if (feature.type == ColumnType::Categorical) {
      if (column.type() != ColumnType::Categorical && column.type() != ColumnType::Text)
        invalid("feature column '" + feature.column + "' was categorical when the model was trained and is " +
                    std::string(data::columnTypeName(column.type())) + " now", feature.column);
      const auto indices = levelIndices(column, feature.levels);
      if (categories_ == Categories::Codes) {
        auto values = x.column(out++);
        for (std::size_t r = 0; r < indices.size(); ++r)
          values[r] = indices[r] >= 0 ? indices[r] : kNaN;  // missing or unseen: NaN, as trees expect
      } else {
        for (std::size_t r = 0; r < indices.size(); ++r) {
          // Missing: NaN in every indicator, so a fill step can still see it; unseen: all zeros.
          if (!column.isValid(r))
            for (std::size_t k = 0; k < feature.levels.size(); ++k) x.at(r, out + k) = kNaN;
          else if (indices[r] >= 0)
            x.at(r, out + static_cast<std::size_t>(indices[r])) = 1.0;
        }
        out += feature.levels.size();
      }
      continue;
    }
    if (!isNumericType(column.type()))
      invalid("feature column '" + feature.column + "' was " + std::string(data::columnTypeName(feature.type)) +
                  " when the model was trained and is " + std::string(data::columnTypeName(column.type())) + " now",
              feature.column);
    auto values = x.column(out++);
    const double scale = column.type() == ColumnType::Datetime ? 1e-6 : 1.0;  // seconds since the epoch
    for (std::size_t r = 0; r < values.size(); ++r) values[r] = column.numericAt(r) * scale;
  }
  return x;
}

TrainingData FeatureEncoder::encodeTraining(const data::Table& table) const {
  const Column& y = columnNamed(table, target_, "target");
  std::vector<std::size_t> keep;
  std::vector<double> values;
  keep.reserve(table.rowCount());
  values.reserve(table.rowCount());
  if (isClassification(task_)) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t k = 0; k < classes_.size(); ++k) index.emplace(classes_[k], k);
    for (std::size_t r = 0; r < y.size(); ++r) {
      if (!y.isValid(r)) continue;
      const std::string label = targetLabel(y, r);
      const auto it = index.find(label);
      if (it == index.end())
        throw Error(ErrorCode::InvalidArgument,
                    "target column '" + target_ + "' holds the class '" + label + "' (row " + std::to_string(r + 1) +
                        ") that the encoder was not fitted with",
                    {}, label);
      keep.push_back(r);
      values.push_back(static_cast<double>(it->second));
    }
  } else {
    if (!y.isNumeric()) invalid("target column '" + target_ + "' is not numeric; cannot predict its value", target_);
    for (std::size_t r = 0; r < y.size(); ++r) {
      if (!y.isValid(r) || std::isnan(y.numericAt(r))) continue;
      keep.push_back(r);
      values.push_back(y.numericAt(r));
    }
  }
  FeatureMatrix x = encode(table);
  TrainingData data;
  data.x = keep.size() == table.rowCount() ? std::move(x) : x.selectRows(keep);
  data.y = std::move(values);
  data.task = task_;
  data.classes = classes_;
  data.target = target_;
  data.origins = origins();
  return data;
}

std::vector<FeatureOrigin> FeatureEncoder::origins() const {
  std::vector<FeatureOrigin> out;
  out.reserve(outputNames_.size());
  for (std::size_t f = 0; f < features_.size(); ++f) {
    const auto& feature = features_[f];
    if (feature.type != ColumnType::Categorical)
      out.push_back({f, FeatureOrigin::Kind::Number});
    else if (categories_ == Categories::Codes)
      out.push_back({f, FeatureOrigin::Kind::CategoryCode});
    else
      out.insert(out.end(), feature.levels.size(), FeatureOrigin{f, FeatureOrigin::Kind::CategoryIndicator});
  }
  return out;
}

nlohmann::json FeatureEncoder::state() const {
  nlohmann::json features = nlohmann::json::array();
  for (const auto& f : features_)
    features.push_back({{"column", f.column}, {"type", data::columnTypeName(f.type)}, {"levels", f.levels}});
  return {{"version", 1},
          {"target", target_},
          {"task", taskName(task_)},
          {"classes", classes_},
          {"categories", categories_ == Categories::OneHot ? "one_hot" : "codes"},
          {"features", features}};
}

FeatureEncoder FeatureEncoder::fromState(const nlohmann::json& state) {
  try {
    if (!state.is_object() || state.value("version", 0) != 1) badState("missing or unknown version");
    FeatureEncoder encoder;
    encoder.target_ = state.at("target").get<std::string>();
    const std::string task = state.at("task").get<std::string>();
    if (task == "binary") encoder.task_ = Task::Binary;
    else if (task == "multiclass") encoder.task_ = Task::Multiclass;
    else if (task == "regression") encoder.task_ = Task::Regression;
    else badState("unknown task '" + task + "'");
    encoder.classes_ = state.at("classes").get<std::vector<std::string>>();
    if (isClassification(encoder.task_) == encoder.classes_.empty()) badState("classes do not match the task");
    const std::string categories = state.at("categories").get<std::string>();
    if (categories != "one_hot" && categories != "codes") badState("unknown categories '" + categories + "'");
    encoder.categories_ = categories == "one_hot" ? Categories::OneHot : Categories::Codes;
    for (const auto& f : state.at("features")) {
      Feature feature;
      feature.column = f.at("column").get<std::string>();
      const auto type = data::columnTypeFromName(f.at("type").get<std::string>());
      if (!type || *type == ColumnType::Text) badState("feature '" + feature.column + "' has an unusable type");
      feature.type = *type;
      feature.levels = f.at("levels").get<std::vector<std::string>>();
      if (feature.levels.size() > kMaxOneHotLevels) badState("feature '" + feature.column + "' has too many levels");
      if (feature.type == ColumnType::Categorical && encoder.categories_ == Categories::OneHot)
        for (const auto& level : feature.levels) encoder.outputNames_.push_back(feature.column + "=" + level);
      else
        encoder.outputNames_.push_back(feature.column);
      encoder.features_.push_back(std::move(feature));
    }
    return encoder;
  } catch (const nlohmann::json::exception& e) {
    badState(e.what());
  }
}

}  // namespace lathe::ml
