#include "engine/data/TextDecoder.h"

#include <algorithm>
#include <cstring>

#include "engine/core/Error.h"
#include "engine/data/IconvConversion.h"
#include "engine/data/LegacyEncodingGuess.h"

namespace lathe::data {
namespace {

constexpr std::size_t kDetectSample = 1 << 20;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

unsigned char byteAt(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

// One UTF-8 sequence at s[i]: a valid one, or a broken one as long as its maximal subpart (Unicode's
// recommended practice): the bytes that start a well-formed sequence before it goes wrong, or one
// byte that can start none. So a character cut short is one broken sequence, not one per byte.
struct Utf8Step {
  std::size_t length = 1;
  bool valid = true;
  bool cutByTheEnd = false;  // a valid beginning that the end of the input cut short
};

Utf8Step utf8Step(std::string_view s, std::size_t i) {
  const unsigned char b0 = byteAt(s, i);
  if (b0 < 0x80) return {};
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range (Unicode's table 3-7)
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong below
    if (b0 == 0xED) hi = 0x9F;  // surrogates above
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong below
    if (b0 == 0xF4) hi = 0x8F;  // beyond U+10FFFF above
  } else {
    return {1, false, false};
  }
  for (std::size_t k = 1; k < need; ++k) {
    if (i + k >= s.size()) return {k, false, true};
    const unsigned char b = byteAt(s, i + k);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return {k, false, false};
  }
  return {need, true, false};
}

struct Utf8Scan {
  std::uint64_t valid = 0;    // multi-byte sequences
  std::uint64_t invalid = 0;  // broken sequences
  std::int64_t firstInvalid = -1;
};

// `ignoreCutEnd`: a sequence cut by the end of `s` is no evidence (the detection sample ends
// anywhere), so it is not counted.
Utf8Scan scanUtf8(std::string_view s, bool ignoreCutEnd = false) {
  Utf8Scan scan;
  std::size_t i = 0;
  while (i < s.size()) {
    // ASCII runs are the common case: skip them eight bytes at a time.
    while (i + 8 <= s.size()) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const Utf8Step step = utf8Step(s, i);
    if (step.valid) {
      scan.valid += step.length > 1;
    } else if (!(ignoreCutEnd && step.cutByTheEnd)) {
      if (scan.firstInvalid < 0) scan.firstInvalid = static_cast<std::int64_t>(i);
      ++scan.invalid;
    }
    i += step.length;
  }
  return scan;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// windows-1252's 0x80..0x9F. Its five undefined bytes (81 8D 8F 90 9D) are the C1 controls, as in
// Latin-1, so every byte decodes and nothing is replaced; 0xA0..0xFF are Latin-1 itself.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void decodeWindows1252(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size() + in.size() / 4);
  for (char c : in) {
    const auto b = static_cast<unsigned char>(c);
    appendUtf8(out, b >= 0x80 && b < 0xA0 ? kWindows1252High[b - 0x80] : char32_t{b});
  }
}

std::string normalizedName(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
  static constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
      {"euc-kr", "cp949"}, {"euckr", "cp949"}, {"ks_c_5601-1987", "cp949"}, {"uhc", "cp949"},
      {"utf8", "utf-8"}, {"latin1", "windows-1252"}, {"latin-1", "windows-1252"},
      {"iso-8859-1", "windows-1252"}, {"cp1252", "windows-1252"}, {"sjis", "shift_jis"},
      {"shift-jis", "shift_jis"}, {"cp932", "shift_jis"}, {"windows-31j", "shift_jis"}};
  for (const auto& [alias, canonical] : kAliases)
    if (lower == alias) return std::string(canonical);
  return lower;
}

std::string hexByte(unsigned char b) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string("0x") + kDigits[b >> 4] + kDigits[b & 0xF];
}

}  // namespace

bool TextDecoder::isValidUtf8(std::string_view bytes, std::int64_t* firstInvalid) {
  const Utf8Scan scan = scanUtf8(bytes);
  if (firstInvalid) *firstInvalid = scan.firstInvalid;
  return scan.invalid == 0;
}

std::string TextDecoder::detect(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return "utf-8";
  if (bytes.starts_with("\xFF\xFE")) return "utf-16le";
  if (bytes.starts_with("\xFE\xFF")) return "utf-16be";
  const std::string_view sample = bytes.substr(0, kDetectSample);
  const Utf8Scan scan = scanUtf8(sample, true);
  // Mostly UTF-8: a few broken sequences do not make a file legacy-encoded.
  if (scan.invalid == 0 || scan.valid >= 10 * scan.invalid) return "utf-8";
  return LegacyEncodingGuess::bestFor(sample);
}

TextDecoder::Result TextDecoder::decode(std::string_view bytes, std::string_view encoding, std::string& out,
                                        std::string_view& view) {
  Result result;
  out.clear();
  std::string name = normalizedName(encoding);
  const bool detected = name.empty() || name == "auto";
  if (detected) name = detect(bytes);
  if (name == "utf-16") name = bytes.starts_with("\xFE\xFF") ? "utf-16be" : "utf-16le";
  result.encoding = name;

  std::string_view body = bytes;
  std::size_t bom = 0;
  if (name == "utf-8" && body.starts_with("\xEF\xBB\xBF")) bom = 3;
  if (name == "utf-16le" && body.starts_with("\xFF\xFE")) bom = 2;
  if (name == "utf-16be" && body.starts_with("\xFE\xFF")) bom = 2;
  body.remove_prefix(bom);
  result.hadBom = bom > 0;

  if (name == "utf-8") {
    const Utf8Scan scan = scanUtf8(body);
    if (scan.invalid == 0) {
      view = body;
      return result;
    }
    // Keep every valid sequence; each broken one becomes U+FFFD.
    out.reserve(body.size() + 2 * scan.invalid);
    for (std::size_t i = 0; i < body.size();) {
      const Utf8Step step = utf8Step(body, i);
      if (step.valid) out.append(body.substr(i, step.length));
      else out += kReplacement;
      i += step.length;
    }
    result.replaced = scan.invalid;
    result.firstReplacedAt = scan.firstInvalid + static_cast<std::int64_t>(bom);
    view = out;
    return result;
  }
  if (name == "windows-1252") {
    decodeWindows1252(body, out);
    view = out;
    return result;
  }

  // A legacy encoding chosen by detect() read from a sample, so a broken sequence past it is
  // replaced and reported; one the user chose, or UTF-16 named by its BOM, must decode entirely.
  const bool lenient = detected && !result.hadBom;
  const IconvConversion conversion = IconvConversion::convert(body, name, out, !lenient);
  if (conversion.broken > 0) {
    const std::int64_t at = conversion.firstBroken + static_cast<std::int64_t>(bom);
    if (!lenient) {
      const std::string offset = "offset " + std::to_string(at);
      const std::string message =
          conversion.endsInsideACharacter ? "the file ends inside a " + name + " character (at byte " + offset + ")"
          : name.starts_with("utf-16")
              ? "the bytes at " + offset + " are not valid " + name
              : "byte " + hexByte(byteAt(body, static_cast<std::size_t>(conversion.firstBroken))) + " at " + offset +
                    " is not valid " + name;
      out.clear();
      throw Error(ErrorCode::Parse, message, {"", -1, -1, at}, name);
    }
    result.replaced = conversion.broken;
    result.firstReplacedAt = at;
  }
  view = out;
  return result;
}

}  // namespace lathe::data
