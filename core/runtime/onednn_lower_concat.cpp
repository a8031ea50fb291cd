// Concat as a oneDNN concat, in int8 where its operands come from int8 layers: the operands and
// the output share one scale and zero point (quant::shareRanges over the plan's ranges), so the
// producers write int8 in the concat's parameters and the concat only copies bytes. Otherwise
// FP32, int8 operands dequantized in their producer's layout.
#include <optional>

#include "core/ops/infer_common.h"
#include "core/runtime/onednn_lowerers.h"

namespace ql::runtime {

namespace {

bool isPool(const ir::Node& n) {
    return n.domain.empty() && (n.opType == "MaxPool" || n.opType == "AveragePool" || n.opType == "GlobalAveragePool" || n.opType == "GlobalMaxPool");
}
bool isView(const ir::Node& n) {
    return n.domain.empty() && (n.opType == "Flatten" || n.opType == "Reshape" || n.opType == "Squeeze" || n.opType == "Unsqueeze");
}

// Is v written by a layer that can emit int8 (an int8 conv, or a pool / view / int8 concat of one)?
bool int8Source(const PlanBuilder& b, ir::ValueId v) {
    const ir::Value& val = b.value(v);
    if (!val.producer.valid()) return false;
    const ir::Node& p = b.graph().node(val.producer);
    if (const Lowerer* l = findLowerer(p); l && l->lower == lowerConv) return convTakesInt8(b, p, p.inputs[0]);
    if (isPool(p) || isView(p)) return p.outputs.size() == 1 && !b.keptFp32(p) && int8Source(b, p.inputs[0]);
    // an int8 activation passes int8 on (its own condition looks downstream: not asked here,
    // that would loop back to this concat)
    if (const Lowerer* l = findLowerer(p); l && l->lower == lowerEltwise && l->takesInt8) return b.runsInt8(p) && int8Source(b, p.inputs[0]);
    if (p.opType == "Concat" && p.domain.empty()) return concatRunsInt8(b, p);
    return false;
}

}  // namespace

bool concatRunsInt8(const PlanBuilder& b, const ir::Node& n) {
    if (!b.runsInt8(n) || !b.int8Of(n.outputs[0])) return false;
    bool fromInt8 = false;
    for (ir::ValueId in : n.inputs) {
        if (!in.valid() || b.constantOf(in) || b.value(in).dtype != DType::F32 || !b.int8Of(in)) return false;
        fromInt8 = fromInt8 || int8Source(b, in);
    }
    // operands that all arrive in FP32 would only pay a quantize each
    return fromInt8;
}

bool concatTakesInt8(const PlanBuilder& b, const ir::Node& n, ir::ValueId) { return concatRunsInt8(b, n); }

bool sharesInt8Scale(const PlanBuilder& b, const ir::Node& n) {
    if (n.opType == "Concat" && n.domain.empty()) return concatRunsInt8(b, n);
    // pools, views and int8 activations keep their input's scale: the group makes their
    // consumers agree
    if (const Lowerer* l = findLowerer(n); l && l->lower == lowerEltwise && l->takesInt8) return l->takesInt8(b, n, n.inputs[0]);
    return (isPool(n) || isView(n)) && n.outputs.size() == 1 && !b.keptFp32(n);
}

Status lowerConcat(PlanBuilder& b, const ir::Node& n) {
    const ir::Value& yv = b.value(n.outputs[0]);
    if (yv.dtype != DType::F32) return b.fallback(n, "non-float concat");
    QL_ASSIGN(int axis, ops::normalizeAxis(n.attrs.getInt("axis", 1), int(yv.dims.size()), n));
    const bool q = concatRunsInt8(b, n);
    const auto yq = q ? b.int8Of(n.outputs[0]) : std::nullopt;
    const DType dt = q ? yq->dtype : DType::F32;
    const float scale = q ? yq->scale : 1.f;
    const int32_t zeroPoint = q ? yq->zeroPoint : 0;
    std::vector<memory::desc> mds;
    std::vector<std::pair<int, int>> args;
    memory::desc first;
    // int8: an operand already in the shared parameters is taken as its producer laid it out
    // (oneDNN's concat accepts mixed layouts); the others are converted into the layout of the
    // first such operand (the int8 layers' layout, so the concat's output keeps it too)
    auto ready = [&](const Buffer& pb) { return pb.dtype == dt && pb.scale == scale && pb.zeroPoint == zeroPoint; };
    std::optional<memory::desc> anchor;
    for (ir::ValueId in : n.inputs)
        if (auto pb = b.producedBuffer(in); q && !anchor && pb && ready(b.buffer(*pb))) anchor = b.buffer(*pb).md;
    for (size_t i = 0; i < n.inputs.size(); ++i) {
        if (b.constantOf(n.inputs[i])) return b.fallback(n, "constant concat operand");
        const ir::Dims& dims = b.value(n.inputs[i]).dims;
        auto produced = b.producedBuffer(n.inputs[i]);
        if (!produced) return b.fallback(n, "input is not an activation");
        const Buffer& pb = b.buffer(*produced);
        memory::desc want;
        if (q) {
            want = ready(pb) ? pb.md : b.layoutLike(anchor ? *anchor : b.actMd(dims, dt), dims);
            want.data.data_type = static_cast<dnnl_data_type_t>(toDnnl(dt));
        } else {
            auto in = b.f32Input(n.inputs[i]);
            if (!in) return b.fallback(n, in.message());
            // all operands in the first operand's layout family
            want = i == 0 ? b.buffer(*in).md : b.layoutLike(first, dims);
        }
        QL_ASSIGN(int src, b.ensure(n.inputs[i], want, scale, zeroPoint));
        if (i == 0) first = b.buffer(src).md;
        mds.push_back(b.buffer(src).md);
        args.push_back({DNNL_ARG_MULTIPLE_SRC + int(i), src});
    }
    dnnl::concat::primitive_desc pd;
    try {
        pd = dnnl::concat::primitive_desc(axis, mds, b.engine());
    } catch (const dnnl::error& e) {
        return b.fallback(n, std::string("oneDNN concat unavailable: ") + e.what());
    }
    const int dst = b.newBuffer(pd.dst_desc(), dt, yv.dims, scale, zeroPoint);
    args.push_back({DNNL_ARG_DST, dst});
    return b.addPrimitive(n, dnnl::concat(pd), std::move(args), {}, pd.impl_info_str(), dst);
}

}  // namespace ql::runtime
