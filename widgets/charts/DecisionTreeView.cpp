#include "widgets/charts/DecisionTreeView.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSettings>
#include <QSvgGenerator>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "widgets/charts/ChartExport.h"
#include "widgets/charts/ChartStyle.h"

namespace lathe::widgets {

namespace {

constexpr double kBoxWidth = 200.0;
constexpr double kSlot = 220.0;  // horizontal room per leaf
constexpr double kPad = 6.0;
constexpr double kBarHeight = 8.0;
constexpr double kFoldedWidth = 110.0;
constexpr double kFoldedHeight = 26.0;
constexpr double kMinZoom = 0.01;
constexpr double kMaxZoom = 8.0;
// A PNG is drawn at twice the scene's size, but never past these (a wide tree is huge).
constexpr double kMaxImageSide = 16000.0;
constexpr double kMaxImagePixels = 40e6;
constexpr double kMaxPdfSide = 14400.0;
constexpr int kNodeRole = 0;  // QGraphicsItem::data keys
constexpr int kKindRole = 1;
constexpr int kNodeBox = 1;
constexpr int kFoldedBox = 2;

QGraphicsSimpleTextItem* addText(QGraphicsItem* parent, const QString& text, const QFont& font, const QColor& color,
                                 QPointF at) {
  auto* item = new QGraphicsSimpleTextItem(text, parent);
  item->setFont(font);
  item->setBrush(color);
  item->setPos(at);
  return item;
}

// A split that is too wide loses the end of its column's name, never its threshold or level:
// "Flipper Len… <= 206.5".
QString splitText(const QString& split, const QFontMetricsF& metrics, double width) {
  if (metrics.horizontalAdvance(split) <= width) return split;
  qsizetype at = split.indexOf(QLatin1String(" <= "));
  if (at < 0) at = split.indexOf(QLatin1String(" is "));
  if (at > 0) {
    const QString rest = split.mid(at);
    const double room = width - metrics.horizontalAdvance(rest);
    if (room > width / 4) return metrics.elidedText(split.left(at), Qt::ElideRight, room) + rest;
  }
  return metrics.elidedText(split, Qt::ElideRight, width);
}

}  // namespace

DecisionTreeView::DecisionTreeView(QWidget* parent) : QGraphicsView(parent) {
  setObjectName(QStringLiteral("decisionTreeView"));
  setScene(new QGraphicsScene(this));
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  setDragMode(QGraphicsView::ScrollHandDrag);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setFrameShape(QFrame::NoFrame);
  const auto addViewAction = [this](const char* name, QList<QKeySequence> keys, void (DecisionTreeView::*slot)()) {
    auto* action = new QAction(this);
    action->setObjectName(QLatin1String(name));
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    return action;
  };
  zoomInAction_ = addViewAction("zoomInAction", {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn},
                                &DecisionTreeView::zoomIn);
  zoomOutAction_ = addViewAction("zoomOutAction", {QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut},
                                 &DecisionTreeView::zoomOut);
  fitAction_ = addViewAction("fitAction", {QKeySequence(Qt::CTRL | Qt::Key_0)}, &DecisionTreeView::fitToView);
  exportAction_ = addViewAction("exportAction", {}, &DecisionTreeView::exportWithDialog);
  setContextMenuPolicy(Qt::ActionsContextMenu);
  retranslate();
}

void DecisionTreeView::retranslate() {
  zoomInAction_->setText(tr("Zoom In"));
  zoomOutAction_->setText(tr("Zoom Out"));
  fitAction_->setText(tr("Fit Tree to View"));
  exportAction_->setText(tr("Export Tree…"));
}

bool DecisionTreeView::validChild(int parent, int child) const {
  return child > parent && child < static_cast<int>(tree_.nodes.size());
}

void DecisionTreeView::setTree(const experiments::TreeDiagram& tree) {
  tree_ = tree;
  const std::size_t n = tree_.nodes.size();
  opened_.assign(n, 0);
  folded_.assign(n, 0);
  budget_ = kShownNodes;
  // Subtree sizes bottom-up: children come after their parent (checked by validChild).
  subtreeSize_.assign(n, 1);
  for (int i = static_cast<int>(n) - 1; i >= 0; --i) {
    const auto& node = tree_.nodes[static_cast<std::size_t>(i)];
    if (!node.isLeaf() && validChild(i, node.left) && validChild(i, node.right))
      subtreeSize_[static_cast<std::size_t>(i)] = static_cast<int>(std::min<long long>(
          1LL + subtreeSize_[static_cast<std::size_t>(node.left)] + subtreeSize_[static_cast<std::size_t>(node.right)],
          1LL << 30));
  }
  minMean_ = maxMean_ = 0;
  bool first = true;
  for (const auto& node : tree_.nodes)
    if (tree_.regression && !node.distribution.empty() && std::isfinite(node.distribution[0])) {
      minMean_ = first ? node.distribution[0] : std::min(minMean_, node.distribution[0]);
      maxMean_ = first ? node.distribution[0] : std::max(maxMean_, node.distribution[0]);
      first = false;
    }
  rebuild();
  fitToView();
  // A wide tree fitted whole is unreadable: start readable, at the root.
  if (!tree_.nodes.empty() && zoomFactor() < 0.6) {
    setZoom(0.6);
    centerOn(x_[0], viewport()->height() / 2.0 / 0.6 - 40.0);
  }
}

void DecisionTreeView::clear() { setTree({}); }

void DecisionTreeView::decideShown() {
  const std::size_t n = tree_.nodes.size();
  shown_.assign(n, Shown::Hidden);
  depth_.assign(n, 0);
  std::vector<int> anchor(n, 0);  // the depth the drawn levels count from
  if (n == 0) return;
  std::vector<int> queue{0};
  shown_[0] = Shown::Drawn;
  int drawn = 1;
  // Breadth first, so a budget running out folds the deepest levels, not the right half.
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const int p = queue[i];
    const auto& node = tree_.nodes[static_cast<std::size_t>(p)];
    if (node.isLeaf() || !validChild(p, node.left) || !validChild(p, node.right)) continue;
    for (const int c : {node.left, node.right}) {
      const auto child = static_cast<std::size_t>(c);
      if (shown_[child] != Shown::Hidden) continue;  // reached twice: a malformed diagram
      depth_[child] = depth_[static_cast<std::size_t>(p)] + 1;
      const bool draw = opened_[child] || (!folded_[static_cast<std::size_t>(p)] &&
                                           depth_[child] - anchor[static_cast<std::size_t>(p)] <= kShownDepth &&
                                           drawn < budget_);
      shown_[child] = draw ? Shown::Drawn : Shown::Folded;
      if (!draw) continue;
      anchor[child] = opened_[child] ? depth_[child] : anchor[static_cast<std::size_t>(p)];
      ++drawn;
      queue.push_back(c);
    }
  }
}

