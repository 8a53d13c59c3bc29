#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

namespace lathe {

// What kind of failure an Error is; the UI translates the kind, the CLI maps it to an exit code.
enum class ErrorCode {
  InvalidArgument,  // a parameter or option the user gave is out of range or malformed
  Io,               // a file could not be read or written
  Parse,            // bytes that do not follow their format
  Unsupported,      // a valid input Lathe does not handle (yet), named as such
  Corrupt,          // stored data failed an integrity check
  Internal,         // a broken invariant: a bug in Lathe
};

// Where a problem sits. Fields left at their defaults are unknown.
struct ErrorLocation {
  std::string file;
  std::int64_t line = -1;    // 1-based
  std::int64_t column = -1;  // 1-based
  std::int64_t byteOffset = -1;
};

// The typed error every engine function throws: a code, a message in English for logs and the
// CLI, where it happened, and the offending value if there is one.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, ErrorLocation where = {}, std::string value = {});

  ErrorCode code() const noexcept { return code_; }
  const std::string& message() const noexcept { return message_; }
  const ErrorLocation& where() const noexcept { return where_; }
  const std::string& value() const noexcept { return value_; }

 private:
  ErrorCode code_;
  std::string message_;
  ErrorLocation where_;
  std::string value_;
};

// "file:line:column: message" with only the parts that are known.
std::string formatError(const std::string& message, const ErrorLocation& where);
const char* errorCodeName(ErrorCode code);

}  // namespace lathe
