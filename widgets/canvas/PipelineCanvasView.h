#pragma once
#include <QGraphicsView>

namespace lathe::widgets {

// The view the pipeline canvas is drawn in: a dotted grid that pans and zooms (Ctrl+wheel,
// Ctrl+0 resets), and a hint in the middle while the scene is empty. The scene's content, nodes
// and links, comes from the pipeline adapter; this view only shows it.
class PipelineCanvasView : public QGraphicsView {
  Q_OBJECT
 public:
  explicit PipelineCanvasView(QWidget* parent = nullptr);

  void setEmptyHint(const QString& title, const QString& text);
  QString emptyHintTitle() const { return hintTitle_; }
  double zoom() const;
  void setZoom(double factor);  // clamped to [0.25, 4]
  void resetZoom() { setZoom(1.0); }

 signals:
  void zoomChanged(double factor);

 protected:
  void drawBackground(QPainter* painter, const QRectF& rect) override;
  void drawForeground(QPainter* painter, const QRectF& rect) override;
  void wheelEvent(QWheelEvent* event) override;

 private:
  QString hintTitle_;
  QString hintText_;
};

}  // namespace lathe::widgets
