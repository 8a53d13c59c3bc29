#include "widgets/panels/ColumnProfilePanel.h"

#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/HistogramChart.h"
#include "widgets/panels/EmptyStatePanel.h"
#include "widgets/panels/PlaceholderStack.h"

namespace lathe::widgets {
namespace {

using data::ColumnProfile;
using data::ColumnType;

enum ListColumn { NameColumn, MissingColumn };
constexpr int kTopValuesShown = 5;  // the chart shows all ten
constexpr int kTitleWidth = 280;    // pixels; a 10 kB column name must not widen the dock
constexpr int kValueLabelWidth = 160;

constexpr std::array<ColumnType, 6> kTypes = {ColumnType::Float64,     ColumnType::Int64, ColumnType::Bool,
                                              ColumnType::Categorical, ColumnType::Text,  ColumnType::Datetime};

// A small badge for the column list: a glyph on the type family's colour.
QIcon badge(ColumnType type) {
  static constexpr const char* kGlyphs[] = {"1.5", "12", "T/F", "A", "Tx", "D"};
  static constexpr int kColours[] = {0, 0, 4, 1, 7, 2};  // numbers share one colour
  const auto slot = static_cast<std::size_t>(type);
  QPixmap pixmap(24, 16);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(Qt::NoPen);
  painter.setBrush(ChartStyle::seriesColor(kColours[slot]));
  painter.drawRoundedRect(QRectF(0.5, 1.5, 23, 13), 3, 3);
  QFont font = painter.font();
  font.setPixelSize(9);
  font.setBold(true);
  painter.setFont(font);
  painter.setPen(Qt::white);
  painter.drawText(QRect(0, 1, 24, 14), Qt::AlignCenter, QString::fromLatin1(kGlyphs[slot]));
  painter.end();
  return QIcon(pixmap);
}

QString count(std::uint64_t n) { return QLocale().toString(static_cast<qulonglong>(n)); }

QString percent(double share) {
  const QLocale locale;
  if (std::isnan(share)) return QStringLiteral("–");
  if (share <= 0) return locale.toString(0) + locale.percent();
  if (share >= 100) return locale.toString(100) + locale.percent();
  if (share < 0.1) return QLatin1Char('<') + locale.toString(0.1, 'f', 1) + locale.percent();
  return locale.toString(share, 'f', 1) + locale.percent();
}

double shareOf(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

QString elided(const QWidget* widget, const QString& text, int width) {
  return widget->fontMetrics().elidedText(text, Qt::ElideRight, width);
}

}  // namespace

ColumnProfilePanel::ColumnProfilePanel(QWidget* parent)
    : QWidget(parent),
      list_(new QTreeWidget(this)),
      title_(new QLabel(this)),
      detail_(new QStackedWidget(this)),
      message_(new QLabel(detail_)),
      statistics_(new QWidget(detail_)),
      grid_(new QGridLayout(statistics_)),
      chart_(new HistogramChart(this)) {
  for (ColumnType type : kTypes) typeIcons_[static_cast<std::size_t>(type)] = badge(type);
  list_->setObjectName(QStringLiteral("columnList"));
  list_->setColumnCount(2);
  list_->setRootIsDecorated(false);
  list_->setUniformRowHeights(true);  // 100,000 columns scroll without measuring each row
  list_->setIconSize(QSize(24, 16));
  list_->setSelectionMode(QAbstractItemView::SingleSelection);
  list_->header()->setStretchLastSection(false);
  list_->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
  list_->header()->setSectionResizeMode(MissingColumn, QHeaderView::ResizeToContents);
  connect(list_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
    selected_ = item ? list_->indexOfTopLevelItem(item) : -1;
    showSelected();
    if (selected_ >= 0) emit columnSelected(selected_);
  });

  title_->setObjectName(QStringLiteral("columnTitle"));
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);
  title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  message_->setObjectName(QStringLiteral("profilingState"));
  message_->setAlignment(Qt::AlignCenter);
  message_->setWordWrap(true);
  message_->setForegroundRole(QPalette::PlaceholderText);
  statistics_->setObjectName(QStringLiteral("statisticsGrid"));
  grid_->setContentsMargins(0, 0, 0, 0);
  grid_->setHorizontalSpacing(10);
  grid_->setVerticalSpacing(2);
  grid_->setColumnStretch(1, 1);
  grid_->setColumnStretch(3, 1);

