// The Recipe dock's widget on its own: the Add step menu matches the engine's step kinds, the
// list shows steps and their errors, and every button, check box and parameter editor emits
// what the user asked for (and nothing per keystroke). Choices show labels and commit the
// engine's values; the range, date parts, dataset and join-key editors commit parameters the
// engine accepts and that do the right thing on real data; a language change reaches every
// string the panel shows.
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
#include <QTranslator>
#include <QtTest>
#include <set>
#include <stop_token>

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobContext.h"
#include "engine/wrangle/StepRegistry.h"
#include "widgets/panels/RecipePanel.h"
#include "widgets/panels/RecipeStepCatalog.h"
#include "widgets/panels/StepParameterForm.h"
#include "TestPaths.h"

using lathe::data::Table;
using lathe::widgets::RecipePanel;
using lathe::widgets::RecipeStepCatalog;
using lathe::widgets::RecipeStepView;
using lathe::widgets::StepParameterForm;
using nlohmann::json;
using Kind = lathe::widgets::RecipeParameterSpec::Kind;

namespace {

// penguins.csv's header, as the panel would get it from the shown table.
const QStringList kPenguinColumns = {"Species", "Island", "Beak Length (mm)", "Beak Depth (mm)",
                                     "Flipper Length (mm)", "Body Mass (g)", "Sex"};

std::vector<RecipeStepView> twoSteps() {
  return {{"fill_missing", {{"columns", {"Body Mass (g)"}}, {"strategy", "mean"}, {"indicator", false}}, true,
           "fill missing in Body Mass (g) with the mean", {}},
          {"filter_rows", {{"formula", "true"}}, true, "keep rows where true", {}}};
}

Table importDataset(const char* file) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::data::ImportRequest request;
  request.path = std::string(LATHE_DATASETS_DIR) + "/" + file;
  return lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table;
}

const lathe::data::Column& columnNamed(const Table& table, const std::string& name) {
  const auto index = table.indexOf(name);
  if (!index) throw std::runtime_error("no column " + name);
  return table.column(*index);
}

// Builds the step the engine's own factory makes of `parameters`, fits it on `table` and
// applies it, as a recipe would.
Table runStep(const std::string& kind, const json& parameters, const Table& table,
              const lathe::wrangle::TableResolver& resolve = {}) {
  auto step = lathe::wrangle::StepRegistry::create(kind, parameters);
  if (resolve) step->resolveInputs(resolve);
  step->fit(table, nullptr);
  return step->apply(table, nullptr);
}

StepParameterForm* formOf(RecipePanel& panel) { return panel.findChild<StepParameterForm*>("stepParameters"); }

// What the user does to a combo box: pick the item with `value` as its data.
void choose(QComboBox* box, const QVariant& value) {
  const int index = box->findData(value);
  QVERIFY2(index >= 0, qPrintable(value.toString()));
  box->setCurrentIndex(index);
  emit box->activated(index);
}

