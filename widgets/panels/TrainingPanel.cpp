#include "widgets/panels/TrainingPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>
#include <iterator>
#include <qcustomplot.h>

#include "widgets/charts/ChartStyle.h"
#include "widgets/panels/HyperparameterForm.h"
#include "widgets/panels/HyperparameterHints.h"
#include "widgets/panels/NodeEditingBanner.h"

namespace lathe::widgets {

namespace {

// The validation choices, in the combo's order.
struct ValidationChoice {
  bool cv;
  int folds;
  double test;
  double validation;
};
constexpr ValidationChoice kValidations[] = {
    {true, 5, 0, 0}, {true, 10, 0, 0}, {true, 3, 0, 0}, {false, 0, 0.25, 0}, {false, 0, 0.2, 0.2}};

// Trees and boosting split around missing values themselves; the others need them filled.
bool handlesMissing(const QString& algorithm) {
  return algorithm == QLatin1String("tree") || algorithm == QLatin1String("forest") ||
         algorithm == QLatin1String("xgboost");
}

QLabel* addRow(QFormLayout* form, QWidget* field, QList<QLabel*>& labels) {
  auto* label = new QLabel(field->parentWidget());
  label->setBuddy(field);
  labels.push_back(label);
  form->addRow(label, field);
  return label;
}

}  // namespace

TrainingPanel::TrainingPanel(QWidget* parent)
    : QWidget(parent),
      dataset_(new QComboBox(this)),
      target_(new QComboBox(this)),
      kind_(new QComboBox(this)),
      detected_(new QLabel(this)),
      algorithm_(new QComboBox(this)),
      algorithmHelp_(new QLabel(this)),
      form_(new HyperparameterForm(this)),
      impute_(new QCheckBox(this)),
      validation_(new QComboBox(this)),
      seed_(new QSpinBox(this)),
      learningCurve_(new QCheckBox(this)),
      runName_(new QLineEdit(this)),
      train_(new QPushButton(this)),
      cancel_(new QPushButton(this)),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this)),
      curve_(new QCustomPlot(this)),
      banner_(new NodeEditingBanner(this)) {
  setObjectName(QStringLiteral("trainingPanel"));
  dataset_->setObjectName(QStringLiteral("datasetCombo"));
  target_->setObjectName(QStringLiteral("targetCombo"));
  kind_->setObjectName(QStringLiteral("taskCombo"));
  detected_->setObjectName(QStringLiteral("detectedTask"));
  algorithm_->setObjectName(QStringLiteral("algorithmCombo"));
  impute_->setObjectName(QStringLiteral("imputeCheck"));
  validation_->setObjectName(QStringLiteral("validationCombo"));
  seed_->setObjectName(QStringLiteral("seedSpin"));
  learningCurve_->setObjectName(QStringLiteral("learningCurveCheck"));
  runName_->setObjectName(QStringLiteral("runNameEdit"));
  train_->setObjectName(QStringLiteral("trainButton"));
  cancel_->setObjectName(QStringLiteral("cancelButton"));
  progress_->setObjectName(QStringLiteral("trainingProgress"));
  status_->setObjectName(QStringLiteral("trainingStatus"));
  curve_->setObjectName(QStringLiteral("liveCurve"));

  algorithmHelp_->setWordWrap(true);
  detected_->setWordWrap(true);
  status_->setWordWrap(true);
  seed_->setRange(0, 2147483647);
  learningCurve_->setChecked(true);
  progress_->setRange(0, 1000);
  progress_->setTextVisible(false);
  cancel_->setEnabled(false);
  curve_->setMinimumHeight(120);
  curve_->legend->setVisible(true);
  curve_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  ChartStyle::apply(curve_);

  auto* content = new QWidget(this);
  auto* column = new QVBoxLayout(content);
  auto* dataBox = new QGroupBox(content);
  dataBox->setObjectName(QStringLiteral("dataGroup"));
  auto* dataForm = new QFormLayout(dataBox);
  addRow(dataForm, dataset_, labels_);
  addRow(dataForm, target_, labels_);
  addRow(dataForm, kind_, labels_);
  dataForm->addRow(detected_);
  auto* modelBox = new QGroupBox(content);
  modelBox->setObjectName(QStringLiteral("modelGroup"));
  auto* modelForm = new QFormLayout(modelBox);
  addRow(modelForm, algorithm_, labels_);
  modelForm->addRow(algorithmHelp_);
  modelForm->addRow(form_);
  modelForm->addRow(impute_);
  auto* checkBox = new QGroupBox(content);
  checkBox->setObjectName(QStringLiteral("validationGroup"));
  auto* checkForm = new QFormLayout(checkBox);
  addRow(checkForm, validation_, labels_);
  addRow(checkForm, seed_, labels_);
  checkForm->addRow(learningCurve_);
  addRow(checkForm, runName_, labels_);
  column->addWidget(dataBox);
  column->addWidget(modelBox);
  column->addWidget(checkBox);
  column->addStretch();
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(train_, 1);
  buttons->addWidget(cancel_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(banner_);
  layout->addWidget(scroll, 1);
  layout->addLayout(buttons);
  layout->addWidget(progress_);
  layout->addWidget(status_);
  layout->addWidget(curve_);

  connect(train_, &QPushButton::clicked, this, [this] {
    if (const QString why = problem(); !why.isEmpty()) {
      setStatus(why);
      return;
    }
    emit trainRequested();
  });
  connect(cancel_, &QPushButton::clicked, this, &TrainingPanel::cancelRequested);
  connect(dataset_, &QComboBox::activated, this, [this] { emit datasetChanged(datasetVersionId()); });
  connect(target_, &QComboBox::activated, this, &TrainingPanel::targetChanged);
  connect(kind_, &QComboBox::activated, this, [this] {
    fillAlgorithms();
    emit targetChanged();
  });
  connect(algorithm_, &QComboBox::currentIndexChanged, this, &TrainingPanel::showAlgorithm);
  retranslate();
}

void TrainingPanel::retranslate() {
  const QStringList labels = {tr("Dataset"),    tr("Target"), tr("Problem type"), tr("Algorithm"),
                              tr("Validation"), tr("Seed"),   tr("Run name")};
  for (int i = 0; i < labels_.size() && i < labels.size(); ++i) labels_[i]->setText(labels[i]);
  findChild<QGroupBox*>(QStringLiteral("dataGroup"))->setTitle(tr("Data"));
  findChild<QGroupBox*>(QStringLiteral("modelGroup"))->setTitle(tr("Model"));
  findChild<QGroupBox*>(QStringLiteral("validationGroup"))->setTitle(tr("Validation"));
  const int kind = std::max(0, kind_->currentIndex());
  kind_->clear();
  kind_->addItems({tr("Detect automatically"), tr("Classification (classes)"), tr("Regression (values)")});
  kind_->setCurrentIndex(kind);
  const int validation = std::max(0, validation_->currentIndex());
  validation_->clear();
  validation_->addItems({tr("5-fold cross-validation"), tr("10-fold cross-validation"), tr("3-fold cross-validation"),
                         tr("Holdout: 25% test"), tr("Holdout: 60% train, 20% validation, 20% test")});
  if (customValidation_) validation_->addItem(validationText(*customValidation_));
  validation_->setCurrentIndex(std::min(validation, validation_->count() - 1));
  impute_->setText(tr("Fill missing values (median, or the most frequent category)"));
  impute_->setToolTip(tr("Learned from the training rows of each fold, as scikit-learn's SimpleImputer."));
  learningCurve_->setText(tr("Draw the learning curve (bias/variance verdict)"));
  learningCurve_->setToolTip(tr("Fits again on growing shares of the rows: slower, but tells whether more data would help."));
  runName_->setPlaceholderText(tr("Automatic"));
  train_->setText(tr("Train"));
  cancel_->setText(tr("Cancel"));
  setDetectedTask(detectedTask_);
  for (int i = 0; i < algorithm_->count(); ++i) {
    algorithm_->setItemText(i, HyperparameterHints::algorithmLabel(algorithm_->itemData(i).toString()));
    algorithm_->setItemData(i, HyperparameterHints::algorithmToolTip(algorithm_->itemData(i).toString()), Qt::ToolTipRole);
  }
  showAlgorithm();
  curve_->xAxis->setLabel(tr("Step"));
  curve_->replot();
}

void TrainingPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void TrainingPanel::setDatasets(const QList<QPair<qint64, QString>>& versions, qint64 current) {
  const QSignalBlocker block(dataset_);
  dataset_->clear();
  for (const auto& [id, name] : versions) dataset_->addItem(name, id);
  const int index = dataset_->findData(current);
  dataset_->setCurrentIndex(index >= 0 ? index : dataset_->count() - 1);
}

void TrainingPanel::setColumns(const QStringList& columns, const QString& suggestedTarget) {
  const QString keep = target_->currentText();
  const QSignalBlocker block(target_);
  target_->clear();
  target_->addItems(columns);
  if (columns.contains(keep)) target_->setCurrentText(keep);
  else if (columns.contains(suggestedTarget)) target_->setCurrentText(suggestedTarget);
  else target_->setCurrentIndex(columns.size() - 1);
}

void TrainingPanel::setAlgorithms(std::vector<TrainingAlgorithm> algorithms) {
  algorithms_ = std::move(algorithms);
  fillAlgorithms();
}

void TrainingPanel::fillAlgorithms() {
  const QString keep = algorithm();
  const QString task = effectiveTask();
  const QSignalBlocker block(algorithm_);
  algorithm_->clear();
  for (const auto& a : algorithms_) {
    if (!task.isEmpty() && !a.tasks.contains(task)) continue;
    algorithm_->addItem(HyperparameterHints::algorithmLabel(a.id), a.id);
    algorithm_->setItemData(algorithm_->count() - 1, HyperparameterHints::algorithmToolTip(a.id), Qt::ToolTipRole);
  }
  const int index = algorithm_->findData(keep);
  algorithm_->setCurrentIndex(index >= 0 ? index : 0);
  showAlgorithm();
}

void TrainingPanel::showAlgorithm() {
  const QString id = algorithm();
  for (const auto& a : algorithms_)
    if (a.id == id) {
      if (form_->property("algorithm").toString() != id) {
        form_->setAlgorithm(id, a.defaults);
        form_->setProperty("algorithm", id);
        impute_->setChecked(!handlesMissing(id));
      }
      break;
    }
  algorithmHelp_->setText(HyperparameterHints::algorithmToolTip(id));
}

void TrainingPanel::setDetectedTask(const QString& task) {
  detectedTask_ = task;
  QString text;
  if (task == QLatin1String("binary")) text = tr("Detected: binary classification (two classes).");
  else if (task == QLatin1String("multiclass")) text = tr("Detected: multiclass classification.");
  else if (task == QLatin1String("regression")) text = tr("Detected: regression (predicting a value).");
  else if (!task.isEmpty()) text = task;
  detected_->setText(text);
  fillAlgorithms();
}

QString TrainingPanel::effectiveTask() const {
  switch (targetKind()) {
    case TargetKind::Values: return QStringLiteral("regression");
    case TargetKind::Classes:
      return detectedTask_ == QLatin1String("multiclass") ? detectedTask_ : QStringLiteral("binary");
    case TargetKind::Detect: break;
  }
  return detectedTask_;
}

qint64 TrainingPanel::datasetVersionId() const { return dataset_->currentData().toLongLong(); }
QString TrainingPanel::target() const { return target_->currentText(); }
TrainingPanel::TargetKind TrainingPanel::targetKind() const { return static_cast<TargetKind>(std::max(0, kind_->currentIndex())); }
QString TrainingPanel::algorithm() const { return algorithm_->currentData().toString(); }

nlohmann::json TrainingPanel::parameters() const {
  nlohmann::json values = form_->changedValues();
  if (impute_->isChecked()) values["impute"] = "median";
  return values;
}

QString TrainingPanel::problem() const {
  if (target().isEmpty()) return tr("Choose the column to predict first.");
  if (algorithm().isEmpty()) return tr("No algorithm can learn this problem type.");
  return form_->problem();
}

TrainingValidation TrainingPanel::validation() const {
  const int index = validation_->currentIndex();
  if (customValidation_ && index == static_cast<int>(std::size(kValidations))) {
    TrainingValidation custom = *customValidation_;
    custom.seed = static_cast<quint64>(seed_->value());
    return custom;
  }
  const auto& choice = kValidations[std::clamp(index, 0, static_cast<int>(std::size(kValidations)) - 1)];
  return {choice.cv, choice.folds, choice.test, choice.validation, static_cast<quint64>(seed_->value())};
}

void TrainingPanel::setValidation(const TrainingValidation& validation) {
  seed_->setValue(static_cast<int>(std::min<quint64>(validation.seed, 2147483647)));
  const bool hadCustom = customValidation_.has_value();
  customValidation_.reset();
  for (std::size_t i = 0; i < std::size(kValidations); ++i) {
    const auto& c = kValidations[i];
    const bool same = c.cv == validation.crossValidation &&
                      (c.cv ? c.folds == validation.folds
                            : c.test == validation.testFraction && c.validation == validation.validationFraction);
    if (same) {
      if (hadCustom) retranslate();  // drops the custom entry
      validation_->setCurrentIndex(static_cast<int>(i));
      return;
    }
  }
  // A scheme the list does not offer (a node's 7 folds): shown as one more entry, kept as it is.
  customValidation_ = validation;
  retranslate();
  validation_->setCurrentIndex(static_cast<int>(std::size(kValidations)));
}

QString TrainingPanel::validationText(const TrainingValidation& v) {
  const QLocale locale;
  if (v.crossValidation) return tr("%1-fold cross-validation").arg(v.folds);
  if (v.validationFraction > 0)
    return tr("Holdout: %1% validation, %2% test")
        .arg(locale.toString(v.validationFraction * 100, 'g', 3), locale.toString(v.testFraction * 100, 'g', 3));
  return tr("Holdout: %1% test").arg(locale.toString(v.testFraction * 100, 'g', 3));
}

void TrainingPanel::setParameters(const nlohmann::json& values) {
  nlohmann::json own = values.is_object() ? values : nlohmann::json::object();
  impute_->setChecked(own.contains("impute") && !own["impute"].is_null());
  own.erase("impute");
  form_->reset();
  form_->setValues(own);
}

void TrainingPanel::setSeed(quint64 seed) { seed_->setValue(static_cast<int>(std::min<quint64>(seed, 2147483647))); }
void TrainingPanel::setLearningCurve(bool on) { learningCurve_->setChecked(on); }

void TrainingPanel::setNodeEditing(const QString& nodeTitle) {
  banner_->setNodeTitle(nodeTitle);
  // The node's data comes from the pipeline, and its runs are named after it.
  dataset_->setEnabled(false);
  runName_->setEnabled(false);
  train_->hide();
  cancel_->hide();
  // What the last training drew is not this node's.
  progress_->setValue(0);
  curve_->clearGraphs();
  curve_->replot();
}

void TrainingPanel::clearNodeEditing() {
  banner_->clear();
  dataset_->setEnabled(true);
  runName_->setEnabled(true);
  train_->show();
  cancel_->show();
  if (customValidation_) {
    customValidation_.reset();
    retranslate();
  }
}

bool TrainingPanel::isEditingNode() const { return !banner_->isHidden(); }

bool TrainingPanel::learningCurve() const { return learningCurve_->isChecked(); }
QString TrainingPanel::runName() const { return runName_->text().trimmed(); }

void TrainingPanel::setRunning(bool running) {
  running_ = running;
  train_->setEnabled(!running);
  cancel_->setEnabled(running);
  if (running) {
    progress_->setValue(0);
    curve_->clearGraphs();
    curve_->replot();
  }
}

void TrainingPanel::setProgress(double fraction, const QString& message) {
  progress_->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
  if (!message.isEmpty()) status_->setText(message);
}

void TrainingPanel::addCurvePoint(const QString& series, double x, double y) {
  QCPGraph* graph = nullptr;
  for (int i = 0; i < curve_->graphCount(); ++i)
    if (curve_->graph(i)->name() == series) graph = curve_->graph(i);
  if (!graph) {
    graph = curve_->addGraph();
    graph->setName(series);
    graph->setPen(QPen(ChartStyle::seriesColor(curve_->graphCount() - 1), 2));
  }
  if (!graph->data()->isEmpty() && x <= (graph->data()->constEnd() - 1)->key) graph->data()->clear();
  graph->addData(x, y);
  curve_->rescaleAxes();
  curve_->replot(QCustomPlot::rpQueuedReplot);
}

int TrainingPanel::curvePointCount() const {
  int count = 0;
  for (int i = 0; i < curve_->graphCount(); ++i) count += curve_->graph(i)->dataCount();
  return count;
}

void TrainingPanel::setStatus(const QString& text) { status_->setText(text); }
QString TrainingPanel::status() const { return status_->text(); }

void TrainingPanel::setAlgorithm(const QString& id) {
  const int index = algorithm_->findData(id);
  if (index >= 0) algorithm_->setCurrentIndex(index);
}

void TrainingPanel::setTarget(const QString& column) { target_->setCurrentText(column); }
void TrainingPanel::setTargetKind(TargetKind kind) {
  kind_->setCurrentIndex(static_cast<int>(kind));
  fillAlgorithms();
}
void TrainingPanel::setValidationIndex(int index) { validation_->setCurrentIndex(index); }

}  // namespace lathe::widgets
