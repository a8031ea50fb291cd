#pragma once
// The two drawable items of a graph view: a node box (op type over name, fill by op kind or by
// overlay value, outlines for selection / highlight / search match) and an edge curve with an
// arrowhead. Text is skipped when zoomed far out, so thousand-node graphs stay fluid.
#include <QGraphicsItem>
#include <QGraphicsPathItem>

namespace ql::gui {

class NodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    NodeItem(int index, QString opType, QString name, QSizeF size, QColor fill);

    int type() const override { return Type; }
    int index() const { return index_; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    void setFill(QColor fill, bool dashed = false);
    void setSelectedNode(bool on);
    void setHighlighted(bool on);    // linked from the other view (fusedFrom)
    void setSearchMatch(bool on);
    void setSearchCurrent(bool on);
    bool isSelectedNode() const { return selected_; }
    bool isHighlighted() const { return highlighted_; }
    bool isSearchMatch() const { return searchMatch_; }

private:
    int index_;
    QString op_, name_;
    QRectF rect_;
    QColor fill_;
    bool dashed_ = false, selected_ = false, highlighted_ = false, searchMatch_ = false, searchCurrent_ = false;
};

class EdgeItem : public QGraphicsPathItem {
public:
    enum { Type = UserType + 2 };
    explicit EdgeItem(const QPainterPath& path);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    void setEmphasis(bool on);

private:
    QPointF tip_, dir_;
    bool emphasis_ = false;
};

}  // namespace ql::gui
