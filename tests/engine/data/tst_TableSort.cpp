#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/data/SortTableJob.h"
#include "engine/data/TableSort.h"
#include "engine/jobs/JobCancelled.h"
#include "TestPaths.h"

using lathe::data::Column;
using lathe::data::SortKey;
using lathe::data::Table;
using lathe::data::TableSort;
using Order = std::vector<std::uint32_t>;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

Order sortRows(const Table& table, std::vector<SortKey> keys, int threads = 0) {
  std::stop_source stop;
  lathe::jobs::NullProgressSink sink;
  return TableSort::rowOrder(table, keys, lathe::jobs::JobContext(stop.get_token(), sink), threads);
}
Table one(std::shared_ptr<const Column> column) { return Table({std::move(column)}); }

std::shared_ptr<const Column> texts(const std::string& name, const std::vector<std::string>& values,
                                    const std::vector<std::size_t>& missing = {}) {
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  for (const auto& v : values) offsets.push_back((bytes += v).size());
  lathe::data::Validity validity;
  for (auto row : missing) validity.setMissing(row, values.size());
  return Column::text(name, offsets, bytes, validity);
}

std::shared_ptr<const lathe::data::Table> importFile(const char* name) {
  std::stop_source stop;
  lathe::jobs::NullProgressSink sink;
  lathe::data::ImportRequest request;
  request.path = (QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/%1")).arg(QLatin1String(name)).toStdString();
  auto result = lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink));
  return std::make_shared<const Table>(std::move(result.table));
}

// The checksum the pandas reference prints: sum of position * row.
std::uint64_t checksum(const Order& order) {
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < order.size(); ++i) sum += i * order[i];
  return sum;
}
Order head(const Order& o) { return Order(o.begin(), o.begin() + 6); }
Order tail(const Order& o) { return Order(o.end() - 6, o.end()); }

}  // namespace

class TableSortTest : public QObject {
  Q_OBJECT

 private slots:
  void float64ByValueNaNAndMissingLast() {
    lathe::data::Validity validity;
    validity.setMissing(2, 8);
    const auto table = one(Column::float64("x", {3.5, kNaN, 0.0, -kInf, -0.0, kInf, 0.0, -2.0}, validity));
    // Row 2 is missing, row 1 is NaN: both last, in row order. -0 and 0 tie: row order (4, 6).
    QCOMPARE(sortRows(table, {{0, false}}), (Order{3, 7, 4, 6, 0, 5, 1, 2}));
    QCOMPARE(sortRows(table, {{0, true}}), (Order{5, 0, 4, 6, 7, 3, 1, 2}));
  }

  void int64DescendingIsStable() {
    lathe::data::Validity validity;
    validity.setMissing(0, 6);
    const auto table = one(Column::int64("n", {9, 5, std::numeric_limits<std::int64_t>::min(), 5,
                                                std::numeric_limits<std::int64_t>::max(), 5},
                                         validity));
    QCOMPARE(sortRows(table, {{0, true}}), (Order{4, 1, 3, 5, 2, 0}));
    QCOMPARE(sortRows(table, {{0, false}}), (Order{2, 1, 3, 5, 4, 0}));
  }

  void boolFalseFirst() {
    lathe::data::Validity validity;
    validity.setMissing(1, 5);
    const auto table = one(Column::boolean("b", {1, 0, 0, 1, 0}, validity));
    QCOMPARE(sortRows(table, {{0, false}}), (Order{2, 4, 0, 3, 1}));
    QCOMPARE(sortRows(table, {{0, true}}), (Order{0, 3, 2, 4, 1}));
  }

  void categoricalByLevelTextNotCode() {
    lathe::data::Validity validity;
    validity.setMissing(5, 6);
    // Codes 0, 1, 2 are "zebra", "apple", "Mango": text order is Mango < apple < zebra.
    const auto table = one(Column::categorical("c", {0, 1, 2, 0, 1, -1}, {"zebra", "apple", "Mango"}, validity));
    QCOMPARE(sortRows(table, {{0, false}}), (Order{2, 1, 4, 0, 3, 5}));
    QCOMPARE(sortRows(table, {{0, true}}), (Order{0, 3, 1, 4, 2, 5}));
  }

  void textByUtf8Bytes() {
    // Long common prefixes (past the 8-byte key), an embedded NUL, an empty text (a value, not
    // missing), Korean and accented letters (UTF-8 byte order = code point order), and invalid
    // UTF-8 (a lone 0xFF, an overlong NUL), which sorts by its bytes like anything else.
    const std::vector<std::string> values{"abcdefgh1", "가", "abcdefgh0", "", "abcdefg", "é",
                                          "B", "a", std::string("a\0", 2), "abcdefgh0", "x", "\xff", "\xc0\x80"};
    const auto table = one(texts("t", values, {10}));
    const Order ascending = sortRows(table, {{0, false}});
    QCOMPARE(ascending, (Order{3, 6, 7, 8, 4, 2, 9, 0, 12, 5, 1, 11, 10}));
    QCOMPARE(sortRows(table, {{0, true}}), (Order{11, 1, 5, 12, 0, 2, 9, 4, 8, 7, 6, 3, 10}));
  }