void DecisionTreeView::layOut() {
  const int n = static_cast<int>(tree_.nodes.size());
  x_.assign(static_cast<std::size_t>(n), 0.0);
  const auto splitsDrawn = [&](int i) {
    const auto& node = tree_.nodes[static_cast<std::size_t>(i)];
    return shown_[static_cast<std::size_t>(i)] == Shown::Drawn && !node.isLeaf() && validChild(i, node.left) &&
           validChild(i, node.right);
  };
  // Leaves evenly spaced in index order (left to right, as the nodes are in preorder)...
  double slot = 0;
  for (int i = 0; i < n; ++i)
    if (shown_[static_cast<std::size_t>(i)] != Shown::Hidden && !splitsDrawn(i)) x_[static_cast<std::size_t>(i)] = kSlot * slot++;
  // ...and each parent centred over its children, bottom-up.
  for (int i = n - 1; i >= 0; --i)
    if (splitsDrawn(i)) {
      const auto& node = tree_.nodes[static_cast<std::size_t>(i)];
      x_[static_cast<std::size_t>(i)] = (x_[static_cast<std::size_t>(node.left)] + x_[static_cast<std::size_t>(node.right)]) / 2;
    }
}

void DecisionTreeView::rebuild() {
  scene()->clear();
  boxes_.assign(tree_.nodes.size(), nullptr);
  const QFontMetricsF metrics(font());
  boxHeight_ = 2 * kPad + 3 * metrics.height() + kBarHeight + 6;
  if (tree_.nodes.empty()) {
    shown_.clear();
    scene()->setSceneRect(QRectF());
    viewport()->update();
    return;
  }
  decideShown();
  layOut();
  for (std::size_t i = 0; i < tree_.nodes.size(); ++i) {
    const int node = static_cast<int>(i);
    if (shown_[i] == Shown::Folded) addFoldedBox(node);
    if (shown_[i] != Shown::Drawn) continue;
    addNodeBox(node);
    const auto& n = tree_.nodes[i];
    if (!n.isLeaf() && validChild(node, n.left) && validChild(node, n.right)) {
      addEdge(node, n.left, true);
      addEdge(node, n.right, false);
    }
  }
  addLegend();
  scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20));
}

