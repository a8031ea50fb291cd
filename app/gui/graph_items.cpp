#include "app/gui/graph_items.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace ql::gui {

NodeItem::NodeItem(int index, QString opType, QString name, QSizeF size, QColor fill)
    : index_(index), op_(std::move(opType)), name_(std::move(name)),
      rect_(-size.width() / 2, -size.height() / 2, size.width(), size.height()), fill_(fill) {
    setZValue(1);
    setToolTip(name_ + QStringLiteral(" (") + op_ + QStringLiteral(")"));
}

QRectF NodeItem::boundingRect() const { return rect_.adjusted(-4, -4, 4, 4); }

void NodeItem::setFill(QColor fill, bool dashed) {
    fill_ = fill;
    dashed_ = dashed;
    update();
}
void NodeItem::setSelectedNode(bool on) {
    if (selected_ != on) selected_ = on, setZValue(on ? 3 : 1), update();
}
void NodeItem::setHighlighted(bool on) {
    if (highlighted_ != on) highlighted_ = on, update();
}
void NodeItem::setSearchMatch(bool on) {
    if (searchMatch_ != on) searchMatch_ = on, update();
}
void NodeItem::setSearchCurrent(bool on) {
    if (searchCurrent_ != on) searchCurrent_ = on, update();
}

void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    const qreal lod = option->levelOfDetailFromTransform(p->worldTransform());
    QPen pen(QColor(0x55, 0x55, 0x55), 1, dashed_ ? Qt::DashLine : Qt::SolidLine);
    if (searchMatch_) pen = QPen(QColor(0xff, 0x8c, 0x00), searchCurrent_ ? 4 : 2.5);
    if (highlighted_) pen = QPen(QColor(0x8e, 0x24, 0xaa), 3.5);
    if (selected_) pen = QPen(QColor(0x10, 0x4e, 0xd8), 4);
    pen.setCosmetic(lod < 0.5 && !selected_ && !highlighted_ && !searchMatch_);
    p->setPen(pen);
    p->setBrush(fill_);
    if (lod < 0.25) {
        p->drawRect(rect_);
        return;
    }
    p->drawRoundedRect(rect_, 5, 5);
    if (lod < 0.45) return;
    p->setPen(Qt::black);
    QFont f = p->font();
    f.setBold(true);
    p->setFont(f);
    const QRectF top(rect_.left(), rect_.top() + 2, rect_.width(), rect_.height() / 2 - 1);
    const QRectF bottom(rect_.left(), rect_.center().y(), rect_.width(), rect_.height() / 2 - 2);
    p->drawText(top, Qt::AlignCenter, op_);
    f.setBold(false);
    p->setFont(f);
    p->setPen(QColor(0x30, 0x30, 0x30));
    p->drawText(bottom, Qt::AlignCenter, name_);
}

EdgeItem::EdgeItem(const QPainterPath& path) : QGraphicsPathItem(path) {
    setZValue(0);
    setPen(QPen(QColor(0x80, 0x80, 0x80), 1.2));
    // Arrow direction from the last part of the curve.
    tip_ = path.pointAtPercent(1.0);
    const QPointF before = path.pointAtPercent(path.length() > 12 ? 1.0 - 8.0 / path.length() : 0.0);
    QPointF d = tip_ - before;
    const qreal len = std::hypot(d.x(), d.y());
    dir_ = len > 1e-6 ? d / len : QPointF(0, 1);
}

QRectF EdgeItem::boundingRect() const { return QGraphicsPathItem::boundingRect().adjusted(-6, -6, 6, 6); }

void EdgeItem::setEmphasis(bool on) {
    if (emphasis_ == on) return;
    emphasis_ = on;
    setPen(on ? QPen(QColor(0x10, 0x4e, 0xd8), 2.4) : QPen(QColor(0x80, 0x80, 0x80), 1.2));
    setZValue(on ? 0.5 : 0);
}

void EdgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    const qreal lod = option->levelOfDetailFromTransform(p->worldTransform());
    QPen pen = this->pen();
    pen.setCosmetic(lod < 1.0);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(path());
    if (lod < 0.3) return;
    const QPointF n(-dir_.y(), dir_.x());
    const QPointF base = tip_ - dir_ * 7;
    const QPolygonF head{tip_, base + n * 3.5, base - n * 3.5};
    p->setBrush(pen.color());
    p->setPen(Qt::NoPen);
    p->drawPolygon(head);
}

}  // namespace ql::gui
