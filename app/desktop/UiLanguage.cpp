#include "app/desktop/UiLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace lathe::app {
namespace {
const char* const kSettingsKey = "ui/language";
const char* const kTranslatorName = "lathe-translator";
}  // namespace

QStringList UiLanguage::available() { return {QStringLiteral("en"), QStringLiteral("ko")}; }

QString UiLanguage::chosen() {
  const QString code = QSettings().value(kSettingsKey).toString();
  return available().contains(code) ? code : QString();
}

void UiLanguage::setChosen(const QString& code) {
  QSettings settings;
  if (code.isEmpty())
    settings.remove(kSettingsKey);
  else
    settings.setValue(kSettingsKey, code);
}

QString UiLanguage::effective() {
  const QString code = chosen();
  if (!code.isEmpty()) return code;
  return QLocale::languageToCode(QLocale::system().language());
}

QString UiLanguage::nativeName(const QString& code) {
  QString name = QLocale(code).nativeLanguageName();
  if (code == QLatin1String("en")) name = QStringLiteral("English");  // not "American English"
  return name.isEmpty() ? code : name;
}

bool UiLanguage::install(QCoreApplication& app, const QString& code, const QString& directory) {
  for (QTranslator* old : app.findChildren<QTranslator*>(kTranslatorName, Qt::FindDirectChildrenOnly)) {
    QCoreApplication::removeTranslator(old);
    delete old;
  }
  if (code.isEmpty() || code == QLatin1String("en")) {
    // The English source texts need no translation, but their plurals do ("1 run", "2 runs").
    auto* plurals = new QTranslator(&app);
    plurals->setObjectName(kTranslatorName);
    if (plurals->load(QStringLiteral("lathe_en"), directory)) QCoreApplication::installTranslator(plurals);
    else delete plurals;
    return false;
  }

  auto* lathe = new QTranslator(&app);
  lathe->setObjectName(kTranslatorName);
  if (!lathe->load(QStringLiteral("lathe_") + code, directory)) {
    delete lathe;
    return false;
  }
  QCoreApplication::installTranslator(lathe);

  auto* qt = new QTranslator(&app);
  qt->setObjectName(kTranslatorName);
  if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QCoreApplication::installTranslator(qt);
  else
    delete qt;
  return true;
}

}  // namespace lathe::app
