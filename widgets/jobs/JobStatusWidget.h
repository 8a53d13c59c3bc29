#pragma once
#include <QVector>
#include <QWidget>

#include "widgets/jobs/JobStatus.h"

class QLabel;
class QProgressBar;
class QToolButton;

namespace lathe::widgets {

// The status-bar corner that shows running jobs: the first job's title, message and progress,
// how many more are running, and a Cancel button. Says "Ready" when nothing runs.
class JobStatusWidget : public QWidget {
  Q_OBJECT
 public:
  explicit JobStatusWidget(QWidget* parent = nullptr);

  void setJobs(const QVector<JobStatus>& jobs);
  QString summaryText() const;
  int progressPercent() const;  // -1 when nothing runs

 signals:
  // The user pressed Cancel: every job shown is to be stopped.
  void cancelRequested(const QVector<quint64>& ids);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void refresh();

  QVector<JobStatus> jobs_;
  QLabel* label_;
  QProgressBar* bar_;
  QToolButton* cancel_;
};

}  // namespace lathe::widgets
