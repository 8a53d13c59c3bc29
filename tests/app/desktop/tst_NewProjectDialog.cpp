#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>
#include <unistd.h>

#include "app/desktop/NewProjectDialog.h"
#include "widgets/panels/KpiEditor.h"

using lathe::app::NewProjectDialog;

class tst_NewProjectDialog : public QObject {
  Q_OBJECT

  template <typename T>
  static T* child(QWidget& dialog, const char* name) {
    T* found = dialog.findChild<T*>(QLatin1String(name));
    if (!found) qFatal("no child %s", name);
    return found;
  }
  static QPushButton* ok(QWidget& dialog) {
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
  }
  static void setName(QWidget& dialog, const QString& name) {
    auto* edit = child<QLineEdit>(dialog, "projectName");
    edit->selectAll();
    edit->insert(name);  // as typed (QTest::keyClicks types ASCII only)
  }

 private slots:
  void okIsDisabledUntilThereIsAName() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    NewProjectDialog dialog(dir.path());
    QVERIFY(!ok(dialog)->isEnabled());
    QVERIFY(dialog.filePath().isEmpty());
    QTest::keyClicks(child<QLineEdit>(dialog, "projectName"), QStringLiteral("Churn"));
    QVERIFY(ok(dialog)->isEnabled());
    setName(dialog, QStringLiteral("   "));
    QVERIFY(!ok(dialog)->isEnabled());
    QVERIFY(dialog.filePath().isEmpty());
    // OK with no name does not accept.
    ok(dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
  }

  void composesThePathLive() {
    QTemporaryDir dir;
    NewProjectDialog dialog(dir.path() + QStringLiteral("/"));
    setName(dialog, QStringLiteral("  Customer churn  "));
    const QString expected = dir.path() + QStringLiteral("/Customer churn.lathe");
    QCOMPARE(dialog.filePath(), expected);
    QCOMPARE(child<QLabel>(dialog, "projectFilePath")->text(), QDir::toNativeSeparators(expected));
    auto* folder = child<QLineEdit>(dialog, "projectFolder");
    QCOMPARE(folder->text(), QDir::toNativeSeparators(dir.path() + QStringLiteral("/")));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    folder->setText(dir.path() + QStringLiteral("/sub/../sub"));
    QCOMPARE(dialog.filePath(), dir.path() + QStringLiteral("/sub/Customer churn.lathe"));
    folder->setText(QStringLiteral("~"));
    QCOMPARE(dialog.filePath(), QDir::homePath() + QStringLiteral("/Customer churn.lathe"));
    // A folder that does not exist: said so, and OK is off.
    folder->setText(dir.path() + QStringLiteral("/missing"));
    QVERIFY(!ok(dialog)->isEnabled());
    QVERIFY(child<QLabel>(dialog, "projectFileProblem")->text().contains(QStringLiteral("does not exist")));
    folder->clear();
    QVERIFY(!ok(dialog)->isEnabled());
    folder->setText(dir.path());
    QVERIFY(ok(dialog)->isEnabled());
    QVERIFY(child<QLabel>(dialog, "projectFileProblem")->isHidden());
  }

