// Gradient-boosted trees through libxgboost against Debian's python3-xgboost 1.7.4 (the same
// library) on real data, early stopping, cancel, the model file, and the bad inputs of issue 6 and
// BAD_INPUTS case 33 (a hostile booster inside a well-formed model file).
#include <QtTest>

#include <bit>
#include <cmath>
#include <functional>
#include <numeric>

#include "MlTestSupport.h"
#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/ModelFile.h"
#include "engine/ml/XgboostModel.h"

using namespace lathe;
using namespace lathe::ml;
using nlohmann::json;

namespace {

// Expected numbers: /usr/bin/python3 with xgboost 1.7.4, made once. Data as pandas reads it,
// classes sorted; rows 0, 5, 10, ... are the test rows, the rest train. The common parameters are
//   {'tree_method':'hist','max_depth':3,'eta':0.3,'subsample':0.8,'colsample_bytree':0.8,'seed':7}
// breast_cancer: xgb.train(objective binary:logistic, 30 rounds).predict(test)  (P(malignant))
// wine: multi:softprob, num_class 3, 25 rounds (rows x 3); diabetes: reg:squarederror, 40 rounds.
// Importances: XGBClassifier(n_estimators=20, max_depth=4, learning_rate=0.3, tree_method='hist',
//   random_state=0).fit(all rows).feature_importances_, and its predict_proba of rows 0-4.
const std::vector<double> kBreastCancerProba = {
    0.939031959, 0.665024877, 0.977555275, 0.998199821, 0.00169874821, 0.996551275, 0.998877108, 0.998747349,
    0.00682424568, 0.99763608, 0.00293662935, 0.00222005509, 0.00247931969, 0.998923123, 0.998921514,
    0.997127235, 0.00896057207, 0.998635232, 0.0193101857, 0.998628259, 0.958386421, 0.758535802,
    0.00107872637, 0.00587138021, 0.0018729486, 0.0037494062, 0.00152776064, 0.00524508255, 0.00287033524,
    0.00143584993, 0.00696949242, 0.00115253043, 0.0242877044, 0.00362613983, 0.00182165729, 0.00287033524,
    0.999166369, 0.00277619739, 0.991119087, 0.00103290344, 0.00785143021, 0.823486626, 0.996109307,
    0.899786294, 0.00197942462, 0.0448782779, 0.995735288, 0.0264824759, 0.00300815608, 0.00861102808,
    0.998144746, 0.277212739, 0.9993155, 0.9993155, 0.00411295192, 0.153493345, 0.999027848, 0.00252400874,
    0.291464746, 0.0018729486, 0.997478187, 0.00292058662, 0.00221413001, 0.00366264698, 0.00123165688,
    0.00189549511, 0.971448004, 0.998955846, 0.0904435143, 0.000710524037, 0.00241166702, 0.00127898098,
    0.00413056929, 0.998613477, 0.998877108, 0.0766239837, 0.00348028378, 0.619039953, 0.0018729486,
    0.00221387623, 0.998523057, 0.00212067226, 0.00367698539, 0.00292847585, 0.000999933574, 0.00499931863,
    0.99404186, 0.994562089, 0.116784446, 0.00828362349, 0.00149453129, 0.0602175705, 0.99820745, 0.0944797173,
    0.00102206296, 0.00111958198, 0.00514873071, 0.0335691571, 0.00390377943, 0.0796615481, 0.181629658,
    0.00414451957, 0.000736706133, 0.00117837568, 0.00104449643, 0.00226772786, 0.00759057747, 0.998035967,
    0.000710524037, 0.00802647695, 0.00259903981, 0.00309901033, 0.0152596515, 0.998510659};
const std::vector<double> kImportances = {
    0.00643718848, 0.0111387912, 0, 0.0222922619, 0.00431851298, 0, 0.0162573028, 0.0834906623, 0,
    0.00510003697, 0.0055178348, 0, 0.00655117631, 0.00504674809, 0, 0.00849203859, 0.00452072406,
    0.0198399089, 0.00149099668, 0.00489374669, 0.479084194, 0.0192590374, 0.187928542, 0.021904489,
    0.0085577257, 0.000617859652, 0.0125516634, 0.0601511449, 0.00231735362, 0.00224003964};
const std::vector<double> kImportanceModelProba = {
    0.980303705, 0.983892679, 0.996455312, 0.954330623, 0.976047933};
const std::vector<double> kWineProba = {
    0.99501133, 0.0026882845, 0.00230038888, 0.994993627, 0.00270608021, 0.0023003479, 0.992726803,
    0.00445401296, 0.00281918421, 0.992726803, 0.00445401296, 0.00281918421, 0.989356458, 0.00620009704,
    0.0044434038, 0.712637961, 0.268426895, 0.0189352073, 0.987514079, 0.00792048033, 0.00456551509,
    0.985949039, 0.00729701063, 0.00675401092, 0.989897132, 0.00565706287, 0.00444583222, 0.99276334,
    0.00276671769, 0.00446997862, 0.982705355, 0.0131739872, 0.00412060693, 0.990073442, 0.00534918578,
    0.00457734801, 0.00756975729, 0.965162873, 0.0272673853, 0.13817808, 0.837966502, 0.0238553584,
    0.0184672084, 0.742766082, 0.238766655, 0.00432315376, 0.990251899, 0.00542493165, 0.00175713387,
    0.996878386, 0.00136452285, 0.00174929656, 0.996748209, 0.00150253566, 0.00158888579, 0.997046411,
    0.00136475288, 0.0459563024, 0.95080775, 0.00323592918, 0.00406483375, 0.994291544, 0.00164360576,
    0.00175911584, 0.996034086, 0.00220675394, 0.0050732512, 0.988379836, 0.00654685218, 0.00149262231,
    0.997142494, 0.00136488443, 0.00476623047, 0.991968572, 0.00326525071, 0.00250435784, 0.995669007,
    0.0018266252, 0.00673778681, 0.0448794439, 0.948382795, 0.00483383797, 0.0064452989, 0.988720834,
    0.0141724274, 0.044465363, 0.941362262, 0.00972792506, 0.00458483119, 0.985687315, 0.0310453586,
    0.103135608, 0.865819037, 0.00382066355, 0.00246645766, 0.993712842, 0.00192718697, 0.0859269202,
    0.912145913, 0.00222870684, 0.00681715412, 0.990954101, 0.00223119347, 0.0286536664, 0.969115078,
    0.00683033839, 0.00236532767, 0.990804315};
const std::vector<double> kDiabetesPredictions = {
    216.437683, 125.716049, 122.364708, 140.227081, 104.659813, 114.519188, 142.663757, 84.1335297, 193.429337,
    104.511452, 113.117569, 61.1309967, 122.622917, 163.798615, 75.5158615, 135.389221, 214.996216, 126.941185,
    82.1407852, 136.614365, 226.276917, 106.954971, 105.447845, 160.569519, 113.420944, 165.096283, 255.640182,
    242.736115, 141.760635, 310.808838, 191.705368, 260.858521, 86.7075958, 119.970238, 59.5098877, 123.980927,
    137.951797, 158.348404, 155.741226, 190.77774, 120.888771, 217.938858, 126.797974, 313.208557, 47.529213,
    214.572647, 74.0622177, 155.793884, 198.842285, 90.2985458, 267.281738, 83.8876572, 107.875107, 139.114288,
    203.199066, 195.77504, 223.235764, 210.732925, 209.3591, 173.334259, 199.30542, 164.820648, 175.018021,
    74.0213242, 206.044724, 114.92318, 129.50827, 77.0230637, 101.650291, 152.78125, 294.09314, 97.0722198,
    189.851318, 178.97023, 76.6253433, 178.271729, 191.27124, 148.760574, 270.190552, 131.171448, 137.848419,
    316.657135, 146.664734, 169.148758, 154.582855, 100.064003, 110.311043, 88.2518005, 198.479675};

const json kCommon = {{"max_depth", 3}, {"learning_rate", 0.3}, {"subsample", 0.8}, {"colsample_bytree", 0.8},
                      {"random_state", 7}};

json withCommon(json extra) {
  json p = kCommon;
  p.update(extra);
  return p;
}

std::unique_ptr<XgboostModel> model(const json& parameters) {
  auto estimator = EstimatorRegistry::create("xgboost", parameters);
  auto* xgb = dynamic_cast<XgboostModel*>(estimator.get());
  if (!xgb) throw std::logic_error("not an XgboostModel");
  estimator.release();
  return std::unique_ptr<XgboostModel>(xgb);
}

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

std::vector<double> classOne(const ClassProbabilities& p) {
  std::vector<double> out;
  for (std::size_t r = 0; r < p.rows; ++r) out.push_back(p.at(r, 1));
  return out;
}

// UBJSON as XGBoost writes it (every length an int64 'L', floats as float32 'd'), which
// nlohmann's encoder does not produce: how the hostile boosters below are written.
void putBigEndian(std::string& out, std::uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}
void putUbjString(std::string& out, const std::string& text) {
  out.push_back('L');
  putBigEndian(out, text.size(), 8);
  out += text;
}
void putUbj(std::string& out, const json& value) {
  if (value.is_object()) {
    out.push_back('{');
    for (const auto& [key, item] : value.items()) {
      putUbjString(out, key);
      putUbj(out, item);
    }
    out.push_back('}');
  } else if (value.is_array()) {
    out.push_back('[');
    for (const auto& item : value) putUbj(out, item);
    out.push_back(']');
  } else if (value.is_string()) {
    out.push_back('S');
    putUbjString(out, value.get<std::string>());
  } else if (value.is_boolean()) {
    out.push_back(value.get<bool>() ? 'T' : 'F');
  } else if (value.is_number_integer()) {
    out.push_back('L');
    putBigEndian(out, static_cast<std::uint64_t>(value.get<std::int64_t>()), 8);
  } else if (value.is_number_float()) {
    out.push_back('d');
    putBigEndian(out, std::bit_cast<std::uint32_t>(value.get<float>()), 4);
  } else {
    out.push_back('Z');
  }
}
std::string xgboostUbj(const json& value) {
  std::string out;
  putUbj(out, value);
  return out;
}

// The fields XgboostModel::save writes, with the booster bytes replaced: how a hostile file that
// passes the model file's checksum (anyone can recompute it) reaches XgboostModel::load.
std::string withBooster(const XgboostModel& fitted, const TrainingData& data, const std::string& ubjson) {
  ModelWriter out;
  out.text(taskName(data.task));
  out.texts(data.classes);
  out.texts(data.x.names());
  out.u32(static_cast<std::uint32_t>(fitted.rounds()));
  out.u32(static_cast<std::uint32_t>(fitted.roundsTrained()));
  out.f64s(fitted.featureImportances());
  out.bytes(ubjson);
  return out.data();
}

}  // namespace

