#include "engine/data/TextDecoder.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "engine/core/Error.h"

namespace lathe::data {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 if it is not one.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
    if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogates
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && b1 >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

struct Utf8Scan {
  std::uint64_t valid = 0;    // multi-byte sequences
  std::uint64_t invalid = 0;  // broken sequences
  std::int64_t firstInvalid = -1;
};

Utf8Scan scanUtf8(std::string_view s) {
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
    const std::size_t n = utf8SequenceLength(s, i);
    if (n == 0) {
      if (scan.firstInvalid < 0) scan.firstInvalid = static_cast<std::int64_t>(i);
      ++scan.invalid;
      ++i;
    } else {
      scan.valid += n > 1;
      i += n;
    }
  }
  return scan;
}

std::string normalizedName(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
  static constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
      {"euc-kr", "cp949"}, {"euckr", "cp949"}, {"ks_c_5601-1987", "cp949"}, {"uhc", "cp949"},
      {"utf8", "utf-8"}, {"latin1", "windows-1252"}, {"latin-1", "windows-1252"},
      {"iso-8859-1", "windows-1252"}, {"sjis", "shift_jis"}, {"shift-jis", "shift_jis"}};
  for (const auto& [alias, canonical] : kAliases)
    if (lower == alias) return std::string(canonical);
  return lower;
}

// iconv from `from` to UTF-8. Strict: returns false at the first byte it cannot decode, unless
// `lenient`, when the byte becomes U+FFFD.
bool convert(std::string_view in, const std::string& from, std::string& out, bool lenient, std::uint64_t* replaced = nullptr) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) throw Error(ErrorCode::InvalidArgument, "unknown encoding '" + from + "'", {}, from);
  std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  out.clear();
  out.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  std::size_t srcLeft = in.size();
  std::size_t written = 0;
  while (srcLeft > 0) {
    char* dst = out.data() + written;
    std::size_t dstLeft = out.size() - written;
    const std::size_t rc = iconv(cd, &src, &srcLeft, &dst, &dstLeft);
    written = out.size() - dstLeft;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else if (errno == EILSEQ || errno == EINVAL) {
      if (!lenient) return false;
      if (out.size() - written < 3) out.resize(out.size() * 2);
      for (char c : {'\xEF', '\xBF', '\xBD'}) out[written++] = c;  // U+FFFD
      ++src;
      --srcLeft;
      if (replaced) ++*replaced;
    } else {
      return false;
    }
  }
  out.resize(written);
  return true;
}

// Share of the decoded text's non-ASCII characters that fall in [lo, hi] (code points).
double shareInRange(std::string_view utf8, char32_t lo, char32_t hi, char32_t lo2 = 1, char32_t hi2 = 0) {
  std::uint64_t nonAscii = 0, inRange = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b0 = static_cast<unsigned char>(utf8[i]);
    const std::size_t n = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    if (n > 1 && i + n <= utf8.size()) {
      char32_t cp = b0 & (0xFF >> (n + 1));
      for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
      ++nonAscii;
      inRange += (cp >= lo && cp <= hi) || (cp >= lo2 && cp <= hi2);
    }
    i += n;
  }
  return nonAscii ? static_cast<double>(inRange) / static_cast<double>(nonAscii) : 0.0;
}

constexpr std::size_t kDetectSample = 1 << 20;

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
  const Utf8Scan scan = scanUtf8(sample);
  // Mostly UTF-8: a few broken sequences do not make a file legacy-encoded.
  if (scan.invalid == 0 || scan.valid >= 10 * scan.invalid) return "utf-8";
  std::string decoded;
  // Legacy CJK encodings decode each other's bytes without error; keep the one whose text is
  // that language: Hangul syllables for CP949, kana for Shift-JIS, ideographs for GBK.
  if (convert(sample, "CP949", decoded, false) && shareInRange(decoded, 0xAC00, 0xD7A3) >= 0.6) return "cp949";
  if (convert(sample, "SHIFT_JIS", decoded, false) && shareInRange(decoded, 0x3040, 0x30FF, 0xFF61, 0xFF9F) >= 0.2)
    return "shift_jis";
  if (convert(sample, "GBK", decoded, false) && shareInRange(decoded, 0x4E00, 0x9FFF) >= 0.6) return "gbk";
  return "windows-1252";
}

TextDecoder::Result TextDecoder::decode(std::string_view bytes, std::string_view encoding, std::string& out,
                                        std::string_view& view) {
  Result result;
  out.clear();
  std::string name = normalizedName(encoding);
  if (name.empty() || name == "auto") name = detect(bytes);
  if (name == "utf-16") name = bytes.starts_with("\xFE\xFF") ? "utf-16be" : "utf-16le";
  result.encoding = name;

  std::string_view body = bytes;
  if (name == "utf-8" && body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3), result.hadBom = true;
  if (name == "utf-16le" && body.starts_with("\xFF\xFE")) body.remove_prefix(2), result.hadBom = true;
  if (name == "utf-16be" && body.starts_with("\xFE\xFF")) body.remove_prefix(2), result.hadBom = true;

  if (name == "utf-8") {
    const Utf8Scan scan = scanUtf8(body);
    if (scan.invalid == 0) {
      view = body;
      return result;
    }
    // Keep every valid sequence; each broken one becomes U+FFFD.
    out.reserve(body.size() + 2 * scan.invalid);
    for (std::size_t i = 0; i < body.size();) {
      const std::size_t n = utf8SequenceLength(body, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(body.substr(i, n));
        i += n;
      }
    }
    result.replaced = scan.invalid;
    result.firstReplacedAt = scan.firstInvalid + (result.hadBom ? 3 : 0);
    view = out;
    return result;
  }

  const std::string iconvName = name == "windows-1252" ? "WINDOWS-1252" : name == "cp949" ? "CP949" : name;
  // windows-1252 leaves five bytes undefined; decode those as Latin-1 would (U+0080..U+009F).
  if (!convert(body, iconvName, out, name == "windows-1252", &result.replaced)) {
    std::string probe;
    std::size_t good = 0;
    for (std::size_t step = body.size() / 2; step > 0; step /= 2)  // find roughly where it fails
      if (good + step <= body.size() && convert(body.substr(0, good + step), iconvName, probe, false)) good += step;
    throw Error(ErrorCode::Parse, "the bytes are not valid " + name, {"", -1, -1, static_cast<std::int64_t>(good)}, name);
  }
  view = out;
  return result;
}

}  // namespace lathe::data
