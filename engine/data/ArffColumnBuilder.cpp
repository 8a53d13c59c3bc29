#include "engine/data/ArffColumnBuilder.h"

#include <cmath>
#include <limits>

#include "engine/data/ValueParsing.h"

namespace lathe::data {

ArffColumnBuilder::ArffColumnBuilder(const ArffAttribute& attribute)
    : attribute_(attribute), integral_(attribute.type == ArffType::Integer) {
  if (attribute.type == ArffType::Nominal) {
    levels_ = attribute.levels;
    for (std::size_t i = 0; i < levels_.size(); ++i) levelIndex_.emplace(levels_[i], static_cast<std::int32_t>(i));
  }
}

void ArffColumnBuilder::switchToFloat() {
  doubles_.assign(ints_.begin(), ints_.end());
  for (std::size_t row : missingRows_) doubles_[row] = std::numeric_limits<double>::quiet_NaN();
  ints_ = {};
  integral_ = false;
}

ArffColumnBuilder::Added ArffColumnBuilder::add(std::string_view value) {
  Added result = Added::Ok;
  switch (attribute_.type) {
    case ArffType::Integer:
      if (integral_) {
        std::int64_t i = 0;
        double d = 0;
        if (parseInt64(value, i)) {
          ints_.push_back(i);
          break;
        }
        if (!parseDeclaredFloat64(value, d)) return Added::NotANumber;
        // 2^63 is exactly representable; anything at or beyond it is not an int64.
        if (d == std::trunc(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
          ints_.push_back(static_cast<std::int64_t>(d));
          break;
        }
        switchToFloat();
        doubles_.push_back(d);
        break;
      }
      [[fallthrough]];
    case ArffType::Numeric: {
      double d = 0;
      if (!parseDeclaredFloat64(value, d)) return Added::NotANumber;
      doubles_.push_back(d);
      break;
    }
    case ArffType::Date: {
      std::int64_t micros = 0;
      if (!attribute_.dateFormat.parse(trimSpaces(value), micros)) return Added::NotADate;
      ints_.push_back(micros);
      break;
    }
    case ArffType::Nominal: {
      auto it = levelIndex_.find(value);
      if (it == levelIndex_.end()) {
        if (levels_.size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
          throw Error(ErrorCode::Unsupported, "attribute '" + attribute_.name + "' has more than 2^31 distinct values");
        // Kept as an extra level after the declared ones, and reported: nothing is lost.
        it = levelIndex_.emplace(std::string(value), static_cast<std::int32_t>(levels_.size())).first;
        levels_.emplace_back(value);
      }
      if (static_cast<std::size_t>(it->second) >= attribute_.levels.size() && undeclaredCount_++ == 0) {
        firstUndeclared_.assign(value);
        result = Added::FirstUndeclared;
      }
      codes_.push_back(it->second);
      break;
    }
    case ArffType::String:
      bytes_.append(value);
      offsets_.push_back(bytes_.size());
      break;
  }
  ++rows_;
  return result;
}

void ArffColumnBuilder::addMissing() {
  missingRows_.push_back(rows_);
  switch (attribute_.type) {
    case ArffType::Integer:
      if (integral_) {
        ints_.push_back(0);
        break;
      }
      [[fallthrough]];
    case ArffType::Numeric: doubles_.push_back(std::numeric_limits<double>::quiet_NaN()); break;
    case ArffType::Date: ints_.push_back(0); break;
    case ArffType::Nominal: codes_.push_back(-1); break;
    case ArffType::String: offsets_.push_back(bytes_.size()); break;
  }
  ++rows_;
}

void ArffColumnBuilder::addAbsent() {
  switch (attribute_.type) {
    case ArffType::Integer:
      if (integral_) {
        ints_.push_back(0);
        break;
      }
      [[fallthrough]];
    case ArffType::Numeric: doubles_.push_back(0.0); break;
    case ArffType::Date: ints_.push_back(0); break;
    case ArffType::Nominal:
      // Weka's sparse rows store the index 0: the first declared value. With no declared value
      // there is nothing to point at, so the cell is missing.
      if (attribute_.levels.empty()) {
        addMissing();
        return;
      }
      codes_.push_back(0);
      break;
    case ArffType::String: offsets_.push_back(bytes_.size()); break;
  }
  ++rows_;
}

std::shared_ptr<const Column> ArffColumnBuilder::finish(std::vector<ImportWarning>& warnings) {
  Validity validity;
  for (std::size_t row : missingRows_) validity.setMissing(row, rows_);
  std::string name = attribute_.name;
  switch (attribute_.type) {
    case ArffType::Integer:
      if (integral_) return Column::int64(std::move(name), std::move(ints_), std::move(validity));
      [[fallthrough]];
    case ArffType::Numeric: return Column::float64(std::move(name), std::move(doubles_), std::move(validity));
    case ArffType::Date: return Column::datetime(std::move(name), std::move(ints_), std::move(validity));
    case ArffType::String:
      return Column::text(std::move(name), std::move(offsets_), std::move(bytes_), std::move(validity));
    case ArffType::Nominal:
      if (undeclaredCount_ > 0) {
        const std::size_t extra = levels_.size() - attribute_.levels.size();
        warnings.push_back({"attribute '" + attribute_.name + "' holds values outside its declared set, the first '" +
                                firstUndeclared_ + "'; kept as " + std::to_string(extra) + " extra level" +
                                (extra == 1 ? "" : "s") + " after the declared ones (" +
                                std::to_string(undeclaredCount_) + " value" + (undeclaredCount_ == 1 ? "" : "s") +
                                ")",
                            firstUndeclaredAt_, undeclaredCount_});
      }
      return Column::categorical(std::move(name), std::move(codes_), std::move(levels_), std::move(validity));
  }
  throw Error(ErrorCode::Internal, "ArffColumnBuilder: unknown attribute type");
}

}  // namespace lathe::data
