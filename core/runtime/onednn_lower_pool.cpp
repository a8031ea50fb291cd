// Pooling (max / average / global; int8 stays int8) and Resize as oneDNN resampling.
#include <algorithm>
#include <cmath>

#include "core/ops/infer_common.h"
#include "core/ops/op_params.h"
#include "core/ops/op_registry.h"
#include "core/runtime/onednn_lowerers.h"

namespace ql::runtime {

// MaxPool's optional Indices output has no oneDNN counterpart.
bool poolTakesInt8(const PlanBuilder& b, const ir::Node& n, ir::ValueId) { return n.outputs.size() == 1 && !b.keptFp32(n); }

Status lowerPool(PlanBuilder& b, const ir::Node& n) {
    if (n.outputs.size() != 1) return b.fallback(n, PlanBuilder::kNoKernel);
    const ir::Value& xv = b.value(n.inputs[0]);
    const ir::Value& yv = b.value(n.outputs[0]);
    if (xv.dims.size() != 4) return b.fallback(n, "only 2-D pooling runs on oneDNN");
    auto inBuf = b.producedBuffer(n.inputs[0]);
    if (!inBuf) return b.fallback(n, "input is not an activation");
    const Buffer& in = b.buffer(*inBuf);
    const bool global = n.opType.rfind("Global", 0) == 0;
    memory::dims strides{1, 1}, kernel{xv.dims[2], xv.dims[3]}, dil{0, 0}, padL{0, 0}, padR{0, 0};
    if (!global) {
        auto geo = ops::resolvePool(n, xv.dims);
        if (!geo) return geo.status();
        strides.assign(geo->strides.begin(), geo->strides.end());
        kernel.assign(geo->kernel.begin(), geo->kernel.end());
        for (int i = 0; i < 2; ++i) {
            dil[size_t(i)] = geo->dilations[size_t(i)] - 1;
            padL[size_t(i)] = geo->padsBegin[size_t(i)];
            // ceil_mode: extend the right padding so the last window fits
            int64_t eff = (geo->kernel[size_t(i)] - 1) * geo->dilations[size_t(i)] + 1;
            padR[size_t(i)] = (yv.dims[size_t(i) + 2] - 1) * geo->strides[size_t(i)] + eff - xv.dims[size_t(i) + 2] - padL[size_t(i)];
            if (padR[size_t(i)] < 0) padR[size_t(i)] = 0;
        }
    }
    dnnl::algorithm alg = n.opType.find("Max") != std::string::npos ? dnnl::algorithm::pooling_max
                          : n.attrs.getInt("count_include_pad", 0) ? dnnl::algorithm::pooling_avg_include_padding
                                                                   : dnnl::algorithm::pooling_avg_exclude_padding;
    if (alg == dnnl::algorithm::pooling_avg_include_padding && n.attrs.getInt("ceil_mode", 0))
        return b.fallback(n, "ceil_mode with count_include_pad differs from oneDNN's padding");
    // int8 stays int8 (same scale and zero point); layout follows the input. Padding counted
    // into an average would read as 0, not as the zero point: that case runs in f32.
    const bool padded = std::any_of(padL.begin(), padL.end(), [](auto p) { return p != 0; }) ||
                        std::any_of(padR.begin(), padR.end(), [](auto p) { return p != 0; });
    const bool zeroPadCounted = alg == dnnl::algorithm::pooling_avg_include_padding && in.zeroPoint != 0 && padded;
    const DType dt = isInt8(in.dtype) && !zeroPadCounted && !b.keptFp32(n) ? in.dtype : DType::F32;
    const float scale = isInt8(dt) ? in.scale : 1.f;
    const int32_t zeroPoint = isInt8(dt) ? in.zeroPoint : 0;
    const memory::desc srcMd = in.md.data_type() == toDnnl(dt) ? in.md : b.actMd(xv.dims, dt);
    memory::desc dstMd(toDims(yv.dims), toDnnl(dt), Tag::any);
    dnnl::pooling_v2_forward::primitive_desc pd;
    try {
        dnnl::pooling_v2_forward::desc d(dnnl::prop_kind::forward_inference, alg, srcMd, dstMd, strides, kernel, dil, padL, padR);
        pd = dnnl::pooling_v2_forward::primitive_desc(d, b.engine());
    } catch (const dnnl::error& e) {
        return b.fallback(n, std::string("oneDNN pooling unavailable: ") + e.what());
    }
    QL_ASSIGN(int src, b.ensure(n.inputs[0], pd.src_desc(), scale, zeroPoint));
    const int dst = b.newBuffer(pd.dst_desc(), dt, yv.dims, scale, zeroPoint);
    Step s;
    s.prim = dnnl::pooling_v2_forward(pd);
    s.argBuffers = {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, dst}};
    return b.addNodeStep(n, std::move(s), pd.impl_info_str(), dst, 0,
                         zeroPadCounted ? "FP32 island: the average counts padding, which int8 would read as 0 instead of the zero point" : "");
}

