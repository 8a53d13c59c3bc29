#include "widgets/monitor/MonitorChartLayout.h"

#include <qcustomplot.h>

#include <algorithm>

#include "widgets/charts/ChartStyle.h"
#include "widgets/monitor/MonitorFormat.h"

namespace lathe::widgets {
namespace {
// Up to this many runs, each gets its own tick and time label; beyond, a date axis picks ticks.
constexpr qsizetype kLabelledRuns = 6;
}  // namespace

QCPTextElement* MonitorChartLayout::addHeading(QCustomPlot* plot) {
  auto* row = new QCPLayoutGrid;
  plot->plotLayout()->insertRow(0);
  plot->plotLayout()->addElement(0, 0, row);
  plot->plotLayout()->setRowStretchFactor(0, 0.001);  // as tall as its text, the plot takes the rest
  row->setMargins(QMargins(6, 4, 6, 0));
  row->setColumnSpacing(12);

  auto* title = new QCPTextElement(plot);
  QFont bold = plot->font();
  bold.setBold(true);
  title->setFont(bold);
  title->setTextColor(plot->palette().color(QPalette::WindowText));
  title->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
  title->setMargins(QMargins(0, 0, 0, 0));
  row->addElement(0, 0, title);

  plot->legend->setVisible(true);
  plot->axisRect()->insetLayout()->take(plot->legend);
  plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);  // one line of entries
  plot->legend->setWrap(0);
  plot->legend->setBorderPen(Qt::NoPen);
  plot->legend->setMargins(QMargins(0, 0, 0, 0));
  plot->legend->setRowSpacing(0);
  plot->legend->setColumnSpacing(10);
  row->addElement(0, 1, plot->legend);
  row->setColumnStretchFactor(0, 1.0);
  row->setColumnStretchFactor(1, 0.001);
  plot->legend->setLayer(QStringLiteral("legend"));
  return title;
}

void MonitorChartLayout::resetAxes(QCustomPlot* plot) {
  if (plot->locale() != QLocale()) plot->setLocale(QLocale());
  for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
    axis->setVisible(true);
    axis->grid()->setVisible(true);
  }
  ChartStyle::apply(plot);
}

void MonitorChartLayout::updateLegend(QCustomPlot* plot) {
  plot->legend->setVisible(plot->legend->itemCount() > 0);
  plot->legend->setBrush(Qt::NoBrush);  // the plot's background shows through, in any palette
  plot->legend->setBorderPen(Qt::NoPen);
}

QVector<double> MonitorChartLayout::runKeys(const std::vector<std::string>& runTimes, bool* onTime) {
  QVector<double> keys;
  bool times = true;
  for (const auto& text : runTimes) {
    const QDateTime at = MonitorFormat::time(text);
    times = times && at.isValid();
    keys << (at.isValid() ? static_cast<double>(at.toMSecsSinceEpoch()) / 1000.0 : 0.0);
  }
  // Two runs in the same second would sit on each other: order them instead.
  for (qsizetype i = 1; times && i < keys.size(); ++i) times = keys[i] > keys[i - 1];
  if (!times)
    for (qsizetype i = 0; i < keys.size(); ++i) keys[i] = static_cast<double>(i);
  *onTime = times;
  return keys;
}

void MonitorChartLayout::setRunAxis(QCPAxis* axis, const std::vector<std::string>& times, const QVector<double>& keys,
                                    bool onTime) {
  if (keys.isEmpty()) return;
  const double low = keys.front(), high = keys.back();
  const double span = high - low;
  if (onTime && keys.size() > kLabelledRuns) {
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    // Dates alone only when the ticks are days apart; otherwise two ticks could read the same.
    ticker->setDateTimeFormat(span >= 7 * 86400.0 ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("MM-dd HH:mm"));
    ticker->setTickCount(4);
    axis->setTicker(ticker);
  } else {
    // Few runs: a tick under each, labelled with its time (or, off a time axis, in its order).
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const qsizetype every = std::max<qsizetype>(1, (keys.size() + kLabelledRuns - 1) / kLabelledRuns);
    const QString format = span >= 365 * 86400.0 ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("MM-dd HH:mm");
    for (qsizetype i = 0; i < keys.size(); i += every) {
      const QDateTime at = MonitorFormat::time(times[static_cast<std::size_t>(i)]);
      ticker->addTick(keys[i], onTime ? at.toLocalTime().toString(format) : MonitorFormat::timeText(times[static_cast<std::size_t>(i)]));
    }
    axis->setTicker(ticker);
  }
  if (onTime) {
    const double pad = span > 0 ? span * 0.08 : 3600.0;
    axis->setRange(low - pad, high + pad);
  } else {
    axis->setRange(-0.5, static_cast<double>(keys.size()) - 0.5);
  }
}

void MonitorChartLayout::markRun(QCustomPlot* plot, QCPItemStraightLine*& line, std::optional<double> key) {
  if (!line) {
    line = new QCPItemStraightLine(plot);
    line->setObjectName(QStringLiteral("shownRunLine"));
    line->setSelectable(false);
    line->setLayer(QStringLiteral("grid"));  // behind the data
  }
  QColor colour = plot->palette().color(QPalette::Highlight);
  colour.setAlphaF(0.3f);
  line->setPen(QPen(colour, 5));
  line->setVisible(key.has_value());
  if (key) {
    line->point1->setCoords(*key, 0);
    line->point2->setCoords(*key, 1);
  }
}

}  // namespace lathe::widgets
