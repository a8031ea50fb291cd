// Element-wise and channel ops on oneDNN: eltwise (activations, Clip with constant bounds),
// binary (with broadcast second operand), softmax and batch normalization, in FP32 with int8
// inputs dequantized first (in their producer's layout) -- except ReLU, LeakyReLU and Clip,
// which commute with a positive scale and so run on int8 data in its own scale.
#include <cmath>
#include <tuple>

#include "core/ops/infer_common.h"
#include "core/ops/op_params.h"
#include "core/runtime/onednn_lowerers.h"

namespace ql::runtime {

namespace {
bool scaleInvariant(const PlanBuilder& b, const ir::Node& n) {
    if (n.opType == "Relu" || n.opType == "LeakyRelu") return true;
    return n.opType == "Clip" && (!n.hasInput(1) || b.constantOf(n.inputs[1])) && (!n.hasInput(2) || b.constantOf(n.inputs[2]));
}

// The eltwise on int8 data: same data type, scale and zero point in and out. oneDNN 2.6 has
// int8 eltwise ReLU (LeakyReLU: its alpha) but no int8 clip, so Clip, and ReLU with a zero
// point, become max(x, lo) then min(., hi) in quantized units (a binary with a binary post-op).
Status lowerEltwiseInt8(PlanBuilder& b, const ir::Node& n, int in, float alpha, float beta) {
    using A = dnnl::algorithm;
    const Buffer& x = b.buffer(in);
    const float s = x.scale, zp = float(x.zeroPoint);
    const int dims = b.value(n.outputs[0]).dims.size() == 0 ? 1 : int(b.value(n.outputs[0]).dims.size());
    try {
        if (n.opType != "Clip" && x.zeroPoint == 0) {
            dnnl::eltwise_forward::primitive_desc pd(
                dnnl::eltwise_forward::desc(dnnl::prop_kind::forward_inference, A::eltwise_relu, x.md, n.opType == "LeakyRelu" ? alpha : 0.f, 0.f),
                b.engine());
            const int dst = b.newBuffer(pd.dst_desc(), x.dtype, b.value(n.outputs[0]).dims, x.scale, x.zeroPoint);
            return b.addPrimitive(n, dnnl::eltwise_forward(pd), {{DNNL_ARG_SRC, in}, {DNNL_ARG_DST, dst}}, {}, pd.impl_info_str(), dst);
        }
        if (n.opType == "LeakyRelu") return Status::error("LeakyRelu with a zero point");
        auto units = [&](float v) { return std::isfinite(v) ? v / s + zp : (v > 0 ? 3.4e38f : -3.4e38f); };
        const float lo = n.opType == "Clip" ? units(alpha) : zp, hi = n.opType == "Clip" ? units(beta) : 3.4e38f;
        const memory::desc scalar(memory::dims(size_t(dims), 1), DT::f32, plainTag(size_t(dims)));
        dnnl::post_ops po;
        po.append_binary(A::binary_min, scalar);
        dnnl::primitive_attr attr;
        attr.set_post_ops(po);
        dnnl::binary::primitive_desc pd(dnnl::binary::desc(A::binary_max, x.md, scalar, x.md), attr, b.engine());
        std::map<int, memory> consts{{DNNL_ARG_SRC_1, b.constMemory(scalar, &lo, scalar)},
                                     {DNNL_ARG_ATTR_MULTIPLE_POST_OP(0) | DNNL_ARG_SRC_1, b.constMemory(scalar, &hi, scalar)}};
        const int dst = b.newBuffer(pd.dst_desc(), x.dtype, b.value(n.outputs[0]).dims, x.scale, x.zeroPoint);
        return b.addPrimitive(n, dnnl::binary(pd), {{DNNL_ARG_SRC_0, in}, {DNNL_ARG_DST, dst}}, std::move(consts), pd.impl_info_str(), dst);
    } catch (const dnnl::error& e) {
        return Status::error(std::string("oneDNN has no int8 form here: ") + e.what());
    }
}
}  // namespace

// Only when the consumers read int8 too: otherwise the dequantize would just move after it.
bool eltwiseTakesInt8(const PlanBuilder& b, const ir::Node& n, ir::ValueId) {
    return b.runsInt8(n) && scaleInvariant(b, n) && b.consumersTakeInt8(n.outputs[0]);
}

Status lowerEltwise(PlanBuilder& b, const ir::Node& n) {
    using A = dnnl::algorithm;
    const std::string& op = n.opType;
    float alpha = 0.f, beta = 0.f;
    A alg;
    if (op == "Relu") alg = A::eltwise_relu;
    else if (op == "LeakyRelu") { alg = A::eltwise_relu; alpha = n.attrs.getFloat("alpha", 0.01f); }
    else if (op == "Sigmoid") alg = A::eltwise_logistic;
    else if (op == "Tanh") alg = A::eltwise_tanh;
    else if (op == "HardSwish") alg = A::eltwise_hardswish;
    else if (op == "Elu") { alg = A::eltwise_elu; alpha = n.attrs.getFloat("alpha", 1.f); }
    else if (op == "Exp") alg = A::eltwise_exp;
    else if (op == "Log") alg = A::eltwise_log;
    else if (op == "Sqrt") alg = A::eltwise_sqrt;
    else if (op == "Abs") alg = A::eltwise_abs;
    else if (op == "Softplus") alg = A::eltwise_soft_relu;
    else {  // Clip with constant bounds
        auto bounds = ops::clipBounds(n, n.hasInput(1) ? b.constantOf(n.inputs[1]) : nullptr, n.hasInput(2) ? b.constantOf(n.inputs[2]) : nullptr);
        if (!bounds) return b.fallback(n, "Clip bounds are not constant");
        alg = A::eltwise_clip;
        std::tie(alpha, beta) = *bounds;
    }
    if (b.value(n.inputs[0]).dtype != DType::F32) return b.fallback(n, "non-float input");
    if (auto in = b.producedBuffer(n.inputs[0]); in && isInt8(b.buffer(*in).dtype) && eltwiseTakesInt8(b, n, n.inputs[0]) &&
                                                   (op != "LeakyRelu" || b.buffer(*in).zeroPoint == 0)) {
        if (lowerEltwiseInt8(b, n, *in, alpha, beta).isOk()) return Status::ok();
    }
    auto src = b.f32Input(n.inputs[0]);
    if (!src) return b.fallback(n, src.message());
    const memory::desc md = b.buffer(*src).md;
    dnnl::eltwise_forward::primitive_desc pd(dnnl::eltwise_forward::desc(dnnl::prop_kind::forward_inference, alg, md, alpha, beta), b.engine());
    const int dst = b.newBuffer(pd.dst_desc(), DType::F32, b.value(n.outputs[0]).dims);
    return b.addPrimitive(n, dnnl::eltwise_forward(pd), {{DNNL_ARG_SRC, *src}, {DNNL_ARG_DST, dst}}, {}, pd.impl_info_str(), dst);
}

Status lowerBinary(PlanBuilder& b, const ir::Node& n) {
    using A = dnnl::algorithm;
    const std::string& op = n.opType;
    if (n.inputs.size() != 2) return b.fallback(n, PlanBuilder::kNoKernel);  // variadic Max / Min
    const A alg = op == "Add" ? A::binary_add : op == "Sub" ? A::binary_sub : op == "Mul" ? A::binary_mul : op == "Div" ? A::binary_div
                  : op == "Max" ? A::binary_max : A::binary_min;
    const ir::Value& av = b.value(n.inputs[0]);
    const ir::Value& bv = b.value(n.inputs[1]);
    const ir::Value& yv = b.value(n.outputs[0]);
    if (av.dtype != DType::F32 || bv.dtype != DType::F32) return b.fallback(n, "non-float operands");
    if (av.dims != yv.dims || bv.dims.size() > yv.dims.size()) return b.fallback(n, "first operand broadcasts");
    auto src0 = b.f32Input(n.inputs[0]);
    if (!src0) return b.fallback(n, src0.message());
    const memory::desc md0 = b.buffer(*src0).md;
    ir::Dims bd(yv.dims.size() - bv.dims.size(), 1);  // the second operand, right-aligned to the output's rank
    bd.insert(bd.end(), bv.dims.begin(), bv.dims.end());
    std::map<int, memory> consts;
    std::vector<std::pair<int, int>> args{{DNNL_ARG_SRC_0, *src0}};
    memory::desc md1;
    if (const ir::Tensor* c = b.constantOf(n.inputs[1])) {
        md1 = plainMd(bd, DType::F32);
        consts[DNNL_ARG_SRC_1] = b.constMemory(md1, c->raw(), md1);
    } else if (bd == yv.dims) {
        md1 = md0;
        QL_ASSIGN(int src1, b.ensure(n.inputs[1], md1, 1.f));
        args.push_back({DNNL_ARG_SRC_1, src1});
    } else {
        md1 = plainMd(bd, DType::F32);
        QL_ASSIGN(int src1, b.ensure(n.inputs[1], plainMd(bv.dims, DType::F32), 1.f));
        args.push_back({DNNL_ARG_SRC_1, b.newAlias(src1, md1, DType::F32, bd)});
    }
    dnnl::binary::primitive_desc pd;
    try {
        pd = dnnl::binary::primitive_desc(dnnl::binary::desc(alg, md0, md1, memory::desc(md0.dims(), DT::f32, Tag::any)), b.engine());
    } catch (const dnnl::error& e) {
        return b.fallback(n, std::string("oneDNN binary unavailable: ") + e.what());
    }
    const int dst = b.newBuffer(pd.dst_desc(), DType::F32, yv.dims);
    args.push_back({DNNL_ARG_DST, dst});
    return b.addPrimitive(n, dnnl::binary(pd), std::move(args), std::move(consts), pd.impl_info_str(), dst);
}

Status lowerSoftmax(PlanBuilder& b, const ir::Node& n) {
    const ir::Value& xv = b.value(n.inputs[0]);
    const int rank = int(xv.dims.size());
    QL_ASSIGN(int axis, ops::normalizeAxis(n.attrs.getInt("axis", b.opset() >= 13 ? -1 : 1), rank, n));
    if (b.opset() < 13 && axis != rank - 1) return b.fallback(n, "pre-13 softmax over several axes");
    QL_ASSIGN(int src, b.ensure(n.inputs[0], plainMd(xv.dims, DType::F32), 1.f));
    const memory::desc md = b.buffer(src).md;
    dnnl::softmax_forward::primitive_desc pd(dnnl::softmax_forward::desc(dnnl::prop_kind::forward_inference, md, axis), b.engine());
    const int dst = b.newBuffer(pd.dst_desc(), DType::F32, xv.dims);
    return b.addPrimitive(n, dnnl::softmax_forward(pd), {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, dst}}, {}, pd.impl_info_str(), dst);
}