class tst_XgboostModel : public QObject {
  Q_OBJECT

 private:
  TrainingData cancer_ = mltest::loadTraining("breast_cancer.csv", "diagnosis");

 private slots:
  void breastCancerMatchesPythonXgboost() {
    QCOMPARE(cancer_.task, Task::Binary);
    QCOMPARE(cancer_.classes, (std::vector<std::string>{"benign", "malignant"}));
    const auto [train, test] = everyFifth(cancer_);
    auto xgb = model(withCommon({{"n_estimators", 30}}));
    mltest::QuietContext quiet;
    xgb->fit(train, quiet.context);
    QCOMPARE(xgb->rounds(), 30);
    const auto proba = xgb->predictProba(test.x);
    QCOMPARE(proba.rows, test.x.rows());
    QVERIFY2(maxDifference(classOne(proba), kBreastCancerProba) < 1e-6,
             qPrintable(QString::number(maxDifference(classOne(proba), kBreastCancerProba))));
    const auto predicted = xgb->predict(test.x);
    for (std::size_t r = 0; r < predicted.size(); ++r) QCOMPARE(predicted[r], kBreastCancerProba[r] > 0.5 ? 1.0 : 0.0);
    for (std::size_t r = 0; r < proba.rows; ++r) QCOMPARE(proba.at(r, 0) + proba.at(r, 1), 1.0);
  }

