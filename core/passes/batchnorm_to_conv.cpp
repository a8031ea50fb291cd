// A BatchNormalization that could not fold into a preceding conv (pre-activation networks such
// as DenseNet: concat -> BN -> ReLU -> conv) becomes a 1x1 depthwise conv with the BN's
// per-channel scale as weights and its shift as bias. The activation pass then fuses the ReLU
// into it, and the int8 engine runs it as an int8 conv: one weight per channel quantizes exactly
// (per-channel scales make every weight +-127), so only the output rounding is added.
#include <cmath>

#include "core/ops/op_params.h"
#include "core/passes/pass_manager.h"

namespace ql::passes {

Status batchNormToConv(ir::Graph& g, std::vector<std::string>& changes) {
    for (ir::NodeId id : g.nodeIds()) {
        const ir::Node& bn = g.node(id);
        if (bn.removed || bn.opType != "BatchNormalization" || !bn.domain.empty() || bn.inputs.size() != 5) continue;
        // training-mode outputs (running mean / variance) have no conv counterpart
        bool extraOutputs = false;
        for (size_t i = 1; i < bn.outputs.size(); ++i) extraOutputs |= bn.outputs[i].valid();
        const ir::Value& x = g.value(bn.inputs[0]);
        if (extraOutputs || bn.attrs.getInt("training_mode", 0) || !x.shapeKnown || x.dims.size() != 4 || x.dtype != ir::DType::F32) continue;
        const int64_t C = x.dims[1];
        const ir::Tensor* t[4];
        bool ok = true;
        for (size_t i = 0; i < 4; ++i) {
            t[i] = constantOf(g, bn, i + 1);
            ok = ok && t[i] && t[i]->dtype() == ir::DType::F32 && t[i]->numel() == C;
        }
        if (!ok) continue;
        const float eps = bn.attrs.getFloat("epsilon", 1e-5f);
        ir::Tensor w = ir::Tensor::create(ir::DType::F32, {C, 1, 1, 1}).value(), b = ir::Tensor::create(ir::DType::F32, {C}).value();
        const ops::ChannelAffine affine = ops::batchNormAffine(*t[0], *t[1], *t[2], *t[3], eps);
        for (int64_t c = 0; c < C; ++c) {
            w.data<float>()[c] = float(affine.k[size_t(c)]);
            b.data<float>()[c] = float(affine.shift[size_t(c)]);
        }
        const std::string name = bn.name;
        const ir::ValueId in = bn.inputs[0], out = bn.outputs[0];
        const std::vector<ir::NodeId> from = bn.fusedFrom;
        ir::ValueId wv = g.addConstant(name + ".dw_weight", std::move(w));
        ir::ValueId bv = g.addConstant(name + ".dw_bias", std::move(b));
        g.removeNode(id);
        ir::Attributes attrs;
        attrs.set("group", C);
        attrs.set("kernel_shape", std::vector<int64_t>{1, 1});
        const ir::NodeId conv = g.addNode("Conv", name, {in, wv, bv}, {out}, std::move(attrs));
        g.node(conv).fusedFrom = from;
        changes.push_back("turn BatchNormalization '" + name + "' into a depthwise 1x1 Conv");
    }
    return Status::ok();
}

}  // namespace ql::passes
