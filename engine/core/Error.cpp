#include "engine/core/Error.h"

namespace lathe {

std::string formatError(const std::string& message, const ErrorLocation& where) {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line >= 0) {
      out += ':' + std::to_string(where.line);
      if (where.column >= 0) out += ':' + std::to_string(where.column);
    } else if (where.byteOffset >= 0) {
      out += ": byte " + std::to_string(where.byteOffset);
    }
    out += ": ";
  }
  return out + message;
}

Error::Error(ErrorCode code, std::string message, ErrorLocation where, std::string value)
    : std::runtime_error(formatError(message, where)),
      code_(code),
      message_(std::move(message)),
      where_(std::move(where)),
      value_(std::move(value)) {}

const char* errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidArgument: return "invalid-argument";
    case ErrorCode::Io: return "io";
    case ErrorCode::Parse: return "parse";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::Corrupt: return "corrupt";
    case ErrorCode::Internal: return "internal";
  }
  return "internal";
}

}  // namespace lathe