  void wineMulticlassMatchesPythonXgboost() {
    const auto wine = mltest::loadTraining("wine.csv", "cultivar");
    QCOMPARE(wine.task, Task::Multiclass);
    const auto [train, test] = everyFifth(wine);
    auto xgb = model(withCommon({{"n_estimators", 25}}));
    mltest::QuietContext quiet;
    xgb->fit(train, quiet.context);
    const auto proba = xgb->predictProba(test.x);
    QCOMPARE(proba.classes, std::size_t{3});
    QVERIFY(maxDifference(proba.values, kWineProba) < 1e-6);
    const auto predicted = xgb->predict(test.x);
    for (std::size_t r = 0; r < predicted.size(); ++r) {
      const auto* row = kWineProba.data() + 3 * r;
      QCOMPARE(predicted[r], static_cast<double>(std::max_element(row, row + 3) - row));
    }
  }

  void diabetesRegressionMatchesPythonXgboost() {
    const auto diabetes = mltest::loadTraining("diabetes_progression.csv", "progression");
    QCOMPARE(diabetes.task, Task::Regression);
    const auto [train, test] = everyFifth(diabetes);
    auto xgb = model(withCommon({{"n_estimators", 40}}));
    mltest::QuietContext quiet;
    xgb->fit(train, quiet.context);
    // XGBoost predicts in float: values near 200 carry ~1e-5 of rounding.
    QVERIFY(maxDifference(xgb->predict(test.x), kDiabetesPredictions) < 1e-4);
    QVERIFY_THROWS_EXCEPTION(Error, xgb->predictProba(test.x));
  }

