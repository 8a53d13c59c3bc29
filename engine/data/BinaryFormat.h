#pragma once
#include <optional>
#include <string_view>

namespace lathe::data {

// What binary format a file's first bytes announce ("a PNG image", "a zip archive (.zip, .xlsx,
// .docx)"), or nothing for bytes that could be text. One list for every reader and the window's
// file router, so a renamed spreadsheet or image is refused the same way everywhere. SQLite is in
// it: whoever can import an SQLite database checks for it first.
std::optional<std::string_view> binaryFormatOf(std::string_view head);

}  // namespace lathe::data
