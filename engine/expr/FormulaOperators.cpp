#include "engine/expr/FormulaOperators.h"

#include <cmath>
#include <limits>

namespace lathe::expr {
namespace {

using Op = FormulaNode::Op;

// The outcome of a three-way comparison for `op`.
inline bool holds(Op op, int order) {
  switch (op) {
    case Op::Equal: return order == 0;
    case Op::NotEqual: return order != 0;
    case Op::Less: return order < 0;
    case Op::LessEqual: return order <= 0;
    case Op::Greater: return order > 0;
    case Op::GreaterEqual: return order >= 0;
    default: return false;
  }
}

template <typename T>
inline int order(T a, T b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

FormulaValues startResult(ValueKind kind, const ResultShape& shape, std::vector<std::uint8_t> valid) {
  FormulaValues out;
  out.kind = kind;
  out.scalar = shape.scalar;
  out.slots = shape.slots;
  out.valid = std::move(valid);
  return out;
}

}  // namespace

FormulaValues FormulaOperators::arithmetic(Op op, ValueKind result, const FormulaValues& a,
                                           const FormulaValues& b) const {
  if (a.kind == ValueKind::Null || b.kind == ValueKind::Null) return FormulaValues::missing(result);
  if (result == ValueKind::Int) return integerArithmetic(op, a, b);
  return floatArithmetic(op, toFloat(a, loop_), toFloat(b, loop_));
}

FormulaValues FormulaOperators::integerArithmetic(Op op, const FormulaValues& a, const FormulaValues& b) const {
  const ResultShape shape = shapeOf(rows_, {&a, &b});
  FormulaValues out = startResult(ValueKind::Int, shape, combinedValidity(shape, {&a, &b}, loop_));
  out.ints.assign(shape.slots, 0);
  const std::size_t sa = strideOf(a);
  const std::size_t sb = strideOf(b);
  const std::int64_t* x = a.ints.data();
  const std::int64_t* y = b.ints.data();
  std::int64_t* r = out.ints.data();
  std::uint8_t* valid = out.valid.data();
  switch (op) {
    case Op::Add:
      loop_.run(shape.slots, [&](std::size_t i) {
        if (__builtin_add_overflow(x[i * sa], y[i * sb], &r[i])) valid[i] = 0, r[i] = 0;
      });
      break;
    case Op::Subtract:
      loop_.run(shape.slots, [&](std::size_t i) {
        if (__builtin_sub_overflow(x[i * sa], y[i * sb], &r[i])) valid[i] = 0, r[i] = 0;
      });
      break;
    case Op::Multiply:
      loop_.run(shape.slots, [&](std::size_t i) {
        if (__builtin_mul_overflow(x[i * sa], y[i * sb], &r[i])) valid[i] = 0, r[i] = 0;
      });
      break;
    case Op::Modulo:
      // Floor modulo, like Python and pandas: the result takes the divisor's sign.
      loop_.run(shape.slots, [&](std::size_t i) {
        const std::int64_t divisor = y[i * sb];
        if (divisor == 0) {
          valid[i] = 0;
          return;
        }
        if (divisor == -1) return;  // always 0; INT64_MIN % -1 would trap
        std::int64_t rest = x[i * sa] % divisor;
        if (rest != 0 && ((rest < 0) != (divisor < 0))) rest += divisor;
        r[i] = rest;
      });
      break;
    default: break;
  }
  return out;
}

FormulaValues FormulaOperators::floatArithmetic(Op op, const FormulaValues& a, const FormulaValues& b) const {
  const ResultShape shape = shapeOf(rows_, {&a, &b});
  FormulaValues out = startResult(ValueKind::Float, shape, combinedValidity(shape, {&a, &b}, loop_));
  out.floats.assign(shape.slots, 0.0);
  const std::size_t sa = strideOf(a);
  const std::size_t sb = strideOf(b);
  const double* x = a.floats.data();
  const double* y = b.floats.data();
  double* r = out.floats.data();
  switch (op) {
    case Op::Add: loop_.run(shape.slots, [&](std::size_t i) { r[i] = x[i * sa] + y[i * sb]; }); break;
    case Op::Subtract: loop_.run(shape.slots, [&](std::size_t i) { r[i] = x[i * sa] - y[i * sb]; }); break;
    case Op::Multiply: loop_.run(shape.slots, [&](std::size_t i) { r[i] = x[i * sa] * y[i * sb]; }); break;
    // x / 0 is inf or NaN here; dropNonFinite below turns it into missing.
    case Op::Divide: loop_.run(shape.slots, [&](std::size_t i) { r[i] = x[i * sa] / y[i * sb]; }); break;
    case Op::Modulo:
      loop_.run(shape.slots, [&](std::size_t i) {
        const double divisor = y[i * sb];
        double rest = std::fmod(x[i * sa], divisor);
        if (rest != 0.0 && ((rest < 0.0) != (divisor < 0.0))) rest += divisor;
        r[i] = rest;
      });
      break;
    case Op::Power: loop_.run(shape.slots, [&](std::size_t i) { r[i] = std::pow(x[i * sa], y[i * sb]); }); break;
    default: break;
  }
  dropNonFinite(out);
  return out;
}

FormulaValues FormulaOperators::negate(const FormulaValues& a) const {
  if (a.kind == ValueKind::Null) return a;
  FormulaValues out = a;
  if (a.kind == ValueKind::Float) {
    loop_.run(out.slots, [&](std::size_t i) { out.floats[i] = -out.floats[i]; });
    return out;
  }
  if (out.valid.empty()) out.valid.assign(out.slots, 1);
  loop_.run(out.slots, [&](std::size_t i) {
    if (out.ints[i] == std::numeric_limits<std::int64_t>::min()) out.valid[i] = 0, out.ints[i] = 0;
    else out.ints[i] = -out.ints[i];
  });
  return out;
}

FormulaValues FormulaOperators::compare(Op op, const FormulaValues& a, const FormulaValues& b) const {
  if (a.kind == ValueKind::Null || b.kind == ValueKind::Null) return FormulaValues::missing(ValueKind::Bool);
  if (isTextual(a.kind)) return compareText(op, a, b);
  const ResultShape shape = shapeOf(rows_, {&a, &b});
  FormulaValues out = startResult(ValueKind::Bool, shape, combinedValidity(shape, {&a, &b}, loop_));
  out.bools.assign(shape.slots, 0);
  const std::size_t sa = strideOf(a);
  const std::size_t sb = strideOf(b);
  std::uint8_t* r = out.bools.data();
  const bool integers = (a.kind == ValueKind::Int || a.kind == ValueKind::Datetime) && a.kind == b.kind;
  if (integers) {
    const std::int64_t* x = a.ints.data();
    const std::int64_t* y = b.ints.data();
    loop_.run(shape.slots, [&](std::size_t i) { r[i] = holds(op, order(x[i * sa], y[i * sb])); });
  } else if (a.kind == ValueKind::Bool) {
    const std::uint8_t* x = a.bools.data();
    const std::uint8_t* y = b.bools.data();
    loop_.run(shape.slots, [&](std::size_t i) { r[i] = holds(op, order(x[i * sa], y[i * sb])); });
  } else {
    const FormulaValues fa = toFloat(a, loop_);
    const FormulaValues fb = toFloat(b, loop_);
    const double* x = fa.floats.data();
    const double* y = fb.floats.data();
    loop_.run(shape.slots, [&](std::size_t i) { r[i] = holds(op, order(x[i * sa], y[i * sb])); });
  }
  return out;
}

FormulaValues FormulaOperators::compareText(Op op, const FormulaValues& a, const FormulaValues& b) const {
  const ResultShape shape = shapeOf(rows_, {&a, &b});
  FormulaValues out = startResult(ValueKind::Bool, shape, combinedValidity(shape, {&a, &b}, loop_));
  out.bools.assign(shape.slots, 0);
  std::uint8_t* r = out.bools.data();
  // A category against one value: compare each level once, then look the codes up.
  const FormulaValues* category = a.kind == ValueKind::Categorical && b.scalar ? &a
                                  : b.kind == ValueKind::Categorical && a.scalar ? &b
                                                                                 : nullptr;
  if (category && !category->scalar) {
    const FormulaValues& other = category == &a ? b : a;
    const std::string_view value = other.textualAt(0);
    std::vector<std::uint8_t> perLevel(category->levels->size());
    for (std::size_t level = 0; level < perLevel.size(); ++level) {
      const std::string_view name = (*category->levels)[level];
      perLevel[level] = category == &a ? holds(op, name.compare(value)) : holds(op, value.compare(name));
    }
    const std::int32_t* codes = category->codes.data();
    loop_.run(shape.slots, [&](std::size_t i) { r[i] = codes[i] >= 0 ? perLevel[codes[i]] : 0; });
    return out;
  }
  const std::size_t sa = strideOf(a);
  const std::size_t sb = strideOf(b);
  loop_.run(shape.slots, [&](std::size_t i) {
    const int c = a.textualAt(i * sa).compare(b.textualAt(i * sb));
    r[i] = holds(op, c);
  });
  return out;
}

FormulaValues FormulaOperators::logic(Op op, const FormulaValues& a, const FormulaValues& b) const {
  const FormulaValues allMissing = FormulaValues::missing(ValueKind::Bool);
  const FormulaValues& x = a.kind == ValueKind::Null ? allMissing : a;
  const FormulaValues& y = b.kind == ValueKind::Null ? allMissing : b;
  const ResultShape shape = shapeOf(rows_, {&x, &y});
  FormulaValues out = startResult(ValueKind::Bool, shape, std::vector<std::uint8_t>(shape.slots, 1));
  out.bools.assign(shape.slots, 0);
  const std::size_t sx = strideOf(x);
  const std::size_t sy = strideOf(y);
  // SQL: false and missing = false, true or missing = true; otherwise missing wins.
  const std::uint8_t decisive = op == Op::Or ? 1 : 0;
  loop_.run(shape.slots, [&](std::size_t i) {
    const bool xValid = x.isValid(i * sx);
    const bool yValid = y.isValid(i * sy);
    const std::uint8_t xv = x.bools[i * sx];
    const std::uint8_t yv = y.bools[i * sy];
    if ((xValid && xv == decisive) || (yValid && yv == decisive)) out.bools[i] = decisive;
    else if (xValid && yValid) out.bools[i] = !decisive;
    else out.valid[i] = 0;
  });
  return out;
}

FormulaValues FormulaOperators::logicalNot(const FormulaValues& a) const {
  if (a.kind == ValueKind::Null) return FormulaValues::missing(ValueKind::Bool);
  FormulaValues out = a;
  loop_.run(out.slots, [&](std::size_t i) { out.bools[i] = out.bools[i] ? 0 : 1; });
  return out;
}

FormulaValues FormulaOperators::concat(const FormulaValues& a, const FormulaValues& b) const {
  if (a.kind == ValueKind::Null || b.kind == ValueKind::Null) return FormulaValues::missing(ValueKind::Text);
  const FormulaValues x = toText(a, loop_);
  const FormulaValues y = toText(b, loop_);
  const ResultShape shape = shapeOf(rows_, {&x, &y});
  FormulaValues out = startResult(ValueKind::Text, shape, combinedValidity(shape, {&x, &y}, loop_));
  out.offsets.assign(shape.slots + 1, 0);
  const std::size_t sx = strideOf(x);
  const std::size_t sy = strideOf(y);
  loop_.run(shape.slots, [&](std::size_t i) {
    if (out.valid[i]) {
      out.bytes.append(x.textAt(i * sx));
      out.bytes.append(y.textAt(i * sy));
    }
    out.offsets[i + 1] = out.bytes.size();
  });
  return out;
}

}  // namespace lathe::expr
