#pragma once
#include <QCoreApplication>
#include <QString>

#include "engine/store/Project.h"
#include "engine/store/ProjectFileError.h"

namespace lathe::app {

// The window's words for what can go wrong with a project file, and for why one is read-only.
// Each problem gets its own sentence naming the file and what the user can do about it.
class ProjectMessages {
  Q_DECLARE_TR_FUNCTIONS(ProjectMessages)

 public:
  static QString problem(store::ProjectProblem problem, const QString& path, const QString& detail);
  static QString readOnlyReason(store::ReadOnlyReason reason);
};

}  // namespace lathe::app
