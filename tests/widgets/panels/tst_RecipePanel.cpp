// The Recipe dock's widget on its own: the Add step menu matches the engine's step kinds, the
// list shows steps and their errors, and every button, check box and parameter editor emits
// what the user asked for (and nothing per keystroke).
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>
#include <set>

#include "engine/wrangle/StepRegistry.h"
#include "widgets/panels/RecipePanel.h"
#include "widgets/panels/RecipeStepCatalog.h"
#include "widgets/panels/StepParameterForm.h"

using lathe::widgets::RecipePanel;
using lathe::widgets::RecipeStepCatalog;
using lathe::widgets::RecipeStepView;
using nlohmann::json;

namespace {

// penguins.csv's header, as the panel would get it from the shown table.
const QStringList kPenguinColumns = {"Species", "Island", "Beak Length (mm)", "Beak Depth (mm)",
                                     "Flipper Length (mm)", "Body Mass (g)", "Sex"};

std::vector<RecipeStepView> twoSteps() {
  return {{"fill_missing", {{"columns", {"Body Mass (g)"}}, {"strategy", "mean"}, {"indicator", false}}, true,
           "fill missing in Body Mass (g) with the mean", {}},
          {"filter_rows", {{"formula", "true"}}, true, "keep rows where true", {}}};
}

QAction* findAction(QMenu* menu, const QString& kind) {
  for (QAction* action : menu->findChildren<QAction*>())
    if (action->objectName() == kind) return action;
  return nullptr;
}

}  // namespace

class tst_RecipePanel : public QObject {
  Q_OBJECT

 private slots:
  void catalogCoversEveryRegisteredStepAndItsDefaultsAreValid() {
    const auto specs = RecipeStepCatalog::steps();
    std::set<std::string> catalogKinds;
    for (const auto& spec : specs) {
      QVERIFY2(catalogKinds.insert(spec.kind).second, spec.kind.c_str());
      QVERIFY2(RecipeStepCatalog::groups().contains(spec.group), spec.kind.c_str());
      QVERIFY(!spec.title.isEmpty());
    }
    const auto registered = lathe::wrangle::StepRegistry::kinds();
    QCOMPARE(catalogKinds, std::set<std::string>(registered.begin(), registered.end()));
    // A new step of every kind, on penguins' columns, is accepted by the engine's own factory,
    // and every parameter the factory echoes back is one the form can edit.
    for (const auto& spec : specs) {
      const json defaults = RecipeStepCatalog::defaultParameters(spec.kind, kPenguinColumns);
      std::unique_ptr<lathe::wrangle::RecipeStep> step;
      try {
        step = lathe::wrangle::StepRegistry::create(spec.kind, defaults);
      } catch (const std::exception& e) {
        QFAIL(qPrintable(QString::fromStdString(spec.kind + ": " + e.what())));
      }
      const json echoed = step->parameters();
      for (const auto& [key, value] : echoed.items()) {
        bool known = false;
        for (const auto& p : spec.parameters) known = known || p.key == key;
        if (key == "range" || key == "parts" || key == "right_on") continue;  // advanced, left at the engine's default
        QVERIFY2(known, qPrintable(QString::fromStdString(spec.kind + "." + key)));
      }
    }
  }

