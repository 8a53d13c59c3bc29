// Naive Bayes (gaussian, multinomial, categorical) against scikit-learn 1.2 on real data, plus the
// model file, cancel and the bad inputs of issue 6 and BAD_INPUTS case 33.
#include <QtTest>

#include <cmath>
#include <numeric>

#include "MlTestSupport.h"
#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/ModelFile.h"
#include "engine/ml/NaiveBayes.h"

using namespace lathe;
using namespace lathe::ml;
using nlohmann::json;

namespace {

// Expected numbers: /usr/bin/python3, scikit-learn 1.2.1, made once. Data as pandas reads it,
// classes sorted; rows 0, 5, 10, ... are the test rows, the rest train.
// GaussianNB().fit(train).predict_proba(test): breast_cancer (P(malignant)), wine (rows x 3).
// MultinomialNB().fit(train) on digits' pixel counts: predict(test) as digits, predict_proba of the
// first five test rows, the sum over test rows of the largest probability.
// CategoricalNB().fit(train as int): the same on the training rows (sklearn refuses test rows
// holding a level the training rows lack; Lathe gives them the zero-count probability).
const std::vector<double> kBreastCancerProba = {
    1, 0.99986222829122728, 0.98318187447380034, 1, 9.820487501381878e-12, 1, 1, 1, 2.8058703351448297e-10, 1,
    6.8350592946178001e-16, 2.1118341929970678e-15, 1.3956054641281541e-13, 0.99997723029898522, 1, 1,
    1.9132026318769881e-13, 1, 1.0194661515997555e-08, 1, 0.0048453137942416754, 0.99999989637576736,
    3.0321763318316867e-15, 1.3336324953696307e-13, 1.8319323913069056e-15, 9.3849586638927033e-14,
    4.9807137747918597e-14, 8.8286253713287486e-12, 1.5716477211063944e-19, 2.8444122674867678e-13,
    4.4206457654771569e-11, 6.4695737800314694e-14, 2.0298303487658948e-08, 3.4075972259287603e-11,
    1.8036421783031167e-15, 1.284019595515205e-18, 1, 1.7147026125419103e-17, 1, 2.7221388832118534e-14,
    1.3218892038874056e-11, 0.016279064674343761, 1, 0.28356949005722276, 2.6267638552306538e-13,
    0.001043526915528599, 1, 6.7964650780390527e-12, 6.5057651813010583e-13, 8.072844622634642e-15, 1,
    0.0020218763598914792, 1, 1, 8.6763805298182014e-15, 3.5728397399755927e-07, 1, 1.6390318080918639e-17,
    0.99999999999999833, 1.2238963244037776e-15, 1, 3.1467255197773848e-15, 5.673614686348625e-15,
    1.4639954442181701e-17, 2.5316115123046747e-13, 2.7376924780137055e-15, 0.99999999786991023, 1,
    0.0013873859069115182, 4.8567349180988926e-17, 1.0855607800714311e-17, 5.0326513211913662e-11,
    2.047342950902795e-17, 1, 1, 0.010366469415844024, 2.6159045241346159e-11, 3.6469133427436823e-05,
    1.6031141443516627e-17, 9.7619220082132144e-13, 1, 3.4793874300448889e-14, 5.7732194775294852e-14,
    1.6856672191372137e-13, 9.8436528780247795e-14, 3.7856942095452655e-17, 1, 0.61486276125381178,
    4.4532418720821073e-08, 1.0479434642899388e-11, 9.8356551560630571e-12, 1.2874795299562718e-10, 1,
    0.78406428542641404, 1.2392019556070115e-14, 5.8505152511163809e-12, 5.4628611696119763e-15,
    0.3424274522414138, 5.9750581034686505e-14, 3.8795429927450955e-08, 3.6328448900624865e-05,
    3.991619406312021e-06, 5.4335417387911688e-14, 2.4037240588986049e-14, 6.0132275353514989e-13,
    3.5056768282657558e-14, 1.0262626146200112e-11, 1, 7.5574235462915552e-15, 3.0486418901433957e-11,
    2.2121673744877878e-18, 6.4917082724321034e-13, 1.5539225653951954e-07, 1};
// var_[0,0], var_[1,29], theta_[1,3], epsilon_
const std::vector<double> kBreastCancerFitted = {
    3.3103234387805185, 0.00079549738747771315, 986.86395348837209, 0.00032699295150218571};
const std::vector<double> kWineProba = {
    0.99999999987323929, 1.2676209135799093e-10, 2.5370075325064006e-42, 1, 1.2786985942540859e-17,
    6.4097058849095046e-45, 1, 1.3562413427937146e-16, 3.8133258856010033e-49, 0.9999999999999325,
    6.6961141874449299e-14, 2.170361311649812e-34, 0.99999979152487173, 2.0847512958443797e-07,
    5.4331757441050456e-39, 0.00070065293239836952, 0.99929934706760293, 4.4109280621950123e-24,
    0.99999999981688603, 1.8311262691621394e-10, 3.8253310799494131e-36, 0.99999300762764654,
    6.9923723534159653e-06, 2.334037984866854e-30, 0.999999515997267, 4.8400273263337725e-07,
    2.2895347713072777e-35, 0.99999994100079981, 5.8999199274994949e-08, 4.8817208523822735e-24,
    0.99999999484148472, 5.1585170347327125e-09, 4.7152921774035492e-37, 0.999999998237314,
    1.7626865778200295e-09, 3.4823502443704731e-28, 3.4122293314689372e-16, 0.99986501006259298,
    0.00013498993740799437, 0.006890289300401445, 0.99310971069960008, 9.1914305884049139e-17,
    5.6053827473571889e-13, 0.44980893433155339, 0.55019106566788767, 5.0203277251255715e-13,
    0.99999999990737376, 9.2124395006498355e-11, 6.8598253980753315e-10, 0.99999999931401717,
    9.6320495284218231e-26, 5.6248257147321505e-06, 0.99999437517428469, 7.4900718752749307e-18,
    7.8854481046585159e-14, 0.99999955594416001, 4.4405576209548301e-07, 8.058766998170449e-06,
    0.99999194123299906, 3.2907190049362332e-23, 7.161579756006328e-07, 0.9999992838420233,
    6.9125826621788869e-21, 3.762621069929323e-15, 0.99999999999906575, 9.3055731774599266e-13,
    1.0568292593751638e-10, 0.99999999989431743, 9.8817397539758607e-24, 5.8315487583457368e-18, 1,
    9.4489466864064867e-29, 5.5303730844743925e-06, 0.9999944696269143, 1.5338222037626702e-24,
    5.4628176808722303e-08, 0.99999994537182402, 2.3461842926241701e-22, 1.4616003310593356e-13,
    0.030291270729228031, 0.96970872927062746, 4.8987192754047854e-23, 8.0975104126096341e-09,
    0.99999999190248989, 2.1263193998706046e-18, 0.000778269893302686, 0.99922173010669901,
    5.2912100849878285e-20, 3.8085573407050568e-06, 0.99999619144266005, 7.1981334050579246e-18,
    1.796320798385294e-10, 0.99999999982036769, 3.0694902369737572e-28, 2.0142830665201794e-13,
    0.99999999999979927, 2.3041768479844691e-22, 1.8067099124114983e-09, 0.99999999819329066,
    2.1465171014589137e-24, 2.1690877283276712e-09, 0.99999999783091198, 1.9253580139172256e-22,
    2.2315725879403706e-05, 0.99997768427412181, 1.155651868165904e-22, 3.5580038529807406e-18, 1};
const char* const kDigitsMultinomialPredicted =
    "0905050583803611111149485305050505132036121194517548484749697023475023716587434949495970234950237165"
    "8948497949697029495023716589484949496970834950237165877849494969702349508371658941509090983863490337"
    "2698901616168045863780361337278938383858708634903613372789383838587086349036133727805050905832036929"
    "316494259050527581172760023716528738888858708684903615372789";
const std::vector<double> kDigitsMultinomialProba = {
    1, 9.9654936716679814e-88, 5.2787837300136218e-103, 2.4475353070901721e-80, 4.7306680645526163e-56,
    2.8092173834621128e-70, 1.0030406270890708e-105, 1.4521955999189275e-74, 4.7032809282161361e-58,
    2.2430413640518581e-48, 4.9462815536444218e-67, 2.7948010849294259e-35, 1.6860373127734727e-49,
    6.6167725343680949e-10, 3.7858613089390867e-74, 1.6898249861535495e-39, 2.8105934181853904e-72,
    3.9662602654289508e-107, 3.0209382542164587e-29, 0.9999999993383426, 1, 9.0635420147505417e-56,
    3.6950988595993763e-100, 7.8434199003400521e-86, 4.5339957645199851e-28, 5.7625497689207534e-58,
    3.3511249068796116e-82, 1.3454653015469543e-57, 1.631799701995353e-37, 3.9661488305480962e-48,
    5.4893698328796619e-138, 1.3741386714655087e-66, 1.3136689216968038e-47, 3.0775760596293292e-61,
    6.8576724241177151e-114, 1, 6.910963512403057e-111, 9.8616427336116656e-53, 1.689070223948081e-41,
    7.7202913384567745e-63, 1, 4.0536346134398023e-55, 7.7776453272460897e-86, 3.5332181229145805e-72,
    5.9220318462239328e-45, 3.342352344682978e-56, 8.3948577492675436e-72, 2.6448387585650869e-77,
    6.6104549966991132e-40, 6.3064072583843151e-44};
const double kDigitsMultinomialMaxSum = 357.45773640109229;  // accuracy 0.8916666666666667
const char* const kDigitsCategoricalPredicted =
    "1234678912346789123467899556098941775100878811637334664850958100763274633917843105361175472885794814"
    "0891123467891234678912346789955609894177510027821263733466495095820076327313176831403696754428225488"
    "9089012356780123567801235678095550988417351022780126373366641507282017631746139168434053761744722257"
    "5488908701235678012356780123567809555098841735102278012637336664150928201763174613916843405394174472"
    "2157548890890129567801235678012356780855509884173510227801263793666415092820176317461391684340939617"
    "4472225754889089012356780123567801235678044550988417351022784126373366641501282017631746139168437053"
    "4617447222575488908401235676012350780123567809555098841735102278012637336664150928201763174613916843"
    "4053961744727257548390891234678912346789123467899556098941775127201233734666915052820176214613916843"
    "4053961744722297544989802345789023457890234578905565989817731007201233734666915052820176217431797684"
    "1405696154478225954849088012456790124567901245679095650995417351022720123373466691505282017621743139"
    "7684140569615447822595484908801245679012456790124567909565099841735102372012337346669150628201762174"
    "3139768414056961544782259548490812346789123467891234678995560989417759002782126373346649509582007632"
    "7463391784390536617947282579488408981234171912346901345189495650858477356022820163373466891591281763"
    "1786138168434053961744725735450880124567901245679012456790956509984177510227201233714666915052820176"
    "2174313976841405696154478225954149088";
const std::vector<double> kDigitsCategoricalProba = {
    2.2774582441018341e-30, 0.99999999822614438, 3.5608261315522386e-13, 3.4484767607411736e-18,
    2.31772233274525e-11, 6.0215121974313728e-18, 3.1645018456620669e-18, 8.970586626963229e-16,
    1.7503233444315089e-09, 1.2181931798536773e-18, 3.1447842385507462e-16, 0.005380264750140514,
    0.94675251582867304, 2.4129182652795353e-12, 8.2549808707685929e-08, 7.1401446043082842e-15,
    2.5948843026711957e-08, 3.2072233920271694e-10, 0.047867110595915439, 3.4724639474261801e-12,
    1.6474055982590243e-18, 2.3460661336686873e-12, 8.9888851436890843e-10, 0.99993426297025545,
    8.8905424272374752e-20, 1.0107707427659714e-10, 1.4838125201860005e-16, 7.045310108961378e-17,
    2.2937589059195398e-12, 6.5736025143424136e-05};
const double kDigitsCategoricalMaxSum = 1424.253517153642;

std::pair<TrainingData, TrainingData> everyFifth(const TrainingData& data) {
  std::vector<std::size_t> train, test;
  for (std::size_t r = 0; r < data.x.rows(); ++r) (r % 5 == 0 ? test : train).push_back(r);
  return {data.selectRows(train), data.selectRows(test)};
}

double maxDifference(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return INFINITY;
  double worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::fabs(a[i] - b[i]));
  return worst;
}

