#include "app/document/ProjectDocument.h"

#include <QFileInfo>
#include <QUndoStack>

namespace lathe::app {

ProjectDocument::ProjectDocument(QObject* parent) : QObject(parent), undoStack_(new QUndoStack(this)) {
  connect(undoStack_, &QUndoStack::indexChanged, this, &ProjectDocument::changed);
}

QString ProjectDocument::displayName() const {
  return isUntitled() ? tr("Untitled") : QFileInfo(filePath_).completeBaseName();
}

void ProjectDocument::reset() {
  undoStack_->clear();
  filePath_.clear();
  emit changed();
}

}  // namespace lathe::app
