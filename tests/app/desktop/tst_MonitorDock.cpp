// The Monitor dock in the studio window (issue 11, items 1 to 5): a project with German credit, a
// logistic model registered as credit:1 (production). Through MonitorController and the panel: a
// project without baselines says to make one; New Baseline (with the model and the sensitive
// attribute) runs as a job and the panel moves on to "make a schedule"; a schedule on a file with
// credit_amount tripled, run now as a job while the GUI thread stays free, shows its run with
// credit_amount drifting and an alert; the timer's tick runs a schedule that is due and not one
// that is not; Compare a File adds a run by hand, kept apart from the schedule's runs; and
// Retrain… from the panel opens the retraining dialog, retrains as a job, shows the live and the
// retrained model on one holdout, and Promote makes the retrained one production, recorded.
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include "../../engine/RegisteredModel.h"
#include "GuiStallMeter.h"
#include "IsolatedSettings.h"
#include "TimeBounds.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/MonitorController.h"
#include "app/desktop/StudioDocks.h"
#include "app/document/ProjectDocument.h"
#include "engine/data/CsvWriter.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/monitor/MonitorRepository.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "widgets/monitor/MonitorPanel.h"
#include "widgets/monitor/RetrainDialog.h"

using lathe::app::MainWindow;
using namespace lathe;

namespace {

const int kWait = static_cast<int>(120000 * kTimeBoundScale);

void writeCsv(const data::Table& table, const QString& path) {
  data::CsvWriteOptions options;
  options.escapeFormulas = false;
  mltest::QuietContext quiet;
  data::writeCsv(table, path.toStdString(), options, quiet.context);
}

}  // namespace

