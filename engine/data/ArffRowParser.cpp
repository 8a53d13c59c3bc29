#include "engine/data/ArffRowParser.h"

#include "engine/data/ValueParsing.h"

namespace lathe::data {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
std::string excerpt(std::string_view text) { return std::string(text.substr(0, 80)); }
std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

void ArffRowParser::parse(std::string_view line) {
  ArffLineScanner s(lines_, line);
  if (s.atEnd()) return;  // blank or a comment
  if (s.peek() == '{') parseSparse(s);
  else parseDense(s);
}

ArffRowParser::Value ArffRowParser::readValue(ArffLineScanner& s, std::string_view stops, bool emptyIsMissing) {
  s.skipSpaces();
  Value value;
  value.at = s.pos();
  if (s.atQuote()) {
    value.text = s.readQuoted(scratch_);
    return value;
  }
  value.text = s.readUnquoted(stops);
  if (value.text == "?") {
    value.missing = true;
  } else if (value.text.empty()) {
    // Weka never writes an empty unquoted value; reading it as missing loses nothing, and says so.
    if (!emptyIsMissing) s.fail("expected a value", value.at);
    value.missing = true;
    if (emptyValues_++ == 0) firstEmpty_ = s.locationOf(value.at);
  }
  return value;
}

void ArffRowParser::store(ArffLineScanner& s, std::size_t index, const Value& value) {
  ArffColumnBuilder& column = columns_[index];
  if (value.missing) {
    column.addMissing();
    return;
  }
  const ArffAttribute& attribute = column.attribute();
  switch (column.add(value.text)) {
    case ArffColumnBuilder::Added::Ok: break;
    case ArffColumnBuilder::Added::FirstUndeclared: column.setFirstUndeclaredAt(s.locationOf(value.at)); break;
    case ArffColumnBuilder::Added::NotANumber:
      s.fail("'" + excerpt(value.text) + "' is not a number, but attribute '" + attribute.name + "' is " +
                 (attribute.type == ArffType::Integer ? "integer" : "numeric"),
             value.at, value.text);
    case ArffColumnBuilder::Added::NotADate:
      s.fail("'" + excerpt(value.text) + "' does not match the date pattern '" + attribute.dateFormat.pattern() +
                 "' of attribute '" + attribute.name + "'",
             value.at, value.text);
  }
}

void ArffRowParser::readWeight(ArffLineScanner& s) {
  const std::size_t open = s.pos();
  s.advance();  // '{'
  const std::size_t start = s.pos();
  const std::string_view weight = s.readUnquoted("}");
  if (s.peek() != '}') s.fail("the instance weight opened here is not closed with '}'", open);
  s.advance();
  double ignored = 0;
  if (!parseDeclaredFloat64(weight, ignored))
    s.fail("'" + excerpt(weight) + "' is not a number, so it cannot be an instance weight", start, weight);
  if (!s.atEnd()) s.fail("unexpected text after the instance weight", s.pos(), excerpt(s.line().substr(s.pos())));
  if (weighted_++ == 0) firstWeight_ = s.locationOf(open);
}

void ArffRowParser::parseDense(ArffLineScanner& s) {
  const std::size_t n = columns_.size();
  std::size_t index = 0;
  for (;;) {
    s.skipSpaces();
    if (s.peek() == '{') {  // an instance weight after the last value
      if (index != n) break;
      readWeight(s);
      return;
    }
    if (index == n)
      s.fail("more values than the " + plural(n, "attribute") + " the header declares", s.pos(),
             excerpt(s.line().substr(s.pos())));
    const Value value = readValue(s, ",{", true);
    store(s, index++, value);
    if (s.atEnd()) break;
    if (s.peek() == ',') {
      s.advance();
      if (index == n && s.atEnd()) return;  // a trailing comma adds nothing
      continue;
    }
    if (s.peek() != '{') s.fail("unexpected text after a quoted value", s.pos(), excerpt(s.line().substr(s.pos())));
  }
  if (index != n)
    s.fail("expected " + plural(n, "value") + ", found " + std::to_string(index) + " (one value per attribute)",
           s.pos());
}

void ArffRowParser::parseSparse(ArffLineScanner& s) {
  const std::size_t n = columns_.size();
  const std::size_t open = s.pos();
  s.advance();  // '{'
  std::size_t next = 0;  // the first attribute this row has not filled yet
  for (;;) {
    if (s.atEnd()) s.fail("the sparse row opened here is not closed with '}'", open);
    if (s.peek() == '}') {
      s.advance();
      break;
    }
    const std::size_t indexAt = s.pos();
    std::size_t index = 0;
    while (isDigit(s.peek())) {
      if (index <= n) index = index * 10 + static_cast<std::size_t>(s.peek() - '0');  // capped: n+ is out of range
      s.advance();
    }
    const std::string_view indexText = s.line().substr(indexAt, s.pos() - indexAt);
    if (indexText.empty()) s.fail("expected an attribute index in the sparse row", indexAt, excerpt(s.line().substr(indexAt)));
    if (index >= n)
      s.fail("attribute index " + std::string(indexText) + " is out of range: the header declares " +
                 plural(n, "attribute") + ", numbered from 0",
             indexAt, indexText);
    if (index < next)
      s.fail("attribute index " + std::string(indexText) + " is not above the previous one: sparse indices must increase",
             indexAt, indexText);
    if (s.peek() != ' ' && s.peek() != '\t') s.fail("expected a space after the attribute index", s.pos());
    for (; next < index; ++next) columns_[next].addAbsent();
    store(s, index, readValue(s, ",}", false));
    next = index + 1;
    s.skipSpaces();
    if (s.peek() == ',') s.advance();
    else if (s.peek() != '}' && !s.atEnd())
      s.fail("expected ',' or '}' after a value of the sparse row", s.pos(), excerpt(s.line().substr(s.pos())));
  }
  for (; next < n; ++next) columns_[next].addAbsent();
  s.skipSpaces();
  if (s.peek() == ',') s.advance();
  if (s.atEnd()) return;
  if (s.peek() != '{') s.fail("unexpected text after the sparse row", s.pos(), excerpt(s.line().substr(s.pos())));
  readWeight(s);
}

void ArffRowParser::addWarnings(std::vector<ImportWarning>& warnings) const {
  if (emptyValues_ > 0)
    warnings.push_back({plural(emptyValues_, "empty value") + " read as missing (ARFF writes a missing value as ?)",
                        firstEmpty_, emptyValues_});
  if (weighted_ > 0)
    warnings.push_back({plural(weighted_, "row") + (weighted_ == 1 ? " carries" : " carry") + " an instance weight ({w} at the end); Lathe ignores "
                        "instance weights",
                        firstWeight_, weighted_});
}

}  // namespace lathe::data
