#include "app/commands/EditProjectInfoCommand.h"

#include <QCoreApplication>

#include "app/document/ProjectDocument.h"

namespace lathe::app {
namespace {

QString describe(const store::ProjectInfo& before, const store::ProjectInfo& after) {
  const auto tr = [](const char* text) { return QCoreApplication::translate("EditProjectInfoCommand", text); };
  if (before.name != after.name) return tr("Rename project");
  if (before.goal != after.goal) return tr("Edit business goal");
  if (before.kpi != after.kpi) return tr("Edit KPI");
  if (before.costs != after.costs) return tr("Edit decision costs");
  return tr("Edit project description");
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
