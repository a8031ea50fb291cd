#include "app/gui/graph_view.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "app/gui/graph_items.h"

namespace ql::gui {

GraphView::GraphView(QWidget* parent) : QGraphicsView(parent) {
    setDragMode(QGraphicsView::ScrollHandDrag);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setFocusPolicy(Qt::StrongFocus);
}

void GraphView::zoomBy(double factor, QPoint anchor) {
    const double z = zoom();
    factor = std::clamp(z * factor, 0.01, 8.0) / z;
    const QPointF before = mapToScene(anchor);
    scale(factor, factor);
    const QPointF after = mapToScene(anchor);
    const QPointF delta = (after - before) * zoom();
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(std::lround(delta.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - int(std::lround(delta.y())));
    emit viewportMoved();
}

void GraphView::fitAll() {
    if (!scene()) return;
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    // A big graph fitted whole is unreadable (labels hide below ~0.45): show its top, readable.
    if (zoom() < 0.45) {
        const QRectF r = scene()->sceneRect();
        const double z = std::clamp(viewport()->width() / std::max(1.0, r.width()), 0.5, 1.0);
        resetTransform();
        scale(z, z);
        centerOn(r.center().x(), r.top() + viewport()->height() / (2 * z));
    }
    emit viewportMoved();
}

void GraphView::focusRect(const QRectF& r) {
    if (zoom() < 0.6) {
        const double z = 0.9 / zoom();
        scale(z, z);
    }
    centerOn(r.center());
    emit viewportMoved();
}

QRectF GraphView::visibleSceneRect() const { return mapToScene(viewport()->rect()).boundingRect(); }

void GraphView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ShiftModifier) {  // shift+wheel scrolls sideways
        QGraphicsView::wheelEvent(event);
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    zoomBy(std::pow(1.2, steps), event->position().toPoint());
    event->accept();
}

void GraphView::mousePressEvent(QMouseEvent* event) {
    pressPos_ = event->pos();
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent* event) {
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || (event->pos() - pressPos_).manhattanLength() > 4) return;
    int index = -1;
    for (QGraphicsItem* item : items(event->pos()))
        if (item->type() == NodeItem::Type) {
            index = static_cast<NodeItem*>(item)->index();
            break;
        }
    emit nodeClicked(index);
}

void GraphView::keyPressEvent(QKeyEvent* event) {
    const QPoint centre = viewport()->rect().center();
    switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal: zoomBy(1.25, centre); return;
        case Qt::Key_Minus: zoomBy(0.8, centre); return;
        case Qt::Key_0: resetTransform(); emit viewportMoved(); return;
        case Qt::Key_F: fitAll(); return;
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Left:
        case Qt::Key_Right: emit navigate(event->key()); return;
        default: QGraphicsView::keyPressEvent(event);
    }
}

void GraphView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    emit viewportMoved();
}

void GraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    emit viewportMoved();
}

}  // namespace ql::gui
