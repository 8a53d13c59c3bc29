// abs, sqrt, log, log10, log1p, exp, round, floor, ceil, min, max, clip.
#include <cmath>
#include <limits>

#include "engine/expr/FormulaFunctions.h"

namespace lathe::expr {
namespace {

// A float function of one float; out-of-domain inputs (log of 0, sqrt of -1) give NaN or inf,
// which dropNonFinite turns into missing.
template <typename F>
FormulaValues mapFloats(const FormulaValues& in, const RowLoop& loop, F f) {
  FormulaValues out = toFloat(in, loop);
  double* values = out.floats.data();
  loop.run(out.slots, [&](std::size_t i) { values[i] = f(values[i]); });
  dropNonFinite(out);
  return out;
}

// 10^exponent for 0 <= exponent <= 18, exactly.
std::int64_t powerOfTen(std::int64_t exponent) {
  std::int64_t value = 1;
  for (std::int64_t i = 0; i < exponent; ++i) value *= 10;
  return value;
}

// Round half away from zero, the spreadsheet rule, to `digits` decimals (negative: tens, hundreds).
double roundDouble(double x, std::int64_t digits) {
  if (digits == 0) return std::round(x);
  if (digits > 15 || (digits > 0 && std::fabs(x) >= 4503599627370496.0)) return x;  // already whole at that precision
  if (digits < -308) return 0.0;
  const double scale = std::pow(10.0, static_cast<double>(digits < 0 ? -digits : digits));
  return digits > 0 ? std::round(x * scale) / scale : std::round(x / scale) * scale;
}

std::int64_t roundInteger(std::int64_t x, std::int64_t digits, bool& ok) {
  if (digits >= 0) return x;
  if (digits < -18) return 0;
  const std::int64_t scale = powerOfTen(-digits);
  std::int64_t rest = x % scale;
  std::int64_t base = x - rest;
  if (rest * 2 >= scale) ok = !__builtin_add_overflow(base, scale, &base);
  else if (rest * 2 <= -scale) ok = !__builtin_sub_overflow(base, scale, &base);
  return base;
}

}  // namespace

FormulaValues FormulaFunctions::math(const std::string& name, ValueKind result,
                                     const std::vector<FormulaValues>& args) const {
  const FormulaValues& x = args[0];
  if (name == "sqrt") return mapFloats(x, loop_, [](double v) { return v < 0 ? std::nan("") : std::sqrt(v); });
  if (name == "log") return mapFloats(x, loop_, [](double v) { return v <= 0 ? std::nan("") : std::log(v); });
  if (name == "log10") return mapFloats(x, loop_, [](double v) { return v <= 0 ? std::nan("") : std::log10(v); });
  if (name == "log1p") return mapFloats(x, loop_, [](double v) { return v <= -1 ? std::nan("") : std::log1p(v); });
  if (name == "exp") return mapFloats(x, loop_, [](double v) { return std::exp(v); });
  if (name == "round") return roundValues(x, args.size() > 1 ? &args[1] : nullptr);
  if (name == "min" || name == "max" || name == "clip") return minMaxClip(name, result, args);
  if (x.kind == ValueKind::Float) {
    if (name == "abs") return mapFloats(x, loop_, [](double v) { return std::fabs(v); });
    if (name == "floor") return mapFloats(x, loop_, [](double v) { return std::floor(v); });
    if (name == "ceil") return mapFloats(x, loop_, [](double v) { return std::ceil(v); });
  }
  // Integers: floor and ceil change nothing; abs of the smallest int64 has no int64 answer.
  FormulaValues out = x;
  if (name == "abs") {
    if (out.valid.empty()) out.valid.assign(out.slots, 1);
    loop_.run(out.slots, [&](std::size_t i) {
      if (out.ints[i] == std::numeric_limits<std::int64_t>::min()) out.valid[i] = 0, out.ints[i] = 0;
      else if (out.ints[i] < 0) out.ints[i] = -out.ints[i];
    });
  }
  return out;
}

FormulaValues FormulaFunctions::roundValues(const FormulaValues& x, const FormulaValues* digits) const {
  const FormulaValues zero = [] {
    FormulaValues value;
    value.kind = ValueKind::Int;
    value.ints = {0};
    return value;
  }();
  const FormulaValues& d = digits ? *digits : zero;
  const ResultShape shape = shapeOf(rows_, {&x, &d});
  FormulaValues out;
  out.kind = x.kind;
  out.scalar = shape.scalar;
  out.slots = shape.slots;
  out.valid = combinedValidity(shape, {&x, &d}, loop_);
  const std::size_t sx = strideOf(x);
  const std::size_t sd = strideOf(d);
  if (x.kind == ValueKind::Float) {
    out.floats.assign(shape.slots, 0.0);
    loop_.run(shape.slots, [&](std::size_t i) { out.floats[i] = roundDouble(x.floats[i * sx], d.ints[i * sd]); });
    dropNonFinite(out);
    return out;
  }
  out.ints.assign(shape.slots, 0);
  loop_.run(shape.slots, [&](std::size_t i) {
    bool ok = true;
    out.ints[i] = roundInteger(x.ints[i * sx], d.ints[i * sd], ok);
    if (!ok) out.valid[i] = 0, out.ints[i] = 0;
  });
  return out;
}

FormulaValues FormulaFunctions::minMaxClip(const std::string& name, ValueKind result,
                                           const std::vector<FormulaValues>& args) const {
  const ResultShape shape = args.size() == 3 ? shapeOf(rows_, {&args[0], &args[1], &args[2]})
                                             : shapeOf(rows_, {&args[0], &args[1]});
  FormulaValues out;
  out.kind = result;
  out.scalar = shape.scalar;
  out.slots = shape.slots;
  out.valid = args.size() == 3 ? combinedValidity(shape, {&args[0], &args[1], &args[2]}, loop_)
                               : combinedValidity(shape, {&args[0], &args[1]}, loop_);
  auto run = [&](auto values, auto& target) {
    const std::size_t s0 = strideOf(args[0]);
    const std::size_t s1 = strideOf(args[1]);
    const std::size_t s2 = args.size() == 3 ? strideOf(args[2]) : 0;
    target.assign(shape.slots, 0);
    if (name == "min") loop_.run(shape.slots, [&](std::size_t i) { target[i] = std::min(values[0][i * s0], values[1][i * s1]); });
    else if (name == "max") loop_.run(shape.slots, [&](std::size_t i) { target[i] = std::max(values[0][i * s0], values[1][i * s1]); });
    else
      loop_.run(shape.slots, [&](std::size_t i) {
        target[i] = std::min(std::max(values[0][i * s0], values[1][i * s1]), values[2][i * s2]);
      });
  };
  if (result == ValueKind::Int) {
    std::vector<const std::int64_t*> values;
    for (const auto& arg : args) values.push_back(arg.ints.data());
    run(values, out.ints);
    return out;
  }
  std::vector<FormulaValues> floats;
  std::vector<const double*> values;
  for (const auto& arg : args) floats.push_back(toFloat(arg, loop_));
  for (const auto& arg : floats) values.push_back(arg.floats.data());
  run(values, out.floats);
  return out;
}

}  // namespace lathe::expr
