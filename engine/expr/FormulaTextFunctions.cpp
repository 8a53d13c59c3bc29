// len, lower, upper, trim, contains, starts_with, ends_with, replace, substr, to_number, to_text.
#include <cmath>

#include "engine/data/ValueParsing.h"
#include "engine/expr/FormulaFunctions.h"

namespace lathe::expr {
namespace {

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::int64_t codePointCount(std::string_view text) {
  std::int64_t count = 0;
  for (char c : text) count += isContinuationByte(c) ? 0 : 1;
  return count;
}

// Byte offset of the code point numbered `index` (0-based), or text.size() past the end.
std::size_t byteOffsetOf(std::string_view text, std::int64_t index) {
  std::size_t at = 0;
  for (std::int64_t seen = 0; at < text.size(); ++at) {
    if (isContinuationByte(text[at])) continue;
    if (seen++ == index) return at;
  }
  return text.size();
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The result of a text function: where its rows come from and which are present.
template <typename... Args>
FormulaValues startResult(ValueKind kind, std::size_t rows, const RowLoop& loop, const Args&... inputs) {
  const ResultShape shape = shapeOf(rows, {&inputs...});
  FormulaValues out;
  out.kind = kind;
  out.scalar = shape.scalar;
  out.slots = shape.slots;
  out.valid = combinedValidity(shape, {&inputs...}, loop);
  if (kind == ValueKind::Text) out.offsets.assign(shape.slots + 1, 0);
  return out;
}

}  // namespace

FormulaValues FormulaFunctions::text(const std::string& name, const std::vector<FormulaValues>& args) const {
  if (name == "to_text") return toText(args[0], loop_);
  if (name == "to_number") {
    if (isNumber(args[0].kind) || args[0].kind == ValueKind::Bool) return toFloat(args[0], loop_);
    const FormulaValues s = toText(args[0], loop_);
    FormulaValues out = startResult(ValueKind::Float, rows_, loop_, s);
    out.floats.assign(out.slots, 0.0);
    loop_.run(out.slots, [&](std::size_t i) {
      double value = 0.0;
      if (!out.valid[i] || !data::parseFloat64(s.textAt(i), value) || !std::isfinite(value)) out.valid[i] = 0;
      else out.floats[i] = value;
    });
    return out;
  }
  std::vector<FormulaValues> texts;
  for (const auto& arg : args) texts.push_back(isTextual(arg.kind) ? toText(arg, loop_) : arg);
  const FormulaValues& s = texts[0];
  const std::size_t ss = strideOf(s);

  if (name == "len") {
    FormulaValues out = startResult(ValueKind::Int, rows_, loop_, s);
    out.ints.assign(out.slots, 0);
    loop_.run(out.slots, [&](std::size_t i) { out.ints[i] = codePointCount(s.textAt(i)); });
    return out;
  }
  if (name == "lower" || name == "upper" || name == "trim") {
    FormulaValues out = s;
    if (name == "trim") {
      out.bytes.clear();
      loop_.run(out.slots, [&](std::size_t i) {
        std::string_view value = s.textAt(i);
        while (!value.empty() && isSpace(value.front())) value.remove_prefix(1);
        while (!value.empty() && isSpace(value.back())) value.remove_suffix(1);
        out.bytes.append(value);
        out.offsets[i + 1] = out.bytes.size();
      });
      return out;
    }
    // ASCII letters only: other scripts are left as they are (documented).
    const bool upper = name == "upper";
    for (char& c : out.bytes) {
      if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  if (name == "contains" || name == "starts_with" || name == "ends_with") {
    const FormulaValues& part = texts[1];
    const std::size_t sp = strideOf(part);
    FormulaValues out = startResult(ValueKind::Bool, rows_, loop_, s, part);
    out.bools.assign(out.slots, 0);
    const int mode = name == "contains" ? 0 : name == "starts_with" ? 1 : 2;
    loop_.run(out.slots, [&](std::size_t i) {
      const std::string_view value = s.textAt(i * ss);
      const std::string_view piece = part.textAt(i * sp);
      out.bools[i] = mode == 0 ? value.find(piece) != std::string_view::npos
                     : mode == 1 ? value.starts_with(piece)
                                 : value.ends_with(piece);
    });
    return out;
  }
  if (name == "replace") {
    const FormulaValues& from = texts[1];
    const FormulaValues& to = texts[2];
    const std::size_t sf = strideOf(from);
    const std::size_t st = strideOf(to);
    FormulaValues out = startResult(ValueKind::Text, rows_, loop_, s, from, to);
    loop_.run(out.slots, [&](std::size_t i) {
      const std::string_view value = s.textAt(i * ss);
      const std::string_view old = from.textAt(i * sf);
      if (out.valid[i]) {
        if (old.empty()) {
          out.bytes.append(value);
        } else {
          std::size_t at = 0;
          for (std::size_t hit; (hit = value.find(old, at)) != std::string_view::npos; at = hit + old.size()) {
            out.bytes.append(value.substr(at, hit - at));
            out.bytes.append(to.textAt(i * st));
          }
          out.bytes.append(value.substr(at));
        }
      }
      out.offsets[i + 1] = out.bytes.size();
    });
    return out;
  }
  // substr(s, start[, length]): 1-based, in characters; a start before 1 counts from 1, a
  // negative length gives "".
  const FormulaValues& start = texts[1];
  const bool hasLength = texts.size() == 3;
  const FormulaValues& length = hasLength ? texts[2] : texts[1];
  const std::size_t sStart = strideOf(start);
  const std::size_t sLength = strideOf(length);
  FormulaValues out = hasLength ? startResult(ValueKind::Text, rows_, loop_, s, start, length)
                                : startResult(ValueKind::Text, rows_, loop_, s, start);
  loop_.run(out.slots, [&](std::size_t i) {
    if (out.valid[i]) {
      const std::string_view value = s.textAt(i * ss);
      const std::int64_t first = std::max<std::int64_t>(start.ints[i * sStart], 1) - 1;
      const std::size_t begin = byteOffsetOf(value, first);
      std::size_t end = value.size();
      if (hasLength) {
        const std::int64_t count = length.ints[i * sLength];
        end = count <= 0 ? begin
                         : (count > static_cast<std::int64_t>(value.size()) ? value.size()
                                                                             : begin + byteOffsetOf(value.substr(begin), count));
      }
      out.bytes.append(value.substr(begin, end - begin));
    }
    out.offsets[i + 1] = out.bytes.size();
  });
  return out;
}

}  // namespace lathe::expr
