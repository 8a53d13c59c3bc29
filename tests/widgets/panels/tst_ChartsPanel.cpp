// The Charts dock's pickers: which columns each chart offers, what it asks for, and what it shows.
#include <QtTest>
#include <QComboBox>
#include <QLabel>
#include <QToolButton>

#include "engine/explore/BoxPlotData.h"
#include "engine/explore/CorrelationMatrix.h"
#include "widgets/charts/BoxPlotChart.h"
#include "widgets/charts/CorrelationHeatmap.h"
#include "widgets/panels/ChartsPanel.h"

using lathe::data::ColumnType;
using lathe::explore::ChartKind;
using lathe::explore::ChartRequest;
using lathe::widgets::ChartsPanel;

Q_DECLARE_METATYPE(lathe::explore::ChartRequest)

namespace {

// penguins.csv's columns as the importer types them, plus a text column no chart draws.
ChartsPanel::ColumnList penguinColumns() {
  return {{QStringLiteral("Species"), ColumnType::Categorical},
          {QStringLiteral("Island"), ColumnType::Categorical},
          {QStringLiteral("Beak Length (mm)"), ColumnType::Float64},
          {QStringLiteral("Flipper Length (mm)"), ColumnType::Float64},
          {QStringLiteral("Body Mass (g)"), ColumnType::Float64},
          {QStringLiteral("Sex"), ColumnType::Categorical},
          {QStringLiteral("Notes"), ColumnType::Text}};
}

QStringList items(const QComboBox* box) {
  QStringList texts;
  for (int i = 0; i < box->count(); ++i) texts << box->itemData(i).toString();
  return texts;
}

}  // namespace

class tst_ChartsPanel : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { qRegisterMetaType<ChartRequest>(); }

  void eachChartOffersTheColumnsItCanDraw() {
    ChartsPanel panel;
    panel.setColumns(penguinColumns());
    auto* kind = panel.findChild<QComboBox*>(QStringLiteral("chartKind"));
    auto* first = panel.findChild<QComboBox*>(QStringLiteral("firstColumn"));
    auto* group = panel.findChild<QComboBox*>(QStringLiteral("groupColumn"));
    QVERIFY(!items(first).contains(QStringLiteral("Notes")));  // text is never charted
    QCOMPARE(items(first).size(), 6);

    kind->setCurrentIndex(kind->findData(static_cast<int>(ChartKind::BoxPlot)));
    QCOMPARE(items(first), (QStringList{QStringLiteral("Beak Length (mm)"), QStringLiteral("Flipper Length (mm)"),
                                        QStringLiteral("Body Mass (g)")}));
    QCOMPARE(items(group), (QStringList{QString(), QStringLiteral("Species"), QStringLiteral("Island"),
                                        QStringLiteral("Sex")}));

    kind->setCurrentIndex(kind->findData(static_cast<int>(ChartKind::Correlation)));
    QVERIFY(first->isHidden());
    QVERIFY(panel.isComplete());
  }

  void asksForTheChartThePickersName() {
    ChartsPanel panel;
    panel.setColumns(penguinColumns());
    QSignalSpy requested(&panel, &ChartsPanel::chartRequested);
    auto* kind = panel.findChild<QComboBox*>(QStringLiteral("chartKind"));
    kind->setCurrentIndex(kind->findData(static_cast<int>(ChartKind::Scatter)));
    QVERIFY(!requested.isEmpty());
    auto request = requested.last().at(0).value<ChartRequest>();
    QCOMPARE(request.kind, ChartKind::Scatter);
    QCOMPARE(request.column, std::string("Beak Length (mm)"));
    QCOMPARE(request.secondColumn, std::string("Flipper Length (mm)"));  // x and y start apart
    QVERIFY(request.groupColumn.empty());

    auto* group = panel.findChild<QComboBox*>(QStringLiteral("groupColumn"));
    group->setCurrentIndex(group->findData(QStringLiteral("Species")));
    request = requested.last().at(0).value<ChartRequest>();
    QCOMPARE(request.groupColumn, std::string("Species"));
  }

  void keepsTheChoiceForANewTableWithTheSameColumns() {
    ChartsPanel panel;
    panel.setColumns(penguinColumns());
    ChartRequest box{ChartKind::BoxPlot, "Body Mass (g)", "", "Island"};
    panel.setRequest(box);
    panel.setColumns(penguinColumns());
    QCOMPARE(panel.request().column, box.column);
    QCOMPARE(panel.request().groupColumn, box.groupColumn);
    // A table without those columns falls back to what it has.
    panel.setColumns({{QStringLiteral("x"), ColumnType::Int64}});
    QCOMPARE(panel.request().column, std::string("x"));
    QVERIFY(panel.request().groupColumn.empty());
  }

  void aFeatureAgainstItselfIsNotAsked() {
    ChartsPanel panel;
    panel.setColumns({{QStringLiteral("only"), ColumnType::Float64}});
    panel.setRequest({ChartKind::FeatureTarget, "only", "only", ""});
    QVERIFY(!panel.isComplete());
  }

  void showsTheResultAndExportsIt() {
    ChartsPanel panel;
    panel.setColumns(penguinColumns());
    auto* exportButton = panel.findChild<QToolButton*>(QStringLiteral("exportChartButton"));
    QVERIFY(!panel.currentChart());
    QVERIFY(!exportButton->isEnabled());

    lathe::explore::BoxPlotData data;
    data.column = "Body Mass (g)";
    lathe::explore::BoxStats stats;
    stats.count = 10;
    stats.q1 = 3550;
    stats.median = 4050;
    stats.q3 = 4750;
    stats.lowerWhisker = stats.min = 2700;
    stats.upperWhisker = stats.max = 6300;
    data.boxes.push_back(stats);
    panel.showBoxPlot(data);
    QVERIFY(qobject_cast<lathe::widgets::BoxPlotChart*>(panel.currentChart()));
    QVERIFY(exportButton->isEnabled());

    lathe::explore::CorrelationMatrix matrix;
    matrix.columns = {"a", "b"};
    matrix.values = {1.0, -0.5, -0.5, 1.0};
    panel.showCorrelation(matrix);
    QVERIFY(qobject_cast<lathe::widgets::CorrelationHeatmap*>(panel.currentChart()));

    panel.showError(QStringLiteral("Column 'x' is text"));
    QVERIFY(!panel.currentChart());
    QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("chartMessage"))->text(), QStringLiteral("Column 'x' is text"));
    QVERIFY(!exportButton->isEnabled());
  }
};

QTEST_MAIN(tst_ChartsPanel)
#include "tst_ChartsPanel.moc"
