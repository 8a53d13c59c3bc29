#include "widgets/monitor/MonitorFormat.h"

#include <QLabel>

#include "widgets/charts/ChartStyle.h"

#include <QLocale>
#include <QTimeZone>

#include "widgets/charts/ValueFormat.h"

namespace lathe::widgets {

QDateTime MonitorFormat::time(const std::string& iso) {
  const QString text = QString::fromStdString(iso);
  QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
  if (!at.isValid()) at = QDateTime::fromString(text, Qt::ISODate);
  // A time without a zone is the engine's UTC all the same.
  if (at.isValid() && at.timeSpec() == Qt::LocalTime) at.setTimeZone(QTimeZone::utc());
  return at;
}

QString MonitorFormat::timeText(const std::string& iso) {
  const QDateTime at = time(iso);
  if (!at.isValid()) return QString::fromStdString(iso);
  return at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString MonitorFormat::number(const std::optional<double>& value, int digits) {
  return value ? ValueFormat::number(*value, digits, QLocale()) : QStringLiteral("—");
}

QString MonitorFormat::pValue(const std::optional<double>& value) {
  if (!value) return QStringLiteral("—");
  const QLocale locale;
  if (*value < 0.001) return QStringLiteral("< ") + locale.toString(0.001, 'f', 3);
  return locale.toString(*value, 'f', 3);
}

QString MonitorFormat::percent(double share, int decimals) {
  const QLocale locale;
  return locale.toString(share * 100.0, 'f', decimals) + locale.percent();
}

QString MonitorFormat::count(std::uint64_t value) { return QLocale().toString(static_cast<qulonglong>(value)); }

QString MonitorFormat::testName(const std::string& test) {
  if (test == "ks") return tr("KS", "Kolmogorov-Smirnov test");
  if (test == "chi_square") return tr("Chi-square");
  if (test.empty() || test == "none") return QStringLiteral("—");
  return QString::fromStdString(test);
}

QString MonitorFormat::violationKind(monitor::Violation::Kind kind) {
  using Kind = monitor::Violation::Kind;
  switch (kind) {
    case Kind::MissingColumn: return tr("Missing column");
    case Kind::TypeMismatch: return tr("Wrong type");
    case Kind::MissingShare: return tr("Too many missing");
    case Kind::OutOfRange: return tr("Out of range");
    case Kind::UnseenCategory: return tr("Unseen category");
    case Kind::Drift: return tr("Drift");
  }
  return {};
}

QString MonitorFormat::alert(const monitor::MonitorAlert& alert) {
  using Kind = monitor::MonitorAlert::Kind;
  const QString subject = QString::fromStdString(alert.subject);
  const bool both = alert.value && alert.threshold;
  const QString value = number(alert.value), threshold = number(alert.threshold);
  switch (alert.kind) {
    case Kind::FeatureDrift:
      if (both) return tr("Feature %1 drifted (PSI %2, threshold %3)").arg(subject, value, threshold);
      if (alert.value) return tr("Feature %1 drifted (PSI %2)").arg(subject, value);
      return tr("Feature %1 drifted").arg(subject);
    case Kind::Violations:
      if (!subject.isEmpty()) return tr("Feature %1 broke its constraints").arg(subject);
      if (alert.value) return tr("Constraints broken in the batch: %1").arg(value);
      return tr("The batch broke its constraints");
    case Kind::PredictionDrift:
      if (both) return tr("The model's predictions drifted (PSI %1, threshold %2)").arg(value, threshold);
      if (alert.value) return tr("The model's predictions drifted (PSI %1)").arg(value);
      return tr("The model's predictions drifted");
    case Kind::Quality:
      if (both) return tr("Model quality: %1 is %2, missing the target %3").arg(subject, value, threshold);
      return tr("Model quality: %1 missed its target").arg(subject);
    case Kind::Bias:
      if (both) return tr("Bias on %1: the gap between groups is %2 (threshold %3)").arg(subject, value, threshold);
      return tr("Bias on %1 grew past its threshold").arg(subject);
    case Kind::Attribution:
      if (both) return tr("Feature importances changed order (NDCG %1, threshold %2)").arg(value, threshold);
      return tr("Feature importances changed order");
  }
  return {};
}

void MonitorFormat::styleAsError(QLabel* label) {
  label->setWordWrap(true);
  QPalette colours = label->palette();
  colours.setColor(QPalette::WindowText, ChartStyle::seriesColor(3));
  label->setPalette(colours);
  label->hide();
}

}  // namespace lathe::widgets
