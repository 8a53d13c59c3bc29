#include "widgets/tuning/ParameterScoreChart.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "widgets/charts/ChartStyle.h"

namespace lathe::widgets {
namespace {

using nlohmann::json;

constexpr double kHitPixels = 7.0;

// A choice's label: text as written, anything else as JSON spells it.
QString choiceText(const json& value) {
  return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString::fromStdString(value.dump());
}

bool isNumber(const json& value) { return value.is_number() && std::isfinite(value.get<double>()); }

}  // namespace

ParameterScoreChart::ParameterScoreChart(QWidget* parent) : ChartView(QStringLiteral("parameterScoreChart"), parent) {
  clear();
}

QStringList ParameterScoreChart::parametersOf(const tune::TuningHistory& history) {
  std::map<std::string, std::set<std::string>> values;
  for (const auto& r : history.trials)
    if (r.trial.parameters.is_object())
      for (const auto& [name, value] : r.trial.parameters.items()) values[name].insert(value.dump());
  QStringList out;
  for (const auto& [name, seen] : values)
    if (seen.size() > 1) out << QString::fromStdString(name);
  return out;
}

void ParameterScoreChart::setHistory(const tune::TuningHistory& history, const QString& parameter) {
  history_ = history;
  parameter_ = parameter;
  redraw();
}

void ParameterScoreChart::clear() {
  history_ = {};
  parameter_.clear();
  redraw();
}

int ParameterScoreChart::pointCount() const {
  int n = 0;
  for (int g = 0; g < graphCount(); ++g) n += const_cast<ParameterScoreChart*>(this)->graph(g)->dataCount();
  return n;
}

bool ParameterScoreChart::logarithmic() const { return xAxis->scaleType() == QCPAxis::stLogarithmic; }

void ParameterScoreChart::redraw() {
  clearGraphs();
  clearItems();
  categories_.clear();
  xAxis->setScaleType(QCPAxis::stLinear);
  xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
  const std::string name = parameter_.toStdString();
  std::vector<const tune::TrialRecord*> shown;
  for (const auto& r : history_.trials)
    if (r.trial.state != tune::Trial::State::Failed && std::isfinite(r.trial.score) && r.trial.parameters.is_object() &&
        r.trial.parameters.contains(name) && !r.trial.parameters[name].is_null())
      shown.push_back(&r);
  if (shown.empty()) {
    showEmptyState(parameter_.isEmpty() ? tr("Pick a hyperparameter to see how it relates to the score.")
                                        : tr("No scored trial set %1 yet.").arg(parameter_));
    replot();
    return;
  }
  hideEmptyState();
  for (QCPAxis* axis : {xAxis, yAxis}) {
    axis->setVisible(true);
    axis->grid()->setVisible(true);
  }
  const bool numeric = std::all_of(shown.begin(), shown.end(), [&](const auto* r) { return isNumber(r->trial.parameters[name]); });
  double low = INFINITY, high = -INFINITY;
  std::set<QString> choices;
  for (const auto* r : shown) {
    const json& v = r->trial.parameters[name];
    if (numeric) {
      low = std::min(low, v.get<double>());
      high = std::max(high, v.get<double>());
    } else {
      choices.insert(choiceText(v));
    }
  }
  categories_ = QStringList(choices.begin(), choices.end());
  const bool log = numeric && low > 0 && high / low >= 100.0;
  const auto xOf = [&](const json& v) { return numeric ? v.get<double>() : static_cast<double>(categories_.indexOf(choiceText(v))); };

  const bool several = std::any_of(shown.begin(), shown.end(), [&](const auto* r) { return r->algorithm != shown.front()->algorithm; });
  auto* pruned = addGraph();
  pruned->setName(tr("Stopped early"));
  pruned->setLineStyle(QCPGraph::lsNone);
  pruned->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(150, 150, 150), 1.2), Qt::NoBrush, 6));
  std::map<std::string, QCPGraph*> families;
  for (const auto* r : shown) {
    const double x = xOf(r->trial.parameters[name]);
    if (r->trial.state == tune::Trial::State::Pruned) {
      pruned->addData(x, r->trial.score);
      continue;
    }
    QCPGraph*& graph = families[several ? r->algorithm : std::string()];
    if (!graph) {
      graph = addGraph();
      graph->setName(several ? QString::fromStdString(r->algorithm) : tr("Trial"));
      graph->setLineStyle(QCPGraph::lsNone);
      graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, ChartStyle::seriesColor(int(families.size()) - 1), 6));
    }
    graph->addData(x, r->trial.score);
  }
  if (pruned->dataCount() == 0) removeGraph(pruned);
  for (int g = 0; g < graphCount(); ++g) graph(g)->addToLegend();
  legend->setVisible(graphCount() > 1);
  if (log) {
    xAxis->setScaleType(QCPAxis::stLogarithmic);
    xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  } else if (!numeric) {
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    for (int i = 0; i < categories_.size(); ++i) ticker->addTick(i, categories_[i]);
    xAxis->setTicker(ticker);
  }
  xAxis->setLabel(parameter_);
  yAxis->setLabel(QString::fromStdString(history_.objective));
  rescaleAxes();
  if (!numeric) xAxis->setRange(-0.5, categories_.size() - 0.5);
  else if (log) xAxis->setRange(low / 1.5, high * 1.5);
  else xAxis->scaleRange(1.1);
  yAxis->scaleRange(1.1);
  replot();
}

QString ParameterScoreChart::toolTipAt(const QPointF& pos) const {
  const std::string name = parameter_.toStdString();
  for (const auto& r : history_.trials) {
    if (!std::isfinite(r.trial.score) || !r.trial.parameters.is_object() || !r.trial.parameters.contains(name)) continue;
    const json& v = r.trial.parameters[name];
    double x = 0.0;
    if (isNumber(v)) x = v.get<double>();
    else if (const int at = categories_.indexOf(choiceText(v)); at >= 0) x = at;
    else continue;
    const QPointF point(xAxis->coordToPixel(x), yAxis->coordToPixel(r.trial.score));
    if (QLineF(point, pos).length() <= kHitPixels)
      return tr("Trial %1 (%2)\n%3 = %4\n%5: %6")
          .arg(r.trial.number)
          .arg(QString::fromStdString(r.algorithm), parameter_, choiceText(v), QString::fromStdString(history_.objective),
               numberText(r.trial.score));
  }
  return {};
}

}  // namespace lathe::widgets