  void datetimeByTime() {
    const auto table = one(Column::datetime("d", {1'700'000'000'000'000, -86'400'000'000, 0, 1'700'000'000'000'000}));
    QCOMPARE(sortRows(table, {{0, false}}), (Order{1, 2, 0, 3}));
    QCOMPARE(sortRows(table, {{0, true}}), (Order{0, 3, 2, 1}));
  }

  void multipleKeysFirstKeyFirst() {
    const Table table({Column::categorical("g", {1, 0, 1, 0, 1, 0}, {"b", "a"}),
                       Column::float64("v", {1.0, 2.0, 3.0, 2.0, 3.0, 1.0})});
    // Code 1 is "a": g ascending (a: rows 0, 2, 4; b: rows 1, 3, 5), then v descending, ties in row order.
    QCOMPARE(sortRows(table, {{0, false}, {1, true}}), (Order{2, 4, 0, 1, 3, 5}));
    QCOMPARE(sortRows(table, {{1, false}, {0, true}}), (Order{5, 0, 1, 3, 2, 4}));
  }

  // Large enough for the radix path on both cores: every type against std::stable_sort.
  void largeTablesMatchAComparisonSort_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("threads");
    for (int type = 0; type < 5; ++type)
      for (bool descending : {false, true})
        for (int threads : {1, 2})
          QTest::addRow("type %d %s %d threads", type, descending ? "desc" : "asc", threads) << type << descending << threads;
  }
  void largeTablesMatchAComparisonSort() {
    QFETCH(int, type);
    QFETCH(bool, descending);
    QFETCH(int, threads);
    const std::size_t n = 300'000;
    std::mt19937_64 rng(42 + type);
    lathe::data::Validity validity;
    std::vector<double> doubles(n);
    std::vector<std::int64_t> ints(n);
    std::vector<std::int32_t> codes(n);
    std::vector<std::string> strings(n);
    for (std::size_t r = 0; r < n; ++r) {
      if (rng() % 10 == 0) validity.setMissing(r, n);
      doubles[r] = rng() % 7 == 0 ? double(rng() % 50) : std::ldexp(double(rng() % 1000000) - 500000, int(rng() % 40) - 20);
      ints[r] = type == 4 ? std::int64_t(rng()) : std::int64_t(rng() % 2000) - 1000;
      codes[r] = std::int32_t(rng() % 5);
      strings[r] = std::string(rng() % 3 == 0 ? "prefix-long-" : "") + std::to_string(rng() % 5000);
    }
    std::shared_ptr<const Column> column;
    switch (type) {
      case 0: column = Column::float64("x", doubles, validity); break;
      case 1: column = Column::int64("x", ints, validity); break;
      case 2: column = Column::categorical("x", codes, {"e", "d", "c", "b", "a"}, validity); break;
      case 3: column = texts("x", strings); break;
      default: column = Column::int64("x", ints, validity); break;  // full 64-bit range: the pair path
    }
    auto less = [&](std::uint32_t a, std::uint32_t b) {
      switch (type) {
        case 0: return doubles[a] < doubles[b];
        case 2: return codes[a] > codes[b];  // levels are listed in reverse text order
        case 3: return strings[a] < strings[b];
        default: return ints[a] < ints[b];
      }
    };
    Order present, missing;
    for (std::uint32_t r = 0; r < n; ++r) (column->isValid(r) ? present : missing).push_back(r);
    std::stable_sort(present.begin(), present.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return descending ? less(b, a) : less(a, b); });
    present.insert(present.end(), missing.begin(), missing.end());
    QCOMPARE(sortRows(one(column), {{0, descending}}, threads), present);
  }

  void penguinsMatchPandas() {
    const auto table = importFile("penguins.csv");
    QCOMPARE(table->rowCount(), std::size_t{344});
    auto col = [&](const char* name) { return *table->indexOf(name); };
    // Expected values from /usr/bin/python3 with pandas 1.5: df.sort_values(..., kind="stable",
    // na_position="last").index, checksum = sum(position * row), computed once.
    Order o = sortRows(*table, {{col("Beak Length (mm)"), false}});
    QCOMPARE(head(o), (Order{142, 98, 70, 92, 8, 18}));
    QCOMPARE(tail(o), (Order{215, 321, 169, 253, 3, 339}));
    QCOMPARE(checksum(o), std::uint64_t{12489552});
    o = sortRows(*table, {{col("Beak Length (mm)"), true}});
    QCOMPARE(head(o), (Order{253, 169, 321, 215, 335, 283}));
    QCOMPARE(checksum(o), std::uint64_t{7766058});
    o = sortRows(*table, {{col("Sex"), false}, {col("Body Mass (g)"), true}});
    QCOMPARE(head(o), (Order{336, 293, 342, 254, 268, 252}));
    QCOMPARE(tail(o), (Order{11, 8, 10, 47, 3, 339}));
    QCOMPARE(checksum(o), std::uint64_t{8975483});
    o = sortRows(*table, {{col("Island"), false}, {col("Flipper Length (mm)"), true}});
    QCOMPARE(head(o), (Order{283, 221, 253, 285, 295, 309}));
    QCOMPARE(tail(o), (Order{12, 0, 6, 11, 122, 3}));
    QCOMPARE(checksum(o), std::uint64_t{7576136});
  }

  void flightsMatchPandas() {
    const auto table = importFile("flights-200k.csv");
    QCOMPARE(table->rowCount(), std::size_t{200000});
    // From pandas, as above (flights-200k has no missing values).
    Order o = sortRows(*table, {{0, false}});  // delay
    QCOMPARE(head(o), (Order{166523, 194447, 138646, 153052, 46261, 196277}));
    QCOMPARE(tail(o), (Order{32756, 30024, 37565, 93122, 23, 199991}));
    QCOMPARE(checksum(o), std::uint64_t{2098688336968472});
    o = sortRows(*table, {{0, true}});
    QCOMPARE(head(o), (Order{199991, 23, 93122, 37565, 30024, 32756}));
    QCOMPARE(checksum(o), std::uint64_t{1925719300292628});
    o = sortRows(*table, {{1, false}});  // distance
    QCOMPARE(head(o), (Order{141145, 142325, 142600, 154240, 66543, 67405}));
    QCOMPARE(checksum(o), std::uint64_t{1975735827917347});
    o = sortRows(*table, {{1, true}, {0, false}}, 1);
    QCOMPARE(head(o), (Order{33294, 35138, 33167, 175647, 33028, 33732}));
    QCOMPARE(tail(o), (Order{82805, 94438, 142325, 142600, 141145, 154240}));
    QCOMPARE(checksum(o), std::uint64_t{2025761600350770});
  }

  void edgeCases() {
    QVERIFY(sortRows(Table(), {}).empty());
    const Table empty({Column::float64("x", {})});
    QVERIFY(sortRows(empty, {{0, false}}).empty());
    lathe::data::Validity allMissing;
    for (std::size_t r = 0; r < 4; ++r) allMissing.setMissing(r, 4);
    QCOMPARE(sortRows(one(Column::float64("x", {1, 2, 3, 4}, allMissing)), {{0, true}}), (Order{0, 1, 2, 3}));
    QCOMPARE(sortRows(one(Column::float64("x", {5, 5, 5})), {{0, true}}), (Order{0, 1, 2}));
    QCOMPARE(sortRows(one(Column::float64("x", {2, 1})), {}), (Order{0, 1}));  // no keys: as it is
    try {
      sortRows(one(Column::float64("x", {2, 1})), {{3, false}});
      QFAIL("a key past the last column was accepted");
    } catch (const lathe::Error& e) {
      QCOMPARE(e.code(), lathe::ErrorCode::InvalidArgument);
    }
    QVERIFY_THROWS_EXCEPTION(lathe::Error, lathe::data::SortTableJob(nullptr, {}));
  }

  void jobGivesTheOrderAndCancels() {
    const std::size_t n = 2'000'000;
    std::vector<double> values(n);
    for (std::size_t r = 0; r < n; ++r) values[r] = double((r * 7919) % 100003);
    auto table = std::make_shared<const Table>(std::vector<std::shared_ptr<const Column>>{
        Column::float64("a", values), Column::float64("b", values)});
    {
      lathe::data::SortTableJob job(table, {{0, false}});
      QVERIFY(job.name().find("by a") != std::string::npos);
      std::stop_source stop;
      lathe::jobs::NullProgressSink sink;
      lathe::jobs::JobContext context(stop.get_token(), sink);
      job.run(context);
      QVERIFY(job.result());
      QCOMPARE(job.view().rowCount(), n);
      QCOMPARE(values[job.view().sourceRow(0)], 0.0);
      QCOMPARE(values[job.view().sourceRow(n - 1)], 100002.0);
    }
    {
      // Two keys report 0 and 0.5; the sink stops the job at 0.5, halfway.
      lathe::data::SortTableJob job(table, {{0, false}, {1, true}});
      std::stop_source stop;
      StoppingSink sink(stop, 0.5);
      lathe::jobs::JobContext context(stop.get_token(), sink);
      QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, job.run(context));
      QVERIFY(!job.result());
    }
    {
      std::stop_source stop;
      stop.request_stop();
      lathe::jobs::NullProgressSink sink;
      QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled,
                               TableSort::rowOrder(*table, std::vector<SortKey>{{0, false}},
                                                   lathe::jobs::JobContext(stop.get_token(), sink)));
    }
  }
};

QTEST_APPLESS_MAIN(TableSortTest)
#include "tst_TableSort.moc"
