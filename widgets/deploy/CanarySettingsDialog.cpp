#include "widgets/deploy/CanarySettingsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lathe::widgets {
namespace {

QWidget* limitRow(QCheckBox* use, QWidget* value, QWidget* parent) {
  auto* row = new QWidget(parent);
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(use);
  layout->addWidget(value, 1);
  QObject::connect(use, &QCheckBox::toggled, value, &QWidget::setEnabled);
  value->setEnabled(use->isChecked());
  return row;
}

}  // namespace

CanarySettingsDialog::CanarySettingsDialog(const deploy::CanarySettings& settings, QWidget* parent)
    : QDialog(parent), original_(settings) {
  setWindowTitle(tr("Canary Settings"));
  step_ = new QDoubleSpinBox(this);
  step_->setRange(1.0, 100.0);
  step_->setSuffix(QStringLiteral(" %"));
  step_->setValue(settings.step * 100.0);
  interval_ = new QSpinBox(this);
  interval_->setRange(0, 7 * 24 * 3600);
  interval_->setSuffix(tr(" s"));
  interval_->setSpecialValueText(tr("by hand only"));
  interval_->setValue(static_cast<int>(settings.intervalSeconds));
  maxShare_ = new QDoubleSpinBox(this);
  maxShare_->setRange(1.0, 100.0);
  maxShare_->setSuffix(QStringLiteral(" %"));
  maxShare_->setValue(settings.maxShare * 100.0);
  useErrorRate_ = new QCheckBox(this);
  useErrorRate_->setChecked(settings.maxErrorRate.has_value());
  errorRate_ = new QDoubleSpinBox(this);
  errorRate_->setRange(0.0, 100.0);
  errorRate_->setSuffix(QStringLiteral(" %"));
  errorRate_->setValue(settings.maxErrorRate.value_or(0.05) * 100.0);
  useLatency_ = new QCheckBox(this);
  useLatency_->setChecked(settings.maxP99LatencyMs.has_value());
  latency_ = new QDoubleSpinBox(this);
  latency_->setRange(0.1, 60000.0);
  latency_->setSuffix(tr(" ms"));
  latency_->setValue(settings.maxP99LatencyMs.value_or(250.0));
  minRequests_ = new QSpinBox(this);
  minRequests_->setRange(1, 1000000);
  minRequests_->setValue(static_cast<int>(settings.minRequests));

  auto* form = new QFormLayout;
  form->addRow(tr("Step:"), step_);
  form->addRow(tr("Step every:"), interval_);
  form->addRow(tr("Up to a share of:"), maxShare_);
  form->addRow(tr("Roll back above error rate:"), limitRow(useErrorRate_, errorRate_, this));
  form->addRow(tr("Roll back above p99 latency:"), limitRow(useLatency_, latency_, this));
  form->addRow(tr("Judge after requests:"), minRequests_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);
}

deploy::CanarySettings CanarySettingsDialog::settings() const {
  deploy::CanarySettings s = original_;
  s.step = step_->value() / 100.0;
  s.intervalSeconds = interval_->value();
  s.maxShare = maxShare_->value() / 100.0;
  s.maxErrorRate = useErrorRate_->isChecked() ? std::optional(errorRate_->value() / 100.0) : std::nullopt;
  s.maxP99LatencyMs = useLatency_->isChecked() ? std::optional(latency_->value()) : std::nullopt;
  s.minRequests = static_cast<std::uint64_t>(minRequests_->value());
  return s;
}

}  // namespace lathe::widgets
