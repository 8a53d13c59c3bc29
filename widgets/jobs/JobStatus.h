#pragma once
#include <QDateTime>
#include <QString>
#include <QtGlobal>

namespace lathe::widgets {

// A running job as the status bar shows it.
struct JobStatus {
  quint64 id = 0;
  QString title;
  double fraction = 0.0;  // 0..1
  QString message;
};

// A finished job as the job log shows it.
struct JobLogEntry {
  enum class Outcome { Started, Finished, Cancelled, Failed };
  quint64 id = 0;
  QString title;
  Outcome outcome = Outcome::Started;
  QDateTime when;
  double seconds = 0.0;  // how long it ran; 0 for Started
  QString detail;        // the error for Failed
};

}  // namespace lathe::widgets
