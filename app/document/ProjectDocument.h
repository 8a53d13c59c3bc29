#pragma once
#include <QObject>
#include <QString>

class QUndoStack;

namespace lathe::app {

// The project open in the window: its file, its name, and the undo stack every user action goes
// through. The project store behind it (one SQLite file) comes with the project-file work; until
// then a document is the untitled project a new window starts with.
class ProjectDocument : public QObject {
  Q_OBJECT
 public:
  explicit ProjectDocument(QObject* parent = nullptr);

  QUndoStack* undoStack() const { return undoStack_; }
  QString filePath() const { return filePath_; }
  bool isUntitled() const { return filePath_.isEmpty(); }
  // The name the window title shows: the file's base name, or "Untitled".
  QString displayName() const;

  // Starts a fresh untitled project; the undo history goes with the old one.
  void reset();

 signals:
  void changed();

 private:
  QUndoStack* undoStack_;
  QString filePath_;
};

}  // namespace lathe::app
