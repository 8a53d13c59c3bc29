#include "widgets/monitor/ConstraintsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include "widgets/monitor/MonitorFormat.h"
#include "widgets/panels/OptionalNumberText.h"

namespace lathe::widgets {
namespace {

constexpr int kHintLevels = 3;  // the most frequent levels shown as the observed hint
const QStringList kTypes = {QString(), QStringLiteral("float64"), QStringLiteral("int64"), QStringLiteral("bool"),
                            QStringLiteral("categorical"), QStringLiteral("text"), QStringLiteral("datetime")};

// Ten significant digits: 0.07 * 100 shows as 7, not 7.000000000000001.
QString numberText(std::optional<double> value) {
  return value ? QLocale::c().toString(*value, 'g', 10) : QString();
}

QString observed(const monitor::FeatureBaseline& f) {
  QStringList parts;
  // FeatureBaseline::missingShare() is inline: nothing to link.
  parts << MonitorFormat::tr("missing %1").arg(MonitorFormat::percent(f.missingShare()));
  if (f.kind == monitor::FeatureKind::Numeric && f.validCount() > 0)
    parts << QStringLiteral("%1 – %2").arg(MonitorFormat::number(f.min, 4), MonitorFormat::number(f.max, 4));
  if (f.kind == monitor::FeatureKind::Categorical && !f.categories.empty()) {
    QStringList levels;
    for (std::size_t i = 0; i < f.categories.size() && i < kHintLevels; ++i) levels << QString::fromStdString(f.categories[i]);
    if (f.categories.size() > kHintLevels) levels << QStringLiteral("…");
    parts << levels.join(QStringLiteral(", "));
  }
  return parts.join(QStringLiteral(" · "));
}

}  // namespace

ConstraintsDialog::ConstraintsDialog(const monitor::Baseline& baseline, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(0, ColumnCount, this)), error_(new QLabel(this)) {
  setWindowTitle(tr("Edit Constraints"));
  auto* intro = new QLabel(tr("What new data from %1 must satisfy. Leave a cell empty to switch its check off; the "
                              "Observed column shows what the baseline saw.")
                               .arg(QString::fromStdString(baseline.source)),
                           this);
  intro->setWordWrap(true);
  table_->setObjectName(QStringLiteral("constraintsTable"));
  table_->verticalHeader()->hide();
  table_->setAlternatingRowColors(true);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 10);
  table_->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  table_->setHorizontalHeaderLabels({columnTitle(0), columnTitle(1), columnTitle(2), columnTitle(3), columnTitle(4),
                                     columnTitle(5), columnTitle(6), columnTitle(7), columnTitle(8), columnTitle(9)});
  table_->horizontalHeaderItem(CategoriesColumn)->setToolTip(tr("Comma-separated; empty allows any value"));
  table_->horizontalHeaderItem(PsiColumn)->setToolTip(tr("Drift when the PSI reaches this (0.2 is a large shift)"));
  table_->horizontalHeaderItem(AlphaColumn)->setToolTip(
      tr("Drift also when the test's p-value is below alpha and the PSI is above its floor"));

  // The constraints in the baseline's order; a feature without one gets a row with every check off.
  for (const auto& feature : baseline.features) {
    const monitor::FeatureConstraint* constraint = nullptr;
    for (const auto& c : baseline.constraints)
      if (c.name == feature.name) constraint = &c;
    monitor::FeatureConstraint off;
    off.name = feature.name;
    off.checkDistribution = false;
    addRow(constraint ? *constraint : off, &feature);
  }
  for (const auto& c : baseline.constraints) {
    bool known = false;
    for (const auto& feature : baseline.features) known = known || feature.name == c.name;
    if (!known) addRow(c, nullptr);
  }
  table_->resizeColumnsToContents();
  table_->horizontalHeader()->setStretchLastSection(true);

