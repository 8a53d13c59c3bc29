#include "widgets/monitor/ScheduleDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "widgets/monitor/MonitorFormat.h"

namespace lathe::widgets {
namespace {

constexpr int kMinutesPerHour = 60;
constexpr int kMinutesPerDay = 24 * 60;
enum Unit { Minutes, Hours, Days };

QWidget* row(QWidget* parent, std::initializer_list<std::pair<QWidget*, int>> widgets) {
  auto* box = new QWidget(parent);
  auto* layout = new QHBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  for (const auto& [widget, stretch] : widgets) layout->addWidget(widget, stretch);
  return box;
}

QComboBox* editableCombo(const QString& placeholder, QWidget* parent) {
  auto* combo = new QComboBox(parent);
  combo->setEditable(true);
  combo->setInsertPolicy(QComboBox::NoInsert);
  combo->lineEdit()->setPlaceholderText(placeholder);
  return combo;
}

void replaceItems(QComboBox* combo, const QStringList& items) {
  const QString text = combo->currentText();  // what the user typed or chose stays
  combo->clear();
  combo->addItem(QString());  // nothing: a valid choice in these fields
  combo->addItems(items);
  combo->setCurrentText(text);
}

}  // namespace

ScheduleDialog::ScheduleDialog(QWidget* parent)
    : QDialog(parent),
      name_(new QLineEdit(this)),
      baseline_(new QComboBox(this)),
      sourceKind_(new QComboBox(this)),
      sourcePages_(new QStackedWidget(this)),
      file_(new QLineEdit(this)),
      dataset_(new QComboBox(this)),
      endpoint_(new QComboBox(this)),
      windowHours_(new QDoubleSpinBox(this)),
      model_(editableCombo(tr("none"), this)),
      labels_(new QLineEdit(this)),
      keyColumn_(editableCombo(tr("the column that joins labels to rows"), this)),
      sensitive_(editableCombo(tr("none"), this)),
      interval_(new QSpinBox(this)),
      intervalUnit_(new QComboBox(this)),
      enabled_(new QCheckBox(tr("Run on this schedule while the studio is open"), this)),
      error_(new QLabel(this)) {
  setWindowTitle(tr("Monitoring Schedule"));
  name_->setObjectName(QStringLiteral("scheduleName"));
  name_->setPlaceholderText(tr("e.g. churn, daily"));
  sourceKind_->addItem(tr("A file, read again at every run"), static_cast<int>(monitor::BatchSource::File));
  sourceKind_->addItem(tr("A project dataset, its newest version"), static_cast<int>(monitor::BatchSource::Dataset));
  sourceKind_->addItem(tr("An endpoint's request log"), static_cast<int>(monitor::BatchSource::RequestLog));
  file_->setObjectName(QStringLiteral("batchFile"));
  file_->setPlaceholderText(tr("CSV, ARFF or JSON file"));
  auto* browseFile = new QPushButton(tr("Browse…"), this);
  windowHours_->setRange(0.25, 24.0 * 365);
  windowHours_->setDecimals(2);
  windowHours_->setValue(24.0);
  windowHours_->setPrefix(tr("last "));
  windowHours_->setSuffix(tr(" h"));
  sourcePages_->addWidget(row(this, {{file_, 1}, {browseFile, 0}}));
  sourcePages_->addWidget(dataset_);
  sourcePages_->addWidget(row(this, {{endpoint_, 1}, {windowHours_, 0}}));
  labels_->setObjectName(QStringLiteral("labelsFile"));
  labels_->setPlaceholderText(tr("optional: a file with the key and the true target"));
  auto* browseLabels = new QPushButton(tr("Browse…"), this);
  interval_->setObjectName(QStringLiteral("interval"));
  interval_->setRange(0, 100000);
  interval_->setValue(1);
  intervalUnit_->addItem(tr("minutes"), Minutes);
  intervalUnit_->addItem(tr("hours"), Hours);
  intervalUnit_->addItem(tr("days"), Days);
  intervalUnit_->setCurrentIndex(Days);
  enabled_->setChecked(true);

  auto* form = new QFormLayout;
  form->addRow(tr("&Name:"), name_);
  form->addRow(tr("&Baseline:"), baseline_);
  form->addRow(tr("New &data from:"), sourceKind_);
  form->addRow(QString(), sourcePages_);
  form->addRow(tr("&Model:"), model_);
  form->addRow(tr("&Labels file:"), row(this, {{labels_, 1}, {browseLabels, 0}}));
  form->addRow(tr("&Key column:"), keyColumn_);
  form->addRow(tr("&Sensitive attribute:"), sensitive_);
  form->addRow(tr("Run &every:"), row(this, {{interval_, 0}, {intervalUnit_, 0}}));
  form->addRow(QString(), enabled_);
  error_->setObjectName(QStringLiteral("scheduleError"));
  MonitorFormat::styleAsError(error_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(error_);
  layout->addWidget(buttons);
  setMinimumWidth(520);

  connect(sourceKind_, &QComboBox::currentIndexChanged, sourcePages_, &QStackedWidget::setCurrentIndex);
  connect(baseline_, &QComboBox::currentIndexChanged, this, [this] {
    if (baseline_->currentIndex() >= 0) emit baselineChosen(baseline_->currentData().value<qint64>());
  });
  connect(browseFile, &QPushButton::clicked, this, &ScheduleDialog::browseBatchFile);
  connect(browseLabels, &QPushButton::clicked, this, &ScheduleDialog::browseLabelsFile);
  connect(buttons, &QDialogButtonBox::accepted, this, &ScheduleDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ScheduleDialog::setBaselines(const std::vector<monitor::BaselineInfo>& baselines) {
  const QSignalBlocker blocker(baseline_);
  baseline_->clear();
  for (const auto& b : baselines)
    baseline_->addItem(tr("%1 (%2, %3 rows)").arg(QString::fromStdString(b.name), QString::fromStdString(b.source),
                                                  MonitorFormat::count(b.rows)),
                       QVariant::fromValue<qint64>(b.id));
}

void ScheduleDialog::setDatasets(const QStringList& names) {
  dataset_->clear();
  dataset_->addItems(names);
}

void ScheduleDialog::setEndpoints(const QStringList& names) {
  endpoint_->clear();
  endpoint_->addItems(names);
}

void ScheduleDialog::setModels(const QStringList& references) { replaceItems(model_, references); }

void ScheduleDialog::setFeatureNames(const QStringList& names) {
  replaceItems(keyColumn_, names);
  replaceItems(sensitive_, names);
}

void ScheduleDialog::setSchedule(const monitor::MonitorSchedule& s) {
  original_ = s;
  name_->setText(QString::fromStdString(s.name));
  const int baseline = baseline_->findData(QVariant::fromValue<qint64>(s.baselineId));
  if (baseline >= 0) baseline_->setCurrentIndex(baseline);
  sourceKind_->setCurrentIndex(sourceKind_->findData(static_cast<int>(s.source)));
  const QString ref = QString::fromStdString(s.sourceRef);
  switch (s.source) {
    case monitor::BatchSource::File: file_->setText(ref); break;
    case monitor::BatchSource::Dataset:
      if (dataset_->findText(ref) < 0) dataset_->addItem(ref);  // a dataset since removed still shows
      dataset_->setCurrentText(ref);
      break;
    case monitor::BatchSource::RequestLog:
      if (endpoint_->findText(ref) < 0) endpoint_->addItem(ref);
      endpoint_->setCurrentText(ref);
      break;
  }
  windowHours_->setValue(s.windowHours);
  model_->setCurrentText(QString::fromStdString(s.model));
  labels_->setText(QString::fromStdString(s.labelsPath));
  keyColumn_->setCurrentText(QString::fromStdString(s.keyColumn));
  sensitive_->setCurrentText(QString::fromStdString(s.sensitiveAttribute));
  // The largest unit that says it exactly: 1,440 minutes read as 1 day.
  const Unit unit = s.intervalMinutes > 0 && s.intervalMinutes % kMinutesPerDay == 0    ? Days
                    : s.intervalMinutes > 0 && s.intervalMinutes % kMinutesPerHour == 0 ? Hours
                                                                                          : Minutes;
  intervalUnit_->setCurrentIndex(unit);
  interval_->setValue(unit == Days ? s.intervalMinutes / kMinutesPerDay
                      : unit == Hours ? s.intervalMinutes / kMinutesPerHour
                                      : s.intervalMinutes);
  enabled_->setChecked(s.enabled);
}

int ScheduleDialog::intervalMinutes() const {
  const int unit = intervalUnit_->currentData().toInt();
  return interval_->value() * (unit == Days ? kMinutesPerDay : unit == Hours ? kMinutesPerHour : 1);
}

monitor::MonitorSchedule ScheduleDialog::schedule() const {
  monitor::MonitorSchedule s = original_;  // keeps the id and the last run
  s.name = name_->text().trimmed().toStdString();
  s.baselineId = baseline_->currentIndex() >= 0 ? baseline_->currentData().value<qint64>() : 0;
  s.source = static_cast<monitor::BatchSource>(sourceKind_->currentData().toInt());
  switch (s.source) {
    case monitor::BatchSource::File: s.sourceRef = file_->text().trimmed().toStdString(); break;
    case monitor::BatchSource::Dataset: s.sourceRef = dataset_->currentText().toStdString(); break;
    case monitor::BatchSource::RequestLog: s.sourceRef = endpoint_->currentText().toStdString(); break;
  }
  s.windowHours = windowHours_->value();
  s.model = model_->currentText().trimmed().toStdString();
  s.labelsPath = labels_->text().trimmed().toStdString();
  s.keyColumn = keyColumn_->currentText().trimmed().toStdString();
  s.sensitiveAttribute = sensitive_->currentText().trimmed().toStdString();
  s.intervalMinutes = intervalMinutes();
  s.enabled = enabled_->isChecked();
  return s;
}

QString ScheduleDialog::validate() const {
  const monitor::MonitorSchedule s = schedule();
  if (s.name.empty()) return tr("Give the schedule a name.");
  if (s.baselineId == 0) return tr("Choose a baseline. New Baseline… creates one from the training data.");
  if (s.sourceRef.empty()) {
    switch (s.source) {
      case monitor::BatchSource::File: return tr("Choose the file new data is read from.");
      case monitor::BatchSource::Dataset: return tr("Choose the dataset new data is read from.");
      case monitor::BatchSource::RequestLog: return tr("Choose the endpoint whose requests are checked.");
    }
  }
  if (s.intervalMinutes <= 0) return tr("The interval must be above 0.");
  if (!s.labelsPath.empty() && s.keyColumn.empty())
    return tr("Name the key column that joins the labels file to the batch's rows.");
  return {};
}

QString ScheduleDialog::errorText() const { return error_->isVisibleTo(this) ? error_->text() : QString(); }

void ScheduleDialog::accept() {
  const QString problem = validate();
  if (problem.isEmpty()) {
    QDialog::accept();
    return;
  }
  error_->setText(problem);
  error_->show();
}

void ScheduleDialog::browseBatchFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("New Data"), file_->text(),
                                                    tr("Data files (*.csv *.tsv *.txt *.arff *.json);;All files (*)"));
  if (!path.isEmpty()) file_->setText(path);
}

void ScheduleDialog::browseLabelsFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Labels File"), labels_->text(),
                                                    tr("Data files (*.csv *.tsv *.txt *.arff *.json);;All files (*)"));
  if (!path.isEmpty()) labels_->setText(path);
}

}  // namespace lathe::widgets