  void addMenuEmitsTheKindByGroup() {
    RecipePanel panel;
    auto* add = panel.findChild<QToolButton*>("addStepButton");
    QVERIFY(add && add->menu());
    QCOMPARE(add->menu()->actions().size(), RecipeStepCatalog::groups().size());
    QCOMPARE(add->menu()->actions().at(2)->text(), QStringLiteral("Missing values"));
    QSignalSpy spy(&panel, &RecipePanel::addRequested);
    QAction* fill = findAction(add->menu(), "fill_missing");
    QVERIFY(fill);
    QCOMPARE(fill->text(), QStringLiteral("Fill missing values"));
    fill->trigger();
    findAction(add->menu(), "one_hot")->trigger();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("fill_missing"));
    QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("one_hot"));
  }

  void listShowsStepsAndButtonsEmitTheSelectedIndex() {
    RecipePanel panel;
    panel.setColumns(kPenguinColumns);
    auto* remove = panel.findChild<QPushButton*>("removeStepButton");
    auto* up = panel.findChild<QPushButton*>("moveUpButton");
    auto* down = panel.findChild<QPushButton*>("moveDownButton");
    auto* apply = panel.findChild<QPushButton*>("applyRecipeButton");
    QVERIFY(!remove->isEnabled());
    QVERIFY(!apply->isEnabled());  // nothing to apply
    panel.setSteps(twoSteps());
    QCOMPARE(panel.stepCount(), 2);
    QVERIFY(panel.stepText(0).contains("Fill missing values"));
    QVERIFY(panel.stepText(0).contains("Body Mass (g) with the mean"));
    QVERIFY(panel.stepText(1).startsWith("2. Filter rows"));

    panel.setCurrentIndex(0);
    QVERIFY(!up->isEnabled());
    QVERIFY(down->isEnabled());
    QSignalSpy moves(&panel, &RecipePanel::moveRequested);
    QSignalSpy removes(&panel, &RecipePanel::removeRequested);
    QSignalSpy applies(&panel, &RecipePanel::applyRequested);
    QTest::mouseClick(down, Qt::LeftButton);
    panel.setCurrentIndex(1);
    QVERIFY(!down->isEnabled());
    QTest::mouseClick(up, Qt::LeftButton);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(moves.count(), 2);
    QCOMPARE(moves.at(0), (QList<QVariant>{0, 1}));
    QCOMPARE(moves.at(1), (QList<QVariant>{1, 0}));
    QCOMPARE(removes.count(), 1);
    QCOMPARE(removes.at(0).at(0).toInt(), 1);
    QCOMPARE(applies.count(), 1);

    // setSteps keeps the selection and emits nothing.
    panel.setSteps(twoSteps());
    QCOMPARE(panel.currentIndex(), 1);
    QCOMPARE(moves.count() + removes.count(), 3);
    panel.setApplyEnabled(false);
    QVERIFY(!apply->isEnabled());
  }

  void checkBoxTogglesEnabled() {
    RecipePanel panel;
    panel.setSteps(twoSteps());
    QSignalSpy spy(&panel, &RecipePanel::enabledToggled);
    auto* list = panel.findChild<QListWidget*>("recipeSteps");
    list->item(1)->setCheckState(Qt::Unchecked);  // what a click on the check box does
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0), (QList<QVariant>{1, false}));
    // Showing the state the caller confirms emits nothing.
    auto steps = twoSteps();
    steps[1].enabled = false;
    panel.setSteps(steps);
    QCOMPARE(list->item(1)->checkState(), Qt::Unchecked);
    QCOMPARE(spy.count(), 1);
  }

  void formEmitsCommittedEditsNotKeystrokes() {
    RecipePanel panel;
    panel.setColumns(kPenguinColumns);
    panel.setSteps(twoSteps());
    panel.setCurrentIndex(0);
    auto* form = panel.findChild<lathe::widgets::StepParameterForm*>("stepParameters");
    QSignalSpy spy(&panel, &RecipePanel::parametersEdited);

    auto* columns = form->findChild<QListWidget*>("columns");
    QVERIFY(columns);
    QCOMPARE(columns->count(), kPenguinColumns.size());
    QCOMPARE(columns->item(5)->checkState(), Qt::Checked);  // Body Mass (g)
    columns->item(2)->setCheckState(Qt::Checked);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 0);
    const json edited = spy.at(0).at(1).value<json>();
    QCOMPARE(edited.at("columns"), json({"Beak Length (mm)", "Body Mass (g)"}));
    QCOMPARE(edited.at("strategy"), json("mean"));

    auto* strategy = form->findChild<QComboBox*>("strategy");
    QVERIFY(strategy);
    strategy->setCurrentIndex(strategy->findText("median"));
    emit strategy->activated(strategy->currentIndex());  // the user's choice, as QComboBox reports it
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(1).value<json>().at("strategy"), json("median"));

    // A formula: typing emits nothing; Enter commits once.
    panel.setCurrentIndex(1);
    auto* formula = form->findChild<QLineEdit*>("formula");
    QVERIFY(formula);
    formula->setFocus();
    formula->selectAll();
    QTest::keyClicks(formula, "[Body Mass (g)] > 4000");
    QCOMPARE(spy.count(), 2);
    QTest::keyClick(formula, Qt::Key_Return);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(0).toInt(), 1);
    QCOMPARE(spy.at(2).at(1).value<json>(), json({{"formula", "[Body Mass (g)] > 4000"}}));
  }

  void errorsAndStatusAreShown() {
    RecipePanel panel;
    panel.setSteps(twoSteps());
    panel.setError(1, "step 2 (filter_rows): no column 'Mass'");
    QVERIFY(panel.stepText(1).contains("no column 'Mass'"));
    QVERIFY(!panel.stepText(0).contains("no column"));
    panel.setError(7, "out of range");  // ignored
    panel.setError(-1, "out of range");
    panel.setPreviewStatus("Preview: first 1,000 rows · 12 ms");
    QCOMPARE(panel.findChild<QLabel*>("previewStatus")->text(), QStringLiteral("Preview: first 1,000 rows · 12 ms"));
    panel.setSteps(twoSteps());  // a new preview clears old errors
    QVERIFY(!panel.stepText(1).contains("no column"));
  }

  // BAD_INPUTS: a step from a newer Lathe, parameters of the wrong shape, names that are
  // enormous or not Latin, an empty table: shown without a crash, nothing emitted.
  void survivesStrangeSteps() {
    RecipePanel panel;
    const QString longName = QString(100000, QChar(u'가'));
    panel.setColumns({longName, QString(), "펭귄 무게", "a\nb"});
    std::vector<RecipeStepView> steps = {
        {"teleport", json::array({1, 2}), true, "?", {}},
        {"fill_missing", json("not an object"), true, "", {}},
        {"fill_missing", {{"columns", 42}, {"strategy", json::array()}, {"indicator", "yes"}}, false, "", {}},
        {"rename_columns", {{"renames", {{"펭귄 무게", 7}}}}, true, "", {}},
        {"one_hot", {{"columns", {"not a column"}}, {"max_levels", "many"}}, true, "", {}},
    };
    QSignalSpy spy(&panel, &RecipePanel::parametersEdited);
    panel.setSteps(steps);
    for (int i = 0; i < panel.stepCount(); ++i) panel.setCurrentIndex(i);
    QVERIFY(panel.stepText(0).contains("teleport"));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);  // the editors of earlier steps
    // A chosen column the table lacks stays listed (and checked), so the user sees it.
    auto* columns = panel.findChild<QListWidget*>("columns");
    QVERIFY(columns);
    QCOMPARE(columns->count(), 5);
    QCOMPARE(columns->item(4)->text(), QStringLiteral("not a column"));
    QCOMPARE(columns->item(4)->checkState(), Qt::Checked);
    panel.setColumns({});
    panel.setSteps({});
    QCOMPARE(panel.stepCount(), 0);
    QCOMPARE(panel.currentIndex(), -1);
    QCOMPARE(spy.count(), 0);
  }
};

QTEST_MAIN(tst_RecipePanel)
#include "tst_RecipePanel.moc"