QStringList DecisionTreeView::boxLines(int node) const {
  const auto& n = tree_.nodes[static_cast<std::size_t>(node)];
  const QLocale locale;
  QStringList lines;
  lines << (n.isLeaf() ? tr("Leaf") : QString::fromStdString(n.split));
  lines << tr("samples %1").arg(locale.toString(std::llround(n.samples)));
  if (tree_.regression) {
    lines << tr("mean %1").arg(QString::fromStdString(n.prediction));
  } else {
    const auto best = std::max_element(n.distribution.begin(), n.distribution.end());
    const double share = best == n.distribution.end() ? 0.0 : *best;
    lines << tr("predicts %1 (%2%)").arg(QString::fromStdString(n.prediction), locale.toString(share * 100, 'f', 1));
  }
  return lines;
}

QString DecisionTreeView::detailText(int node) const {
  const auto& n = tree_.nodes[static_cast<std::size_t>(node)];
  const QLocale locale;
  QStringList lines;
  lines << (n.isLeaf() ? tr("Leaf at depth %1").arg(n.depth) : tr("Split: %1").arg(QString::fromStdString(n.split)));
  lines << tr("Training rows: %1").arg(locale.toString(std::llround(n.samples)));
  lines << tr("Impurity: %1").arg(locale.toString(n.impurity, 'g', 4));
  if (tree_.regression) {
    lines << tr("Mean of %1: %2").arg(QString::fromStdString(tree_.target), QString::fromStdString(n.prediction));
  } else {
    for (std::size_t k = 0; k < n.distribution.size(); ++k) {
      const QString label = k < tree_.classes.size() ? QString::fromStdString(tree_.classes[k]) : QString::number(k);
      lines << tr("%1: %2% (%3 rows)").arg(label, locale.toString(n.distribution[k] * 100, 'f', 1),
                                           locale.toString(std::llround(n.distribution[k] * n.samples)));
    }
    lines << tr("Predicts: %1").arg(QString::fromStdString(n.prediction));
  }
  if (!n.isLeaf()) {
    const QString side = QString::fromStdString(n.missingGoesLeft ? n.leftLabel : n.rightLabel);
    lines << (n.missingGoesLeft ? tr("Missing values go left (%1)").arg(side) : tr("Missing values go right (%1)").arg(side));
    lines << tr("Double-click to fold the %n nodes below", "", subtreeSize_[static_cast<std::size_t>(node)] - 1);
  }
  return lines.join(QLatin1Char('\n'));
}

