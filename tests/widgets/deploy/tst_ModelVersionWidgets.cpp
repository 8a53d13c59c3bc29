// The Models dock's parts on their own: the registry tree (grouping, newest first, the KPI on
// the headline split), a version against production (directions, schema and data differences)
// and the two dialogs' rules (a reason is required; a name the registry would refuse is refused).
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

#include "widgets/deploy/ModelComparisonView.h"
#include "widgets/deploy/ModelVersionComparison.h"
#include "widgets/deploy/ModelVersionTableModel.h"
#include "widgets/deploy/RegisterModelDialog.h"
#include "widgets/deploy/SetAliasDialog.h"

using lathe::deploy::ModelVersionInfo;
using lathe::widgets::ModelVersionTableModel;
using nlohmann::json;

namespace {

ModelVersionInfo version(std::int64_t id, const std::string& model, int number, const std::string& alias, json metrics) {
  ModelVersionInfo info;
  info.id = id;
  info.model = model;
  info.version = number;
  info.alias = alias;
  info.task = "binary";
  info.algorithm = "logistic";
  info.metrics = std::move(metrics);
  info.createdAt = "2026-11-29T10:00:00.000Z";
  info.inputSchema = {{"age", lathe::data::ColumnType::Int64}, {"amount", lathe::data::ColumnType::Float64}};
  return info;
}

}  // namespace

class tst_ModelVersionWidgets : public QObject {
  Q_OBJECT

 private slots:
  void treeGroupsVersionsNewestFirst() {
    ModelVersionTableModel model;
    model.setVersions({version(1, "credit", 1, "archived", {{"cv", {{"roc_auc", 0.7}}}}),
                       version(3, "churn", 1, "", {{"validation", {{"roc_auc", 0.6}}}}),
                       version(2, "credit", 2, "production", {{"cv", {{"roc_auc", 0.75}}}, {"test", {{"roc_auc", 0.8}}}})},
                      {}, {{1, QStringLiteral("first run")}});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex credit = model.indexOfModel("credit");
    QCOMPARE(credit.row(), 1);  // by name: churn, credit
    QCOMPARE(model.rowCount(credit), 2);
    QCOMPARE(model.index(0, 0, credit).data().toString(), QStringLiteral("v2"));
    QCOMPARE(model.versionAt(model.index(1, 0, credit))->id, std::int64_t(1));
    QCOMPARE(model.parent(model.index(1, 0, credit)), credit);
    QCOMPARE(model.indexOfVersion(2), model.index(0, 0, credit));
    QCOMPARE(model.production("credit")->id, std::int64_t(2));
    QVERIFY(!model.production("churn"));
    QCOMPARE(credit.siblingAtColumn(ModelVersionTableModel::AliasColumn).data().toString(), QStringLiteral("v2 in production"));
    QCOMPARE(model.index(0, ModelVersionTableModel::AliasColumn, credit).data(ModelVersionTableModel::AliasRole).toString(),
             QStringLiteral("production"));
    // No project KPI: the task's headline metric, on test before cv.
    QCOMPARE(model.headerData(ModelVersionTableModel::KpiColumn, Qt::Horizontal).toString(), QStringLiteral("Score"));
    QCOMPARE(model.index(0, ModelVersionTableModel::KpiColumn, credit).data().toString(), QLocale().toString(0.8, 'f', 4));
    QCOMPARE(model.index(0, ModelVersionTableModel::KpiColumn, model.indexOfModel("churn")).data().toString(),
             QLocale().toString(0.6, 'f', 4));
    QCOMPARE(model.index(1, ModelVersionTableModel::RunColumn, credit).data().toString(), QStringLiteral("—"));
    QCOMPARE(ModelVersionTableModel::headlineSplit(json::object()), std::string());

    // A project KPI the versions lack shows as missing, under its own name.
    model.setVersions(model.versions(), {"f1", true, std::nullopt});
    QCOMPARE(model.headerData(ModelVersionTableModel::KpiColumn, Qt::Horizontal).toString(), QStringLiteral("f1"));
    QCOMPARE(model.index(0, ModelVersionTableModel::KpiColumn, model.indexOfModel("credit")).data().toString(), QStringLiteral("—"));
  }

