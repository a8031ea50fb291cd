#include "app/gui/layered_layout.h"

#include <algorithm>
#include <chrono>
#include <numeric>

namespace ql::gui {
namespace {

// Longest path from the sources; nodes on a cycle keep the layer reached so far.
std::vector<int> assignLayers(int n, const std::vector<std::vector<int>>& succ, const std::vector<std::vector<int>>& pred) {
    std::vector<int> indeg(size_t(n), 0), layer(size_t(n), 0);
    for (int v = 0; v < n; ++v) indeg[size_t(v)] = int(pred[size_t(v)].size());
    std::vector<int> queue;
    queue.reserve(static_cast<size_t>(n));
    for (int v = 0; v < n; ++v)
        if (indeg[size_t(v)] == 0) queue.push_back(v);
    std::vector<bool> done(size_t(n), false);
    size_t head = 0;
    while (true) {
        while (head < queue.size()) {
            const int u = queue[head++];
            done[size_t(u)] = true;
            for (int v : succ[size_t(u)]) {
                layer[size_t(v)] = std::max(layer[size_t(v)], layer[size_t(u)] + 1);
                if (--indeg[size_t(v)] == 0) queue.push_back(v);
            }
        }
        if (queue.size() == size_t(n)) break;
        // A cycle: release the first unfinished node and go on.
        for (int v = 0; v < n; ++v)
            if (!done[size_t(v)] && indeg[size_t(v)] > 0) {
                indeg[size_t(v)] = 0;
                queue.push_back(v);
                break;
            }
    }
    // Pull sources down next to their first consumer so inputs do not all sit at the top.
    for (int v = 0; v < n; ++v) {
        if (!pred[size_t(v)].empty() || succ[size_t(v)].empty()) continue;
        int minSucc = layer[size_t(succ[size_t(v)][0])];
        for (int s : succ[size_t(v)]) minSucc = std::min(minSucc, layer[size_t(s)]);
        layer[size_t(v)] = std::max(0, minSucc - 1);
    }
    return layer;
}

// Places one layer's nodes as close as possible to `desired` keeping order and gaps: the mean of
// a push-right and a push-left solution (both feasible, so their mean is too).
void placeLayer(const std::vector<int>& nodes, const std::vector<double>& desired, const std::vector<double>& width,
                double gap, std::vector<double>& x) {
    const size_t k = nodes.size();
    if (k == 0) return;
    std::vector<double> right(k), left(k);
    for (size_t i = 0; i < k; ++i) {
        right[i] = desired[i];
        if (i > 0) {
            const double minSep = (width[size_t(nodes[i - 1])] + width[size_t(nodes[i])]) / 2 + gap;
            right[i] = std::max(right[i], right[i - 1] + minSep);
        }
    }
    for (size_t j = k; j-- > 0;) {
        left[j] = desired[j];
        if (j + 1 < k) {
            const double minSep = (width[size_t(nodes[j])] + width[size_t(nodes[j + 1])]) / 2 + gap;
            left[j] = std::min(left[j], left[j + 1] - minSep);
        }
    }
    for (size_t i = 0; i < k; ++i) x[size_t(nodes[i])] = (left[i] + right[i]) / 2;
}

}  // namespace

LayoutResult layeredLayout(const LayoutInput& input, const LayeredLayoutOptions& options) {
    const auto t0 = std::chrono::steady_clock::now();
    const int n = int(input.sizes.size());
    LayoutResult result;
    result.engine = "layered";
    result.centers.resize(static_cast<size_t>(n));
    if (n == 0) return result;

    std::vector<std::vector<int>> succ(static_cast<size_t>(n)), pred(static_cast<size_t>(n));
    for (auto [a, b] : input.edges) {
        if (a < 0 || b < 0 || a >= n || b >= n || a == b) continue;
        succ[size_t(a)].push_back(b);
        pred[size_t(b)].push_back(a);
    }
    const std::vector<int> layer = assignLayers(n, succ, pred);
    const int layerCount = *std::max_element(layer.begin(), layer.end()) + 1;

    // Initial order: input order within each layer (importers keep the model's topological order).
    std::vector<std::vector<int>> layers(static_cast<size_t>(layerCount));
    for (int v = 0; v < n; ++v) layers[size_t(layer[size_t(v)])].push_back(v);
    std::vector<double> pos(static_cast<size_t>(n));
    auto renumber = [&](const std::vector<int>& nodes) {
        for (size_t i = 0; i < nodes.size(); ++i) pos[size_t(nodes[i])] = double(i);
    };
    for (auto& l : layers) renumber(l);

    // Barycenter sweeps: down uses predecessors, up uses successors (any layer distance).
    auto sortByBarycenter = [&](std::vector<int>& nodes, const std::vector<std::vector<int>>& nbrs) {
        std::vector<std::pair<double, int>> keyed;
        keyed.reserve(nodes.size());
        for (int v : nodes) {
            const auto& nb = nbrs[size_t(v)];
            double key = pos[size_t(v)];
            if (!nb.empty()) {
                double sum = 0;
                for (int u : nb) sum += pos[size_t(u)];
                key = sum / double(nb.size());
            }
            keyed.emplace_back(key, v);
        }
        std::stable_sort(keyed.begin(), keyed.end(), [](auto& a, auto& b) { return a.first < b.first; });
        for (size_t i = 0; i < nodes.size(); ++i) nodes[i] = keyed[i].second;
        renumber(nodes);
    };
    for (int s = 0; s < options.orderingSweeps; ++s) {
        for (int l = 1; l < layerCount; ++l) sortByBarycenter(layers[size_t(l)], pred);
        for (int l = layerCount - 2; l >= 0; --l) sortByBarycenter(layers[size_t(l)], succ);
    }

    // X placement: pack, then alternately pull towards predecessors and successors.
    std::vector<double> width(static_cast<size_t>(n)), height(static_cast<size_t>(n)), x(size_t(n), 0);
    for (int v = 0; v < n; ++v) {
        width[size_t(v)] = input.sizes[size_t(v)].first;
        height[size_t(v)] = input.sizes[size_t(v)].second;
    }
    for (auto& l : layers) {
        std::vector<double> desired(l.size(), 0);
        placeLayer(l, desired, width, options.nodeGap, x);
    }
    auto pull = [&](int l, const std::vector<std::vector<int>>& nbrs) {
        auto& nodes = layers[size_t(l)];
        std::vector<double> desired(nodes.size());
        for (size_t i = 0; i < nodes.size(); ++i) {
            const auto& nb = nbrs[size_t(nodes[i])];
            if (nb.empty()) {
                desired[i] = x[size_t(nodes[i])];
                continue;
            }
            // Median of neighbours: keeps chains straight next to a wide concat.
            std::vector<double> xs;
            xs.reserve(nb.size());
            for (int u : nb) xs.push_back(x[size_t(u)]);
            std::nth_element(xs.begin(), xs.begin() + long(xs.size() / 2), xs.end());
            desired[i] = xs[xs.size() / 2];
        }
        placeLayer(nodes, desired, width, options.nodeGap, x);
    };
    for (int s = 0; s < options.placementSweeps; ++s) {
        for (int l = 1; l < layerCount; ++l) pull(l, pred);
        for (int l = layerCount - 2; l >= 0; --l) pull(l, succ);
    }
    for (int l = 1; l < layerCount; ++l) pull(l, pred);

    // Layer y: each layer as tall as its tallest node.
    std::vector<double> layerTop(size_t(layerCount), 0), layerHeight(size_t(layerCount), 0);
    for (int v = 0; v < n; ++v) layerHeight[size_t(layer[size_t(v)])] = std::max(layerHeight[size_t(layer[size_t(v)])], height[size_t(v)]);
    for (int l = 1; l < layerCount; ++l) layerTop[size_t(l)] = layerTop[size_t(l - 1)] + layerHeight[size_t(l - 1)] + options.layerGap;

    double minX = 1e300, maxX = -1e300;
    for (int v = 0; v < n; ++v) {
        minX = std::min(minX, x[size_t(v)] - width[size_t(v)] / 2);
        maxX = std::max(maxX, x[size_t(v)] + width[size_t(v)] / 2);
    }
    const double margin = 8;
    for (int v = 0; v < n; ++v) {
        const int l = layer[size_t(v)];
        result.centers[size_t(v)] = {x[size_t(v)] - minX + margin, layerTop[size_t(l)] + layerHeight[size_t(l)] / 2 + margin};
    }
    result.width = maxX - minX + 2 * margin;
    result.height = layerTop.back() + layerHeight.back() + 2 * margin;

    // Edges between adjacent layers: a vertical S-curve from the bottom of the source to the top
    // of the target. Longer edges (dense concat fan-in) leave and enter by the side and arc
    // outwards, further for longer spans, so they do not run through the nodes in between.
    result.routes.reserve(input.edges.size());
    double widest = 0;
    for (double w : width) widest = std::max(widest, w);
    for (auto [a, b] : input.edges) {
        if (a < 0 || b < 0 || a >= n || b >= n || a == b) {
            result.routes.emplace_back();
            continue;
        }
        const LayoutPoint ca = result.centers[size_t(a)], cb = result.centers[size_t(b)];
        const int span = layer[size_t(b)] - layer[size_t(a)];
        if (span <= 1) {
            const LayoutPoint p0{ca.x, ca.y + height[size_t(a)] / 2};
            const LayoutPoint p3{cb.x, cb.y - height[size_t(b)] / 2};
            const double dy = std::max(options.layerGap, (p3.y - p0.y) / 2);
            result.routes.push_back({p0, {p0.x, p0.y + dy}, {p3.x, p3.y - dy}, p3});
            continue;
        }
        const double side = cb.x >= ca.x ? 1.0 : -1.0;
        const LayoutPoint p0{ca.x + side * width[size_t(a)] / 2, ca.y};
        const LayoutPoint p3{cb.x + side * width[size_t(b)] / 2, cb.y};
        const double reach = std::max(width[size_t(a)], width[size_t(b)]);
        const double bulge = (0.5 * (widest - reach) + 20 + std::min(400.0, 6.0 * span)) * 4.0 / 3.0;
        const double x = std::max(side * p0.x, side * p3.x) * side + side * bulge;
        result.routes.push_back({p0, {x, p0.y}, {x, p3.y}, p3});
    }
    // Arcs may reach past the nodes: control points bound each curve, so grow the box to them.
    double lo = 0, hi = result.width;
    for (const auto& r : result.routes)
        for (const auto& p : r) lo = std::min(lo, p.x - margin), hi = std::max(hi, p.x + margin);
    if (lo < 0) {
        for (auto& c : result.centers) c.x -= lo;
        for (auto& r : result.routes)
            for (auto& p : r) p.x -= lo;
    }
    result.width = hi - lo;
    result.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return result;
}

}  // namespace ql::gui
