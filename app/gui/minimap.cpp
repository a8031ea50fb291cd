#include "app/gui/minimap.h"

#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>

namespace ql::gui {

Minimap::Minimap(QWidget* parent) : QWidget(parent) {
    setFixedSize(170, 220);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
}

void Minimap::render(QGraphicsScene* scene) {
    sceneRect_ = scene ? scene->sceneRect() : QRectF();
    if (!scene || sceneRect_.isEmpty()) {
        pixmap_ = QPixmap();
        update();
        return;
    }
    const QSizeF s = sceneRect_.size().scaled(QSizeF(size() * devicePixelRatioF()), Qt::KeepAspectRatio);
    pixmap_ = QPixmap(s.toSize().expandedTo(QSize(1, 1)));
    pixmap_.fill(Qt::white);
    QPainter p(&pixmap_);
    scene->render(&p, QRectF(QPointF(0, 0), s), sceneRect_);
    update();
}

void Minimap::setVisibleRect(const QRectF& r) {
    visible_ = r;
    update();
}

QRectF Minimap::targetRect() const {
    if (pixmap_.isNull()) return {};
    const QSizeF s = sceneRect_.size().scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - s.width()) / 2, (height() - s.height()) / 2), s);
}

QPointF Minimap::toScene(QPointF w) const {
    const QRectF t = targetRect();
    if (t.isEmpty()) return {};
    return {sceneRect_.left() + (w.x() - t.left()) / t.width() * sceneRect_.width(),
            sceneRect_.top() + (w.y() - t.top()) / t.height() * sceneRect_.height()};
}

void Minimap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(255, 255, 255, 225));
    p.setPen(QColor(0x99, 0x99, 0x99));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
    const QRectF t = targetRect();
    if (t.isEmpty()) return;
    p.drawPixmap(t, pixmap_, QRectF(pixmap_.rect()));
    const QPointF a = t.topLeft() + QPointF((visible_.left() - sceneRect_.left()) / sceneRect_.width() * t.width(),
                                            (visible_.top() - sceneRect_.top()) / sceneRect_.height() * t.height());
    const QSizeF sz(visible_.width() / sceneRect_.width() * t.width(), visible_.height() / sceneRect_.height() * t.height());
    p.setPen(QPen(QColor(0x10, 0x4e, 0xd8), 1.5));
    p.setBrush(QColor(0x10, 0x4e, 0xd8, 40));
    p.drawRect(QRectF(a, sz).intersected(t).adjusted(0, 0, -1, -1));
}

void Minimap::mousePressEvent(QMouseEvent* e) { emit centerRequested(toScene(e->position())); }
void Minimap::mouseMoveEvent(QMouseEvent* e) {
    if (e->buttons() & Qt::LeftButton) emit centerRequested(toScene(e->position()));
}

}  // namespace ql::gui
