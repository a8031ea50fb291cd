#pragma once
// What `inspect` reports: inputs/outputs, opsets, op histogram, parameters and MACs per layer.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/ir/graph.h"

namespace ql::analysis {

struct TensorSummary {
    std::string name;
    std::string dtype;
    ir::Dims dims;                    // after inference at the summary's batch
    std::vector<std::string> dimParams;
};

struct LayerSummary {
    std::string name, opType;
    int64_t macs = 0;                 // multiply-accumulates at the summary's batch
    int64_t paramCount = 0;           // constant inputs' elements
    ir::Dims outputDims;
};

struct ModelSummary {
    std::string graphName, producer;
    int64_t opset = 0, irVersion = 0, batch = 1;
    std::vector<TensorSummary> inputs, outputs;
    std::map<std::string, int> opHistogram;
    int64_t nodeCount = 0, paramCount = 0, paramBytes = 0, totalMacs = 0;
    std::vector<LayerSummary> layers;  // topological order
    // Declared or inferred sizes no run can hold (element count past 64 bits, past the tensor
    // limit): shown, never refused here; running the model refuses them.
    std::vector<std::string> warnings;
};

// `g` must have inferred shapes.
ModelSummary summarize(const ir::Graph& g, int64_t batch);
// MACs of one node (0 for data movement and element-wise ops, which are counted as free);
// saturates at INT64_MAX for impossible shapes.
int64_t nodeMacs(const ir::Graph& g, const ir::Node& n);

}  // namespace ql::analysis