// A stand-in for lathe_ko.qm: a few of the panel's strings in Korean, by context.
class FakeKorean : public QTranslator {
 public:
  QString translate(const char* context, const char* source, const char* = nullptr, int = -1) const override {
    static const QHash<QString, QString> words = {
        {"RecipeStepCatalog|Fill missing values", "결측값 채우기"},
        {"RecipeStepCatalog|Missing values", "결측값"},
        {"RecipeStepCatalog|Fill with", "채울 값"},
        {"RecipeStepCatalog|Mean", "평균"},
        {"RecipeStepCatalog|Median", "중앙값"},
        {"RecipeStepSummary|%1 with the mean", "%1: 평균으로 채움"},
        {"RecipeStepSummary|%1 with the median", "%1: 중앙값으로 채움"},
        {"lathe::widgets::RecipePanel|Remove", "삭제"},
        {"lathe::widgets::RecipePanel|Add step", "단계 추가"},
    };
    return words.value(QString::fromUtf8(context) + u'|' + QString::fromUtf8(source));
  }
  bool isEmpty() const override { return false; }
};

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
    QCOMPARE(strategy->currentText(), QStringLiteral("Mean"));  // a label, not the engine's "mean"
    strategy->setCurrentIndex(strategy->findText("Median"));
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

  // Every editor is named after its parameter's key (the end-to-end tests find them so), and
  // every choice shows a label, carries the engine's value as data, and commits that value.
  void choicesShowLabelsAndCommitValues() {
    for (const auto& spec : RecipeStepCatalog::steps()) {
      const json defaults = RecipeStepCatalog::defaultParameters(spec.kind, kPenguinColumns);
      StepParameterForm form;
      form.setStep(spec.kind, defaults, kPenguinColumns);
      for (const auto& p : spec.parameters) {
        const QString key = QString::fromStdString(p.key);
        QVERIFY2(form.findChild<QWidget*>(key), qPrintable(QString::fromStdString(spec.kind) + "." + key));
        if (p.kind != Kind::Choice) continue;
        auto* box = form.findChild<QComboBox*>(key);
        QVERIFY(box);
        QCOMPARE(box->count(), static_cast<int>(p.choices.size()));
        QCOMPARE(box->currentData().toString(), QString::fromStdString(p.defaultValue.get<std::string>()));
        QSignalSpy spy(&form, &StepParameterForm::parametersEdited);
        for (int i = box->count() - 1; i >= 0; --i) {  // from the last, so every pick is a change
          const auto& choice = p.choices[static_cast<std::size_t>(i)];
          QCOMPARE(box->itemText(i), choice.label);
          QVERIFY2(box->itemText(i) != QString::fromStdString(choice.value), choice.value.c_str());
          choose(box, QString::fromStdString(choice.value));
          QCOMPARE(form.parameters().at(p.key), json(choice.value));
          QCOMPARE(spy.last().at(0).value<json>().at(p.key), json(choice.value));
          if (spec.kind == "fill_missing" && choice.value == "constant") continue;  // needs its value too
          try {
            QCOMPARE(lathe::wrangle::StepRegistry::create(spec.kind, form.parameters())->parameters().at(p.key),
                     json(choice.value));
          } catch (const std::exception& e) {
            QFAIL(qPrintable(QString::fromStdString(spec.kind + " " + form.parameters().dump() + ": " + e.what())));
          }
        }
        QCOMPARE(spy.count(), box->count());
      }
    }
  }

  // Scale's range: two numbers, used by min–max only; on penguins the scaled mass spans them.
  void rangeCommitsWhatTheEngineAccepts() {
    const Table penguins = importDataset("penguins.csv");
    RecipePanel panel;
    panel.setColumns(kPenguinColumns);
    const json scale = {{"columns", {"Body Mass (g)"}}, {"method", "standard"}, {"range", {0.0, 1.0}}};
    panel.setSteps({{"scale", scale, true, "", {}}});
    panel.setCurrentIndex(0);
    StepParameterForm* form = formOf(panel);
    QSignalSpy spy(&panel, &RecipePanel::parametersEdited);
    auto* range = form->findChild<QWidget*>("range");
    auto* low = form->findChild<QLineEdit*>("range.low");
    auto* high = form->findChild<QLineEdit*>("range.high");
    QVERIFY(range && low && high);
    QVERIFY(!range->isEnabled());  // standard scaling has no range
    QCOMPARE(low->text(), QStringLiteral("0"));
    QCOMPARE(high->text(), QStringLiteral("1"));
    choose(form->findChild<QComboBox*>("method"), QStringLiteral("min_max"));
    QVERIFY(range->isEnabled());
    QCOMPARE(spy.count(), 1);

    low->selectAll();
    QTest::keyClicks(low, "-1");
    QCOMPARE(spy.count(), 1);  // nothing per keystroke
    QTest::keyClick(low, Qt::Key_Return);
    QCOMPARE(spy.count(), 2);
    const json committed = spy.last().at(1).value<json>();
    QCOMPARE(committed.at("range"), json({-1.0, 1.0}));
    QCOMPARE(committed.at("method"), json("min_max"));
    const Table scaled = runStep("scale", committed, penguins);
    const auto& mass = columnNamed(scaled, "Body Mass (g)");
    double lowest = 1e300, highest = -1e300;
    for (std::size_t row = 0; row < mass.size(); ++row)
      if (mass.isValid(row)) {
        lowest = std::min(lowest, mass.float64Values()[row]);
        highest = std::max(highest, mass.float64Values()[row]);
      }
    QCOMPARE(lowest, -1.0);
    QCOMPARE(highest, 1.0);

    // Both ends emptied: the parameter goes, and the engine's 0 to 1 applies.
    low->clear();
    emit low->editingFinished();
    high->clear();
    emit high->editingFinished();
    QVERIFY(!form->parameters().contains("range"));
    QCOMPARE(lathe::wrangle::StepRegistry::create("scale", form->parameters())->parameters().at("range"), json({0.0, 1.0}));
    // Text that is no number, or low above high, goes to the engine, which refuses it by name.
    high->setText("lots");
    emit high->editingFinished();
    QCOMPARE(form->parameters().at("range"), json({0.0, "lots"}));
    QVERIFY_THROWS_EXCEPTION(lathe::Error, lathe::wrangle::StepRegistry::create("scale", form->parameters()));
    low->setText("5");
    high->setText("2");
    emit high->editingFinished();
    QVERIFY_THROWS_EXCEPTION(lathe::Error, lathe::wrangle::StepRegistry::create("scale", form->parameters()));
  }

  // Date parts: a check list of translated parts carrying the engine's names; on
  // seattle-weather.csv the parts are those of the dates (expected values from pandas, once:
  // pd.read_csv(..., parse_dates=["date"]); row 400 is 2013-02-04, a Monday; the last row
  // 2015-12-31, a Thursday; Monday = 0 in both).
  void datePartsCommitWhatTheEngineAccepts() {
    const Table weather = importDataset("seattle-weather.csv");
    QCOMPARE(weather.rowCount(), std::size_t{1461});
    RecipePanel panel;
    panel.setColumns({"date", "precipitation", "temp_max", "temp_min", "wind", "weather"});
    panel.setSteps({{"date_parts", {{"columns", {"date"}}}, true, "", {}}});
    panel.setCurrentIndex(0);
    QVERIFY2(panel.stepText(0).contains("Year, Month, Day, Weekday, Hour of date"), qPrintable(panel.stepText(0)));
    auto* parts = formOf(panel)->findChild<QListWidget*>("parts");
    QVERIFY(parts);
    const QStringList labels = {"Year", "Month", "Day", "Weekday", "Hour"};
    const QStringList values = {"year", "month", "day", "weekday", "hour"};
    QCOMPARE(parts->count(), 5);
    for (int i = 0; i < 5; ++i) {
      QCOMPARE(parts->item(i)->text(), labels[i]);
      QCOMPARE(parts->item(i)->data(Qt::UserRole).toString(), values[i]);
      QCOMPARE(parts->item(i)->checkState(), Qt::Checked);  // absent: the engine takes them all
    }
    QSignalSpy spy(&panel, &RecipePanel::parametersEdited);
    parts->item(4)->setCheckState(Qt::Unchecked);
    QCOMPARE(spy.count(), 1);
    const json committed = spy.last().at(1).value<json>();
    QCOMPARE(committed.at("parts"), json({"year", "month", "day", "weekday"}));
    const Table out = runStep("date_parts", committed, weather);
    QVERIFY(!out.indexOf("date_hour"));
    const auto year = columnNamed(out, "date_year").int64Values();
    const auto month = columnNamed(out, "date_month").int64Values();
    const auto day = columnNamed(out, "date_day").int64Values();
    const auto weekday = columnNamed(out, "date_weekday").int64Values();
    QCOMPARE((std::vector<std::int64_t>{year[400], month[400], day[400], weekday[400]}),
             (std::vector<std::int64_t>{2013, 2, 4, 0}));
    QCOMPARE((std::vector<std::int64_t>{year[1460], month[1460], day[1460], weekday[1460]}),
             (std::vector<std::int64_t>{2015, 12, 31, 3}));

    // None left: committed, and the engine refuses it ("choose at least one date part").
    for (int i = 0; i < 4; ++i) parts->item(i)->setCheckState(Qt::Unchecked);
    QCOMPARE(spy.last().at(1).value<json>().at("parts"), json::array());
    QVERIFY_THROWS_EXCEPTION(lathe::Error, lathe::wrangle::StepRegistry::create("date_parts", spy.last().at(1).value<json>()));
    // A part from a newer Lathe stays visible and checked, so the user can see and drop it.
    panel.setSteps({{"date_parts", {{"columns", {"date"}}, {"parts", {"year", "minute"}}}, true, "", {}}});
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    parts = formOf(panel)->findChild<QListWidget*>("parts");
    QCOMPARE(parts->count(), 6);
    QCOMPARE(parts->item(5)->text(), QStringLiteral("minute"));
    QCOMPARE(parts->item(5)->checkState(), Qt::Checked);
    QCOMPARE(parts->item(1)->checkState(), Qt::Unchecked);
  }

  // Join: the other dataset picked by name (the id is committed), its key columns picked from
  // its own columns; on penguins joined with a small islands table the keys really pair up
  // (penguins per island from pandas, once: Biscoe 168, Dream 124, Torgersen 52).
  void joinPicksTheDatasetByNameAndItsKeys() {
    const Table penguins = importDataset("penguins.csv");
    std::vector<std::int64_t> codes = {1, 2, 3};
    auto islands = std::make_shared<const Table>(std::vector<std::shared_ptr<const lathe::data::Column>>{
        lathe::data::Column::categorical("Isle", {0, 1, 2}, {"Biscoe", "Dream", "Torgersen"}),
        lathe::data::Column::int64("Code", codes)});
    RecipePanel panel;
    panel.setColumns(kPenguinColumns);
    panel.setDatasetVersions({{1, "penguins v1"}, {2, "islands v1"}});
    QList<qint64> asked;
    panel.setDatasetColumnLookup([&asked](qint64 id) {
      asked << id;
      return id == 2 ? QStringList{"Isle", "Code"} : id == 1 ? kPenguinColumns : QStringList{};
    });
    panel.setSteps({{"join", {{"dataset_version", 1}, {"on", {"Island"}}, {"how", "inner"}, {"suffix", "_right"}}, true, "", {}}});
    panel.setCurrentIndex(0);
    QVERIFY2(panel.stepText(0).contains("rows matching penguins v1 on Island"), qPrintable(panel.stepText(0)));
    StepParameterForm* form = formOf(panel);
    QSignalSpy spy(&panel, &RecipePanel::parametersEdited);

    auto* dataset = form->findChild<QComboBox*>("dataset_version");
    QVERIFY(dataset);
    QCOMPARE(dataset->count(), 2);
    QCOMPARE(dataset->currentText(), QStringLiteral("penguins v1"));
    QCOMPARE(dataset->itemText(1), QStringLiteral("islands v1"));
    choose(dataset, qint64{2});
    QCOMPARE(spy.count(), 1);
    QVERIFY(spy.last().at(1).value<json>().at("dataset_version").is_number_integer());
    QCOMPARE(spy.last().at(1).value<json>().at("dataset_version"), json(2));
    QCOMPARE(asked.last(), qint64{2});  // the key pickers now offer the islands' columns

    auto* key = form->findChild<QComboBox*>("right_on.0");
    QVERIFY(key);
    QCOMPARE(key->count(), 3);
    QCOMPARE(key->itemText(0), QStringLiteral("Same name"));
    QCOMPARE(key->itemText(1), QStringLiteral("Isle"));
    choose(key, QStringLiteral("Isle"));
    QCOMPARE(spy.count(), 2);
    json committed = spy.last().at(1).value<json>();
    QCOMPARE(committed.at("right_on"), json({"Isle"}));
    panel.setSteps({{"join", committed, true, "", {}}});  // as the controller confirms the edit
    QVERIFY2(panel.stepText(0).contains("rows matching islands v1 on Island = Isle"), qPrintable(panel.stepText(0)));
    QCOMPARE(panel.stepToolTip(0), QStringLiteral("rows matching islands v1 on Island = Isle"));

    const Table joined = runStep("join", committed, penguins, [&islands](std::int64_t id) {
      return id == 2 ? islands : nullptr;
    });
    QCOMPARE(joined.rowCount(), penguins.rowCount());
    const auto code = columnNamed(joined, "Code").int64Values();
    QCOMPARE(code[0], std::int64_t{3});  // row 0 lives on Torgersen
    std::int64_t sum = 0;
    for (auto c : code) sum += c;
    QCOMPARE(sum, std::int64_t{168 * 1 + 124 * 2 + 52 * 3});

    // A second key: each key keeps its partner, the new one pairs with its own name.
    auto* on = form->findChild<QListWidget*>("on");
    on->item(6)->setCheckState(Qt::Checked);  // Sex
    committed = spy.last().at(1).value<json>();
    QCOMPARE(committed.at("on"), json({"Island", "Sex"}));
    QCOMPARE(committed.at("right_on"), json({"Isle", "Sex"}));
    QVERIFY(form->findChild<QComboBox*>("right_on.1"));
    // Back to the same names everywhere: right_on goes (the engine's default).
    choose(form->findChild<QComboBox*>("right_on.0"), QVariant());
    QVERIFY(!spy.last().at(1).value<json>().contains("right_on"));
    QCOMPARE(lathe::wrangle::StepRegistry::create("join", spy.last().at(1).value<json>())->parameters().at("right_on"),
             json({"Island", "Sex"}));
  }

  // Append: a version no longer listed is still shown (by id) and can be replaced; a bad value
  // shows no choice and emits nothing.
  void appendShowsUnknownVersionsAndCommitsIds() {
    RecipePanel panel;
    panel.setDatasetVersions({{1, "penguins v1"}, {2, "penguins v2"}});
    panel.setSteps({{"concatenate", {{"dataset_version", 99}}, true, "", {}}, {"concatenate", {{"dataset_version", "x"}}, true, "", {}}});
    panel.setCurrentIndex(0);
    QVERIFY2(panel.stepText(0).endsWith("the rows of dataset version 99"), qPrintable(panel.stepText(0)));
    auto* dataset = formOf(panel)->findChild<QComboBox*>("dataset_version");
    QCOMPARE(dataset->count(), 3);
    QCOMPARE(dataset->currentText(), QStringLiteral("dataset version 99"));
    QSignalSpy spy(&panel, &RecipePanel::parametersEdited);
    choose(dataset, qint64{2});
    QCOMPARE(spy.last().at(1).value<json>(), json({{"dataset_version", 2}}));
    QCOMPARE(lathe::wrangle::StepRegistry::create("concatenate", spy.last().at(1).value<json>())->parameters(),
             json({{"dataset_version", 2}}));

    panel.setCurrentIndex(1);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    dataset = formOf(panel)->findChild<QComboBox*>("dataset_version");
    QCOMPARE(dataset->currentIndex(), -1);
    emit dataset->activated(-1);
    QCOMPARE(spy.count(), 1);
    // Renamed in the project: the rows follow.
    panel.setDatasetVersions({{1, "penguins v1"}, {99, "archive v7"}});
    QVERIFY2(panel.stepText(0).endsWith("the rows of archive v7"), qPrintable(panel.stepText(0)));
  }

  // Switching the language redraws the buttons, the menu, every row's title and summary and the
  // editors; the choice still commits the engine's value.
  void languageChangeReachesEveryString() {
    RecipePanel panel;
    panel.setColumns(kPenguinColumns);
    panel.setSteps(twoSteps());
    panel.setCurrentIndex(0);
    auto* remove = panel.findChild<QPushButton*>("removeStepButton");
    auto* add = panel.findChild<QToolButton*>("addStepButton");
    FakeKorean korean;
    QVERIFY(QCoreApplication::installTranslator(&korean));
    QTRY_COMPARE(remove->text(), QStringLiteral("삭제"));
    QCOMPARE(add->text(), QStringLiteral("단계 추가"));
    QCOMPARE(add->menu()->actions().at(2)->text(), QStringLiteral("결측값"));
    QCOMPARE(findAction(add->menu(), "fill_missing")->text(), QStringLiteral("결측값 채우기"));
    QCOMPARE(add->menu()->findChildren<QAction*>("fill_missing").size(), 1);  // the old menu is gone
    QCOMPARE(panel.stepText(0), QStringLiteral("1. 결측값 채우기 — Body Mass (g): 평균으로 채움"));
    QCOMPARE(panel.stepToolTip(0), QStringLiteral("Body Mass (g): 평균으로 채움"));
    auto* strategy = formOf(panel)->findChild<QComboBox*>("strategy");
    QVERIFY(strategy);
    QCOMPARE(strategy->currentText(), QStringLiteral("평균"));
    QSignalSpy spy(&panel, &RecipePanel::parametersEdited);
    strategy->setCurrentIndex(strategy->findText(QStringLiteral("중앙값")));
    emit strategy->activated(strategy->currentIndex());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.last().at(1).value<json>().at("strategy"), json("median"));

    QVERIFY(QCoreApplication::removeTranslator(&korean));
    QTRY_COMPARE(remove->text(), QStringLiteral("Remove"));
    QCOMPARE(panel.stepText(0), QStringLiteral("1. Fill missing values — Body Mass (g) with the mean"));
  }
};

QTEST_MAIN(tst_RecipePanel)
#include "tst_RecipePanel.moc"
