#include "app/gui/graph_scene.h"

#include "app/gui/graph_items.h"
#include "app/gui/op_style.h"

namespace ql::gui {
namespace {

QPointF qp(const LayoutPoint& p) { return {p.x, p.y}; }

}  // namespace

GraphScene::GraphScene(QObject* parent) : QGraphicsScene(parent) { setBackgroundBrush(QColor(0xfb, 0xfb, 0xf8)); }

void GraphScene::setDrawing(std::shared_ptr<const GraphDrawing> drawing) {
    clear();
    nodes_.clear();
    edges_.clear();
    incident_.clear();
    selected_ = -1;
    highlighted_.clear();
    matches_.clear();
    overlay_ = false;
    drawing_ = std::move(drawing);
    if (!drawing_ || !drawing_->layout) {
        setSceneRect(QRectF());
        return;
    }
    const GraphDrawing& d = *drawing_;
    const LayoutResult& l = *d.layout;
    nodes_.reserve(d.nodes.size());
    incident_.resize(d.nodes.size());
    for (size_t i = 0; i < d.nodes.size(); ++i) {
        const DrawnNode& n = d.nodes[i];
        const QString op = QString::fromStdString(n.opType);
        auto* item = new NodeItem(int(i), op, QString::fromStdString(n.name), QSizeF(n.width, n.height), opKindColor(opKind(op)));
        item->setPos(qp(l.centers[i]));
        addItem(item);
        nodes_.push_back(item);
    }
    edges_.reserve(d.edges.size());
    for (size_t e = 0; e < d.edges.size(); ++e) {
        const auto& route = e < l.routes.size() ? l.routes[e] : std::vector<LayoutPoint>{};
        QPainterPath path;
        if (route.size() >= 4) {
            path.moveTo(qp(route[0]));
            for (size_t i = 1; i + 2 < route.size(); i += 3) path.cubicTo(qp(route[i]), qp(route[i + 1]), qp(route[i + 2]));
        } else {
            path.moveTo(nodes_[size_t(d.edges[e].first)]->pos());
            path.lineTo(nodes_[size_t(d.edges[e].second)]->pos());
        }
        auto* item = new EdgeItem(path);
        addItem(item);
        edges_.push_back(item);
        incident_[size_t(d.edges[e].first)].push_back(int(e));
        incident_[size_t(d.edges[e].second)].push_back(int(e));
    }
    setSceneRect(QRectF(-40, -40, l.width + 80, l.height + 80));
}

NodeItem* GraphScene::nodeItem(int index) const {
    return index >= 0 && size_t(index) < nodes_.size() ? nodes_[size_t(index)] : nullptr;
}

QRectF GraphScene::nodeRect(int index) const {
    NodeItem* n = nodeItem(index);
    return n ? n->mapRectToScene(n->boundingRect().adjusted(4, 4, -4, -4)) : QRectF();
}

void GraphScene::setSelectedIndex(int index) {
    if (NodeItem* old = nodeItem(selected_)) {
        old->setSelectedNode(false);
        for (int e : incident_[size_t(selected_)]) edges_[size_t(e)]->setEmphasis(false);
    }
    selected_ = nodeItem(index) ? index : -1;
    if (NodeItem* now = nodeItem(selected_)) {
        now->setSelectedNode(true);
        for (int e : incident_[size_t(selected_)]) edges_[size_t(e)]->setEmphasis(true);
    }
}

void GraphScene::setHighlighted(const std::vector<int>& indices) {
    for (int i : highlighted_)
        if (NodeItem* n = nodeItem(i)) n->setHighlighted(false);
    highlighted_.clear();
    for (int i : indices)
        if (NodeItem* n = nodeItem(i)) n->setHighlighted(true), highlighted_.push_back(i);
}

std::vector<int> GraphScene::highlighted() const { return highlighted_; }

void GraphScene::setSearchMatches(const std::vector<int>& indices, int current) {
    for (int i : matches_)
        if (NodeItem* n = nodeItem(i)) n->setSearchMatch(false), n->setSearchCurrent(false);
    matches_ = indices;
    for (int i : matches_)
        if (NodeItem* n = nodeItem(i)) n->setSearchMatch(true), n->setSearchCurrent(i == current);
}

void GraphScene::setOverlay(std::map<int, double> values, ColorScale scale) {
    overlay_ = true;
    for (NodeItem* n : nodes_) {
        auto it = values.find(n->index());
        if (it == values.end())
            n->setFill(QColor(0xee, 0xee, 0xee), true);
        else
            n->setFill(scale.color(it->second));
    }
}

void GraphScene::clearOverlay() {
    overlay_ = false;
    if (!drawing_) return;
    for (NodeItem* n : nodes_)
        n->setFill(opKindColor(opKind(QString::fromStdString(drawing_->nodes[size_t(n->index())].opType))));
}

}  // namespace ql::gui
