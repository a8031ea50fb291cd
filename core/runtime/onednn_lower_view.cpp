// Flatten / Reshape / Squeeze / Unsqueeze: the same bytes in plain layout with new dims, no copy.
#include "core/runtime/onednn_lowerers.h"

namespace ql::runtime {

// A view reads int8 when whatever reads the view does.
bool viewTakesInt8(const PlanBuilder& b, const ir::Node& n, ir::ValueId) { return !b.keptFp32(n) && b.consumersTakeInt8(n.outputs[0]); }

Status lowerView(PlanBuilder& b, const ir::Node& n) {
    const ir::Value& xv = b.value(n.inputs[0]);
    const ir::Value& yv = b.value(n.outputs[0]);
    auto inBuf = b.producedBuffer(n.inputs[0]);
    if (!inBuf) return b.fallback(n, "input is not an activation");
    const Buffer& in = b.buffer(*inBuf);
    // int8 passes through with its scale; a view kept in FP32 dequantizes first
    const DType dt = b.keptFp32(n) && isInt8(in.dtype) ? DType::F32 : in.dtype;
    QL_ASSIGN(int src, b.ensure(n.inputs[0], plainMd(xv.dims, dt), in.scale, in.zeroPoint));
    const Buffer& sb = b.buffer(src);
    const int dst = b.newAlias(src, plainMd(yv.dims, sb.dtype), sb.dtype, yv.dims, sb.scale, sb.zeroPoint);
    Step s;
    s.kind = Step::View;
    b.use(src);
    return b.addNodeStep(n, std::move(s), "view (no copy)", dst);
}

}  // namespace ql::runtime
