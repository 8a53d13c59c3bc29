#include "widgets/tuning/TrialScoreChart.h"

#include <cmath>
#include <map>

#include "widgets/charts/ChartStyle.h"

namespace lathe::widgets {
namespace {

// Graph names carry the family; the tooltip finds the trial by the dot's position instead.
constexpr double kHitPixels = 7.0;

}  // namespace

TrialScoreChart::TrialScoreChart(QWidget* parent) : ChartView(QStringLiteral("trialScoreChart"), parent) { clear(); }

void TrialScoreChart::setHistory(const tune::TuningHistory& history) {
  history_ = history;
  redraw();
}

void TrialScoreChart::clear() {
  history_ = {};
  redraw();
}

int TrialScoreChart::pointCount() const {
  int n = 0;
  for (int g = 0; g < graphCount(); ++g) {
    const QCPGraph* graph = const_cast<TrialScoreChart*>(this)->graph(g);
    if (graph->objectName() != QLatin1String("bestSoFar")) n += graph->dataCount();
  }
  return n;
}

QVector<double> TrialScoreChart::bestSoFar() const {
  QVector<double> out;
  for (int g = 0; g < graphCount(); ++g) {
    const QCPGraph* graph = const_cast<TrialScoreChart*>(this)->graph(g);
    if (graph->objectName() != QLatin1String("bestSoFar")) continue;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) out << it->value;
  }
  return out;
}

void TrialScoreChart::redraw() {
  clearGraphs();
  clearItems();
  if (history_.trials.empty()) {
    showEmptyState(tr("Start a search to see each trial's score and the best so far."));
    replot();
    return;
  }
  hideEmptyState();
  for (QCPAxis* axis : {xAxis, yAxis}) {
    axis->setVisible(true);
    axis->grid()->setVisible(true);
  }
  std::map<std::string, QCPGraph*> families;
  const bool several = [&] {
    for (const auto& r : history_.trials)
      if (r.algorithm != history_.trials.front().algorithm) return true;
    return false;
  }();
  auto* pruned = addGraph();
  pruned->setName(tr("Stopped early"));
  pruned->setLineStyle(QCPGraph::lsNone);
  pruned->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(150, 150, 150), 1.2), Qt::NoBrush, 6));
  auto* best = addGraph();
  best->setObjectName(QStringLiteral("bestSoFar"));
  best->setName(tr("Best so far"));
  best->setLineStyle(QCPGraph::lsStepLeft);
  best->setPen(QPen(QColor(213, 94, 0), 2));
  double top = std::nan("");
  int failed = 0;
  for (std::size_t i = 0; i < history_.trials.size(); ++i) {
    const auto& r = history_.trials[i];
    const double x = static_cast<double>(i + 1);
    const double score = r.trial.score;
    if (r.trial.state == tune::Trial::State::Failed || !std::isfinite(score)) {
      ++failed;
      continue;
    }
    if (r.trial.state == tune::Trial::State::Pruned) {
      pruned->addData(x, score);
      continue;
    }
    QCPGraph*& graph = families[several ? r.algorithm : std::string()];
    if (!graph) {
      graph = addGraph();
      const int index = static_cast<int>(families.size()) - 1;
      graph->setName(several ? QString::fromStdString(r.algorithm) : tr("Trial"));
      graph->setLineStyle(QCPGraph::lsNone);
      graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, ChartStyle::seriesColor(index), 6));
    }
    graph->addData(x, score);
    if (!std::isfinite(top) || (history_.maximize ? score > top : score < top)) top = score;
    best->addData(x, top);
  }
  // The step line runs on to the last trial, so a late plateau reads as one.
  if (std::isfinite(top)) best->addData(static_cast<double>(history_.trials.size()), top);
  if (pruned->dataCount() == 0) removeGraph(pruned);
  for (int g = 0; g < graphCount(); ++g) graph(g)->addToLegend();
  legend->setVisible(true);
  axisRect()->insetLayout()->setInsetAlignment(0, history_.maximize ? Qt::AlignBottom | Qt::AlignRight
                                                                    : Qt::AlignTop | Qt::AlignRight);
  xAxis->setLabel(tr("Trial"));
  yAxis->setLabel(QString::fromStdString(history_.objective));
  rescaleAxes();
  xAxis->setRange(0.5, static_cast<double>(history_.trials.size()) + 0.5);
  yAxis->scaleRange(1.1);
  if (failed > 0) addNote(this, tr("%n trial(s) failed and are not drawn", nullptr, failed));
  replot();
}

QString TrialScoreChart::toolTipAt(const QPointF& pos) const {
  const int index = static_cast<int>(std::lround(xAxis->pixelToCoord(pos.x()))) - 1;
  if (index < 0 || index >= static_cast<int>(history_.trials.size())) return {};
  const auto& r = history_.trials[static_cast<std::size_t>(index)];
  const QPointF at(xAxis->coordToPixel(index + 1), yAxis->coordToPixel(r.trial.score));
  if (!std::isfinite(r.trial.score) || QLineF(at, pos).length() > kHitPixels) return {};
  QString text = tr("Trial %1 (%2)\n%3: %4")
                     .arg(r.trial.number)
                     .arg(QString::fromStdString(r.algorithm), QString::fromStdString(history_.objective),
                          numberText(r.trial.score));
  if (r.trial.state == tune::Trial::State::Pruned) text += QLatin1Char('\n') + tr("Stopped early by the median rule");
  return text;
}

}  // namespace lathe::widgets
