#pragma once
// Passes rewrite an ir::Graph in place. The manager runs an ordered list, verifies the graph
// after each pass, times it and keeps what it changed, so every step can be shown and diffed.
#include <functional>
#include <string>
#include <vector>

#include "core/ir/graph.h"
#include "core/util/cancel.h"
#include "core/util/status.h"

namespace ql::passes {

// A surviving node that took over other nodes: `into` now also stands for `absorbed`.
struct Fusion {
    ir::NodeId into;
    std::vector<ir::NodeId> absorbed;  // original node ids added to into's fusedFrom by this pass
};

// What one pass did, in structured form (derived by the manager from the graph before and
// after, so every pass reports the same way) plus the pass's own one-line descriptions.
struct PassRecord {
    std::string pass;
    double ms = 0;
    std::vector<std::string> changes;  // one line per rewrite ("fold 'bn1' into 'conv1'")
    size_t nodesBefore = 0, nodesAfter = 0;
    std::vector<ir::NodeId> removed;   // live before, gone after
    std::vector<ir::NodeId> created;   // new node ids
    std::vector<Fusion> fusions;
};

// A pass appends one line per rewrite to `changes`.
using PassFn = std::function<Status(ir::Graph&, std::vector<std::string>& changes)>;

struct Pass {
    std::string name;
    PassFn run;
};

// The fusion pipeline, in order: identity removal, QOperator expansion, QDQ folding, Pad folding, BN folding, the BNs
// left as depthwise 1x1 convs, concats reading an earlier concat's result, Conv+Add, Conv+activation.
std::vector<Pass> fusionPipeline();

// After each pass `afterEach` (if set) sees the graph and the record, e.g. to keep a snapshot.
using PassObserver = std::function<void(const ir::Graph&, const PassRecord&)>;
Expected<std::vector<PassRecord>> runPasses(ir::Graph& g, const std::vector<Pass>& passes, const CancelToken& cancel = {},
                                            const ProgressFn& progress = {}, const PassObserver& afterEach = {});

// Input i of n when it is a constant (initializer or folded), else nullptr: what passes test
// before they rewrite with a weight, a scale or a pad.
const ir::Tensor* constantOf(const ir::Graph& g, const ir::Node& n, size_t i);

// The per-tensor parameters of a QuantizeLinear / DequantizeLinear (constant scale and u8/s8 zero
// point), or nullopt (per-axis, missing constants, a scale that is not a positive number).
std::optional<ir::QuantParams> quantParamsOf(const ir::Graph& g, const ir::Node& n);  // qdq_folding.cpp

// The individual passes (each has a tiny-graph test).
Status eliminateIdentities(ir::Graph& g, std::vector<std::string>& changes);
// QOperator models: QLinearConv / QLinearMatMul become DequantizeLinear -> float op ->
// QuantizeLinear, and 8-bit max pools / views move behind their QuantizeLinear (qoperator_expand.cpp).
Status expandQOperators(ir::Graph& g, std::vector<std::string>& changes);
// QDQ models: QuantizeLinear -> DequantizeLinear pairs on activations become ir::Value::quant.
Status foldQdq(ir::Graph& g, std::vector<std::string>& changes);
Status foldPad(ir::Graph& g, std::vector<std::string>& changes);
Status foldBatchNorm(ir::Graph& g, std::vector<std::string>& changes);
Status batchNormToConv(ir::Graph& g, std::vector<std::string>& changes);  // batchnorm_to_conv.cpp
Status fuseConvAdd(ir::Graph& g, std::vector<std::string>& changes);
Status fuseConvActivation(ir::Graph& g, std::vector<std::string>& changes);
Status reuseConcatPrefix(ir::Graph& g, std::vector<std::string>& changes);  // concat_prefix.cpp

}  // namespace ql::passes
