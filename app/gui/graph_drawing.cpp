#include "app/gui/graph_drawing.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "app/gui/layout_cache.h"

namespace ql::gui {

std::string elideMiddle(const std::string& s, int maxChars) {
    if (int(s.size()) <= maxChars || maxChars < 5) return s;
    const int keep = maxChars - 3;
    return s.substr(0, size_t(keep - keep / 2)) + "..." + s.substr(s.size() - size_t(keep / 2));
}

int GraphDrawing::indexOf(ir::NodeId id) const {
    return id.v >= 0 && size_t(id.v) < indexById_.size() ? indexById_[size_t(id.v)] : -1;
}

std::vector<int> GraphDrawing::predecessors(int index) const {
    std::vector<int> out;
    for (auto [a, b] : edges)
        if (b == index) out.push_back(a);
    return out;
}

std::vector<int> GraphDrawing::successors(int index) const {
    std::vector<int> out;
    for (auto [a, b] : edges)
        if (a == index) out.push_back(b);
    return out;
}

std::shared_ptr<const GraphDrawing> buildDrawing(std::shared_ptr<const ir::Graph> graph, const DrawingMetrics& metrics,
                                                 const LayoutOptions& options, LayoutCache* cache) {
    const auto t0 = std::chrono::steady_clock::now();
    auto d = std::make_shared<GraphDrawing>();
    d->graph = graph;
    if (!graph) return d;
    const ir::Graph& g = *graph;
    std::vector<ir::NodeId> ids = g.nodeIds();
    int maxId = 0;
    for (ir::NodeId id : ids) maxId = std::max(maxId, id.v);
    d->indexById_.assign(size_t(maxId) + 1, -1);
    LayoutInput input;
    for (ir::NodeId id : ids) {
        const ir::Node& n = g.node(id);
        DrawnNode dn{id, n.opType, elideMiddle(n.name, metrics.maxNameChars), 0, 0};
        const size_t chars = std::max(dn.opType.size(), dn.name.size());
        dn.width = std::max(metrics.minWidth, double(chars) * metrics.charWidth + 2 * metrics.padding);
        dn.height = 2 * metrics.lineHeight + metrics.padding;
        d->indexById_[size_t(id.v)] = int(d->nodes.size());
        input.sizes.emplace_back(dn.width, dn.height);
        d->nodes.push_back(std::move(dn));
    }
    std::set<std::pair<int, int>> seen;
    for (size_t i = 0; i < d->nodes.size(); ++i) {
        for (ir::ValueId v : g.node(d->nodes[i].id).inputs) {
            if (!v.valid()) continue;
            const ir::NodeId p = g.value(v).producer;
            const int from = d->indexOf(p);
            if (from < 0 || from == int(i)) continue;
            if (seen.insert({from, int(i)}).second) d->edges.emplace_back(from, int(i));
        }
    }
    input.edges = d->edges;
    d->layout = computeLayout(input, options, cache);
    d->buildMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return d;
}

}  // namespace ql::gui
