#include "widgets/panels/OptionalNumberText.h"

#include <QLocale>
#include <QRegularExpressionValidator>
#include <cmath>

namespace lathe::widgets {

QValidator* OptionalNumberText::validator(QObject* parent) {
  static const QRegularExpression pattern(
      QStringLiteral("\\s*|\\s*[-+]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][-+]?\\d+)?\\s*"));
  return new QRegularExpressionValidator(pattern, parent);
}

std::optional<double> OptionalNumberText::parse(QString text) {
  text = text.trimmed().replace(QLatin1Char(','), QLatin1Char('.'));
  bool ok = false;
  const double value = text.toDouble(&ok);
  if (!ok || !std::isfinite(value)) return std::nullopt;
  return value;
}

QString OptionalNumberText::format(std::optional<double> value) {
  return value ? QLocale::c().toString(*value, 'g', QLocale::FloatingPointShortest) : QString();
}

}  // namespace lathe::widgets