  void invalidCharactersBecomeUnderscores_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("reserved") << QStringLiteral("a/b\\c:d*e?f\"g<h>i|j") << QStringLiteral("a_b_c_d_e_f_g_h_i_j");
    QTest::newRow("control") << QStringLiteral("tab\there\nnl\x01\x7f") << QStringLiteral("tab_here_nl__");
    QTest::newRow("nul") << QString(QStringLiteral("a%1b")).arg(QChar(0)) << QStringLiteral("a_b");
    QTest::newRow("korean") << QStringLiteral("고객 이탈 예측 (2026)") << QStringLiteral("고객 이탈 예측 (2026)");
    QTest::newRow("hidden") << QStringLiteral(".hidden") << QStringLiteral("_hidden");
    QTest::newRow("traversal") << QStringLiteral("../../etc/passwd") << QStringLiteral("_._.._etc_passwd");
    QTest::newRow("trimmed") << QStringLiteral("  Q3/Q4 churn ") << QStringLiteral("Q3_Q4 churn");
  }
  void invalidCharactersBecomeUnderscores() {
    QFETCH(QString, name);
    QFETCH(QString, fileName);
    QCOMPARE(NewProjectDialog::fileNameFor(name), fileName);
  }

  void longNamesFitAFileName() {
    // 200 Korean syllables are 600 bytes of UTF-8: cut to whole characters within 255 bytes
    // with ".lathe"; emoji (surrogate pairs in UTF-16) are never split.
    const QString korean = QString(200, QChar(0xD55C));  // 한
    const QString cut = NewProjectDialog::fileNameFor(korean);
    QCOMPARE(cut.size(), 83);  // 83 * 3 = 249 bytes + 6 for ".lathe" = 255
    QString emoji;
    for (int i = 0; i < 100; ++i) emoji += QString::fromUcs4(U"\U0001F427");  // 🐧, 4 bytes each
    const QString emojiCut = NewProjectDialog::fileNameFor(emoji);
    QCOMPARE(emojiCut.toUtf8().size(), 248);
    QVERIFY(!emojiCut.back().isHighSurrogate());
    // The dialog can create such a file.
    QTemporaryDir dir;
    NewProjectDialog dialog(dir.path());
    setName(dialog, korean);
    QVERIFY(ok(dialog)->isEnabled());
    QFile file(dialog.filePath());
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
  }

  void dialogUsesTheSafeFileName() {
    QTemporaryDir dir;
    NewProjectDialog dialog(dir.path());
    setName(dialog, QStringLiteral("Q3/Q4: churn?"));
    QCOMPARE(dialog.filePath(), dir.path() + QStringLiteral("/Q3_Q4_ churn_.lathe"));
    QCOMPARE(dialog.info().name, std::string("Q3/Q4: churn?"));  // the project's name is as typed
    setName(dialog, QStringLiteral("고객 이탈"));
    QCOMPARE(dialog.filePath(), dir.path() + QStringLiteral("/고객 이탈.lathe"));
  }

  void existingFileIsAWarningAndOkIsOff() {
    QTemporaryDir dir;
    QFile existing(dir.filePath(QStringLiteral("Churn.lathe")));
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.close();
    // A dangling symlink is a name in use too: creating the project would follow it.
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere")), dir.filePath(QStringLiteral("Link.lathe"))));
    NewProjectDialog dialog(dir.path());
    auto* problem = child<QLabel>(dialog, "projectFileProblem");
    setName(dialog, QStringLiteral("Churn"));
    QVERIFY(!ok(dialog)->isEnabled());
    QVERIFY(problem->text().contains(QStringLiteral("“Churn.lathe” already exists")));
    QVERIFY(!problem->isHidden());
    setName(dialog, QStringLiteral("Link"));
    QVERIFY(!ok(dialog)->isEnabled());
    setName(dialog, QStringLiteral("Churn 2"));
    QVERIFY(ok(dialog)->isEnabled());
    QVERIFY(problem->isHidden());
    // The file appearing after the last keystroke is caught when OK is pressed.
    QFile late(dir.filePath(QStringLiteral("Churn 2.lathe")));
    QVERIFY(late.open(QIODevice::WriteOnly));
    late.close();
    ok(dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!ok(dialog)->isEnabled());
  }

  void unwritableFolderIsAWarning() {
    QTemporaryDir dir;
    const QString locked = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkdir(locked));
    QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
    // root may write anywhere; /proc/1 refuses even root. Use whichever this machine refuses.
    QString folder = locked;
    if (::access(QFile::encodeName(locked).constData(), W_OK) == 0) folder = QStringLiteral("/proc/1");
    if (::access(QFile::encodeName(folder).constData(), W_OK) == 0) QSKIP("no folder here refuses writing");
    NewProjectDialog dialog(folder);
    setName(dialog, QStringLiteral("Churn"));
    QVERIFY(!ok(dialog)->isEnabled());
    QVERIFY(child<QLabel>(dialog, "projectFileProblem")->text().contains(QStringLiteral("cannot create files")));
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
  }

  void infoHoldsNameGoalAndKpi() {
    QTemporaryDir dir;
    NewProjectDialog dialog(dir.path());
    setName(dialog, QStringLiteral("  Churn  "));
    auto* goal = child<QPlainTextEdit>(dialog, "projectGoal");
    QTest::keyClicks(goal, QStringLiteral("Keep 5% more customers"));
    QTest::keyClick(goal, Qt::Key_Return);  // a trailing newline is trimmed
    auto* group = child<QGroupBox>(dialog, "kpiGroup");
    QVERIFY(!group->isChecked());
    QVERIFY(!child<QWidget>(dialog, "kpiEditor")->isEnabled());
    group->setChecked(true);
    auto* metric = child<QComboBox>(dialog, "kpiMetric");
    metric->setCurrentIndex(metric->findText(QStringLiteral("rmse")));
    QTest::keyClicks(child<QLineEdit>(dialog, "kpiTarget"), QStringLiteral("1200"));
    lathe::store::ProjectInfo info = dialog.info();
    QCOMPARE(info.name, std::string("Churn"));
    QCOMPARE(info.goal, std::string("Keep 5% more customers"));
    QCOMPARE(info.kpi, (lathe::store::Kpi{"rmse", false, 1200.0}));
    QVERIFY(info.createdAt.empty());
    // The KPI counts only while "Set a KPI now" is checked.
    group->setChecked(false);
    QCOMPARE(dialog.info().kpi, lathe::store::Kpi{});
    group->setChecked(true);
    info = dialog.info();
    QCOMPARE(info.kpi, (lathe::store::Kpi{"rmse", false, 1200.0}));
    QVERIFY(!info.costs.isSet());
    ok(dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
  }
};

QTEST_MAIN(tst_NewProjectDialog)
#include "tst_NewProjectDialog.moc"
