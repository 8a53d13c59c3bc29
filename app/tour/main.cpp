// lathe-screenshot-tour: retakes the pictures in docs/screenshots/ that need the studio in a
// given state (a column selected, a chart drawn), by driving the real window the way a user
// would and grabbing it once its jobs are done. Not installed; scripts/screenshots.sh runs it
// under Xvfb so the pictures are what a user's X server shows.
// Usage: lathe-screenshot-tour --language en|ko PROJECT.lathe OUTPUT_DIR
#include <clocale>

#include <QApplication>
#include <QCommandLineParser>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>

#include "app/desktop/DataController.h"
#include "app/desktop/DeployController.h"
#include "app/desktop/ExperimentsController.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/ModelsController.h"
#include "app/desktop/MonitorController.h"
#include "app/desktop/PipelineController.h"
#include "app/desktop/PipelineNodeEditors.h"
#include "app/desktop/RecipeController.h"
#include "app/desktop/StudioDocks.h"
#include "app/desktop/StudioStyle.h"
#include "app/desktop/TrainingController.h"
#include "app/desktop/TuningController.h"
#include "app/desktop/UiLanguage.h"
#include "app/document/PipelineDocument.h"
#include "app/document/ProjectDocument.h"
#include "app/jobs/JobManager.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/data/CsvWriter.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "engine/monitor/MonitorRepository.h"
#include "engine/store/DatasetRepository.h"
#include "engine/explore/ChartRequest.h"
#include "engine/store/Project.h"
#include "widgets/canvas/PipelineCanvasView.h"
#include "widgets/monitor/MonitorPanel.h"
#include "widgets/monitor/MonitorRunView.h"
#include "widgets/panels/ChartsPanel.h"
#include "widgets/charts/ConfusionMatrixChart.h"
#include "widgets/charts/RocCurveChart.h"
#include "widgets/panels/ExperimentsPanel.h"
#include "widgets/panels/InsightsPanel.h"
#include "widgets/panels/RunComparisonPanel.h"
#include "widgets/panels/RunDetailsPanel.h"
#include "widgets/charts/BusinessValueChart.h"
#include "widgets/charts/DecisionTreeView.h"
#include "widgets/charts/ParallelCoordinatesChart.h"
#include "widgets/panels/TrainingPanel.h"
#include "widgets/tuning/ParameterScoreChart.h"
#include "widgets/tuning/TrialScoreChart.h"
#include "widgets/tuning/TuningForm.h"
#include "widgets/tuning/TuningPanel.h"
#include "widgets/tuning/TuningResultsView.h"
#include "widgets/table/DataFilterBar.h"
#include "widgets/table/DataTableView.h"

namespace {

using lathe::app::MainWindow;

// Lets the event loop run until `done` holds and no job runs, or gives up after a minute.
bool settle(const MainWindow& window, const std::function<bool()>& done) {
  QElapsedTimer clock;
  clock.start();
  while (clock.elapsed() < 60000) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (done() && window.jobManager()->activeCount() == 0) {
      QTest::qWait(300);  // the last repaint
      return true;
    }
    QTest::qWait(20);
  }
  return false;
}

bool shoot(MainWindow& window, const QString& path) {
  QCoreApplication::processEvents();
  const bool saved = window.grab().save(path);
  std::printf("%s%s\n", qPrintable(path), saved ? "" : " (not written)");
  return saved;
}

// One chart on its own, at a size that reads in the docs.
bool grabWidget(QWidget* widget, const QString& path) {
  widget->resize(560, 420);
  QCoreApplication::processEvents();
  const bool saved = widget->grab().save(path);
  std::printf("%s%s\n", qPrintable(path), saved ? "" : " (not written)");
  return saved;
}

