// Training and experiments end to end in the studio window, driven with QTest on the real
// widgets (issue 7, items 7 and 8): import credit-g.arff, train logistic regression and a random
// forest from the Training dock, compare the two runs and check what the comparison draws against
// what the engine computed, export the comparison as a report, then delete a run and bring it back
// with undo. The slots run in order on one window: each continues where the last one ended.
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <memory>

#include "IsolatedSettings.h"
#include "ModalCloser.h"
#include "app/desktop/ExperimentsController.h"
#include "app/desktop/ImportDialog.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/StudioDocks.h"
#include "app/desktop/TrainingController.h"
#include "app/document/ProjectDocument.h"
#include "engine/eval/ConfusionMatrix.h"
#include "engine/eval/Curves.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/store/RunRepository.h"
#include "widgets/charts/BusinessValueChart.h"
#include "widgets/charts/ConfusionMatrixChart.h"
#include "widgets/charts/ParallelCoordinatesChart.h"
#include "widgets/charts/RocCurveChart.h"
#include "widgets/panels/ExperimentsPanel.h"
#include "widgets/panels/RunComparisonPanel.h"
#include "widgets/panels/TrainingPanel.h"
#include "TestPaths.h"

using lathe::app::MainWindow;

namespace {

constexpr int kWait = 120000;  // a 5-fold training on 1,000 rows; generous for the sanitizer build

double metric(const lathe::store::ExperimentRun& run, const std::string& split, const std::string& name) {
  for (const auto& m : run.metrics)
    if (m.split == split && m.name == name) return m.value;
  return std::nan("");
}

}  // namespace

