#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace lathe::data {

// Bytes of a text file as UTF-8. Detects the encoding when asked to ("auto"): a BOM (UTF-8,
// UTF-16 LE/BE) decides; otherwise valid UTF-8 is UTF-8; otherwise the legacy encodings are tried
// in turn and kept only when the text they give looks like that language: CP949 (Korean Excel
// exports; a superset of EUC-KR, so "euc-kr" is decoded as CP949), Shift-JIS, GBK; anything else
// is windows-1252 (Latin-1 with the Windows extras), which decodes every byte. A file that is
// mostly UTF-8 with a few broken sequences stays UTF-8, with U+FFFD for each broken sequence and
// the first one's byte offset reported.
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
  // encoding name and lathe::Error(Parse) when an explicit encoding cannot decode the bytes.
  static Result decode(std::string_view bytes, std::string_view encoding, std::string& out, std::string_view& view);

  // The encoding "auto" would choose for these bytes (a sample of the file is enough).
  static std::string detect(std::string_view bytes);

  // True if `bytes` is valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
  static bool isValidUtf8(std::string_view bytes, std::int64_t* firstInvalid = nullptr);
};

}  // namespace lathe::data
