#pragma once
#include <string>
#include <string_view>

namespace lathe::data {

// Which legacy encoding bytes that are not UTF-8 are in. CP949, GBK and Shift-JIS decode much of
// each other's bytes without error, so each reading is scored by how plausible its text is for
// its language: the share of its characters among those the language uses most, counted from the
// bytes (the byte ranges are where each standard keeps them). Symbols and punctuation count for
// none. An encoding that cannot decode more than 2% of the sample is out; a tie goes to CP949.
class LegacyEncodingGuess {
 public:
  // "cp949", "gbk" or "shift_jis", whichever reads `sample` most plausibly, or "windows-1252"
  // when none is plausible enough. A character cut by the end of the sample does not count
  // against an encoding.
  static std::string bestFor(std::string_view sample);
};

}  // namespace lathe::data
