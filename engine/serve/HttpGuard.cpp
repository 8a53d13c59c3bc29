#include "engine/serve/HttpGuard.h"

#include <algorithm>
#include <cctype>

namespace lathe::serve {
namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

bool allDigits(std::string_view text) {
  return !text.empty() && text.size() <= 5 && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

bool HttpGuard::isLoopback(std::string_view host) {
  return host == "::1" || host == "[::1]" || equalsIgnoringCase(host, "localhost") || host.starts_with("127.");
}

bool HttpGuard::hostAllowed(std::string_view hostHeader) {
  std::string_view name = hostHeader;
  if (name.starts_with("[")) {  // [::1] or [::1]:port
    const std::size_t close = name.find(']');
    if (close == std::string_view::npos) return false;
    const std::string_view rest = name.substr(close + 1);
    if (!rest.empty() && !(rest.front() == ':' && allDigits(rest.substr(1)))) return false;
    return name.substr(0, close + 1) == "[::1]";
  }
  const std::size_t colon = name.find(':');
  if (colon != std::string_view::npos) {
    if (!allDigits(name.substr(colon + 1))) return false;
    name = name.substr(0, colon);
  }
  return name == "127.0.0.1" || equalsIgnoringCase(name, "localhost");
}

std::string_view HttpGuard::tokenOf(std::string_view authorization, std::string_view latheToken) {
  constexpr std::string_view kBearer = "bearer ";
  if (authorization.size() > kBearer.size() && equalsIgnoringCase(authorization.substr(0, kBearer.size()), kBearer)) {
    std::string_view token = authorization.substr(kBearer.size());
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    return token;
  }
  return latheToken;
}

bool HttpGuard::tokenMatches(std::string_view given, std::string_view expected) noexcept {
  // Every byte of the longer string is looked at whatever the contents; only the lengths'
  // difference is known early, and a token's length is no secret worth the trouble.
  const std::size_t n = std::max(given.size(), expected.size());
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char a = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    const unsigned char b = i < expected.size() ? static_cast<unsigned char>(expected[i]) : 0;
    difference |= static_cast<unsigned char>(a ^ b);
  }
  return difference == 0 && !expected.empty();
}

bool HttpGuard::validToken(std::string_view token) noexcept {
  return !token.empty() && token.size() <= 256 &&
         std::all_of(token.begin(), token.end(), [](unsigned char c) { return c > 0x20 && c < 0x7f; });
}

}  // namespace lathe::serve
