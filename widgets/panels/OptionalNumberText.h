#pragma once
#include <QString>
#include <optional>

class QObject;
class QValidator;

namespace lathe::widgets {

// The text of a number field that may be left empty ("not set"): the KPI target and the cells
// of the cost matrix. Either '.' or ',' is the decimal mark and there are no group separators,
// so "0,85" from a German keyboard and "0.85" read the same.
class OptionalNumberText {
 public:
  // Accepts a number, an unfinished one while typing, or nothing.
  static QValidator* validator(QObject* parent);
  // nullopt for an empty field and for text that is not a finite number (the caller tells them
  // apart by the text being empty).
  static std::optional<double> parse(QString text);
  static QString format(std::optional<double> value);
};

}  // namespace lathe::widgets
