// Exporting a real chart: PNG at twice the size, SVG and PDF with the right magic, and every way
// the export can fail leaves a message and the user's existing file as it was.
#include <unistd.h>

#include <QtTest>

#include "ChartTestSupport.h"
#include "widgets/charts/ChartExport.h"
#include "widgets/charts/HistogramChart.h"

using lathe::widgets::ChartExport;
using lathe::widgets::HistogramChart;

namespace {

QByteArray head(const QString& path, qint64 bytes) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.read(bytes) : QByteArray();
}

QByteArray contents(const QString& path) { return head(path, 1 << 20); }

bool writeFile(const QString& path, const QByteArray& bytes) {
  QFile file(path);
  return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// What is left in a folder besides the given names: no temporary folders or half files.
QStringList leftovers(const QString& folder, const QStringList& expected) {
  QStringList names = QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
  for (const QString& name : expected) names.removeAll(name);
  return names;
}

}  // namespace

class tst_ChartExport : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    chart_.setProfile(profileOf(importDataset("penguins.csv"), "Body Mass (g)"));
    chart_.resize(420, 300);
    chart_.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart_));
    QVERIFY(chart_.barCount() > 0);
  }

  void formatsFromTheSuffix() {
    QCOMPARE(ChartExport::formatFor(QStringLiteral("a.PNG")), ChartExport::Format::Png);
    QCOMPARE(ChartExport::formatFor(QStringLiteral("a.svg")), ChartExport::Format::Svg);
    QCOMPARE(ChartExport::formatFor(QStringLiteral("/x/y.Pdf")), ChartExport::Format::Pdf);
    QVERIFY(!ChartExport::formatFor(QStringLiteral("a.bmp")));
    QVERIFY(!ChartExport::formatFor(QStringLiteral("png")));
  }

  void writesPngSvgAndPdf() {
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    const QString svg = dir.filePath(QStringLiteral("chart.svg"));
    const QString pdf = dir.filePath(QStringLiteral("chart.pdf"));
    for (const QString& path : {png, svg, pdf}) {
      const QString problem = ChartExport::save(&chart_, path);
      QVERIFY2(problem.isEmpty(), qPrintable(problem));
      QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
    }
    QCOMPARE(head(png, 4), QByteArray("\x89PNG", 4));
    const QByteArray svgHead = head(svg, 200).trimmed();
    QVERIFY2(svgHead.startsWith("<?xml") || svgHead.startsWith("<svg"), svgHead.constData());
    QVERIFY(contents(svg).contains("<svg"));
    QCOMPARE(head(pdf, 4), QByteArray("%PDF"));
    // The PNG is twice the chart's size, for slides; and it is not blank.
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), chart_.size() * 2);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
      for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 3);
    // An explicit size wins; an existing file is replaced by the new export.
    QVERIFY(ChartExport::save(&chart_, png, 300, 200).isEmpty());
    QCOMPARE(QImage(png).size(), QSize(600, 400));
    QCOMPARE(leftovers(dir.path(), {"chart.png", "chart.svg", "chart.pdf"}), QStringList());
  }

  void unknownSuffixKeepsTheExistingFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.bmp"));
    QVERIFY(writeFile(path, "the user's picture"));
    const QString problem = ChartExport::save(&chart_, path);
    QVERIFY(!problem.isEmpty());
    QVERIFY2(problem.contains(path), qPrintable(problem));
    QCOMPARE(contents(path), QByteArray("the user's picture"));
    QVERIFY(!ChartExport::save(&chart_, dir.filePath(QStringLiteral("no-suffix"))).isEmpty());
    QCOMPARE(leftovers(dir.path(), {"chart.bmp"}), QStringList());
  }

  void missingFolderIsAMessage() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("absent/chart.png"));
    const QString problem = ChartExport::save(&chart_, path);
    QVERIFY(!problem.isEmpty());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("absent"))));
    QCOMPARE(leftovers(dir.path(), {}), QStringList());
  }

  void readOnlyFolderKeepsTheExistingFile() {
    QTemporaryDir dir;
    const QString locked = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkdir(locked));
    const QString existing = locked + QStringLiteral("/chart.png");
    QVERIFY(writeFile(existing, "yesterday's chart"));
    QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
    // Root may write anywhere; /proc refuses even root. Use whichever this machine refuses.
    const bool lockedRefuses = ::access(QFile::encodeName(locked).constData(), W_OK) != 0;
    const QString folder = lockedRefuses ? locked : QStringLiteral("/proc");
    const QString target = folder + QStringLiteral("/chart.png");
    const QString problem = ChartExport::save(&chart_, target);
    QVERIFY(!problem.isEmpty());
    QVERIFY2(problem.contains(target), qPrintable(problem));
    if (lockedRefuses) {
      QCOMPARE(contents(existing), QByteArray("yesterday's chart"));
      QCOMPARE(leftovers(locked, {"chart.png"}), QStringList());
    } else {
      QVERIFY(!QFileInfo::exists(target));
      QVERIFY(QDir(QStringLiteral("/proc")).entryList({QStringLiteral(".lathe-export-*")}, QDir::Hidden | QDir::AllEntries).isEmpty());
    }
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QCOMPARE(contents(existing), QByteArray("yesterday's chart"));
  }

  void aFolderInTheWayIsNotReplaced() {
    // A folder named like the file: the export fails and the folder and its content stay.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.svg"));
    QVERIFY(QDir().mkdir(path));
    QVERIFY(writeFile(path + QStringLiteral("/keep.txt"), "kept"));
    QVERIFY(!ChartExport::save(&chart_, path).isEmpty());
    QCOMPARE(contents(path + QStringLiteral("/keep.txt")), QByteArray("kept"));
    QCOMPARE(leftovers(dir.path(), {"chart.svg"}), QStringList());
  }

  void anEmptyChartExportsToo() {
    HistogramChart empty;
    empty.resize(200, 150);
    QTemporaryDir dir;
    for (const char* name : {"empty.png", "empty.svg", "empty.pdf"}) {
      const QString path = dir.filePath(QString::fromLatin1(name));
      QVERIFY(ChartExport::save(&empty, path).isEmpty());
      QVERIFY(QFileInfo(path).size() > 0);
    }
  }

 private:
  HistogramChart chart_;
};

QTEST_MAIN(tst_ChartExport)
#include "tst_ChartExport.moc"
