#pragma once
#include <QGraphicsView>
#include <QString>
#include <vector>

#include "engine/experiments/TreeDiagram.h"

class QAction;
class QGraphicsItem;

namespace lathe::widgets {

// A decision-tree run's tree, top down: each node a rounded box with its split (bold), its
// training rows, a bar of its class shares in ChartStyle's class colours (regression: its mean
// against the range of the means) and its prediction; edges carry their yes/no or <= / > labels;
// a legend of the class colours above. Zoom with the wheel or Ctrl+= / Ctrl+- / Ctrl+0 (fit),
// drag to pan, hover a box for the full detail. A big tree is drawn to depth 8 and about 500
// boxes; deeper subtrees show as "+N nodes" boxes that open on a double-click (a double-click
// on a drawn split folds its subtree again). It draws what it is given and computes nothing.
class DecisionTreeView : public QGraphicsView {
  Q_OBJECT
 public:
  static constexpr int kShownDepth = 8;    // levels drawn below the root or an opened box
  static constexpr int kShownNodes = 500;  // boxes drawn, more for each opened box

  explicit DecisionTreeView(QWidget* parent = nullptr);

  void setTree(const experiments::TreeDiagram& tree);
  void clear();
  const experiments::TreeDiagram& tree() const noexcept { return tree_; }

  // Boxes in the scene: the nodes drawn and the "+N nodes" boxes of folded subtrees.
  int nodeItemCount() const;
  int collapsedItemCount() const;
  // What node `node`'s box shows, one line per row (full texts, before eliding to the box's
  // width); "+N nodes" for a folded subtree's box; empty when the node has no box.
  QString nodeText(int node) const;
  bool isDrawn(int node) const;
  // Opens the folded subtree at `node` (as a double-click on its "+N nodes" box does).
  void expand(int node);
  // Folds the subtree below the drawn split `node` (as a double-click on its box does).
  void collapse(int node);

  void zoomIn();
  void zoomOut();
  void fitToView();
  double zoomFactor() const;
  // The text shown while there is no tree, empty while one is drawn.
  QString emptyStateText() const;

  // PNG (twice the scene's size, bounded), SVG or PDF by the suffix, as ChartExport does: an
  // empty string on success, otherwise a translated message naming the file.
  QString exportTo(const QString& path);

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void drawForeground(QPainter* painter, const QRectF& rect) override;
  void changeEvent(QEvent* event) override;

 private:
  enum class Shown : char { Hidden, Drawn, Folded };
  // Which nodes are drawn, folded into "+N" boxes or hidden; then where each goes.
  void decideShown();
  void layOut();
  void rebuild();  // the scene from tree_ and the shown state
  void addNodeBox(int node);
  void addFoldedBox(int node);
  void addEdge(int parent, int child, bool left);
  void addLegend();
  QString detailText(int node) const;
  QStringList boxLines(int node) const;
  void setZoom(double factor);
  void retranslate();
  void exportWithDialog();
  bool validChild(int parent, int child) const;

  experiments::TreeDiagram tree_;
  std::vector<Shown> shown_;
  std::vector<char> opened_;  // opened by the user: drawn, with kShownDepth more levels below
  std::vector<char> folded_;  // folded by the user: its children are "+N" boxes
  std::vector<int> subtreeSize_;
  std::vector<int> depth_;
  std::vector<double> x_;
  int budget_ = kShownNodes;
  double minMean_ = 0, maxMean_ = 0;  // regression: the bars' range
  std::vector<QGraphicsItem*> boxes_;  // per node, its box or folded box (nullptr: none)
  double boxHeight_ = 0;
  QAction* zoomInAction_ = nullptr;
  QAction* zoomOutAction_ = nullptr;
  QAction* fitAction_ = nullptr;
  QAction* exportAction_ = nullptr;
  bool followSize_ = true;  // fit the tree to the view as it resizes, until the user zooms
};

}  // namespace lathe::widgets
