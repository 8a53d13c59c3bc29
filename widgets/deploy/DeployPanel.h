#pragma once
#include <QList>
#include <QStringList>
#include <QWidget>

#include "widgets/deploy/VariantTraffic.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace lathe::widgets {

class AbResultView;

// The Deploy dock: the project's endpoints; for the chosen one its server (port, Start/Stop,
// the address and the token clients send), its variants with their weights and live traffic,
// the canary's controls, the A/B result, and every change recorded. Fed plain values; every
// action is a signal the controller carries out.
class DeployPanel : public QWidget {
  Q_OBJECT
 public:
  explicit DeployPanel(QWidget* parent = nullptr);

  void setEndpoints(const QStringList& names, const QString& current);
  QString endpoint() const;
  void setToken(const QString& token);
  void setServing(bool serving, const QString& address);
  bool isServing() const { return serving_; }
  int port() const;
  void setPort(int port);
  void setVariants(const QList<VariantTraffic>& variants);
  void setEvents(const QStringList& lines);
  void setStatus(const QString& text);
  QString status() const;
  AbResultView* abResult() const { return abResult_; }

  QPushButton* startButton() const { return start_; }
  QPushButton* stepButton() const { return step_; }
  QPushButton* rollbackButton() const { return rollback_; }
  QPushButton* promoteButton() const { return promote_; }
  QTableWidget* variantTable() const { return variants_; }

 signals:
  void endpointChosen(const QString& name);
  void newEndpointRequested();
  void endpointSettingsRequested();
  void startRequested(int port);
  void stopRequested();
  void regenerateTokenRequested();
  void canaryStepRequested();
  void canaryRollbackRequested();
  void canaryPromoteRequested();
  void canarySettingsRequested();
  void abTestRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void updateButtons();

  QComboBox* endpoints_;
  QPushButton* newEndpoint_;
  QPushButton* endpointSettings_;
  QSpinBox* port_;
  QPushButton* start_;
  QLabel* address_;
  QLineEdit* token_;
  QPushButton* copyToken_;
  QPushButton* regenerate_;
  QTableWidget* variants_;
  QPushButton* step_;
  QPushButton* rollback_;
  QPushButton* promote_;
  QPushButton* canarySettings_;
  QPushButton* abTest_;
  AbResultView* abResult_;
  QListWidget* events_;
  QLabel* status_;
  QLabel* serverTitle_;
  QLabel* variantsTitle_;
  QLabel* eventsTitle_;
  QLabel* empty_;
  QWidget* body_;
  bool serving_ = false;
  bool hasCanary_ = false;
  QList<VariantTraffic> shown_;
};

}  // namespace lathe::widgets