  error_->setObjectName(QStringLiteral("constraintsError"));
  MonitorFormat::styleAsError(error_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &ConstraintsDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addWidget(table_, 1);
  layout->addWidget(error_);
  layout->addWidget(buttons);
  resize(1000, 520);
}

QString ConstraintsDialog::columnTitle(int column) const {
  switch (column) {
    case FeatureColumn: return tr("Feature");
    case TypeColumn: return tr("Type");
    case ObservedColumn: return tr("Observed");
    case MaxMissingColumn: return tr("Max missing %");
    case MinColumn: return tr("Min");
    case MaxColumn: return tr("Max");
    case CategoriesColumn: return tr("Allowed categories");
    case DistributionColumn: return tr("Check distribution");
    case PsiColumn: return tr("PSI threshold");
    case AlphaColumn: return tr("Alpha");
    default: return {};
  }
}

void ConstraintsDialog::addRow(const monitor::FeatureConstraint& c, const monitor::FeatureBaseline* feature) {
  const int row = table_->rowCount();
  table_->insertRow(row);
  original_.push_back(c);
  const auto readOnly = [](const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
  };
  table_->setItem(row, FeatureColumn, readOnly(QString::fromStdString(c.name)));
  auto* hint = readOnly(feature ? observed(*feature) : QString());
  hint->setForeground(palette().color(QPalette::PlaceholderText));
  // The whole hint (the column may cut it) and what it was measured on.
  if (feature) hint->setToolTip(hint->text() + QLatin1Char('\n') + tr("The baseline's %1 rows").arg(MonitorFormat::count(feature->rows)));
  table_->setItem(row, ObservedColumn, hint);

  auto* type = new QComboBox(table_);
  for (const QString& name : kTypes) type->addItem(name.isEmpty() ? tr("any") : name, name);
  const QString current = QString::fromStdString(c.type);
  if (type->findData(current) < 0) type->addItem(current, current);  // a type this list does not know stays
  type->setCurrentIndex(type->findData(current));
  type->setFrame(false);
  table_->setCellWidget(row, TypeColumn, type);

  table_->setItem(row, MaxMissingColumn,
                  new QTableWidgetItem(c.maxMissingShare ? numberText(*c.maxMissingShare * 100.0) : QString()));
  table_->setItem(row, MinColumn, new QTableWidgetItem(numberText(c.min)));
  table_->setItem(row, MaxColumn, new QTableWidgetItem(numberText(c.max)));
  QStringList levels;
  if (c.allowedCategories)
    for (const auto& level : *c.allowedCategories) levels << QString::fromStdString(level);
  originalCategories_ << levels.join(QStringLiteral(", "));
  table_->setItem(row, CategoriesColumn, new QTableWidgetItem(originalCategories_.back()));
  auto* check = new QTableWidgetItem;
  check->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
  check->setCheckState(c.checkDistribution ? Qt::Checked : Qt::Unchecked);
  table_->setItem(row, DistributionColumn, check);
  table_->setItem(row, PsiColumn, new QTableWidgetItem(numberText(c.psiThreshold)));
  table_->setItem(row, AlphaColumn, new QTableWidgetItem(numberText(c.alpha)));
  for (int column : {MaxMissingColumn, MinColumn, MaxColumn, PsiColumn, AlphaColumn})
    table_->item(row, column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

QString ConstraintsDialog::cellText(int row, int column) const {
  const QTableWidgetItem* item = table_->item(row, column);
  return item ? item->text().trimmed() : QString();
}

QString ConstraintsDialog::typeAt(int row) const {
  const auto* combo = qobject_cast<QComboBox*>(table_->cellWidget(row, TypeColumn));
  return combo ? combo->currentData().toString() : QString();
}

ConstraintsDialog::Problem ConstraintsDialog::firstProblem() const {
  for (int row = 0; row < table_->rowCount(); ++row) {
    const QString feature = cellText(row, FeatureColumn);
    std::optional<double> values[ColumnCount];
    for (int column : {MaxMissingColumn, MinColumn, MaxColumn, PsiColumn, AlphaColumn}) {
      const QString text = cellText(row, column);
      values[column] = OptionalNumberText::parse(text);
      const bool required = column == PsiColumn || column == AlphaColumn;
      if (text.isEmpty() && required) return {row, column, tr("%1: %2 needs a value.").arg(feature, columnTitle(column))};
      if (!text.isEmpty() && !values[column])
        return {row, column, tr("%1: %2 “%3” is not a number.").arg(feature, columnTitle(column), text)};
    }
    if (values[MaxMissingColumn] && (*values[MaxMissingColumn] < 0 || *values[MaxMissingColumn] > 100))
      return {row, MaxMissingColumn, tr("%1: the largest missing share must be between 0 and 100%.").arg(feature)};
    if (values[MinColumn] && values[MaxColumn] && *values[MinColumn] > *values[MaxColumn])
      return {row, MinColumn,
              tr("%1: the minimum %2 is above the maximum %3.").arg(feature, cellText(row, MinColumn), cellText(row, MaxColumn))};
    if (*values[PsiColumn] <= 0) return {row, PsiColumn, tr("%1: the PSI threshold must be above 0.").arg(feature)};
    if (*values[AlphaColumn] <= 0 || *values[AlphaColumn] >= 1)
      return {row, AlphaColumn, tr("%1: alpha must be between 0 and 1, for example 0.01.").arg(feature)};
  }
  return {};
}

QString ConstraintsDialog::validate() const { return firstProblem().text; }

QString ConstraintsDialog::errorText() const { return error_->isVisibleTo(this) ? error_->text() : QString(); }

void ConstraintsDialog::accept() {
  const Problem problem = firstProblem();
  if (problem.row < 0) {
    QDialog::accept();
    return;
  }
  error_->setText(problem.text);
  error_->show();
  table_->setCurrentCell(problem.row, problem.column);
  table_->scrollToItem(table_->item(problem.row, problem.column));
  table_->setFocus();
}

std::vector<monitor::FeatureConstraint> ConstraintsDialog::constraints() const {
  std::vector<monitor::FeatureConstraint> out;
  for (int row = 0; row < table_->rowCount(); ++row) {
    monitor::FeatureConstraint c = original_[static_cast<std::size_t>(row)];  // keeps psiFloor
    c.type = typeAt(row).toStdString();
    const auto missing = OptionalNumberText::parse(cellText(row, MaxMissingColumn));
    c.maxMissingShare = missing ? std::optional(*missing / 100.0) : std::nullopt;
    c.min = OptionalNumberText::parse(cellText(row, MinColumn));
    c.max = OptionalNumberText::parse(cellText(row, MaxColumn));
    const QString levels = cellText(row, CategoriesColumn);
    if (levels != originalCategories_[row]) {
      if (levels.isEmpty()) {
        c.allowedCategories.reset();
      } else {
        std::vector<std::string> allowed;
        for (const QString& level : levels.split(QLatin1Char(','), Qt::SkipEmptyParts))
          if (!level.trimmed().isEmpty()) allowed.push_back(level.trimmed().toStdString());
        c.allowedCategories = std::move(allowed);
      }
    }
    c.checkDistribution = table_->item(row, DistributionColumn)->checkState() == Qt::Checked;
    c.psiThreshold = OptionalNumberText::parse(cellText(row, PsiColumn)).value_or(c.psiThreshold);
    c.alpha = OptionalNumberText::parse(cellText(row, AlphaColumn)).value_or(c.alpha);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace lathe::widgets