// Resize as oneDNN resampling, where the two agree on coordinates: linear with half_pixel
// (pytorch_half_pixel when no output dim is 1), nearest with asymmetric/floor at integer
// upsampling factors. Everything else stays on the reference kernel.
Status lowerResize(PlanBuilder& b, const ir::Node& n) {
    const ir::Value& xv = b.value(n.inputs[0]);
    const ir::Value& yv = b.value(n.outputs[0]);
    if (xv.dims.size() != 4) return b.fallback(n, PlanBuilder::kNoKernel);
    if (xv.dtype != DType::F32) return b.fallback(n, "non-float Resize");
    if (xv.dims[0] != yv.dims[0] || xv.dims[1] != yv.dims[1]) return b.fallback(n, "Resize scales N or C");
    const std::string mode = n.attrs.getString("mode", "nearest");
    const std::string coord = n.attrs.getString("coordinate_transformation_mode", b.opset() < 11 ? "asymmetric" : "half_pixel");
    const std::string nearest = n.attrs.getString("nearest_mode", b.opset() < 11 ? "floor" : "round_prefer_floor");
    std::vector<float> factors;
    bool integerUp = true;
    for (int i = 2; i < 4; ++i) {
        factors.push_back(float(yv.dims[size_t(i)]) / float(xv.dims[size_t(i)]));
        integerUp &= yv.dims[size_t(i)] % xv.dims[size_t(i)] == 0;
    }
    // the factor oneDNN uses must be the one the model asked for (scales, not rounded sizes)
    ops::InferContext c{n, b.opset(), {}, {}};
    for (ir::ValueId in : n.inputs)
        c.inputs.push_back(in.valid() ? ops::TensorInfo{true, b.value(in).dtype, b.value(in).dims, b.constantOf(in), {}} : ops::TensorInfo{});
    auto rp = ops::resizeParamsOf(c);
    if (!rp) return b.fallback(n, "Resize parameters are not constant");
    if (std::fabs(rp->scales[2] - factors[0]) > 1e-6f || std::fabs(rp->scales[3] - factors[1]) > 1e-6f)
        return b.fallback(n, "Resize scales do not divide the input exactly");
    dnnl::algorithm alg;
    const bool outGt1 = yv.dims[2] > 1 && yv.dims[3] > 1;
    if (mode == "linear" && (coord == "half_pixel" || (coord == "pytorch_half_pixel" && outGt1))) alg = dnnl::algorithm::resampling_linear;
    else if (mode == "nearest" && coord == "asymmetric" && nearest == "floor" && integerUp) alg = dnnl::algorithm::resampling_nearest;
    else return b.fallback(n, "Resize " + mode + "/" + coord + " has no matching oneDNN resampling");
    auto src = b.f32Input(n.inputs[0]);
    if (!src) return b.fallback(n, src.message());
    const memory::desc md = b.buffer(*src).md;
    dnnl::resampling_forward::primitive_desc pd;
    try {
        pd = dnnl::resampling_forward::primitive_desc(
            dnnl::resampling_forward::desc(dnnl::prop_kind::forward_inference, alg, factors, md, memory::desc(toDims(yv.dims), DT::f32, Tag::any)),
            b.engine());
    } catch (const dnnl::error& e) {
        return b.fallback(n, std::string("oneDNN resampling unavailable: ") + e.what());
    }
    const int dst = b.newBuffer(pd.dst_desc(), DType::F32, yv.dims);
    return b.addPrimitive(n, dnnl::resampling_forward(pd), {{DNNL_ARG_SRC, *src}, {DNNL_ARG_DST, dst}}, {}, pd.impl_info_str(), dst);
}

}  // namespace ql::runtime
