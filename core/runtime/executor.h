#pragma once
// Executors run a graph on named input tensors. Every executor offers the same per-node hooks
// so profiling and numeric comparison work whatever runs the model.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/ir/graph.h"
#include "core/util/cancel.h"
#include "core/util/status.h"

namespace ql::runtime {

struct NodeHooks {
    // After each node: its wall time in milliseconds.
    std::function<void(const ir::Node&, double ms)> onNodeTimed;
    // After each node, its outputs (capturing intermediate tensors for error analysis).
    std::function<void(const ir::Node&, const std::vector<ir::Tensor>& outputs)> onNodeOutputs;
};

struct RunOptions {
    NodeHooks hooks;
    CancelToken cancel;
};

using TensorMap = std::map<std::string, ir::Tensor>;

class Executor {
public:
    virtual ~Executor() = default;
    virtual std::string name() const = 0;
    // Outputs in graph-output order, keyed by name.
    virtual Expected<TensorMap> run(const TensorMap& inputs, const RunOptions& options = {}) = 0;
};

// Checks that `inputs` provides every graph input with the right dtype and a shape compatible
// with the declared one (symbolic dims free); names the first problem.
Status checkInputs(const ir::Graph& g, const TensorMap& inputs);

}  // namespace ql::runtime