class tst_TrainingWorkflow : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;
  std::unique_ptr<MainWindow> window_;
  std::unique_ptr<ModalCloser> closer_;

  const lathe::app::StudioDocks& docks() const { return window_->docks(); }
  lathe::widgets::TrainingPanel* training() const { return docks().trainingPanel; }
  lathe::widgets::ExperimentsPanel* experiments() const { return docks().experimentsPanel; }
  lathe::widgets::RunComparisonPanel* comparison() const { return docks().comparisonPanel; }
  QTableView* runTable() const { return experiments()->findChild<QTableView*>(QStringLiteral("runTable")); }
  template <typename W>
  W* in(QWidget* parent, const char* name) const {
    return parent->findChild<W*>(QLatin1String(name));
  }

  // Picks the algorithm in the combo with the keyboard, as a user would.
  void chooseAlgorithm(const QString& id) {
    auto* combo = in<QComboBox>(training(), "algorithmCombo");
    QVERIFY(combo);
    const int index = combo->findData(id);
    QVERIFY2(index >= 0, qPrintable(id));
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < index; ++i) QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentData().toString(), id);
  }

  // Clicks Train and waits for the run to be stored; returns the new run count.
  void trainAndWait(int runsAfter) {
    auto* train = in<QPushButton>(training(), "trainButton");
    QVERIFY(train && train->isEnabled());
    QTest::mouseClick(train, Qt::LeftButton);
    QVERIFY(training()->isRunning());
    QVERIFY(in<QPushButton>(training(), "cancelButton")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!training()->isRunning(), kWait);
    QVERIFY2(training()->status().startsWith(QStringLiteral("Trained")), qPrintable(training()->status()));
    QCOMPARE(window_->document()->runCount(), runsAfter);
    QTRY_COMPARE_WITH_TIMEOUT(runTable()->model()->rowCount(), runsAfter, kWait);
  }

  std::vector<lathe::store::ExperimentRun> storedRuns() const {
    std::vector<lathe::store::ExperimentRun> runs;
    for (const auto& summary : window_->document()->runs()) runs.push_back(*window_->document()->run(summary.id));
    return runs;
  }

 private slots:
  void initTestCase() {
    window_ = std::make_unique<MainWindow>();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
  }

  void cleanupTestCase() {
    if (closer_) QVERIFY2(closer_->closed.isEmpty(), qPrintable(closer_->closed.join(QStringLiteral(", "))));
    closer_.reset();
    window_.reset();
  }

  // 1. Import credit-g.arff: the Training dock offers its columns, the last one ("class") as
  // target, detected as a binary problem.
  void importOffersTheTarget() {
    window_->openFile(QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/credit-g.arff"));
    auto* dialog = window_->findChild<lathe::app::ImportDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->preview() || !dialog->previewError().isEmpty(), kWait);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    closer_ = std::make_unique<ModalCloser>();
    QTRY_VERIFY_WITH_TIMEOUT(window_->recipes() && training()->datasetVersionId() > 0, kWait);
    docks().training->raise();
    QTRY_VERIFY_WITH_TIMEOUT(training()->isVisible(), kWait);
    QCOMPARE(training()->target(), QStringLiteral("class"));
    QCOMPARE(training()->effectiveTask(), QStringLiteral("binary"));
    QVERIFY(in<QLabel>(training(), "detectedTask")->text().contains(QStringLiteral("binary")));
    // A regression-only algorithm is not offered for a binary target.
    QVERIFY(in<QComboBox>(training(), "algorithmCombo")->findData(QStringLiteral("linear")) < 0);
  }

  // 2. Logistic regression with 5-fold cross-validation, then a 40-tree forest: two runs.
  void trainsTwoRuns() {
    in<QCheckBox>(training(), "learningCurveCheck")->setChecked(false);  // quicker; tested in the engine
    chooseAlgorithm(QStringLiteral("logistic"));
    trainAndWait(1);
    chooseAlgorithm(QStringLiteral("forest"));
    auto* trees = training()->findChild<QSpinBox*>(QStringLiteral("n_estimators"));
    QVERIFY(trees);
    trees->setValue(40);
    QCOMPARE(training()->parameters().value("n_estimators", 0), 40);
    trainAndWait(2);
    const auto runs = storedRuns();
    QCOMPARE(runs[0].algorithm, std::string("logistic"));
    QCOMPARE(runs[1].algorithm, std::string("forest"));
    QVERIFY(metric(runs[0], "cv", "roc_auc") > 0.75);  // scikit-learn: 0.787
    QVERIFY(metric(runs[1], "cv", "roc_auc") > 0.72);
    QVERIFY(window_->document()->modelCount() == 2);
  }

  // 3. Select both runs and Compare: two ROC curves with the AUCs the engine computed, and each
  // run's confusion matrix with its counts.
  void comparisonDrawsWhatTheEngineComputed() {
    docks().experiments->raise();
    QTRY_VERIFY_WITH_TIMEOUT(runTable()->isVisible(), kWait);
    runTable()->selectAll();
    auto* compare = in<QToolButton>(experiments(), "compareButton");
    QVERIFY(compare && compare->isEnabled());
    QTest::mouseClick(compare, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(comparison()->isVisible(), kWait);
    QCOMPARE(comparison()->runCount(), 2);

    const auto runs = storedRuns();
    auto* roc = comparison()->rocChart();
    QCOMPARE(roc->curveCount(), 2);
    for (const auto& run : runs) {
      // The curves are in the order the runs were selected; find this run's by its name.
      int i = 0;
      while (i < roc->curveCount() && roc->curveName(i) != QString::fromStdString(run.name)) ++i;
      QVERIFY2(i < roc->curveCount(), run.name.c_str());
      // The drawn curve is the run's pooled out-of-fold ROC, and its AUC is the engine's score
      // of those predictions.
      const double auc = metric(run, "out_of_fold", "roc_auc");
      QVERIFY2(std::abs(roc->curveArea(i) - auc) < 1e-9,
               qPrintable(QStringLiteral("%1 vs %2").arg(roc->curveArea(i)).arg(auc)));
      QVERIFY2(roc->legendText(i).contains(QString::number(auc, 'f', 3)), qPrintable(roc->legendText(i)));
    }
    QVERIFY(roc->hasMarker());

    const auto charts = comparison()->confusionCharts();
    QCOMPARE(charts.size(), 2);
    for (auto* chart : charts) {
      // Each chart is named after its run.
      const auto run = std::find_if(runs.begin(), runs.end(), [&](const auto& r) {
        return chart->accessibleName() == QString::fromStdString(r.name);
      });
      QVERIFY2(run != runs.end(), qPrintable(chart->accessibleName()));
      // The counts the engine computes from the stored out-of-fold predictions' confusion.
      const auto& stored = run->confusions.front();
      std::int64_t total = 0;
      for (int a = 0; a < 2; ++a)
        for (int p = 0; p < 2; ++p) {
          QCOMPARE(chart->cellCount(a, p), stored.counts[a][p]);
          total += stored.counts[a][p];
        }
      QCOMPARE(total, std::int64_t{1000});
      QCOMPARE(stored.counts[0][0] + stored.counts[0][1], std::int64_t{300});  // 300 bad, 700 good
      const double share = 100.0 * double(stored.counts[1][1]) / 700.0;
      QVERIFY2(chart->cellText(1, 1).contains(QString::number(share, 'f', 1)), qPrintable(chart->cellText(1, 1)));
    }
    // The metric table marks the better AUC.
    QVERIFY(comparison()->metricsTable()->rowCount() >= 5);
    // One line per run across the algorithm and the hyperparameters the runs share, the last axis
    // the runs' roc_auc.
    auto* parallel = comparison()->hyperparameterChart();
    QCOMPARE(parallel->lineCount(), 2);
    QVERIFY(parallel->axisCount() >= 2);
    QCOMPARE(parallel->axisName(0), QStringLiteral("algorithm"));  // two algorithms: the first axis
    QVERIFY(parallel->axisName(parallel->axisCount() - 1).contains(QStringLiteral("roc_auc")));
    // Without a cost matrix the business value says to set one.
    QCOMPARE(comparison()->businessValueChart()->curveCount(), 0);
  }

  // 4. The comparison as a report: HTML with the tables and every chart inside, and PDF.
  void exportsTheComparisonAsAReport() {
    QTemporaryDir dir;
    const QString html = dir.filePath(QStringLiteral("comparison.html"));
    QCOMPARE(window_->experiments()->exportReport(html), QString());
    QFile page(html);
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(page.readAll());
    for (const auto& run : storedRuns()) QVERIFY(text.contains(QString::fromStdString(run.name)));
    QVERIFY(text.contains(QStringLiteral("★")));
    QVERIFY(text.contains(QStringLiteral("roc_auc")));
    // ROC, PR, two confusion matrices, learning curves, two runs' feature importances and the
    // hyperparameters; no business value, as the project has no cost matrix.
    QCOMPARE(text.count(QStringLiteral("data:image/png;base64,")), 8);
    QVERIFY(text.contains(QStringLiteral("Hyperparameters against the metric")));
    QVERIFY(!text.contains(QStringLiteral("Business value")));
    const QString pdf = dir.filePath(QStringLiteral("comparison.pdf"));
    QCOMPARE(window_->experiments()->exportReport(pdf), QString());
    QFile document(pdf);
    QVERIFY(document.open(QIODevice::ReadOnly));
    QVERIFY(document.read(5) == "%PDF-");
    QVERIFY(document.size() > 20000);
    QVERIFY(!window_->experiments()->exportReport(dir.filePath(QStringLiteral("report.docx"))).isEmpty());
    QVERIFY(!window_->experiments()->exportReport(QStringLiteral("/no/such/folder/report.html")).isEmpty());
  }

  // 5. Delete the first run from the Experiments table, then Undo: it comes back whole.
  void deleteThenUndoRestoresTheRun() {
    const auto before = storedRuns();
    runTable()->clearSelection();
    runTable()->selectRow(0);
    auto* remove = in<QToolButton>(experiments(), "deleteButton");
    QVERIFY(remove && remove->isEnabled());
    const QList<qint64> selected = experiments()->selectedRunIds();
    QCOMPARE(selected.size(), 1);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(runTable()->model()->rowCount(), 1, kWait);
    QCOMPARE(window_->document()->runCount(), 1);

    window_->document()->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(runTable()->model()->rowCount(), 2, kWait);
    const auto after = storedRuns();
    QCOMPARE(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
      QCOMPARE(after[i].id, before[i].id);
      QCOMPARE(after[i].name, before[i].name);
      QCOMPARE(metric(after[i], "cv", "roc_auc"), metric(before[i], "cv", "roc_auc"));
    }
    // The model came back with it.
    lathe::store::RunRepository runs(window_->document()->project()->db());
    QVERIFY(runs.model(selected.front()).has_value());
  }
};

QTEST_MAIN(tst_TrainingWorkflow)
#include "tst_TrainingWorkflow.moc"
