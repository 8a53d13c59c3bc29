// The decision tree as people read it: fitted on real data (credit-g.arff, penguins.csv,
// cpu.arff) through the encoder and the model bytes a run stores. Each split's text is checked
// by walking every row of the table down the diagram using only the texts (column names, "<=",
// "is 'level'", yes/no edges, missing values) and comparing the leaf with the model's prediction.
#include <QtTest>

#include <cmath>
#include <numeric>

#include "../ml/MlTestSupport.h"
#include "engine/core/Error.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/experiments/TreeDiagram.h"
#include "engine/ml/EstimatorRegistry.h"

using namespace lathe;
using namespace lathe::experiments;
using Categories = ml::FeatureEncoder::Categories;

namespace {

TrainedModel fitted(const data::Table& table, const std::string& target, const std::string& algorithm,
                    const nlohmann::json& parameters, Categories categories) {
  TrainedModel model{ml::FeatureEncoder::fit(table, target, {}, categories), ml::EstimatorRegistry::create(algorithm, parameters)};
  mltest::QuietContext quiet;
  model.estimator->fit(model.encoder.encodeTraining(table), quiet.context);
  // As a run keeps it: through the stored bytes.
  return TrainedModel::deserialize(model.serialize());
}

const data::Column& column(const data::Table& table, const std::string& name) {
  const auto index = table.indexOf(name);
  if (!index) throw std::runtime_error("split names no column of the table: '" + name + "'");
  return table.column(*index);
}

// The levels a split names: "'a'" or "one of 'a', 'b'".
std::vector<std::string> namedLevels(std::string text) {
  if (text.find(" more)") != std::string::npos) throw std::runtime_error("levels left out: " + text);
  if (text.rfind("one of ", 0) == 0) text = text.substr(7);
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = text.find('\'', at)) != std::string::npos) {
    const std::size_t end = text.find('\'', at + 1);
    if (end == std::string::npos) throw std::runtime_error("unbalanced quotes in " + text);
    out.push_back(text.substr(at + 1, end - at - 1));
    at = end + 1;
  }
  return out;
}

// Whether row `row` of `table` goes right at `node`, read from the node's texts alone.
bool goesRight(const TreeDiagram::Node& node, const data::Table& table, std::size_t row) {
  const std::size_t le = node.split.find(" <= ");
  if (le != std::string::npos) {
    const auto& c = column(table, node.split.substr(0, le));
    if (!c.isValid(row)) return !node.missingGoesLeft;
    if (node.leftLabel != "<= " + node.split.substr(le + 4)) throw std::runtime_error("left edge: " + node.leftLabel);
    const std::string threshold = node.split.substr(le + 4);
    // Dates read as ISO 8601, which orders as text does ("2013-05-01" < "2013-05-01T12:00:00").
    if (c.type() == data::ColumnType::Datetime) return !(c.displayText(row) <= threshold);
    return !(c.numericAt(row) <= std::stod(threshold));
  }
  const std::size_t is = node.split.find(" is ");
  if (is == std::string::npos) throw std::runtime_error("unreadable split: " + node.split);
  const auto& c = column(table, node.split.substr(0, is));
  const std::string rest = node.split.substr(is + 4);
  bool holds = false;
  if (rest == "missing") {
    holds = !c.isValid(row);
  } else if (rest == "true") {
    if (!c.isValid(row)) return !node.missingGoesLeft;
    holds = c.numericAt(row) != 0.0;
  } else {
    if (!c.isValid(row)) return !node.missingGoesLeft;
    const auto levels = namedLevels(rest);
    holds = std::find(levels.begin(), levels.end(), c.displayText(row)) != levels.end();
  }
  if ((node.leftLabel == "yes") == (node.rightLabel == "yes")) throw std::runtime_error("edges not yes/no: " + node.split);
  return holds == (node.rightLabel == "yes");
}

// Every row walked down the diagram lands on a leaf predicting what the model predicts.
void verifyWalks(const TreeDiagram& diagram, const TrainedModel& model, const data::Table& table) {
  const auto predicted = model.estimator->predict(model.encoder.encode(table));
  const auto& classes = model.encoder.classes();
  for (std::size_t row = 0; row < table.rowCount(); ++row) {
    std::size_t n = 0;
    while (!diagram.nodes[n].isLeaf())
      n = static_cast<std::size_t>(goesRight(diagram.nodes[n], table, row) ? diagram.nodes[n].right : diagram.nodes[n].left);
    const auto& leaf = diagram.nodes[n];
    if (diagram.regression)
      QVERIFY2(std::abs(leaf.distribution[0] - predicted[row]) < 1e-9, qPrintable(QString::number(row)));
    else
      QVERIFY2(leaf.prediction == classes[static_cast<std::size_t>(predicted[row])], qPrintable(QString::number(row)));
  }
}

