#include "widgets/panels/InsightsPanel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <climits>

#include "widgets/panels/EmptyStatePanel.h"
#include "widgets/panels/PlaceholderStack.h"

namespace lathe::widgets {
namespace {

using insights::DataInsight;
using insights::InsightKind;
using insights::InsightSeverity;

enum Columns { MessageColumn, FixColumn };

// "19.9%" in the user's locale; a share too small to show at one decimal is "<0.1%", never "0.0%".
QString percent(double share) {
  const QLocale locale;
  const double value = share * 100.0;
  if (value > 0.0 && value < 0.05) return QStringLiteral("<") + locale.toString(0.1, 'f', 1) + locale.percent();
  return locale.toString(value, 'f', 1) + locale.percent();
}

// For "%Ln": the engine counts at most 2^31 - 1 rows.
int plural(std::uint64_t count) { return count > std::uint64_t(INT_MAX) ? INT_MAX : static_cast<int>(count); }

QString text(const std::string& utf8) { return QString::fromStdString(utf8); }

}  // namespace

InsightsPanel::InsightsPanel(QWidget* parent)
    : QWidget(parent),
      targetLabel_(new QLabel(this)),
      target_(new QComboBox(this)),
      list_(new QTreeWidget(this)),
      stack_(new PlaceholderStack(list_, this)) {
  target_->setObjectName(QStringLiteral("targetCombo"));
  list_->setObjectName(QStringLiteral("insightList"));
  stack_->placeholder()->setObjectName(QStringLiteral("insightsEmptyState"));
  targetLabel_->setBuddy(target_);
  target_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  target_->setMinimumContentsLength(12);
  target_->addItem(QString());  // "(no target)", named by retranslate()

  list_->setColumnCount(2);
  list_->setHeaderHidden(true);
  list_->setRootIsDecorated(false);
  list_->setUniformRowHeights(false);
  list_->setWordWrap(true);
  list_->setSelectionMode(QAbstractItemView::NoSelection);
  list_->setFocusPolicy(Qt::NoFocus);
  list_->header()->setStretchLastSection(false);
  list_->header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
  list_->header()->setSectionResizeMode(FixColumn, QHeaderView::ResizeToContents);

  auto* top = new QHBoxLayout;
  top->addWidget(targetLabel_);
  top->addWidget(target_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(stack_, 1);

  connect(target_, &QComboBox::currentIndexChanged, this, [this] {
    showState();
    emit targetChanged(target());
  });
  retranslate();
  showState();
}

void InsightsPanel::setColumns(const QStringList& names) {
  const QString keep = target();
  const QSignalBlocker blocker(target_);
  while (target_->count() > 1) target_->removeItem(target_->count() - 1);
  for (const QString& name : names) target_->addItem(name, name);
  target_->setCurrentIndex(std::max(0, target_->findData(keep)));
}

void InsightsPanel::setTarget(const QString& name) {
  const QSignalBlocker blocker(target_);
  target_->setCurrentIndex(name.isEmpty() ? 0 : std::max(0, target_->findData(name)));
}

QString InsightsPanel::target() const { return target_->currentData().toString(); }

void InsightsPanel::setBusy(bool busy) {
  busy_ = busy;
  showState();
}

void InsightsPanel::setInsights(std::vector<insights::DataInsight> insights) {
  insights_ = std::move(insights);
  busy_ = false;
  analysed_ = true;
  fillList();
  showState();
}

void InsightsPanel::clear() {
  insights_.clear();
  busy_ = false;
  analysed_ = false;
  fillList();
  showState();
}

void InsightsPanel::fillList() {
  list_->clear();
  for (std::size_t i = 0; i < insights_.size(); ++i) {
    const DataInsight& insight = insights_[i];
    auto* item = new QTreeWidgetItem(list_);
    item->setData(MessageColumn, Qt::UserRole, static_cast<int>(insight.severity));
    const auto icon = insight.severity == InsightSeverity::High      ? QStyle::SP_MessageBoxCritical
                      : insight.severity == InsightSeverity::Warning ? QStyle::SP_MessageBoxWarning
                                                                     : QStyle::SP_MessageBoxInformation;
    item->setIcon(MessageColumn, style()->standardIcon(icon));
    if (insight.severity == InsightSeverity::High) {
      QFont bold = item->font(MessageColumn);
      bold.setBold(true);
      item->setFont(MessageColumn, bold);
    }
    if (!insight.fix) continue;
    auto* button = new QPushButton(list_);
    button->setObjectName(QStringLiteral("fixButton"));
    connect(button, &QPushButton::clicked, this, [this, i] {
      if (i < insights_.size()) emit fixRequested(insights_[i]);
    });
    list_->setItemWidget(item, FixColumn, button);
  }
  retranslate();
}

void InsightsPanel::showState() {
  EmptyStatePanel* empty = stack_->placeholder();
  if (busy_) {
    empty->setTitle(tr("Analysing…"));
    empty->setText(tr("Checking every column; on millions of rows this takes a few seconds."));
  } else if (!analysed_) {
    empty->setTitle(tr("No insights yet"));
    empty->setText(tr("Open a dataset to check it for missing values, duplicate rows and constant or identifier "
                      "columns. Pick a target to check class balance and leakage too."));
  } else {
    empty->setTitle(tr("No problems found"));
    empty->setText(target().isEmpty() ? tr("Pick a target to check class balance and leakage too.")
                                       : tr("No missing values, duplicates, imbalance or leakage in these rows."));
  }
  stack_->showContent(!busy_ && analysed_ && !insights_.empty());
}

void InsightsPanel::retranslate() {
  targetLabel_->setText(tr("&Target:"));
  target_->setItemText(0, tr("(no target)"));
  target_->setToolTip(tr("The column a model will predict: class imbalance and target leakage are checked against it"));
  for (int i = 0; i < list_->topLevelItemCount() && i < static_cast<int>(insights_.size()); ++i) {
    const DataInsight& insight = insights_[static_cast<std::size_t>(i)];
    QTreeWidgetItem* item = list_->topLevelItem(i);
    item->setText(MessageColumn, message(insight));
    item->setToolTip(MessageColumn, item->text(MessageColumn) + QStringLiteral("\n\n") + explanation(insight.kind));
    if (auto* button = qobject_cast<QPushButton*>(list_->itemWidget(item, FixColumn)); button && insight.fix) {
      button->setText(fixText(*insight.fix));
      button->setToolTip(tr("Adds this step to the recipe; Undo takes it back"));
    }
  }
  showState();
}

void InsightsPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

QString InsightsPanel::message(const DataInsight& insight) {
  const QString column = text(insight.column);
  const QString detail = text(insight.detail);
  const int n = plural(insight.count);
  switch (insight.kind) {
    case InsightKind::ConstantColumn:
      return tr("%1 has the same value in every row: “%2”").arg(column, detail);
    case InsightKind::NearConstantColumn:
      return tr("%1: %2 of values are “%3”").arg(column, percent(insight.share), detail);
    case InsightKind::HighCardinality:
      return tr("%1 has %Ln distinct values (%2 of the rows with a value)", nullptr, n).arg(column, percent(insight.share));
    case InsightKind::DuplicateRows:
      return tr("%Ln rows repeat an earlier row (%1 of all rows)", nullptr, n).arg(percent(insight.share));
    case InsightKind::MissingValues:
      return tr("%1: %2 of values are missing (%Ln rows)", nullptr, n).arg(column, percent(insight.share));
    case InsightKind::ClassImbalance:
      return tr("%1 is imbalanced: its rarest class “%2” has %3 of the rows (%Ln rows)", nullptr, n)
          .arg(column, detail, percent(insight.share));
    case InsightKind::TargetLeakage:
      return tr("%1 predicts %2 almost perfectly (score %3): possible target leakage")
          .arg(column, detail.isEmpty() ? tr("the target") : detail, QLocale().toString(insight.share, 'f', 2));
  }
  return column;
}

QString InsightsPanel::explanation(InsightKind kind) {
  switch (kind) {
    case InsightKind::ConstantColumn:
      return tr("A column with one value tells a model nothing; it only costs time and memory.");
    case InsightKind::NearConstantColumn:
      return tr("Almost every row holds the same value, so the column carries little information and its few "
                "other values may be noise.");
    case InsightKind::HighCardinality:
      return tr("A different value in almost every row (an ID, a name, free text) lets a model memorise rows "
                "instead of learning, and one-hot encoding it makes thousands of columns.");
    case InsightKind::DuplicateRows:
      return tr("Repeated rows count some examples twice; split between training and test rows they make "
                "scores look better than they are.");
    case InsightKind::MissingValues:
      return tr("Most models cannot use a missing value. Filling keeps the rows; a column missing in most rows "
                "is better dropped.");
    case InsightKind::ClassImbalance:
      return tr("With a rare class a model can score well by never predicting it. Judge it by balanced "
                "accuracy or F1, and sample with stratification.");
    case InsightKind::TargetLeakage:
      return tr("A column that gives the answer away is often recorded after the outcome: a model trained "
                "with it fails on new data. Check where the column comes from before training.");
  }
  return {};
}

QString InsightsPanel::fixText(const insights::InsightFix& fix) {
  if (fix.stepKind == "drop_columns") return tr("Drop column");
  if (fix.stepKind == "drop_duplicates") return tr("Drop duplicate rows");
  if (fix.stepKind == "filter_rows") return tr("Drop rows without a value");
  if (fix.stepKind == "fill_missing") {
    const auto& p = fix.parameters;
    const std::string strategy =
        p.is_object() && p.contains("strategy") && p.at("strategy").is_string() ? p.at("strategy").get<std::string>() : "";
    if (strategy == "median") return tr("Fill with median");
    if (strategy == "mean") return tr("Fill with mean");
    if (strategy == "mode") return tr("Fill with most frequent");
    return tr("Fill missing values");
  }
  return tr("Fix");
}

}  // namespace lathe::widgets
