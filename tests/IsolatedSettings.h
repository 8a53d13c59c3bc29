#pragma once
// Points QSettings at a fresh temporary folder, so a test never reads or writes the user's own
// Lathe settings and every test starts from none. Create one before the first QSettings use.
// Lathe's data folder (where scratch projects go) moves into the same temporary folder.
#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>

class IsolatedSettings {
 public:
  IsolatedSettings() {
    QCoreApplication::setOrganizationName(QStringLiteral("LatheTests"));
    QCoreApplication::setApplicationName(QStringLiteral("Lathe Studio"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.path());
    qputenv("XDG_DATA_HOME", dir_.filePath(QStringLiteral("data")).toLocal8Bit());
  }
  QString path() const { return dir_.path(); }

 private:
  QTemporaryDir dir_;
};
