#include "app/gui/graphviz_layout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <chrono>
#include <mutex>
#include <string>

namespace ql::gui {
namespace {

std::mutex& graphvizMutex() {
    static std::mutex m;
    return m;
}

// cgraph takes char* for names and values it only reads.
char* mut(const char* s) { return const_cast<char*>(s); }

}  // namespace

Expected<LayoutResult> dotLayout(const LayoutInput& input) {
    const auto t0 = std::chrono::steady_clock::now();
    std::lock_guard lock(graphvizMutex());
    LayoutResult result;
    result.engine = "dot";
    const size_t n = input.sizes.size();
    result.centers.resize(n);
    result.routes.resize(input.edges.size());
    if (n == 0) return result;

    GVC_t* gvc = gvContext();
    if (!gvc) return Status::internal("Graphviz: cannot create a context");
    Agraph_t* g = agopen(mut("g"), Agdirected, nullptr);
    agattr(g, AGRAPH, mut("rankdir"), mut("TB"));
    agattr(g, AGRAPH, mut("nodesep"), mut("0.3"));
    agattr(g, AGRAPH, mut("ranksep"), mut("0.45"));
    agattr(g, AGRAPH, mut("splines"), mut("spline"));
    agattr(g, AGNODE, mut("shape"), mut("box"));
    agattr(g, AGNODE, mut("fixedsize"), mut("true"));
    agattr(g, AGNODE, mut("label"), mut(""));
    agattr(g, AGNODE, mut("width"), mut("1"));
    agattr(g, AGNODE, mut("height"), mut("0.5"));
    agattr(g, AGEDGE, mut("arrowhead"), mut("none"));

    std::vector<Agnode_t*> nodes(n);
    for (size_t i = 0; i < n; ++i) {
        const std::string name = "n" + std::to_string(i);
        nodes[i] = agnode(g, mut(name.c_str()), 1);
        agset(nodes[i], mut("width"), mut(std::to_string(input.sizes[i].first / 72.0).c_str()));
        agset(nodes[i], mut("height"), mut(std::to_string(input.sizes[i].second / 72.0).c_str()));
    }
    std::vector<Agedge_t*> edges(input.edges.size(), nullptr);
    for (size_t e = 0; e < input.edges.size(); ++e) {
        auto [a, b] = input.edges[e];
        if (a < 0 || b < 0 || size_t(a) >= n || size_t(b) >= n || a == b) continue;
        edges[e] = agedge(g, nodes[size_t(a)], nodes[size_t(b)], nullptr, 1);
    }

    if (gvLayout(gvc, g, "dot") != 0) {
        agclose(g);
        gvFreeContext(gvc);
        return Status::internal("Graphviz: dot layout failed");
    }
    // Graphviz's y axis points up: flip against the bounding box.
    const boxf bb = GD_bb(g);
    auto flip = [&](pointf p) { return LayoutPoint{p.x - bb.LL.x, bb.UR.y - p.y}; };
    for (size_t i = 0; i < n; ++i) result.centers[i] = flip(ND_coord(nodes[i]));
    for (size_t e = 0; e < edges.size(); ++e) {
        Agedge_t* edge = edges[e];
        if (!edge || !ED_spl(edge) || ED_spl(edge)->size == 0) continue;
        const bezier& bz = ED_spl(edge)->list[0];
        auto& route = result.routes[e];
        if (bz.sflag) {  // a straight lead-in from the start point, as a degenerate cubic
            route.push_back(flip(bz.sp));
            route.push_back(flip(bz.sp));
            route.push_back(flip(bz.list[0]));
        }
        for (int i = 0; i < bz.size; ++i) route.push_back(flip(bz.list[i]));
        if (bz.eflag) {
            const LayoutPoint last = route.back();
            route.push_back(last);
            route.push_back(flip(bz.ep));
            route.push_back(flip(bz.ep));
        }
    }
    result.width = bb.UR.x - bb.LL.x;
    result.height = bb.UR.y - bb.LL.y;
    gvFreeLayout(gvc, g);
    agclose(g);
    gvFreeContext(gvc);
    result.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return result;
}

}  // namespace ql::gui
