#pragma once
#include <QGraphicsView>

namespace lathe::widgets {

// The view the pipeline canvas is drawn in: a dotted grid that pans (middle drag, or Space and
// drag) and zooms (Ctrl+wheel, Ctrl+0 resets), rubber-band selection on the empty canvas, and a
// hint in the middle while the scene is empty. The scene's content, nodes and links, comes from
// the pipeline adapter (PipelineScene); this view only shows it. It takes drops of node types
// from the palette and leaves dropped files to the window.
class PipelineCanvasView : public QGraphicsView {
  Q_OBJECT
 public:
  explicit PipelineCanvasView(QWidget* parent = nullptr);

  void setEmptyHint(const QString& title, const QString& text);
  QString emptyHintTitle() const { return hintTitle_; }
  double zoom() const;
  void setZoom(double factor);  // clamped to [0.25, 4]
  void resetZoom() { setZoom(1.0); }
  // Zooms out (never in beyond 100 %) and centres so every node shows.
  void fitToContents();

 signals:
  void zoomChanged(double factor);

 protected:
  void drawBackground(QPainter* painter, const QRectF& rect) override;
  void drawForeground(QPainter* painter, const QRectF& rect) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;
  void focusOutEvent(QFocusEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;

 private:
  void panBy(QPoint delta);
  void setSpaceHeld(bool held);

  bool panning_ = false;
  bool spaceHeld_ = false;
  QPoint lastPan_;
  QString hintTitle_;
  QString hintText_;
};

}  // namespace lathe::widgets
