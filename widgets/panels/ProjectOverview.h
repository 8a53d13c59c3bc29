#pragma once
#include <QString>
#include <QtGlobal>
#include <vector>

#include "engine/store/DatasetVersionInfo.h"
#include "engine/store/ProjectInfo.h"

namespace lathe::widgets {

// Everything the Project panel shows, gathered by the caller from the open project.
struct ProjectOverview {
  store::ProjectInfo info;
  bool readOnly = false;
  QString readOnlyReason;  // already translated; shown in the read-only banner
  QString filePath;
  std::vector<store::DatasetInfo> datasets;
  qint64 runCount = 0;
  qint64 modelCount = 0;
};

}  // namespace lathe::widgets
