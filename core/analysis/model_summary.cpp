#include "core/analysis/model_summary.h"

#include <set>

namespace ql::analysis {

int64_t nodeMacs(const ir::Graph& g, const ir::Node& n) {
    auto dimsOf = [&](size_t i) -> const ir::Dims& { return g.value(n.inputs[i]).dims; };
    if (n.outputs.empty() || !g.value(n.outputs[0]).shapeKnown) return 0;
    const ir::Dims& out = g.value(n.outputs[0]).dims;
    const std::string& op = n.opType;
    if (op == "Conv" || op == "FusedConv" || op == "ConvInteger" || op == "QLinearConv") {
        // every output element: (Cin/group) * prod(kernel) MACs
        const ir::Dims& w = dimsOf(op == "QLinearConv" ? 3 : 1);
        int64_t perOut = 1;
        for (size_t i = 1; i < w.size(); ++i) perOut *= w[i];
        return ir::elementCount(out) * perOut;
    }
    if (op == "ConvTranspose") {
        const ir::Dims& w = dimsOf(1);
        int64_t perIn = 1;
        for (size_t i = 1; i < w.size(); ++i) perIn *= w[i];
        return ir::elementCount(dimsOf(0)) * perIn;
    }
    if (op == "Gemm" || op == "MatMul" || op == "MatMulInteger" || op == "QLinearMatMul") {
        const ir::Dims& a = dimsOf(0);
        int64_t k = a.empty() ? 1 : (op == "Gemm" && n.attrs.getInt("transA", 0) ? a[0] : a.back());
        return ir::elementCount(out) * k;
    }
    return 0;
}

ModelSummary summarize(const ir::Graph& g, int64_t batch) {
    ModelSummary s;
    s.graphName = g.name;
    s.producer = g.producerName + (g.producerVersion.empty() ? "" : " " + g.producerVersion);
    s.opset = g.opsetVersion;
    s.irVersion = g.irVersion;
    s.batch = batch;
    for (ir::ValueId id : g.inputs) {
        const ir::Value& v = g.value(id);
        s.inputs.push_back({v.name, std::string(dtypeName(v.dtype)), v.dims, v.dimParams});
    }
    for (ir::ValueId id : g.outputs) {
        const ir::Value& v = g.value(id);
        s.outputs.push_back({v.name, std::string(dtypeName(v.dtype)), v.dims, v.dimParams});
    }
    std::set<int32_t> counted;  // a weight shared by several nodes counts once
    auto order = g.topologicalOrder();
    for (ir::NodeId id : order ? *order : g.nodeIds()) {
        const ir::Node& n = g.node(id);
        ++s.opHistogram[n.opType];
        ++s.nodeCount;
        LayerSummary l{n.name, n.opType, nodeMacs(g, n), 0, {}};
        for (ir::ValueId in : n.inputs) {
            if (!in.valid() || !g.value(in).constant) continue;
            const ir::Tensor& t = *g.value(in).constant;
            l.paramCount += t.numel();
            if (counted.insert(in.v).second) {
                s.paramCount += t.numel();
                s.paramBytes += int64_t(t.byteSize());
            }
        }
        if (!n.outputs.empty() && n.outputs[0].valid()) l.outputDims = g.value(n.outputs[0]).dims;
        s.totalMacs += l.macs;
        s.layers.push_back(std::move(l));
    }
    return s;
}

}  // namespace ql::analysis
