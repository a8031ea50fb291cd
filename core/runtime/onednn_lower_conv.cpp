// Conv / FusedConv (FP32 or INT8 with per-channel s8 weights, eltwise and sum post-ops) and
// ConvTranspose (FP32) as oneDNN convolution / deconvolution.
#include <cmath>
#include <cstdio>

#include "core/ops/op_params.h"
#include "core/quant/weight_quant.h"
#include "kernels/onednn/impl_tuning.h"
#include "core/runtime/onednn_lowerers.h"
#include "core/runtime/onednn_native_conv.h"
#include "core/runtime/onednn_row_bands.h"

namespace ql::runtime {

namespace {

bool is2d(const PlanBuilder& b, const ir::Node& n) { return b.value(n.inputs[0]).dims.size() == 4; }

// The int8 kernel needs constant weights and a calibrated input.
bool int8Conv(const PlanBuilder& b, const ir::Node& n) {
    return b.runsInt8(n) && b.constantOf(n.inputs[1]) && b.int8Of(n.inputs[0]).has_value() && is2d(b, n);
}

// The residual's buffer, if the sum may accumulate in place: its bytes die here (see
// PlanBuilder::bytesDieAt; a residual that is itself an in-place sum or a view qualifies) and it
// is in the destination's layout with elements of the same size. Its type, scale and zero point
// may differ from the destination's (the sum post-op reads it in its own: see SumOp).
// Never the convolution's own source: it reads neighbours of what it writes.
int dyingResidual(const PlanBuilder& b, const ir::Node& n, int src, const memory::desc& dstMd) {
    auto rb = b.producedBuffer(n.inputs[3]);
    if (!rb || b.rootOf(*rb) == b.rootOf(src) || !b.bytesDieAt(*rb, n.id)) return -1;
    const Buffer& buf = b.buffer(*rb);
    memory::desc sameType = buf.md;
    sameType.data.data_type = dstMd.data.data_type;
    if (!(sameType == dstMd) || buf.md.get_size() != dstMd.get_size()) return -1;
    return *rb;
}

// The sum post-op: dst = conv + scale * (prev - zeroPoint), prev read as `dt` from the
// destination's bytes before the convolution writes them.
struct SumOp {
    float scale = 1.f;
    int32_t zeroPoint = 0;
    DT dt = DT::undef;  // undef: the destination's type
};

dnnl::post_ops postOpsFor(const ir::Node& n, const std::optional<SumOp>& sum, float sy) {
    dnnl::post_ops po;
    if (sum) po.append_sum(sum->scale, sum->zeroPoint, sum->dt);
    const std::string act = n.attrs.getString("activation");
    if (act == "Relu") po.append_eltwise(1.f, dnnl::algorithm::eltwise_relu, 0.f, 0.f);
    if (act == "LeakyRelu") po.append_eltwise(1.f, dnnl::algorithm::eltwise_relu, n.attrs.getFloat("act_alpha", 0.01f), 0.f);
    if (act == "Clip") {
        const auto [lo, hi] = clipBoundsInUnits(n, sy);
        po.append_eltwise(1.f, dnnl::algorithm::eltwise_clip, lo, hi);
    }
    return po;
}

bool isRef(const std::string& impl) { return impl.rfind("ref", 0) == 0; }

// A memory descriptor as text for the tuning cache: dims, type and the blocking.
std::string mdKey(const memory::desc& md) {
    const auto& d = md.data;
    std::string k = std::to_string(int(d.data_type)) + "[";
    for (int i = 0; i < d.ndims; ++i) k += std::to_string(d.dims[i]) + (i + 1 < d.ndims ? "," : "]");
    for (int i = 0; i < d.ndims; ++i) k += " " + std::to_string(d.format_desc.blocking.strides[i]);
    for (int i = 0; i < d.format_desc.blocking.inner_nblks; ++i)
        k += " b" + std::to_string(d.format_desc.blocking.inner_idxs[i]) + ":" + std::to_string(d.format_desc.blocking.inner_blks[i]);
    return k;
}

std::string dimsKey(const memory::dims& v) {
    std::string k;
    for (auto x : v) k += std::to_string(x) + ",";
    return k;
}

}  // namespace

bool convTakesInt8(const PlanBuilder& b, const ir::Node& n, ir::ValueId) { return int8Conv(b, n); }

std::pair<float, float> clipBoundsInUnits(const ir::Node& n, float scale) {
    const float lo = n.attrs.getFloat("act_min", -INFINITY), hi = n.attrs.getFloat("act_max", INFINITY);
    return {std::isfinite(lo) ? lo / scale : -3.4e38f, std::isfinite(hi) ? hi / scale : 3.4e38f};
}

Status lowerConv(PlanBuilder& b, const ir::Node& n) {
    if (!is2d(b, n)) return b.fallback(n, PlanBuilder::kNoKernel);
    if (!b.constantOf(n.inputs[1])) return b.fallback(n, "weights are not constant");
    const ir::Value& xv = b.value(n.inputs[0]);
    const ir::Value& yv = b.value(n.outputs[0]);
    const ir::Tensor& w = *b.constantOf(n.inputs[1]);
    const ir::Tensor* bias = n.hasInput(2) ? b.constantOf(n.inputs[2]) : nullptr;
    if (n.hasInput(2) && !bias) return b.fallback(n, "bias is not constant");
    if (w.dtype() != DType::F32) return b.fallback(n, "weights are not f32");
    auto geo = ops::resolveConv(n, xv.dims, w.dims());
    if (!geo) return geo.status();
    const bool hasSum = n.hasInput(3);

    // int8 policy: the input quantized with its calibrated parameters; the output stays int8
    // only when every consumer reads int8 directly.
    const bool q = int8Conv(b, n);
    auto xq = q ? b.int8Of(n.inputs[0]) : std::nullopt;
    const bool dstInt8 = q && b.consumersTakeInt8(n.outputs[0]) && b.int8Of(n.outputs[0]).has_value();
    auto yq = dstInt8 ? b.int8Of(n.outputs[0]) : std::nullopt;
    const DType srcT = q ? xq->dtype : DType::F32, dstT = dstInt8 ? yq->dtype : DType::F32;
    const float sx = q ? xq->scale : 1.f, sy = dstInt8 ? yq->scale : 1.f;
    const int32_t zx = q ? xq->zeroPoint : 0, zy = dstInt8 ? yq->zeroPoint : 0;

    const int64_t M = w.dims()[0], G = geo->group, perM = w.numel() / M;
    memory::dims wDims = toDims(w.dims());
    Tag wTag = Tag::oihw;
    if (G > 1) {
        wDims = {G, M / G, w.dims()[1], w.dims()[2], w.dims()[3]};
        wTag = Tag::goihw;
    }
    // per-output-channel weight scales (int8)
    quant::QuantizedRows wq;
    // a pre-quantized model's own weight scales, else per channel (or per tensor) from max |w|
    const auto modelScales = q ? b.modelWeightScales(n.inputs[1], 0, M) : std::nullopt;
    if (modelScales) wq = quant::quantizeRowsS8WithScales(w.data<float>(), M, perM, *modelScales);
    if (q && wq.scales.empty()) wq = quant::quantizeRowsS8(w.data<float>(), M, perM, b.perTensorWeights());
    const std::vector<float> ws = q ? wq.scales : std::vector<float>(size_t(M), 1.f);
    const memory::dims strides(geo->strides.begin(), geo->strides.end());
    memory::dims dil, padL(geo->padsBegin.begin(), geo->padsBegin.end()), padR(geo->padsEnd.begin(), geo->padsEnd.end());
    for (int64_t d : geo->dilations) dil.push_back(d - 1);  // oneDNN counts dilation from 0

    const bool autoLayout = b.layout() == Layout::Auto;
    memory::desc srcMd = autoLayout ? memory::desc(toDims(xv.dims), toDnnl(srcT), Tag::any) : b.actMd(xv.dims, srcT);
    memory::desc dstMd = autoLayout ? memory::desc(toDims(yv.dims), toDnnl(dstT), Tag::any) : b.actMd(yv.dims, dstT);
    memory::desc wMd(wDims, q ? DT::s8 : DT::f32, Tag::any);
    memory::desc bMd({M}, DT::f32, Tag::a);

    // Without padding, the source zero point folds into the bias: sum w (x - zx) = sum w x - zx sum w,
    // exact in the int32 accumulator; the kernels then see plain u8 (oneDNN's brdgmm depthwise
    // and other fast paths take no source zero point). Padding would read as x = 0, not zx.
    const bool foldZx = zx != 0 && !geo->padded();
    const bool hasBias = bias || foldZx;
    dnnl::primitive_attr attr;
    std::vector<float> outScales;  // int8: per output channel, accumulator -> output units
    for (int64_t m = 0; q && m < M; ++m) outScales.push_back(sx * ws[size_t(m)] / sy);
    // int8: the bias joins the int32 accumulator before output scaling (and takes the folded zero point)
    std::vector<float> accBias;
    for (int64_t m = 0; hasBias && m < M; ++m) {
        accBias.push_back(bias ? bias->data<float>()[m] / (q ? sx * ws[size_t(m)] : 1.f) : 0.f);
        if (foldZx) {
            int64_t rowSum = 0;
            for (int64_t j = 0; j < perM; ++j) rowSum += wq.values[size_t(m * perM + j)];
            accBias.back() -= float(zx) * float(rowSum);
        }
    }
    if (q) {
        attr.set_output_scales(1 << 1, outScales);
        if (zx && !foldZx) attr.set_zero_points(DNNL_ARG_SRC, 0, {zx});
        if (zy) attr.set_zero_points(DNNL_ARG_DST, 0, {zy});
    }
    // Unless it can be summed in place (below), the residual is converted into the destination
    // buffer first. A signed residual cannot live in a u8 destination (negative values would
    // clip before the sum): it is stored as s8 there and the sum post-op reads it as s8.
    std::optional<SumOp> sum;
    if (hasSum) {
        sum = SumOp{1.f, zy, toDnnl(dstT)};
        if (dstT == DType::U8 && zy == 0) {
            const quant::ValueRange* r = b.rangeOf(n.inputs[3]);  // an int8 destination implies ranges
            if (!r || r->min < 0.f) sum->dt = DT::s8;
        }
    }
    attr.set_post_ops(postOpsFor(n, sum, sy));

    // This convolution between source and destination descriptors (first choice, in-place
    // rebuild and tuning all describe the same operation)
    auto convDesc = [&](const memory::desc& s, const memory::desc& d) {
        return dnnl::convolution_forward::desc(dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_direct, s, wMd,
                                               hasBias ? bMd : memory::desc(), d, strides, dil, padL, padR);
    };
    auto makePd = [&](const memory::desc& s, const memory::desc& d) {
        return dnnl::convolution_forward::primitive_desc(convDesc(s, d), attr, b.engine());
    };
    dnnl::convolution_forward::primitive_desc pd;
    std::string note;  // choices shown with the step, "; "-separated
    auto addNote = [&note](const std::string& text) { note += (note.empty() ? "" : "; ") + text; };
    try {
        pd = makePd(srcMd, dstMd);
        // A forced layout that only oneDNN's naive kernel supports (e.g. u8 nChw8c on AVX2)
        // would make the whole comparison meaningless: let oneDNN pick, and say so.
        if (!autoLayout && isRef(pd.impl_info_str())) {
            auto better = makePd(memory::desc(toDims(xv.dims), toDnnl(srcT), Tag::any), memory::desc(toDims(yv.dims), toDnnl(dstT), Tag::any));
            if (!isRef(better.impl_info_str())) {
                note = layoutName(b.layout()) + " has only a reference oneDNN kernel here (" + pd.impl_info_str() + "); oneDNN chose " +
                       formatName(better.src_desc());
                pd = better;
            }
        }
    } catch (const dnnl::error& e) {
        return b.fallback(n, std::string("oneDNN has no convolution for this case: ") + e.what());
    }
    // The sum in place: the residual dies here and already has the destination's layout. An
    // int8 residual is read in its own type, scale and zero point (sum scale rs / sy), so
    // neither a conversion step nor a second rounding runs; the primitive is rebuilt with that
    // sum when oneDNN has a non-reference kernel for it, else the residual is converted first.
    QL_ASSIGN(int src, b.ensure(n.inputs[0], pd.src_desc(), sx, zx));  // final: the rebuild below keeps src_desc
    // No VNNI: a 3x3 depthwise or narrow 1x1 conv runs on kernels/native's kernels, where oneDNN 2.6
    // is slow (onednn_native_conv.h); decided before the sum and tuning below, whose work it would not use
    if (q)
        if (auto nc = nativeConv(b, n, {*geo, pd.src_desc(), pd.dst_desc(), foldZx ? 0 : zx, zy, sy, wq.values.data(), accBias, outScales, pd.impl_info_str()})) {
            Step s;
            s.kind = Step::Native;
            s.native = [run = nc->run](const std::unordered_map<int, memory>& args) {
                run(static_cast<const uint8_t*>(args.at(DNNL_ARG_SRC).get_data_handle()), args.at(DNNL_ARG_DST).get_data_handle());
            };
            if (nc->runBand)
                s.nativeBand = [runBand = nc->runBand](const std::unordered_map<int, memory>& args, int band, int bands) {
                    runBand(static_cast<const uint8_t*>(args.at(DNNL_ARG_SRC).get_data_handle()), args.at(DNNL_ARG_DST).get_data_handle(), band, bands);
                };
            s.nativeRowLocal = nc->rowLocal;
            const int dst = b.newBuffer(pd.dst_desc(), dstT, yv.dims, sy, zy);
            s.argBuffers = {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, dst}};
            addNote(nc->why);
            return b.addNodeStep(n, std::move(s), nc->impl, dst, nc->constantBytes, note);
        }
    int inPlace = -1;
    dnnl::primitive_attr pdAttr = attr;  // the attributes pd was built with
    std::optional<SumOp> pdSum = sum;
    if (hasSum) {
        if (const int r = dyingResidual(b, n, src, pd.dst_desc()); r >= 0) {
            const Buffer& rb = b.buffer(r);
            const SumOp own{isInt8(rb.dtype) ? rb.scale / sy : 1.f, rb.zeroPoint, toDnnl(rb.dtype)};
            if (own.scale == sum->scale && own.zeroPoint == sum->zeroPoint && own.dt == sum->dt) {
                inPlace = r;
            } else if (isInt8(dstT) && isInt8(rb.dtype)) {
                dnnl::primitive_attr ownAttr = attr;
                ownAttr.set_post_ops(postOpsFor(n, own, sy));
                try {
                    dnnl::convolution_forward::primitive_desc inPlacePd(convDesc(pd.src_desc(), pd.dst_desc()), ownAttr, b.engine());
                    if (!isRef(inPlacePd.impl_info_str()) && inPlacePd.dst_desc() == pd.dst_desc() && inPlacePd.src_desc() == pd.src_desc()) {
                        pd = inPlacePd;
                        pdAttr = ownAttr;
                        pdSum = own;
                        inPlace = r;
                    }
                } catch (const dnnl::error&) {
                    // no kernel for that sum: the residual is converted below
                }
            }
        }
    }
    // oneDNN's first choice, or a clearly faster implementation with the same layouts (timed
    // once per process for this shape, types, post-ops and thread count)
    if (b.tuneKernels()) {
        const memory::desc srcFinal = pd.src_desc(), dstFinal = pd.dst_desc();
        // oneDNN's implementation iterator keeps a pointer to the operation descriptor: it must
        // outlive every next_impl() call, so the factory owns it
        auto desc = std::make_shared<dnnl::convolution_forward::desc>(convDesc(srcFinal, dstFinal));
        const kernels::onednn::ConvPdFactory make = [&b, desc, pdAttr] { return dnnl::convolution_forward::primitive_desc(*desc, pdAttr, b.engine()); };
        std::string key = "conv " + mdKey(srcFinal) + " w" + dimsKey(wDims) + (q ? "s8" : "f32") + (hasBias ? " bias" : "") + " -> " + mdKey(dstFinal) +
                          " s" + dimsKey(strides) + " d" + dimsKey(dil) + " p" + dimsKey(padL) + dimsKey(padR) + " zp" + std::to_string(zx != 0 && !foldZx) +
                          std::to_string(zy != 0) + " act " + n.attrs.getString("activation") + " t" + std::to_string(b.context().facts().threads);
        if (pdSum) key += " sum " + std::to_string(pdSum->scale != 1.f) + std::to_string(pdSum->zeroPoint != 0) + std::to_string(int(pdSum->dt));
        try {
            const kernels::onednn::TunedImpl tuned = kernels::onednn::fastestConvolution(key, make, b.context());
            if (tuned.index > 0) {
                auto faster = kernels::onednn::convolutionAt(make, tuned.index);
                if (faster.impl_info_str() == tuned.impl && faster.src_desc() == srcFinal && faster.dst_desc() == dstFinal) {
                    pd = faster;
                    char buf[200];
                    std::snprintf(buf, sizeof buf, "timed: %.1f us vs %.1f us for oneDNN's first choice %s", tuned.bestUs, tuned.firstUs, tuned.first.c_str());
                    addNote(buf);
                }
            }
        } catch (const dnnl::error&) {
            // a candidate that cannot run here: keep oneDNN's first choice
        }
    }
    Step s;
    s.prim = dnnl::convolution_forward(pd);
    // weights reordered once, into the layout the implementation wants
    memory::desc wPlain(wDims, q ? DT::s8 : DT::f32, wTag);
    s.constArgs[DNNL_ARG_WEIGHTS] = b.constMemory(wPlain, q ? static_cast<const void*>(wq.values.data()) : w.raw(), pd.weights_desc());
    if (b.rowBands() && pd.weights_desc().get_size() <= kMaxRowBandWeightBytes)  // a band may want another format
        s.plainWeights = b.constMemory(wPlain, q ? static_cast<const void*>(wq.values.data()) : w.raw(), wPlain);
    int64_t weightBytes = int64_t(pd.weights_desc().get_size());
    if (hasBias) {
        s.constArgs[DNNL_ARG_BIAS] = b.constMemory(bMd, accBias.data(), pd.bias_desc());
        weightBytes += M * 4;
    }
    const int dst = b.newBuffer(pd.dst_desc(), dstT, yv.dims, sy, zy);
    if (inPlace >= 0) {  // the residual dies here and already looks like the output: accumulate onto it
        b.buffer(dst).root = b.rootOf(inPlace);
        b.use(inPlace);
    } else if (hasSum) {  // residual -> destination representation, before the convolution runs
        auto residual = b.producedBuffer(n.inputs[3]);
        if (!residual) return b.fallback(n, "sum input is not an activation");
        const Buffer& rb = b.buffer(*residual);
        const float rs = isInt8(rb.dtype) ? rb.scale : 1.f;
        memory::desc sumMd = pd.dst_desc();
        sumMd.data.data_type = static_cast<dnnl_data_type_t>(sum->dt);
        dnnl::reorder::primitive_desc rpd(b.engine(), rb.md, b.engine(), sumMd, PlanBuilder::scaleAttr(rs / sy, rb.zeroPoint, zy));
        s.preReorder = dnnl::reorder(rpd);
        s.preSrc = *residual;
        s.preDst = dst;
        b.use(*residual);
        // a copy per run inside this step: say why the residual could not be summed in place
        addNote(std::string("residual copied into the output before the sum (") +
                (dyingResidual(b, n, src, pd.dst_desc()) < 0 ? "it is read later, is the convolution's input or has another layout" : "oneDNN has no kernel summing it in its own type") + ")");
    }
    s.argBuffers = {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, dst}};
    if (modelScales && !wq.scales.empty()) addNote("weights with the model's own int8 scales");
    return b.addNodeStep(n, std::move(s), pd.impl_info_str(), dst, weightBytes, note);
}

