#include "engine/data/BinaryFormat.h"

#include <utility>

namespace lathe::data {

std::optional<std::string_view> binaryFormatOf(std::string_view head) {
  using namespace std::string_view_literals;
  static constexpr std::pair<std::string_view, std::string_view> kSignatures[] = {
      {"PK\x03\x04"sv, "a zip archive (.zip, .xlsx, .docx)"},
      {"PK\x05\x06"sv, "an empty zip archive"},
      {"\x89PNG"sv, "a PNG image"},
      {"\xFF\xD8\xFF"sv, "a JPEG image"},
      {"GIF87a"sv, "a GIF image"},
      {"GIF89a"sv, "a GIF image"},
      {"II*\0"sv, "a TIFF image"},
      {"MM\0*"sv, "a TIFF image"},
      {"%PDF"sv, "a PDF document"},
      {"\xD0\xCF\x11\xE0"sv, "an OLE document (.xls, .doc)"},
      {"\x1F\x8B"sv, "a gzip archive"},
      {"7z\xBC\xAF\x27\x1C"sv, "a 7z archive"},
      {"Rar!\x1A\x07"sv, "a RAR archive"},
      {"\xFD" "7zXZ"sv, "an xz archive"},
      {"\x28\xB5\x2F\xFD"sv, "a zstd archive"},
      {"PAR1"sv, "a Parquet file"},
      {"ARROW1\0\0"sv, "an Arrow/Feather file"},
      {"\x7F" "ELF"sv, "a program"},
      {"SQLite format 3\0"sv, "an SQLite database"},
  };
  for (const auto& [magic, what] : kSignatures)
    if (head.starts_with(magic)) return what;
  // "BM", "BZh" and "RIFF" also begin words: check the bytes that follow too.
  if (head.size() >= 14 && head.starts_with("BM") && head.substr(6, 4) == "\0\0\0\0"sv) return "a BMP image";
  if (head.size() >= 10 && head.starts_with("BZh") && head[3] >= '1' && head[3] <= '9' && head.substr(4, 6) == "1AY&SY")
    return "a bzip2 archive";
  if (head.size() >= 12 && head.starts_with("RIFF") &&
      (head.substr(8, 4) == "WEBP" || head.substr(8, 4) == "WAVE" || head.substr(8, 4) == "AVI "))
    return "a RIFF file (image, sound or video)";
  return std::nullopt;
}

}  // namespace lathe::data