void DecisionTreeView::addNodeBox(int node) {
  const auto& n = tree_.nodes[static_cast<std::size_t>(node)];
  const QPalette& pal = palette();
  QPainterPath path;
  path.addRoundedRect(QRectF(0, 0, kBoxWidth, boxHeight_), 6, 6);
  auto* box = new QGraphicsPathItem(path);
  box->setBrush(pal.color(QPalette::Base));
  QPen border(pal.color(QPalette::Mid), 1);
  const auto best = std::max_element(n.distribution.begin(), n.distribution.end());
  if (n.isLeaf() && !tree_.regression && best != n.distribution.end())  // a leaf in its class colour
    border = QPen(ChartStyle::seriesColor(static_cast<int>(best - n.distribution.begin())), 2);
  box->setPen(border);
  box->setPos(x_[static_cast<std::size_t>(node)] - kBoxWidth / 2, depth_[static_cast<std::size_t>(node)] * (boxHeight_ + 70));
  box->setData(kNodeRole, node);
  box->setData(kKindRole, kNodeBox);
  box->setToolTip(detailText(node));

  const QColor text = pal.color(QPalette::Text);
  QFont bold = font();
  bold.setBold(true);
  const QStringList lines = boxLines(node);
  const QFontMetricsF metrics(font()), boldMetrics(bold);
  const double inner = kBoxWidth - 2 * kPad;
  double y = kPad;
  addText(box, splitText(lines[0], boldMetrics, inner), bold, text, {kPad, y});
  y += metrics.height();
  addText(box, metrics.elidedText(lines[1], Qt::ElideRight, inner), font(), text, {kPad, y});
  y += metrics.height() + 2;
  // The bar: class shares stacked left to right, or the mean within the range of the means.
  QColor track = text;
  track.setAlphaF(0.1f);
  auto* bar = new QGraphicsRectItem(0, 0, inner, kBarHeight, box);
  bar->setPos(kPad, y);
  bar->setBrush(track);
  bar->setPen(Qt::NoPen);
  if (tree_.regression) {
    const double span = maxMean_ - minMean_;
    const double v = n.distribution.empty() ? minMean_ : n.distribution[0];
    const double share = span > 0 && std::isfinite(v) ? std::clamp((v - minMean_) / span, 0.0, 1.0) : 1.0;
    auto* fill = new QGraphicsRectItem(0, 0, std::max(1.0, share * inner), kBarHeight, bar);
    fill->setBrush(ChartStyle::primary());
    fill->setPen(Qt::NoPen);
  } else {
    double start = 0;
    for (std::size_t k = 0; k < n.distribution.size(); ++k) {
      const double share = std::isfinite(n.distribution[k]) ? std::clamp(n.distribution[k], 0.0, 1.0 - start) : 0.0;
      if (share <= 0) continue;
      auto* part = new QGraphicsRectItem(start * inner, 0, share * inner, kBarHeight, bar);
      part->setBrush(ChartStyle::seriesColor(static_cast<int>(k)));
      part->setPen(Qt::NoPen);
      start += share;
    }
  }
  y += kBarHeight + 4;
  addText(box, metrics.elidedText(lines[2], Qt::ElideRight, inner), font(), text, {kPad, y});
  scene()->addItem(box);
  boxes_[static_cast<std::size_t>(node)] = box;
}

void DecisionTreeView::addFoldedBox(int node) {
  const int hidden = subtreeSize_[static_cast<std::size_t>(node)];
  QPainterPath path;
  path.addRoundedRect(QRectF(0, 0, kFoldedWidth, kFoldedHeight), 13, 13);
  auto* box = new QGraphicsPathItem(path);
  box->setBrush(palette().color(QPalette::AlternateBase));
  box->setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
  box->setPos(x_[static_cast<std::size_t>(node)] - kFoldedWidth / 2, depth_[static_cast<std::size_t>(node)] * (boxHeight_ + 70));
  box->setData(kNodeRole, node);
  box->setData(kKindRole, kFoldedBox);
  box->setToolTip(tr("%n nodes folded here; double-click to show them", "", hidden));
  auto* label = addText(box, nodeText(node), font(), palette().color(QPalette::Text), {0, 0});
  const QRectF size = label->boundingRect();
  label->setPos((kFoldedWidth - size.width()) / 2, (kFoldedHeight - size.height()) / 2);
  scene()->addItem(box);
  boxes_[static_cast<std::size_t>(node)] = box;
}

