// The Deploy panel's Settings… dialog on its own: it shows an endpoint's settings as a user
// reads them (a percentage, a column, days or "keep every request") and gives back what was
// edited, in the units the project stores.
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QtTest>

#include "widgets/deploy/EndpointSettingsDialog.h"

using lathe::widgets::EndpointSettingsDialog;

class tst_EndpointSettingsDialog : public QObject {
  Q_OBJECT

 private slots:
  void showsAndReturnsTheSettings() {
    EndpointSettingsDialog dialog(QStringLiteral("scoring"), {0.1, QStringLiteral("id"), 30}, {QStringLiteral("id"), QStringLiteral("age")});
    QVERIFY(dialog.windowTitle().contains(QStringLiteral("scoring")));
    auto* sampling = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("samplingBox"));
    auto* key = dialog.findChild<QLineEdit*>(QStringLiteral("keyColumnEdit"));
    auto* retention = dialog.findChild<QSpinBox*>(QStringLiteral("retentionBox"));
    auto* keepAll = dialog.findChild<QCheckBox*>(QStringLiteral("keepAllBox"));
    QVERIFY(sampling && key && retention && keepAll);
    QCOMPARE(sampling->value(), 10.0);  // shown as a percentage
    QCOMPARE(key->text(), QStringLiteral("id"));
    QCOMPARE(retention->value(), 30);
    QVERIFY(!keepAll->isChecked());
    QVERIFY(retention->isEnabled());

    sampling->setValue(2.5);
    key->setText(QStringLiteral("  age "));
    retention->setValue(7);
    auto values = dialog.values();
    QCOMPARE(values.sampling, 0.025);
    QCOMPARE(values.keyColumn, QStringLiteral("age"));  // trimmed
    QCOMPARE(values.logRetentionDays, 7);

    // Keep every request: 0 days, and the days field is off.
    keepAll->setChecked(true);
    QVERIFY(!retention->isEnabled());
    key->clear();
    values = dialog.values();
    QCOMPARE(values.logRetentionDays, 0);
    QVERIFY(values.keyColumn.isEmpty());
  }

  void keepingEverythingIsShownAsSuch() {
    EndpointSettingsDialog dialog(QStringLiteral("ab"), {1.0, QString(), 0}, {});
    QVERIFY(dialog.findChild<QCheckBox*>(QStringLiteral("keepAllBox"))->isChecked());
    QCOMPARE(dialog.findChild<QDoubleSpinBox*>(QStringLiteral("samplingBox"))->value(), 100.0);
    QCOMPARE(dialog.values().logRetentionDays, 0);
    QCOMPARE(dialog.values().sampling, 1.0);
  }
};

QTEST_MAIN(tst_EndpointSettingsDialog)
#include "tst_EndpointSettingsDialog.moc"
