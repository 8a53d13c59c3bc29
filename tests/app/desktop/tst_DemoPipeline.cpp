// The German-credit demo in the window (issue 8, items 4 and 5): File › New from Demo writes the
// project and opens it with its pipeline on the canvas; Run all (F5) trains the three models and
// records them with the same metrics `lathe run` gives for the same seed.
#include <QAction>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "IsolatedSettings.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/PipelineController.h"
#include "app/desktop/ProjectController.h"
#include "app/document/PipelineDocument.h"
#include "app/document/ProjectDocument.h"
#include "engine/pipeline/DemoProject.h"
#include "engine/pipeline/NodeState.h"
#include "widgets/canvas/NodeItem.h"
#include "widgets/canvas/PipelineScene.h"
#include "TestPaths.h"

using lathe::app::MainWindow;

namespace {
constexpr int kWait = 300000;  // three trainings on 1,000 rows; generous for the sanitizer build

// Test metrics per algorithm, as stored in the project.
std::map<std::string, double> testAucs(const lathe::app::ProjectDocument& document) {
  std::map<std::string, double> out;
  for (const auto& summary : document.runs())
    for (const auto& m : summary.metrics)
      if (m.split == "test" && m.name == "roc_auc") out[summary.algorithm] = m.value;
  return out;
}
}  // namespace

class tst_DemoPipeline : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;
  QTemporaryDir dir_;

 private slots:
  void demoOpensAndRunsLikeTheCli() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString path = dir_.filePath(QStringLiteral("German credit.lathe"));
    window.projects()->newDemoProject(path);
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->hasProject(), kWait);
    QCOMPARE(QString::fromStdString(window.document()->info().name), QStringLiteral("German credit"));
    QVERIFY(window.document()->info().costs.isSet());

    // The pipeline is on the canvas: Import, Recipe, Split, three Train, three Evaluate, Compare.
    auto* scene = window.pipeline()->scene();
    QTRY_COMPARE_WITH_TIMEOUT(scene->nodeItems().size(), 10, kWait);
    QCOMPARE(int(scene->linkItems().size()), int(window.pipeline()->document()->graph().links().size()));

    // F5 runs every node to Done and records three runs.
    QAction* run = nullptr;
    for (QAction* action : window.findChildren<QAction*>())
      if (action->shortcut() == QKeySequence(Qt::Key_F5)) run = action;
    QVERIFY(run);
    QTRY_VERIFY_WITH_TIMEOUT(run->isEnabled(), kWait);
    run->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window.pipeline()->isRunning(), kWait);
    for (auto* node : scene->nodeItems())
      QVERIFY2(node->state() == lathe::pipeline::NodeState::Done, qPrintable(node->title() + QStringLiteral(": ") + node->message()));
    QCOMPARE(window.document()->runCount(), 3);
    const auto gui = testAucs(*window.document());
    QCOMPARE(gui.size(), std::size_t(3));

    // The CLI on a fresh demo with the same seed (0) gives the same test AUCs.
    const QString cliProject = dir_.filePath(QStringLiteral("cli.lathe"));
    QProcess cli;
    cli.start(QString::fromUtf8(LATHE_CLI), {QStringLiteral("project"), QStringLiteral("new"), cliProject, QStringLiteral("--demo")});
    QVERIFY(cli.waitForFinished(kWait));
    QCOMPARE(cli.exitCode(), 0);
    cli.start(QString::fromUtf8(LATHE_CLI), {QStringLiteral("run"), cliProject, QStringLiteral("--json")});
    QVERIFY(cli.waitForFinished(kWait));
    QCOMPARE(cli.exitCode(), 0);
    const auto report = nlohmann::json::parse(cli.readAllStandardOutput().toStdString());
    std::map<std::string, double> headless;
    for (const auto& r : report.at("runs"))
      headless[r.at("algorithm").get<std::string>()] = r.at("metrics_by_split").at("test").at("roc_auc").get<double>();
    for (const auto& [algorithm, auc] : gui) {
      QVERIFY2(headless.count(algorithm), algorithm.c_str());
      QVERIFY2(std::abs(headless[algorithm] - auc) < 1e-12,
               qPrintable(QStringLiteral("%1: GUI %2, CLI %3").arg(QString::fromStdString(algorithm)).arg(auc).arg(headless[algorithm])));
    }
  }
};

QTEST_MAIN(tst_DemoPipeline)
#include "tst_DemoPipeline.moc"