std::string digits(const std::vector<double>& predicted) {
  std::string out;
  for (double v : predicted) out += static_cast<char>('0' + static_cast<int>(v));
  return out;
}

double sumOfLargest(const ClassProbabilities& p) {
  double sum = 0;
  for (std::size_t r = 0; r < p.rows; ++r)
    sum += *std::max_element(p.values.begin() + static_cast<std::ptrdiff_t>(r * p.classes),
                             p.values.begin() + static_cast<std::ptrdiff_t>((r + 1) * p.classes));
  return sum;
}

std::unique_ptr<Estimator> fitted(const json& parameters, const TrainingData& data) {
  auto nb = EstimatorRegistry::create("naive_bayes", parameters);
  mltest::QuietContext quiet;
  nb->fit(data, quiet.context);
  return nb;
}

}  // namespace

class tst_NaiveBayes : public QObject {
  Q_OBJECT

 private:
  TrainingData cancer_ = mltest::loadTraining("breast_cancer.csv", "diagnosis");
  TrainingData digits_ = mltest::loadTraining("digits_8x8.csv", "digit");

 private slots:
  void gaussianMatchesSklearnOnBreastCancer() {
    const auto [train, test] = everyFifth(cancer_);
    const auto nb = fitted({}, train);
    const auto proba = nb->predictProba(test.x);
    std::vector<double> malignant;
    for (std::size_t r = 0; r < proba.rows; ++r) malignant.push_back(proba.at(r, 1));
    QVERIFY2(maxDifference(malignant, kBreastCancerProba) < 1e-6,
             qPrintable(QString::number(maxDifference(malignant, kBreastCancerProba))));
    const auto& gaussian = dynamic_cast<const NaiveBayes&>(*nb);
    const std::size_t d = train.x.cols();
    const double fittedValues[] = {gaussian.variances()[0], gaussian.variances()[d + 29], gaussian.means()[d + 3]};
    for (int i = 0; i < 3; ++i)
      QVERIFY(std::fabs(fittedValues[i] - kBreastCancerFitted[i]) <= 1e-9 * std::fabs(kBreastCancerFitted[i]));
    const auto predicted = nb->predict(test.x);
    for (std::size_t r = 0; r < predicted.size(); ++r) QCOMPARE(predicted[r], malignant[r] > 0.5 ? 1.0 : 0.0);
  }

