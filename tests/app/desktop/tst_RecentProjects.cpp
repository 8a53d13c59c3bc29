#include <QtTest>

#include "IsolatedSettings.h"
#include "app/desktop/RecentProjects.h"

using lathe::app::RecentProjects;

class tst_RecentProjects : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;

 private slots:
  void init() { RecentProjects::clear(); }

  void newestFirstWithoutDuplicates() {
    RecentProjects::add("/p/a.lathe");
    RecentProjects::add("/p/b.lathe");
    RecentProjects::add("/p/a.lathe");
    QCOMPARE(RecentProjects::paths(), (QStringList{"/p/a.lathe", "/p/b.lathe"}));
  }

  void keepsAtMostTen() {
    for (int i = 0; i < 15; ++i) RecentProjects::add(QStringLiteral("/p/%1.lathe").arg(i));
    const QStringList paths = RecentProjects::paths();
    QCOMPARE(paths.size(), RecentProjects::kMaxEntries);
    QCOMPARE(paths.front(), QStringLiteral("/p/14.lathe"));
    QCOMPARE(paths.back(), QStringLiteral("/p/5.lathe"));
  }

  void relativePathsAreStoredAbsolute() {
    RecentProjects::add("rel.lathe");
    QCOMPARE(RecentProjects::paths().front(), QDir::current().absoluteFilePath("rel.lathe"));
  }

  void removeAndClear() {
    RecentProjects::add("/p/a.lathe");
    RecentProjects::add("/p/b.lathe");
    RecentProjects::remove("/p/a.lathe");
    QCOMPARE(RecentProjects::paths(), QStringList{"/p/b.lathe"});
    RecentProjects::clear();
    QVERIFY(RecentProjects::paths().isEmpty());
  }

  void toleratesDamagedSettings() {
    QSettings().setValue("recentProjects", QVariantList{QString("/p/x.lathe"), 42, QString(), QString("  "),
                                                        QString("/p/x.lathe")});
    QCOMPARE(RecentProjects::paths(), (QStringList{"/p/x.lathe", "42"}));
    QSettings().setValue("recentProjects", QByteArray("\x00\xff garbage", 10));
    RecentProjects::paths();  // no crash, whatever it makes of it
    RecentProjects::add("/p/y.lathe");
    QCOMPARE(RecentProjects::paths().front(), QStringLiteral("/p/y.lathe"));
  }
};

QTEST_GUILESS_MAIN(tst_RecentProjects)
#include "tst_RecentProjects.moc"
