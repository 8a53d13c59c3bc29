#include "widgets/deploy/AliasHistoryView.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <algorithm>

#include "widgets/deploy/ModelVersionTableModel.h"

namespace lathe::widgets {
namespace {

QString text(const std::string& utf8) { return QString::fromStdString(utf8); }

QString when(const std::string& iso) {
  const QDateTime time = QDateTime::fromString(text(iso), Qt::ISODateWithMs);
  return time.isValid() ? QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")) : text(iso);
}

}  // namespace

AliasHistoryView::AliasHistoryView(QWidget* parent) : QTableWidget(parent) {
  setObjectName(QStringLiteral("aliasHistory"));
  setColumnCount(ColumnCount);
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionBehavior(QAbstractItemView::SelectRows);
  setAlternatingRowColors(true);
  setWordWrap(false);
  verticalHeader()->hide();
  verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  // A header and a row at least: in a short bottom dock the list of versions keeps its rows.
  setMinimumHeight(2 * verticalHeader()->defaultSectionSize());
  horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  horizontalHeader()->setStretchLastSection(true);
  refill();
}

void AliasHistoryView::setHistory(std::vector<deploy::AliasEvent> events) {
  events_ = std::move(events);
  // Newest first. The registry lists moves oldest first and several can share a millisecond (a
  // move to production and the archiving it causes), so reverse its order, then sort by time
  // (ISO 8601 UTC: text order is time order) keeping that order among equals.
  std::reverse(events_.begin(), events_.end());
  std::stable_sort(events_.begin(), events_.end(), [](const auto& a, const auto& b) { return a.at > b.at; });
  refill();
}

void AliasHistoryView::refill() {
  setHorizontalHeaderLabels({tr("When"), tr("Version"), tr("From"), tr("To"), tr("Reason")});
  setRowCount(static_cast<int>(events_.size()));
  int row = 0;
  for (const auto& e : events_) {
    auto* at = new QTableWidgetItem(when(e.at));
    at->setToolTip(text(e.at));
    setItem(row, WhenColumn, at);
    setItem(row, VersionColumn, new QTableWidgetItem(tr("v%1").arg(e.version)));
    setItem(row, FromColumn, new QTableWidgetItem(ModelVersionTableModel::aliasText(e.fromAlias)));
    setItem(row, ToColumn, new QTableWidgetItem(ModelVersionTableModel::aliasText(e.toAlias)));
    auto* reason = new QTableWidgetItem(text(e.reason));
    reason->setToolTip(text(e.reason));
    setItem(row, ReasonColumn, reason);
    ++row;
  }
}

void AliasHistoryView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) refill();
  QTableWidget::changeEvent(event);
}

}  // namespace lathe::widgets
