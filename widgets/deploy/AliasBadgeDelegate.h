#pragma once
#include <QColor>
#include <QStyledItemDelegate>

namespace lathe::widgets {

// Draws a version's alias as a small rounded badge, one colour per alias, so production stands
// out in a long list of versions. Cells without an alias (AliasRole empty) draw as usual.
class AliasBadgeDelegate : public QStyledItemDelegate {
  Q_OBJECT
 public:
  explicit AliasBadgeDelegate(QObject* parent = nullptr);

  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

  // The badge's fill for an alias as stored ("production", "candidate", "archived").
  static QColor colour(const QString& alias);
};

}  // namespace lathe::widgets
