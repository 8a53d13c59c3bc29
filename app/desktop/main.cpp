// lathe-studio: the desktop studio.
#include <malloc.h>

#include <clocale>

#include <QApplication>
#include <QDir>
#include <QCommandLineParser>

#include "app/desktop/MainWindow.h"
#include "app/desktop/ProjectController.h"
#include "app/desktop/StudioStyle.h"
#include "app/desktop/UiLanguage.h"
#include "engine/core/Version.h"

int main(int argc, char* argv[]) {
  // Column buffers are large: a fixed threshold sends them straight to the OS and gives them
  // back when freed (glibc would otherwise raise the threshold and keep freed buffers mapped).
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  QApplication app(argc, argv);
  // QApplication takes the user's locale for the C library too; the engine's readers (strtod in
  // nlohmann's JSON lexer, among others) need "." as the decimal point whatever the UI language.
  std::setlocale(LC_NUMERIC, "C");
  QApplication::setOrganizationName(QStringLiteral("Lathe"));
  QApplication::setApplicationName(QStringLiteral("Lathe Studio"));
  QApplication::setApplicationVersion(QString::fromLatin1(lathe::kVersion));
  QApplication::setDesktopFileName(QString::fromLatin1(lathe::kAppId));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Lathe Studio: a desktop studio for the machine-learning lifecycle"));
  parser.addHelpOption();
  parser.addVersionOption();
  QCommandLineOption language(QStringLiteral("language"),
                              QStringLiteral("The UI language for this session (en, ko)."),
                              QStringLiteral("code"));
  parser.addOption(language);
  QCommandLineOption demo(QStringLiteral("demo"),
                          QStringLiteral("Open the German-credit demo project (created in the projects folder the first time)."));
  parser.addOption(demo);
  parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Projects or data files to open."),
                               QStringLiteral("[files...]"));
  parser.process(app);

  const QString code = parser.isSet(language) ? parser.value(language) : lathe::app::UiLanguage::effective();
  lathe::app::UiLanguage::install(app, code);
  lathe::app::StudioStyle::apply(app);

  lathe::app::MainWindow window;
  window.show();
  if (parser.isSet(demo))
    window.projects()->newDemoProject(
        QDir(lathe::app::ProjectController::defaultProjectFolder()).filePath(QStringLiteral("German credit.lathe")));
  for (const QString& file : parser.positionalArguments()) window.openFile(file);
  return QApplication::exec();
}
