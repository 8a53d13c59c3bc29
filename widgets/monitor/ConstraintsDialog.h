#pragma once
#include <QDialog>
#include <QStringList>
#include <vector>

#include "engine/monitor/Baseline.h"
#include "engine/monitor/FeatureConstraint.h"

class QLabel;
class QTableWidget;

namespace lathe::widgets {

// Edits what new data must satisfy, feature by feature: the expected type, the largest missing
// share, the range, the allowed categories, and the distribution check with its PSI threshold
// and alpha. An empty cell switches its check off. Beside them, read-only, what the baseline saw
// (its missing share, range and most frequent levels), so a limit is set against the facts.
// OK checks every cell first; an invalid one is named and selected, and the dialog stays open.
class ConstraintsDialog : public QDialog {
  Q_OBJECT
 public:
  enum Column { FeatureColumn, TypeColumn, ObservedColumn, MaxMissingColumn, MinColumn, MaxColumn, CategoriesColumn,
                DistributionColumn, PsiColumn, AlphaColumn, ColumnCount };

  explicit ConstraintsDialog(const monitor::Baseline& baseline, QWidget* parent = nullptr);

  // The edited constraints, one per row in the baseline's order. Valid once validate() is empty.
  std::vector<monitor::FeatureConstraint> constraints() const;
  // The first problem, in words ("age: the minimum 90 is above the maximum 10."); empty when all
  // cells are valid.
  QString validate() const;
  QString errorText() const;
  QTableWidget* table() const { return table_; }

  void accept() override;

 private:
  struct Problem {
    int row = -1;
    int column = -1;
    QString text;
  };
  Problem firstProblem() const;
  QString cellText(int row, int column) const;
  QString typeAt(int row) const;
  QString columnTitle(int column) const;
  void addRow(const monitor::FeatureConstraint& constraint, const monitor::FeatureBaseline* feature);

  std::vector<monitor::FeatureConstraint> original_;
  QStringList originalCategories_;  // as first shown, so an untouched list keeps commas in levels
  QTableWidget* table_;
  QLabel* error_;
};

}  // namespace lathe::widgets
