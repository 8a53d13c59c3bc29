#include "engine/data/ArffHeader.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "engine/data/ArffLineScanner.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'A' && x <= 'Z' ? x | 0x20 : x) == (y >= 'A' && y <= 'Z' ? y | 0x20 : y);
         });
}

// At most 80 bytes of `text`, for messages about long lines.
std::string excerpt(std::string_view text) { return std::string(text.substr(0, 80)); }

void readNominalLevels(ArffLineScanner& s, ArffAttribute& attribute) {
  const std::size_t open = s.pos();
  s.advance();  // '{'
  std::string scratch;
  std::unordered_set<std::string> seen;
  for (;;) {
    if (s.atEnd()) s.fail("the list of values of attribute '" + attribute.name + "' is not closed with '}'", open);
    if (s.peek() == '}') {
      s.advance();
      return;
    }
    const std::size_t at = s.pos();
    const bool quoted = s.atQuote();
    // Unquoted values lose their stray spaces: Weka's own files write "{ a, b}".
    const std::string_view level = quoted ? s.readQuoted(scratch) : s.readUnquoted(",}");
    if (!quoted && level.empty())
      s.fail("an empty value in the list of attribute '" + attribute.name + "' (write '' for an empty text)", at);
    if (!seen.emplace(level).second)
      s.fail("attribute '" + attribute.name + "' declares the value '" + std::string(level) + "' twice", at, level);
    attribute.levels.emplace_back(level);
    s.skipSpaces();
    if (s.peek() == ',') s.advance();
    else if (s.peek() != '}' && !s.atEnd())
      s.fail("expected ',' or '}' after the value '" + std::string(level) + "' of attribute '" + attribute.name + "'",
             s.pos());
  }
}

void readType(ArffLineScanner& s, const ArffLineReader& lines, ArffAttribute& attribute) {
  s.skipSpaces();
  if (s.peek() == '{') {
    attribute.type = ArffType::Nominal;
    readNominalLevels(s, attribute);
    return;
  }
  if (s.atEnd()) s.fail("attribute '" + attribute.name + "' has no type", s.pos());
  const std::size_t at = s.pos();
  const std::string_view type = s.readWord();
  if (equalsIgnoreCase(type, "numeric") || equalsIgnoreCase(type, "real")) {
    attribute.type = ArffType::Numeric;
  } else if (equalsIgnoreCase(type, "integer")) {
    attribute.type = ArffType::Integer;
  } else if (equalsIgnoreCase(type, "string")) {
    attribute.type = ArffType::String;
  } else if (equalsIgnoreCase(type, "date")) {
    attribute.type = ArffType::Date;
    std::string scratch;
    std::string_view pattern = ArffDateFormat::kDefaultPattern;
    const std::size_t patternAt = s.atEnd() ? at : s.pos();
    if (!s.atEnd()) pattern = s.readToken(scratch);
    std::string problem;
    auto format = ArffDateFormat::compile(pattern, problem);
    if (!format) lines.fail(ErrorCode::Unsupported, problem, s.line(), patternAt, pattern);
    attribute.dateFormat = std::move(*format);
  } else if (equalsIgnoreCase(type, "relational")) {
    lines.fail(ErrorCode::Unsupported,
               "attribute '" + attribute.name + "' is relational (multi-instance data), which Lathe does not read; "
               "flatten it in Weka first",
               s.line(), at, type);
  } else {
    s.fail("unknown type '" + std::string(type) + "' of attribute '" + attribute.name +
               "' (expected numeric, real, integer, string, date or a {list} of values)",
           at, type);
  }
}

void readAttribute(ArffLineScanner& s, const ArffLineReader& lines, ArffHeader& header,
                   std::unordered_map<std::string, std::int64_t>& declaredAt) {
  if (s.atEnd()) s.fail("@attribute without a name", s.pos());
  const std::size_t nameAt = s.pos();
  std::string scratch;
  ArffAttribute attribute;
  attribute.name = std::string(s.readToken(scratch));
  attribute.line = lines.lineNumber();
  if (attribute.name.empty()) s.fail("an attribute needs a name", nameAt);
  const auto [it, added] = declaredAt.emplace(attribute.name, attribute.line);
  if (!added)
    s.fail("attribute '" + attribute.name + "' is declared twice (first on line " + std::to_string(it->second) + ")",
           nameAt, attribute.name);
  readType(s, lines, attribute);
  if (!s.atEnd())
    s.fail("unexpected text after the type of attribute '" + attribute.name + "'", s.pos(),
           excerpt(s.line().substr(s.pos())));
  header.attributes.push_back(std::move(attribute));
}

}  // namespace

ArffHeader ArffHeader::read(ArffLineReader& lines, const jobs::JobContext& context) {
  ArffHeader header;
  std::unordered_map<std::string, std::int64_t> declaredAt;
  bool declared = false;
  std::string scratch;
  std::string_view line;
  while (lines.next(line)) {
    if (lines.lineNumber() % 4096 == 0) {
      context.throwIfStopped();
      context.progress(lines.fraction(), "Reading the ARFF header");
    }
    if (const auto nul = line.find('\0'); nul != std::string_view::npos)
      lines.fail(ErrorCode::Parse, "not an ARFF file: a NUL byte in the header (binary data)", line, nul);
    ArffLineScanner s(lines, line);
    if (s.atEnd()) continue;  // blank or a comment
    if (s.peek() != '@') {
      s.fail(declared ? "expected @attribute or @data, found '" + excerpt(line.substr(s.pos())) + "'"
                      : "not an ARFF file: expected @relation, found '" + excerpt(line.substr(s.pos())) + "'",
             s.pos(), excerpt(line.substr(s.pos())));
    }
    const std::size_t at = s.pos();
    s.advance();
    const std::string_view keyword = s.readWord();
    s.skipSpaces();
    if (equalsIgnoreCase(keyword, "relation")) {
      if (!s.atEnd() && header.relation.empty()) header.relation = std::string(s.readToken(scratch));
    } else if (equalsIgnoreCase(keyword, "attribute")) {
      readAttribute(s, lines, header, declaredAt);
    } else if (equalsIgnoreCase(keyword, "data")) {
      if (!s.atEnd()) s.fail("unexpected text after @data", s.pos(), excerpt(line.substr(s.pos())));
      if (header.attributes.empty()) s.fail("@data comes before any @attribute: the file declares no columns", at);
      return header;
    } else if (equalsIgnoreCase(keyword, "end")) {
      lines.fail(ErrorCode::Unsupported, "@end closes a relational attribute, which Lathe does not read", line, at);
    } else {
      s.fail(std::string(declared ? "" : "not an ARFF file: ") + "unknown declaration '@" + std::string(keyword) +
                 "' (expected @relation, @attribute or @data)",
             at, excerpt(line.substr(at)));
    }
    declared = true;
  }
  if (!declared)
    throw Error(ErrorCode::Parse, "not an ARFF file: no @relation, @attribute or @data declaration",
                ErrorLocation{lines.sourceName(), -1, -1, -1});
  throw Error(ErrorCode::Parse,
              header.attributes.empty() ? "the ARFF header declares no attributes and has no @data section"
                                        : "no @data section: the file ends after its header",
              ErrorLocation{lines.sourceName(), lines.lineNumber(), -1, -1});
}

}  // namespace lathe::data
