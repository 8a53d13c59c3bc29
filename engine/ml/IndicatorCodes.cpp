#include "engine/ml/IndicatorCodes.h"

#include <cmath>
#include <limits>

#include "engine/core/Error.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// FeatureEncoder one-hot encodes at most this many levels; a wider group in a file is damage.
constexpr std::uint64_t kMaxWidth = std::uint64_t{1} << 16;
constexpr std::uint64_t kMaxColumns = std::uint64_t{1} << 31;

// "col=level1", "col=level2" -> "col": the group's common prefix up to its last '='.
std::string groupName(const std::vector<std::string>& names, std::size_t from, std::size_t width) {
  std::string prefix = names[from];
  for (std::size_t i = from + 1; i < from + width; ++i) {
    std::size_t n = 0;
    while (n < prefix.size() && n < names[i].size() && prefix[n] == names[i][n]) ++n;
    prefix.resize(n);
  }
  const auto equals = prefix.rfind('=');
  return equals == std::string::npos ? prefix : prefix.substr(0, equals);
}

}  // namespace

IndicatorCodes IndicatorCodes::fromOrigins(const FeatureMatrix& x, const std::vector<FeatureOrigin>& origins) {
  IndicatorCodes out;
  bool oneHot = false;
  for (const auto& o : origins) oneHot = oneHot || o.kind == FeatureOrigin::Kind::CategoryIndicator;
  if (!oneHot || origins.size() != x.cols()) return out;
  out.inputs_ = x.cols();
  for (std::size_t i = 0; i < origins.size();) {
    std::size_t width = 0;
    while (i + width < origins.size() && origins[i + width].kind == FeatureOrigin::Kind::CategoryIndicator &&
           origins[i + width].column == origins[i].column)
      ++width;
    out.widths_.push_back(static_cast<std::uint32_t>(width));
    out.names_.push_back(width ? groupName(x.names(), i, width) : x.names()[i]);
    i += width ? width : 1;
  }
  return out;
}

FeatureMatrix IndicatorCodes::codes(const FeatureMatrix& oneHot) const {
  if (identity()) return oneHot;
  if (oneHot.cols() != inputs_)
    throw Error(ErrorCode::InvalidArgument, "ensemble: the model was fitted on " + std::to_string(inputs_) +
                                                " feature columns and is given " + std::to_string(oneHot.cols()));
  FeatureMatrix out(oneHot.rows(), names_);
  std::size_t at = 0;
  for (std::size_t c = 0; c < widths_.size(); ++c) {
    auto to = out.column(c);
    if (widths_[c] == 0) {
      const auto from = oneHot.column(at++);
      std::copy(from.begin(), from.end(), to.begin());
      continue;
    }
    for (std::size_t r = 0; r < oneHot.rows(); ++r) {
      // Missing: NaN in every indicator; unseen: all zeros. Both are NaN as a code.
      double code = kNaN;
      for (std::size_t k = 0; k < widths_[c]; ++k) {
        const double v = oneHot.at(r, at + k);
        if (std::isnan(v)) {
          code = kNaN;
          break;
        }
        if (v == 1.0 && std::isnan(code)) code = static_cast<double>(k);
      }
      to[r] = code;
    }
    at += widths_[c];
  }
  return out;
}

TrainingData IndicatorCodes::codes(const TrainingData& oneHot) const {
  if (identity()) return oneHot;
  TrainingData out{codes(oneHot.x), oneHot.y, oneHot.task, oneHot.classes, oneHot.target, {}};
  for (std::size_t c = 0; c < widths_.size(); ++c)
    out.origins.push_back({c, widths_[c] ? FeatureOrigin::Kind::CategoryCode : FeatureOrigin::Kind::Number});
  return out;
}

std::vector<double> IndicatorCodes::spread(const std::vector<double>& codeImportances) const {
  if (identity() || codeImportances.size() != widths_.size()) return codeImportances;
  std::vector<double> out;
  out.reserve(inputs_);
  for (std::size_t c = 0; c < widths_.size(); ++c)
    out.insert(out.end(), widths_[c] ? widths_[c] : 1, codeImportances[c] / (widths_[c] ? widths_[c] : 1));
  return out;
}

void IndicatorCodes::save(ModelWriter& out) const {
  out.u64(inputs_);
  out.u32s(widths_);
  out.texts(names_);
}

void IndicatorCodes::load(ModelReader& in) {
  const auto start = static_cast<std::int64_t>(in.offset());
  const std::uint64_t inputs = in.u64();
  std::vector<std::uint32_t> widths = in.u32s();
  std::vector<std::string> names = in.texts();
  // The widths must cover the one-hot columns exactly, one code column per feature.
  std::uint64_t covered = 0;
  bool sane = inputs <= kMaxColumns && names.size() == widths.size();
  for (const auto w : widths) {
    sane = sane && w <= kMaxWidth;
    covered += w ? w : 1;
  }
  if (!sane || covered != inputs)
    throw Error(ErrorCode::Parse, "ensemble model: its one-hot layout does not add up",
                ErrorLocation{{}, -1, -1, start});
  inputs_ = widths.empty() ? 0 : static_cast<std::size_t>(inputs);
  widths_ = std::move(widths);
  names_ = std::move(names);
}

}  // namespace lathe::ml
