#include "engine/wrangle/DatePartsStep.h"

#include <algorithm>
#include <chrono>

#include "engine/core/Error.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {
using nlohmann::json;
const std::string kStep = "date parts";

std::int64_t partOf(std::int64_t micros, const std::string& part) {
  using namespace std::chrono;
  const sys_time<microseconds> time{microseconds(micros)};
  const auto day = floor<days>(time);
  if (part == "hour") return floor<hours>(time - day).count();
  if (part == "weekday") return (weekday(day).c_encoding() + 6) % 7;  // Monday = 0
  const year_month_day ymd{day};
  if (part == "year") return static_cast<int>(ymd.year());
  if (part == "month") return static_cast<unsigned>(ymd.month());
  return static_cast<unsigned>(ymd.day());
}

}  // namespace

const std::vector<std::string>& DatePartsStep::allParts() {
  static const std::vector<std::string> parts{"year", "month", "day", "weekday", "hour"};
  return parts;
}

DatePartsStep::DatePartsStep(std::vector<std::string> columns, std::vector<std::string> parts)
    : columns_(std::move(columns)), parts_(std::move(parts)) {
  if (parts_.empty()) throw Error(ErrorCode::InvalidArgument, kStep + ": choose at least one date part");
  for (const auto& part : parts_)
    if (std::find(allParts().begin(), allParts().end(), part) == allParts().end())
      throw Error(ErrorCode::InvalidArgument,
                  kStep + ": unknown date part '" + part + "' (year, month, day, weekday or hour)", {}, part);
}

std::unique_ptr<RecipeStep> DatePartsStep::fromParameters(const json& parameters) {
  std::vector<std::string> parts = allParts();
  if (parameters.is_object() && parameters.contains("parts") && !parameters["parts"].is_null())
    parts = readColumnList(parameters, kStep, "parts");
  try {
    return std::make_unique<DatePartsStep>(readColumnList(parameters, kStep), std::move(parts));
  } catch (const Error& e) {
    throw Error(ErrorCode::Parse, e.message(), {}, e.value());
  }
}

json DatePartsStep::parameters() const { return {{"columns", columns_}, {"parts", parts_}}; }

std::string DatePartsStep::describe() const {
  std::string names, parts;
  for (const auto& column : columns_) names += (names.empty() ? "" : ", ") + column;
  for (const auto& part : parts_) parts += (parts.empty() ? "" : ", ") + part;
  return parts + " of " + names;
}

data::Table DatePartsStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  data::Table out = table;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    const std::size_t index = requireColumnIndex(out, name, kStep);
    const data::Column& column = out.column(index);
    if (column.type() != data::ColumnType::Datetime)
      throw Error(ErrorCode::InvalidArgument,
                  kStep + ": column '" + name + "' is " + std::string(data::columnTypeName(column.type())) +
                      ", not datetime",
                  {}, name);
    const auto micros = column.int64Values();
    std::vector<std::shared_ptr<const data::Column>> with{out.columnPtr(index)};
    for (const auto& part : parts_) {
      std::vector<std::int64_t> values(column.size(), 0);
      for (std::size_t row = 0; row < column.size(); ++row)
        if (column.isValid(row)) values[row] = partOf(micros[row], part);
      with.push_back(data::Column::int64(name + "_" + part, std::move(values), column.validity()));
    }
    out = replaceColumn(out, index, std::move(with));
  }
  return out;
}

}  // namespace lathe::wrangle
