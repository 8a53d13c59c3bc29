#pragma once
#include <QFrame>
#include <QStringList>
#include <vector>

#include "engine/monitor/MonitorAlert.h"

class QLabel;
class QPushButton;

namespace lathe::widgets {

// A strip above the drift table while the shown run has alerts: one line per alert in words,
// and Retrain… beside them, the usual answer to drift. Tinted from the palette's window colour
// towards amber, so it stands out in a light or a dark theme without a fixed background.
class MonitorAlertBanner : public QFrame {
  Q_OBJECT
 public:
  explicit MonitorAlertBanner(QWidget* parent = nullptr);

  // Hides the banner when there is nothing to say.
  void setAlerts(const std::vector<monitor::MonitorAlert>& alerts);
  QStringList lines() const { return lines_; }
  QPushButton* retrainButton() const { return retrain_; }
  void setRetrainEnabled(bool enabled, const QString& why);

 signals:
  void retrainRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void restyle();
  void retranslate();

  std::vector<monitor::MonitorAlert> alerts_;
  QStringList lines_;
  QLabel* icon_;
  QLabel* text_;
  QPushButton* retrain_;
  bool restyling_ = false;
};

}  // namespace lathe::widgets