void DecisionTreeView::addEdge(int parent, int child, bool left) {
  const double levelHeight = boxHeight_ + 70;
  const QPointF from(x_[static_cast<std::size_t>(parent)], depth_[static_cast<std::size_t>(parent)] * levelHeight + boxHeight_);
  const QPointF to(x_[static_cast<std::size_t>(child)], depth_[static_cast<std::size_t>(child)] * levelHeight);
  QPainterPath path(from);
  const double middle = (from.y() + to.y()) / 2;
  path.cubicTo(QPointF(from.x(), middle), QPointF(to.x(), middle), to);
  QColor line = palette().color(QPalette::Text);
  line.setAlphaF(0.45f);
  auto* edge = scene()->addPath(path, QPen(line, 1.2));
  edge->setZValue(-1);

  const auto& n = tree_.nodes[static_cast<std::size_t>(parent)];
  QString label = QString::fromStdString(left ? n.leftLabel : n.rightLabel);
  if (label == QLatin1String("yes")) label = tr("yes");
  else if (label == QLatin1String("no")) label = tr("no");
  if (label.isEmpty()) return;
  QFont small = font();
  small.setPointSizeF(font().pointSizeF() > 0 ? font().pointSizeF() * 0.9 : 8.0);
  auto* text = scene()->addSimpleText(QFontMetricsF(small).elidedText(label, Qt::ElideRight, kSlot / 2 - 10), small);
  text->setBrush(palette().color(QPalette::Text));
  const QPointF at = path.pointAtPercent(0.5);
  const QRectF size = text->boundingRect();
  text->setPos(left ? at.x() - size.width() - 6 : at.x() + 6, at.y() - size.height() / 2);
}

void DecisionTreeView::addLegend() {
  const QColor text = palette().color(QPalette::Text);
  const QFontMetricsF metrics(font());
  double left = 0;
  for (std::size_t i = 0; i < shown_.size(); ++i)
    if (shown_[i] != Shown::Hidden) left = std::min(left, x_[i] - kBoxWidth / 2);
  auto* legend = new QGraphicsRectItem();  // an invisible frame holding the legend's parts
  legend->setPen(Qt::NoPen);
  legend->setPos(left, -2 * metrics.height() - 30);
  scene()->addItem(legend);
  addText(legend, tr("%1 nodes, %2 leaves, depth %3").arg(tree_.nodes.size()).arg(tree_.leafCount()).arg(tree_.depth()),
          font(), text, {0, 0});
  const double y = metrics.height() + 4;
  if (tree_.regression) {
    const QLocale locale;
    addText(legend, tr("Bars: the mean of %1, from %2 to %3")
                        .arg(QString::fromStdString(tree_.target), locale.toString(minMean_, 'g', 6),
                             locale.toString(maxMean_, 'g', 6)),
            font(), text, {0, y});
    return;
  }
  double x = 0;
  for (std::size_t k = 0; k < tree_.classes.size(); ++k) {
    auto* swatch = new QGraphicsRectItem(0, 0, 12, 12, legend);
    swatch->setPos(x, y + (metrics.height() - 12) / 2);
    swatch->setBrush(ChartStyle::seriesColor(static_cast<int>(k)));
    swatch->setPen(Qt::NoPen);
    const QString label = QString::fromStdString(tree_.classes[k]);
    addText(legend, label, font(), text, {x + 16, y});
    x += 16 + metrics.horizontalAdvance(label) + 14;
  }
}

int DecisionTreeView::nodeItemCount() const {
  return static_cast<int>(std::count_if(boxes_.begin(), boxes_.end(), [](const QGraphicsItem* box) { return box; }));
}

int DecisionTreeView::collapsedItemCount() const {
  return static_cast<int>(std::count(shown_.begin(), shown_.end(), Shown::Folded));
}

