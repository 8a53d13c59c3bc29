#include "widgets/charts/ValueFormat.h"

#include <QDateTime>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace lathe::widgets {

namespace {

constexpr qint64 kMillisPerDay = 86'400'000;

}  // namespace

QString ValueFormat::value(double value, data::ColumnType type, int digits, const QLocale& locale) {
  if (type == data::ColumnType::Datetime && std::isfinite(value)) {
    const qint64 millis = std::llround(std::clamp(value, -1e21, 1e21) / 1000.0);
    const qint64 inDay = ((millis % kMillisPerDay) + kMillisPerDay) % kMillisPerDay;
    const QString format = inDay == 0          ? QStringLiteral("yyyy-MM-dd")
                           : millis % 1000 == 0 ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                : QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz");
    const QString text = dateTime(value, format);
    if (!text.isEmpty()) return text;
  }
  return number(value, digits, locale);
}

QString ValueFormat::number(double value, int digits, const QLocale& locale) {
  if (std::isnan(value)) return QStringLiteral("–");
  if (std::isinf(value)) return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
  if (value == 0) return locale.toString(0);
  const double magnitude = std::abs(value);
  if (magnitude >= 1e15 || magnitude < 1e-4) return locale.toString(value, 'g', digits);
  if (value == std::trunc(value)) return locale.toString(static_cast<qlonglong>(value));
  const int integerDigits = static_cast<int>(std::floor(std::log10(magnitude))) + 1;
  const int decimals = std::clamp(digits - integerDigits, 0, 15);
  QString text = locale.toString(value, 'f', decimals);
  if (decimals > 0) {  // "0.500000" -> "0.5": the digits shown are the digits that matter
    while (text.endsWith(locale.zeroDigit())) text.chop(locale.zeroDigit().size());
    if (text.endsWith(locale.decimalPoint())) text.chop(locale.decimalPoint().size());
  }
  return text;
}

QString ValueFormat::dateTime(double micros, const QString& format) {
  if (!std::isfinite(micros) || std::abs(micros) > 1e21) return {};
  const QDateTime at = QDateTime::fromMSecsSinceEpoch(std::llround(micros / 1000.0), QTimeZone::utc());
  return at.isValid() ? at.toString(format) : QString();
}

QString ValueFormat::dateFormatFor(double stepMicros) {
  if (stepMicros >= 2.0 * 86400 * kMicrosPerSecond) return QStringLiteral("yyyy-MM-dd");
  if (stepMicros >= 120 * kMicrosPerSecond) return QStringLiteral("yyyy-MM-dd HH:mm");
  if (stepMicros >= 2 * kMicrosPerSecond) return QStringLiteral("yyyy-MM-dd HH:mm:ss");
  return QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz");
}

QString ValueFormat::oneLine(QString text) {
  for (QChar& c : text)
    if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator) c = u' ';
  return text;
}

}  // namespace lathe::widgets