// Counts add up: the root holds every training row, children split their parent's rows, shares sum to 1.
void verifyCounts(const TreeDiagram& diagram, double rows) {
  QVERIFY(!diagram.nodes.empty());
  QCOMPARE(diagram.nodes[0].samples, rows);
  for (std::size_t n = 0; n < diagram.nodes.size(); ++n) {
    const auto& node = diagram.nodes[n];
    if (!diagram.regression) {
      QCOMPARE(node.distribution.size(), diagram.classes.size());
      QVERIFY(std::abs(std::accumulate(node.distribution.begin(), node.distribution.end(), 0.0) - 1.0) < 1e-9);
    }
    if (node.isLeaf()) {
      QVERIFY(node.split.empty());
      continue;
    }
    QVERIFY(node.left > static_cast<int>(n) && node.right > node.left);  // preorder, left first
    const auto& left = diagram.nodes[static_cast<std::size_t>(node.left)];
    const auto& right = diagram.nodes[static_cast<std::size_t>(node.right)];
    QCOMPARE(left.samples + right.samples, node.samples);
    QCOMPARE(left.depth, node.depth + 1);
    QCOMPARE(right.depth, node.depth + 1);
  }
}

}  // namespace

class tst_TreeDiagram : public QObject {
  Q_OBJECT
 private slots:
  // scikit-learn 1.2 on pd.get_dummies(credit-g), max_depth 3, gives (computed once):
  //   checking_status_no checking <= 0.5 (606 rows) / > 0.5 (394); under it duration <= 22.5
  //   (349) and credit_history_all paid; leaf [102 bad, 228 good]; 15 nodes, 8 leaves.
  void oneHotCreditGReadsAsLevels() {
    const auto table = mltest::loadTable("credit-g.arff");
    const auto model = fitted(table, "class", "tree", {{"max_depth", 3}}, Categories::OneHot);
    const auto diagram = TreeDiagram::of(model);
    QVERIFY(diagram);
    QVERIFY(!diagram->regression);
    QCOMPARE(diagram->target, std::string("class"));
    QCOMPARE(diagram->classes, (std::vector<std::string>{"bad", "good"}));
    QCOMPARE(diagram->nodes.size(), std::size_t{15});
    QCOMPARE(diagram->leafCount(), std::size_t{8});
    QCOMPARE(diagram->depth(), std::size_t{3});
    verifyCounts(*diagram, 1000);

    const auto& root = diagram->nodes[0];
    QCOMPARE(root.split, std::string("checking_status is 'no checking'"));
    QCOMPARE(root.leftLabel, std::string("no"));  // not that level goes left
    QCOMPARE(root.rightLabel, std::string("yes"));
    QCOMPARE(diagram->nodes[static_cast<std::size_t>(root.left)].samples, 606.0);
    const auto& duration = diagram->nodes[1];
    QCOMPARE(duration.split, std::string("duration <= 22.5"));
    QCOMPARE(duration.leftLabel, std::string("<= 22.5"));
    QCOMPARE(duration.rightLabel, std::string("> 22.5"));
    QCOMPARE(duration.samples, 606.0);
    QCOMPARE(diagram->nodes[2].split, std::string("credit_history is 'all paid'"));
    QCOMPARE(diagram->nodes[2].samples, 349.0);
    const auto& leaf = diagram->nodes[3];
    QVERIFY(leaf.isLeaf());
    QCOMPARE(leaf.samples, 330.0);
    QVERIFY(std::abs(leaf.distribution[0] - 102.0 / 330.0) < 1e-12);
    QCOMPARE(leaf.prediction, std::string("good"));
    QVERIFY(leaf.leftLabel.empty() && leaf.rightLabel.empty());
    verifyWalks(*diagram, model, table);
  }

  // Trees' default encoding (level codes): the split names the levels on one side.
  void levelCodesReadAsLevelSets() {
    const auto table = mltest::loadTable("credit-g.arff");
    const auto model = fitted(table, "class", "tree", {{"max_depth", 4}}, Categories::Codes);
    const auto diagram = TreeDiagram::of(model);
    QVERIFY(diagram);
    verifyCounts(*diagram, 1000);
    QVERIFY(diagram->nodes[0].split.rfind("checking_status is ", 0) == 0);
    // purpose has 10 levels: a split on it names the smaller side's levels, every one of them.
    bool purpose = false;
    for (const auto& node : diagram->nodes)
      purpose = purpose || node.split.rfind("purpose is one of 'business', 'domestic appliance', 'education', "
                                            "'furniture/equipment', ", 0) == 0;
    QVERIFY(purpose);
    verifyWalks(*diagram, model, table);
  }

