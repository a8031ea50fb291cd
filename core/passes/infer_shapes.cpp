#include "core/passes/infer_shapes.h"

#include <algorithm>
#include <climits>
#include <unordered_map>

#include "core/ops/op_registry.h"
#include "kernels/reference/evaluate_node.h"
#include "core/util/strings.h"

namespace ql::passes {

Status inferShapes(ir::Graph& g, const InferShapesOptions& options) {
    if (options.batch <= 0) return Status::error("batch size must be positive, got " + std::to_string(options.batch));
    for (ir::ValueId id : g.inputs) {
        ir::Value& v = g.value(id);
        for (size_t i = 0; i < v.dims.size(); ++i) {
            if (v.dims[i] >= 0) continue;
            bool isBatch = i == 0 || (i < v.dimParams.size() && !g.batchSymbol.empty() && v.dimParams[i] == g.batchSymbol);
            if (!isBatch)
                return Status::error("input '" + v.name + "' has symbolic dimension " + std::to_string(i) +
                                     (i < v.dimParams.size() && !v.dimParams[i].empty() ? " ('" + v.dimParams[i] + "')" : "") +
                                     "; only the batch dimension may be symbolic");
            v.dims[i] = options.batch;
        }
        v.shapeKnown = true;
    }
    QL_ASSIGN(auto order, g.topologicalOrder());
    std::unordered_map<int32_t, ir::Tensor> folded;  // values computed from constants and shapes
    for (ir::ValueId id : g.inputs)
        if (auto it = options.inputValues.find(g.value(id).name); it != options.inputValues.end()) folded[id.v] = it->second;
    for (size_t step = 0; step < order.size(); ++step) {
        if (options.cancel.isCancelled()) return Status::cancelled("shape inference");
        if (options.progress && step % 32 == 0) options.progress(double(step) / double(order.size()), "shape inference");
        const ir::Node& node = g.node(order[step]);
        ops::InferContext ctx{node, g.opsetVersion, {}, {}};
        ctx.inputs.resize(node.inputs.size());
        bool allKnown = true;
        for (size_t i = 0; i < node.inputs.size(); ++i) {
            ir::ValueId in = node.inputs[i];
            if (!in.valid()) continue;
            const ir::Value& v = g.value(in);
            if (!v.shapeKnown) return Status::error(node.label() + ": shape of input '" + v.name + "' is unknown");
            const ir::Tensor* value = v.constant ? &*v.constant : nullptr;
            if (auto it = folded.find(in.v); it != folded.end()) value = &it->second;
            allKnown &= value != nullptr;
            ctx.inputs[i] = {true, v.dtype, v.dims, value, {}};
        }
        QL_TRY(ops::inferNode(ctx));
        int64_t outElements = 0;
        for (size_t i = 0; i < node.outputs.size(); ++i) {
            if (i >= ctx.outputs.size() || !ctx.outputs[i].present) continue;
            ir::Value& out = g.value(node.outputs[i]);
            out.dtype = ctx.outputs[i].dtype;
            out.dims = ctx.outputs[i].dims;
            out.shapeKnown = true;
            const int64_t e = std::max<int64_t>(0, ir::elementCount(out.dims));
            outElements = std::min(outElements, INT64_MAX - e) + e;  // saturating: declared shapes can be absurd
            if (!ctx.outputs[i].computed.empty()) folded[node.outputs[i].v] = ctx.outputs[i].computed;
        }
        if (allKnown && outElements <= options.maxFoldedElements && !folded.count(node.outputs[0].v)) {
            std::vector<const ir::Tensor*> ins;
            for (const auto& info : ctx.inputs) ins.push_back(info.present ? info.value : nullptr);
            std::vector<ir::Tensor> outs;
            QL_TRY(kernels::evaluateNode(node, g.opsetVersion, ins, outs));
            for (size_t i = 0; i < node.outputs.size() && i < outs.size(); ++i)
                if (!outs[i].empty()) folded[node.outputs[i].v] = std::move(outs[i]);
        }
    }
    if (options.progress) options.progress(1.0, "shape inference");
    return Status::ok();
}

}  // namespace ql::passes
