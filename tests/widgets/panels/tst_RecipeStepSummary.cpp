// The one-line summary the Recipe panel shows after each step's title: built from the step's
// kind and parameters (never the engine's English describe()), numbers in the user's locale,
// names kept literal and short, and never a throw whatever the parameters hold.
#include <QLocale>
#include <QtTest>

#include "widgets/panels/RecipeStepCatalog.h"
#include "widgets/panels/RecipeStepSummary.h"

using lathe::widgets::RecipeStepCatalog;
using lathe::widgets::RecipeStepSummary;
using nlohmann::json;

class tst_RecipeStepSummary : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
  void cleanup() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  void summaryOfEachKind_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("parameters");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* name, const char* kind, const json& parameters, const char* expected) {
      QTest::newRow(name) << QString(kind) << QString::fromStdString(parameters.dump()) << QString::fromUtf8(expected);
    };
    row("fill mean", "fill_missing", {{"columns", {"Body Mass (g)"}}, {"strategy", "mean"}, {"indicator", false}},
        "Body Mass (g) with the mean");
    row("fill constant text, marked", "fill_missing",
        {{"columns", {"Sex"}}, {"strategy", "constant"}, {"value", "unknown"}, {"indicator", true}},
        "Sex with “unknown”, marking them");
    row("fill constant number", "fill_missing", {{"columns", {"A", "B"}}, {"strategy", "constant"}, {"value", 0}},
        "A, B with 0");
    row("fill forward", "fill_missing", {{"columns", {"A"}}, {"strategy", "forward"}}, "A with the value above");
    row("one-hot", "one_hot", {{"columns", {"Island", "Sex"}}, {"unseen", "zeros"}}, "Island, Sex");
    row("filter", "filter_rows", {{"formula", "[Body Mass (g)] > 4000"}}, "keep rows where [Body Mass (g)] > 4000");
    row("many columns", "select_columns",
        {{"columns", {"Species", "Island", "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)"}}},
        "5 columns: Species, Island, Beak Length (mm) +2 more");
    row("four columns", "drop_columns", {{"columns", {"A", "B", "C", "D"}}}, "4 columns: A, B, C +1 more");
    row("no columns", "drop_columns", {{"columns", json::array()}}, "no columns");
    row("rename", "rename_columns", {{"renames", {{"Sex", "sex"}}}}, "Sex → sex");
    row("reorder", "reorder_columns", {{"columns", {"Sex"}}}, "Sex first");
    row("change type", "change_type", {{"columns", {"Year"}}, {"type", "int64"}}, "Year → Whole number");
    row("derived", "derived_column", {{"name", "ratio"}, {"formula", "[a] / [b]"}}, "ratio = [a] / [b]");
    row("scale standard", "scale", {{"columns", {"A"}}, {"method", "standard"}, {"range", {0, 1}}}, "standardise A");
    row("scale min-max", "scale", {{"columns", {"A"}}, {"method", "min_max"}, {"range", {-1, 2.5}}},
        "A to the range -1 to 2.5");
    row("scale robust", "scale", {{"columns", {"A"}}, {"method", "robust"}}, "A by median and IQR");
    row("log1p", "log", {{"columns", {"A"}}, {"log1p", true}}, "log(1 + x) of A");
    row("bins", "bin", {{"columns", {"A"}}, {"method", "quantile"}, {"bins", 4}}, "A into 4 quantile bins");
    row("clip iqr", "clip_outliers", {{"columns", {"A"}}, {"method", "iqr"}, {"k", 1.5}}, "A beyond 1.5 × IQR");
    row("clip z", "clip_outliers", {{"columns", {"A"}}, {"method", "zscore"}}, "A beyond 3 standard deviations");
    row("all date parts", "date_parts", {{"columns", {"date"}}}, "Year, Month, Day, Weekday, Hour of date");
    row("two date parts", "date_parts", {{"columns", {"date"}}, {"parts", {"year", "weekday"}}}, "Year, Weekday of date");
    row("tfidf", "tfidf", {{"column", "text"}, {"max_features", 1000}}, "text, up to 1,000 terms");
    row("one row", "sample_rows", {{"rows", 1}, {"seed", 0}}, "1 row");
    row("rows", "sample_rows", {{"rows", 12345}}, "12,345 rows");
    row("fraction", "sample_rows", {{"fraction", 0.25}}, "25% of the rows");
    row("stratified", "stratified_sample", {{"column", "Species"}, {"fraction", 0.5}},
        "50% of the rows keeping the shares of Species");
    row("duplicates", "drop_duplicates", {{"columns", json::array()}}, "rows repeating an earlier row");
    row("duplicates of", "drop_duplicates", {{"columns", {"Species"}}}, "rows repeating an earlier row's Species");
    row("join left, other key", "join",
        {{"dataset_version", 2}, {"on", {"Island"}}, {"right_on", {"Isle"}}, {"how", "left"}},
        "all rows, with islands v1 matched on Island = Isle");
    row("join inner, same keys", "join", {{"dataset_version", 2}, {"on", {"Island", "Sex"}}, {"how", "inner"}},
        "rows matching islands v1 on Island, Sex");
    row("append a listed version", "concatenate", {{"dataset_version", 2}}, "the rows of islands v1");
    row("append an unknown version", "concatenate", {{"dataset_version", 9}}, "the rows of dataset version 9");
    row("split", "split", {{"train", 0.7}, {"validation", 0.15}, {"test", 0.15}, {"stratify", "Species"}},
        "70% train, 15% validation, 15% test, keeping the shares of Species");
    row("power", "power", {{"columns", {"A"}}}, "A");
    row("unknown kind", "teleport", {{"columns", {"A"}}}, "");
  }

  void summaryOfEachKind() {
    QFETCH(QString, kind);
    QFETCH(QString, parameters);
    QFETCH(QString, expected);
    const RecipeStepSummary::DatasetVersions datasets = {{1, "penguins v1"}, {2, "islands v1"}};
    QCOMPARE(RecipeStepSummary::text(kind.toStdString(), json::parse(parameters.toStdString()), datasets), expected);
  }

  void numbersFollowTheLocale() {
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(RecipeStepSummary::text("clip_outliers", {{"columns", {"A"}}, {"method", "iqr"}, {"k", 1.5}}),
             QStringLiteral("A beyond 1,5 × IQR"));
    QCOMPARE(RecipeStepSummary::text("sample_rows", {{"rows", 12345}}), QStringLiteral("12.345 rows"));
    QCOMPARE(RecipeStepSummary::text("sample_rows", {{"fraction", 0.125}}), QStringLiteral("12,5% of the rows"));
    QStringList many;
    for (int i = 0; i < 1234; ++i) many << QStringLiteral("c%1").arg(i);
    QCOMPARE(RecipeStepSummary::columnList(many), QStringLiteral("1.234 columns: c0, c1, c2 +1.231 more"));
    QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
    QCOMPARE(RecipeStepSummary::text("tfidf", {{"column", "text"}, {"max_features", 20000}}),
             QStringLiteral("text, up to 20,000 terms"));  // English text (no translator), Korean digits grouping
  }

  // A name is shown as it is: "%1" inside it is not a place to fill, a newline does not break
  // the row, and a huge one is cut (whole characters only).
  void namesStayLiteralAndShort() {
    QCOMPARE(RecipeStepSummary::text("fill_missing", {{"columns", {"%2 %1"}}, {"strategy", "mean"}}),
             QStringLiteral("%2 %1 with the mean"));
    QCOMPARE(RecipeStepSummary::text("rename_columns", {{"renames", {{"%1", "%2"}}}}), QStringLiteral("%1 → %2"));
    QCOMPARE(RecipeStepSummary::text("one_hot", {{"columns", {"a\nb", "c\td"}}}), QStringLiteral("a b, c d"));

    std::string korean;
    for (int i = 0; i < 100000; ++i) korean += "가";
    const QString summary = RecipeStepSummary::text("fill_missing", {{"columns", {korean}}, {"strategy", "median"}});
    QVERIFY(summary.size() <= RecipeStepSummary::kMaxLength);
    QVERIFY(summary.startsWith(QString(RecipeStepSummary::kMaxNameLength - 1, QChar(u'가')) + QStringLiteral("…")));
    QVERIFY(summary.endsWith(QStringLiteral(" with the median")));

    // Emoji are surrogate pairs: the cut never leaves half of one.
    QString emoji;
    for (int i = 0; i < 100; ++i) emoji += QString::fromUtf8("😀");
    for (int max = 2; max < 12; ++max) {
      const QString cut = RecipeStepSummary::elide(emoji, max);
      QVERIFY(cut.size() <= max);
      QVERIFY2(QStringView(cut).isValidUtf16(), qPrintable(QString::number(max)));
    }
    // A formula of 1 MB: the line stays short.
    const QString filter = RecipeStepSummary::text("filter_rows", {{"formula", std::string(1 << 20, '1')}});
    QVERIFY(filter.size() <= RecipeStepSummary::kMaxLength);
  }

  // BAD_INPUTS: parameters of every wrong shape for every kind: a summary (maybe a poor one),
  // never a throw, never longer than a line.
  void survivesBadParameters() {
    const std::vector<json> bad = {
        json(nullptr),
        json("text"),
        json::array({1, 2}),
        json(42),
        json({{"columns", 42},
              {"column", json::array()},
              {"strategy", json::array()},
              {"rows", -5},
              {"fraction", "x"},
              {"range", "x"},
              {"parts", 7},
              {"dataset_version", "x"},
              {"on", json::object()},
              {"right_on", {1, 2, 3}},
              {"renames", {1}},
              {"formula", 3},
              {"bins", "many"},
              {"k", nullptr},
              {"log1p", "yes"},
              {"indicator", 1},
              {"value", json::object()},
              {"train", "most"}}),
        json({{"columns", {1, nullptr, "A"}}, {"strategy", "constant"}, {"rows", 18446744073709551615ULL},
              {"range", {1}}, {"parts", {"minute", 3}}, {"dataset_version", -1}, {"on", {"A"}},
              {"renames", {{"A", 1}}}, {"how", "outer"}, {"method", "teleport"}, {"type", "complex"}}),
    };
    for (const auto& spec : RecipeStepCatalog::steps()) {
      for (const auto& parameters : bad) {
        QString summary;
        try {
          summary = RecipeStepSummary::text(spec.kind, parameters);
        } catch (const std::exception& e) {
          QFAIL(qPrintable(QString::fromStdString(spec.kind + " " + parameters.dump() + ": " + e.what())));
        }
        QVERIFY(summary.size() <= RecipeStepSummary::kMaxLength);
      }
    }
    // An unknown part and an unknown type are shown as they are, so the user sees what is wrong.
    QCOMPARE(RecipeStepSummary::text("date_parts", {{"columns", {"d"}}, {"parts", {"minute"}}}),
             QStringLiteral("minute of d"));
    QCOMPARE(RecipeStepSummary::text("change_type", {{"columns", {"d"}}, {"type", "complex"}}),
             QStringLiteral("d → complex"));
  }
};

QTEST_MAIN(tst_RecipeStepSummary)
#include "tst_RecipeStepSummary.moc"
