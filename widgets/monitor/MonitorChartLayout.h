#pragma once
#include <QString>
#include <QVector>
#include <optional>
#include <string>
#include <vector>

class QCustomPlot;
class QCPAxis;
class QCPItemStraightLine;
class QCPTextElement;

namespace lathe::widgets {

// The layout the Monitor view's charts share: a row above the plot with a bold title on the
// left and the legend on the right, laid out in one line, so the legend never covers the data
// of a small chart in a tab.
class MonitorChartLayout {
 public:
  // Adds the row once; returns the title element. The legend is made visible and moved there.
  static QCPTextElement* addHeading(QCustomPlot* plot);
  // Before a redraw: the locale the application has now, both axes and their grids shown (an
  // empty state may have hidden them), and the shared chart look.
  static void resetAxes(QCustomPlot* plot);
  // Shows the legend only when it lists something.
  static void updateLegend(QCustomPlot* plot);

  // Where each run sits on a time axis: seconds since the epoch when every run's time reads, so
  // runs keep their real spacing; otherwise their order (0, 1, 2, ...), labelled with their times.
  static QVector<double> runKeys(const std::vector<std::string>& times, bool* onTime);
  // A date ticker (or the runs' times at their order) and a range with room around the runs.
  static void setRunAxis(QCPAxis* axis, const std::vector<std::string>& times, const QVector<double>& keys, bool onTime);
  // A faint vertical line at the run the view shows; `line` is created on first use.
  static void markRun(QCustomPlot* plot, QCPItemStraightLine*& line, std::optional<double> key);
};

}  // namespace lathe::widgets
