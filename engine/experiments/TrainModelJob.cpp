#include "engine/experiments/TrainModelJob.h"

#include <chrono>

#include "engine/core/Error.h"
#include "engine/eval/LearningCurve.h"
#include "engine/experiments/RunRecord.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/ImputedEstimator.h"
#include "engine/ml/MultilayerPerceptron.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"

namespace lathe::experiments {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

const ml::Estimator& unwrapped(const ml::Estimator& estimator) {
  if (const auto* imputed = dynamic_cast<const ml::ImputedEstimator*>(&estimator)) return imputed->inner();
  return estimator;
}

// The loss per epoch of the final fit, for estimators that keep one.
void addTrainingCurve(store::ExperimentRun& run, const ml::Estimator& estimator) {
  const auto* mlp = dynamic_cast<const ml::MultilayerPerceptron*>(&unwrapped(estimator));
  if (!mlp || mlp->lossCurve().empty()) return;
  store::RunCurve curve{"training", "train", "loss", {}, mlp->lossCurve(), {}};
  for (std::size_t epoch = 1; epoch <= curve.y.size(); ++epoch) curve.x.push_back(static_cast<double>(epoch));
  run.curves.push_back(std::move(curve));
}

}  // namespace

TrainModelJob::TrainModelJob(std::shared_ptr<const store::Project> project, TrainingRequest request)
    : project_(std::move(project)), request_(std::move(request)) {}

std::string TrainModelJob::name() const { return "Train " + request_.algorithm + " to predict " + request_.target; }

void TrainModelJob::run(jobs::JobContext& context) {
  const auto started = Clock::now();
  if (request_.target.empty()) throw Error(ErrorCode::InvalidArgument, "choose the target column to predict");
  if (project_) project_->requireWritable();
  auto prototype = ml::EstimatorRegistry::create(request_.algorithm, request_.parameters);
  std::shared_ptr<const data::Table> table = request_.table;
  if (!table && project_ && request_.datasetVersionId) {
    // The version is read here, on the job's thread and connection, never on the GUI's.
    store::Database db = project_->connect();
    const auto loading = context.subRange(0.0, 0.05);
    table = std::make_shared<const data::Table>(store::DatasetRepository(db).loadTable(*request_.datasetVersionId, {}, &loading));
  }
  if (!table) throw Error(ErrorCode::InvalidArgument, "there is no data to train on");
  const auto encoder = ml::FeatureEncoder::fit(*table, request_.target, request_.features,
                                               ml::EstimatorRegistry::categoriesFor(request_.algorithm),
                                               request_.targetKind);
  const ml::TrainingData data = encoder.encodeTraining(*table);
  if (!prototype->supports(data.task))
    throw Error(ErrorCode::InvalidArgument, request_.algorithm + " cannot learn a " + std::string(ml::taskName(data.task)) +
                                                " task (target '" + request_.target + "')");
  context.throwIfStopped();

  store::ExperimentRun run;
  run.name = request_.runName.empty() ? request_.algorithm : request_.runName;
  run.algorithm = request_.algorithm;
  run.task = ml::taskName(data.task);
  run.status = store::RunStatus::Finished;
  run.datasetVersionId = request_.datasetVersionId;
  run.recipeHash = request_.recipeHash;
  run.lineageJson = request_.lineageJson;
  run.target = request_.target;
  run.seed = static_cast<std::int64_t>(request_.validation.seed);
  run.parametersJson = prototype->parameters().dump();
  nlohmann::json validation = request_.validation.toJson();
  nlohmann::json timings = nlohmann::json::object();

  // 1. How well it generalises.
  auto phase = Clock::now();
  const auto& scheme = request_.validation;
  if (scheme.kind == ValidationScheme::Kind::CrossValidation) {
    eval::CrossValidationOptions options;
    options.split = {scheme.folds, true, scheme.seed};
    const auto cv = eval::CrossValidation::run(*prototype, data, options, context.subRange(0.05, 0.6));
    RunRecord::addMetrics(run, cv.metrics, "cv");
    RunRecord::addPooledMetrics(run, cv.outOfFold, "out_of_fold");
    RunRecord::addCharts(run, cv.outOfFold, data.classes, "cv");
    warnings_.insert(warnings_.end(), cv.warnings.begin(), cv.warnings.end());
  } else {
    eval::HoldoutOptions options{scheme.validationFraction, scheme.testFraction, scheme.seed};
    const auto holdout = eval::CrossValidation::holdout(*prototype, data, options, {}, context.subRange(0.05, 0.6));
    RunRecord::addMetrics(run, holdout.testMetrics, "test");
    RunRecord::addMetrics(run, holdout.validationMetrics, "validation");
    RunRecord::addCharts(run, holdout.test, data.classes, "test");
    warnings_.insert(warnings_.end(), holdout.warnings.begin(), holdout.warnings.end());
  }
  timings["evaluation"] = secondsSince(phase);

  // 2. Whether more data or a simpler model would help.
  if (request_.learningCurve) {
    phase = Clock::now();
    try {
      eval::LearningCurveOptions options;
      options.split = {std::min<std::size_t>(scheme.folds, 5), true, scheme.seed};
      const auto curve = eval::LearningCurve::compute(*prototype, data, options, context.subRange(0.6, 0.8));
      RunRecord::addLearningCurve(run, curve);
      validation["learning_curve"] = {{"verdict", curve.verdict.verdict == eval::BiasVariance::Underfit ? "underfit"
                                                  : curve.verdict.verdict == eval::BiasVariance::Overfit ? "overfit"
                                                                                                         : "balanced"},
                                      {"metric", curve.metric},
                                      {"train_score", curve.verdict.trainScore},
                                      {"validation_score", curve.verdict.validationScore},
                                      {"explanation", curve.verdict.explanation}};
    } catch (const Error& e) {
      warnings_.push_back("no learning curve: " + e.message());
    }
    timings["learning_curve"] = secondsSince(phase);
  }

  // 3. The model to keep: fitted on every row.
  phase = Clock::now();
  TrainedModel model{encoder, prototype->clone()};
  model.estimator->fit(data, context.subRange(0.8, 1.0));
  timings["final_fit"] = secondsSince(phase);
  const auto importances = model.estimator->featureImportances();
  for (std::size_t f = 0; f < importances.size() && f < data.x.cols(); ++f)
    run.featureImportances.push_back({data.x.names()[f], importances[f]});
  addTrainingCurve(run, *model.estimator);
  run.validationJson = validation.dump();
  run.timingsJson = timings.dump();
  run.durationSeconds = secondsSince(started);
  context.throwIfStopped();

  if (project_) {
    const std::string bytes = model.serialize();
    store::ModelArtifact artifact{std::string(TrainedModel::kFormat), std::vector<std::uint8_t>(bytes.begin(), bytes.end())};
    store::Database db = project_->connect();
    store::RunRepository runs(db);
    run.id = runs.add(run, &artifact);
  }
  context.progress(1.0, "Trained");
  run_ = std::move(run);
}

}  // namespace lathe::experiments
