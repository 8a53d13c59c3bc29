#include "widgets/deploy/AbResultView.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lathe::widgets {
namespace {

QString number(double value) { return QString::number(value, 'f', 4); }
QString pValue(double p) { return p < 0.001 ? QStringLiteral("< 0.001") : QString::number(p, 'f', 3); }

}  // namespace

AbResultView::AbResultView(QWidget* parent) : QWidget(parent) {
  table_ = new QTableWidget(0, 7, this);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->horizontalHeader()->setStretchLastSection(true);
  verdict_ = new QLabel(this);
  verdict_->setWordWrap(true);
  verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(table_, 1);
  layout->addWidget(verdict_);
  retranslate();
  clear();
  // Compact rows, and room for the header and two variants even when the dock is short.
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
  table_->setMinimumHeight(table_->horizontalHeader()->sizeHint().height() + 2 * table_->verticalHeader()->defaultSectionSize() +
                           2 * table_->frameWidth() + table_->horizontalScrollBar()->sizeHint().height());
}

void AbResultView::clear() {
  hasResult_ = false;
  table_->setRowCount(0);
  verdict_->setText(tr("Once labels arrive, Compare Variants… joins them to the logged answers by key and tells whether "
                       "one variant is really better."));
}

void AbResultView::setResult(const deploy::AbTestResult& result) {
  result_ = result;
  hasResult_ = true;
  table_->setRowCount(static_cast<int>(result.variants.size()));
  for (int row = 0; row < static_cast<int>(result.variants.size()); ++row) {
    const auto& v = result.variants[static_cast<std::size_t>(row)];
    QStringList cells = {QString::fromStdString(v.variant), QString::number(v.rows), number(v.value),
                         number(v.interval.low) + QStringLiteral(" – ") + number(v.interval.high), QString(), QString(),
                         QString()};
    for (const auto& c : result.comparisons) {
      if (c.variant != v.variant) continue;
      cells[4] = (c.difference >= 0 ? QStringLiteral("+") : QString()) + number(c.difference) + QStringLiteral(" (") +
                 number(c.interval.low) + QStringLiteral(" – ") + number(c.interval.high) + QLatin1Char(')');
      cells[5] = pValue(c.pValue);
      cells[6] = c.verdict == deploy::AbVerdict::Better    ? tr("better")
                 : c.verdict == deploy::AbVerdict::Worse   ? tr("worse")
                 : c.verdict == deploy::AbVerdict::NoDifferenceYet ? tr("no difference yet")
                                                                   : tr("not enough data");
    }
    if (v.variant == result.reference) cells[6] = tr("reference");
    for (int column = 0; column < cells.size(); ++column) table_->setItem(row, column, new QTableWidgetItem(cells[column]));
  }
  table_->resizeColumnsToContents();
  verdict_->setText(verdictText());
}

QString AbResultView::verdictText() const {
  QStringList lines;
  for (const auto& c : result_.comparisons) lines << sentence(c);
  return lines.join(QLatin1Char('\n'));
}

QString AbResultView::sentence(const deploy::AbComparison& c) const {
  const QString variant = QString::fromStdString(c.variant);
  const QString reference = QString::fromStdString(c.reference);
  const QString metric = QString::fromStdString(result_.metric);
  const QString interval = number(c.interval.low) + QStringLiteral(" – ") + number(c.interval.high);
  const int level = static_cast<int>(result_.confidence * 100.0 + 0.5);
  switch (c.verdict) {
    case deploy::AbVerdict::Better:
    case deploy::AbVerdict::Worse:
      return (c.verdict == deploy::AbVerdict::Better ? tr("%1 is better than %2 on %3 by %4 (%5% CI %6, p = %7): the "
                                                          "difference is real.")
                                                     : tr("%1 is worse than %2 on %3 by %4 (%5% CI %6, p = %7): the "
                                                          "difference is real."))
          .arg(variant, reference, metric, number(std::abs(c.difference)), QString::number(level), interval, pValue(c.pValue));
    case deploy::AbVerdict::NoDifferenceYet:
      return tr("%1 and %2 differ by %3 on %4 (%5% CI %6, p = %7): not a real difference yet.")
                 .arg(variant, reference, number(c.difference), metric, QString::number(level), interval, pValue(c.pValue)) +
             (c.moreRowsNeeded ? QLatin1Char(' ') + tr("About %n more labelled rows per variant would tell.", nullptr,
                                                       static_cast<int>(*c.moreRowsNeeded))
                               : QString());
    case deploy::AbVerdict::NotEnoughData:
      return tr("%1 against %2: not enough labelled rows yet to judge.").arg(variant, reference) +
             (c.moreRowsNeeded ? QLatin1Char(' ') + tr("About %n more labelled rows per variant are needed.", nullptr,
                                                       static_cast<int>(*c.moreRowsNeeded))
                               : QString());
  }
  return {};
}

void AbResultView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void AbResultView::retranslate() {
  table_->setHorizontalHeaderLabels({tr("Variant"), tr("Labelled rows"), tr("KPI"), tr("Confidence interval"),
                                     tr("Difference"), tr("p-value"), tr("Verdict")});
  if (hasResult_) setResult(result_);
  else clear();
}

}  // namespace lathe::widgets
