#include "widgets/panels/ComparisonReport.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTableWidget>
#include <QTextDocument>

#include "widgets/charts/BusinessValueChart.h"
#include "widgets/charts/ConfusionMatrixChart.h"
#include "widgets/charts/ParallelCoordinatesChart.h"
#include "widgets/charts/FeatureImportanceChart.h"
#include "widgets/charts/PredictionScatterChart.h"
#include "widgets/charts/LearningCurveChart.h"
#include "widgets/charts/PrCurveChart.h"
#include "widgets/charts/RocCurveChart.h"
#include "widgets/panels/RunComparisonPanel.h"

namespace lathe::widgets {

namespace {

// A table widget as an HTML table, bold cells kept bold.
QString tableHtml(const QTableWidget& table) {
  QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th></th>");
  for (int c = 0; c < table.columnCount(); ++c)
    html += QStringLiteral("<th>%1</th>").arg(table.horizontalHeaderItem(c) ? table.horizontalHeaderItem(c)->text().toHtmlEscaped() : QString());
  html += QStringLiteral("</tr>");
  for (int r = 0; r < table.rowCount(); ++r) {
    html += QStringLiteral("<tr><th align=\"left\">%1</th>")
                .arg(table.verticalHeaderItem(r) ? table.verticalHeaderItem(r)->text().toHtmlEscaped() : QString());
    for (int c = 0; c < table.columnCount(); ++c) {
      const QTableWidgetItem* item = table.item(r, c);
      const QString text = item ? item->text().toHtmlEscaped() : QString();
      html += item && item->font().bold() ? QStringLiteral("<td><b>%1</b></td>").arg(text)
                                          : QStringLiteral("<td>%1</td>").arg(text);
    }
    html += QStringLiteral("</tr>");
  }
  return html + QStringLiteral("</table>");
}

}  // namespace

ComparisonReport::ComparisonReport(const RunComparisonPanel& panel, const QString& projectName) {
  const auto chart = [this](QCustomPlot* plot, const QString& name) {
    images_.insert(name, plot->toPixmap(720, 480, 1.0).toImage());
    return QStringLiteral("<p><img src=\"%1\" width=\"720\"></p>").arg(name);
  };
  QString body;
  body += QStringLiteral("<h1>%1</h1>").arg(tr("Run comparison").toHtmlEscaped());
  body += QStringLiteral("<p>%1</p>")
              .arg(tr("Project: %1 · %2").arg(projectName, QLocale().toString(QDateTime::currentDateTime(), QLocale::LongFormat))
                       .toHtmlEscaped());
  body += QStringLiteral("<h2>%1</h2>").arg(tr("Metrics").toHtmlEscaped()) + tableHtml(*panel.metricsTable());
  body += QStringLiteral("<p><i>%1</i></p>").arg(tr("★ marks the best run of each metric.").toHtmlEscaped());
  body += QStringLiteral("<h2>%1</h2>").arg(tr("Parameters").toHtmlEscaped()) + tableHtml(*panel.parametersTable());
  const auto heading = [](const QString& text) { return QStringLiteral("<h2>%1</h2>").arg(text.toHtmlEscaped()); };
  // The charts the panel shows for these runs: classification's or regression's.
  if (panel.rocChart()->isVisibleTo(&panel)) {
    body += heading(tr("ROC curves")) + chart(panel.rocChart(), QStringLiteral("roc.png"));
    body += heading(tr("Precision–recall")) + chart(panel.prChart(), QStringLiteral("pr.png"));
    body += heading(tr("Confusion matrices"));
    int index = 0;
    for (ConfusionMatrixChart* matrix : panel.confusionCharts())
      body += chart(matrix, QStringLiteral("confusion-%1.png").arg(index++));
  }
  if (panel.predictedChart()->isVisibleTo(&panel)) {
    body += heading(tr("Predicted against actual")) + chart(panel.predictedChart(), QStringLiteral("predicted.png"));
    body += heading(tr("Residuals")) + chart(panel.residualChart(), QStringLiteral("residuals.png"));
  }
  if (!panel.importanceCharts().isEmpty()) {
    body += heading(tr("Feature importance"));
    int index = 0;
    for (FeatureImportanceChart* bars : panel.importanceCharts())
      body += chart(bars, QStringLiteral("importance-%1.png").arg(index++));
  }
  body += QStringLiteral("<h2>%1</h2>").arg(tr("Learning curves").toHtmlEscaped()) +
          chart(panel.learningChart(), QStringLiteral("learning.png"));
  if (panel.businessValueChart()->curveCount() > 0)
    body += heading(tr("Business value")) + chart(panel.businessValueChart(), QStringLiteral("value.png"));
  if (panel.hyperparameterChart()->lineCount() > 0)
    body += heading(tr("Hyperparameters against the metric")) +
            chart(panel.hyperparameterChart(), QStringLiteral("hyperparameters.png"));
  body_ = body;
}

QString ComparisonReport::html() const {
  QString page = body_;
  for (auto it = images_.cbegin(); it != images_.cend(); ++it) {
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    it.value().save(&buffer, "PNG");
    page.replace(QStringLiteral("src=\"%1\"").arg(it.key()),
                 QStringLiteral("src=\"data:image/png;base64,%1\"").arg(QString::fromLatin1(png.toBase64())));
  }
  return QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
                        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:"
                        "collapse}td{text-align:right}</style></head><body>%2</body></html>\n")
      .arg(tr("Run comparison").toHtmlEscaped(), page);
}

QString ComparisonReport::fileFilter() { return tr("HTML page (*.html);;PDF document (*.pdf)"); }

QString ComparisonReport::save(const QString& path) const {
  const QFileInfo target(path);
  const QString suffix = target.suffix().toLower();
  if (suffix != QLatin1String("html") && suffix != QLatin1String("htm") && suffix != QLatin1String("pdf"))
    return tr("Cannot export to %1: choose a file ending in .html or .pdf.").arg(path);
  if (!target.absoluteDir().exists())
    return tr("Cannot export to %1: the folder %2 does not exist.").arg(path, target.absolutePath());
  // QSaveFile writes beside the target and renames it into place: never half a report.
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return tr("Cannot export to %1: %2").arg(path, file.errorString());
  if (suffix == QLatin1String("pdf")) {
    QTextDocument document;
    for (auto it = images_.cbegin(); it != images_.cend(); ++it)
      document.addResource(QTextDocument::ImageResource, QUrl(it.key()), it.value());
    document.setHtml(body_);
    QPdfWriter writer(&file);  // finishes the PDF when print() ends its painter
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(tr("Run comparison"));
    writer.setResolution(96);
    document.setPageSize(QSizeF(writer.width(), writer.height()));
    document.print(&writer);
    if (file.size() == 0) {
      file.cancelWriting();
      return tr("Cannot export to %1: the PDF could not be drawn.").arg(path);
    }
  } else {
    file.write(html().toUtf8());
  }
  if (!file.commit()) return tr("Cannot export to %1: %2").arg(path, file.errorString());
  return {};
}

}  // namespace lathe::widgets
