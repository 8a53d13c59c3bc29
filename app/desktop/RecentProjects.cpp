#include "app/desktop/RecentProjects.h"

#include <QFileInfo>
#include <QSettings>

namespace lathe::app {
namespace {
const char* const kKey = "recentProjects";

QString normalized(const QString& path) { return QFileInfo(path).absoluteFilePath(); }

void store(const QStringList& list) { QSettings().setValue(kKey, list); }
}  // namespace

QStringList RecentProjects::paths() {
  // A hand-edited or foreign settings file may hold anything: keep only non-empty strings.
  QStringList list;
  for (const QString& path : QSettings().value(kKey).toStringList())
    if (!path.trimmed().isEmpty() && !list.contains(path)) list.append(path);
  return list.mid(0, kMaxEntries);
}

void RecentProjects::add(const QString& path) {
  QStringList list = paths();
  const QString entry = normalized(path);
  list.removeAll(entry);
  list.prepend(entry);
  store(list.mid(0, kMaxEntries));
}

void RecentProjects::remove(const QString& path) {
  QStringList list = paths();
  list.removeAll(normalized(path));
  store(list);
}

void RecentProjects::clear() { QSettings().remove(kKey); }

}  // namespace lathe::app
