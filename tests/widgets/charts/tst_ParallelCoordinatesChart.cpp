// The parallel-coordinates chart on runs as the engine lays them out (ParallelCoordinates::of):
// lines where the positions say, coloured worst to best with the best end named, hovering and
// tooltips naming the run, clicking an axis to colour by it, a thousand tuning trials drawn
// quickly, the empty states and the exports.
#include <QElapsedTimer>
#include <QToolTip>
#include <QtTest>
#include <cmath>
#include <random>

#include <nlohmann/json.hpp>

#include "ChartTestSupport.h"
#include "engine/experiments/ParallelCoordinates.h"
#include "widgets/charts/ParallelCoordinatesChart.h"

using lathe::experiments::ParallelCoordinates;
using lathe::store::ExperimentRun;
using lathe::widgets::ParallelCoordinatesChart;

namespace {

const QColor kWorst(0x0072B2);  // the gradient's ends: Okabe-Ito blue and vermilion
const QColor kBest(0xD55E00);

ExperimentRun run(std::int64_t id, const std::string& name, const std::string& parameters, double auc, double logLoss) {
  ExperimentRun r;
  r.id = id;
  r.name = name;
  r.algorithm = "xgboost";
  r.task = "binary";
  r.parametersJson = parameters;
  r.metrics = {{"cv", "roc_auc", auc}, {"cv", "log_loss", logLoss}};
  return r;
}

// Four xgboost runs as a small study leaves them; the last has no score (it failed).
std::vector<ExperimentRun> study() {
  auto failed = run(4, "xgb failed", R"({"booster":"gblinear","learning_rate":0.05,"n_estimators":200})", 0, 0);
  failed.metrics.clear();
  return {run(1, "xgb slow", R"({"booster":"gbtree","learning_rate":0.001,"n_estimators":1000,"max_depth":3})", 0.74, 0.58),
          run(2, "xgb default", R"({"booster":"gbtree","learning_rate":0.3,"n_estimators":100,"max_depth":6})", 0.79, 0.49),
          run(3, "xgb dart", R"({"booster":"dart","learning_rate":0.01,"n_estimators":300,"max_depth":4})", 0.77, 0.52),
          failed};
}

bool sameColour(const QColor& a, const QColor& b) {
  return std::abs(a.red() - b.red()) <= 3 && std::abs(a.green() - b.green()) <= 3 && std::abs(a.blue() - b.blue()) <= 3;
}

QPoint pixelOf(const ParallelCoordinatesChart& chart, double x, double y) {
  return QPoint(qRound(chart.xAxis->coordToPixel(x)), qRound(chart.yAxis->coordToPixel(y)));
}

// The middle of a line's segment between axes a and a + 1.
QPoint middleOf(const ParallelCoordinatesChart& chart, const ParallelCoordinates& pc, int line, int a) {
  const auto& p = pc.lines[std::size_t(line)].positions;
  return pixelOf(chart, a + 0.5, (p[std::size_t(a)] + p[std::size_t(a) + 1]) / 2);
}

}  // namespace

class tst_ParallelCoordinatesChart : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  void linesAreThePositionsOnNamedAxes() {
    const auto pc = ParallelCoordinates::of(study());
    ParallelCoordinatesChart chart;
    QCOMPARE(chart.objectName(), QStringLiteral("parallelCoordinatesChart"));
    chart.setCoordinates(pc);
    QVERIFY(chart.emptyStateText().isEmpty());
    QCOMPARE(chart.axisCount(), 5);
    const QStringList names = {"booster", "learning_rate", "max_depth", "n_estimators", "roc_auc"};
    for (int a = 0; a < 5; ++a) QCOMPARE(chart.axisName(a), names[a]);
    QVERIFY(chart.axisName(5).isEmpty());
    QCOMPARE(chart.lineCount(), 4);
    for (int i = 0; i < 4; ++i) {
      const QVector<QPointF> points = chart.linePoints(i);
      QCOMPARE(points.size(), 5);
      for (int a = 0; a < 5; ++a) {
        const double expected = pc.lines[std::size_t(i)].positions[std::size_t(a)];
        QCOMPARE(points[a].x(), double(a));
        if (std::isnan(expected)) QVERIFY(std::isnan(points[a].y()));
        else QCOMPARE(points[a].y(), expected);
      }
    }
    // The failed run lacks max_depth and a score: gaps there.
    QVERIFY(std::isnan(chart.linePoints(3)[2].y()));
    QVERIFY(std::isnan(chart.linePoints(3)[4].y()));
    QVERIFY(chart.linePoints(4).isEmpty());

