#pragma once
// Shared by the chart tests: profiles of real columns, the penguins' flipper lengths and body
// masses read straight from penguins.csv, a turn of the mouse wheel, and the export check every
// chart passes.
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>
#include <stop_token>
#include <map>
#include <string>
#include <vector>

#include <qcustomplot.h>

#include "../../engine/DatasetFiles.h"
#include "engine/data/ColumnProfile.h"
#include "widgets/charts/ChartExport.h"
#include "TestPaths.h"

inline lathe::data::ColumnProfile profileOf(const lathe::data::Column& column) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  return lathe::data::profileColumn(column, lathe::jobs::JobContext(stop.get_token(), sink));
}

inline lathe::data::ColumnProfile profileOf(const lathe::data::Table& table, const std::string& column) {
  return profileOf(columnNamed(table, column));
}

// A row of penguins.csv with both a flipper length and a body mass (pandas: 342 of the 344).
struct Penguin {
  double flipperLength = 0;
  double bodyMass = 0;
  std::string sex;  // "MALE", "FEMALE", "." or empty
};

inline std::vector<Penguin> penguinsWithFlipperAndMass() {
  QFile file(QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/penguins.csv"));
  if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read penguins.csv");
  file.readLine();  // header
  std::vector<Penguin> penguins;
  while (!file.atEnd()) {
    const QStringList cells = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
    if (cells.size() != 7 || cells[4].isEmpty() || cells[5].isEmpty()) continue;
    penguins.push_back({cells[4].toDouble(), cells[5].toDouble(), cells[6].toStdString()});
  }
  return penguins;
}

// One notch of the mouse wheel forward (zoom in) over the middle of the plot.
inline void wheelInAtCentre(QCustomPlot& chart) {
  const QPointF centre = chart.axisRect()->center();
  QWheelEvent wheel(centre, chart.mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                    Qt::NoScrollPhase, false);
  QCoreApplication::sendEvent(&chart, &wheel);
}

// breast_cancer.csv: every feature by name, and the truth (1 = malignant).
struct BreastCancer {
  std::map<QString, std::vector<double>> features;
  std::vector<double> malignant;
};

inline BreastCancer readBreastCancer() {
  QFile file(QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/breast_cancer.csv"));
  if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read breast_cancer.csv");
  const QStringList header = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
  BreastCancer data;
  while (!file.atEnd()) {
    const QStringList cells = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
    if (cells.size() != header.size()) continue;
    for (qsizetype c = 0; c + 1 < cells.size(); ++c) data.features[header[c]].push_back(cells[c].toDouble());
    data.malignant.push_back(cells.back() == QStringLiteral("malignant") ? 1.0 : 0.0);
  }
  return data;
}

// The rows of an export test: one per format, in a column "suffix".
inline void addExportFormats() {
  QTest::addColumn<QString>("suffix");
  QTest::newRow("png") << QStringLiteral("png");
  QTest::newRow("svg") << QStringLiteral("svg");
  QTest::newRow("pdf") << QStringLiteral("pdf");
}

// Exports `chart` as `fileName` into a new folder: no message, and a file with a drawing in it.
inline void verifyExport(QCustomPlot& chart, const QString& fileName) {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(fileName);
  QCOMPARE(lathe::widgets::ChartExport::save(&chart, path), QString());
  QVERIFY(QFileInfo(path).size() > 1000);
}
