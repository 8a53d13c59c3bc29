#include "widgets/panels/KpiEditor.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

#include "widgets/panels/OptionalNumberText.h"

namespace lathe::widgets {
KpiEditor::KpiEditor(QWidget* parent)
    : QWidget(parent),
      metric_(new QComboBox(this)),
      direction_(new QComboBox(this)),
      target_(new QLineEdit(this)),
      metricLabel_(new QLabel(this)),
      directionLabel_(new QLabel(this)),
      targetLabel_(new QLabel(this)) {
  metric_->setObjectName(QStringLiteral("kpiMetric"));
  metric_->setEditable(true);
  metric_->setInsertPolicy(QComboBox::NoInsert);
  metric_->addItems(metricNames());
  metric_->setCurrentIndex(-1);
  direction_->setObjectName(QStringLiteral("kpiDirection"));
  direction_->addItems({QString(), QString()});  // texts set by retranslate()
  target_->setObjectName(QStringLiteral("kpiTarget"));
  target_->setValidator(OptionalNumberText::validator(target_));
  target_->setClearButtonEnabled(true);

  auto* form = new QFormLayout(this);
  form->setContentsMargins(0, 0, 0, 0);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form->addRow(metricLabel_, metric_);
  form->addRow(directionLabel_, direction_);
  form->addRow(targetLabel_, target_);
  metricLabel_->setBuddy(metric_);
  directionLabel_->setBuddy(direction_);
  targetLabel_->setBuddy(target_);

  connect(metric_, &QComboBox::currentTextChanged, this, &KpiEditor::followMetric);
  connect(metric_, &QComboBox::activated, this, &KpiEditor::commit);
  connect(metric_->lineEdit(), &QLineEdit::editingFinished, this, &KpiEditor::commit);
  connect(direction_, &QComboBox::activated, this, &KpiEditor::commit);
  connect(target_, &QLineEdit::editingFinished, this, &KpiEditor::commit);
  retranslate();
}

QStringList KpiEditor::metricNames() {
  return {QStringLiteral("roc_auc"), QStringLiteral("pr_auc"),   QStringLiteral("accuracy"),
          QStringLiteral("balanced_accuracy"), QStringLiteral("f1"), QStringLiteral("f1_macro"),
          QStringLiteral("precision"), QStringLiteral("recall"), QStringLiteral("log_loss"),
          QStringLiteral("mse"),     QStringLiteral("rmse"),     QStringLiteral("mae"),
          QStringLiteral("r2")};
}

bool KpiEditor::isLowerBetterMetric(const QString& metric) {
  const QString m = metric.trimmed().toLower();
  return m == QLatin1String("log_loss") || m == QLatin1String("mse") || m == QLatin1String("rmse") ||
         m == QLatin1String("mae");
}

store::Kpi KpiEditor::kpi() const {
  store::Kpi kpi;
  QString metric = metric_->currentText().trimmed();
  if (metricNames().contains(metric.toLower())) metric = metric.toLower();  // "RMSE" is rmse
  kpi.metric = metric.toStdString();
  kpi.higherIsBetter = direction_->currentIndex() != 1;
  if (!target_->text().trimmed().isEmpty()) {
    const auto value = OptionalNumberText::parse(target_->text());
    kpi.target = value ? value : committed_.target;
  }
  return kpi;
}

void KpiEditor::setKpi(const store::Kpi& kpi) {
  applying_ = true;
  const QSignalBlocker blockMetric(metric_);
  const QSignalBlocker blockTarget(target_);
  const QString metric = QString::fromStdString(kpi.metric);
  const int index = metric_->findText(metric);
  metric_->setCurrentIndex(index);
  if (index < 0) metric_->setEditText(metric);
  direction_->setCurrentIndex(kpi.higherIsBetter ? 0 : 1);
  target_->setText(OptionalNumberText::format(kpi.target));
  committed_ = kpi;
  applying_ = false;
}

void KpiEditor::followMetric(const QString& metric) {
  if (applying_) return;
  // Only a known metric implies a direction; the user's own name leaves it as it is.
  if (!metricNames().contains(metric.trimmed().toLower())) return;
  direction_->setCurrentIndex(isLowerBetterMetric(metric) ? 1 : 0);
}

void KpiEditor::commit() {
  // A target that does not parse (e.g. "1e999") goes back to the last one rather than becoming
  // "no target" silently.
  if (!target_->text().trimmed().isEmpty() && !OptionalNumberText::parse(target_->text())) {
    const QSignalBlocker block(target_);
    target_->setText(OptionalNumberText::format(committed_.target));
  }
  const store::Kpi now = kpi();
  if (now == committed_) return;
  committed_ = now;
  emit edited();
}

void KpiEditor::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void KpiEditor::retranslate() {
  metricLabel_->setText(tr("Metric:"));
  directionLabel_->setText(tr("Direction:"));
  targetLabel_->setText(tr("Target:"));
  direction_->setItemText(0, tr("Higher is better"));
  direction_->setItemText(1, tr("Lower is better"));
  metric_->lineEdit()->setPlaceholderText(tr("Choose a metric"));
  metric_->setToolTip(tr("The metric every run is judged by, as scikit-learn names it"));
  target_->setPlaceholderText(tr("No target"));
  target_->setToolTip(tr("The value that counts as success, e.g. 0.85; leave empty for none"));
}

}  // namespace lathe::widgets
