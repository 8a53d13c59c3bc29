// The formula language's grammar: precedence, literals, Unicode and bracketed column names, and
// every error with its 1-based character position (BAD_INPUTS case 34: deep nesting, huge
// literals, unknown columns or functions, type mismatches, Korean names).
#include <QtTest>

#include <string>

#include "engine/data/Table.h"
#include "engine/expr/Formula.h"
#include "engine/expr/FormulaError.h"

using lathe::data::Column;
using lathe::data::ColumnType;
using lathe::data::Table;
using lathe::expr::Formula;
using lathe::expr::FormulaError;

namespace {

// One row: Age=40 (int64), 나이=7, Age_2=1.5, [Body Mass (g)]=3750.5, [a]b]=2, Name="Ann",
// Island (categorical) "Dream", When = 2024-03-01, Flag = true.
Table schema() {
  return Table({Column::int64("Age", {40}), Column::int64("나이", {7}), Column::float64("Age_2", {1.5}),
                Column::float64("Body Mass (g)", {3750.5}), Column::int64("a]b", {2}),
                Column::text("Name", {0, 3}, "Ann"), Column::categorical("Island", {0}, {"Dream"}),
                Column::datetime("When", {1709251200000000}), Column::boolean("Flag", {1})});
}

std::string valueOf(const std::string& text) {
  const Table table = schema();
  return Formula::parse(text).evaluate(table, "out")->displayText(0);
}
ColumnType typeOf(const std::string& text) { return Formula::parse(text).resultType(schema()); }

// The error parse() or resultType() raises for `text`, its position and message.
struct Failure {
  std::size_t position = 0;
  std::string message;
  std::string what;
};
Failure failureOf(const std::string& text) {
  try {
    const Formula formula = Formula::parse(text);
    formula.resultType(schema());
  } catch (const FormulaError& error) {
    return {error.position(), error.message(), error.what()};
  }
  return {};
}

}  // namespace

class tst_FormulaParser : public QObject {
  Q_OBJECT

