#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace lathe::data {

// Bytes of a text file as UTF-8. Detects the encoding when asked to ("auto"): a BOM (UTF-8,
// UTF-16 LE/BE) decides; otherwise valid UTF-8 is UTF-8; otherwise each legacy encoding reads the
// first MiB and the reading whose text is most plausible for its language wins, if plausible
// enough: CP949 (Korean Excel exports; a superset of EUC-KR, so "euc-kr" is decoded as CP949),
// GBK, Shift-JIS (read as Windows' CP932, its superset); anything else is windows-1252 (Latin-1
// with the Windows extras, its five undefined bytes as Latin-1's C1 controls), which decodes
// every byte. A file that is mostly UTF-8 with a few broken sequences stays UTF-8. A broken
// sequence (for UTF-8, Unicode's "maximal subpart": a character cut short is one) becomes one
// U+FFFD, counted, and the first one's byte offset reported; so does one past the sample in a
// legacy encoding that "auto" chose.
class TextDecoder {
 public:
  struct Result {
    std::string encoding;           // "utf-8", "utf-16le", "utf-16be", "cp949", "shift_jis", "gbk", "windows-1252"
    bool hadBom = false;
    std::uint64_t replaced = 0;     // broken sequences replaced with U+FFFD
    std::int64_t firstReplacedAt = -1;  // byte offset in the input of the first one
  };

  // Decodes `bytes` into `out` (UTF-8, BOM removed). `encoding` is "auto" or a name iconv knows
  // ("utf-8", "cp949", "euc-kr", "utf-16", "latin1", ...). When the input is already UTF-8
  // without a BOM or broken sequences, `out` is left empty and `view` is the input itself, so a
  // large UTF-8 file is never copied. Throws lathe::Error(InvalidArgument) for an unknown
  // encoding name, and lathe::Error(Parse) when the bytes do not decode in the encoding the
  // caller named (except UTF-8, whose broken sequences are replaced) or in the UTF-16 their BOM
  // names, with the offset in `bytes` (BOM included) of the first byte that does not decode.
  static Result decode(std::string_view bytes, std::string_view encoding, std::string& out, std::string_view& view);

  // The encoding "auto" would choose for these bytes (it reads at most the first MiB; a character
  // cut by the end of that sample does not count against an encoding).
  static std::string detect(std::string_view bytes);

  // True if `bytes` is valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF, no
  // character cut short at the end); `firstInvalid` gets the offset of the first broken sequence.
  static bool isValidUtf8(std::string_view bytes, std::int64_t* firstInvalid = nullptr);
};

}  // namespace lathe::data
