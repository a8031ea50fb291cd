#pragma once
// What the inspector says about one node, as a tree of (key, value) rows: op, provenance,
// attributes, inputs and outputs with shapes and dtypes, and statistics of every constant
// input (weights). Qt-free; the place to add scales/zero points, impl, format, latency and error
// once RunResult exists.
#include <memory>
#include <string>
#include <vector>

#include "core/ir/graph.h"

namespace ql::gui {

struct PropertyRow {
    std::string key, value;
    std::vector<PropertyRow> children;
};

struct WeightStats {
    double min = 0, max = 0, mean = 0, stddev = 0;
    int64_t count = 0;
};

WeightStats weightStats(const ir::Tensor& t);
std::string formatDims(const ir::Dims& dims);

// Rows for `id` in `g` (one root whose children are the sections).
PropertyRow describeNode(const ir::Graph& g, ir::NodeId id);

}  // namespace ql::gui