// ConvTranspose (FP32) as a oneDNN deconvolution; ONNX weights [C, M/g, k...] become [g, M/g, C/g, k...].
Status lowerConvTranspose(PlanBuilder& b, const ir::Node& n) {
    if (!is2d(b, n)) return b.fallback(n, PlanBuilder::kNoKernel);
    const ir::Tensor* w = b.constantOf(n.inputs[1]);
    const ir::Tensor* bias = n.hasInput(2) ? b.constantOf(n.inputs[2]) : nullptr;
    if (!w || w->dtype() != DType::F32 || (n.hasInput(2) && !bias)) return b.fallback(n, "weights or bias are not constant f32");
    const ir::Value& xv = b.value(n.inputs[0]);
    const ir::Value& yv = b.value(n.outputs[0]);
    auto geo = ops::resolveConvTranspose(n, xv.dims, w->dims());
    if (!geo) return geo.status();
    const int64_t C = w->dims()[0], Mg = w->dims()[1], G = geo->group, Cg = C / G, kh = w->dims()[2], kw = w->dims()[3];
    std::vector<float> wt(size_t(w->numel()));
    for (int64_t g = 0; g < G; ++g)
        for (int64_t m = 0; m < Mg; ++m)
            for (int64_t c = 0; c < Cg; ++c)
                for (int64_t k = 0; k < kh * kw; ++k)
                    wt[size_t(((g * Mg + m) * Cg + c) * kh * kw + k)] = w->data<float>()[((g * Cg + c) * Mg + m) * kh * kw + k];
    const memory::dims wDims = G > 1 ? memory::dims{G, Mg, Cg, kh, kw} : memory::dims{Mg, Cg, kh, kw};
    memory::dims strides(geo->strides.begin(), geo->strides.end()), dil, padL(geo->padsBegin.begin(), geo->padsBegin.end()), padR;
    for (int i = 0; i < 2; ++i) {
        dil.push_back(geo->dilations[size_t(i)] - 1);
        const int64_t eff = (geo->kernel[size_t(i)] - 1) * geo->dilations[size_t(i)] + 1;
        // oneDNN derives the output size from the padding: output_padding shows up as negative right padding
        padR.push_back((xv.dims[size_t(i) + 2] - 1) * geo->strides[size_t(i)] + eff - padL[size_t(i)] - yv.dims[size_t(i) + 2]);
    }
    auto src = b.f32Input(n.inputs[0]);
    if (!src) return b.fallback(n, src.message());
    const bool autoLayout = b.layout() == Layout::Auto;
    memory::desc srcMd = autoLayout ? memory::desc(toDims(xv.dims), DT::f32, Tag::any) : b.actMd(xv.dims, DType::F32);
    memory::desc dstMd = autoLayout ? memory::desc(toDims(yv.dims), DT::f32, Tag::any) : b.actMd(yv.dims, DType::F32);
    memory::desc wMd(wDims, DT::f32, Tag::any), bMd({Mg * G}, DT::f32, Tag::a);
    dnnl::deconvolution_forward::primitive_desc pd;
    try {
        dnnl::deconvolution_forward::desc d(dnnl::prop_kind::forward_inference, dnnl::algorithm::deconvolution_direct, srcMd, wMd,
                                            bias ? bMd : memory::desc(), dstMd, strides, dil, padL, padR);
        pd = dnnl::deconvolution_forward::primitive_desc(d, b.engine());
    } catch (const dnnl::error& e) {
        return b.fallback(n, std::string("oneDNN has no deconvolution for this case: ") + e.what());
    }
    std::map<int, memory> consts;
    consts[DNNL_ARG_WEIGHTS] = b.constMemory(memory::desc(wDims, DT::f32, G > 1 ? Tag::goihw : Tag::oihw), wt.data(), pd.weights_desc());
    if (bias) consts[DNNL_ARG_BIAS] = b.constMemory(bMd, bias->raw(), pd.bias_desc());
    QL_ASSIGN(int in, b.ensure(n.inputs[0], pd.src_desc(), 1.f));
    const int dst = b.newBuffer(pd.dst_desc(), DType::F32, yv.dims);
    return b.addPrimitive(n, dnnl::deconvolution_forward(pd), {{DNNL_ARG_SRC, in}, {DNNL_ARG_DST, dst}}, std::move(consts), pd.impl_info_str(),
                          dst, int64_t(pd.weights_desc().get_size()));
}

}  // namespace ql::runtime