  void importancesAreNormalisedGainAsXgbClassifier() {
    auto xgb = model({{"n_estimators", 20}, {"max_depth", 4}});
    mltest::QuietContext quiet;
    xgb->fit(cancer_, quiet.context);
    const auto importances = xgb->featureImportances();
    QVERIFY(maxDifference(importances, kImportances) < 1e-6);
    QVERIFY(std::fabs(std::accumulate(importances.begin(), importances.end(), 0.0) - 1.0) < 1e-9);
    std::vector<std::size_t> first5{0, 1, 2, 3, 4};
    QVERIFY(maxDifference(classOne(xgb->predictProba(cancer_.x.selectRows(first5))), kImportanceModelProba) < 1e-6);
  }

  void earlyStoppingKeepsTheBestRound() {
    // python: xgb.train(common + eval_metric logloss, 500 rounds, evals=[(test, 'valid')],
    // early_stopping_rounds=5): best_iteration 18, 24 rounds boosted; predictions with
    // iteration_range (0, 19) sum to 37.8391609, the first five below.
    const auto [train, test] = everyFifth(cancer_);
    auto xgb = model(withCommon({{"n_estimators", 500}, {"early_stopping_rounds", 5}}));
    xgb->setValidation(test);
    mltest::QuietContext quiet;
    xgb->fit(train, quiet.context);
    QCOMPARE(xgb->rounds(), 19);
    QCOMPARE(xgb->roundsTrained(), 24);
    const auto p = classOne(xgb->predictProba(test.x));
    QVERIFY(maxDifference({p.begin(), p.begin() + 5}, {0.92714721, 0.724294603, 0.929109156, 0.995131969, 0.00416687131}) <
            1e-6);
    QVERIFY(std::fabs(std::accumulate(p.begin(), p.end(), 0.0) - 37.8391609) < 1e-5);
  }

  void earlyStoppingWithoutValidationHoldsRowsOut() {
    auto xgb = model({{"n_estimators", 1000}, {"early_stopping_rounds", 3}, {"validation_fraction", 0.2}});
    mltest::QuietContext quiet;
    xgb->fit(cancer_, quiet.context);
    qInfo() << "held-out early stopping" << xgb->rounds() << xgb->roundsTrained();
    QVERIFY(xgb->roundsTrained() < 1000);
    QCOMPARE(xgb->roundsTrained(), xgb->rounds() + 3);
    // Too few rows to hold any out is a clear error, not a silent fit.
    const auto benign = static_cast<std::size_t>(std::find(cancer_.y.begin(), cancer_.y.end(), 0.0) - cancer_.y.begin());
    std::vector<std::size_t> few{0, 1, 2, benign};  // 0.2 of 4 rows is no row
    QVERIFY_THROWS_EXCEPTION(Error, xgb->fit(cancer_.selectRows(few), quiet.context));
  }

