#include "app/cli/CommandLine.h"

namespace lathe::cli {

CommandLine::CommandLine(const std::vector<std::string>& args, const Spec& spec) {
  bool onlyPositionals = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (onlyPositionals || arg.size() < 2 || arg[0] != '-' || arg == "-") {
      positionals_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      onlyPositionals = true;
      continue;
    }
    std::optional<std::string> inlineValue;
    if (const auto eq = arg.find('='); eq != std::string::npos && arg.starts_with("--")) {
      inlineValue = arg.substr(eq + 1);
      arg.resize(eq);
    }
    if (spec.flags.count(arg)) {
      if (inlineValue) throw UsageError{"option '" + arg + "' takes no value"};
      flags_.insert(arg);
    } else if (spec.valued.count(arg) || spec.repeatable.count(arg)) {
      if (!inlineValue && i + 1 >= args.size()) throw UsageError{"option '" + arg + "' needs a value"};
      auto& list = values_[arg];
      if (!list.empty() && !spec.repeatable.count(arg)) throw UsageError{"option '" + arg + "' is given twice"};
      list.push_back(inlineValue ? *inlineValue : args[++i]);
    } else {
      throw UsageError{"unknown option '" + arg + "'"};
    }
  }
}

std::optional<std::string> CommandLine::value(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.front();
}

std::vector<std::string> CommandLine::values(const std::string& name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace lathe::cli
