// FeatureEncoder on real data (penguins, breast_cancer, iris, diabetes_progression) and on the
// tables it must refuse. Expected values read off the CSVs with pandas.
#include <QtTest>

#include <cmath>

#include "MlTestSupport.h"
#include "engine/core/Error.h"
#include "engine/ml/FeatureEncoder.h"

using namespace lathe;
using namespace lathe::ml;
using data::Column;
using data::Table;

namespace {

std::size_t indexOf(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) throw std::runtime_error("no output named " + name);
  return static_cast<std::size_t>(it - names.begin());
}

Table textTable(std::vector<std::string> values, const std::string& name) {
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  for (const auto& v : values) {
    bytes += v;
    offsets.push_back(bytes.size());
  }
  return Table({Column::text(name, offsets, bytes),
                Column::float64("y", std::vector<double>(values.size(), 1.5))});
}

}  // namespace

class tst_FeatureEncoder : public QObject {
  Q_OBJECT

 private slots:
  void oneHotsPenguinsWithNaNForMissing() {
    const Table table = mltest::loadTable("penguins.csv");
    const auto encoder = FeatureEncoder::fit(table, "Species");
    QCOMPARE(encoder.task(), Task::Multiclass);
    QCOMPARE(encoder.classes(), (std::vector<std::string>{"Adelie", "Chinstrap", "Gentoo"}));
    // pandas: sorted(Island.unique()) = Biscoe, Dream, Torgersen; Sex: '.', FEMALE, MALE (+10 NaN)
    const auto& names = encoder.outputNames();
    QCOMPARE(names.size(), std::size_t{4 + 3 + 3});
    QCOMPARE(names[0], std::string("Island=Biscoe"));
    QCOMPARE(names[2], std::string("Island=Torgersen"));
    QCOMPARE(names[3], std::string("Beak Length (mm)"));
    QCOMPARE(names.back(), std::string("Sex=MALE"));
    const TrainingData data = encoder.encodeTraining(table);
    QCOMPARE(data.x.rows(), std::size_t{344});
    QCOMPARE(data.y[0], 0.0);      // Adelie
    QCOMPARE(data.y[343], 2.0);    // the last row is a Gentoo
    // Row 0: Adelie,Torgersen,39.1,18.7,181.0,3750.0,MALE
    QCOMPARE(data.x.at(0, indexOf(names, "Island=Torgersen")), 1.0);
    QCOMPARE(data.x.at(0, indexOf(names, "Island=Biscoe")), 0.0);
    QCOMPARE(data.x.at(0, indexOf(names, "Beak Length (mm)")), 39.1);
    QCOMPARE(data.x.at(0, indexOf(names, "Sex=MALE")), 1.0);
    QCOMPARE(data.x.at(0, indexOf(names, "Sex=FEMALE")), 0.0);
    // Row 3: every measurement and the sex missing -> NaN, including every Sex indicator.
    QVERIFY(std::isnan(data.x.at(3, indexOf(names, "Beak Length (mm)"))));
    QVERIFY(std::isnan(data.x.at(3, indexOf(names, "Sex=MALE"))));
    QVERIFY(std::isnan(data.x.at(3, indexOf(names, "Sex=."))));
    QCOMPARE(data.x.at(3, indexOf(names, "Island=Torgersen")), 1.0);
    QCOMPARE(data.classes, encoder.classes());
    QCOMPARE(data.target, std::string("Species"));
  }

  void detectsTheTask() {
    const Table cancer = mltest::loadTable("breast_cancer.csv");
    const auto binary = FeatureEncoder::fit(cancer, "diagnosis");
    QCOMPARE(binary.task(), Task::Binary);
    QCOMPARE(binary.classes(), (std::vector<std::string>{"benign", "malignant"}));
    const auto cancerData = binary.encodeTraining(cancer);
    QCOMPARE(cancerData.x.cols(), std::size_t{30});
    double malignant = 0;
    for (double v : cancerData.y) malignant += v;
    QCOMPARE(malignant, 212.0);  // pandas: value_counts() malignant 212, benign 357

    const Table iris = mltest::loadTable("iris.arff");
    const auto multi = FeatureEncoder::fit(iris, "class");
    QCOMPARE(multi.task(), Task::Multiclass);
    QCOMPARE(multi.classes().size(), std::size_t{3});

    const Table diabetes = mltest::loadTable("diabetes_progression.csv");
    const auto regression = FeatureEncoder::fit(diabetes, "progression");
    QCOMPARE(regression.task(), Task::Regression);
    QVERIFY(regression.classes().empty());
    const auto diabetesData = regression.encodeTraining(diabetes);
    QCOMPARE(diabetesData.y.size(), std::size_t{442});
    QCOMPARE(diabetesData.y[0], 151.0);  // pandas: progression[0]

    // Few distinct whole numbers: classes, ordered numerically, not as text.
    const Table small({Column::float64("x", {1, 2, 3, 4}), Column::int64("grade", {10, 2, 1, 2})});
    const auto grades = FeatureEncoder::fit(small, "grade");
    QCOMPARE(grades.task(), Task::Multiclass);
    QCOMPARE(grades.classes(), (std::vector<std::string>{"1", "2", "10"}));
    QCOMPARE(grades.encodeTraining(small).y, (std::vector<double>{2, 1, 0, 1}));
  }

