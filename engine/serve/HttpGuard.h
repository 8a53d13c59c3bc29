#pragma once
#include <string>
#include <string_view>

namespace lathe::serve {

// The checks every request passes before it reaches an endpoint, kept apart from httplib so
// they can be tested on their own.
class HttpGuard {
 public:
  // Whether `host` is a loopback address the server may be bound to (127.x, ::1, localhost).
  static bool isLoopback(std::string_view host);
  // The DNS-rebinding guard: a page on evil.example that resolves its name to 127.0.0.1 can make
  // the browser send requests here, but with "Host: evil.example". A loopback server answers
  // only Host 127.0.0.1, localhost or [::1], with or without a port.
  static bool hostAllowed(std::string_view hostHeader);
  // The token from "Authorization: Bearer T" or, failing that, "X-Lathe-Token: T"; "" if none.
  static std::string_view tokenOf(std::string_view authorization, std::string_view latheToken);
  // Compares in time independent of where the strings differ, so the token cannot be guessed
  // byte by byte from response times.
  static bool tokenMatches(std::string_view given, std::string_view expected) noexcept;
  // A token the server accepts: 1..256 visible ASCII characters (it travels in a header).
  static bool validToken(std::string_view token) noexcept;
};

}  // namespace lathe::serve