  void gaussianMatchesSklearnOnWine() {
    const auto wine = mltest::loadTraining("wine.csv", "cultivar");
    const auto [train, test] = everyFifth(wine);
    const auto proba = fitted({{"variant", "gaussian"}}, train)->predictProba(test.x);
    QCOMPARE(proba.classes, std::size_t{3});
    QVERIFY(maxDifference(proba.values, kWineProba) < 1e-6);
  }

  void multinomialMatchesSklearnOnDigitCounts() {
    QCOMPARE(digits_.classCount(), std::size_t{10});
    const auto [train, test] = everyFifth(digits_);
    const auto nb = fitted({{"variant", "multinomial"}}, train);
    QCOMPARE(digits(nb->predict(test.x)), std::string(kDigitsMultinomialPredicted));
    const auto proba = nb->predictProba(test.x);
    QVERIFY(maxDifference({proba.values.begin(), proba.values.begin() + 50}, kDigitsMultinomialProba) < 1e-6);
    QVERIFY(std::fabs(sumOfLargest(proba) - kDigitsMultinomialMaxSum) < 1e-6);
  }

  void categoricalMatchesSklearnOnDigitLevels() {
    const auto [train, test] = everyFifth(digits_);
    const auto nb = fitted({{"variant", "categorical"}}, train);
    QCOMPARE(digits(nb->predict(train.x)), std::string(kDigitsCategoricalPredicted));
    const auto proba = nb->predictProba(train.x);
    QVERIFY(maxDifference({proba.values.begin(), proba.values.begin() + 30}, kDigitsCategoricalProba) < 1e-6);
    QVERIFY(std::fabs(sumOfLargest(proba) - kDigitsCategoricalMaxSum) < 1e-6);
    // Test rows hold levels no training row has: a probability, not an error.
    const auto unseen = nb->predictProba(test.x);
    for (double v : unseen.values) QVERIFY(v >= 0 && v <= 1);
    std::size_t right = 0;
    const auto predicted = nb->predict(test.x);
    for (std::size_t r = 0; r < predicted.size(); ++r) right += predicted[r] == test.y[r];
    QVERIFY(right > predicted.size() * 8 / 10);
  }