  void comparisonKnowsEachMetricsDirection() {
    auto candidate = version(2, "credit", 2, "", {{"test", {{"roc_auc", 0.8}, {"log_loss", 0.45}, {"custom", 1.0}}}, {"cv", {{"roc_auc", 0.7}}}});
    auto production = version(1, "credit", 1, "production", {{"test", {{"roc_auc", 0.75}, {"log_loss", 0.5}}}, {"train", {{"roc_auc", 0.9}}}});
    candidate.inputSchema.push_back({"job", lathe::data::ColumnType::Categorical});
    production.inputSchema[0].type = lathe::data::ColumnType::Float64;
    production.inputSchema.push_back({"phone", lathe::data::ColumnType::Categorical});
    candidate.trainingDataHash = production.trainingDataHash = "abc";
    const auto comparison = lathe::widgets::ModelVersionComparison::of(candidate, production);
    QCOMPARE(comparison.metrics.size(), std::size_t(5));
    QCOMPARE(comparison.metrics.front().split, std::string("test"));
    QCOMPARE(comparison.metrics.back().split, std::string("train"));
    for (const auto& row : comparison.metrics) {
      if (row.metric == "log_loss") QCOMPARE(row.higherIsBetter, std::optional<bool>(false));
      if (row.metric == "roc_auc") QCOMPARE(row.higherIsBetter, std::optional<bool>(true));
      if (row.metric == "custom") {
        QVERIFY(!row.higherIsBetter);
        QVERIFY(!row.production);
      }
    }
    QCOMPARE(comparison.schema.size(), std::size_t(3));  // age's type, job added, phone removed
    QVERIFY(comparison.dataKnown);
    QVERIFY(comparison.sameData);

    lathe::widgets::ModelComparisonView view;
    view.setVersions(&candidate, &production);
    QCOMPARE(view.metricsTable()->rowCount(), 5);
    for (int row = 0; row < 5; ++row) {
      const QString metric = view.metricsTable()->item(row, lathe::widgets::ModelComparisonView::MetricColumn)->text();
      const QString split = view.metricsTable()->item(row, lathe::widgets::ModelComparisonView::SplitColumn)->text();
      const QString verdict = view.metricsTable()->item(row, lathe::widgets::ModelComparisonView::DifferenceColumn)->data(Qt::UserRole + 1).toString();
      if (split == QStringLiteral("test") && metric == QStringLiteral("log_loss")) QCOMPARE(verdict, QStringLiteral("better"));
      if (split == QStringLiteral("test") && metric == QStringLiteral("roc_auc")) QCOMPARE(verdict, QStringLiteral("better"));
      if (metric == QStringLiteral("custom")) QCOMPARE(verdict, QString());
    }
    QVERIFY2(view.schemaText().contains(QStringLiteral("job (categorical) only in this version")), qPrintable(view.schemaText()));
    QVERIFY(view.dataText().contains(QStringLiteral("the same")));
    view.setVersions(&candidate, nullptr);
    QVERIFY(view.message().contains(QStringLiteral("No version of “credit” is in production")));
  }

  void setAliasNeedsAReason() {
    const auto current = version(1, "credit", 1, "production", json::object());
    const auto chosen = version(2, "credit", 2, "candidate", json::object());
    lathe::widgets::SetAliasDialog dialog(chosen, &current);
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QCOMPARE(dialog.alias(), QStringLiteral("production"));
    QVERIFY(dialog.noteLabel()->text().contains(QStringLiteral("v1")));
    QVERIFY(!ok->isEnabled());
    dialog.setReason(QStringLiteral("   "));
    QVERIFY(!ok->isEnabled());
    dialog.setReason(QStringLiteral("better on March"));
    QVERIFY(ok->isEnabled());
    dialog.setAlias(QStringLiteral("candidate"));  // what it is already
    QVERIFY(!ok->isEnabled());
    dialog.setAlias(QString());
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.alias(), QString());
  }

  void registerSaysWhichVersionItMakes() {
    lathe::widgets::RegisterModelDialog dialog(QStringLiteral("forest 3"), {{QStringLiteral("credit"), 4}}, QStringLiteral("credit"));
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QCOMPARE(dialog.name(), QStringLiteral("credit"));
    QVERIFY(dialog.noteLabel()->text().contains(QStringLiteral("version 5")));
    dialog.setName(QStringLiteral("  churn "));
    QCOMPARE(dialog.name(), QStringLiteral("churn"));
    QVERIFY(dialog.noteLabel()->text().contains(QStringLiteral("version 1")));
    QVERIFY(ok->isEnabled());
    dialog.setName(QStringLiteral("credit:2"));
    QVERIFY(!ok->isEnabled());
    dialog.setName(QString(201, u'x'));
    QVERIFY(!ok->isEnabled());
    dialog.setName(QString());
    QVERIFY(!ok->isEnabled());
  }
};

QTEST_MAIN(tst_ModelVersionWidgets)
#include "tst_ModelVersionWidgets.moc"