  void unseenLevelGivesZerosAndCodesGiveNaN() {
    const Table train({Column::categorical("city", {0, 1, 0}, {"Seoul", "Busan"}), Column::float64("y", {1, 2, 3})});
    const auto encoder = FeatureEncoder::fit(train, "y");
    QCOMPARE(encoder.outputNames(), (std::vector<std::string>{"city=Busan", "city=Seoul"}));
    const Table later({Column::categorical("city", {0, 1}, {"Daegu", "Seoul"})});
    const FeatureMatrix x = encoder.encode(later);
    QCOMPARE(x.at(0, 0), 0.0);
    QCOMPARE(x.at(0, 1), 0.0);  // Daegu: unseen, all zeros
    QCOMPARE(x.at(1, 1), 1.0);  // Seoul, matched by name, not by code

    const auto codes = FeatureEncoder::fit(train, "y", {}, FeatureEncoder::Categories::Codes);
    QCOMPARE(codes.outputNames(), (std::vector<std::string>{"city"}));
    const FeatureMatrix coded = codes.encode(later);
    QVERIFY(std::isnan(coded.at(0, 0)));
    QCOMPARE(coded.at(1, 0), 1.0);  // Seoul is level 1 of the sorted {Busan, Seoul}
  }

  void refusesTextAndTooManyCategories() {
    const Table text = textTable({"a b", "c d", "e f"}, "review");
    try {
      FeatureEncoder::fit(text, "y");
      QFAIL("text feature accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
      QVERIFY(e.message().find("'review'") != std::string::npos);
      QVERIFY(e.message().find("text") != std::string::npos);
    }
    std::vector<std::int32_t> codes(10000);
    std::vector<std::string> levels(10000);
    for (int i = 0; i < 10000; ++i) {
      codes[static_cast<std::size_t>(i)] = i;
      levels[static_cast<std::size_t>(i)] = "id" + std::to_string(i);
    }
    const Table wide({Column::categorical("customer", codes, levels),
                      Column::float64("y", std::vector<double>(10000, 0.5))});
    try {
      FeatureEncoder::fit(wide, "y");
      QFAIL("10,000 categories accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
      QVERIFY(e.message().find("10000 categories") != std::string::npos);
      QVERIFY(e.message().find("ordinal") != std::string::npos);
    }
    // As codes (trees) they are fine.
    QCOMPARE(FeatureEncoder::fit(wide, "y", {}, FeatureEncoder::Categories::Codes).outputNames().size(),
             std::size_t{1});
    // Unknown columns are named.
    QVERIFY_THROWS_EXCEPTION(Error, FeatureEncoder::fit(wide, "nope"));
    QVERIFY_THROWS_EXCEPTION(Error, FeatureEncoder::fit(wide, "y", {"nope"}));
    const auto encoder = FeatureEncoder::fit(wide, "y", {}, FeatureEncoder::Categories::Codes);
    QVERIFY_THROWS_EXCEPTION(Error, encoder.encode(Table({Column::float64("other", {1.0})})));
  }

  void dropsRowsWithMissingTargetAndEncodesDates() {
    data::Validity missing;
    missing.setMissing(1, 3);
    const Table table({Column::datetime("when", {0, 86'400'000'000, 1'000'000}),
                       Column::boolean("flag", {1, 0, 1}),
                       Column::float64("y", {1.5, 0.0, 2.5}, missing)});
    const auto encoder = FeatureEncoder::fit(table, "y");
    QCOMPARE(encoder.task(), Task::Regression);
    const auto data = encoder.encodeTraining(table);
    QCOMPARE(data.x.rows(), std::size_t{2});
    QCOMPARE(data.y, (std::vector<double>{1.5, 2.5}));
    QCOMPARE(data.x.at(1, 0), 1.0);  // seconds since the epoch
    QCOMPARE(data.x.at(1, 1), 1.0);
  }

  void stateRoundTrips() {
    const Table table = mltest::loadTable("penguins.csv");
    const auto encoder = FeatureEncoder::fit(table, "Species");
    const auto restored = FeatureEncoder::fromState(nlohmann::json::parse(encoder.state().dump()));
    QCOMPARE(restored.outputNames(), encoder.outputNames());
    QCOMPARE(restored.classes(), encoder.classes());
    QCOMPARE(restored.task(), encoder.task());
    const auto a = encoder.encode(table), b = restored.encode(table);
    for (std::size_t c = 0; c < a.cols(); ++c)
      for (std::size_t r = 0; r < a.rows(); ++r)
        QVERIFY(a.at(r, c) == b.at(r, c) || (std::isnan(a.at(r, c)) && std::isnan(b.at(r, c))));
    auto broken = encoder.state();
    broken["task"] = "astrology";
    QVERIFY_THROWS_EXCEPTION(Error, FeatureEncoder::fromState(broken));
    broken = encoder.state();
    broken["features"][0]["type"] = 7;
    QVERIFY_THROWS_EXCEPTION(Error, FeatureEncoder::fromState(broken));
    QVERIFY_THROWS_EXCEPTION(Error, FeatureEncoder::fromState(nlohmann::json::array()));
  }
};

QTEST_APPLESS_MAIN(tst_FeatureEncoder)
#include "tst_FeatureEncoder.moc"
