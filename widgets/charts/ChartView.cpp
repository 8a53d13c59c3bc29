#include "widgets/charts/ChartView.h"

#include <QHelpEvent>
#include <QLocale>
#include <QToolTip>

#include "widgets/charts/ChartExport.h"
#include "widgets/charts/ChartStyle.h"

namespace lathe::widgets {

namespace {

const QString kEmptyState = QStringLiteral("emptyState");

QLocale numberLocale() {
  QLocale locale;
  locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
  return locale;
}

}  // namespace

ChartView::ChartView(const QString& objectName, QWidget* parent) : QCustomPlot(parent) {
  setObjectName(objectName);
  setAutoAddPlottableToLegend(false);  // a chart lists in its legend only what it means to
  setNoAntialiasingOnDrag(true);
  ChartStyle::apply(this);
  ChartExport::installContextMenu(this);
}

QString ChartView::emptyStateText() const {
  const auto* text = findChild<QCPItemText*>(kEmptyState);
  return text ? text->text() : QString();
}

void ChartView::showEmptyState(const QString& text) {
  hideEmptyState();
  clearPlottables();
  for (QCPAxis* axis : {xAxis, yAxis}) {
    axis->setVisible(false);
    axis->grid()->setVisible(false);
  }
  auto* item = new QCPItemText(this);
  item->setObjectName(kEmptyState);
  item->setLayer(QStringLiteral("legend"));  // above everything else
  item->setClipToAxisRect(false);             // a narrow dock still shows the whole sentence
  item->position->setType(QCPItemPosition::ptAxisRectRatio);
  item->position->setAxisRect(axisRect());
  item->position->setCoords(0.5, 0.5);
  item->setPositionAlignment(Qt::AlignCenter);
  item->setTextAlignment(Qt::AlignCenter);
  item->setPadding(QMargins(4, 2, 4, 2));
  item->setFont(font());
  item->setColor(palette().color(QPalette::PlaceholderText));
  item->setText(text);
  replot(rpQueuedReplot);
}

void ChartView::hideEmptyState() {
  if (auto* item = findChild<QCPItemText*>(kEmptyState)) removeItem(item);  // deletes it
}

QCPColorScale* ChartView::addColorScale(const QString& objectName) {
  removeColorScale();
  if (!marginGroup_) marginGroup_ = new QCPMarginGroup(this);
  colorScale_ = new QCPColorScale(this);
  colorScale_->setObjectName(objectName);
  plotLayout()->addElement(0, 1, colorScale_);
  colorScale_->setType(QCPAxis::atRight);
  colorScale_->setMarginGroup(QCP::msTop | QCP::msBottom, marginGroup_);
  axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, marginGroup_);
  return colorScale_;
}

void ChartView::removeColorScale() {
  if (colorScale_) plotLayout()->remove(colorScale_);  // deletes it
  colorScale_ = nullptr;
  plotLayout()->simplify();
  axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, nullptr);
}

void ChartView::addNote(QCustomPlot* plot, const QString& text) {
  auto* note = new QCPItemText(plot);
  note->setObjectName(QStringLiteral("chartNote"));
  note->position->setType(QCPItemPosition::ptAxisRectRatio);
  note->position->setAxisRect(plot->axisRect());
  note->position->setCoords(1.0, 1.0);
  note->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
  note->setPadding(QMargins(4, 2, 6, 4));
  QColor background = plot->palette().color(QPalette::Base);
  background.setAlpha(200);
  note->setBrush(background);
  note->setColor(plot->palette().color(QPalette::WindowText));
  QFont font = plot->font();
  font.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.85 : 8.0);
  note->setFont(font);
  note->setText(text);
}

QString ChartView::numberText(double value) { return numberLocale().toString(value, 'g', 6); }

QString ChartView::countText(std::uint64_t value) { return numberLocale().toString(static_cast<qulonglong>(value)); }

bool ChartView::event(QEvent* event) {
  if (event->type() != QEvent::ToolTip) return QCustomPlot::event(event);
  const auto* help = static_cast<QHelpEvent*>(event);
  const QString text = toolTipAt(help->pos());
  if (text.isEmpty()) {
    QToolTip::hideText();
    event->ignore();
  } else {
    QToolTip::showText(help->globalPos(), text, this);
  }
  return true;
}

void ChartView::changeEvent(QEvent* event) {
  QCustomPlot::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) ChartStyle::apply(this);
  if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange) redraw();
}

}  // namespace lathe::widgets
