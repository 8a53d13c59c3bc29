// The train/validation/test split on penguins.csv: counts, shares per class, and the same label
// for every row each time.
#include <QtTest>
#include <map>

#include "WrangleTestSupport.h"
#include "engine/core/Error.h"
#include "engine/wrangle/SplitStep.h"

using lathe::Error;
using lathe::data::Column;
using lathe::data::ColumnType;
using lathe::data::Table;
using lathe::wrangle::SplitStep;
using namespace wrangle_test;

namespace {
std::map<std::string, std::size_t> labelCounts(const Table& t, const std::string& species = {}) {
  std::map<std::string, std::size_t> out;
  const Column& split = col(t, "split");
  const Column& s = col(t, "Species");
  for (std::size_t row = 0; row < t.rowCount(); ++row)
    if (species.empty() || s.displayText(row) == species) ++out[split.displayText(row)];
  return out;
}
}  // namespace

class tst_SplitStep : public QObject {
  Q_OBJECT

 private slots:
  void splitCountsAddUp() {
    const Table out = SplitStep(0.6, 0.2, 0.2, 7).apply(penguins(), nullptr);
    const Column& split = col(out, "split");
    QCOMPARE(split.type(), ColumnType::Categorical);
    QCOMPARE(split.levels(), (std::vector<std::string>{"train", "validation", "test"}));
    QCOMPARE(split.missingCount(), std::size_t(0));
    // 344 x 0.6/0.2/0.2 = 206.4/68.8/68.8 -> 206/69/69 (largest remainder).
    const auto c = labelCounts(out);
    QCOMPARE(c.at("train"), std::size_t(206));
    QCOMPARE(c.at("validation"), std::size_t(69));
    QCOMPARE(c.at("test"), std::size_t(69));
    QCOMPARE(out.columnCount(), penguins().columnCount() + 1);
  }

  void sameSeedSameLabelsOtherSeedOthers() {
    const Table a = SplitStep(0.7, 0.15, 0.15, 11).apply(penguins(), nullptr);
    const Table b = SplitStep(0.7, 0.15, 0.15, 11).apply(penguins(), nullptr);
    const Table c = SplitStep(0.7, 0.15, 0.15, 12).apply(penguins(), nullptr);
    QVERIFY(std::ranges::equal(col(a, "split").codes(), col(b, "split").codes()));
    QVERIFY(!std::ranges::equal(col(a, "split").codes(), col(c, "split").codes()));
    // Applying again on its own output replaces the column with the same labels.
    const Table again = SplitStep(0.7, 0.15, 0.15, 11).apply(a, nullptr);
    QCOMPARE(again.columnCount(), a.columnCount());
    QVERIFY(std::ranges::equal(col(again, "split").codes(), col(a, "split").codes()));
  }

  void stratifiedKeepsClassShares() {
    const Table out = SplitStep(0.5, 0.25, 0.25, 3, "Species").apply(penguins(), nullptr);
    // Adelie 152 -> 76/38/38, Gentoo 124 -> 62/31/31, Chinstrap 68 -> 34/17/17 (pandas counts).
    QCOMPARE(labelCounts(out, "Adelie").at("train"), std::size_t(76));
    QCOMPARE(labelCounts(out, "Gentoo").at("validation"), std::size_t(31));
    QCOMPARE(labelCounts(out, "Chinstrap").at("test"), std::size_t(17));
  }

  void edgeCasesAndBadParameters() {
    const Table empty({Column::float64("x", {})});
    QCOMPARE(SplitStep(0.8, 0.1, 0.1, 0).apply(empty, nullptr).rowCount(), std::size_t(0));
    const Table one({Column::float64("x", {1.0})});
    QCOMPARE(col(SplitStep(0.8, 0.1, 0.1, 0).apply(one, nullptr), "split").displayText(0), std::string("train"));
    QVERIFY_THROWS_EXCEPTION(Error, SplitStep::fromParameters({{"train", 0.8}, {"validation", 0.3}, {"test", 0.1}}));
    QVERIFY_THROWS_EXCEPTION(Error, SplitStep::fromParameters({{"train", -0.2}, {"validation", 0.6}, {"test", 0.6}}));
    QVERIFY_THROWS_EXCEPTION(Error, SplitStep::fromParameters({{"train", 1}, {"validation", 0}}));
    QVERIFY_THROWS_EXCEPTION(Error, SplitStep(0.5, 0.25, 0.25, 3, "Wingspan").apply(penguins(), nullptr));
    auto parsed = SplitStep::fromParameters({{"train", 0.7}, {"validation", 0.2}, {"test", 0.1}, {"seed", 5},
                                             {"stratify", "Species"}});
    QCOMPARE(parsed->parameters()["stratify"], nlohmann::json("Species"));
  }
};

QTEST_APPLESS_MAIN(tst_SplitStep)
#include "tst_SplitStep.moc"