bool DecisionTreeView::isDrawn(int node) const {
  return node >= 0 && static_cast<std::size_t>(node) < shown_.size() && shown_[static_cast<std::size_t>(node)] == Shown::Drawn;
}

QString DecisionTreeView::nodeText(int node) const {
  if (node < 0 || static_cast<std::size_t>(node) >= shown_.size()) return {};
  const auto i = static_cast<std::size_t>(node);
  if (shown_[i] == Shown::Folded) return subtreeSize_[i] == 1 ? tr("+1 leaf") : tr("+%n nodes", "", subtreeSize_[i]);
  if (shown_[i] != Shown::Drawn) return {};
  return boxLines(node).join(QLatin1Char('\n'));
}

void DecisionTreeView::expand(int node) {
  if (node < 0 || static_cast<std::size_t>(node) >= shown_.size() || shown_[static_cast<std::size_t>(node)] != Shown::Folded) return;
  opened_[static_cast<std::size_t>(node)] = 1;
  budget_ += kShownNodes;  // room for the opened subtree, so it never starves (nor floods) the rest
  rebuild();
  centerOn(x_[static_cast<std::size_t>(node)], depth_[static_cast<std::size_t>(node)] * (boxHeight_ + 70) + boxHeight_);
}

void DecisionTreeView::collapse(int node) {
  if (!isDrawn(node)) return;
  const auto& n = tree_.nodes[static_cast<std::size_t>(node)];
  if (n.isLeaf() || !validChild(node, n.left) || !validChild(node, n.right)) return;
  folded_[static_cast<std::size_t>(node)] = 1;
  opened_[static_cast<std::size_t>(n.left)] = opened_[static_cast<std::size_t>(n.right)] = 0;
  rebuild();
}

double DecisionTreeView::zoomFactor() const { return transform().m11(); }

void DecisionTreeView::setZoom(double factor) {
  setTransform(QTransform::fromScale(std::clamp(factor, kMinZoom, kMaxZoom), std::clamp(factor, kMinZoom, kMaxZoom)));
}

void DecisionTreeView::zoomIn() {
  // From the keyboard or a menu the mouse may be anywhere: keep the middle of the view.
  followSize_ = false;
  setTransformationAnchor(QGraphicsView::AnchorViewCenter);
  setZoom(zoomFactor() * 1.25);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
}

void DecisionTreeView::zoomOut() {
  followSize_ = false;
  setTransformationAnchor(QGraphicsView::AnchorViewCenter);
  setZoom(zoomFactor() / 1.25);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
}

void DecisionTreeView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  // A tree set while its tab was hidden was fitted to no size at all: fit it once it shows.
  if (followSize_) fitToView();
}

void DecisionTreeView::fitToView() {
  followSize_ = true;
  if (scene()->sceneRect().isEmpty()) return;
  fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
}

QString DecisionTreeView::emptyStateText() const {
  return tree_.nodes.empty() ? tr("No tree to show. Pick a run of a decision tree to see its splits here.") : QString();
}

void DecisionTreeView::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (steps == 0) return QGraphicsView::wheelEvent(event);
  followSize_ = false;
  setZoom(zoomFactor() * std::pow(1.15, steps));
  event->accept();
}

void DecisionTreeView::mouseDoubleClickEvent(QMouseEvent* event) {
  QGraphicsItem* item = itemAt(event->position().toPoint());
  while (item && item->parentItem()) item = item->parentItem();
  if (!item || item->data(kKindRole).isNull()) return QGraphicsView::mouseDoubleClickEvent(event);
  const int node = item->data(kNodeRole).toInt();
  if (item->data(kKindRole).toInt() == kFoldedBox) expand(node);
  else collapse(node);
  event->accept();
}

void DecisionTreeView::drawForeground(QPainter* painter, const QRectF&) {
  const QString text = emptyStateText();
  if (text.isEmpty()) return;
  // The sentence stays the same size and in the middle, whatever the zoom.
  painter->save();
  painter->resetTransform();
  QColor color = palette().color(QPalette::Text);
  color.setAlphaF(0.6f);
  painter->setPen(color);
  painter->setFont(font());
  painter->drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, text);
  painter->restore();
}

