#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace lathe::data {

// Bytes in an encoding glibc's iconv knows, decoded to UTF-8, and what could not be decoded.
struct IconvConversion {
  std::uint64_t broken = 0;        // sequences iconv could not decode
  std::int64_t firstBroken = -1;   // input offset of the first
  bool endsInsideACharacter = false;  // the input stops in the middle of one (counted in broken)

  // iconv from `encoding` (TextDecoder's name for it: "cp949", "shift_jis", "gbk", "utf-16le"...)
  // into UTF-8 `out`. Each sequence it cannot decode becomes one U+FFFD and decoding goes on one
  // byte later (so a broken lead byte does not swallow the delimiter after it); with
  // `stopAtFirst` it stops there instead, `firstBroken` telling where. Throws
  // lathe::Error(InvalidArgument) for an encoding iconv does not know.
  static IconvConversion convert(std::string_view in, const std::string& encoding, std::string& out, bool stopAtFirst);
};

}  // namespace lathe::data
