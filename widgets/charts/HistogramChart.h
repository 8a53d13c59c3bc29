#pragma once
#include <QLocale>
#include <QString>
#include <optional>
#include <vector>

#include "engine/data/ColumnProfile.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// The distribution of one column, drawn from its ColumnProfile: the histogram's bins for numbers
// and dates (a date axis for dates), the most frequent values and an "Other" bar for categories,
// bools and text (horizontal bars, so long labels read). A corner note counts the missing values;
// hovering a bar tells its range or value and its count. It computes nothing itself.
class HistogramChart : public ChartView {
  Q_OBJECT
 public:
  explicit HistogramChart(QWidget* parent = nullptr);

  void setProfile(const data::ColumnProfile& profile);
  // No column: no bars and a sentence saying what to do.
  void clear();

  // What is drawn, in order (bins left to right, categories top to bottom, "Other" last).
  int barCount() const { return static_cast<int>(bars_.size()); }
  // The bin's range or the category's full (unelided) value; empty for an index out of range.
  QString barLabel(int index) const;
  // The bar's count; NaN for an index out of range.
  double barValue(int index) const;
  // The tooltip for the bar under `pos` (widget coordinates), empty over no bar.
  QString toolTipAt(const QPointF& pos) const override;
  // The corner note ("12 missing"), empty when there is none.
  QString noteText() const;

  // A value of a column of `type` as users read it: dates as dates (microseconds since the
  // epoch, UTC), numbers with the locale's separators and about `digits` significant digits,
  // NaN as a dash (ValueFormat::value). The profile panel writes its statistics the same way.
  static QString formatValue(double value, data::ColumnType type, int digits = 6, const QLocale& locale = QLocale());

 protected:
  void redraw() override;
  void changeEvent(QEvent* event) override;

 private:
  struct Bar {
    QString label;    // full text, for barLabel() and the tooltip
    double value = 0;
    double key = 0;   // centre on the key axis, in plot coordinates
    double width = 0; // on the key axis
    bool other = false;
  };

  void drawBins(const data::ColumnProfile& profile);
  void drawCategories(const data::ColumnProfile& profile);
  void addBars(QCPAxis* keyAxis, QCPAxis* valueAxis, bool otherBars, const QColor& colour);
  void finishValueAxis(QCPAxis* valueAxis);
  void setNote(const data::ColumnProfile& profile);
  void restyle();

  std::optional<data::ColumnProfile> profile_;
  std::vector<Bar> bars_;
  std::vector<QCPItemText*> valueLabels_;  // counts beside category bars
  bool horizontal_ = false;
  QCPItemText* note_;
};

}  // namespace lathe::widgets
