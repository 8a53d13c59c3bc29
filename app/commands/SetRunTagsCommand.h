#pragma once
#include <QStringList>

#include "app/commands/ProjectCommand.h"

namespace lathe::app {

class SetRunTagsCommand : public ProjectCommand {
 public:
  SetRunTagsCommand(ProjectDocument* document, qint64 runId, const QString& runName, QStringList before,
                    QStringList after);
  void undo() override;
  void redo() override;

 private:
  qint64 id_;
  QStringList before_;
  QStringList after_;
};

}  // namespace lathe::app
