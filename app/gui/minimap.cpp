#include "app/gui/minimap.h"

#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "app/gui/language.h"

namespace ql::gui {

Minimap::Minimap(QWidget* parent) : QWidget(parent) {
    setFixedSize(128, 96);   // small, in the bottom-right corner, see-through
    setCursor(Qt::PointingHandCursor);
    onLanguageChange(this, [this] { setToolTip(tr("Overview: click or drag to move the view")); });
}

void Minimap::render(QGraphicsScene* scene) {
    sceneRect_ = scene ? scene->sceneRect() : QRectF();
    if (!scene || sceneRect_.isEmpty()) {
        pixmap_ = QPixmap();
        update();
        return;
    }
    // Fit the whole scene, except that a very tall graph keeps at least half the width and the
    // overview scrolls with the view instead of shrinking to a hairline.
    scale_ = std::min(width() / sceneRect_.width(), height() / sceneRect_.height());
    scale_ = std::max(scale_, std::min(0.5 * width() / sceneRect_.width(), 0.25));
    scale_ = std::min(scale_, 16000.0 / sceneRect_.height());
    const QSizeF s = sceneRect_.size() * scale_ * devicePixelRatioF();
    pixmap_ = QPixmap(s.toSize().expandedTo(QSize(1, 1)));
    pixmap_.fill(Qt::white);
    QPainter p(&pixmap_);
    p.setRenderHint(QPainter::Antialiasing);
    scene->render(&p, QRectF(QPointF(0, 0), s), sceneRect_);
    update();
}

void Minimap::setVisibleRect(const QRectF& r) {
    visible_ = r;
    update();
}

QRectF Minimap::targetRect() const {
    if (pixmap_.isNull()) return {};
    const QSizeF s = sceneRect_.size() * scale_;
    double top = (height() - s.height()) / 2;
    if (s.height() > height()) {  // scrolls: keep the visible rectangle's centre in the middle
        const double centre = (visible_.center().y() - sceneRect_.top()) * scale_;
        top = std::clamp(height() / 2.0 - centre, height() - s.height(), 0.0);
    }
    return QRectF(QPointF((width() - s.width()) / 2, top), s);
}

QPointF Minimap::toScene(QPointF w) const {
    const QRectF t = targetRect();
    if (t.isEmpty()) return {};
    return {sceneRect_.left() + (w.x() - t.left()) / t.width() * sceneRect_.width(),
            sceneRect_.top() + (w.y() - t.top()) / t.height() * sceneRect_.height()};
}

void Minimap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(255, 255, 255, 140));
    p.setPen(QColor(0x99, 0x99, 0x99, 160));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
    const QRectF t = targetRect();
    if (t.isEmpty()) return;
    p.setOpacity(0.6);
    p.drawPixmap(t, pixmap_, QRectF(pixmap_.rect()));
    p.setOpacity(1.0);
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
