#pragma once
// A fast layered (Sugiyama-style) layout for graphs too large or too dense for dot:
// longest-path layering, a few barycenter ordering sweeps, then x placement that pulls each
// node towards its neighbours while keeping the order and a minimum gap. O((V+E) log V) per
// sweep; DenseNet-201 (1,007 nodes, 2,809 edges) takes a few milliseconds.
#include "app/gui/graph_layout.h"

namespace ql::gui {

struct LayeredLayoutOptions {
    double nodeGap = 24;    // horizontal gap between neighbours in a layer
    double layerGap = 36;   // vertical gap between layers
    int orderingSweeps = 4;
    int placementSweeps = 4;
};

// Cycles (which a valid ir::Graph never has) are broken by ignoring back edges.
LayoutResult layeredLayout(const LayoutInput& input, const LayeredLayoutOptions& options = {});

}  // namespace ql::gui
