#pragma once
#include <QCoreApplication>
#include <QString>
#include <optional>

class QCustomPlot;
class QWidget;

namespace lathe::widgets {

// Saves a chart as PNG (at twice the screen size, for slides), SVG or PDF (both vector), the
// format chosen by the file's suffix, and gives every chart an "Export Chart…" context menu.
class ChartExport {
  Q_DECLARE_TR_FUNCTIONS(ChartExport)

 public:
  enum class Format { Png, Svg, Pdf };

  // The format for a path's suffix (case-insensitive), or nothing for an unknown suffix.
  static std::optional<Format> formatFor(const QString& path);
  // The file dialog's filter: PNG, SVG and PDF.
  static QString fileFilter();
  // Writes the plot to `path` at its current size (or width x height when both are positive).
  // Returns an empty string on success, otherwise a translated message naming the file. An
  // existing file is replaced only once the new one is complete.
  static QString save(QCustomPlot* plot, const QString& path, int width = 0, int height = 0);
  // Adds "Export Chart…" to the plot's context menu, below the plot's own actions (those added
  // with QWidget::addAction); the dialog starts in the last folder used.
  static void installContextMenu(QCustomPlot* plot);
  // Asks where (starting in the last folder used), saves, and says so if it could not.
  static void exportWithDialog(QCustomPlot* plot, QWidget* parent);
};

}  // namespace lathe::widgets
