#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/data/Table.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::expr {

struct FormulaNode;  // the parsed tree; see FormulaParser

// A formula in Lathe's formula language, parsed once and evaluated over whole columns at a
// time (vectorized): `if(Age > 60, "senior", "adult")`, `log([Body Mass (g)])`,
// `year(date) - 2000`, `[섬] == "Biscoe" and not is_missing(Sex)`. It reads the table it is
// given and nothing else: no I/O, no variables, no loops. docs/formulas.md lists the grammar and
// every function.
class Formula {
 public:
  // Throws FormulaError with the 1-based character position of the problem.
  static Formula parse(std::string_view text);

  Formula(const Formula&) = default;
  Formula& operator=(const Formula&) = default;
  ~Formula();

  const std::string& text() const { return text_; }
  // The column names the formula reads, in order of first use.
  std::vector<std::string> columnsUsed() const;
  // The type of the result on a table with this schema; throws FormulaError (an unknown column,
  // a type mismatch such as "text" + 1) with the position.
  data::ColumnType resultType(const data::Table& table) const;
  // Evaluates on every row of `table`: a column named `name`. Missing inputs give missing
  // results (is_missing() and coalesce() see them); division by zero gives missing, not inf.
  std::shared_ptr<const data::Column> evaluate(const data::Table& table, const std::string& name,
                                               const jobs::JobContext* context = nullptr) const;

 private:
  Formula(std::string text, std::shared_ptr<const FormulaNode> root);
  std::string text_;
  std::shared_ptr<const FormulaNode> root_;
};

}  // namespace lathe::expr
