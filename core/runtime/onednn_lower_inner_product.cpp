// Gemm / MatMul with constant 2-D weights as a oneDNN inner product (alpha and beta folded
// into weights and bias), FP32 or INT8 with per-row s8 weights.
#include "core/quant/weight_quant.h"
#include "core/runtime/onednn_lowerers.h"

namespace ql::runtime {

namespace {

// What an inner product computes: 2-D activations times constant weights (plus a constant bias).
bool isInnerProduct(const PlanBuilder& b, const ir::Node& n) {
    const bool act2d = b.value(n.inputs[0]).dims.size() == 2;
    if (n.opType == "Gemm")
        return n.attrs.getInt("transA", 0) == 0 && b.constantOf(n.inputs[1]) && (!n.hasInput(2) || b.constantOf(n.inputs[2])) && act2d;
    return b.constantOf(n.inputs[1]) && b.constantOf(n.inputs[1])->rank() == 2 && act2d;  // MatMul
}

// The inner product takes symmetric int8 only.
std::optional<quant::Int8Params> int8Input(const PlanBuilder& b, const ir::Node& n) {
    if (!b.runsInt8(n)) return std::nullopt;
    auto aq = b.int8Of(n.inputs[0]);
    if (aq && aq->zeroPoint != 0) return std::nullopt;
    return aq;
}

}  // namespace

bool gemmTakesInt8(const PlanBuilder& b, const ir::Node& n, ir::ValueId input) {
    return input == n.inputs[0] && isInnerProduct(b, n) && int8Input(b, n).has_value();
}

Status lowerGemm(PlanBuilder& b, const ir::Node& n) {
    if (!isInnerProduct(b, n)) return b.fallback(n, PlanBuilder::kNoKernel);
    const ir::Value& av = b.value(n.inputs[0]);
    const ir::Value& yv = b.value(n.outputs[0]);
    const ir::Tensor& B = *b.constantOf(n.inputs[1]);
    const bool isGemm = n.opType == "Gemm";
    const bool transB = isGemm && n.attrs.getInt("transB", 0);
    const float alpha = isGemm ? n.attrs.getFloat("alpha", 1.f) : 1.f, beta = isGemm ? n.attrs.getFloat("beta", 1.f) : 1.f;
    const int64_t K = av.dims[1], N = yv.dims[1];
    if (B.dtype() != DType::F32) return b.fallback(n, "weights are not f32");
    // oneDNN inner product weights are [N, K]
    std::vector<float> w(size_t(N * K));
    for (int64_t j = 0; j < N; ++j)
        for (int64_t k = 0; k < K; ++k) w[size_t(j * K + k)] = alpha * B.data<float>()[transB ? j * K + k : k * N + j];
    std::vector<float> bias(size_t(N), 0.f);
    const ir::Tensor* C = isGemm && n.hasInput(2) ? b.constantOf(n.inputs[2]) : nullptr;
    if (C) {
        if (C->numel() != 1 && C->numel() != N) return b.fallback(n, "bias C is not a vector of N");
        for (int64_t j = 0; j < N; ++j) bias[size_t(j)] = beta * C->data<float>()[C->numel() == 1 ? 0 : j];
    }
    const auto aq = int8Input(b, n);
    const bool q = aq.has_value();
    const float sa = q ? aq->scale : 1.f;
    quant::QuantizedRows wq;
    if (q) {
        // a pre-quantized model's own scales (rows of [N, K] run along B's axis 0 if transposed, else 1)
        const auto modelScales = alpha == 1.f ? b.modelWeightScales(n.inputs[1], transB ? 0 : 1, N) : std::nullopt;
        if (modelScales) wq = quant::quantizeRowsS8WithScales(w.data(), N, K, *modelScales);
        if (wq.scales.empty()) wq = quant::quantizeRowsS8(w.data(), N, K, b.perTensorWeights());
        for (int64_t j = 0; j < N; ++j) bias[size_t(j)] /= sa * wq.scales[size_t(j)];  // int8: bias in accumulator units
    }
    const DType srcT = q ? aq->dtype : DType::F32;
    memory::desc srcMd = plainMd(av.dims, srcT);
    memory::desc wMd({N, K}, q ? DT::s8 : DT::f32, Tag::any);
    memory::desc bMd({N}, DT::f32, Tag::a);
    memory::desc dstMd = plainMd(yv.dims, DType::F32);
    dnnl::primitive_attr attr;
    if (q) {
        std::vector<float> os(static_cast<size_t>(N));
        for (int64_t j = 0; j < N; ++j) os[size_t(j)] = sa * wq.scales[size_t(j)];
        attr.set_output_scales(1 << 1, os);
    }
    dnnl::inner_product_forward::primitive_desc pd;
    try {
        dnnl::inner_product_forward::desc d(dnnl::prop_kind::forward_inference, srcMd, wMd, bMd, dstMd);
        pd = dnnl::inner_product_forward::primitive_desc(d, attr, b.engine());
    } catch (const dnnl::error& e) {
        return b.fallback(n, std::string("oneDNN inner product unavailable: ") + e.what());
    }
    std::map<int, memory> consts;
    const void* wData = q ? static_cast<const void*>(wq.values.data()) : static_cast<const void*>(w.data());
    consts[DNNL_ARG_WEIGHTS] = b.constMemory(memory::desc({N, K}, q ? DT::s8 : DT::f32, Tag::ab), wData, pd.weights_desc());
    consts[DNNL_ARG_BIAS] = b.constMemory(bMd, bias.data(), pd.bias_desc());
    QL_ASSIGN(int src, b.ensure(n.inputs[0], pd.src_desc(), sa));
    const int dst = b.newBuffer(pd.dst_desc(), DType::F32, yv.dims);
    return b.addPrimitive(n, dnnl::inner_product_forward(pd), {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, dst}}, std::move(consts), pd.impl_info_str(),
                          dst, int64_t(pd.weights_desc().get_size()) + N * 4);
}

}  // namespace ql::runtime
