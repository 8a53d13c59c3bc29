#pragma once
#include <QCoreApplication>
#include <QImage>
#include <QMap>
#include <QString>

namespace lathe::widgets {

class RunComparisonPanel;

// A comparison as one self-contained report: the runs, the metric table with the best marked,
// the parameters, and the charts the panel shows (ROC, precision-recall, confusion matrices,
// learning curves) as images inside the file. HTML embeds them as data URLs, so the page opens
// anywhere on its own; PDF is the same document laid out on A4 pages.
class ComparisonReport {
  Q_DECLARE_TR_FUNCTIONS(ComparisonReport)

 public:
  ComparisonReport(const RunComparisonPanel& panel, const QString& projectName);

  // The page with images referred to by name ("roc.png"); images() holds them.
  const QString& body() const { return body_; }
  const QMap<QString, QImage>& images() const { return images_; }
  // The self-contained HTML (images as data URLs).
  QString html() const;
  // Writes HTML or PDF by the path's suffix (.html/.htm or .pdf), whole or not at all. Returns
  // an empty string on success, else a translated message naming the file.
  QString save(const QString& path) const;
  static QString fileFilter();

 private:
  QString body_;
  QMap<QString, QImage> images_;
};

}  // namespace lathe::widgets
