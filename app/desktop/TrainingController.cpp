#include "app/desktop/TrainingController.h"

#include <QStringList>

#include "app/document/ProjectDocument.h"
#include "engine/core/Error.h"
#include "engine/experiments/TrainModelJob.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/FeatureEncoder.h"
#include "widgets/panels/HyperparameterHints.h"
#include "widgets/panels/NodeEditingBanner.h"
#include "widgets/panels/TrainingPanel.h"

namespace lathe::app {

namespace {

using widgets::TrainingPanel;

ml::FeatureEncoder::TargetKind engineKind(TrainingPanel::TargetKind kind) {
  switch (kind) {
    case TrainingPanel::TargetKind::Classes: return ml::FeatureEncoder::TargetKind::Classes;
    case TrainingPanel::TargetKind::Values: return ml::FeatureEncoder::TargetKind::Values;
    case TrainingPanel::TargetKind::Detect: break;
  }
  return ml::FeatureEncoder::TargetKind::Detect;
}

QString taskText(ml::Task task) {
  const auto name = ml::taskName(task);
  return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QStringList columnNames(const data::Table* table) {
  QStringList names;
  if (table)
    for (const auto& column : table->columns()) names << QString::fromStdString(column->name());
  return names;
}

// The supervised algorithms the panel offers, with the engine's defaults and what each learns.
std::vector<widgets::TrainingAlgorithm> supervisedAlgorithms() {
  std::vector<widgets::TrainingAlgorithm> out;
  for (const char* id : {"logistic", "linear", "tree", "forest", "xgboost", "knn", "naive_bayes", "mlp"}) {
    const auto estimator = ml::EstimatorRegistry::create(id);
    QStringList tasks;
    for (auto task : {ml::Task::Binary, ml::Task::Multiclass, ml::Task::Regression})
      if (estimator->supports(task)) tasks << taskText(task);
    out.push_back({QString::fromLatin1(id), estimator->parameters(), tasks});
  }
  return out;
}

}  // namespace

TrainingController::TrainingController(ProjectDocument* document, JobManager* jobs, TrainingPanel* panel,
                                       QObject* parent)
    : QObject(parent), document_(document), jobs_(jobs), panel_(panel) {
  panel_->setAlgorithms(supervisedAlgorithms());
  connect(panel_, &TrainingPanel::trainRequested, this, &TrainingController::train);
  connect(panel_, &TrainingPanel::cancelRequested, this, [this] {
    if (job_ != 0) jobs_->cancel(job_);
  });
  connect(panel_, &TrainingPanel::targetChanged, this, &TrainingController::detectTask);
  connect(panel_->nodeBanner(), &widgets::NodeEditingBanner::applyRequested, this, [this] {
    if (nodeId_ != 0) emit nodeApplyRequested(nodeId_);
  });
  connect(panel_->nodeBanner(), &widgets::NodeEditingBanner::doneRequested, this, [this] {
    if (nodeId_ == 0) return;
    emit nodeEditingEnded(nodeId_);
    leaveNode();
  });
  // Another version picked in the panel: the window shows it, and its rows come back through setSource.
  connect(panel_, &TrainingPanel::datasetChanged, this, &TrainingController::datasetRequested);
  connect(document_, &ProjectDocument::contentChanged, this, &TrainingController::refreshDatasets);
  connect(document_, &ProjectDocument::projectChanged, this, &TrainingController::refreshDatasets);
  connect(jobs_, &JobManager::jobProgress, this, [this](JobManager::JobId id, double fraction, const QString& message) {
    if (id == job_) panel_->setProgress(fraction, message);
  });
  connect(jobs_, &JobManager::jobCurvePoints, this,
          [this](JobManager::JobId id, const QVector<JobCurvePoint>& points) {
            if (id != job_) return;
            for (const auto& p : points) panel_->addCurvePoint(p.series, p.x, p.y);
          });
}

void TrainingController::setSource(std::shared_ptr<const data::Table> table, qint64 versionId, bool keepEditedNode) {
  table_ = std::move(table);
  versionId_ = versionId;
  if (nodeId_ != 0 && keepEditedNode) return;
  if (nodeId_ != 0) {
    // Another dataset shown: the user has moved on from the node (which keeps what changed).
    emit nodeEditingEnded(nodeId_);
    leaveNode();
    return;
  }
  showSource();
}

void TrainingController::showSource() {
  refreshDatasets();
  panel_->setColumns(columnNames(table_.get()));
  detectTask();
}

void TrainingController::editNode(int nodeId, const QString& title, std::shared_ptr<const data::Table> input,
                                  const nlohmann::json& parameters) {
  nodeId_ = nodeId;
  nodeTitle_ = title;
  nodeTable_ = std::move(input);
  nodeParameters_ = parameters;
  panel_->setNodeEditing(title);
  const QString target = QString::fromStdString(parameters.value("target", std::string()));
  QStringList columns = columnNames(nodeTable_.get());
  if (columns.isEmpty() && !target.isEmpty()) columns << target;  // nothing linked yet: keep the node's
  panel_->setColumns(columns, target);
  if (columns.contains(target)) panel_->setTarget(target);
  panel_->setTargetKind(TrainingPanel::TargetKind::Detect);
  detectTask();
  panel_->setAlgorithm(QString::fromStdString(parameters.value("algorithm", std::string())));
  panel_->setParameters(parameters.value("parameters", nlohmann::json::object()));
  const nlohmann::json validation = parameters.value("validation", nlohmann::json::object());
  widgets::TrainingValidation shown;
  if (validation.is_object()) {
    shown.crossValidation = validation.value("scheme", std::string("cv")) != "holdout";
    shown.folds = validation.value("folds", 5);
    shown.testFraction = validation.value("test_fraction", 0.25);
    shown.validationFraction = validation.value("validation_fraction", 0.0);
  }
  const nlohmann::json seed = parameters.value("seed", nlohmann::json());
  shown.seed = seed.is_number_unsigned() ? seed.get<quint64>() : 0;
  panel_->setValidation(shown);
  panel_->setLearningCurve(parameters.value("learning_curve", true));
  panel_->setStatus(tr("The node trains on what reaches it in the pipeline; Apply to node keeps these choices."));
  shownParameters_ = nodeParameters();
}

nlohmann::json TrainingController::nodeParameters() const {
  nlohmann::json out = nodeParameters_.is_object() ? nodeParameters_ : nlohmann::json::object();
  out["algorithm"] = panel_->algorithm().toStdString();
  out["target"] = panel_->target().toStdString();
  out["parameters"] = panel_->parameters();
  const auto validation = panel_->validation();
  if (validation.crossValidation)
    out["validation"] = {{"scheme", "cv"}, {"folds", validation.folds}};
  else
    out["validation"] = {{"scheme", "holdout"},
                         {"test_fraction", validation.testFraction},
                         {"validation_fraction", validation.validationFraction}};
  // A node without its own seed follows the pipeline's; it gets one only when the user sets one.
  const nlohmann::json seed = nodeParameters_.value("seed", nlohmann::json());
  if (!seed.is_null() || validation.seed != 0) out["seed"] = validation.seed;
  out["learning_curve"] = panel_->learningCurve();
  return out;
}

void TrainingController::showNodeParameters(const nlohmann::json& parameters) {
  if (nodeId_ != 0 && parameters != nodeParameters_) editNode(nodeId_, nodeTitle_, nodeTable_, parameters);
}

bool TrainingController::nodeChanged() const { return nodeId_ != 0 && nodeParameters() != shownParameters_; }

QString TrainingController::nodeProblem() const { return panel_->problem(); }

void TrainingController::nodeApplied(const nlohmann::json& parameters) {
  nodeParameters_ = parameters;
  shownParameters_ = nodeParameters();
}

void TrainingController::leaveNode() {
  if (nodeId_ == 0) return;
  nodeId_ = 0;
  nodeTable_.reset();
  nodeParameters_ = shownParameters_ = nlohmann::json();
  panel_->clearNodeEditing();
  panel_->setStatus({});
  showSource();
}

void TrainingController::refreshDatasets() {
  QList<QPair<qint64, QString>> versions;
  for (const auto& dataset : document_->datasets())
    for (const auto& version : dataset.versions)
      versions.append({version.id, tr("%1 v%2").arg(QString::fromStdString(dataset.name)).arg(version.version)});
  panel_->setDatasets(versions, versionId_);
}

void TrainingController::detectTask() {
  const data::Table* table = nodeId_ != 0 ? nodeTable_.get()
                             : panel_->datasetVersionId() == versionId_ ? table_.get()
                                                                         : nullptr;
  if (!table || panel_->target().isEmpty()) {
    panel_->setDetectedTask({});
    return;
  }
  try {
    const auto task = ml::FeatureEncoder::taskOf(*table, panel_->target().toStdString(),
                                                 engineKind(TrainingPanel::TargetKind::Detect));
    panel_->setDetectedTask(taskText(task));
    panel_->setStatus({});
  } catch (const Error& e) {
    panel_->setDetectedTask({});
    panel_->setStatus(QString::fromStdString(e.message()));
  }
}

void TrainingController::train() {
  if (job_ != 0 || !document_->hasProject() || nodeId_ != 0) return;
  experiments::TrainingRequest request;
  request.datasetVersionId = panel_->datasetVersionId();
  if (panel_->datasetVersionId() == versionId_) request.table = table_;
  request.target = panel_->target().toStdString();
  request.targetKind = engineKind(panel_->targetKind());
  request.algorithm = panel_->algorithm().toStdString();
  request.parameters = panel_->parameters();
  const auto validation = panel_->validation();
  request.validation.kind = validation.crossValidation ? experiments::ValidationScheme::Kind::CrossValidation
                                                       : experiments::ValidationScheme::Kind::Holdout;
  request.validation.folds = static_cast<std::size_t>(validation.folds);
  request.validation.testFraction = validation.testFraction;
  request.validation.validationFraction = validation.validationFraction;
  request.validation.seed = validation.seed;
  request.learningCurve = panel_->learningCurve();
  for (const auto& dataset : document_->datasets())
    for (const auto& version : dataset.versions)
      if (version.id == request.datasetVersionId) request.recipeHash = version.origin.recipeHash;
  const QString name = panel_->runName().isEmpty()
                           ? tr("%1 #%2").arg(widgets::HyperparameterHints::algorithmLabel(panel_->algorithm()))
                                 .arg(document_->runCount() + 1)
                           : panel_->runName();
  request.runName = name.toStdString();

  auto job = std::make_shared<experiments::TrainModelJob>(document_->project(), std::move(request));
  panel_->setRunning(true);
  panel_->setStatus(tr("Training %1…").arg(name));
  const std::weak_ptr<int> alive = alive_;
  auto ended = std::make_shared<bool>(false);  // finished or failed; neither means cancelled
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, alive, job, name, ended] {
    if (alive.expired()) return;
    *ended = true;
    panel_->setProgress(1.0, {});
    const auto& run = job->result();
    QString headline;
    if (!run.metrics.empty())
      headline = tr("%1 %2 (%3)")
                     .arg(QString::fromStdString(run.metrics.front().name))
                     .arg(run.metrics.front().value, 0, 'f', 4)
                     .arg(QString::fromStdString(run.metrics.front().split));
    panel_->setStatus(tr("Trained %1: %2 in %3 s").arg(name, headline).arg(run.durationSeconds, 0, 'f', 1));
    document_->notifyContentChanged();
    emit trained(run.id);
  };
  callbacks.failed = [this, alive, ended](const QString& error) {
    if (alive.expired()) return;
    *ended = true;
    panel_->setStatus(tr("Training failed: %1").arg(error));
  };
  callbacks.ended = [this, alive, ended] {
    if (alive.expired()) return;
    if (!*ended) panel_->setStatus(tr("Training cancelled; nothing was stored."));
    job_ = 0;
    panel_->setRunning(false);
  };
  job_ = jobs_->submit(job, tr("Train %1").arg(name), std::move(callbacks));
}

}  // namespace lathe::app
