// The Models dock in the studio window (issue 10, item 1): a run of the German-credit demo,
// trained by `lathe run`, is registered from the Experiments table's Register Model…; the panel
// lists it; Set Alias moves production (the old one archived) and the history shows both moves
// with their reasons; Compare with Production shows the metric rows; scoring a file through the
// controller writes the CSV; Export Bundle writes a bundle and XGBoost's JSON. The slots run in
// order on one window.
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>
#include <memory>

#include <nlohmann/json.hpp>

#include "IsolatedSettings.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/ModelsController.h"
#include "app/desktop/StudioDocks.h"
#include "app/desktop/UiLanguage.h"
#include "app/document/ProjectDocument.h"
#include "engine/deploy/ModelBundle.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "widgets/deploy/AliasHistoryView.h"
#include "widgets/deploy/ModelComparisonView.h"
#include "widgets/deploy/ModelJobRow.h"
#include "widgets/deploy/ModelVersionTableModel.h"
#include "widgets/deploy/ModelsPanel.h"
#include "widgets/deploy/RegisterModelDialog.h"
#include "widgets/deploy/SetAliasDialog.h"
#include "widgets/panels/EmptyStatePanel.h"
#include "widgets/panels/ExperimentsPanel.h"
#include "widgets/panels/PlaceholderStack.h"
#include "TestPaths.h"

using lathe::app::MainWindow;
using lathe::widgets::ModelVersionTableModel;

namespace {
constexpr int kWait = 300000;  // the demo trains three models; generous for the sanitizer build

bool runCli(const QStringList& arguments) {
  QProcess cli;
  cli.start(QString::fromUtf8(LATHE_CLI), arguments);
  if (!cli.waitForFinished(kWait) || cli.exitCode() != 0) {
    qWarning("lathe %s: %s", qPrintable(arguments.join(u' ')), cli.readAllStandardError().constData());
    return false;
  }
  return true;
}

int lineCount(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return -1;
  int lines = 0;
  while (!file.atEnd())
    if (!file.readLine().trimmed().isEmpty()) ++lines;
  return lines;
}
}  // namespace