  void missingValuesAreLearnedAround() {
    TrainingData holey = cancer_;
    for (std::size_t c = 0; c < holey.x.cols(); ++c)
      for (std::size_t r = c % 7; r < holey.x.rows(); r += 7) holey.x.at(r, c) = NAN;
    const auto [train, test] = everyFifth(holey);
    auto xgb = model({{"n_estimators", 30}});
    mltest::QuietContext quiet;
    xgb->fit(train, quiet.context);
    const auto predicted = xgb->predict(test.x);
    std::size_t right = 0;
    for (std::size_t r = 0; r < predicted.size(); ++r) right += predicted[r] == test.y[r];
    QVERIFY2(right >= predicted.size() * 9 / 10, qPrintable(QString::number(right)));
  }

  // Batches up to 256 rows are predicted in place (no DMatrix; the model server's path), larger
  // ones through a DMatrix: the two give the same floats, missing values included.
  void smallBatchesPredictExactlyAsLargeOnes() {
    TrainingData holey = cancer_;
    for (std::size_t c = 0; c < holey.x.cols(); ++c)
      for (std::size_t r = c % 5; r < holey.x.rows(); r += 5) holey.x.at(r, c) = NAN;
    auto xgb = model({{"n_estimators", 25}});
    mltest::QuietContext quiet;
    xgb->fit(holey, quiet.context);
    const auto whole = xgb->predictProba(holey.x);  // 569 rows: one DMatrix
    QCOMPARE(whole.rows, std::size_t(569));
    for (std::size_t start = 0; start < holey.x.rows(); start += 100) {
      std::vector<std::size_t> rows(std::min<std::size_t>(100, holey.x.rows() - start));
      std::iota(rows.begin(), rows.end(), start);
      const auto part = xgb->predictProba(holey.x.selectRows(rows));
      for (std::size_t r = 0; r < rows.size(); ++r)  // exactly: QCOMPARE on doubles is fuzzy
        QVERIFY2(part.at(r, 1) == whole.at(start + r, 1), qPrintable(QString::number(start + r)));
    }
  }

  void saveLoadGivesIdenticalPredictions() {
    const auto wine = mltest::loadTraining("wine.csv", "cultivar");
    for (const auto& data : {cancer_, wine}) {
      auto xgb = model(withCommon({{"n_estimators", 15}, {"early_stopping_rounds", 2}, {"threads", 1}}));
      mltest::QuietContext quiet;
      xgb->fit(data, quiet.context);
      const std::string bytes = ModelFile::serialize(*xgb);
      const auto loaded = ModelFile::deserialize(bytes);
      QCOMPARE(loaded->algorithm(), std::string("xgboost"));
      QCOMPARE(loaded->parameters(), xgb->parameters());
      QCOMPARE(loaded->predictProba(data.x).values, xgb->predictProba(data.x).values);
      QCOMPARE(loaded->predict(data.x), xgb->predict(data.x));
      QCOMPARE(loaded->featureImportances(), xgb->featureImportances());
      QCOMPARE(ModelFile::serialize(*loaded), bytes);
    }
  }

