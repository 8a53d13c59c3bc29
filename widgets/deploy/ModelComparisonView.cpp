#include "widgets/deploy/ModelComparisonView.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "widgets/deploy/ModelVersionComparison.h"

namespace lathe::widgets {
namespace {

QString text(const std::string& utf8) { return QString::fromStdString(utf8); }

QString number(const std::optional<double>& value) {
  return value ? QLocale().toString(*value, 'f', 4) : QStringLiteral("—");
}

QString typeText(const std::optional<data::ColumnType>& type) {
  return type ? text(std::string(data::columnTypeName(*type))) : QString();
}

QTableWidgetItem* cell(const QString& shown, bool right = false) {
  auto* item = new QTableWidgetItem(shown);
  if (right) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

}  // namespace

ModelComparisonView::ModelComparisonView(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      message_(new QLabel(this)),
      metrics_(new QTableWidget(this)),
      schema_(new QLabel(this)),
      data_(new QLabel(this)),
      body_(new QBoxLayout(QBoxLayout::TopToBottom)) {
  metrics_->setObjectName(QStringLiteral("comparisonWithProduction"));
  title_->setObjectName(QStringLiteral("comparisonTitle"));
  message_->setObjectName(QStringLiteral("comparisonMessage"));
  schema_->setObjectName(QStringLiteral("comparisonSchema"));
  data_->setObjectName(QStringLiteral("comparisonData"));
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);
  for (QLabel* label : {message_, schema_, data_}) {
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }
  metrics_->setColumnCount(ColumnCount);
  metrics_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  metrics_->setSelectionBehavior(QAbstractItemView::SelectRows);
  metrics_->setAlternatingRowColors(true);
  metrics_->verticalHeader()->hide();
  metrics_->verticalHeader()->setDefaultSectionSize(metrics_->fontMetrics().height() + 6);
  metrics_->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  metrics_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  // A header and a row at least: in a short bottom dock the list above keeps its rows instead.
  metrics_->setMinimumHeight(2 * metrics_->verticalHeader()->defaultSectionSize());

  auto* notes = new QVBoxLayout;
  notes->setContentsMargins(0, 0, 0, 0);
  notes->addWidget(schema_);
  notes->addWidget(data_);
  notes->addStretch(1);
  body_->addWidget(metrics_, 1);
  body_->addLayout(notes);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 2);
  layout->addWidget(title_);
  layout->addWidget(message_);
  layout->addLayout(body_, 1);
  refill();
}

void ModelComparisonView::setVersions(const deploy::ModelVersionInfo* version, const deploy::ModelVersionInfo* production) {
  version_ = version ? std::optional(*version) : std::nullopt;
  production_ = production ? std::optional(*production) : std::nullopt;
  refill();
}

QString ModelComparisonView::message() const { return message_->text(); }
QString ModelComparisonView::schemaText() const { return schema_->text(); }
QString ModelComparisonView::dataText() const { return data_->text(); }

void ModelComparisonView::refill() {
  metrics_->setHorizontalHeaderLabels({tr("Split"), tr("Metric"), tr("This version"), tr("Production"), tr("Difference")});
  metrics_->setRowCount(0);
  schema_->clear();
  data_->clear();
  const bool comparable = version_ && production_ && version_->id != production_->id;
  message_->setVisible(!comparable);
  metrics_->setVisible(comparable);
  schema_->setVisible(comparable);
  data_->setVisible(comparable);
  if (!version_) {
    title_->setText(tr("Compare with production"));
    message_->setText(tr("Select a version in the list above to see it beside the version in production."));
    return;
  }
  if (!production_) {
    title_->setText(tr("%1 against production").arg(text(version_->reference())));
    message_->setText(tr("No version of “%1” is in production yet. Set Alias… › production puts one there.")
                          .arg(text(version_->model)));
    return;
  }
  if (!comparable) {
    title_->setText(tr("%1 is in production").arg(text(version_->reference())));
    message_->setText(tr("This is the version in production; select another version of “%1” to compare.")
                          .arg(text(version_->model)));
    return;
  }
  title_->setText(tr("v%1 against production v%2 of “%3”").arg(version_->version).arg(production_->version).arg(text(version_->model)));
  message_->clear();  // the table says it all; the legend is the Difference column's tooltip
  metrics_->setHorizontalHeaderLabels({tr("Split"), tr("Metric"), tr("v%1").arg(version_->version),
                                       tr("v%1 (production)").arg(production_->version), tr("Difference")});
  metrics_->horizontalHeaderItem(DifferenceColumn)
      ->setToolTip(tr("Green: this version does better than production on that metric; red: worse."));

  const ModelVersionComparison comparison = ModelVersionComparison::of(*version_, *production_);
  metrics_->setRowCount(static_cast<int>(comparison.metrics.size()));
  int row = 0;
  for (const auto& m : comparison.metrics) {
    metrics_->setItem(row, SplitColumn, cell(text(m.split)));
    metrics_->setItem(row, MetricColumn, cell(text(m.metric)));
    metrics_->setItem(row, VersionColumn, cell(number(m.version), true));
    metrics_->setItem(row, ProductionColumn, cell(number(m.production), true));
    QTableWidgetItem* difference = cell(QStringLiteral("—"), true);
    if (m.version && m.production) {
      const double delta = *m.version - *m.production;
      difference->setText((delta > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(delta, 'f', 4));
      difference->setData(Qt::UserRole, delta);
      if (m.higherIsBetter && std::abs(delta) > 1e-12) {
        const bool better = (delta > 0) == *m.higherIsBetter;
        difference->setForeground(better ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        difference->setData(Qt::UserRole + 1, better ? QStringLiteral("better") : QStringLiteral("worse"));
        if (*m.higherIsBetter)
          difference->setToolTip(better ? tr("Better: higher is better for this metric")
                                        : tr("Worse: higher is better for this metric"));
        else
          difference->setToolTip(better ? tr("Better: lower is better for this metric")
                                        : tr("Worse: lower is better for this metric"));
      }
    }
    metrics_->setItem(row, DifferenceColumn, difference);
    ++row;
  }

  if (comparison.schema.empty()) {
    schema_->setText(tr("Input columns: the same %n columns in both.", nullptr, static_cast<int>(version_->inputSchema.size())));
  } else {
    QStringList parts;
    for (const auto& change : comparison.schema) {
      const QString name = text(change.column);
      if (!change.production) parts << tr("%1 (%2) only in this version").arg(name, typeText(change.version));
      else if (!change.version) parts << tr("%1 (%2) only in production").arg(name, typeText(change.production));
      else parts << tr("%1 is %2 here, %3 in production").arg(name, typeText(change.version), typeText(change.production));
    }
    schema_->setText(tr("Input columns differ: %1.").arg(parts.join(QStringLiteral("; "))));
  }
  if (!comparison.dataKnown)
    data_->setText(tr("Training data: unknown for one of them (a pipeline's run keeps no dataset hash)."));
  else if (comparison.sameData)
    data_->setText(tr("Training data: the same (hash %1…).").arg(text(version_->trainingDataHash.substr(0, 12))));
  else
    data_->setText(tr("Training data: different (hash %1… here, %2… in production).")
                       .arg(text(version_->trainingDataHash.substr(0, 12)), text(production_->trainingDataHash.substr(0, 12))));
  metrics_->resizeColumnsToContents();
  arrange();
}

void ModelComparisonView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  arrange();
}

void ModelComparisonView::arrange() {
  // The notes beside the table when there is room for both (a short bottom dock keeps more
  // metric rows in sight), below it otherwise.
  const int table = metrics_->horizontalHeader()->length() + metrics_->verticalScrollBar()->sizeHint().width() +
                    2 * metrics_->frameWidth();
  const bool beside = width() >= table + fontMetrics().averageCharWidth() * 36;
  metrics_->setMaximumWidth(beside ? table : QWIDGETSIZE_MAX);
  body_->setDirection(beside ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
}

void ModelComparisonView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) refill();
  QWidget::changeEvent(event);
}

}  // namespace lathe::widgets
