#include "widgets/deploy/AliasBadgeDelegate.h"

#include <QApplication>
#include <QPainter>

#include "widgets/deploy/ModelVersionTableModel.h"

namespace lathe::widgets {
namespace {
constexpr int kPadding = 6;  // around the text, inside the badge
}

AliasBadgeDelegate::AliasBadgeDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QColor AliasBadgeDelegate::colour(const QString& alias) {
  // Dark enough for white text on a light or a dark palette.
  if (alias == QLatin1String("production")) return QColor(0x2e, 0x7d, 0x32);
  if (alias == QLatin1String("candidate")) return QColor(0xb2, 0x6a, 0x00);
  return QColor(0x75, 0x75, 0x75);
}

void AliasBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
  const QString alias = index.data(ModelVersionTableModel::AliasRole).toString();
  if (alias.isEmpty()) {
    QStyledItemDelegate::paint(painter, option, index);
    return;
  }
  // The selection and row background first, without the text; the badge goes on top.
  QStyleOptionViewItem background = option;
  initStyleOption(&background, index);
  background.text.clear();
  const QWidget* widget = option.widget;
  QStyle* style = widget ? widget->style() : QApplication::style();
  style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

  const QString label = index.data(Qt::DisplayRole).toString();
  QFont font = option.font;
  font.setPointSizeF(font.pointSizeF() * 0.9);
  const QFontMetrics metrics(font);
  const int height = std::min(option.rect.height() - 4, metrics.height() + 2);
  const int width = std::min(option.rect.width() - 4, metrics.horizontalAdvance(label) + 2 * kPadding);
  const QRect badge(option.rect.left() + 2, option.rect.center().y() - height / 2, width, height);
  painter->save();
  painter->setRenderHint(QPainter::Antialiasing);
  painter->setPen(Qt::NoPen);
  painter->setBrush(colour(alias));
  painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
  painter->setFont(font);
  painter->setPen(Qt::white);
  painter->drawText(badge, Qt::AlignCenter, metrics.elidedText(label, Qt::ElideRight, badge.width() - kPadding));
  painter->restore();
}

QSize AliasBadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
  QSize size = QStyledItemDelegate::sizeHint(option, index);
  if (!index.data(ModelVersionTableModel::AliasRole).toString().isEmpty()) size.rwidth() += 2 * kPadding + 4;
  return size;
}

}  // namespace lathe::widgets
