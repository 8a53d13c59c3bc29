#pragma once
#include <QObject>
#include <QPointer>
#include <memory>

#include "app/jobs/JobManager.h"

class QTimer;
class QWidget;

namespace lathe::serve {
class ServingSession;
}
namespace lathe::widgets {
class DeployPanel;
}

namespace lathe::app {

class ProjectDocument;

// Drives the Deploy dock: lists the project's endpoints, creates one from registered versions,
// starts and stops its server in this process (engine/serve's ServingSession: its own threads,
// so the window never waits on a request), shows its token and live traffic once a second,
// carries out the canary's Step Up, Roll Back and Promote, its settings, and the A/B comparison
// (a job). Closing or switching the project stops the server first.
class DeployController : public QObject {
  Q_OBJECT
 public:
  DeployController(ProjectDocument* document, JobManager* jobs, widgets::DeployPanel* panel, QWidget* dialogParent,
                   QObject* parent = nullptr);
  ~DeployController() override;

  void refresh();
  void showEndpoint(const QString& name);
  bool start(int port);
  void stop();
  bool isServing() const;
  int servingPort() const;
  void newEndpoint();
  void stepCanary();
  void rollBackCanary();
  void promoteCanary();
  void editCanarySettings();
  // Compare Variants with these choices (the dialog's, or a test's).
  void compareVariants(const QString& labelsPath, const QString& keyColumn, const QString& labelColumn,
                       const QString& metric);

 private:
  // An endpoint event's kind in the user's words.
  static QString eventName(const std::string& kind);
  void showTraffic();
  void canaryAction(const QString& what, const std::function<double(const std::string&)>& action);

  ProjectDocument* document_;
  JobManager* jobs_;
  widgets::DeployPanel* panel_;
  QPointer<QWidget> dialogParent_;
  QTimer* tick_;
  QString shown_;
  std::unique_ptr<serve::ServingSession> session_;
  JobManager::JobId abJob_ = 0;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace lathe::app