  auto* statisticsPage = new QWidget(detail_);
  auto* statisticsLayout = new QVBoxLayout(statisticsPage);
  statisticsLayout->setContentsMargins(0, 0, 0, 0);
  statisticsLayout->addWidget(statistics_);
  statisticsLayout->addWidget(chart_, 1);
  detail_->addWidget(message_);
  detail_->addWidget(statisticsPage);

  auto* details = new QWidget(this);
  auto* detailsLayout = new QVBoxLayout(details);
  detailsLayout->setContentsMargins(6, 6, 6, 6);
  detailsLayout->addWidget(title_);
  detailsLayout->addWidget(detail_, 1);

  auto* splitter = new QSplitter(Qt::Vertical, this);  // a tall, narrow dock: list above, details below
  splitter->setChildrenCollapsible(false);
  splitter->addWidget(list_);
  splitter->addWidget(details);
  splitter->setStretchFactor(0, 1);
  splitter->setStretchFactor(1, 2);
  splitter->setSizes({200, 500});  // most of the height for the statistics and the chart
  placeholder_ = new PlaceholderStack(splitter, this);
  placeholder_->placeholder()->setObjectName(QStringLiteral("profileEmptyState"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(placeholder_);
  retranslate();
}

void ColumnProfilePanel::setProfiles(std::vector<std::shared_ptr<const ColumnProfile>> profiles) {
  std::vector<Entry> columns(profiles.size());
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    // A column still being profiled keeps the name it had, if setColumnNames gave one.
    columns[i].name = profiles[i]       ? QString::fromStdString(profiles[i]->name)
                      : i < columns_.size() ? columns_[i].name
                                            : tr("Column %1").arg(i + 1);
    columns[i].profile = std::move(profiles[i]);
  }
  const bool sameColumns = columns.size() == columns_.size();
  columns_ = std::move(columns);
  if (!sameColumns) return fillList();
  // The profiles of the columns already listed: updated in place, so the list keeps its scroll.
  for (int i = 0; i < columnCount(); ++i) updateItem(i);
  showSelected();
}

void ColumnProfilePanel::setColumnNames(const QStringList& names) {
  columns_.assign(static_cast<std::size_t>(names.size()), Entry{});
  for (qsizetype i = 0; i < names.size(); ++i) columns_[static_cast<std::size_t>(i)].name = names[i];
  fillList();
}

void ColumnProfilePanel::setProfile(int column, std::shared_ptr<const ColumnProfile> profile) {
  if (column < 0 || column >= columnCount()) return;
  Entry& entry = columns_[static_cast<std::size_t>(column)];
  if (profile) entry.name = QString::fromStdString(profile->name);
  entry.profile = std::move(profile);
  updateItem(column);
  if (column == selected_) showSelected();
}

void ColumnProfilePanel::selectColumn(int column) {
  selected_ = column >= 0 && column < columnCount() ? column : -1;
  {
    const QSignalBlocker block(list_);  // the table asked: no columnSelected back to it
    QTreeWidgetItem* item = selected_ >= 0 ? list_->topLevelItem(selected_) : nullptr;
    list_->setCurrentItem(item);
    if (item) list_->scrollToItem(item);
    else list_->clearSelection();
  }
  showSelected();
}

void ColumnProfilePanel::clear() {
  columns_.clear();
  fillList();
}

void ColumnProfilePanel::fillList() {
  if (selected_ >= columnCount()) selected_ = -1;
  {
    const QSignalBlocker block(list_);
    list_->clear();
    // Described before they join the list: 100,000 columns cost no change notifications.
    QList<QTreeWidgetItem*> items;
    items.reserve(columnCount());
    for (const Entry& entry : columns_) {
      items << new QTreeWidgetItem;
      describe(items.back(), entry);
    }
    list_->addTopLevelItems(items);
  }
  selectColumn(selected_);
  placeholder_->showContent(!columns_.empty());
}

void ColumnProfilePanel::updateItem(int column) {
  if (QTreeWidgetItem* item = list_->topLevelItem(column)) describe(item, columns_[static_cast<std::size_t>(column)]);
}

void ColumnProfilePanel::describe(QTreeWidgetItem* item, const Entry& entry) const {
  item->setText(NameColumn, entry.name);
  item->setTextAlignment(MissingColumn, Qt::AlignRight | Qt::AlignVCenter);
  if (!entry.profile) {
    item->setIcon(NameColumn, QIcon());
    item->setToolTip(NameColumn, entry.name);
    item->setText(MissingColumn, QStringLiteral("…"));
    item->setToolTip(MissingColumn, tr("Profiling…"));
    return;
  }
  const ColumnProfile& p = *entry.profile;
  const std::uint64_t rows = p.count + p.missing;
  item->setIcon(NameColumn, typeIcons_[static_cast<std::size_t>(p.type)]);
  item->setToolTip(NameColumn, QStringLiteral("%1\n%2").arg(entry.name, typeName(p.type)));
  item->setText(MissingColumn, percent(shareOf(p.missing, rows)));
  item->setToolTip(MissingColumn, tr("%1 of %2 rows missing").arg(count(p.missing), count(rows)));
}

void ColumnProfilePanel::showSelected() {
  const Entry* entry = selected_ >= 0 ? &columns_[static_cast<std::size_t>(selected_)] : nullptr;
  title_->setText(entry ? elided(title_, entry->name, kTitleWidth) : QString());
  title_->setToolTip(entry ? entry->name : QString());
  if (!entry || !entry->profile) {
    message_->setText(entry ? tr("Profiling…") : tr("Select a column to see its statistics and distribution."));
    detail_->setCurrentWidget(message_);
    chart_->clear();
    return;
  }
  fillStatistics(*entry->profile);
  // New children of a shown widget stay hidden until the event loop runs; show them now.
  for (QLabel* label : statistics_->findChildren<QLabel*>(QString(), Qt::FindDirectChildrenOnly)) label->show();
  chart_->setProfile(*entry->profile);
  detail_->setCurrentIndex(1);
}

void ColumnProfilePanel::fillStatistics(const ColumnProfile& p) {
  qDeleteAll(statistics_->findChildren<QLabel*>(QString(), Qt::FindDirectChildrenOnly));
  gridCell_ = 0;
  const QLocale locale;
  const auto value = [&](double v) { return HistogramChart::formatValue(v, p.type, 6, locale); };
  const std::uint64_t rows = p.count + p.missing;
  addStatistic(QStringLiteral("type"), tr("Type"), typeName(p.type), QString::fromLatin1(data::columnTypeName(p.type)));
  addStatistic(QStringLiteral("rows"), tr("Rows"), count(rows));
  addStatistic(QStringLiteral("missing"), tr("Missing"),
               QStringLiteral("%1 (%2)").arg(count(p.missing), percent(shareOf(p.missing, rows))));
  addStatistic(QStringLiteral("distinct"), tr("Distinct"), count(p.distinct));

  if (p.type == ColumnType::Float64 || p.type == ColumnType::Int64 || p.type == ColumnType::Datetime) {
    // Int64 and dates above 2^53 read exactly from the exact extremes, not from the rounded doubles.
    const auto extreme = [&](const std::optional<std::int64_t>& exact, double rounded) {
      return exact && p.type == ColumnType::Int64 ? locale.toString(static_cast<qlonglong>(*exact)) : value(rounded);
    };
    addStatistic(QStringLiteral("mean"), tr("Mean"), value(p.mean));
    QString spread = value(p.stddev);
    if (p.type == ColumnType::Datetime && std::isfinite(p.stddev))  // a spread of dates is a duration
      spread = tr("%1 days").arg(HistogramChart::formatValue(p.stddev / 86'400e6, ColumnType::Float64, 4, locale));
    addStatistic(QStringLiteral("std"), tr("Std. dev."), spread);
    addStatistic(QStringLiteral("min"), tr("Min"), extreme(p.exactMin, p.min));
    const std::pair<double, QString> levels[] = {
        {0.05, tr("5%")}, {0.25, tr("25%")}, {0.5, tr("Median")}, {0.75, tr("75%")}, {0.95, tr("95%")}};
    for (const auto& [level, label] : levels)
      addStatistic(QStringLiteral("q%1").arg(qRound(level * 100)), label, value(p.quantile(level)));
    addStatistic(QStringLiteral("max"), tr("Max"), extreme(p.exactMax, p.max));
    return;
  }
  if (p.type == ColumnType::Bool) addStatistic(QStringLiteral("true"), tr("True"), percent(100.0 * p.mean));
  if (p.type == ColumnType::Text)
    addStatistic(QStringLiteral("meanLength"), tr("Mean length"),
                 tr("%1 characters").arg(HistogramChart::formatValue(p.meanLength, ColumnType::Float64, 3, locale)));
  addTopValues(p);
}

void ColumnProfilePanel::addStatistic(const QString& key, const QString& label, const QString& value,
                                      const QString& toolTip) {
  auto* name = new QLabel(label, statistics_);
  name->setForegroundRole(QPalette::PlaceholderText);
  auto* shown = new QLabel(value, statistics_);
  shown->setObjectName(QStringLiteral("value:") + key);
  shown->setTextInteractionFlags(Qt::TextSelectableByMouse);  // numbers are copied into reports
  shown->setToolTip(toolTip);
  // Two label/value pairs per row: compact in the dock's width.
  const int row = gridCell_ / 2, column = (gridCell_ % 2) * 2;
  grid_->addWidget(name, row, column);
  grid_->addWidget(shown, row, column + 1);
  ++gridCell_;
}

void ColumnProfilePanel::addTopValues(const ColumnProfile& p) {
  if (p.topCategories.empty()) return;
  int row = (gridCell_ + 1) / 2;
  auto* heading = new QLabel(tr("Most frequent"), statistics_);
  QFont bold = heading->font();
  bold.setBold(true);
  heading->setFont(bold);
  grid_->addWidget(heading, row++, 0, 1, 4);
  const int shown = std::min<int>(kTopValuesShown, static_cast<int>(p.topCategories.size()));
  for (int i = 0; i < shown; ++i) {
    const data::CategoryCount& category = p.topCategories[static_cast<std::size_t>(i)];
    QString text = QString::fromStdString(category.value).simplified();  // one line per value
    if (category.value.empty()) text = tr("(empty)");
    auto* name = new QLabel(elided(this, text, kValueLabelWidth), statistics_);
    name->setToolTip(QString::fromStdString(category.value));
    auto* frequency = new QLabel(QStringLiteral("%1 (%2)").arg(count(category.count), percent(shareOf(category.count, p.count))),
                                 statistics_);
    frequency->setObjectName(QStringLiteral("value:top%1").arg(i));
    frequency->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    grid_->addWidget(name, row, 0, 1, 3);
    grid_->addWidget(frequency, row++, 3);
  }
  gridCell_ = row * 2;
}

QString ColumnProfilePanel::typeName(ColumnType type) const {
  switch (type) {
    case ColumnType::Float64: return tr("Decimal number");
    case ColumnType::Int64: return tr("Whole number");
    case ColumnType::Bool: return tr("True/false");
    case ColumnType::Categorical: return tr("Category");
    case ColumnType::Text: return tr("Text");
    case ColumnType::Datetime: return tr("Date and time");
  }
  return tr("Text");
}

void ColumnProfilePanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void ColumnProfilePanel::retranslate() {
  list_->setHeaderLabels({tr("Column"), tr("Missing")});
  placeholder_->placeholder()->setTitle(tr("No columns to profile"));
  placeholder_->placeholder()->setText(tr("Open a dataset to see each column's statistics and distribution here."));
  for (int i = 0; i < columnCount(); ++i) updateItem(i);
  showSelected();
}

}  // namespace lathe::widgets