class tst_MonitorDock : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;
  QTemporaryDir dir_;
  QString path_;
  std::unique_ptr<MainWindow> window_;

  app::MonitorController* controller() const { return window_->monitor(); }
  widgets::MonitorPanel* panel() const { return window_->docks().monitorPanel; }
  monitor::MonitorRepository repository() const { return monitor::MonitorRepository(window_->document()->project()->db()); }

  bool waitIdle() { return QTest::qWaitFor([this] { return !controller()->isRunning(); }, kWait); }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    path_ = dir_.filePath("credit.lathe");
    {
      std::shared_ptr<store::Project> project =
          store::Project::create(path_.toStdString(), store::ProjectInfo{"Credit", {}, {}, {}, {}, {}, {}});
      const data::Table credit = mltest::loadTable("credit-g.arff");
      const auto version = store::DatasetRepository(project->db()).addDataset("credit-g", credit, {});
      const auto info = enginetest::registerRun(project, enginetest::trainRun(project, version, "class", "logistic"), "credit");
      deploy::ModelRegistry(project->db()).setAlias(info.id, "production", "first");
      auto columns = credit.columns();
      const auto amount = *credit.indexOf("credit_amount");
      std::vector<double> tripled;
      for (std::size_t r = 0; r < credit.rowCount(); ++r) tripled.push_back(credit.column(amount).numericAt(r) * 3);
      columns[amount] = data::Column::float64("credit_amount", tripled);
      writeCsv(data::Table(columns), dir_.filePath("tripled.csv"));
      writeCsv(credit, dir_.filePath("same.csv"));
    }
    window_ = std::make_unique<MainWindow>();
    window_->show();
    window_->openFile(path_);
    QVERIFY(QTest::qWaitFor([this] { return window_->document()->hasProject(); }, kWait));
  }

  void withoutABaselineThePanelSaysWhatToDo() {
    QCOMPARE(panel()->state(), widgets::MonitorPanel::State::NoBaseline);
    QVERIFY(panel()->emptyStateText().contains("New Baseline"));
  }

  void aBaselineIsMadeAsAJob() {
    QVERIFY(controller()->createBaseline("credit at training", "credit-g", "credit:production", "foreign_worker"));
    QVERIFY(controller()->isRunning());
    QVERIFY(waitIdle());
    QCOMPARE(repository().baselines().size(), std::size_t{1});
    QCOMPARE(panel()->state(), widgets::MonitorPanel::State::NoSchedule);
  }

  void aScheduleRunsWithoutBlockingTheWindow() {
    monitor::MonitorSchedule s;
    s.name = "tripled amounts";
    s.baselineId = repository().baselines().front().id;
    s.source = monitor::BatchSource::File;
    s.sourceRef = dir_.filePath("tripled.csv").toStdString();
    s.sensitiveAttribute = "foreign_worker";
    QVERIFY(controller()->saveSchedule(s));
    QCOMPARE(panel()->state(), widgets::MonitorPanel::State::NoRuns);
    const auto id = repository().findSchedule("tripled amounts")->id;
    GuiStallMeter meter;
    meter.start();
    QVERIFY(controller()->runSchedule(id));
    QVERIFY(panel()->isBusy());
    QVERIFY(waitIdle());
    meter.stop();
    QVERIFY2(meter.worstStallMs() < 500 * kTimeBoundScale, qPrintable(QString::number(meter.worstStallMs())));
    QCOMPARE(panel()->state(), widgets::MonitorPanel::State::Runs);
    const auto runs = repository().runs(id);
    QCOMPARE(runs.size(), std::size_t{1});
    bool drifted = false;
    for (const auto& f : runs.front().data.features) drifted |= f.name == "credit_amount" && f.drift;
    QVERIFY(drifted);
    QVERIFY(!runs.front().alerts.empty());
  }

  void theTimerRunsWhatIsDue() {
    QCOMPARE(controller()->runDueSchedules(), 0);  // ran a moment ago
    monitor::MonitorSchedule s;
    s.name = "same data";
    s.baselineId = repository().baselines().front().id;
    s.source = monitor::BatchSource::File;
    s.sourceRef = dir_.filePath("same.csv").toStdString();
    QVERIFY(controller()->saveSchedule(s));
    QCOMPARE(controller()->runDueSchedules(), 1);  // never ran: due
    QVERIFY(waitIdle());
    QCOMPARE(repository().runs(repository().findSchedule("same data")->id).size(), std::size_t{1});
    QCOMPARE(controller()->runDueSchedules(), 0);
  }

  // A due schedule whose batch is gone fails once, then waits for its interval: the timer does
  // not fail it again every minute. Run Now still tries, and a success clears the wait.
  void aFailingScheduleWaitsForItsInterval() {
    const QString gone = dir_.filePath("arrives-later.csv");
    monitor::MonitorSchedule s;
    s.name = "late file";
    s.baselineId = repository().baselines().front().id;
    s.source = monitor::BatchSource::File;
    s.sourceRef = gone.toStdString();
    QVERIFY(controller()->saveSchedule(s));
    const auto id = repository().findSchedule("late file")->id;
    QCOMPARE(controller()->runDueSchedules(), 1);
    QVERIFY(waitIdle());
    QVERIFY(repository().runs(id).empty());  // failed: nothing recorded
    QCOMPARE(controller()->runDueSchedules(), 0);  // still due, but it waits
    QVERIFY(QFile::copy(dir_.filePath("same.csv"), gone));
    QVERIFY(controller()->runSchedule(id));  // Run Now
    QVERIFY(waitIdle());
    QCOMPARE(repository().runs(id).size(), std::size_t{1});
    QCOMPARE(controller()->runDueSchedules(), 0);  // ran a moment ago
  }

  void aFileIsComparedByHand() {
    const auto id = repository().findSchedule("same data")->id;
    QVERIFY(controller()->compareFile(id, dir_.filePath("tripled.csv")));
    QVERIFY(waitIdle());
    QCOMPARE(repository().runs(0).size(), std::size_t{1});  // a run by hand, not the schedule's
    QCOMPARE(repository().runs(id).size(), std::size_t{1});
  }

  void retrainingFromThePanelIsRecorded() {
    const auto id = repository().findSchedule("tripled amounts")->id;
    emit panel()->retrainRequested(id);
    auto* dialog = window_->findChild<widgets::RetrainDialog*>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->findChild<QLineEdit*>(QStringLiteral("retrainFile"))->setText(dir_.filePath("same.csv"));
    QVERIFY2(dialog->validate().isEmpty(), qPrintable(dialog->validate()));
    dialog->retrainButton()->click();
    QVERIFY(controller()->isRunning());
    QVERIFY(QTest::qWaitFor([dialog] { return dialog->showsComparison(); }, kWait));
    QVERIFY(!dialog->verdictText().isEmpty());
    deploy::ModelRegistry registry(window_->document()->project()->db());
    QCOMPARE(registry.resolve("credit:2").alias, std::string("candidate"));
    dialog->promoteButton()->click();
    QCOMPARE(registry.resolve("credit:production").version, 2);
    const auto recorded = repository().retrainings();
    QCOMPARE(recorded.size(), std::size_t{1});
    QCOMPARE(recorded.front().decision, std::string("promoted"));
    QCOMPARE(recorded.front().mode, std::string("append"));
  }
};

QTEST_MAIN(tst_MonitorDock)
#include "tst_MonitorDock.moc"
