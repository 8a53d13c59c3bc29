#include "widgets/canvas/NodePalette.h"

#include <QEvent>
#include <QKeyEvent>
#include <QMimeData>

#include "engine/pipeline/NodeRegistry.h"
#include "widgets/canvas/NodeTypeNames.h"
#include "widgets/canvas/PipelineScene.h"
#include "widgets/canvas/PortItem.h"

namespace lathe::widgets {
namespace {
constexpr int kTypeRole = Qt::UserRole;

QString portList(const std::vector<pipeline::PortSpec>& ports) {
  QStringList parts;
  for (const auto& port : ports)
    parts << QStringLiteral("%1 (%2)").arg(QString::fromStdString(port.name), PortItem::typeName(port.type));
  return parts.join(QStringLiteral(", "));
}
}  // namespace

NodePalette::NodePalette(QWidget* parent) : QListWidget(parent) {
  setObjectName(QStringLiteral("canvas.palette"));
  setDragEnabled(true);
  setDragDropMode(QAbstractItemView::DragOnly);
  setSelectionMode(QAbstractItemView::SingleSelection);
  setDefaultDropAction(Qt::CopyAction);
  setUniformItemSizes(true);
  connect(this, &QListWidget::itemActivated, this,
          [this](QListWidgetItem* item) { emit addRequested(item->data(kTypeRole).toString()); });
}

void NodePalette::setRegistry(const pipeline::NodeRegistry& registry) {
  registry_ = &registry;
  clear();
  for (const pipeline::NodeType* type : registry.list()) {
    auto* item = new QListWidgetItem(NodeTypeNames::title(*type), this);
    item->setData(kTypeRole, QString::fromStdString(type->id));
    QString tip = NodeTypeNames::title(*type);
    if (!type->inputs.empty()) tip += QStringLiteral("\n") + tr("Inputs: %1").arg(portList(type->inputs));
    if (!type->outputs.empty()) tip += QStringLiteral("\n") + tr("Outputs: %1").arg(portList(type->outputs));
    tip += QStringLiteral("\n") + tr("Drag onto the canvas to add it");
    item->setToolTip(tip);
  }
  sortItems();
}

QStringList NodePalette::typeIds() const {
  QStringList ids;
  for (int row = 0; row < count(); ++row) ids << item(row)->data(kTypeRole).toString();
  return ids;
}

QListWidgetItem* NodePalette::itemFor(const QString& typeId) const {
  for (int row = 0; row < count(); ++row)
    if (item(row)->data(kTypeRole).toString() == typeId) return item(row);
  return nullptr;
}

QMimeData* NodePalette::mimeDataFor(const QString& typeId) {
  auto* mime = new QMimeData;
  mime->setData(QLatin1String(PipelineScene::kNodeTypeMime), typeId.toUtf8());
  return mime;
}

QStringList NodePalette::mimeTypes() const { return {QLatin1String(PipelineScene::kNodeTypeMime)}; }

QMimeData* NodePalette::mimeData(const QList<QListWidgetItem*>& items) const {
  if (items.isEmpty()) return nullptr;
  return mimeDataFor(items.front()->data(kTypeRole).toString());
}

void NodePalette::keyPressEvent(QKeyEvent* event) {
  if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentItem()) {
    emit addRequested(currentItem()->data(kTypeRole).toString());
    event->accept();
    return;
  }
  QListWidget::keyPressEvent(event);
}

void NodePalette::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange && registry_) setRegistry(*registry_);
  QListWidget::changeEvent(event);
}

}  // namespace lathe::widgets
