// Korean is a first-class language: the studio starts in Korean, switches live, and falls back to
// English when a translation is missing.
#include <QMenuBar>
#include <QtTest>

#include "IsolatedSettings.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/UiLanguage.h"
#include "TestPaths.h"

using lathe::app::MainWindow;
using lathe::app::UiLanguage;

namespace {
QStringList menuTitles(const MainWindow& window) {
  QStringList titles;
  for (QAction* action : window.menuBar()->actions()) titles << action->text();
  return titles;
}
}  // namespace

class tst_UiLanguage : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;

 private slots:
  void cleanup() {
    UiLanguage::install(*qApp, QStringLiteral("en"));
    UiLanguage::setChosen({});
  }

  void startsInKorean() {
    QVERIFY(UiLanguage::install(*qApp, QStringLiteral("ko")));
    MainWindow window;
    QCOMPARE(menuTitles(window),
             (QStringList{"파일(&F)", "편집(&E)", "보기(&V)", "실행(&R)", "도움말(&H)"}));
    QVERIFY2(window.windowTitle().contains(QStringLiteral("제목 없음")), qPrintable(window.windowTitle()));
  }

  void switchesLiveWhenChosen() {
    MainWindow window;
    QCOMPARE(menuTitles(window).front(), QStringLiteral("&File"));
    UiLanguage::setChosen(QStringLiteral("ko"));
    QVERIFY(UiLanguage::install(*qApp, UiLanguage::effective()));
    // The LanguageChange event is posted: the window follows once the event loop runs.
    QTRY_COMPARE(menuTitles(window).front(), QStringLiteral("파일(&F)"));
    QVERIFY(window.windowTitle().contains(QStringLiteral("Lathe 스튜디오")));
    QVERIFY(UiLanguage::install(*qApp, QStringLiteral("en")) == false);  // English: the source text
    QTRY_COMPARE(menuTitles(window).front(), QStringLiteral("&File"));
  }

  void englishPluralsAgreeWithTheirCount() {
    UiLanguage::install(*qApp, QStringLiteral("en"));
    const char* context = "lathe::widgets::ProjectOverviewPanel";
    QCOMPARE(QCoreApplication::translate(context, "%n runs", nullptr, 1), QStringLiteral("1 run"));
    QCOMPARE(QCoreApplication::translate(context, "%n runs", nullptr, 3), QStringLiteral("3 runs"));
    UiLanguage::install(*qApp, QStringLiteral("ko"));
    QCOMPARE(QCoreApplication::translate(context, "%n runs", nullptr, 3), QStringLiteral("실행 3회"));
    UiLanguage::install(*qApp, QStringLiteral("en"));
  }

  void missingTranslationFallsBackToEnglish() {
    QVERIFY(!UiLanguage::install(*qApp, QStringLiteral("xx")));
    QVERIFY(!UiLanguage::install(*qApp, QStringLiteral("ko"), QStringLiteral("/nonexistent/i18n")));
    MainWindow window;
    QCOMPARE(menuTitles(window).front(), QStringLiteral("&File"));
  }

  void choiceIsRememberedAndValidated() {
    QVERIFY(UiLanguage::chosen().isEmpty());
    UiLanguage::setChosen(QStringLiteral("ko"));
    QCOMPARE(UiLanguage::chosen(), QStringLiteral("ko"));
    QCOMPARE(UiLanguage::effective(), QStringLiteral("ko"));
    QSettings().setValue("ui/language", QStringLiteral("klingon"));  // hand-edited settings
    QVERIFY(UiLanguage::chosen().isEmpty());
    UiLanguage::setChosen({});
    QVERIFY(!QSettings().contains("ui/language"));
  }

  void languagesAreNamedInThemselves() {
    QCOMPARE(UiLanguage::nativeName(QStringLiteral("ko")), QStringLiteral("한국어"));
    QCOMPARE(UiLanguage::nativeName(QStringLiteral("en")), QStringLiteral("English"));
  }

  void everyShippedStringHasAKoreanTranslation() {
    // translations/lathe_ko.ts: no entry left unfinished, so no English shows in a Korean UI.
    QFile ts(QString::fromUtf8(LATHE_SOURCE_DIR) + QStringLiteral("/translations/lathe_ko.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(ts.readAll());
    QVERIFY(text.count(QStringLiteral("<message")) > 50);
    QCOMPARE(text.count(QStringLiteral("type=\"unfinished\"")), 0);
    QCOMPARE(text.count(QStringLiteral("<translation></translation>")), 0);
  }
};

QTEST_MAIN(tst_UiLanguage)
#include "tst_UiLanguage.moc"
