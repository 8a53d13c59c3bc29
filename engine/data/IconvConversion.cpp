#include "engine/data/IconvConversion.h"

#include <iconv.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "engine/core/Error.h"

namespace lathe::data {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The name iconv knows. Shift-JIS files come from Windows (Excel), so they are read as its CP932,
// which keeps 0x5C a backslash (plain Shift-JIS makes it a yen sign) and adds NEC's ① and friends.
std::string iconvName(const std::string& name) {
  if (name == "cp949") return "CP949";
  if (name == "shift_jis") return "CP932";
  if (name == "gbk") return "GBK";
  return name;
}

}  // namespace

IconvConversion IconvConversion::convert(std::string_view in, const std::string& encoding, std::string& out,
                                         bool stopAtFirst) {
  const std::string from = iconvName(encoding);
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) throw Error(ErrorCode::InvalidArgument, "unknown encoding '" + from + "'", {}, from);
  std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  IconvConversion result;
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
    const int error = errno;
    if (error == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    if (error != EILSEQ && error != EINVAL)
      throw Error(ErrorCode::Internal, "iconv failed: " + std::string(std::strerror(error)));
    if (result.firstBroken < 0) result.firstBroken = src - in.data();
    ++result.broken;
    if (error == EINVAL) result.endsInsideACharacter = true;  // iconv only says so at the very end
    if (stopAtFirst) break;
    if (out.size() - written < kReplacement.size()) out.resize(out.size() * 2);
    out.replace(written, kReplacement.size(), kReplacement);
    written += kReplacement.size();
    const std::size_t skip = error == EINVAL ? srcLeft : 1;
    src += skip;
    srcLeft -= skip;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // back to the initial state
  }
  out.resize(written);
  return result;
}

}  // namespace lathe::data