  // penguins.csv has missing measurements and sexes: they follow missingGoesLeft.
  void penguinsWithMissingValues() {
    const auto table = mltest::loadTable("penguins.csv");
    for (auto categories : {Categories::OneHot, Categories::Codes}) {
      const auto model = fitted(table, "Species", "tree", {{"max_depth", 3}}, categories);
      const auto diagram = TreeDiagram::of(model);
      QVERIFY(diagram);
      QCOMPARE(diagram->classes, (std::vector<std::string>{"Adelie", "Chinstrap", "Gentoo"}));
      verifyCounts(*diagram, 344);
      for (const auto& node : diagram->nodes) {
        if (node.isLeaf()) continue;
        // Every split names a real column of the table, at the start of its text.
        bool named = false;
        for (const auto& c : table.columns()) named = named || node.split.rfind(c->name() + " ", 0) == 0;
        QVERIFY2(named, node.split.c_str());
      }
      verifyWalks(*diagram, model, table);
    }
    // Deep, unlimited, on the codes: still every row agrees.
    const auto deep = fitted(table, "Species", "tree", {}, Categories::Codes);
    const auto diagram = TreeDiagram::of(deep);
    QVERIFY(diagram && diagram->depth() > 3);
    verifyWalks(*diagram, deep, table);
  }

  // seattle-weather.csv: splits on the date column read as dates.
  void datesReadAsDates() {
    const auto table = mltest::loadTable("seattle-weather.csv");
    const auto model = fitted(table, "weather", "tree", {{"max_depth", 4}}, Categories::Codes);
    const auto diagram = TreeDiagram::of(model);
    QVERIFY(diagram);
    bool date = false;
    for (const auto& node : diagram->nodes) date = date || node.split.rfind("date <= 20", 0) == 0;
    QVERIFY(date);
    verifyWalks(*diagram, model, table);
  }

  // impute=median wraps the tree; the diagram unwraps it.
  void imputedTreeIsUnwrapped() {
    const auto table = mltest::loadTable("penguins.csv");
    const auto model = fitted(table, "Species", "tree", {{"max_depth", 2}, {"impute", "median"}}, Categories::OneHot);
    const auto diagram = TreeDiagram::of(model);
    QVERIFY(diagram);
    QCOMPARE(diagram->nodes.size(), std::size_t{7});
    verifyCounts(*diagram, 344);
  }

  // scikit-learn 1.2, DecisionTreeRegressor(max_depth=3) on cpu.arff (computed once): root mean
  // 105.622 over 209 rows, MMAX <= 48000; its left child 205 rows, mean 88.9268.
  void regressionTreeShowsMeans() {
    const auto table = mltest::loadTable("cpu.arff");
    const auto model = fitted(table, "class", "tree", {{"max_depth", 3}}, Categories::OneHot);
    const auto diagram = TreeDiagram::of(model);
    QVERIFY(diagram);
    QVERIFY(diagram->regression);
    QVERIFY(diagram->classes.empty());
    verifyCounts(*diagram, 209);
    const auto& root = diagram->nodes[0];
    QCOMPARE(root.split, std::string("MMAX <= 48000"));
    QCOMPARE(root.distribution.size(), std::size_t{1});
    QVERIFY(std::abs(root.distribution[0] - 105.62200956937798) < 1e-9);
    QCOMPARE(root.prediction, std::string("105.622"));
    const auto& left = diagram->nodes[1];
    QCOMPARE(left.samples, 205.0);
    QVERIFY(std::abs(left.distribution[0] - 88.92682926829268) < 1e-9);
    verifyWalks(*diagram, model, table);
  }

  void otherModelsAreNoTree() {
    const auto table = mltest::loadTable("credit-g.arff");
    QVERIFY(!TreeDiagram::of(fitted(table, "class", "logistic", {}, Categories::OneHot)));
    QVERIFY(!TreeDiagram::of(fitted(table, "class", "forest", {{"n_estimators", 3}}, Categories::Codes)));
    QVERIFY(!TreeDiagram::of(TrainedModel{}));
  }
};

QTEST_APPLESS_MAIN(tst_TreeDiagram)
#include "tst_TreeDiagram.moc"
