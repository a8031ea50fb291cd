#pragma once
// Qt-free layout data: what a layout engine needs (node sizes, edges) and what it returns
// (node centres, edge routes as cubic Bézier control points). Coordinates grow down and right.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ql::gui {

struct LayoutPoint {
    double x = 0, y = 0;
};

struct LayoutInput {
    std::vector<std::pair<double, double>> sizes;  // per node: width, height
    std::vector<std::pair<int, int>> edges;        // (from, to) node indices; no duplicates, no self loops
};

struct LayoutResult {
    std::vector<LayoutPoint> centers;               // per node
    std::vector<std::vector<LayoutPoint>> routes;   // per edge: 1 + 3k cubic Bézier control points
    double width = 0, height = 0;                   // bounding box from (0,0)
    std::string engine;                             // "dot" or "layered"
    std::string note;                               // why this engine was chosen
    double ms = 0;                                  // layout time
};

// Which engine lays a graph out. Auto picks dot while its predicted cost is small and the
// layered fallback otherwise (dot cannot be interrupted once started, so the budget is a gate).
enum class LayoutEngine { Auto, Dot, Layered };

struct LayoutOptions {
    LayoutEngine engine = LayoutEngine::Auto;
    int maxDotNodes = 700;          // ResNet-152 (509 nodes) lays out in ~0.1 s
    double maxDotEdgesPerNode = 1.6;  // DenseNet's concat fan-in (2.8 edges/node) takes > 100 s
    int maxDotFanIn = 12;            // a single node with more inputs than this = dense concat
};

}  // namespace ql::gui
