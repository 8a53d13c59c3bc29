#include "app/desktop/ProjectMessages.h"

#include <QDir>

namespace lathe::app {

QString ProjectMessages::problem(store::ProjectProblem problem, const QString& path, const QString& detail) {
  const QString file = QDir::toNativeSeparators(path);
  using P = store::ProjectProblem;
  switch (problem) {
    case P::Missing: return tr("“%1” does not exist or cannot be read.").arg(file);
    case P::NotAFile: return tr("“%1” is a folder or a device, not a project file.").arg(file);
    case P::Empty: return tr("“%1” is empty (0 bytes). It is not a Lathe project.").arg(file);
    case P::NotADatabase: return tr("“%1” is not a Lathe project: it is not an SQLite database at all.").arg(file);
    case P::ForeignDatabase:
      return tr("“%1” is an SQLite database of another application, not a Lathe project. Lathe did "
                "not change it. To use its tables as data, import it with File › Import Data.")
          .arg(file);
    case P::NewerVersion:
      return tr("“%1” was saved by a newer version of Lathe. Update Lathe to open it; the file was "
                "not changed.")
          .arg(file);
    case P::OlderReadOnly:
      return tr("“%1” was saved by an older version of Lathe and must be upgraded, but it is "
                "read-only here. Copy it to a folder you can write to and open the copy.")
          .arg(file);
    case P::Damaged:
      return tr("“%1” is damaged and cannot be read. If you have a backup (a .bak file beside it), "
                "open that.")
          .arg(file);
    case P::InUse:
      return tr("“%1” is open in another Lathe window or process. Close it there first.").arg(file);
    case P::AlreadyExists: return tr("“%1” already exists. Choose another name.").arg(file);
    case P::SameFile: return tr("“%1” is this project's own file. Choose another name.").arg(file);
    case P::WriteFailed:
      return tr("“%1” could not be written, and nothing was changed: %2").arg(file, detail);
  }
  return detail;
}

QString ProjectMessages::readOnlyReason(store::ReadOnlyReason reason) {
  using R = store::ReadOnlyReason;
  switch (reason) {
    case R::None: return {};
    case R::Requested: return tr("opened read-only");
    case R::FileNotWritable: return tr("the file or its folder is read-only");
    case R::InUse: return tr("open for editing in another Lathe window");
    case R::Damaged: return tr("the file is damaged; use Save As to rescue a copy");
  }
  return {};
}

}  // namespace lathe::app