class tst_ModelsPanel : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;
  QTemporaryDir dir_;
  std::unique_ptr<MainWindow> window_;

  lathe::widgets::ModelsPanel* panel() const { return window_->docks().modelsPanel; }
  lathe::app::ModelsController* controller() const { return window_->models(); }
  const lathe::deploy::ModelVersionInfo* version(const std::string& model, int number) const {
    for (const auto& info : panel()->model()->versions())
      if (info.model == model && info.version == number) return &info;
    return nullptr;
  }
  qint64 versionId(const std::string& model, int number) const {
    const auto* info = version(model, number);
    return info ? info->id : 0;
  }
  // The pipeline trains its three models in parallel, so which run id each gets varies.
  qint64 runOf(const std::string& algorithm) const {
    for (const auto& run : window_->document()->runs())
      if (run.algorithm == algorithm) return run.id;
    return 0;
  }
  QString alias(const std::string& model, int number) const {
    const auto* info = version(model, number);
    return info ? QString::fromStdString(info->alias) : QStringLiteral("?");
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    const QString project = dir_.filePath(QStringLiteral("credit.lathe"));
    QVERIFY(runCli({QStringLiteral("project"), QStringLiteral("new"), project, QStringLiteral("--demo")}));
    QVERIFY(runCli({QStringLiteral("run"), project}));  // logistic, forest and xgboost
    window_ = std::make_unique<MainWindow>();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    window_->openFile(project);
    QTRY_VERIFY_WITH_TIMEOUT(window_->document()->hasProject(), kWait);
    QCOMPARE(window_->document()->runCount(), 3);
  }

  void cleanupTestCase() { window_.reset(); }

  void slugsMakeDefaultNames() {
    using lathe::app::ModelsController;
    QCOMPARE(ModelsController::slug(QStringLiteral("German credit")), QStringLiteral("german-credit"));
    QCOMPARE(ModelsController::slug(QStringLiteral("  Kredit 분석 #2: v1 ")), QStringLiteral("kredit-분석-2-v1"));
    QCOMPARE(ModelsController::slug(QStringLiteral("!!!")), QString());
  }

  // With a project but no registered model, the panel says how to register one.
  void emptyPanelSaysHowToRegister() {
    auto* dock = window_->docks().models;
    QVERIFY(static_cast<lathe::widgets::PlaceholderStack*>(dock->widget())->isShowingContent());
    auto* empty = panel()->findChild<lathe::widgets::EmptyStatePanel*>(QStringLiteral("modelsEmptyState"));
    QVERIFY(empty);
    QVERIFY(empty->isVisibleTo(panel()));
    QVERIFY2(empty->text().contains(QStringLiteral("Register Model")), qPrintable(empty->text()));
  }

  // Register Model… on the XGBoost run: the dialog offers the project's name as a slug, and the
  // job registers version 1, which the panel lists and selects.
  void registerFromTheExperimentsTable() {
    auto* experiments = window_->docks().experimentsPanel;
    auto* action = experiments->findChild<QAction*>(QStringLiteral("registerModelAction"));
    QVERIFY(action);
    experiments->selectRuns({runOf("xgboost")});
    QVERIFY(action->isEnabled());
    action->trigger();
    lathe::widgets::RegisterModelDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window_->findChild<lathe::widgets::RegisterModelDialog*>()) != nullptr);
    QCOMPARE(dialog->name(), QStringLiteral("german-credit"));
    QVERIFY(dialog->problem().isEmpty());
    dialog->setName(QStringLiteral("bad:name"));
    QVERIFY(!dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog->setName(QStringLiteral("german-credit"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->versions().size(), std::size_t(1), kWait);
    QTRY_VERIFY(!controller()->isRunning());
    QVERIFY2(panel()->status().startsWith(QStringLiteral("Registered german-credit:1")), qPrintable(panel()->status()));
    QCOMPARE(panel()->selectedVersionId(), versionId("german-credit", 1));
    QVERIFY(window_->docks().models->isVisible());
    const auto* info = version("german-credit", 1);
    QCOMPARE(info->algorithm, std::string("xgboost"));
    QVERIFY(info->threshold.has_value());  // a binary model gets its decision threshold
    // The tree shows the version under its model, with the run's name and the KPI on test.
    const QModelIndex row = panel()->model()->indexOfVersion(info->id);
    QCOMPARE(row.data().toString(), QStringLiteral("v1"));
    QCOMPARE(row.siblingAtColumn(ModelVersionTableModel::RunColumn).data().toString(), QStringLiteral("XGBoost · xgboost"));
    QCOMPARE(ModelVersionTableModel::headlineSplit(info->metrics), std::string("test"));
    QVERIFY(row.siblingAtColumn(ModelVersionTableModel::KpiColumn).data().toString() != QStringLiteral("—"));
    QCOMPARE(panel()->model()->headerData(ModelVersionTableModel::KpiColumn, Qt::Horizontal).toString(),
             QString::fromStdString(window_->document()->info().kpi.metric));
  }

  // The same name again makes the next version; the dialog now offers the last name used.
  void anExistingNameMakesTheNextVersion() {
    QCOMPARE(controller()->defaultModelName(), QStringLiteral("german-credit"));
    QVERIFY(controller()->registerRun(runOf("logistic"), QStringLiteral("german-credit")));
    QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->versions().size(), std::size_t(2), kWait);
    QTRY_VERIFY(!controller()->isRunning());
    QCOMPARE(version("german-credit", 2)->algorithm, std::string("logistic"));
    QCOMPARE(panel()->model()->rowCount(), 1);  // one model, two versions
    QCOMPARE(panel()->selectedVersionId(), versionId("german-credit", 2));
  }

  // Production moves with a reason; the previous production version is archived; the history
  // lists every move, newest first, with the reasons.
  void setAliasMovesProductionAndHistoryShowsIt() {
    QVERIFY(!controller()->setAlias(versionId("german-credit", 1), QStringLiteral("production"), QStringLiteral("  ")));
    QCOMPARE(alias("german-credit", 1), QString());
    QVERIFY(controller()->setAlias(versionId("german-credit", 1), QStringLiteral("production"), QStringLiteral("first live model")));
    QCOMPARE(alias("german-credit", 1), QStringLiteral("production"));

    // Through the dialog, as a user does it: the reason is required.
    panel()->selectVersion(versionId("german-credit", 2));
    QVERIFY(panel()->setAliasAction()->isEnabled());
    panel()->setAliasAction()->trigger();
    lathe::widgets::SetAliasDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = panel()->findChild<lathe::widgets::SetAliasDialog*>()) != nullptr);
    QCOMPARE(dialog->alias(), QStringLiteral("production"));
    QVERIFY(dialog->noteLabel()->text().contains(QStringLiteral("v1")));  // v1 moves to archived
    auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(dialog->reasonEdit(), QStringLiteral("better log loss on the test rows"));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(alias("german-credit", 2), QStringLiteral("production"));
    QCOMPARE(alias("german-credit", 1), QStringLiteral("archived"));
    QCOMPARE(panel()->model()->production("german-credit")->version, 2);

    panel()->historyAction()->trigger();
    QCOMPARE(panel()->details()->currentIndex(), 1);
    auto* history = panel()->history();
    QCOMPARE(history->rowCount(), 3);
    QStringList reasons, moves;
    for (int row = 0; row < history->rowCount(); ++row) {
      reasons << history->item(row, lathe::widgets::AliasHistoryView::ReasonColumn)->text();
      moves << history->item(row, lathe::widgets::AliasHistoryView::VersionColumn)->text() + QLatin1Char(' ') +
                   history->item(row, lathe::widgets::AliasHistoryView::ToColumn)->text();
    }
    QVERIFY2(moves.contains(QStringLiteral("v2 production")), qPrintable(moves.join(u',')));
    QVERIFY2(moves.contains(QStringLiteral("v1 archived")), qPrintable(moves.join(u',')));
    QCOMPARE(moves.first(), QStringLiteral("v2 production"));  // the newest move first
    QCOMPARE(moves.last(), QStringLiteral("v1 production"));
    QVERIFY(reasons.contains(QStringLiteral("first live model")));
    QVERIFY(reasons.contains(QStringLiteral("better log loss on the test rows")));
  }

  // The archived v1 beside production v2: a row per metric and split, differences coloured by
  // direction; the same input columns; both from a pipeline, so no data hash to compare.
  void compareWithProductionShowsTheMetricRows() {
    panel()->selectVersion(versionId("german-credit", 1));
    panel()->compareAction()->trigger();
    QCOMPARE(panel()->details()->currentIndex(), 0);
    auto* view = panel()->comparison();
    QTableWidget* table = view->metricsTable();
    QVERIFY(table->isVisibleTo(view));
    QVERIFY2(table->rowCount() >= 8, qPrintable(QString::number(table->rowCount())));
    QCOMPARE(table->item(0, lathe::widgets::ModelComparisonView::SplitColumn)->text(), QStringLiteral("test"));
    bool sawAuc = false, sawLogLoss = false;
    for (int row = 0; row < table->rowCount(); ++row) {
      const QString metric = table->item(row, lathe::widgets::ModelComparisonView::MetricColumn)->text();
      const QString split = table->item(row, lathe::widgets::ModelComparisonView::SplitColumn)->text();
      auto* difference = table->item(row, lathe::widgets::ModelComparisonView::DifferenceColumn);
      const double delta = difference->data(Qt::UserRole).toDouble();
      const QString verdict = difference->data(Qt::UserRole + 1).toString();
      if (split != QStringLiteral("test") || delta == 0.0) continue;
      if (metric == QStringLiteral("roc_auc")) {
        sawAuc = true;
        QCOMPARE(verdict, delta > 0 ? QStringLiteral("better") : QStringLiteral("worse"));
      }
      if (metric == QStringLiteral("log_loss")) {
        sawLogLoss = true;  // lower is better
        QCOMPARE(verdict, delta < 0 ? QStringLiteral("better") : QStringLiteral("worse"));
      }
    }
    QVERIFY(sawAuc);
    QVERIFY(sawLogLoss);
    QVERIFY2(view->schemaText().startsWith(QStringLiteral("Input columns: the same")), qPrintable(view->schemaText()));
    QVERIFY2(view->dataText().contains(QStringLiteral("unknown")), qPrintable(view->dataText()));

    // The production version itself has nothing to be compared with.
    panel()->selectVersion(versionId("german-credit", 2));
    QVERIFY(!view->metricsTable()->isVisibleTo(view));
    QVERIFY(view->message().contains(QStringLiteral("in production")));
  }

  // In Korean the actions, the tree's header and the comparison read in Korean, at once.
  void thePanelFollowsTheLanguage() {
    lathe::app::UiLanguage::install(*qApp, QStringLiteral("ko"));
    auto english = qScopeGuard([] { lathe::app::UiLanguage::install(*qApp, QStringLiteral("en")); });
    QTRY_COMPARE(panel()->setAliasAction()->text(), QStringLiteral("별칭 지정…"));  // the change arrives as an event
    QCOMPARE(panel()->model()->headerData(ModelVersionTableModel::AliasColumn, Qt::Horizontal).toString(), QStringLiteral("별칭"));
    const QModelIndex model = panel()->model()->indexOfModel("german-credit");
    QCOMPARE(model.siblingAtColumn(ModelVersionTableModel::AliasColumn).data().toString(), QStringLiteral("v2 운영 중"));
    english.dismiss();
    lathe::app::UiLanguage::install(*qApp, QStringLiteral("en"));
    QTRY_COMPARE(panel()->setAliasAction()->text(), QStringLiteral("Set Alias…"));
  }

  // Scoring a file with a version writes the CSV: a header and a line per row, and the panel
  // says how many rows were scored and offers the folder.
  void scoringAFileWritesTheCsv() {
    const QString output = dir_.filePath(QStringLiteral("scored.csv"));
    QVERIFY(controller()->scoreFile(versionId("german-credit", 2), QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/credit-g.arff"), output));
    QVERIFY(controller()->isRunning());
    QVERIFY(panel()->job()->cancelButton()->isVisibleTo(panel()));
    QTRY_VERIFY_WITH_TIMEOUT(!controller()->isRunning(), kWait);
    QVERIFY2(QFile::exists(output), qPrintable(panel()->status()));
    QCOMPARE(lineCount(output), 1001);
    QVERIFY2(panel()->status().startsWith(QStringLiteral("Scored 1000 rows with german-credit:2")), qPrintable(panel()->status()));
    QVERIFY(panel()->job()->openFolderButton()->isVisibleTo(panel()));
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.readLine();
    QVERIFY2(header.contains("probability") || header.contains("proba"), header.constData());
  }

  // Scoring one of the project's datasets (the demo's credit-g, stored as imported) writes the
  // same answers as scoring its file.
  void scoringADatasetWritesTheSameCsv() {
    const QString output = dir_.filePath(QStringLiteral("scored-dataset.csv"));
    auto project = window_->document()->project();
    const auto dataset = lathe::store::DatasetRepository(project->db()).findVersion("credit-g");
    QVERIFY(panel()->scoreDatasetAction()->isEnabled());
    // On the Score button's menu (and the list's right-click menu).
    auto* button = panel()->findChild<QToolButton*>(QStringLiteral("scoreFileButton"));
    QVERIFY(button && button->menu());
    QVERIFY(button->menu()->actions().contains(panel()->scoreDatasetAction()));
    QVERIFY(panel()->tree()->actions().contains(panel()->scoreDatasetAction()));
    QVERIFY(controller()->scoreDataset(versionId("german-credit", 2), dataset.id, output));
    QVERIFY(controller()->isRunning());
    QVERIFY(!panel()->scoreDatasetAction()->isEnabled());  // one job at a time
    QTRY_VERIFY_WITH_TIMEOUT(!controller()->isRunning(), kWait);
    QVERIFY2(panel()->status().startsWith(QStringLiteral("Scored 1000 rows with german-credit:2")), qPrintable(panel()->status()));
    QFile fromDataset(output), fromFile(dir_.filePath(QStringLiteral("scored.csv")));
    QVERIFY(fromDataset.open(QIODevice::ReadOnly) && fromFile.open(QIODevice::ReadOnly));
    const QByteArray scored = fromDataset.readAll();
    QCOMPARE(scored.count('\n'), 1001);
    QCOMPARE(scored, fromFile.readAll());
  }

  // An XGBoost version exports as a bundle and in XGBoost's own JSON.
  void exportWritesABundleAndXgboostJson() {
    const QString bundle = dir_.filePath(QStringLiteral("credit.lathemodel"));
    QVERIFY(controller()->exportVersion(versionId("german-credit", 1), bundle, false));
    QTRY_VERIFY_WITH_TIMEOUT(!controller()->isRunning(), kWait);
    QVERIFY2(lathe::deploy::ModelBundle::looksLikeBundle(bundle.toStdString()), qPrintable(panel()->status()));
    QCOMPARE(lathe::deploy::ModelBundle::read(bundle.toStdString()).info.reference(), std::string("german-credit:1"));

    const QString json = dir_.filePath(QStringLiteral("credit.json"));
    QVERIFY(controller()->exportVersion(versionId("german-credit", 1), json, true));
    QTRY_VERIFY_WITH_TIMEOUT(!controller()->isRunning(), kWait);
    QFile file(json);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(panel()->status()));
    const auto parsed = nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
    QVERIFY(parsed.contains("learner"));
    // The demo's runs take log(credit_amount) from a recipe: the status says the booster lacks it.
    QVERIFY2(panel()->status().contains(QStringLiteral("booster only")) && panel()->status().contains(QStringLiteral("1 recipe")),
             qPrintable(panel()->status()));

    // A logistic version has no XGBoost form: the job fails and says so, nothing is written.
    const QString notXgboost = dir_.filePath(QStringLiteral("logistic.json"));
    QVERIFY(controller()->exportVersion(versionId("german-credit", 2), notXgboost, true));
    QTRY_VERIFY_WITH_TIMEOUT(!controller()->isRunning(), kWait);
    QVERIFY2(panel()->status().contains(QStringLiteral("failed")), qPrintable(panel()->status()));
    QVERIFY(!QFile::exists(notXgboost));
  }

  // Closing the project empties the panel; the dock says to open one.
  void closingTheProjectEmptiesThePanel() {
    window_->document()->close();
    QVERIFY(panel()->model()->versions().empty());
    QVERIFY(!static_cast<lathe::widgets::PlaceholderStack*>(window_->docks().models->widget())->isShowingContent());
  }
};

QTEST_MAIN(tst_ModelsPanel)
#include "tst_ModelsPanel.moc"