  void aClassAbsentFromTrainingGetsProbabilityZero() {
    std::vector<std::size_t> noNines;
    for (std::size_t r = 0; r < digits_.y.size(); ++r)
      if (digits_.y[r] != 9) noNines.push_back(r);
    for (const char* variant : {"gaussian", "multinomial", "categorical"}) {
      const auto nb = fitted({{"variant", variant}}, digits_.selectRows(noNines));
      const auto proba = nb->predictProba(digits_.x);
      for (std::size_t r = 0; r < proba.rows; ++r) {
        QCOMPARE(proba.at(r, 9), 0.0);
        double sum = 0;
        for (std::size_t k = 0; k < proba.classes; ++k) sum += proba.at(r, k);
        QVERIFY(std::fabs(sum - 1.0) < 1e-9);
      }
      // Saved and loaded with the absent class.
      const auto loaded = ModelFile::deserialize(ModelFile::serialize(*nb));
      QCOMPARE(loaded->predictProba(digits_.x).values, proba.values);
    }
  }

  void saveLoadGivesIdenticalPredictions() {
    for (const char* variant : {"gaussian", "multinomial", "categorical"}) {
      const auto nb = fitted({{"variant", variant}, {"alpha", 0.5}}, digits_);
      const std::string bytes = ModelFile::serialize(*nb);
      const auto loaded = ModelFile::deserialize(bytes);
      QCOMPARE(loaded->parameters(), nb->parameters());
      QCOMPARE(loaded->predictProba(digits_.x).values, nb->predictProba(digits_.x).values);
      QCOMPARE(loaded->predict(digits_.x), nb->predict(digits_.x));
      QCOMPARE(ModelFile::serialize(*loaded), bytes);
      for (std::size_t size = 0; size < bytes.size(); size += 1 + size / 4)
        QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(std::string_view(bytes).substr(0, size)));
    }
  }

  void hostileModelDataIsRefused() {
    // The fields NaiveBayes::save writes (gaussian), each case breaking one; written past the
    // model file's checksum, as a hostile file would be.
    const auto nb = fitted({}, cancer_);
    const auto& gaussian = dynamic_cast<const NaiveBayes&>(*nb);
    const std::vector<std::string> features = cancer_.x.names();
    auto load = [&](const std::vector<std::string>& classes, const std::vector<double>& counts,
                    const std::vector<double>& means, const std::vector<double>& variances, const char* variant) {
      ModelWriter out;
      out.text(variant);
      out.texts(classes);
      out.texts(features);
      out.f64s(counts);
      out.f64s(means);
      out.f64s(variances);
      out.f64s({});
      out.u32s({});
      ModelReader in(out.data());
      EstimatorRegistry::create("naive_bayes")->load(in);
    };
    const auto& m = gaussian.means();
    const auto& v = gaussian.variances();
    const std::vector<std::string> classes{"benign", "malignant"};
    load(classes, {357, 212}, m, v, "gaussian");  // the untouched fields load
    std::vector<double> negative = v;
    negative[4] = -1;
    std::vector<double> nan = m;
    nan[7] = NAN;
    const std::vector<std::function<void()>> cases = {
        [&] { load(classes, {357, 212}, m, v, "multinomial"); },
        [&] { load({"benign"}, {357}, m, v, "gaussian"); },
        [&] { load(classes, {357, 212, 1}, m, v, "gaussian"); },
        [&] { load(classes, {357, -1}, m, v, "gaussian"); },
        [&] { load(classes, {357, 0}, m, v, "gaussian"); },
        [&] { load(classes, {357, 212}, {m.begin(), m.end() - 1}, v, "gaussian"); },
        [&] { load(classes, {357, 212}, m, negative, "gaussian"); },
        [&] { load(classes, {357, 212}, nan, v, "gaussian"); },
    };
    for (const auto& broken : cases) {
      try {
        broken();
        QFAIL("a broken model loaded");
      } catch (const Error& error) {
        QCOMPARE(error.code(), ErrorCode::Parse);
      }
    }
  }

  void cancelStops() {
    std::stop_source stop;
    StoppingSink sink(stop, 0.5);
    jobs::JobContext context(stop.get_token(), sink);
    auto nb = EstimatorRegistry::create("naive_bayes");
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, nb->fit(digits_, context));
    QVERIFY(sink.fractions.back() < 0.6);
    QVERIFY_THROWS_EXCEPTION(Error, nb->predict(digits_.x));  // nothing half-fitted
  }

  void badDataIsAClearError() {
    mltest::QuietContext quiet;
    auto expectInvalid = [&](const json& parameters, const TrainingData& data, const char* why) {
      try {
        EstimatorRegistry::create("naive_bayes", parameters)->fit(data, quiet.context);
        QFAIL(why);
      } catch (const Error& error) {
        QVERIFY2(error.code() == ErrorCode::InvalidArgument, why);
        QVERIFY2(error.message().rfind("naive_bayes", 0) == 0, why);
      }
    };
    expectInvalid({}, cancer_.selectRows(std::vector<std::size_t>{}), "no rows");
    std::vector<std::size_t> benign;
    for (std::size_t r = 0; r < cancer_.y.size(); ++r)
      if (cancer_.y[r] == 0) benign.push_back(r);
    expectInvalid({}, cancer_.selectRows(benign), "one class only");
    TrainingData missing = cancer_;
    missing.x.at(10, 3) = NAN;
    expectInvalid({}, missing, "NaN");
    TrainingData infinite = cancer_;
    infinite.x.at(10, 3) = -INFINITY;
    expectInvalid({}, infinite, "inf");
    TrainingData negative = digits_;
    negative.x.at(0, 5) = -1;
    expectInvalid({{"variant", "multinomial"}}, negative, "negative count");
    expectInvalid({{"variant", "categorical"}}, negative, "negative level");
    TrainingData fractional = digits_;
    fractional.x.at(0, 5) = 2.5;
    expectInvalid({{"variant", "categorical"}}, fractional, "fractional level");
    TrainingData huge = digits_;
    huge.x.at(0, 5) = 1e9;
    expectInvalid({{"variant", "categorical"}}, huge, "level beyond the limit");
    TrainingData constant = cancer_;
    for (std::size_t c = 0; c < constant.x.cols(); ++c)
      for (double& value : constant.x.column(c)) value = 1.0;
    expectInvalid({}, constant, "every feature constant");
    expectInvalid({{"var_smoothing", 0}}, digits_, "a constant pixel with no smoothing");
    auto regression = mltest::loadTraining("diabetes_progression.csv", "progression");
    expectInvalid({}, regression, "regression");

    const auto nb = fitted({}, cancer_);
    FeatureMatrix narrow(3, {"mean radius"});
    QVERIFY_THROWS_EXCEPTION(Error, nb->predict(narrow));
    QVERIFY_THROWS_EXCEPTION(Error, nb->predictProba(missing.x));
    QVERIFY(nb->predict(cancer_.x.selectRows(std::vector<std::size_t>{})).empty());
    // A row far from every class: probabilities still sum to 1.
    FeatureMatrix far = cancer_.x.selectRows(std::vector<std::size_t>{0});
    for (std::size_t c = 0; c < far.cols(); ++c) far.at(0, c) = 1e200;
    const auto p = nb->predictProba(far);
    QVERIFY(std::fabs(p.at(0, 0) + p.at(0, 1) - 1.0) < 1e-12);
  }

  void parametersAreValidated() {
    const json bad[] = {{{"variant", "bernoulli"}}, {{"variant", 3}},  {{"alpha", 0}},  {{"alpha", -1}},
                        {{"var_smoothing", -1e-9}}, {{"alpha", "x"}}, {{"priors", 1}}, json::array()};
    for (const auto& p : bad) {
      try {
        EstimatorRegistry::create("naive_bayes", p);
        QFAIL(qPrintable(QString::fromStdString(p.dump())));
      } catch (const Error& error) {
        QCOMPARE(error.code(), ErrorCode::InvalidArgument);
        QVERIFY(error.message().rfind("naive_bayes", 0) == 0);
      }
    }
    const auto defaults = EstimatorRegistry::create("naive_bayes")->parameters();
    QCOMPARE(defaults, (json{{"variant", "gaussian"}, {"var_smoothing", 1e-9}, {"alpha", 1.0}}));
    const auto fromText = EstimatorRegistry::create("naive_bayes", {{"variant", "multinomial"}, {"alpha", "0.25"}});
    QCOMPARE(fromText->parameters()["alpha"], json(0.25));
    QVERIFY(!fromText->supports(Task::Regression));
  }
};

QTEST_APPLESS_MAIN(tst_NaiveBayes)
#include "tst_NaiveBayes.moc"