    // The names across the top, the ticks on each axis: categories, decades, round values.
    const auto ticker = chart.xAxis2->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().value(1), QStringLiteral("learning_rate"));
    QCOMPARE(chart.tickLabels(0), (QStringList{"dart", "gblinear", "gbtree"}));
    QVERIFY(pc.axes[1].logScale);  // 0.001 to 0.3
    QCOMPARE(chart.tickLabels(1), (QStringList{"0.001", "0.01", "0.1"}));
    QCOMPARE(chart.tickLabels(2), (QStringList{"3", "4", "5", "6"}));
    QVERIFY(!pc.axes[3].logScale);  // 100 to 1,000 trees is only tenfold: linear
    QCOMPARE(chart.tickLabels(3), (QStringList{"200", "400", "600", "800", "1,000"}));
    // Steps of 0.01 would make six ticks: steps of 0.02.
    QCOMPARE(chart.tickLabels(4), (QStringList{"0.74", "0.76", "0.78"}));
    for (int a = 1; a < 5; ++a) QVERIFY2(chart.tickLabels(a).size() >= 3 && chart.tickLabels(a).size() <= 5, qPrintable(chart.tickLabels(a).join(',')));
  }

  void fewRoundTicksGetTheEnds() {
    // subsample 0.31 to 0.43: steps of 0.02 make six ticks, steps of 0.05 only 0.35 and 0.4.
    ParallelCoordinatesChart chart;
    chart.setCoordinates(ParallelCoordinates::of({run(1, "a", R"({"subsample":0.31})", 0.7, 0.5),
                                                  run(2, "b", R"({"subsample":0.43})", 0.8, 0.5),
                                                  run(3, "c", R"({"subsample":0.37})", 0.75, 0.5)}));
    QCOMPARE(chart.tickLabels(0), (QStringList{"0.31", "0.35", "0.4", "0.43"}));
    // A log axis with two decades inside: the ends join them, with three digits.
    chart.setCoordinates(ParallelCoordinates::of({run(1, "a", R"({"learning_rate":0.00100259})", 0.7, 0.5),
                                                  run(2, "b", R"({"learning_rate":0.314283})", 0.8, 0.5),
                                                  run(3, "c", R"({"learning_rate":0.05})", 0.75, 0.5)}));
    QCOMPARE(chart.tickLabels(0), (QStringList{"0.001", "0.01", "0.1", "0.314"}));
    // A constant parameter: its one value, in the middle.
    chart.setCoordinates(ParallelCoordinates::of({run(1, "a", R"({"C":2.5})", 0.7, 0.5), run(2, "b", R"({"C":2.5})", 0.8, 0.5)}));
    QCOMPARE(chart.tickLabels(0), (QStringList{"2.5"}));
    QCOMPARE(chart.linePoints(1)[0].y(), 0.5);
  }

  void colouredWorstToBestWithTheBestNamed() {
    const auto pc = ParallelCoordinates::of(study());
    ParallelCoordinatesChart chart;
    chart.setCoordinates(pc);
    QCOMPARE(chart.colorAxis(), 4);
    QVERIFY(sameColour(chart.lineColor(1), kBest));   // 0.79
    QVERIFY(sameColour(chart.lineColor(0), kWorst));  // 0.74
    QVERIFY(!sameColour(chart.lineColor(2), kBest) && !sameColour(chart.lineColor(2), kWorst));
    QCOMPARE(chart.lineColor(3), chart.palette().color(QPalette::Mid));  // no score: grey
    auto* scale = chart.findChild<QCPColorScale*>(QStringLiteral("colorScale"));
    QVERIFY(scale);
    QCOMPARE(scale->label(), QStringLiteral("roc_auc (cv)"));
    QCOMPARE(chart.colorScaleLabels(), (QStringList{"0.74", "0.765", "0.79 (best)"}));
    QVERIFY(!scale->axis()->rangeReversed());
    // The best line is drawn last, over the others.
    QCOMPARE(chart.plottable(chart.plottableCount() - 2)->pen().color(), chart.lineColor(1));

    // log_loss: lower is better, so the lowest loss is the vermilion one and the scale turns over.
    chart.setCoordinates(ParallelCoordinates::of(study(), "log_loss"));
    QVERIFY(sameColour(chart.lineColor(1), kBest));   // 0.49
    QVERIFY(sameColour(chart.lineColor(0), kWorst));  // 0.58
    scale = chart.findChild<QCPColorScale*>(QStringLiteral("colorScale"));
    QVERIFY(scale && scale->axis()->rangeReversed());
    QCOMPARE(chart.colorScaleLabels(), (QStringList{"0.58", "0.535", "0.49 (best)"}));
  }

  void hoverHighlightsAndNamesTheRun() {
    const auto pc = ParallelCoordinates::of(study());
    ParallelCoordinatesChart chart;
    chart.resize(800, 450);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setCoordinates(pc);
    chart.replot();
    // Run 2 ("xgb default") between learning_rate and max_depth: both at the top.
    const QPoint over = middleOf(chart, pc, 1, 1);
    QCOMPARE(chart.lineAt(over), 1);
    QTest::mouseMove(&chart, over);
    QCOMPARE(chart.highlightedLine(), 1);
    auto* highlighted = chart.findChild<QCPCurve*>(QStringLiteral("highlightedLine"));
    QVERIFY(highlighted && highlighted->visible());
    QCOMPARE(highlighted->dataCount(), 5);
    QCOMPARE(highlighted->data()->at(2)->value, 1.0);
    QCOMPARE(highlighted->layer()->name(), QStringLiteral("overlay"));

    const QString tip = chart.toolTipAt(over);
    QCOMPARE(tip, QStringLiteral("xgb default\nbooster: gbtree\nlearning_rate: 0.3\nmax_depth: 6\nn_estimators: 100\nroc_auc: 0.79"));
    QHelpEvent help(QEvent::ToolTip, over, chart.mapToGlobal(over));
    QApplication::sendEvent(&chart, &help);
    QTRY_COMPARE(QToolTip::text(), tip);

    // The failed run: its gaps and its missing score said in words.
    const QPoint failed = middleOf(chart, pc, 3, 0);
    QCOMPARE(chart.lineAt(failed), 3);
    QCOMPARE(chart.toolTipAt(failed), QStringLiteral("xgb failed\nbooster: gblinear\nlearning_rate: 0.05\nmax_depth: not set\n"
                                                     "n_estimators: 200\nroc_auc: no value"));

    // Away from every line: nothing highlighted, no tooltip.
    const QPoint empty = pixelOf(chart, 3.5, 0.9);
    QCOMPARE(chart.lineAt(empty), -1);
    QTest::mouseMove(&chart, empty);
    QCOMPARE(chart.highlightedLine(), -1);
    QVERIFY(!highlighted->visible());
    QVERIFY(chart.toolTipAt(empty).isEmpty());
    QVERIFY(chart.toolTipAt(QPoint(1, 1)).isEmpty());
  }

  void clickingAnAxisColoursByIt() {
    const auto pc = ParallelCoordinates::of(study());
    ParallelCoordinatesChart chart;
    chart.resize(800, 450);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setCoordinates(pc);
    chart.replot();
    const QPoint onAxis = pixelOf(chart, 3, 0.8);  // n_estimators, between its ticks
    QVERIFY(chart.toolTipAt(onAxis).startsWith(QStringLiteral("n_estimators\n")));
    QTest::mouseClick(&chart, Qt::LeftButton, Qt::NoModifier, onAxis);
    QCOMPARE(chart.colorAxis(), 3);
    QVERIFY(sameColour(chart.lineColor(0), kBest));   // 1,000 trees: the top of the axis
    QVERIFY(sameColour(chart.lineColor(1), kWorst));  // 100 trees
    QVERIFY(chart.lineColor(3) != chart.palette().color(QPalette::Mid));  // 200 trees: coloured now
    QCOMPARE(chart.colorScaleLabels(), chart.tickLabels(3));
    QCOMPARE(chart.findChild<QCPColorScale*>(QStringLiteral("colorScale"))->label(), QStringLiteral("n_estimators"));
    chart.setColorAxis(99);  // out of range: ignored
    QCOMPARE(chart.colorAxis(), 3);
  }

  void aThousandTrialsDrawQuickly() {
    // A random search over five hyperparameters, as the tuning view will show it.
    std::mt19937 random(7);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const char* boosters[] = {"gbtree", "dart", "gblinear"};
    std::vector<ExperimentRun> trials;
    for (int i = 0; i < 1000; ++i) {
      nlohmann::json p = {{"learning_rate", std::pow(10.0, -3 + 2.5 * unit(random))},
                          {"max_depth", 2 + int(unit(random) * 9)},
                          {"subsample", 0.5 + 0.5 * unit(random)},
                          {"n_estimators", 50 + int(unit(random) * 950)},
                          {"booster", boosters[i % 3]}};
      trials.push_back(run(i + 1, "trial " + std::to_string(i + 1), p.dump(), 0.65 + 0.15 * unit(random), 0.5));
    }
    QElapsedTimer timer;
    timer.start();
    const auto pc = ParallelCoordinates::of(trials);
    ParallelCoordinatesChart chart;
    chart.resize(1000, 600);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setCoordinates(pc);
    chart.replot();
    const QPixmap picture = chart.grab();
    const qint64 elapsed = timer.elapsed();
    qInfo("1,000 lines laid out and drawn in %lld ms", elapsed);
    QVERIFY2(elapsed < 3000, qPrintable(QString::number(elapsed)));
    QCOMPARE(chart.lineCount(), 1000);
    QCOMPARE(chart.axisCount(), 6);
    QVERIFY(!picture.isNull());
    if (qEnvironmentVariableIsSet("LATHE_SAVE_CHART")) picture.save(QStringLiteral("/tmp/parallel-1000.png"));

    // Hovering finds a line among a thousand, and repaints only the highlight.
    const QPoint over = middleOf(chart, pc, 500, 2);
    timer.restart();
    for (int k = 0; k < 20; ++k) QTest::mouseMove(&chart, over + QPoint(0, k % 2));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(chart.highlightedLine() >= 0);
    QVERIFY(chart.toolTipAt(over).startsWith(QStringLiteral("trial ")));
  }

  void emptyStates() {
    ParallelCoordinatesChart chart;
    QCOMPARE(chart.emptyStateText(), QStringLiteral("Select runs to compare their hyperparameters."));
    QCOMPARE(chart.lineCount(), 0);
    QCOMPARE(chart.axisCount(), 0);
    // Runs whose parameters are not a JSON object, or none at all: nothing to compare.
    chart.setCoordinates(ParallelCoordinates::of({run(1, "a", "not json", 0.7, 0.5), run(2, "b", "{}", 0.8, 0.4)}));
    QCOMPARE(chart.emptyStateText(), QStringLiteral("These runs have no hyperparameters to compare"));
    QCOMPARE(chart.lineCount(), 0);
    QVERIFY(!chart.findChild<QCPColorScale*>());
    chart.setCoordinates(ParallelCoordinates::of({}));
    QCOMPARE(chart.emptyStateText(), QStringLiteral("These runs have no hyperparameters to compare"));
    chart.setCoordinates(ParallelCoordinates::of(study()));
    QVERIFY(chart.emptyStateText().isEmpty());
    QVERIFY(chart.xAxis2->visible());
    chart.clear();
    QCOMPARE(chart.plottableCount(), 0);
    QVERIFY(!chart.xAxis2->visible());
    QVERIFY(!chart.findChild<QCPColorScale*>());
    QVERIFY(chart.toolTipAt(QPoint(chart.width() / 2, chart.height() / 2)).isEmpty());
    QCOMPARE(chart.emptyStateText(), QStringLiteral("Select runs to compare their hyperparameters."));
  }

  void exports_data() { addExportFormats(); }
  void exports() {
    QFETCH(QString, suffix);
    ParallelCoordinatesChart chart;
    chart.resize(800, 450);
    chart.setCoordinates(ParallelCoordinates::of(study()));
    verifyExport(chart, QStringLiteral("parallel.") + suffix);
    if (qEnvironmentVariableIsSet("LATHE_SAVE_CHART") && suffix == QStringLiteral("png"))
      chart.grab().save(QStringLiteral("/tmp/parallel-chart.png"));
  }
};

QTEST_MAIN(tst_ParallelCoordinatesChart)
#include "tst_ParallelCoordinatesChart.moc"
