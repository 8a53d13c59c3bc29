#pragma once
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lathe::cli {

// The arguments of one CLI command: positionals, options with a value (--encoding cp949 or
// --encoding=cp949), repeatable options (--param k=v) and flags (--json). An option the command
// does not know, or a value-taking option with no value, is a usage error (UsageError).
class CommandLine {
 public:
  struct Spec {
    std::set<std::string> valued;      // e.g. "--encoding"
    std::set<std::string> repeatable;  // valued options that may repeat, e.g. "--param"
    std::set<std::string> flags;       // e.g. "--json"
  };

  CommandLine(const std::vector<std::string>& args, const Spec& spec);

  const std::vector<std::string>& positionals() const { return positionals_; }
  bool flag(const std::string& name) const { return flags_.count(name) != 0; }
  std::optional<std::string> value(const std::string& name) const;
  std::vector<std::string> values(const std::string& name) const;
  // The option's value read as a number (whole, for an integer type); nothing when it is not
  // given. UsageError for text that is not such a number.
  template <typename Number>
  std::optional<Number> number(const std::string& name) const;

 private:
  std::vector<std::string> positionals_;
  std::set<std::string> flags_;
  std::map<std::string, std::vector<std::string>> values_;
};

struct UsageError {
  std::string message;
};

template <typename Number>
std::optional<Number> CommandLine::number(const std::string& name) const {
  const auto text = value(name);
  if (!text) return std::nullopt;
  Number parsed{};
  const auto [end, problem] = std::from_chars(text->data(), text->data() + text->size(), parsed);
  if (problem != std::errc() || end != text->data() + text->size())
    throw UsageError{name + " takes a number, got '" + *text + "'"};
  return parsed;
}

}  // namespace lathe::cli