void DecisionTreeView::changeEvent(QEvent* event) {
  QGraphicsView::changeEvent(event);
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange ||
      event->type() == QEvent::FontChange)
    rebuild();
}

QString DecisionTreeView::exportTo(const QString& path) {
  const auto format = ChartExport::formatFor(path);
  if (!format) return tr("Cannot export to %1: choose a file ending in .png, .svg or .pdf.").arg(path);
  if (tree_.nodes.empty()) return tr("Cannot export to %1: there is no tree to export.").arg(path);
  const QFileInfo target(path);
  if (!target.absoluteDir().exists())
    return tr("Cannot export to %1: the folder %2 does not exist.").arg(path, target.absolutePath());
  // Drawn in a private folder, then moved into place: a failure never leaves half a file.
  QTemporaryDir scratch(target.absolutePath() + QLatin1String("/.lathe-export-XXXXXX"));
  if (!scratch.isValid()) return tr("Cannot export to %1: the folder is not writable.").arg(path);
  const QString temporary = scratch.filePath(QLatin1String("tree.") + target.suffix());
  const QRectF source = scene()->sceneRect();
  const QColor background = palette().color(QPalette::Base);
  bool drawn = false;
  if (*format == ChartExport::Format::Png) {
    const double scale = std::min({2.0, kMaxImageSide / std::max(source.width(), source.height()),
                                   std::sqrt(kMaxImagePixels / (source.width() * source.height()))});
    QImage image(std::max(1, qRound(source.width() * scale)), std::max(1, qRound(source.height() * scale)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(background);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene()->render(&painter, QRectF(image.rect()), source);
    painter.end();
    drawn = image.save(temporary, "PNG");
  } else if (*format == ChartExport::Format::Svg) {
    QSvgGenerator generator;
    generator.setFileName(temporary);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(tr("Decision tree"));
    QPainter painter;
    if (painter.begin(&generator)) {
      painter.fillRect(QRectF(QPointF(0, 0), source.size()), background);
      scene()->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
      drawn = painter.end();
    }
  } else {
    QPdfWriter writer(temporary);
    // One scene unit, one point, on a page no side of which passes PDF readers' 200 inches.
    writer.setResolution(72);
    const double shrink = std::min(1.0, kMaxPdfSide / std::max(source.width(), source.height()));
    writer.setPageSize(QPageSize(source.size() * shrink, QPageSize::Point, QString(), QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(tr("Decision tree"));
    QPainter painter;
    if (painter.begin(&writer)) {
      const QRectF page(0, 0, painter.device()->width(), painter.device()->height());
      scene()->render(&painter, page, source);
      drawn = painter.end();
    }
  }
  if (!drawn || QFileInfo(temporary).size() == 0)
    return tr("Cannot export to %1: the tree could not be drawn into the file.").arg(path);
  if (target.exists() && !QFile::remove(path))
    return tr("Cannot export to %1: the existing file could not be replaced.").arg(path);
  if (!QFile::rename(temporary, path)) return tr("Cannot export to %1: the file could not be written.").arg(path);
  return {};
}

void DecisionTreeView::exportWithDialog() {
  QSettings settings;
  const QString folder = settings.value(QStringLiteral("charts/exportFolder")).toString();
  const QString path = QFileDialog::getSaveFileName(this, tr("Export Tree"), QDir(folder).filePath(QStringLiteral("tree.png")),
                                                    ChartExport::fileFilter());
  if (path.isEmpty()) return;
  settings.setValue(QStringLiteral("charts/exportFolder"), QFileInfo(path).absolutePath());
  const QString problem = exportTo(path);
  if (!problem.isEmpty()) QMessageBox::warning(this, tr("Export Tree"), problem);
}

}  // namespace lathe::widgets
