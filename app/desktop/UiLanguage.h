#pragma once
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace lathe::app {

// Which language the UI speaks: the system locale's, unless the user chose one under
// View > Language (kept in QSettings, applied at the next start).
class UiLanguage {
 public:
  // Language codes Lathe ships translations for ("en" is the source language).
  static QStringList available();
  // The code chosen under View > Language, or empty to follow the system.
  static QString chosen();
  static void setChosen(const QString& code);
  // chosen() if set, else the system locale's language.
  static QString effective();
  // The language's name in itself ("English", "한국어"), for the menu.
  static QString nativeName(const QString& code);

  // Installs Lathe's translation for `code` from `directory` and Qt's own (dialogs, shortcuts).
  // True if Lathe's translation loaded. English, an unknown language or a missing .qm install
  // nothing, so the UI falls back to English. A second call replaces the first.
  static bool install(QCoreApplication& app, const QString& code,
                      const QString& directory = QStringLiteral(":/i18n"));
};

}  // namespace lathe::app
