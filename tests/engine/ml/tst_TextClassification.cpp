// Text classification end to end (issue 6, item 3): the recipe's TF-IDF step fitted on the
// ReutersCorn training articles, applied to the test articles, then logistic regression on the
// terms — as a user builds it in the studio, and scored on the held-out test file.
#include <QtTest>

#include "MlTestSupport.h"
#include "engine/eval/Metric.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/wrangle/Recipe.h"
#include "engine/wrangle/StepRegistry.h"

using namespace lathe;

class tst_TextClassification : public QObject {
  Q_OBJECT
 private slots:
  void tfidfAndLogisticFindTheCornArticles() {
    const data::Table train = mltest::loadTable("ReutersCorn-train.arff");
    const data::Table test = mltest::loadTable("ReutersCorn-test.arff");
    QCOMPARE(train.rowCount(), std::size_t{1554});
    QCOMPARE(test.rowCount(), std::size_t{604});

    wrangle::Recipe recipe;
    recipe.append(wrangle::StepRegistry::create("tfidf", {{"column", {"Text"}}, {"max_features", 1000}}));
    const data::Table trainTerms = recipe.fit(train);  // the vocabulary and idf come from training rows only
    const data::Table testTerms = recipe.apply(test, wrangle::Recipe::Mode::Scoring);

    std::vector<std::string> terms;
    for (const auto& column : trainTerms.columns())
      if (column->name() != "Text" && column->name() != "class-att") terms.push_back(column->name());
    QVERIFY2(terms.size() >= 500, "TF-IDF made too few term columns");
    const auto encoder = ml::FeatureEncoder::fit(trainTerms, "class-att", terms);
    QCOMPARE(encoder.task(), ml::Task::Binary);
    const ml::TrainingData fitData = encoder.encodeTraining(trainTerms);
    const ml::TrainingData testData = encoder.encodeTraining(testTerms);

    mltest::QuietContext quiet;
    auto model = ml::EstimatorRegistry::create("logistic");
    model->fit(fitData, quiet.context);

    eval::Predictions predictions;
    predictions.task = ml::Task::Binary;
    predictions.classCount = 2;
    predictions.yTrue = testData.y;
    predictions.yPred = model->predict(testData.x);
    predictions.probabilities = model->predictProba(testData.x);
    const double auc = eval::Metric::compute("roc_auc", predictions);
    const double accuracy = eval::Metric::compute("accuracy", predictions);
    qInfo("ReutersCorn test: ROC AUC %.5f, accuracy %.5f", auc, accuracy);
    // scikit-learn 1.2, TfidfVectorizer(max_features=1000) + LogisticRegression(max_iter=5000) on
    // the same files (computed once with /usr/bin/python3): ROC AUC 0.97586, accuracy 0.96689.
    // Lathe's tokenizer differs in detail, so the bar is the issue's: within 0.02 or better.
    QVERIFY2(auc >= 0.97586 - 0.02, qPrintable(QString::number(auc)));
    QVERIFY2(accuracy >= 0.96689 - 0.02, qPrintable(QString::number(accuracy)));
  }
};

QTEST_APPLESS_MAIN(tst_TextClassification)
#include "tst_TextClassification.moc"
