#include "app/desktop/ImportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "engine/core/Error.h"
#include "engine/jobs/ProgressSink.h"
#include "widgets/table/DataTableView.h"

namespace lathe::app {
namespace {

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

QString joinTokens(const std::vector<std::string>& tokens) {
  QStringList list;
  for (const auto& t : tokens) list << fromStd(t);
  return list.join(QStringLiteral(", "));
}

std::vector<std::string> splitTokens(const QString& text) {
  std::vector<std::string> tokens;
  for (const QString& t : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
    if (!t.trimmed().isEmpty()) tokens.push_back(t.trimmed().toStdString());
  return tokens;
}

}  // namespace

ImportDialog::ImportDialog(const QString& path, QWidget* parent) : QDialog(parent), path_(path) {
  setWindowTitle(tr("Import %1").arg(QFileInfo(path).fileName()));
  buildUi();
  debounce_.setSingleShot(true);
  debounce_.setInterval(150);
  connect(&debounce_, &QTimer::timeout, this, &ImportDialog::startPreview);
  connect(&watcher_, &QFutureWatcher<void>::finished, this, &ImportDialog::showPreview);
  startPreview();
}

ImportDialog::~ImportDialog() {
  previewStop_.request_stop();
  watcher_.waitForFinished();  // a preview stops within a few milliseconds of the request
}

void ImportDialog::buildUi() {
  format_ = new QComboBox(this);
  format_->addItem(tr("Detect"), QStringLiteral("auto"));
  format_->addItem(tr("CSV or other delimited text"), QStringLiteral("csv"));
  format_->addItem(tr("ARFF (Weka)"), QStringLiteral("arff"));
  format_->addItem(tr("JSON array of objects"), QStringLiteral("json"));
  format_->addItem(tr("JSON Lines"), QStringLiteral("jsonl"));
  format_->addItem(tr("SQLite table"), QStringLiteral("sqlite"));

  encoding_ = new QComboBox(this);
  encoding_->addItem(tr("Detect"), QStringLiteral("auto"));
  encoding_->addItem(QStringLiteral("UTF-8"), QStringLiteral("utf-8"));
  encoding_->addItem(tr("Korean (CP949 / EUC-KR)"), QStringLiteral("cp949"));
  encoding_->addItem(QStringLiteral("UTF-16"), QStringLiteral("utf-16"));
  encoding_->addItem(tr("Japanese (Shift-JIS)"), QStringLiteral("shift_jis"));
  encoding_->addItem(tr("Chinese (GBK)"), QStringLiteral("gbk"));
  encoding_->addItem(tr("Western (Windows-1252 / Latin-1)"), QStringLiteral("windows-1252"));

  delimiter_ = new QComboBox(this);
  delimiter_->addItem(tr("Detect"), QString());
  delimiter_->addItem(tr("Comma ( , )"), QStringLiteral(","));
  delimiter_->addItem(tr("Semicolon ( ; )"), QStringLiteral(";"));
  delimiter_->addItem(tr("Tab"), QStringLiteral("\t"));
  delimiter_->addItem(tr("Pipe ( | )"), QStringLiteral("|"));
  delimiter_->addItem(tr("Space"), QStringLiteral(" "));

  header_ = new QCheckBox(tr("The first row holds the column names"), this);
  header_->setTristate(true);
  header_->setCheckState(Qt::PartiallyChecked);
  header_->setToolTip(tr("Partly checked: detect it from the file"));

  missing_ = new QLineEdit(joinTokens(data::defaultMissingTokens()), this);
  missing_->setToolTip(tr("Values that mean “missing”, separated by commas. An empty field is always missing."));

  auto* form = new QFormLayout;
  auto* file = new QLabel(QFileInfo(path_).absoluteFilePath(), this);
  file->setTextInteractionFlags(Qt::TextSelectableByMouse);
  file->setWordWrap(true);
  form->addRow(tr("File:"), file);
  form->addRow(tr("Format:"), format_);
  form->addRow(tr("Encoding:"), encoding_);
  form->addRow(tr("Delimiter:"), delimiter_);
  form->addRow(QString(), header_);
  form->addRow(tr("Missing values:"), missing_);

  table_ = new widgets::DataTableView(this);
  table_->setObjectName(QStringLiteral("importPreview"));
  columnTypes_ = new QTableWidget(0, 2, this);
  columnTypes_->setObjectName(QStringLiteral("columnTypes"));
  columnTypes_->setHorizontalHeaderLabels({tr("Column"), tr("Type")});
  columnTypes_->horizontalHeader()->setStretchLastSection(true);
  columnTypes_->verticalHeader()->hide();
  auto* splitter = new QSplitter(this);
  splitter->addWidget(table_);
  splitter->addWidget(columnTypes_);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("importStatus"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(splitter, 1);
  layout->addWidget(status_);
  layout->addWidget(buttons);
  resize(960, 640);

  for (QComboBox* combo : {format_, encoding_, delimiter_})
    connect(combo, &QComboBox::currentIndexChanged, this, &ImportDialog::schedulePreview);
  connect(format_, &QComboBox::currentIndexChanged, this, &ImportDialog::enableTextSettings);
  connect(header_, &QCheckBox::stateChanged, this, &ImportDialog::schedulePreview);
  connect(missing_, &QLineEdit::textEdited, this, &ImportDialog::schedulePreview);
}

data::ImportRequest ImportDialog::request() const {
  data::ImportRequest request;
  request.path = path_.toStdString();
  request.format = format_->currentData().toString().toStdString();
  request.csv.encoding = encoding_->currentData().toString().toStdString();
  const QString delimiter = delimiter_->currentData().toString();
  if (!delimiter.isEmpty()) request.csv.delimiter = delimiter.at(0).toLatin1();
  if (header_->checkState() != Qt::PartiallyChecked) request.csv.header = header_->checkState() == Qt::Checked;
  request.csv.missingTokens = splitTokens(missing_->text());
  request.csv.columnTypes = typeOverrides_;
  return request;
}

void ImportDialog::schedulePreview() { debounce_.start(); }

void ImportDialog::enableTextSettings() {
  // Encoding, delimiter, header, missing tokens and forced types apply to delimited text only;
  // ARFF, JSON and SQLite carry their own. "Detect" keeps them on: the file may be CSV.
  const QString format = format_->currentData().toString();
  const bool text = format == QLatin1String("auto") || format == QLatin1String("csv");
  for (QWidget* w : std::initializer_list<QWidget*>{encoding_, delimiter_, header_, missing_, columnTypes_})
    w->setEnabled(text);
}

void ImportDialog::startPreview() {
  if (watcher_.isRunning()) {  // finish (or stop) the running preview first; showPreview restarts
    previewStop_.request_stop();
    debounce_.start();
    return;
  }
  previewStop_ = std::stop_source();
  data::ImportRequest request = this->request();
  request.csv.maxRows = kPreviewRows;
  pending_ = std::make_shared<data::ImportResult>();
  pendingError_ = std::make_shared<std::string>();
  status_->setText(tr("Reading a preview…"));
  watcher_.setFuture(QtConcurrent::run([request, stop = previewStop_.get_token(), result = pending_,
                                        error = pendingError_] {
    jobs::NullProgressSink sink;
    const jobs::JobContext context(stop, sink);
    try {
      *result = data::DataImporter::import(request, context);
    } catch (const std::exception& e) {
      *error = e.what();
    }
  }));
}

void ImportDialog::showPreview() {
  if (previewStop_.stop_requested()) return;  // a newer preview is on its way
  if (!pendingError_->empty()) {
    preview_.reset();
    previewError_ = fromStd(*pendingError_);
    table_->setTable({});
    status_->setText(tr("Cannot read this file with these settings: %1").arg(previewError_));
    status_->setStyleSheet(QStringLiteral("color: #c0392b;"));
    emit previewUpdated();
    return;
  }
  previewError_.clear();
  preview_ = std::make_unique<data::ImportResult>(std::move(*pending_));
  table_->setTable({std::make_shared<const data::Table>(preview_->table), nullptr});
  QString text = tr("The first %n rows as they will be read", nullptr, static_cast<int>(preview_->table.rowCount()));
  text += QStringLiteral(" · ") + tr("%1, %2").arg(fromStd(preview_->format), fromStd(preview_->encoding));
  for (const auto& w : preview_->warnings) text += QStringLiteral("\n⚠ ") + fromStd(formatError(w.message, w.where));
  status_->setText(text);
  status_->setStyleSheet(QString());
  fillColumnTypes();
  emit previewUpdated();
}

void ImportDialog::fillColumnTypes() {
  const data::Table& table = preview_->table;
  columnTypes_->setRowCount(static_cast<int>(table.columnCount()));
  for (std::size_t c = 0; c < table.columnCount(); ++c) {
    const data::Column& column = table.column(c);
    auto* name = new QTableWidgetItem(fromStd(column.name()));
    name->setFlags(Qt::ItemIsEnabled);
    columnTypes_->setItem(static_cast<int>(c), 0, name);
    auto* type = new QComboBox(columnTypes_);
    for (auto t : {data::ColumnType::Float64, data::ColumnType::Int64, data::ColumnType::Bool, data::ColumnType::Categorical,
                   data::ColumnType::Text, data::ColumnType::Datetime})
      type->addItem(QString::fromLatin1(data::columnTypeName(t).data()), static_cast<int>(t));
    type->setCurrentIndex(type->findData(static_cast<int>(column.type())));
    const std::string columnName = column.name();
    connect(type, &QComboBox::currentIndexChanged, this, [this, type, columnName] {
      typeOverrides_[columnName] = static_cast<data::ColumnType>(type->currentData().toInt());
      schedulePreview();
    });
    columnTypes_->setCellWidget(static_cast<int>(c), 1, type);
  }
}

}  // namespace lathe::app
