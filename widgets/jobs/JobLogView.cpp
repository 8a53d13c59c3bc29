#include "widgets/jobs/JobLogView.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>

namespace lathe::widgets {

JobLogView::JobLogView(QWidget* parent) : QTreeWidget(parent) {
  setRootIsDecorated(false);
  setUniformRowHeights(true);
  setAlternatingRowColors(true);
  setSelectionMode(QAbstractItemView::ExtendedSelection);
  setColumnCount(5);
  header()->setStretchLastSection(true);
  retranslate();
}

void JobLogView::append(const JobLogEntry& entry) {
  auto* item = new QTreeWidgetItem(this);
  item->setText(0, QLocale().toString(entry.when.time(), QLocale::ShortFormat));
  item->setText(1, entry.title);
  item->setText(2, outcomeText(entry.outcome));
  if (entry.outcome != JobLogEntry::Outcome::Started)
    item->setText(3, tr("%1 s").arg(QLocale().toString(entry.seconds, 'f', 2)));
  item->setText(4, entry.detail);
  item->setToolTip(4, entry.detail);
  if (entry.outcome == JobLogEntry::Outcome::Failed)
    for (int c = 0; c < columnCount(); ++c) item->setForeground(c, QColor(0xc0, 0x39, 0x2b));
  scrollToItem(item);
}

void JobLogView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QTreeWidget::changeEvent(event);
}

void JobLogView::retranslate() {
  setHeaderLabels({tr("Time"), tr("Job"), tr("Outcome"), tr("Duration"), tr("Details")});
}

QString JobLogView::outcomeText(JobLogEntry::Outcome outcome) {
  switch (outcome) {
    case JobLogEntry::Outcome::Started: return tr("Started");
    case JobLogEntry::Outcome::Finished: return tr("Finished");
    case JobLogEntry::Outcome::Cancelled: return tr("Cancelled");
    case JobLogEntry::Outcome::Failed: return tr("Failed");
  }
  return {};
}

}  // namespace lathe::widgets
