#pragma once
#include <QLocale>
#include <QString>

#include "engine/data/ColumnType.h"

namespace lathe::widgets {

// How a column's values read in the charts and the column profile: dates as dates (microseconds
// since the epoch, UTC), numbers with the locale's separators and no more digits than matter.
class ValueFormat {
 public:
  static constexpr double kMicrosPerSecond = 1e6;

  // A value of a column of `type`: dates as dates, numbers as number() writes them.
  static QString value(double value, data::ColumnType type, int digits, const QLocale& locale);
  // About `digits` significant digits, trailing zeros dropped; NaN as a dash, infinities as ∞.
  static QString number(double value, int digits, const QLocale& locale);
  // A date in `format` (QDateTime's), empty when it cannot be one.
  static QString dateTime(double micros, const QString& format);
  // The coarsest date format that still tells values `stepMicros` apart.
  static QString dateFormatFor(double stepMicros);
  // Control characters and line breaks as spaces: a label or a tooltip stays one line.
  static QString oneLine(QString text);
};

}  // namespace lathe::widgets
