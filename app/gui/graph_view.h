#pragma once
// The interactive view on a GraphScene: wheel zooms towards the cursor, dragging pans, a click
// picks a node, keys zoom (+ - 0 F) and navigate (arrows; the panel decides where they lead).
#include <QGraphicsView>

namespace ql::gui {

class GraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphView(QWidget* parent = nullptr);

    void zoomBy(double factor, QPoint anchorInViewport);   // keeps the scene point under anchor fixed
    void fitAll();
    void focusRect(const QRectF& sceneRect);                // centre, zooming in if too far out
    double zoom() const { return transform().m11(); }
    QRectF visibleSceneRect() const;

signals:
    void nodeClicked(int index);       // -1 = background
    void navigate(int key);            // Qt::Key_Up / Down / Left / Right
    void viewportMoved();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QPoint pressPos_;
};

}  // namespace ql::gui
