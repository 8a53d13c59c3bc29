#pragma once
#include <QListWidget>

namespace lathe::pipeline {
class NodeRegistry;
}

namespace lathe::widgets {

// The node kinds a pipeline can use, to drag onto the canvas (the drag carries the type's id
// under PipelineScene::kNodeTypeMime). Double-click or Enter asks to add one at the canvas's
// centre, for those who do not drag.
class NodePalette : public QListWidget {
  Q_OBJECT
 public:
  explicit NodePalette(QWidget* parent = nullptr);

  // Lists every kind in the registry, by its name in the user's language.
  void setRegistry(const pipeline::NodeRegistry& registry);
  QStringList typeIds() const;
  QListWidgetItem* itemFor(const QString& typeId) const;
  // What a drag of `typeId` carries (the caller owns it).
  static QMimeData* mimeDataFor(const QString& typeId);
  // Narrow is fine: the left column is shared with the project panel.
  QSize minimumSizeHint() const override { return {80, 60}; }

 signals:
  void addRequested(const QString& typeId);

 protected:
  QStringList mimeTypes() const override;
  QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
  void keyPressEvent(QKeyEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  const pipeline::NodeRegistry* registry_ = nullptr;
};

}  // namespace lathe::widgets
