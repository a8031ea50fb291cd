#pragma once
// Executors run a graph on named input tensors. Every executor offers the same per-node hooks
// so profiling and numeric comparison work whatever runs the model.
#include <functional>
#include <map>
#include <memory>
#include <optional>
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

// One executed step: a graph node (possibly fused) or a step the executor inserted (reorder).
struct StepInfo {
    ir::NodeId node;                     // the (fused) graph node; invalid for inserted steps
    std::string name, opType;
    std::vector<ir::NodeId> fusedFrom;   // original nodes; empty for inserted steps
    std::vector<std::string> fusedFromNames;
    bool inserted = false;               // reorder/quantize added by the executor
    std::string impl = "reference";     // oneDNN implementation ("jit:avx2", ...) or "reference"
    std::string fallbackReason;          // why the reference kernel runs, if it does
    std::string note;                    // other choices made for this step (layout overrides)
    std::string format;                  // output memory format ("nchw", "nChw8c", ...)
    std::string dtype;                   // output data type
    std::string inputDtype;              // the main input as the kernel reads it (u8/s8: int8 arithmetic); "" if unknown
    int64_t macs = 0, outputBytes = 0, weightBytes = 0;
    // int8 arithmetic: the step reads or writes u8/s8 (a conv or Gemm may read int8 and write f32)
    bool computesInInt8() const { return isInt8DTypeName(dtype) || isInt8DTypeName(inputDtype); }
    static bool isInt8DTypeName(const std::string& t) { return t == "u8" || t == "s8"; }
};

// Activation and weight memory of a compiled plan.
struct MemoryStats {
    int64_t arenaBytes = 0;          // planned activation arena (or sum of allocations when eager)
    int64_t activationBytes = 0;     // sum of all activation buffers
    int64_t livenessLowerBound = 0;  // max bytes simultaneously live
    int64_t weightBytes = 0;         // weights and biases as the kernels hold them
    // Per executed step (index into Executor::steps()): bytes of the activation buffers alive
    // at it, as planned; its maximum is livenessLowerBound. Empty when unknown.
    std::vector<int64_t> liveBytesPerStep;
};

struct RunOptions {
    NodeHooks hooks;
    // After each executed step (index into Executor::steps()): wall time in milliseconds.
    std::function<void(size_t step, double ms)> onStepTimed;
    CancelToken cancel;
};

using TensorMap = std::map<std::string, ir::Tensor>;

class Executor {
public:
    virtual ~Executor() = default;
    virtual std::string name() const = 0;
    // Outputs in graph-output order, keyed by name.
    virtual Expected<TensorMap> run(const TensorMap& inputs, const RunOptions& options = {}) = 0;
    // The steps a run executes, in order (valid after the first run for lazy executors).
    virtual std::vector<StepInfo> steps() const = 0;
    virtual std::optional<MemoryStats> memoryStats() const { return std::nullopt; }
};

// The step a node becomes: names, op, provenance and MACs (executors add impl, format, bytes).
StepInfo stepInfoFor(const ir::Graph& g, const ir::Node& n);

// Checks that `inputs` provides every graph input with the right dtype and a shape compatible
// with the declared one (symbolic dims free); names the first problem.
Status checkInputs(const ir::Graph& g, const TensorMap& inputs);

}  // namespace ql::runtime