 private slots:
  void precedence_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<QString>("expected");
    QTest::newRow("times before plus") << "1 + 2 * 3" << "7";
    QTest::newRow("parentheses") << "(1 + 2) * 3" << "9";
    QTest::newRow("left associative minus") << "10 - 4 - 3" << "3";
    QTest::newRow("power right associative") << "2 ^ 3 ^ 2" << "512";
    QTest::newRow("power above unary minus") << "-2 ^ 2" << "-4";
    QTest::newRow("negative exponent") << "2 ^ -1" << "0.5";
    QTest::newRow("division is float") << "10 / 4" << "2.5";
    QTest::newRow("floor modulo") << "-7 % 3" << "2";
    QTest::newRow("concat below plus") << "1 + 2 & \"x\"" << "3x";
    QTest::newRow("comparison below concat") << "\"a\" & \"b\" == \"ab\"" << "true";
    QTest::newRow("and before or") << "true or false and false" << "true";
    QTest::newRow("not before and") << "not false and false" << "false";
    QTest::newRow("symbol spellings") << "!(1 > 2) && (1 < 2 || false)" << "true";
    QTest::newRow("keywords any case") << "TRUE AND NOT False" << "true";
    QTest::newRow("spreadsheet equals") << "1 = 1" << "true";
    QTest::newRow("spreadsheet not equal") << "1 <> 1" << "false";
    QTest::newRow("decimal literal") << ".5 + 1." << "1.5";
    QTest::newRow("exponent literal") << "1e3 + 2.5E-1" << "1000.25";
    QTest::newRow("escapes") << "len(\"a\\\"b\") + len('c\\'d') + len(\"\\\\\")" << "7";
    QTest::newRow("function names any case") << "ROUND(2.5) + Abs(-1)" << "4";
    QTest::newRow("bare Korean name") << "나이 * 2" << "14";
    QTest::newRow("bare name with digits") << "Age_2 * 2" << "3";
    QTest::newRow("bracket name") << "[Body Mass (g)] * 2" << "7501";
    QTest::newRow("bracket name with ]]") << "[a]]b] + 1" << "3";
    QTest::newRow("bracket Korean") << "[나이] + Age" << "47";
    QTest::newRow("largest int64 literal") << "9223372036854775807" << "9223372036854775807";
  }
  void precedence() {
    QFETCH(QString, formula);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(valueOf(formula.toStdString())), expected);
  }

  void resultTypes() {
    QCOMPARE(typeOf("Age + 1"), ColumnType::Int64);
    QCOMPARE(typeOf("Age * 나이 - 3 % 2"), ColumnType::Int64);
    QCOMPARE(typeOf("Age / 1"), ColumnType::Float64);
    QCOMPARE(typeOf("Age + Age_2"), ColumnType::Float64);
    QCOMPARE(typeOf("Age ^ 2"), ColumnType::Float64);
    QCOMPARE(typeOf("Age > 1"), ColumnType::Bool);
    QCOMPARE(typeOf("Name & Island"), ColumnType::Text);
    QCOMPARE(typeOf("Island"), ColumnType::Categorical);
    QCOMPARE(typeOf("if(Flag, Island, \"x\")"), ColumnType::Text);
    QCOMPARE(typeOf("if(Flag, Age, 1.5)"), ColumnType::Float64);
    QCOMPARE(typeOf("if(Flag, Age, missing)"), ColumnType::Int64);
    QCOMPARE(typeOf("missing"), ColumnType::Float64);
    QCOMPARE(typeOf("missing + 1"), ColumnType::Int64);
    QCOMPARE(typeOf("When"), ColumnType::Datetime);
    QCOMPARE(typeOf("year(When)"), ColumnType::Int64);
    QCOMPARE(typeOf("date_diff_days(When, \"2024-01-01\")"), ColumnType::Float64);
    QCOMPARE(typeOf("round(Age, -1)"), ColumnType::Int64);
    QCOMPARE(typeOf("round(Age_2)"), ColumnType::Float64);
    QCOMPARE(typeOf("to_number(Name)"), ColumnType::Float64);
  }

  void columnsUsedInOrderOfFirstUse() {
    const Formula formula = Formula::parse("if([Body Mass (g)] > 4000 and 나이 > 1, [Body Mass (g)], Age)");
    QCOMPARE(formula.columnsUsed(), (std::vector<std::string>{"Body Mass (g)", "나이", "Age"}));
    QCOMPARE(formula.text(), std::string("if([Body Mass (g)] > 4000 and 나이 > 1, [Body Mass (g)], Age)"));
    QVERIFY(Formula::parse("1 + 2").columnsUsed().empty());
  }

  void errorsWithPositions_data() {
    QTest::addColumn<QString>("formula");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message");
    // Positions count characters (code points), so they stay right after Korean names.
    QTest::newRow("unknown column suggests") << "Agee + 1" << 1 << "did you mean 'Age'?";
    QTest::newRow("unknown column after Korean") << "나이 + Nmae" << 6 << "did you mean 'Name'?";
    QTest::newRow("unknown bracket column") << "1 + [Body Mass]" << 5 << "did you mean 'Body Mass (g)'?";
    QTest::newRow("names are case-sensitive") << "age" << 1 << "did you mean 'Age'?";
    QTest::newRow("unknown Korean column") << "나이 + 나이이" << 6 << "unknown column '나이이'";
    QTest::newRow("unknown function") << "1 + sqr(4)" << 5 << "did you mean 'sqrt'?";
    QTest::newRow("today refused") << "year(today())" << 6 << "same result every time";
    QTest::newRow("too many arguments") << "round(1, 2, 3)" << 1 << "takes 1 or 2 arguments, not 3";
    QTest::newRow("too few arguments") << "Age + if(Flag, 1)" << 7 << "takes 3 arguments, not 2";
    QTest::newRow("no arguments") << "abs()" << 1 << "takes 1 argument, not 0";
    QTest::newRow("unclosed parenthesis") << "2 * (1 + 2" << 5 << "'(' without a matching ')'";
    QTest::newRow("unclosed call") << "sqrt(4" << 5 << "'(' without a matching ')'";
    QTest::newRow("extra closing parenthesis") << "(1 + 2))" << 8 << "')' without a matching '('";
    QTest::newRow("unterminated string") << "Name & \"abc" << 8 << "unterminated string";
    QTest::newRow("unterminated single quote") << "'abc" << 1 << "unterminated string";
    QTest::newRow("unknown escape") << "\"a\\qb\"" << 3 << "unknown escape";
    QTest::newRow("unterminated bracket") << "1 + [Body Mass" << 5 << "no closing ']'";
    QTest::newRow("empty bracket") << "[] + 1" << 1 << "empty column name";
    QTest::newRow("empty formula") << "   " << 1 << "empty";
    QTest::newRow("dangling operator") << "1 +" << 4 << "ends where a value was expected";
    QTest::newRow("two values") << "1 2" << 3 << "after a complete expression";
    QTest::newRow("stray character") << "1 $ 2" << 3 << "unexpected character '$'";
    QTest::newRow("chained comparison") << "1 < Age < 3" << 9 << "cannot be chained";
    QTest::newRow("huge integer") << "Age + 99999999999999999999" << 7 << "too large";
    QTest::newRow("float overflow") << "1e309 * 2" << 1 << "out of range";
    QTest::newRow("text plus number") << "\"a\" + 1" << 1 << "join text with '&'";
    QTest::newRow("number plus text column") << "Age + Name" << 7 << "join text with '&'";
    QTest::newRow("times text") << "Age * Island" << 7 << "needs a number, not a category";
    QTest::newRow("if condition not bool") << "if(Age, 1, 2)" << 4 << "condition of if() needs true/false";
    QTest::newRow("if branches differ") << "if(Flag, 1, \"x\")" << 13 << "one type";
    QTest::newRow("not of number") << "not Age" << 5 << "needs true/false";
    QTest::newRow("and of number") << "Flag and 1" << 10 << "needs true/false";
    QTest::newRow("compare text with number") << "Name == 1" << 9 << "cannot compare text with a number";
    QTest::newRow("date with non-date text") << "When > \"yesterday\"" << 8 << "is not a date";
    QTest::newRow("date with number") << "When > 5" << 8 << "cannot compare a date with a number";
    QTest::newRow("year of number") << "year(Age)" << 6 << "needs a date";
    QTest::newRow("substr decimal start") << "substr(Name, 1.5)" << 14 << "whole number";
    QTest::newRow("len of number") << "len(Age)" << 5 << "needs text";
    QTest::newRow("round digits decimal") << "round(Age_2, 0.5)" << 14 << "whole number";
    QTest::newRow("keyword as value") << "1 + and" << 5 << "where a value was expected";
  }
  void errorsWithPositions() {
    QFETCH(QString, formula);
    QFETCH(int, position);
    QFETCH(QString, message);
    const Failure failure = failureOf(formula.toStdString());
    QVERIFY2(!failure.message.empty(), qPrintable("no error for " + formula));
    QVERIFY2(QString::fromStdString(failure.message).contains(message), failure.message.c_str());
    QCOMPARE(failure.position, std::size_t(position));
    QVERIFY(QString::fromStdString(failure.what).startsWith(QString("formula:1:%1: ").arg(position)));
  }

  void errorIsTypedAndKeepsTheFormula() {
    try {
      (void)Formula::parse("1 + ");
      QFAIL("no error");
    } catch (const lathe::Error& error) {
      QCOMPARE(error.code(), lathe::ErrorCode::Parse);
      QCOMPARE(error.value(), std::string("1 + "));
      QCOMPARE(error.where().column, std::int64_t(5));
    }
  }

  void typeErrorsComeBeforeEvaluation() {
    // resultType and evaluate agree, and evaluate raises the same error before reading rows.
    const Formula formula = Formula::parse("Age + 1 + (Name + 1)");
    const Table table = schema();
    QVERIFY_THROWS_EXCEPTION(FormulaError, formula.resultType(table));
    QVERIFY_THROWS_EXCEPTION(FormulaError, formula.evaluate(table, "out"));
  }

  void nestingLimit() {
    auto nested = [](int levels) { return std::string(levels, '(') + "1" + std::string(levels, ')'); };
    QCOMPARE(valueOf(nested(200)), std::string("1"));
    Failure failure = failureOf(nested(257));
    QVERIFY(failure.message.find("deeper than 256") != std::string::npos);
    QCOMPARE(failure.position, std::size_t(257));
    // 60,000 of each: an error, never a stack overflow.
    QVERIFY(failureOf(nested(30000)).message.find("deeper") != std::string::npos);
    QVERIFY(failureOf(std::string(60000, '-') + "1").message.find("deeper") != std::string::npos);
    QVERIFY(failureOf(std::string(30000, '!') + "true").message.find("deeper") != std::string::npos);
    std::string power = "2";
    for (int i = 0; i < 20000; ++i) power += "^2";
    QVERIFY(failureOf(power).message.find("deeper") != std::string::npos);
    std::string calls;
    for (int i = 0; i < 10000; ++i) calls += "abs(";
    QVERIFY(failureOf(calls + "1" + std::string(10000, ')')).message.find("deeper") != std::string::npos);
    // A long flat chain makes a deep tree too: refused, not recursed into.
    std::string chain = "1";
    for (int i = 0; i < 30000; ++i) chain += "+1";
    QVERIFY(failureOf(chain).message.find("deeper") != std::string::npos);
    std::string shortChain = "1";
    for (int i = 0; i < 200; ++i) shortChain += "+1";
    QCOMPARE(valueOf(shortChain), std::string("201"));
  }

  void lengthLimit() {
    std::string longFormula = "\"" + std::string(70000, 'x') + "\"";
    const Failure failure = failureOf(longFormula);
    QVERIFY(failure.message.find("64 KiB") != std::string::npos);
    QCOMPARE(failure.position, std::size_t(1));
    // Just under the limit is fine.
    QCOMPARE(valueOf("len(\"" + std::string(65000, 'x') + "\")"), std::string("65000"));
  }

  void invalidUtf8() {
    const Failure failure = failureOf("1 + \xC0\xAF");
    QCOMPARE(failure.position, std::size_t(5));
    QVERIFY(failure.message.find("UTF-8") != std::string::npos);
    QCOMPARE(failureOf("\"\xED\xA0\x80\"").position, std::size_t(2));  // a surrogate inside a string
    QCOMPARE(failureOf(std::string("[a\xFF]")).position, std::size_t(3));
  }
};

QTEST_APPLESS_MAIN(tst_FormulaParser)
#include "tst_FormulaParser.moc"
