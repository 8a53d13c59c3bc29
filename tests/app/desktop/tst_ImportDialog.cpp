// File > Import data: the live preview reads the first rows off the GUI thread and follows every
// override; the request it returns carries them to the full import.
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "TestFiles.h"

#include "app/desktop/ImportDialog.h"
#include "TestPaths.h"

using lathe::app::ImportDialog;
using lathe::data::ColumnType;

class tst_ImportDialog : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  QString write(const QString& name, const QByteArray& bytes) { return writeTestFile(dir_, name, bytes); }

  static bool waitForPreview(ImportDialog& dialog) {
    QSignalSpy spy(&dialog, &ImportDialog::previewUpdated);
    return spy.wait(20000);
  }

 private slots:
  void previewsARealDataset() {
    ImportDialog dialog(QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/penguins.csv"));
    QVERIFY(waitForPreview(dialog));
    QVERIFY2(dialog.preview(), qPrintable(dialog.previewError()));
    const auto& table = dialog.preview()->table;
    QCOMPARE(table.columnCount(), size_t(7));
    QVERIFY(table.rowCount() > 0 && table.rowCount() <= size_t(ImportDialog::kPreviewRows));
    QCOMPARE(table.column(0).name(), std::string("Species"));
    QCOMPARE(dialog.findChild<QTableWidget*>(QStringLiteral("columnTypes"))->rowCount(), 7);
  }

  void overridesReachThePreviewAndTheRequest() {
    const QString path = write("semi.txt", "a;b\n1;x\n2;y\n3;x\n4;x\n");
    ImportDialog dialog(path);
    QVERIFY(waitForPreview(dialog));
    QCOMPARE(dialog.preview()->table.columnCount(), size_t(2));  // ';' detected

    // Comma as the delimiter: one column whose values keep their semicolons.
    auto* delimiter = dialog.findChildren<QComboBox*>().at(2);
    delimiter->setCurrentIndex(delimiter->findData(QStringLiteral(",")));
    QVERIFY(waitForPreview(dialog));
    QCOMPARE(dialog.preview()->table.columnCount(), size_t(1));
    QCOMPARE(dialog.request().csv.delimiter.value(), ',');

    delimiter->setCurrentIndex(delimiter->findData(QStringLiteral(";")));
    QVERIFY(waitForPreview(dialog));
    // Column a forced to text.
    auto* types = dialog.findChild<QTableWidget*>(QStringLiteral("columnTypes"));
    auto* typeOfA = qobject_cast<QComboBox*>(types->cellWidget(0, 1));
    QCOMPARE(typeOfA->currentText(), QStringLiteral("int64"));
    typeOfA->setCurrentIndex(typeOfA->findText(QStringLiteral("text")));
    QVERIFY(waitForPreview(dialog));
    QCOMPARE(dialog.preview()->table.column(0).type(), ColumnType::Text);
    QCOMPARE(dialog.request().csv.columnTypes.at("a"), ColumnType::Text);

    // No header row: the names become values.
    dialog.findChild<QCheckBox*>()->setCheckState(Qt::Unchecked);
    QVERIFY(waitForPreview(dialog));
    QCOMPARE(dialog.preview()->table.rowCount(), size_t(5));
    QCOMPARE(dialog.request().csv.header.value(), false);
  }

  void textSettingsOnlyApplyToText() {
    ImportDialog dialog(QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/iris.arff"));
    QVERIFY(waitForPreview(dialog));
    QCOMPARE(dialog.preview()->format, std::string("arff"));
    auto* format = dialog.findChildren<QComboBox*>().at(0);
    auto* delimiter = dialog.findChildren<QComboBox*>().at(2);
    QVERIFY(delimiter->isEnabled());  // "Detect": the file might be delimited text
    format->setCurrentIndex(format->findData(QStringLiteral("arff")));
    QVERIFY(!delimiter->isEnabled());
    QVERIFY(!dialog.findChild<QCheckBox*>()->isEnabled());
    QVERIFY(waitForPreview(dialog));
    QCOMPARE(dialog.preview()->table.rowCount(), size_t(150));
    format->setCurrentIndex(format->findData(QStringLiteral("csv")));
    QVERIFY(delimiter->isEnabled());
  }

  void aBadOverrideIsExplainedNotFatal() {
    const QString path = write("ids.csv", "id,name\n1,a\n2,b\nx7,c\n");
    ImportDialog dialog(path);
    QVERIFY(waitForPreview(dialog));
    QCOMPARE(dialog.preview()->table.column(0).type(), ColumnType::Text);
    auto* types = dialog.findChild<QTableWidget*>(QStringLiteral("columnTypes"));
    auto* typeOfId = qobject_cast<QComboBox*>(types->cellWidget(0, 1));
    typeOfId->setCurrentIndex(typeOfId->findText(QStringLiteral("int64")));
    QVERIFY(waitForPreview(dialog));
    QVERIFY(!dialog.preview());
    QVERIFY2(dialog.previewError().contains(QStringLiteral("x7")) && dialog.previewError().contains(QStringLiteral(":4:")),
             qPrintable(dialog.previewError()));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("importStatus"))->text().contains(QStringLiteral("x7")));
  }

  void koreanCp949IsDetected() {
    // "이름,나이\n김똠,30\n" in CP949 (똠 exists only in CP949, not EUC-KR).
    const QByteArray cp949("\xC0\xCC\xB8\xA7,\xB3\xAA\xC0\xCC\n\xB1\xE8\x8C\x63,30\n\xB9\xDA\xC1\xF6,41\n");
    ImportDialog dialog(write("korean.csv", cp949));
    QVERIFY(waitForPreview(dialog));
    QVERIFY2(dialog.preview(), qPrintable(dialog.previewError()));
    QCOMPARE(dialog.preview()->encoding, std::string("cp949"));
    QCOMPARE(QString::fromStdString(dialog.preview()->table.column(0).name()), QStringLiteral("이름"));
    QCOMPARE(QString::fromStdString(dialog.preview()->table.column(0).displayText(0)), QStringLiteral("김똠"));
  }
};

QTEST_MAIN(tst_ImportDialog)
#include "tst_ImportDialog.moc"
