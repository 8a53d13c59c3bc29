#include "widgets/charts/ChartExport.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSvgGenerator>
#include <QTemporaryDir>

#include <qcustomplot.h>

namespace lathe::widgets {

std::optional<ChartExport::Format> ChartExport::formatFor(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("png")) return Format::Png;
  if (suffix == QLatin1String("svg")) return Format::Svg;
  if (suffix == QLatin1String("pdf")) return Format::Pdf;
  return std::nullopt;
}

QString ChartExport::fileFilter() {
  return tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)");
}

namespace {

// Renders into a file in a private folder; the caller moves it into place, so a failed export
// never leaves half a file where the user's old one was.
bool render(QCustomPlot* plot, ChartExport::Format format, const QString& file, int width, int height) {
  switch (format) {
    case ChartExport::Format::Png:
      return plot->savePng(file, width, height, 2.0);
    case ChartExport::Format::Pdf:
      return plot->savePdf(file, width, height, QCP::epNoCosmetic);
    case ChartExport::Format::Svg: {
      const int w = width > 0 ? width : plot->width();
      const int h = height > 0 ? height : plot->height();
      QSvgGenerator generator;
      generator.setFileName(file);
      generator.setSize(QSize(w, h));
      generator.setViewBox(QRect(0, 0, w, h));
      generator.setTitle(plot->windowTitle());
      QCPPainter painter;
      if (!painter.begin(&generator)) return false;
      plot->toPainter(&painter, w, h);
      return painter.end();
    }
  }
  return false;
}

}  // namespace

QString ChartExport::save(QCustomPlot* plot, const QString& path, int width, int height) {
  const auto format = formatFor(path);
  if (!format) return tr("Cannot export to %1: choose a file ending in .png, .svg or .pdf.").arg(path);
  const QFileInfo target(path);
  if (!target.absoluteDir().exists())
    return tr("Cannot export to %1: the folder %2 does not exist.").arg(path, target.absolutePath());

  QTemporaryDir scratch(target.absolutePath() + QLatin1String("/.lathe-export-XXXXXX"));
  if (!scratch.isValid()) return tr("Cannot export to %1: the folder is not writable.").arg(path);
  const QString temporary = scratch.filePath(QLatin1String("chart.") + target.suffix());
  if (!render(plot, *format, temporary, width, height) || QFileInfo(temporary).size() == 0)
    return tr("Cannot export to %1: the chart could not be drawn into the file.").arg(path);
  if (target.exists() && !QFile::remove(path))
    return tr("Cannot export to %1: the existing file could not be replaced.").arg(path);
  if (!QFile::rename(temporary, path)) return tr("Cannot export to %1: the file could not be written.").arg(path);
  return {};
}

void ChartExport::exportWithDialog(QCustomPlot* plot, QWidget* parent) {
  QSettings settings;
  const QString folder = settings.value(QStringLiteral("charts/exportFolder")).toString();
  const QString name = plot->objectName().isEmpty() ? QStringLiteral("chart") : plot->objectName();
  const QString path = QFileDialog::getSaveFileName(parent, tr("Export Chart"),
                                                    QDir(folder).filePath(name + QLatin1String(".png")), fileFilter());
  if (path.isEmpty()) return;
  settings.setValue(QStringLiteral("charts/exportFolder"), QFileInfo(path).absolutePath());
  const QString problem = save(plot, path);
  if (!problem.isEmpty()) QMessageBox::warning(parent, tr("Export Chart"), problem);
}

void ChartExport::installContextMenu(QCustomPlot* plot) {
  plot->setContextMenuPolicy(Qt::CustomContextMenu);
  QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot](const QPoint& at) {
    QMenu menu(plot);
    // The chart's own actions (QWidget::actions(), e.g. the scatter's "Show Density") come first.
    if (!plot->actions().isEmpty()) {
      menu.addActions(plot->actions());
      menu.addSeparator();
    }
    QAction* exportAction = menu.addAction(tr("Export Chart…"));
    if (menu.exec(plot->mapToGlobal(at)) != exportAction) return;
    exportWithDialog(plot, plot);
  });
}

}  // namespace lathe::widgets
