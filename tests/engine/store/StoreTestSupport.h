#pragma once
// What the project-store tests share: a project description, comparing columns, and the code of
// the Error a call throws.
#include <cstddef>
#include <cstring>

#include "engine/core/Error.h"
#include "engine/data/Column.h"
#include "engine/store/ProjectInfo.h"

inline lathe::store::ProjectInfo named(const char* name) {
  lathe::store::ProjectInfo info;
  info.name = name;
  return info;
}

// Same name, type, size, missing cells, levels and values (float64 bit for bit, so -0 and NaN
// count).
inline bool sameColumn(const lathe::data::Column& a, const lathe::data::Column& b) {
  using lathe::data::ColumnType;
  if (a.name() != b.name() || a.type() != b.type() || a.size() != b.size() || a.missingCount() != b.missingCount())
    return false;
  if (a.type() == ColumnType::Categorical && a.levels() != b.levels()) return false;
  for (std::size_t row = 0; row < a.size(); ++row) {
    if (a.isValid(row) != b.isValid(row)) return false;
    switch (a.type()) {
      case ColumnType::Float64: {
        const double x = a.float64Values()[row], y = b.float64Values()[row];
        if (std::memcmp(&x, &y, sizeof x) != 0) return false;
        break;
      }
      case ColumnType::Int64:
      case ColumnType::Datetime:
        if (a.int64Values()[row] != b.int64Values()[row]) return false;
        break;
      case ColumnType::Bool:
        if (a.boolValues()[row] != b.boolValues()[row]) return false;
        break;
      case ColumnType::Categorical:
        if (a.codes()[row] != b.codes()[row]) return false;
        break;
      case ColumnType::Text:
        if (a.textAt(row) != b.textAt(row)) return false;
        break;
    }
  }
  return true;
}

// The code of the lathe::Error that f() throws; an impossible code when it throws none.
template <typename F>
lathe::ErrorCode errorOf(F&& f) {
  try {
    f();
  } catch (const lathe::Error& e) {
    return e.code();
  }
  return static_cast<lathe::ErrorCode>(-1);
}
