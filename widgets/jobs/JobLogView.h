#pragma once
#include <QTreeWidget>

#include "widgets/jobs/JobStatus.h"

namespace lathe::widgets {

// The job log: one row per job event, newest at the bottom, failures in the error colour
// with their message as a tooltip.
class JobLogView : public QTreeWidget {
  Q_OBJECT
 public:
  explicit JobLogView(QWidget* parent = nullptr);
  void append(const JobLogEntry& entry);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  static QString outcomeText(JobLogEntry::Outcome outcome);
};

}  // namespace lathe::widgets
