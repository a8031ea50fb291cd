#pragma once
// One graph ready to draw: which nodes and edges the view shows, their labels and sizes, and
// their layout. Built off the UI thread from a graph snapshot; immutable once built.
#include <memory>
#include <string>
#include <vector>

#include "app/gui/graph_layout.h"
#include "core/ir/graph.h"

namespace ql::gui {

class LayoutCache;

// Text metrics measured on the UI thread (fonts are a UI-thread affair) and handed to workers.
struct DrawingMetrics {
    double charWidth = 7.0;     // average advance of the label font
    double lineHeight = 15.0;
    double padding = 8.0;
    double minWidth = 80.0;
    int maxNameChars = 28;      // longer names are elided in the middle
};

struct DrawnNode {
    ir::NodeId id;
    std::string opType;
    std::string name;           // possibly elided
    double width = 0, height = 0;
};

struct GraphDrawing {
    std::shared_ptr<const ir::Graph> graph;
    std::vector<DrawnNode> nodes;                       // live op nodes, in graph order
    std::vector<std::pair<int, int>> edges;             // indices into nodes: producer -> consumer
    std::shared_ptr<const LayoutResult> layout;         // same indexing as nodes / edges
    double buildMs = 0;                                 // drawing model + layout (or cache lookup)

    int indexOf(ir::NodeId id) const;                   // -1 if not drawn
    std::vector<int> predecessors(int index) const;
    std::vector<int> successors(int index) const;

private:
    friend std::shared_ptr<const GraphDrawing> buildDrawing(std::shared_ptr<const ir::Graph>, const DrawingMetrics&,
                                                            const LayoutOptions&, LayoutCache*);
    std::vector<int> indexById_;                        // NodeId.v -> index, -1 if absent
};

std::shared_ptr<const GraphDrawing> buildDrawing(std::shared_ptr<const ir::Graph> graph, const DrawingMetrics& metrics,
                                                 const LayoutOptions& options, LayoutCache* cache);

std::string elideMiddle(const std::string& s, int maxChars);

}  // namespace ql::gui
