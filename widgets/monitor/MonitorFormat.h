#pragma once
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <optional>
#include <string>

#include "engine/monitor/MonitorAlert.h"
#include "engine/monitor/Violation.h"

class QLabel;

namespace lathe::widgets {

// How the Monitor view words and writes what the engine reports, in one place so the table, the
// charts, the banner and the dialogs agree: run times in the user's time zone, figures with the
// locale's separators, the engine's kind names as words.
class MonitorFormat {
  Q_DECLARE_TR_FUNCTIONS(MonitorFormat)

 public:
  // The engine writes ISO 8601 UTC; invalid when the text is not a time.
  static QDateTime time(const std::string& iso);
  // "2026-11-29 10:00" in local time, or the engine's text as is when it is not a time.
  static QString timeText(const std::string& iso);
  // About `digits` significant digits (ValueFormat::number); an em dash when there is no figure.
  static QString number(const std::optional<double>& value, int digits = 3);
  // A p-value: "< 0.001" below a thousandth, three decimals otherwise.
  static QString pValue(const std::optional<double>& value);
  // A share of 1 as a percentage: 0.125 -> "12.5%".
  static QString percent(double share, int decimals = 1);
  static QString count(std::uint64_t value);
  // "ks" -> "KS", "chi_square" -> "Chi-square", "none" -> a dash.
  static QString testName(const std::string& test);
  static QString violationKind(monitor::Violation::Kind kind);
  // One line per alert, e.g. "Feature age drifted (PSI 0.31, threshold 0.2)".
  static QString alert(const monitor::MonitorAlert& alert);
  // A dialog's line that names what is wrong: wrapped, in the charts' warning colour, hidden
  // until there is something to say.
  static void styleAsError(QLabel* label);
};

}  // namespace lathe::widgets
