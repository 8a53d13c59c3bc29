#include "widgets/tuning/TuningForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include "widgets/panels/HyperparameterHints.h"

namespace lathe::widgets {
namespace {

// The objectives offered; the engine checks that the task can be scored by the one chosen.
const QStringList kObjectives = {QStringLiteral("roc_auc"), QStringLiteral("accuracy"), QStringLiteral("balanced_accuracy"),
                                 QStringLiteral("f1"),      QStringLiteral("pr_auc"),   QStringLiteral("log_loss"),
                                 QStringLiteral("r2"),      QStringLiteral("rmse"),     QStringLiteral("mae")};

QSpinBox* spin(QWidget* parent, const char* name, int low, int high, int value) {
  auto* box = new QSpinBox(parent);
  box->setObjectName(QLatin1String(name));
  box->setRange(low, high);
  box->setValue(value);
  return box;
}

void select(QComboBox* box, const QString& data) {
  const int at = box->findData(data);
  if (at >= 0) box->setCurrentIndex(at);
}

}  // namespace

TuningForm::TuningForm(QWidget* parent)
    : QWidget(parent),
      form_(new QFormLayout(this)),
      mode_(new QComboBox(this)),
      target_(new QComboBox(this)),
      algorithm_(new QComboBox(this)),
      strategy_(new QComboBox(this)),
      objective_(new QComboBox(this)),
      trials_(spin(this, "tuningTrialCount", 1, 100000, 20)),
      budget_(spin(this, "tuningBudget", 0, 7 * 24 * 3600, 0)),
      folds_(spin(this, "tuningFolds", 2, 20, 5)),
      parallel_(spin(this, "tuningParallel", 1, 16, 2)),
      seed_(spin(this, "tuningSeed", 0, 2147483647, 0)),
      pruning_(new QCheckBox(this)),
      ensemble_(new QCheckBox(this)),
      name_(new QLineEdit(this)) {
  mode_->setObjectName(QStringLiteral("tuningMode"));
  target_->setObjectName(QStringLiteral("tuningTarget"));
  algorithm_->setObjectName(QStringLiteral("tuningAlgorithm"));
  strategy_->setObjectName(QStringLiteral("tuningStrategy"));
  objective_->setObjectName(QStringLiteral("tuningObjective"));
  pruning_->setObjectName(QStringLiteral("tuningPruning"));
  ensemble_->setObjectName(QStringLiteral("tuningEnsemble"));
  name_->setObjectName(QStringLiteral("tuningName"));
  mode_->addItem(QString(), false);
  mode_->addItem(QString(), true);
  for (const char* s : {"bayes", "random", "grid"}) strategy_->addItem(QString(), QString::fromLatin1(s));
  objective_->addItem(QString(), QString());
  for (const QString& name : kObjectives) objective_->addItem(name, name);
  pruning_->setChecked(true);
  ensemble_->setChecked(true);
  form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  for (QWidget* field : std::initializer_list<QWidget*>{mode_, target_, algorithm_, strategy_, trials_, budget_, objective_,
                                                        folds_, parallel_, seed_, pruning_, ensemble_, name_})
    form_->addRow(new QLabel(this), field);

  connect(mode_, &QComboBox::currentIndexChanged, this, [this] {
    updateRows();
    emit modeChanged(mode_->currentData().toBool());
    emit changed();
  });
  for (QComboBox* box : {target_, algorithm_, strategy_, objective_})
    connect(box, &QComboBox::currentIndexChanged, this, &TuningForm::changed);
  for (QSpinBox* box : {trials_, budget_, folds_, parallel_, seed_})
    connect(box, &QSpinBox::valueChanged, this, &TuningForm::changed);
  for (QCheckBox* box : {pruning_, ensemble_}) connect(box, &QCheckBox::toggled, this, &TuningForm::changed);
  connect(name_, &QLineEdit::textChanged, this, &TuningForm::changed);
  retranslate();
  updateRows();
}

void TuningForm::setAlgorithms(const QStringList& algorithms) {
  const QString keep = algorithm_->currentData().toString();
  const QSignalBlocker block(algorithm_);
  algorithm_->clear();
  for (const QString& id : algorithms) algorithm_->addItem(HyperparameterHints::algorithmLabel(id), id);
  select(algorithm_, keep.isEmpty() ? QStringLiteral("xgboost") : keep);
}

void TuningForm::setColumns(const QStringList& columns, const QString& suggestedTarget) {
  const QString keep = target_->currentText();
  const QSignalBlocker block(target_);
  target_->clear();
  target_->addItems(columns);
  if (columns.contains(keep)) target_->setCurrentText(keep);
  else if (columns.contains(suggestedTarget)) target_->setCurrentText(suggestedTarget);
  else target_->setCurrentIndex(columns.size() - 1);  // the last column is the class in most files
}

TuningSettings TuningForm::settings() const {
  TuningSettings s;
  s.automl = mode_->currentData().toBool();
  s.target = target_->currentText();
  s.algorithm = algorithm_->currentData().toString();
  s.strategy = strategy_->currentData().toString();
  s.objective = objective_->currentData().toString();
  s.trials = trials_->value();
  s.budgetSeconds = budget_->value();
  s.folds = folds_->value();
  s.parallel = parallel_->value();
  s.seed = static_cast<quint64>(seed_->value());
  s.pruning = pruning_->isChecked();
  s.ensemble = ensemble_->isChecked();
  s.name = name_->text().trimmed();
  return s;
}

void TuningForm::setSettings(const TuningSettings& s) {
  {
    const QSignalBlocker block(this);
    mode_->setCurrentIndex(s.automl ? 1 : 0);
    if (target_->findText(s.target) < 0 && !s.target.isEmpty()) target_->addItem(s.target);
    target_->setCurrentText(s.target);
    select(algorithm_, s.algorithm);
    select(strategy_, s.strategy);
    select(objective_, s.objective);
    trials_->setValue(s.trials);
    budget_->setValue(s.budgetSeconds);
    folds_->setValue(s.folds);
    parallel_->setValue(s.parallel);
    seed_->setValue(static_cast<int>(std::min<quint64>(s.seed, 2147483647)));
    pruning_->setChecked(s.pruning);
    ensemble_->setChecked(s.ensemble);
    name_->setText(s.name);
  }
  updateRows();
}

void TuningForm::setAutoMl(bool automl) { mode_->setCurrentIndex(automl ? 1 : 0); }

void TuningForm::setModeLocked(bool locked) { mode_->setEnabled(!locked); }

void TuningForm::updateRows() {
  const bool automl = mode_->currentData().toBool();
  for (QWidget* field : std::initializer_list<QWidget*>{algorithm_, strategy_, trials_, pruning_})
    form_->setRowVisible(field, !automl);
  form_->setRowVisible(ensemble_, automl);
  // AutoML is bounded by time alone; a tuning by trials, and by time only if asked.
  budget_->setMinimum(automl ? 5 : 0);
  if (automl && budget_->value() < 5) budget_->setValue(60);
  budget_->setSpecialValueText(automl ? QString() : tr("No limit"));
}

void TuningForm::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void TuningForm::retranslate() {
  mode_->setItemText(0, tr("Tune one algorithm"));
  mode_->setItemText(1, tr("AutoML: every algorithm"));
  strategy_->setItemText(0, tr("Bayesian (TPE)"));
  strategy_->setItemText(1, tr("Random"));
  strategy_->setItemText(2, tr("Grid"));
  objective_->setItemText(0, tr("Automatic (ROC AUC, accuracy or R²)"));
  budget_->setSuffix(tr(" s"));
  budget_->setSpecialValueText(mode_->currentData().toBool() ? QString() : tr("No limit"));
  pruning_->setText(tr("Stop poor trials early (median rule)"));
  ensemble_->setText(tr("Offer an ensemble of the top models"));
  name_->setPlaceholderText(tr("Named after the algorithm"));
  const auto label = [this](QWidget* field, const QString& text) {
    if (auto* l = qobject_cast<QLabel*>(form_->labelForField(field))) l->setText(text);
  };
  label(mode_, tr("Search:"));
  label(target_, tr("Predict:"));
  label(algorithm_, tr("Algorithm:"));
  label(strategy_, tr("Strategy:"));
  label(trials_, tr("Trials:"));
  label(budget_, tr("Time budget:"));
  label(objective_, tr("Objective:"));
  label(folds_, tr("Folds:"));
  label(parallel_, tr("Trials at once:"));
  label(seed_, tr("Seed:"));
  label(pruning_, QString());
  label(ensemble_, QString());
  label(name_, tr("Name:"));
  trials_->setToolTip(tr("How many hyperparameter settings to try"));
  budget_->setToolTip(tr("Stop after this many seconds; running trials finish first"));
  folds_->setToolTip(tr("Each trial is judged by k-fold cross-validation"));
}

}  // namespace lathe::widgets