Status lowerBatchNorm(PlanBuilder& b, const ir::Node& n) {
    const ir::Tensor *scale = b.constantOf(n.inputs[1]), *shift = b.constantOf(n.inputs[2]), *mean = b.constantOf(n.inputs[3]),
                     *var = b.constantOf(n.inputs[4]);
    if (!scale || !shift || !mean || !var) return b.fallback(n, "statistics are not constant");
    if (b.value(n.inputs[0]).dims.size() != 4) return b.fallback(n, "not 4-D");
    auto src = b.f32Input(n.inputs[0]);
    if (!src) return b.fallback(n, src.message());
    const memory::desc md = b.buffer(*src).md;
    using F = dnnl::normalization_flags;
    dnnl::batch_normalization_forward::primitive_desc pd(
        dnnl::batch_normalization_forward::desc(dnnl::prop_kind::forward_inference, md, n.attrs.getFloat("epsilon", 1e-5f),
                                                F::use_global_stats | F::use_scale | F::use_shift),
        b.engine());
    const memory::desc vec({scale->numel()}, DT::f32, Tag::a);
    std::map<int, memory> consts{{DNNL_ARG_SCALE, b.constMemory(vec, scale->raw(), vec)}, {DNNL_ARG_SHIFT, b.constMemory(vec, shift->raw(), vec)},
                                 {DNNL_ARG_MEAN, b.constMemory(vec, mean->raw(), vec)}, {DNNL_ARG_VARIANCE, b.constMemory(vec, var->raw(), vec)}};
    const int dst = b.newBuffer(pd.dst_desc(), DType::F32, b.value(n.outputs[0]).dims);
    return b.addPrimitive(n, dnnl::batch_normalization_forward(pd), {{DNNL_ARG_SRC, *src}, {DNNL_ARG_DST, dst}}, std::move(consts),
                          pd.impl_info_str(), dst, 4 * scale->numel() * 4);
}

}  // namespace ql::runtime
