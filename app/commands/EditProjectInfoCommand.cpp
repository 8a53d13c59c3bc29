#include "app/commands/EditProjectInfoCommand.h"

#include <QCoreApplication>

#include "app/document/ProjectDocument.h"

namespace lathe::app {
namespace {

QString describe(const store::ProjectInfo& before, const store::ProjectInfo& after) {
  const char* text = QT_TRANSLATE_NOOP("EditProjectInfoCommand", "Edit project description");
  if (before.name != after.name) text = QT_TRANSLATE_NOOP("EditProjectInfoCommand", "Rename project");
  else if (before.goal != after.goal) text = QT_TRANSLATE_NOOP("EditProjectInfoCommand", "Edit business goal");
  else if (before.kpi != after.kpi) text = QT_TRANSLATE_NOOP("EditProjectInfoCommand", "Edit KPI");
  else if (before.costs != after.costs) text = QT_TRANSLATE_NOOP("EditProjectInfoCommand", "Edit decision costs");
  return QCoreApplication::translate("EditProjectInfoCommand", text);
}

}  // namespace

EditProjectInfoCommand::EditProjectInfoCommand(ProjectDocument* document, store::ProjectInfo before,
                                               store::ProjectInfo after)
    : ProjectCommand(document, describe(before, after)), before_(std::move(before)), after_(std::move(after)) {}

void EditProjectInfoCommand::undo() {
  attempt([this] { document()->setInfo(before_); });
}

void EditProjectInfoCommand::redo() {
  attempt([this] { document()->setInfo(after_); });
}

}  // namespace lathe::app
