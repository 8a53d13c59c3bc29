#include <QGraphicsRectItem>
#include <QSignalSpy>
#include <QtTest>

#include "widgets/canvas/PipelineCanvasView.h"

using lathe::widgets::PipelineCanvasView;

class tst_PipelineCanvasView : public QObject {
  Q_OBJECT
 private slots:
  void zoomIsClampedAndSignalled() {
    PipelineCanvasView view;
    QSignalSpy spy(&view, &PipelineCanvasView::zoomChanged);
    view.setZoom(2.0);
    QCOMPARE(view.zoom(), 2.0);
    view.setZoom(100.0);
    QCOMPARE(view.zoom(), 4.0);
    view.setZoom(0.001);
    QCOMPARE(view.zoom(), 0.25);
    view.resetZoom();
    QCOMPARE(view.zoom(), 1.0);
    QCOMPARE(spy.count(), 4);
  }

  void ctrlWheelZoomsPlainWheelDoesNot() {
    PipelineCanvasView view;
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QPointF centre(200, 150);
    QWheelEvent zoomIn(centre, view.mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                       Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &zoomIn);
    QVERIFY(view.zoom() > 1.1);
    const double zoomed = view.zoom();
    QWheelEvent scroll(centre, view.mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                       Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &scroll);
    QCOMPARE(view.zoom(), zoomed);
  }

  void hintShowsOnlyWhileEmpty() {
    PipelineCanvasView view;
    view.resize(500, 300);
    view.setEmptyHint(QStringLiteral("Your pipeline is empty"), QStringLiteral("Import data"));
    QCOMPARE(view.emptyHintTitle(), QStringLiteral("Your pipeline is empty"));
    const QImage empty = view.grab().toImage();
    // The hint is drawn in the middle: the centre row of an empty canvas has text pixels.
    auto darkPixelsInMiddle = [](const QImage& image) {
      int dark = 0;
      for (int y = image.height() / 2 - 30; y < image.height() / 2 + 10; ++y)
        for (int x = 0; x < image.width(); ++x) dark += qGray(image.pixel(x, y)) < 128;
      return dark;
    };
    QVERIFY(darkPixelsInMiddle(empty) > 50);
    view.scene()->addRect(QRectF(-1000, -1000, 10, 10));  // off screen: hides the hint only
    const QImage withNode = view.grab().toImage();
    QCOMPARE(darkPixelsInMiddle(withNode), 0);
  }
};

QTEST_MAIN(tst_PipelineCanvasView)
#include "tst_PipelineCanvasView.moc"
