#pragma once
// Static shape and type inference over the whole graph, for a chosen batch size. Values that
// follow from constants and shapes (the Shape -> Gather -> Concat -> Reshape arithmetic exporters
// emit) are folded on the way with the reference kernels, so Reshape targets become known.
#include <cstdint>
#include <map>
#include <string>

#include "core/ir/graph.h"
#include "core/util/cancel.h"
#include "core/util/status.h"

namespace ql::passes {

struct InferShapesOptions {
    int64_t batch = 1;                       // substituted for the symbolic batch dimension
    int64_t maxFoldedElements = 1 << 16;     // larger constant subgraphs are not folded
    // Values of graph inputs known ahead of a run (shape tensors fed as inputs), by name.
    std::map<std::string, ir::Tensor> inputValues;
    CancelToken cancel;    // checked per node
    ProgressFn progress;   // stage "shape inference"
};

// Sets dtype, dims and shapeKnown on every value. Fails naming the node on the first error.
Status inferShapes(ir::Graph& g, const InferShapesOptions& options = {});

}  // namespace ql::passes
