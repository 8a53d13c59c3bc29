#pragma once
#include <QStringList>

namespace lathe::app {

// The File > Recent projects list, newest first, kept in QSettings.
class RecentProjects {
 public:
  static constexpr int kMaxEntries = 10;

  static QStringList paths();
  // Moves `path` to the top (adding it if new) and trims the list to kMaxEntries.
  static void add(const QString& path);
  static void remove(const QString& path);
  static void clear();
};

}  // namespace lathe::app
