#include "engine/data/LegacyEncodingGuess.h"

#include <algorithm>
#include <cstdint>

#include "engine/data/IconvConversion.h"

namespace lathe::data {
namespace {

unsigned char byteAt(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

struct Evidence {
  double language = 0;      // weighted characters typical of the language
  std::uint64_t total = 0;  // non-ASCII characters that count

  double score(std::uint64_t broken) const {
    return total + broken == 0 ? 0.0 : language / static_cast<double>(total + broken);
  }
};

// Korean: the 2,350 KS X 1001 syllables (lead B0-C8, trail A1-FE) are what Korean text is made
// of; CP949's extended syllables (똠, 햏) occur, but never in bulk, and Hanja are rare in modern
// Korean. GBK's common hanzi read as those syllables too, but Chinese text also has hanzi whose
// bytes are Hanja or unassigned in CP949; Shift-JIS kanji land wholly in the extended syllables.
Evidence koreanEvidence(std::string_view s) {
  std::uint64_t common = 0, extended = 0, other = 0;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char lead = byteAt(s, i);
    if (lead < 0x81 || lead == 0xFF) {
      other += lead >= 0x80;
      ++i;
      continue;
    }
    if (i + 1 >= s.size()) break;
    const unsigned char trail = byteAt(s, i + 1);
    i += 2;
    if (lead >= 0xB0 && lead <= 0xC8 && trail >= 0xA1) ++common;
    else if (lead <= 0xA0 || (lead <= 0xC6 && trail < 0xA1)) ++extended;
    else if (lead <= 0xAF && trail >= 0xA1) continue;  // symbols
    else ++other;
  }
  Evidence e;
  e.language = static_cast<double>(common) + static_cast<double>(std::min(extended, common / 4));
  e.total = common + extended + other;
  return e;
}

// Chinese: GB2312's 3,755 level-1 hanzi (lead B0-D7, trail A1-FE) are most of any text, level 2
// (D8-F7) the rest; GBK's extensions (trail below A1, or leads outside those) are rare.
Evidence chineseEvidence(std::string_view s) {
  std::uint64_t level1 = 0, level2 = 0, extension = 0, other = 0;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char lead = byteAt(s, i);
    if (lead < 0x81 || lead == 0xFF) {
      other += lead >= 0x80;
      ++i;
      continue;
    }
    if (i + 1 >= s.size()) break;
    const unsigned char trail = byteAt(s, i + 1);
    i += 2;
    if (trail < 0xA1) ++extension;
    else if (lead >= 0xB0 && lead <= 0xD7) ++level1;
    else if (lead >= 0xD8 && lead <= 0xF7) ++level2;
    else if (lead >= 0xA1 && lead <= 0xA9) continue;  // symbols and punctuation
    else ++other;
  }
  Evidence e;
  e.language = static_cast<double>(level1) + 0.7 * static_cast<double>(level2) + 0.2 * static_cast<double>(extension);
  e.total = level1 + level2 + extension + other;
  return e;
}

bool isAsciiLetter(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

// Japanese: kana and JIS level-1 kanji, level-2 kanji less. Half-width katakana (single bytes
// A1-DF) are also the accented capitals of Latin-1 (DÉSIRÉ), so they count only in words of their
// own: runs of two or more that touch no ASCII letter.
Evidence japaneseEvidence(std::string_view s) {
  double language = 0;
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char lead = byteAt(s, i);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if (lead >= 0xA1 && lead <= 0xDF) {
      std::size_t end = i;
      while (end < s.size() && byteAt(s, end) >= 0xA1 && byteAt(s, end) <= 0xDF) ++end;
      const bool ownWord = end - i >= 2 && (i == 0 || !isAsciiLetter(byteAt(s, i - 1))) &&
                           (end == s.size() || !isAsciiLetter(byteAt(s, end)));
      if (ownWord) language += 0.75 * static_cast<double>(end - i);
      total += end - i;
      i = end;
      continue;
    }
    if (!((lead >= 0x81 && lead <= 0x9F) || (lead >= 0xE0 && lead <= 0xFC))) {
      ++total;
      ++i;
      continue;
    }
    if (i + 1 >= s.size()) break;
    const unsigned code = lead << 8 | byteAt(s, i + 1);
    i += 2;
    const bool kana = (code >= 0x829F && code <= 0x82F1) || (code >= 0x8340 && code <= 0x8396);
    if (!kana && (lead <= 0x84 || lead == 0x87)) continue;  // symbols, full-width letters, NEC's ①
    ++total;
    if (kana || (code >= 0x889F && code <= 0x9872)) language += 1;
    else if (code >= 0x989F && code <= 0xEAA4) language += 0.5;
  }
  Evidence e;
  e.language = language;
  e.total = total;
  return e;
}

}  // namespace

std::string LegacyEncodingGuess::bestFor(std::string_view sample) {
  struct Candidate {
    const char* name;
    Evidence (*evidence)(std::string_view);
  };
  // In this order, so a tie goes to Korean (Korean Excel exports are what Lathe sees most).
  static constexpr Candidate kCandidates[] = {
      {"cp949", koreanEvidence}, {"gbk", chineseEvidence}, {"shift_jis", japaneseEvidence}};
  constexpr double kPlausible = 0.5;
  std::string best = "windows-1252";
  double bestScore = kPlausible - 1e-9;
  std::string scratch;
  for (const Candidate& candidate : kCandidates) {
    const IconvConversion conversion = IconvConversion::convert(sample, candidate.name, scratch, false);
    // A character cut by the end of the sample is no evidence against the encoding.
    const std::uint64_t broken = conversion.broken - (conversion.endsInsideACharacter ? 1 : 0);
    const Evidence evidence = candidate.evidence(sample);
    if (broken * 50 > evidence.total) continue;  // more than 2% undecodable: not this encoding
    const double score = evidence.score(broken);
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = candidate.name;
    }
  }
  return best;
}

}  // namespace lathe::data
