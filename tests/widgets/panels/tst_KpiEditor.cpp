#include <QComboBox>
#include <QLineEdit>
#include <QtTest>

#include "widgets/panels/KpiEditor.h"

using lathe::store::Kpi;
using lathe::widgets::KpiEditor;

class tst_KpiEditor : public QObject {
  Q_OBJECT

  struct Parts {
    QComboBox* metric;
    QComboBox* direction;
    QLineEdit* target;
  };
  static Parts parts(KpiEditor& editor) {
    return {editor.findChild<QComboBox*>(QStringLiteral("kpiMetric")),
            editor.findChild<QComboBox*>(QStringLiteral("kpiDirection")),
            editor.findChild<QLineEdit*>(QStringLiteral("kpiTarget"))};
  }
  static void type(QLineEdit* edit, const QString& text) {
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
  }

 private slots:
  void offersTheScikitLearnMetrics() {
    KpiEditor editor;
    const Parts p = parts(editor);
    QVERIFY(p.metric && p.direction && p.target);
    QCOMPARE(p.metric->count(), 13);
    for (const char* m : {"roc_auc", "pr_auc", "accuracy", "balanced_accuracy", "f1", "f1_macro", "precision", "recall",
                          "log_loss", "mse", "rmse", "mae", "r2"})
      QVERIFY2(p.metric->findText(QLatin1String(m)) >= 0, m);
    QCOMPARE(editor.kpi(), Kpi{});  // nothing chosen yet: no metric, higher is better, no target
  }

  void directionFollowsTheMetric() {
    KpiEditor editor;
    const Parts p = parts(editor);
    QSignalSpy edited(&editor, &KpiEditor::edited);
    type(p.metric->lineEdit(), QStringLiteral("rmse"));
    QCOMPARE(editor.kpi().metric, std::string("rmse"));
    QVERIFY(!editor.kpi().higherIsBetter);
    QCOMPARE(edited.count(), 1);
    for (const char* lower : {"log_loss", "mse", "mae"}) {
      p.metric->setCurrentIndex(p.metric->findText(QLatin1String(lower)));
      QVERIFY2(!editor.kpi().higherIsBetter, lower);
    }
    for (const char* higher : {"roc_auc", "f1_macro", "r2", "balanced_accuracy"}) {
      p.metric->setCurrentIndex(p.metric->findText(QLatin1String(higher)));
      QVERIFY2(editor.kpi().higherIsBetter, higher);
    }
    // Upper case is the same metric.
    type(p.metric->lineEdit(), QStringLiteral("MAE"));
    QCOMPARE(editor.kpi().metric, std::string("mae"));
    QVERIFY(!editor.kpi().higherIsBetter);
  }

  void directionCanBeChangedAndOwnMetricKeepsIt() {
    KpiEditor editor;
    const Parts p = parts(editor);
    type(p.metric->lineEdit(), QStringLiteral("rmse"));
    QSignalSpy edited(&editor, &KpiEditor::edited);
    QTest::keyClick(p.direction, Qt::Key_Up);  // the user overrides: higher is better
    QVERIFY(editor.kpi().higherIsBetter);
    QCOMPARE(edited.count(), 1);
    // A metric of the user's own implies nothing: the direction stays as chosen.
    type(p.metric->lineEdit(), QStringLiteral("profit_per_customer"));
    QCOMPARE(editor.kpi().metric, std::string("profit_per_customer"));
    QVERIFY(editor.kpi().higherIsBetter);
    QCOMPARE(edited.count(), 2);
  }

  void targetParsing() {
    KpiEditor editor;
    const Parts p = parts(editor);
    QSignalSpy edited(&editor, &KpiEditor::edited);
    type(p.target, QStringLiteral("0.85"));
    QCOMPARE(editor.kpi().target, std::optional<double>(0.85));
    QCOMPARE(edited.count(), 1);
    type(p.target, QStringLiteral("0,9"));  // a decimal comma reads the same
    QCOMPARE(editor.kpi().target, std::optional<double>(0.9));
    type(p.target, QStringLiteral(" -1.5e3 "));
    QCOMPARE(editor.kpi().target, std::optional<double>(-1500.0));
    QCOMPARE(edited.count(), 3);
    // The same value again is no edit.
    type(p.target, QStringLiteral("-1500"));
    QCOMPARE(edited.count(), 3);
    // Letters, a second decimal mark and hex are refused as they are typed.
    type(p.target, QStringLiteral("abc"));
    QVERIFY(p.target->text().isEmpty());
    p.target->clear();
    QTest::keyClicks(p.target, QStringLiteral("0x1A"));
    QCOMPARE(p.target->text(), QStringLiteral("01"));  // "x" and "A" refused
    p.target->clear();
    QTest::keyClicks(p.target, QStringLiteral("1.2.3"));
    QCOMPARE(p.target->text(), QStringLiteral("1.23"));
  }

  void emptyTargetIsNoTarget() {
    KpiEditor editor;
    const Parts p = parts(editor);
    editor.setKpi({"f1", true, 0.7});
    QSignalSpy edited(&editor, &KpiEditor::edited);
    type(p.target, QString());  // cleared and Enter: committed as "no target"
    QCOMPARE(editor.kpi().target, std::nullopt);
    QCOMPARE(edited.count(), 1);
    type(p.target, QStringLiteral("   "));
    QCOMPARE(editor.kpi().target, std::nullopt);
    QCOMPARE(edited.count(), 1);
  }

  void unreadableTargetKeepsTheLastOne() {
    KpiEditor editor;
    const Parts p = parts(editor);
    editor.setKpi({"r2", true, 0.5});
    QSignalSpy edited(&editor, &KpiEditor::edited);
    type(p.target, QStringLiteral("1e999"));  // overflows a double: not a silent "no target"
    QCOMPARE(editor.kpi().target, std::optional<double>(0.5));
    QCOMPARE(p.target->text(), QStringLiteral("0.5"));
    QCOMPARE(edited.count(), 0);
    type(p.target, QStringLiteral("-"));  // unfinished: nothing is committed
    QCOMPARE(editor.kpi().target, std::optional<double>(0.5));
    QCOMPARE(edited.count(), 0);
  }

  void setKpiRoundTripsWithoutSignals() {
    KpiEditor editor;
    QSignalSpy edited(&editor, &KpiEditor::edited);
    const Kpi kpis[] = {{"rmse", false, 1234.5}, {"roc_auc", true, std::nullopt}, {"profit", false, -0.25},
                        {"", true, std::nullopt}, {"log_loss", true, 1e-12}};
    for (const Kpi& kpi : kpis) {
      editor.setKpi(kpi);
      QCOMPARE(editor.kpi(), kpi);  // even a direction against the metric's habit ("log_loss", higher)
    }
    QCOMPARE(edited.count(), 0);
  }
};

QTEST_MAIN(tst_KpiEditor)
#include "tst_KpiEditor.moc"