// Monitoring credit-risk in production: a baseline from credit-g with the model, then one
// schedule run on four batches, the amounts growing a little more each time (credit_amount
// drifts from the third), so the drift table's sparklines and the timelines have a history.
bool shootMonitor(MainWindow& window, qint64 creditVersion, const QString& path) {
  auto* monitor = window.monitor();
  monitor->createBaseline(QStringLiteral("credit at training"), QStringLiteral("credit-g"),
                          QStringLiteral("credit-risk:production"), QStringLiteral("foreign_worker"));
  settle(window, [&] { return !monitor->isRunning(); });
  auto& db = window.document()->project()->db();
  lathe::monitor::MonitorRepository repository(db);
  const auto baseline = repository.findBaseline("credit at training");
  if (!baseline) return false;
  static QTemporaryDir batches;
  const lathe::data::Table credit = lathe::store::DatasetRepository(db).loadTable(creditVersion);
  const auto amount = credit.indexOf("credit_amount");
  if (!amount) return false;
  lathe::monitor::MonitorSchedule schedule;
  schedule.name = "credit-risk weekly";
  schedule.baselineId = baseline->id;
  schedule.model = "credit-risk:production";
  schedule.sensitiveAttribute = "foreign_worker";
  schedule.intervalMinutes = 7 * 24 * 60;
  for (const double factor : {1.0, 1.1, 1.6, 2.4}) {
    auto columns = credit.columns();
    std::vector<double> grown;
    for (std::size_t r = 0; r < credit.rowCount(); ++r) grown.push_back(credit.column(*amount).numericAt(r) * factor);
    columns[*amount] = lathe::data::Column::float64("credit_amount", grown);
    const QString file = batches.filePath(QStringLiteral("week-%1.csv").arg(factor));
    lathe::jobs::NullProgressSink sink;
    lathe::data::writeCsv(lathe::data::Table(columns), file.toStdString(), {}, lathe::jobs::JobContext(std::stop_token{}, sink));
    schedule.sourceRef = file.toStdString();
    if (const auto stored = repository.findSchedule(schedule.name)) schedule.id = stored->id;
    monitor->saveSchedule(schedule);
    monitor->runSchedule(repository.findSchedule(schedule.name)->id);
    settle(window, [&] { return !monitor->isRunning(); });
  }
  window.docks().monitor->show();
  window.docks().monitor->raise();
  window.resizeDocks({window.docks().monitor}, {480}, Qt::Vertical);
  window.resizeDocks({window.docks().training}, {300}, Qt::Horizontal);
  window.docks().monitorPanel->runView()->driftTable()->selectRow(0);  // the feature that drifted most
  settle(window, [] { return true; });
  return shoot(window, path);
}

}  // namespace

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  std::setlocale(LC_NUMERIC, "C");  // "." for the engine's readers, as the studio's main() says
  QApplication::setOrganizationName(QStringLiteral("Lathe"));
  QApplication::setApplicationName(QStringLiteral("Lathe Studio"));
  QCommandLineParser parser;
  QCommandLineOption language(QStringLiteral("language"), QStringLiteral("en or ko"), QStringLiteral("code"),
                              QStringLiteral("en"));
  parser.addOption(language);
  parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A project holding penguins.csv"));
  parser.addPositionalArgument(QStringLiteral("output"), QStringLiteral("Where the PNGs go"));
  parser.process(app);
  if (parser.positionalArguments().size() != 2) parser.showHelp(2);
  const QString suffix = parser.value(language) == QLatin1String("ko") ? QStringLiteral("-ko") : QString();
  const QDir output(parser.positionalArguments().at(1));

  lathe::app::UiLanguage::install(app, parser.value(language));
  lathe::app::StudioStyle::apply(app);
  MainWindow window;
  window.setGeometry(0, 0, 1440, 900);
  window.show();
  window.openFile(parser.positionalArguments().at(0));
  const auto& docks = window.docks();
  if (!settle(window, [&] { return window.data()->table() != nullptr; })) {
    std::fprintf(stderr, "the project's data did not show\n");
    return 1;
  }
  // A roomier Data dock, as a user would drag it, for these pictures.
  window.resizeDocks({docks.data}, {420}, Qt::Vertical);
  window.resizeDocks({docks.profile}, {430}, Qt::Horizontal);

  // The table with Body Mass (g) selected, and its profile beside it.
  docks.profile->raise();
  const auto mass = window.data()->table()->indexOf("Body Mass (g)");
  if (mass) {
    auto* view = docks.dataView;
    view->setCurrentIndex(view->model()->index(3, static_cast<int>(*mass)));
  }
  settle(window, [] { return true; });
  bool ok = shoot(window, output.filePath(QStringLiteral("data-profile%1.png").arg(suffix)));

  // A filter, so the picture shows the filter bar at work.
  auto* filter = docks.dataFilter->findChild<QLineEdit*>(QStringLiteral("filterEdit"));
  filter->setText(QStringLiteral("Species == \"Gentoo\""));
  QTest::keyClick(filter, Qt::Key_Return);
  settle(window, [] { return true; });

  // The insights of penguins with Species as the target.
  docks.insightsPanel->setTarget(QStringLiteral("Species"));
  emit docks.insightsPanel->targetChanged(QStringLiteral("Species"));
  docks.insights->raise();
  settle(window, [] { return true; });
  ok &= shoot(window, output.filePath(QStringLiteral("insights%1.png").arg(suffix)));

  // A scatter coloured by species in the Charts dock.
  docks.charts->raise();
  docks.chartsPanel->setRequest({lathe::explore::ChartKind::Scatter, "Flipper Length (mm)", "Body Mass (g)", "Species"});
  emit docks.chartsPanel->chartRequested(docks.chartsPanel->request());
  settle(window, [&] { return docks.chartsPanel->currentChart() != nullptr; });
  ok &= shoot(window, output.filePath(QStringLiteral("chart-scatter%1.png").arg(suffix)));

  docks.chartsPanel->setRequest({lathe::explore::ChartKind::BoxPlot, "Body Mass (g)", "", "Species"});
  emit docks.chartsPanel->chartRequested(docks.chartsPanel->request());
  settle(window, [&] { return docks.chartsPanel->currentChart() != nullptr; });
  ok &= shoot(window, output.filePath(QStringLiteral("chart-box%1.png").arg(suffix)));

  docks.chartsPanel->setRequest({lathe::explore::ChartKind::Correlation, "", "", ""});
  emit docks.chartsPanel->chartRequested(docks.chartsPanel->request());
  settle(window, [&] { return docks.chartsPanel->currentChart() != nullptr; });
  ok &= shoot(window, output.filePath(QStringLiteral("chart-correlation%1.png").arg(suffix)));

  // Training on credit-g (binary): logistic regression and a forest, then their comparison.
  qint64 credit = 0;
  for (const auto& dataset : window.document()->datasets())
    if (dataset.name == "credit-g" && !dataset.versions.empty()) credit = dataset.versions.back().id;
  if (credit == 0) {
    std::fprintf(stderr, "the project has no credit-g dataset\n");
    return 1;
  }
  // German credit's costs (calling a bad credit good costs 5, the reverse 1; "good" is class 1,
  // the positive one) and a KPI, so the business value and the KPI marks have something to say.
  auto info = window.document()->info();
  info.costs.falsePositive = -5.0;
  info.costs.falseNegative = -1.0;
  info.kpi = {"roc_auc", true, 0.75};
  window.document()->setInfo(info);
  docks.training->raise();
  window.resizeDocks({docks.training}, {430}, Qt::Horizontal);
  emit docks.trainingPanel->datasetChanged(credit);  // what picking it in the panel's list does
  settle(window, [&] {
    return docks.trainingPanel->datasetVersionId() == credit && docks.trainingPanel->target() == QLatin1String("class");
  });
  // The runs this tour trains (a project toured before holds earlier ones).
  qint64 before = 0;
  for (const auto& run : window.document()->runs()) before = std::max<qint64>(before, run.id);
  for (const char* algorithm : {"logistic", "forest"}) {
    docks.trainingPanel->setAlgorithm(QLatin1String(algorithm));
    window.training()->train();
    settle(window, [&] { return !window.training()->isTraining(); });
  }
  docks.data->raise();
  ok &= shoot(window, output.filePath(QStringLiteral("training%1.png").arg(suffix)));

  QList<qint64> ids;
  for (const auto& run : window.document()->runs())
    if (run.id > before) ids << run.id;
  std::sort(ids.begin(), ids.end());
  docks.experiments->raise();
  docks.experimentsPanel->selectRuns(ids);
  ok &= shoot(window, output.filePath(QStringLiteral("experiments%1.png").arg(suffix)));
  window.experiments()->compare(ids);
  window.resizeDocks({docks.comparison}, {560}, Qt::Vertical);
  settle(window, [] { return true; });
  ok &= shoot(window, output.filePath(QStringLiteral("comparison%1.png").arg(suffix)));
  ok &= grabWidget(docks.comparisonPanel->rocChart(), output.filePath(QStringLiteral("roc%1.png").arg(suffix)));
  const auto confusions = docks.comparisonPanel->confusionCharts();
  if (!confusions.isEmpty())
    ok &= grabWidget(confusions.front(), output.filePath(QStringLiteral("confusion-matrix%1.png").arg(suffix)));
  ok &= grabWidget(docks.comparisonPanel->businessValueChart(),
                   output.filePath(QStringLiteral("business-value%1.png").arg(suffix)));
  ok &= grabWidget(docks.comparisonPanel->hyperparameterChart(),
                   output.filePath(QStringLiteral("parallel-coordinates%1.png").arg(suffix)));

  // A depth-4 decision tree, opened in the Run dock on its Tree tab.
  docks.training->raise();
  docks.trainingPanel->setAlgorithm(QStringLiteral("tree"));
  if (auto* depth = docks.trainingPanel->findChild<QLineEdit*>(QStringLiteral("max_depth"))) depth->setText(QStringLiteral("4"));
  window.training()->train();
  settle(window, [&] { return !window.training()->isTraining(); });
  const auto runs = window.document()->runs();
  if (!runs.empty()) {
    emit docks.experimentsPanel->openRequested(runs.back().id);
    window.resizeDocks({docks.run}, {760}, Qt::Horizontal);
    docks.runPanel->tabs()->setCurrentIndex(2);
    docks.runPanel->treeView()->fitToView();
    settle(window, [] { return true; });
    ok &= shoot(window, output.filePath(QStringLiteral("run-tree%1.png").arg(suffix)));
  }

  // Tuning XGBoost on credit-g (Bayesian search, 24 trials), then AutoML on it for 20 seconds.
  auto* tuning = docks.tuningPanel;
  docks.training->raise();
  window.resizeDocks({docks.training}, {380}, Qt::Horizontal);
  docks.tuning->raise();
  window.resizeDocks({docks.tuning}, {560}, Qt::Vertical);
  settle(window, [&] { return tuning->form()->targetBox()->findText(QStringLiteral("class")) >= 0; });
  tuning->form()->setAutoMl(false);
  tuning->form()->targetBox()->setCurrentText(QStringLiteral("class"));
  tuning->form()->algorithmBox()->setCurrentIndex(tuning->form()->algorithmBox()->findData(QStringLiteral("xgboost")));
  tuning->form()->trialsBox()->setValue(24);
  window.tuning()->start();
  settle(window, [&] { return !window.tuning()->isRunning(); });
  tuning->results()->tabs()->setCurrentWidget(tuning->results()->scoreChart());
  settle(window, [] { return true; });
  ok &= shoot(window, output.filePath(QStringLiteral("tuning%1.png").arg(suffix)));
  tuning->results()->parameterBox()->setCurrentText(QStringLiteral("max_depth"));
  ok &= grabWidget(tuning->results()->parameterChart(), output.filePath(QStringLiteral("tuning-parameter%1.png").arg(suffix)));
  tuning->form()->setAutoMl(true);
  tuning->form()->budgetBox()->setValue(20);
  window.tuning()->start();
  settle(window, [&] { return !window.tuning()->isRunning(); });
  tuning->results()->tabs()->setCurrentIndex(0);
  settle(window, [] { return true; });
  ok &= shoot(window, output.filePath(QStringLiteral("automl%1.png").arg(suffix)));

  // The logistic and forest runs registered as versions 1 and 2 of "credit-risk", version 1 in
  // production; then an endpoint serving both, version 2 as a 20% canary, started.
  if (ids.size() >= 2) {
    for (const qint64 run : {ids[0], ids[1]}) {
      window.models()->registerRun(run, QStringLiteral("credit-risk"));
      settle(window, [&] { return !window.models()->isRunning(); });
    }
    auto& db = window.document()->project()->db();
    lathe::deploy::ModelRegistry registry(db);
    const auto versions = registry.versions("credit-risk");
    if (versions.size() >= 2) {
      window.models()->setAlias(versions[0].id, QStringLiteral("production"), QStringLiteral("first release"));
      docks.models->raise();
      window.resizeDocks({docks.models}, {420}, Qt::Vertical);
      settle(window, [] { return true; });
      ok &= shoot(window, output.filePath(QStringLiteral("models%1.png").arg(suffix)));
      lathe::deploy::EndpointRegistry(db).create(
          "credit-risk",
          {{versions[0].reference(), versions[0].id, 0.8, "variant"}, {versions[1].reference(), versions[1].id, 0.2, "canary"}},
          {{"sampling", 1.0}});
      window.deploy()->refresh();
      docks.deploy->raise();
      window.deploy()->start(0);
      settle(window, [] { return true; });
      ok &= shoot(window, output.filePath(QStringLiteral("deploy%1.png").arg(suffix)));
      window.deploy()->stop();
      ok &= shootMonitor(window, credit, output.filePath(QStringLiteral("monitor%1.png").arg(suffix)));
    }
  }

  // The demo's pipeline run to the end (F5): every node Done, its three runs recorded.
  window.pipeline()->runAll();
  settle(window, [&] { return !window.pipeline()->isRunning(); });
  docks.experiments->raise();
  docks.training->raise();
  window.resizeDocks({docks.training}, {380}, Qt::Horizontal);
  window.resizeDocks({docks.experiments}, {300}, Qt::Vertical);
  settle(window, [] { return true; });
  if (auto* canvas = window.findChild<lathe::widgets::PipelineCanvasView*>()) canvas->fitToContents();
  settle(window, [] { return true; });
  ok &= shoot(window, output.filePath(QStringLiteral("pipeline%1.png").arg(suffix)));

  // Double-clicked nodes: the Recipe node in the data wrangler, a Train node in the training panel.
  const auto nodeOf = [&](const std::string& type, const std::string& algorithm) {
    for (const auto& [id, node] : window.pipeline()->document()->graph().nodes())
      if (node.type == type && (algorithm.empty() || node.parameters.value("algorithm", std::string()) == algorithm))
        return id;
    return 0;
  };
  if (const int recipe = nodeOf("recipe", {})) {
    window.nodeEditors()->edit(recipe, QStringLiteral("recipe"));
    settle(window, [&] { return window.recipes()->editedNode() == recipe; });
    docks.data->raise();
    settle(window, [] { return true; });
    ok &= shoot(window, output.filePath(QStringLiteral("pipeline-recipe-node%1.png").arg(suffix)));
  }
  if (const int train = nodeOf("train", "forest")) {
    window.nodeEditors()->edit(train, QStringLiteral("train"));
    settle(window, [&] { return window.training()->editedNode() == train; });
    ok &= shoot(window, output.filePath(QStringLiteral("pipeline-train-node%1.png").arg(suffix)));
  }
  return ok ? 0 : 1;
}
