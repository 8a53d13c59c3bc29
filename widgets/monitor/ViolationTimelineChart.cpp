#include "widgets/monitor/ViolationTimelineChart.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/ValueFormat.h"
#include "widgets/monitor/MonitorChartLayout.h"
#include "widgets/monitor/MonitorFormat.h"

namespace lathe::widgets {
namespace {

using Kind = monitor::Violation::Kind;
constexpr std::array<Kind, 6> kKinds = {Kind::MissingColumn, Kind::TypeMismatch, Kind::MissingShare,
                                        Kind::OutOfRange,    Kind::UnseenCategory, Kind::Drift};
constexpr int kHoverPixels = 8;
constexpr int kLabelCharacters = 18;

int kindIndex(Kind kind) {
  for (std::size_t i = 0; i < kKinds.size(); ++i)
    if (kKinds[i] == kind) return static_cast<int>(i);
  return 0;
}

// A shape as well as a colour per kind: the chart still reads in grey print or for colour-blind
// eyes. Drift gets the drift colour the table uses.
QCPScatterStyle::ScatterShape shapeOf(Kind kind) {
  switch (kind) {
    case Kind::MissingColumn: return QCPScatterStyle::ssCross;
    case Kind::TypeMismatch: return QCPScatterStyle::ssTriangle;
    case Kind::MissingShare: return QCPScatterStyle::ssSquare;
    case Kind::OutOfRange: return QCPScatterStyle::ssDiamond;
    case Kind::UnseenCategory: return QCPScatterStyle::ssTriangleInverted;
    case Kind::Drift: return QCPScatterStyle::ssDisc;
  }
  return QCPScatterStyle::ssDisc;
}

QColor colourOf(Kind kind) {
  static constexpr std::array<int, 6> kSeries = {4, 5, 2, 1, 0, 3};
  return ChartStyle::seriesColor(kSeries[static_cast<std::size_t>(kindIndex(kind))]);
}

}  // namespace

ViolationTimelineChart::ViolationTimelineChart(QWidget* parent)
    : ChartView(QStringLiteral("violationTimelineChart"), parent) {
  setMinimumSize(200, 160);
  heading_ = MonitorChartLayout::addHeading(this);
  redraw();
}

void ViolationTimelineChart::setRuns(const std::vector<monitor::MonitorRunRecord>& runs, int shown) {
  times_.clear();
  violations_.clear();
  for (const auto& run : runs) {
    times_.push_back(run.at);
    violations_.push_back(run.data.violations);
  }
  shown_ = shown;
  redraw();
}

void ViolationTimelineChart::setShownRun(int shown) {
  shown_ = shown;
  const bool marked = !markers_.empty() && shown >= 0 && shown < keys_.size();
  MonitorChartLayout::markRun(this, shownLine_, marked ? std::optional(keys_[shown]) : std::nullopt);
  replot();
}

void ViolationTimelineChart::redraw() {
  clearPlottables();
  markers_.clear();
  features_.clear();
  hideEmptyState();
  MonitorChartLayout::resetAxes(this);
  heading_->setTextColor(palette().color(QPalette::WindowText));
  heading_->setText(tr("Constraint violations by run"));

  bool onTime = false;
  keys_ = MonitorChartLayout::runKeys(times_, &onTime);
  for (std::size_t run = 0; run < violations_.size(); ++run) {
    const std::size_t first = markers_.size();
    for (const auto& violation : violations_[run]) {
      const QString feature = QString::fromStdString(violation.feature);
      if (!features_.contains(feature)) features_ << feature;
      markers_.push_back({keys_[static_cast<qsizetype>(run)], static_cast<double>(features_.indexOf(feature)),
                          static_cast<int>(run), violation});
    }
    // Two kinds on one feature in one run would hide each other: they share the row, spread a
    // little around its line, in the kinds' order. One alone sits on the line.
    for (std::size_t i = first; i < markers_.size(); ++i) {
      std::vector<Marker*> same;
      for (std::size_t j = first; j < markers_.size(); ++j)
        if (markers_[j].violation.feature == markers_[i].violation.feature) same.push_back(&markers_[j]);
      if (same.size() < 2 || same.front() != &markers_[i]) continue;
      std::stable_sort(same.begin(), same.end(), [](const Marker* a, const Marker* b) {
        return kindIndex(a->violation.kind) < kindIndex(b->violation.kind);
      });
      for (std::size_t k = 0; k < same.size(); ++k)
        same[k]->row += (static_cast<double>(k) - static_cast<double>(same.size() - 1) / 2.0) * 0.15;
    }
  }

  if (times_.empty()) {
    showEmptyState(tr("No runs yet. Run Now compares the batch with the baseline."));
  } else if (markers_.empty()) {
    showEmptyState(tr("No constraint was broken in these runs.\nEdit Constraints… sets what new data must satisfy."));
  } else {
    for (Kind kind : kKinds) {
      QVector<double> x, y;
      for (const Marker& m : markers_)
        if (m.violation.kind == kind) {
          x << m.key;
          y << m.row;
        }
      if (x.isEmpty()) continue;
      auto* graph = addGraph();
      graph->setLineStyle(QCPGraph::lsNone);
      graph->setScatterStyle(QCPScatterStyle(shapeOf(kind), QPen(colourOf(kind), 1.6), colourOf(kind), 8));
      graph->setData(x, y);
      graph->setName(MonitorFormat::violationKind(kind));
      graph->setSelectable(QCP::stNone);
      graph->addToLegend();
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (qsizetype i = 0; i < features_.size(); ++i) {
      const QString name = ValueFormat::oneLine(features_[i]);
      ticker->addTick(static_cast<double>(i),
                      name.size() > kLabelCharacters ? name.left(kLabelCharacters - 1) + QStringLiteral("…") : name);
    }
    yAxis->setTicker(ticker);
    yAxis->setRangeReversed(true);  // the first feature to break on top
    yAxis->setRange(-0.6, static_cast<double>(features_.size()) - 0.4);
    MonitorChartLayout::setRunAxis(xAxis, times_, keys_, onTime);
    xAxis->grid()->setVisible(false);
  }
  MonitorChartLayout::updateLegend(this);
  setShownRun(shown_);  // replots
}

QString ViolationTimelineChart::toolTipAt(const QPointF& pos) const {
  const Marker* nearest = nullptr;
  double best = kHoverPixels;
  for (const Marker& m : markers_) {
    const double distance = std::hypot(xAxis->coordToPixel(m.key) - pos.x(), yAxis->coordToPixel(m.row) - pos.y());
    if (distance <= best) {
      best = distance;
      nearest = &m;
    }
  }
  if (!nearest) return {};
  const auto& v = nearest->violation;
  QString text = tr("%1: %2").arg(QString::fromStdString(v.feature), MonitorFormat::violationKind(v.kind));
  text += QLatin1Char('\n') + MonitorFormat::timeText(times_[static_cast<std::size_t>(nearest->run)]);
  if (v.count > 0) text += QLatin1Char('\n') + tr("%1 rows").arg(MonitorFormat::count(v.count));
  if (!v.example.empty()) text += QLatin1Char('\n') + tr("For example: %1").arg(ValueFormat::oneLine(QString::fromStdString(v.example)));
  return text;
}

}  // namespace lathe::widgets