  void damagedModelFilesAreErrors() {
    auto xgb = model({{"n_estimators", 5}, {"max_depth", 2}});
    mltest::QuietContext quiet;
    xgb->fit(cancer_, quiet.context);
    const std::string bytes = ModelFile::serialize(*xgb);
    for (std::size_t size = 0; size < bytes.size(); size += 1 + size / 8)
      QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(std::string_view(bytes).substr(0, size)));
    for (std::size_t at = 0; at < bytes.size(); at += 97) {
      std::string flipped = bytes;
      flipped[at] = static_cast<char>(flipped[at] ^ 0x5A);
      QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(flipped));
    }
  }

  void hostileBoostersAreRefused() {
    auto fitted = model({{"n_estimators", 5}, {"max_depth", 2}});
    mltest::QuietContext quiet;
    fitted->fit(cancer_, quiet.context);
    const json booster = json::parse(fitted->boosterJson());
    auto loadWith = [&](const json& changed) {
      const std::string data = withBooster(*fitted, cancer_, changed.is_null() ? std::string("{}") : xgboostUbj(changed));
      ModelReader in(data);
      auto fresh = model({{"n_estimators", 5}, {"max_depth", 2}});
      fresh->load(in);
      return fresh;
    };
    // The untouched booster re-encoded loads and predicts the same: the cases below fail for
    // what they change, not for the encoding.
    QCOMPARE(loadWith(booster)->predictProba(cancer_.x).values, fitted->predictProba(cancer_.x).values);

    auto tree0 = [](json& b) -> json& { return b["learner"]["gradient_booster"]["model"]["trees"][0]; };
    std::vector<std::pair<const char*, std::function<void(json&)>>> cases = {
        {"child out of range", [&](json& b) { tree0(b)["left_children"][0] = 1000; }},
        {"child cycle", [&](json& b) { tree0(b)["left_children"][0] = 0; }},
        {"negative child", [&](json& b) { tree0(b)["right_children"][0] = -7; }},
        {"feature out of range", [&](json& b) { tree0(b)["split_indices"][0] = 30; }},
        {"NaN threshold", [&](json& b) { tree0(b)["split_conditions"][0] = NAN; }},
        {"short array", [&](json& b) { tree0(b)["sum_hessian"].erase(0); }},
        {"wrong node count", [&](json& b) { tree0(b)["tree_param"]["num_nodes"] = "1000000"; }},
        {"wrong feature count", [&](json& b) { b["learner"]["learner_model_param"]["num_feature"] = "31"; }},
        {"wrong class count", [&](json& b) { b["learner"]["learner_model_param"]["num_class"] = "3"; }},
        {"wrong objective", [&](json& b) { b["learner"]["objective"]["name"] = "reg:squarederror"; }},
        {"tree list too short", [&](json& b) { b["learner"]["gradient_booster"]["model"]["trees"].erase(4); }},
        {"tree of another class", [&](json& b) { b["learner"]["gradient_booster"]["model"]["tree_info"][0] = 5; }},
        {"not a model", [&](json& b) { b = json::array({1, 2, 3}); }},
    };
    for (auto& [name, change] : cases) {
      json damaged = booster;
      change(damaged);
      try {
        loadWith(damaged);
        QFAIL(name);
      } catch (const Error& error) {
        QVERIFY2(error.code() == ErrorCode::Parse, name);
      }
    }
    // Not UBJSON at all, and a truncated booster.
    QVERIFY_THROWS_EXCEPTION(Error, loadWith(nullptr));
    const std::string ubj = xgboostUbj(booster);
    const std::string half = ubj.substr(0, ubj.size() / 2);
    const std::string data = withBooster(*fitted, cancer_, half);
    ModelReader in(data);
    QVERIFY_THROWS_EXCEPTION(Error, model({{"n_estimators", 5}})->load(in));
  }

  void cancelStopsBetweenRounds() {
    std::stop_source stop;
    StoppingSink sink(stop, 0.3);
    jobs::JobContext context(stop.get_token(), sink);
    auto xgb = model({{"n_estimators", 100}});
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, xgb->fit(cancer_, context));
    QVERIFY(!sink.fractions.empty());
    QVERIFY(sink.fractions.back() <= 0.31);
    QVERIFY_THROWS_EXCEPTION(Error, xgb->predict(cancer_.x));  // nothing half-fitted
  }

  void progressIsPerRound() {
    std::stop_source stop;
    StoppingSink sink(stop, 2.0);
    jobs::JobContext context(stop.get_token(), sink);
    model({{"n_estimators", 10}})->fit(cancer_, context);
    QVERIFY(sink.fractions.size() >= 10);
    QCOMPARE(sink.fractions.back(), 1.0);
    QVERIFY(std::is_sorted(sink.fractions.begin(), sink.fractions.end()));
  }

  void badDataIsAClearError() {
    mltest::QuietContext quiet;
    auto expectInvalid = [&](const TrainingData& data, const char* why) {
      try {
        model({{"n_estimators", 3}})->fit(data, quiet.context);
        QFAIL(why);
      } catch (const Error& error) {
        QVERIFY2(error.code() == ErrorCode::InvalidArgument, why);
      }
    };
    expectInvalid(cancer_.selectRows(std::vector<std::size_t>{}), "no rows");
    std::vector<std::size_t> benign;
    for (std::size_t r = 0; r < cancer_.y.size(); ++r)
      if (cancer_.y[r] == 0) benign.push_back(r);
    expectInvalid(cancer_.selectRows(benign), "one class only");
    TrainingData infinite = cancer_;
    infinite.x.at(3, 2) = INFINITY;
    expectInvalid(infinite, "infinity");
    TrainingData huge = cancer_;
    huge.x.at(3, 2) = 1e300;  // beyond float: would become inf inside XGBoost
    expectInvalid(huge, "beyond float");
    TrainingData clustering = cancer_;
    clustering.task = Task::Clustering;
    expectInvalid(clustering, "clustering");
    TrainingData badLabel = cancer_;
    badLabel.y[5] = 2;
    expectInvalid(badLabel, "class index out of range");
    auto regression = mltest::loadTraining("diabetes_progression.csv", "progression");
    regression.y[0] = NAN;
    expectInvalid(regression, "missing regression target");

    auto xgb = model({{"n_estimators", 3}});
    QVERIFY_THROWS_EXCEPTION(Error, xgb->predict(cancer_.x));  // not fitted
    xgb->fit(cancer_, quiet.context);
    std::vector<std::size_t> firstColumns{0};
    FeatureMatrix narrow(5, {"mean radius"});
    QVERIFY_THROWS_EXCEPTION(Error, xgb->predict(narrow));
    QVERIFY(xgb->predict(cancer_.x.selectRows(std::vector<std::size_t>{})).empty());
    TrainingData otherValidation = mltest::loadTraining("wine.csv", "cultivar");
    auto withValidation = model({{"n_estimators", 3}, {"early_stopping_rounds", 1}});
    withValidation->setValidation(otherValidation);
    QVERIFY_THROWS_EXCEPTION(Error, withValidation->fit(cancer_, quiet.context));
  }

  void parametersAreValidated() {
    const json bad[] = {{{"n_estimators", 0}},      {{"n_estimators", 2.5}},  {{"max_depth", -1}},
                        {{"learning_rate", 0}},     {{"learning_rate", "x"}}, {{"subsample", 1.5}},
                        {{"colsample_bytree", 0}},  {{"reg_lambda", -1}},     {{"min_child_weight", NAN}},
                        {{"early_stopping_rounds", -2}}, {{"threads", -1}},   {{"no_such", 1}},
                        json::array({1})};
    for (const auto& p : bad) {
      try {
        EstimatorRegistry::create("xgboost", p);
        QFAIL(qPrintable(QString::fromStdString(p.dump())));
      } catch (const Error& error) {
        QCOMPARE(error.code(), ErrorCode::InvalidArgument);
        QVERIFY(error.message().rfind("xgboost", 0) == 0);
      }
    }
    const auto defaults = EstimatorRegistry::create("xgboost")->parameters();
    QCOMPARE(defaults["n_estimators"], json(100));
    QCOMPARE(defaults["max_depth"], json(6));
    QCOMPARE(defaults["learning_rate"], json(0.3));
    QVERIFY(defaults["early_stopping_rounds"].is_null());
    const auto fromText = EstimatorRegistry::create("xgboost", {{"n_estimators", "50"}, {"learning_rate", "0.1"}});
    QCOMPARE(fromText->parameters()["n_estimators"], json(50));
    QCOMPARE(EstimatorRegistry::create("xgboost", fromText->parameters())->parameters(), fromText->parameters());
  }
};

QTEST_APPLESS_MAIN(tst_XgboostModel)
#include "tst_XgboostModel.moc"
