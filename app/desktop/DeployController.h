#pragma once
#include <QObject>
#include <QPointer>
#include <memory>

#include "app/jobs/JobManager.h"
#include "engine/deploy/RequestLogSummary.h"
#include "widgets/deploy/EndpointSettingsDialog.h"

class QTimer;
class QWidget;

namespace lathe::serve {
class ServingSession;
}
namespace lathe::widgets {
class DeployPanel;
}  // namespace lathe::widgets

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
  // Starts serving the endpoint shown, as a job (its versions load off the GUI thread); false
  // when there is nothing to start or a server is running or starting. isServing() once up.
  bool start(int port);
  // Stops the server, or cancels its start.
  void stop();
  bool isServing() const;
  bool isStarting() const;
  int servingPort() const;
  void newEndpoint();
  void stepCanary();
  void rollBackCanary();
  void promoteCanary();
  void editCanarySettings();
  // The endpoint's sampling, key column and log retention (the dialog, then the change).
  void editEndpointSettings();
  bool changeEndpointSettings(const widgets::EndpointSettingsDialog::Values& values);
  // Compare Variants with these choices (the dialog's, or a test's).
  void compareVariants(const QString& labelsPath, const QString& keyColumn, const QString& labelColumn,
                       const QString& metric);

 private:
  // An endpoint event's kind in the user's words.
  static QString eventName(const std::string& kind);
  void showTraffic();
  // Reads the endpoint's request log summary on a worker thread, then shows it.
  void summarizeLog(std::int64_t endpointId);
  void forgetLoggedTraffic();
  void canaryAction(const QString& what, const std::function<double(const std::string&)>& action);

  ProjectDocument* document_;
  JobManager* jobs_;
  widgets::DeployPanel* panel_;
  QPointer<QWidget> dialogParent_;
  QTimer* tick_;
  QString shown_;
  std::unique_ptr<serve::ServingSession> session_;
  JobManager::JobId abJob_ = 0;
  JobManager::JobId startJob_ = 0;
  struct LoggedTraffic {
    std::int64_t endpointId = 0;  // 0: none read yet
    std::vector<deploy::RequestLogSummary> variants;
  };
  LoggedTraffic logged_;
  bool summarizing_ = false;
  int logGeneration_ = 0;  // moves when the log or the project changes: a reading in flight is stale
  int startGeneration_ = 0;  // moves on each start and stop: a start's late result is dropped
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace lathe::app
