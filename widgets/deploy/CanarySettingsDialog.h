#pragma once
#include <QDialog>

#include "engine/deploy/CanarySettings.h"

class QCheckBox;
class QDoubleSpinBox;
class QSpinBox;

namespace lathe::widgets {

// How a canary release proceeds: the step, how often it steps on its own (never: by hand), up
// to which share, and the limits that roll it back at once.
class CanarySettingsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit CanarySettingsDialog(const deploy::CanarySettings& settings, QWidget* parent = nullptr);
  deploy::CanarySettings settings() const;

 private:
  deploy::CanarySettings original_;
  QDoubleSpinBox* step_;
  QSpinBox* interval_;
  QDoubleSpinBox* maxShare_;
  QCheckBox* useErrorRate_;
  QDoubleSpinBox* errorRate_;
  QCheckBox* useLatency_;
  QDoubleSpinBox* latency_;
  QSpinBox* minRequests_;
};

}  // namespace lathe::widgets
