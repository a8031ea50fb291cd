// Lowering of graph nodes onto oneDNN primitives (or visible reference fallbacks): the
// decisions of layout, data type, scale and zero point per value, and the reorders between.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>

#include "core/ops/fused_ops.h"
#include "core/ops/infer_common.h"
#include "core/ops/op_params.h"
#include "core/quant/weight_quant.h"
#include "kernels/reference/evaluate_node.h"
#include "core/runtime/onednn_plan_internal.h"

namespace ql::runtime {

// ---------------------------------------------------------------------------------------
// Lowering

class PlanBuilder {
public:
    PlanBuilder(OnednnPlan::Impl& impl, std::vector<StepInfo>& infos) : p_(impl), infos_(infos) {}

    Status build() {
        const ir::Graph& g = *p_.graph;
        for (ir::ValueId id : g.inputs) {
            const ir::Value& v = g.value(id);
            int b = newBuffer(plainMd(v.dims, v.dtype), v.dtype, v.dims, 1.f);
            p_.buffers[size_t(b)].external = true;
            valueBuf_[id.v] = b;
            p_.inputs.push_back({v.name, b});
        }
        QL_ASSIGN(auto order, g.topologicalOrder());
        for (ir::NodeId id : order) {
            const ir::Node& n = g.node(id);
            try {
                QL_TRY(lower(n));
                lowered_.insert(n.id.v);
            } catch (const dnnl::error& e) {
                return Status::error(n.label() + ": oneDNN: " + e.what());
            }
        }
        for (ir::ValueId id : g.outputs) {
            const ir::Value& v = g.value(id);
            int b;
            if (auto c = constantOf(id)) {
                b = newBuffer(plainMd(c->dims(), c->dtype()), c->dtype(), c->dims(), 1.f);
                p_.buffers[size_t(b)].constant = true;
                p_.buffers[size_t(b)].constantData = *c;
            } else {
                QL_ASSIGN(b, ensure(id, plainMd(v.dims, v.dtype), 1.f));
            }
            p_.use(b, int(p_.steps.size()));  // outputs live to the end
            p_.outputs.push_back({v.name, b});
        }
        return Status::ok();
    }

private:
    // ---- helpers -----------------------------------------------------------------------
    int newBuffer(const memory::desc& md, DType dt, const ir::Dims& dims, float scale, int32_t zeroPoint = 0) {
        Buffer b;
        b.md = md;
        b.dtype = dt;
        b.dims = dims;
        b.scale = scale;
        b.zeroPoint = isInt8(dt) ? zeroPoint : 0;
        p_.buffers.push_back(std::move(b));
        return int(p_.buffers.size()) - 1;
    }

    // Reorder attributes: dst = scale * (src - srcZp) + dstZp.
    static dnnl::primitive_attr scaleAttr(float scale, int32_t srcZp, int32_t dstZp) {
        dnnl::primitive_attr attr;
        if (scale != 1.f) attr.set_output_scales(0, {scale});
        if (srcZp) attr.set_zero_points(DNNL_ARG_SRC, 0, {srcZp});
        if (dstZp) attr.set_zero_points(DNNL_ARG_DST, 0, {dstZp});
        return attr;
    }

    const ir::Tensor* constantOf(ir::ValueId v) const {
        if (!v.valid()) return nullptr;
        const ir::Value& val = p_.graph->value(v);
        if (val.constant) return &*val.constant;
        auto it = folded_.find(v.v);
        return it == folded_.end() ? nullptr : &it->second;
    }

    bool int8Mode() const { return p_.options.precision == Precision::Int8 && p_.options.ranges; }

    std::optional<quant::Int8Params> int8Of(ir::ValueId v) const {
        if (!int8Mode()) return std::nullopt;
        auto it = p_.options.ranges->find(p_.graph->value(v).name);
        if (it == p_.options.ranges->end()) return std::nullopt;
        return quant::int8ParamsFor(it->second, p_.options.sevenBitActivations, p_.options.asymmetricActivations);
    }

    Layout layout() const { return p_.options.layout; }

    // Activation descriptor in the forced layout (Auto: plain; callers use `any` where it helps).
    memory::desc actMd(const ir::Dims& dims, DType dt) const {
        if (dims.size() == 4) {
            switch (layout()) {
                case Layout::Nhwc: return memory::desc(toDims(dims), toDnnl(dt), Tag::nhwc);
                case Layout::Blocked: return memory::desc(toDims(dims), toDnnl(dt), p_.ctx->blockedTag4d());
                default: break;
            }
        }
        return plainMd(dims, dt);
    }

    int stepIndex() const { return int(p_.steps.size()); }

    StepInfo& addStep(Step s, StepInfo info) {
        p_.steps.push_back(std::move(s));
        infos_.push_back(std::move(info));
        return infos_.back();
    }

    StepInfo nodeInfo(const ir::Node& n) const { return stepInfoFor(*p_.graph, n); }

    void finishInfo(StepInfo& info, int outBuffer) const {
        const Buffer& b = p_.buffers[size_t(outBuffer)];
        info.format = formatName(b.md);
        info.dtype = dtName(b.md.data_type());
        info.outputBytes = int64_t(b.md.get_size());
    }

    // The buffer holding value v as (md, scale, zero point); inserts a reorder step when it differs.
    Expected<int> ensure(ir::ValueId v, const memory::desc& want, float wantScale, int32_t wantZp = 0) {
        auto it = valueBuf_.find(v.v);
        if (it == valueBuf_.end()) {
            if (const ir::Tensor* c = constantOf(v)) return constantBuffer(v, *c, want);
            return Status::error("value '" + p_.graph->value(v).name + "' has no producer in the plan");
        }
        const int src = it->second;
        const Buffer& sb = p_.buffers[size_t(src)];
        const bool wantInt = want.data_type() == DT::u8 || want.data_type() == DT::s8;
        const float srcScale = isInt8(sb.dtype) ? sb.scale : 1.f;
        const float dstScale = wantInt ? wantScale : 1.f;
        const int32_t srcZp = sb.zeroPoint, dstZp = wantInt ? wantZp : 0;
        if (sb.md == want && srcScale == dstScale && srcZp == dstZp) return src;
        // another consumer may have asked for the same conversion already
        for (auto [c, end] = converted_.equal_range(v.v); c != end; ++c) {
            const Buffer& cb = p_.buffers[size_t(c->second)];
            if (cb.md == want && cb.scale == dstScale && cb.zeroPoint == dstZp) return c->second;
        }
        const DType dt = want.data_type() == DT::u8 ? DType::U8 : want.data_type() == DT::s8 ? DType::S8 : DType::F32;
        const ir::Value& val = p_.graph->value(v);
        int dst = newBuffer(want, dt, val.dims, dstScale, dstZp);
        dnnl::primitive_attr attr = scaleAttr(srcScale / dstScale, srcZp, dstZp);
        dnnl::reorder::primitive_desc pd;
        try {
            pd = dnnl::reorder::primitive_desc(p_.ctx->engine(), sb.md, p_.ctx->engine(), want, attr);
        } catch (const dnnl::error& e) {
            std::string dims;
            for (auto d : sb.md.dims()) dims += std::to_string(d) + "x";
            return Status::error("cannot reorder '" + val.name + "' (" + dims + ") from " + dtName(sb.md.data_type()) + " " + formatName(sb.md) + " to " +
                                 dtName(want.data_type()) + " " + formatName(want) + ": " + e.what());
        }
        Step s;
        s.prim = dnnl::reorder(pd);
        s.argBuffers = {{DNNL_ARG_FROM, src}, {DNNL_ARG_TO, dst}};
        p_.use(src, stepIndex());
        p_.use(dst, stepIndex());
        StepInfo info;
        info.name = "reorder " + val.name;
        info.opType = std::string(isInt8(dt) && !isInt8(sb.dtype) ? "Quantize" : (!isInt8(dt) && isInt8(sb.dtype) ? "Dequantize" : "Reorder"));
        info.inserted = true;
        info.impl = pd.impl_info_str();
        StepInfo& added = addStep(std::move(s), std::move(info));
        finishInfo(added, dst);
        converted_.emplace(v.v, dst);
        return dst;
    }

    // A constant used where an activation buffer is expected: materialised once, at build time.
    Expected<int> constantBuffer(ir::ValueId v, const ir::Tensor& c, const memory::desc& want) {
        if (c.dtype() != DType::F32 || want.data_type() != DT::f32) return Status::error("constant '" + p_.graph->value(v).name + "' cannot feed an int8 input");
        int b = newBuffer(want, DType::F32, c.dims(), 1.f);
        Buffer& buf = p_.buffers[size_t(b)];
        buf.constant = true;
        buf.constantData = ir::Tensor::create(DType::F32, {int64_t(want.get_size() / 4)}).value();
        memory src(plainMd(c.dims(), DType::F32), p_.ctx->engine(), const_cast<void*>(c.raw()));
        memory dst(want, p_.ctx->engine(), buf.constantData.raw());
        dnnl::reorder(src, dst).execute(p_.ctx->stream(), src, dst);
        p_.ctx->stream().wait();
        return b;
    }

    memory constMemory(const memory::desc& md, const void* data, const memory::desc& want) {
        memory src(md, p_.ctx->engine(), const_cast<void*>(data));
        if (md == want) {
            memory copy(want, p_.ctx->engine());
            std::memcpy(copy.get_data_handle(), data, md.get_size());
            return copy;
        }
        memory dst(want, p_.ctx->engine());
        dnnl::reorder(src, dst).execute(p_.ctx->stream(), src, dst);
        p_.ctx->stream().wait();
        return dst;
    }

    // Does every consumer of v take int8 directly (so its producer may emit int8)?
    bool consumersTakeInt8(ir::ValueId v) const {
        const ir::Graph& g = *p_.graph;
        if (g.isGraphOutput(v) || g.value(v).consumers.empty()) return false;
        for (ir::NodeId c : g.value(v).consumers) {
            const ir::Node& n = g.node(c);
            if (isConvNode(n) && int8Conv(n)) continue;
            if ((n.opType == "MaxPool" || n.opType == "GlobalAveragePool" || n.opType == "GlobalMaxPool" || n.opType == "AveragePool") &&
                n.outputs.size() == 1)
                continue;
            if (isView(n) && consumersTakeInt8(n.outputs[0])) continue;
            if (isGemmLike(n) && int8Of(n.inputs[0]) && int8Of(n.inputs[0])->zeroPoint == 0 && n.inputs[0] == v) continue;
            return false;
        }
        return true;
    }

    static bool isConvNode(const ir::Node& n) {
        return (n.opType == "Conv" && n.domain.empty()) || (n.opType == ops::kFusedConv && n.domain == ops::kQlDomain);
    }
    static bool isView(const ir::Node& n) {
        return n.domain.empty() && (n.opType == "Flatten" || n.opType == "Reshape" || n.opType == "Squeeze" || n.opType == "Unsqueeze");
    }
    bool isGemmLike(const ir::Node& n) const {
        if (!n.domain.empty()) return false;
        if (n.opType == "Gemm")
            return n.attrs.getInt("transA", 0) == 0 && constantOf(n.inputs[1]) && (!n.hasInput(2) || constantOf(n.inputs[2])) &&
                   p_.graph->value(n.inputs[0]).dims.size() == 2;
        if (n.opType == "MatMul")
            return constantOf(n.inputs[1]) && constantOf(n.inputs[1])->rank() == 2 && p_.graph->value(n.inputs[0]).dims.size() == 2;
        return false;
    }
    bool int8Conv(const ir::Node& n) const {
        return int8Mode() && constantOf(n.inputs[1]) && int8Of(n.inputs[0]).has_value() && p_.graph->value(n.inputs[0]).dims.size() == 4;
    }

    // ---- lowering per op ---------------------------------------------------------------
    Status lower(const ir::Node& n) {
        // Everything computable from constants is folded at build time.
        bool allConst = !n.inputs.empty();
        for (ir::ValueId in : n.inputs) allConst &= !in.valid() || constantOf(in) != nullptr;
        if (allConst || (n.opType == "Shape" && n.domain.empty())) return fold(n);
        if (isConvNode(n) && p_.graph->value(n.inputs[0]).dims.size() == 4) {
            if (!constantOf(n.inputs[1])) return fallback(n, "weights are not constant");
            return lowerConv(n);
        }
        if (!n.domain.empty()) return fallback(n, "no oneDNN kernel for this operator");
        const std::string& op = n.opType;
        if (op == "ConvTranspose" && p_.graph->value(n.inputs[0]).dims.size() == 4) return lowerConvTranspose(n);
        if (op == "Resize" && p_.graph->value(n.inputs[0]).dims.size() == 4) return lowerResize(n);
        if ((op == "MaxPool" && n.outputs.size() == 1) || op == "AveragePool" || op == "GlobalAveragePool" || op == "GlobalMaxPool")
            return lowerPool(n);
        if (isView(n)) return lowerView(n);
        if (isGemmLike(n)) return lowerGemm(n);
        if (op == "Relu" || op == "LeakyRelu" || op == "Sigmoid" || op == "Tanh" || op == "Clip" || op == "HardSwish" || op == "Elu" ||
            op == "Exp" || op == "Log" || op == "Sqrt" || op == "Abs" || op == "Softplus")
            return lowerEltwise(n);
        if ((op == "Add" || op == "Sub" || op == "Mul" || op == "Div" || ((op == "Max" || op == "Min") && n.inputs.size() == 2)))
            return lowerBinary(n);
        if (op == "Concat") return lowerConcat(n);
        if (op == "Softmax") return lowerSoftmax(n);
        if (op == "BatchNormalization") return lowerBatchNorm(n);
        return fallback(n, "no oneDNN kernel for this operator");
    }

    Status fold(const ir::Node& n) {
        std::vector<const ir::Tensor*> ins;
        for (ir::ValueId in : n.inputs) ins.push_back(constantOf(in));
        std::vector<ir::Tensor> outs;
        if (n.opType == "Shape") {  // shapes are static in a plan
            const ir::Value& x = p_.graph->value(n.inputs[0]);
            ir::Tensor shape = ir::Tensor::fromInt64s({int64_t(x.dims.size())}, x.dims);
            ins[0] = nullptr;
            ops::InferContext c{n, p_.graph->opsetVersion, {}, {}};
            c.inputs = {{true, x.dtype, x.dims, nullptr, {}}};
            QL_TRY(ops::inferNode(c));
            folded_[n.outputs[0].v] = c.outputs[0].computed;
            return Status::ok();
        }
        QL_TRY(kernels::evaluateNode(n, p_.graph->opsetVersion, ins, outs));
        for (size_t i = 0; i < n.outputs.size() && i < outs.size(); ++i)
            if (n.outputs[i].valid()) folded_[n.outputs[i].v] = std::move(outs[i]);
        return Status::ok();
    }

    Status fallback(const ir::Node& n, const std::string& why) {
        kernels::KernelFn fn = kernels::findReferenceKernel(n.domain, n.opType);
        if (!fn) return Status::error(n.label() + ": no kernel (" + why + ")");
        Step s;
        s.kind = Step::Fallback;
        s.node = &n;
        s.kernel = fn;
        for (ir::ValueId in : n.inputs) {
            if (!in.valid()) { s.inBuffers.push_back(-1); s.constInputs.push_back(nullptr); continue; }
            if (const ir::Tensor* c = constantOf(in)) { s.inBuffers.push_back(-1); s.constInputs.push_back(c); continue; }
            const ir::Value& v = p_.graph->value(in);
            QL_ASSIGN(int b, ensure(in, plainMd(v.dims, v.dtype), 1.f));
            s.inBuffers.push_back(b);
            s.constInputs.push_back(nullptr);
            p_.use(b, stepIndex());
        }
        for (ir::ValueId out : n.outputs) {
            if (!out.valid()) { s.outBuffers.push_back(-1); continue; }
            const ir::Value& v = p_.graph->value(out);
            int b = newBuffer(plainMd(v.dims, v.dtype), v.dtype, v.dims, 1.f);
            s.outBuffers.push_back(b);
            p_.use(b, stepIndex());
            valueBuf_[out.v] = b;
        }
        StepInfo info = nodeInfo(n);
        info.impl = "reference";
        info.fallbackReason = why;
        for (const ir::Tensor* c : s.constInputs)
            if (c) info.weightBytes += int64_t(c->byteSize());
        int firstOut = s.outBuffers.empty() ? -1 : s.outBuffers[0];
        StepInfo& added = addStep(std::move(s), std::move(info));
        if (firstOut >= 0) finishInfo(added, firstOut);
        return Status::ok();
    }

    // Conv / FusedConv, FP32 or INT8, with eltwise and sum post-ops.
    Status lowerConv(const ir::Node& n) {
        const ir::Graph& g = *p_.graph;
        const ir::Value& xv = g.value(n.inputs[0]);
        const ir::Value& yv = g.value(n.outputs[0]);
        const ir::Tensor& w = *constantOf(n.inputs[1]);
        const ir::Tensor* bias = n.hasInput(2) ? constantOf(n.inputs[2]) : nullptr;
        if (n.hasInput(2) && !bias) return fallback(n, "bias is not constant");
        if (w.dtype() != DType::F32) return fallback(n, "weights are not f32");
        auto geo = ops::resolveConv(n, xv.dims, w.dims());
        if (!geo) return geo.status();
        const bool hasSum = n.hasInput(3);
        const std::string act = n.attrs.getString("activation");

        const bool q = int8Conv(n);
        auto xq = q ? int8Of(n.inputs[0]) : std::nullopt;
        const bool dstInt8 = q && consumersTakeInt8(n.outputs[0]) && int8Of(n.outputs[0]).has_value();
        auto yq = dstInt8 ? int8Of(n.outputs[0]) : std::nullopt;
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
        if (q) wq = quant::quantizeRowsS8(w.data<float>(), M, perM);
        const std::vector<float> ws = q ? wq.scales : std::vector<float>(size_t(M), 1.f);
        const memory::dims strides(geo->strides.begin(), geo->strides.end());
        memory::dims dil, padL(geo->padsBegin.begin(), geo->padsBegin.end()), padR(geo->padsEnd.begin(), geo->padsEnd.end());
        for (int64_t d : geo->dilations) dil.push_back(d - 1);  // oneDNN counts dilation from 0

        const bool autoLayout = layout() == Layout::Auto;
        memory::desc srcMd = autoLayout ? memory::desc(toDims(xv.dims), toDnnl(srcT), Tag::any) : actMd(xv.dims, srcT);
        memory::desc dstMd = autoLayout ? memory::desc(toDims(yv.dims), toDnnl(dstT), Tag::any) : actMd(yv.dims, dstT);
        memory::desc wMd(wDims, q ? DT::s8 : DT::f32, Tag::any);
        memory::desc bMd({M}, DT::f32, Tag::a);

        dnnl::primitive_attr attr;
        std::vector<float> outScales(size_t(M), 1.f);
        if (q) {
            for (int64_t m = 0; m < M; ++m) outScales[size_t(m)] = sx * ws[size_t(m)] / sy;
            attr.set_output_scales(1 << 1, outScales);
            if (zx) attr.set_zero_points(DNNL_ARG_SRC, 0, {zx});
            if (zy) attr.set_zero_points(DNNL_ARG_DST, 0, {zy});
        }
        // The residual is converted into the destination buffer first. A signed residual cannot
        // live in a u8 destination (negative values would clip before the sum): it is stored as
        // s8 there and the sum post-op reads it as s8.
        DT sumDt = toDnnl(dstT);
        if (hasSum && dstT == DType::U8 && zy == 0) {
            const quant::RangeTable& ranges = *p_.options.ranges;  // an int8 destination implies ranges
            auto it = ranges.find(g.value(n.inputs[3]).name);
            if (it == ranges.end() || it->second.min < 0.f) sumDt = DT::s8;
        }
        dnnl::post_ops po;
        if (hasSum) {
            if (zy) po.append_sum(1.f, zy, sumDt);
            else if (sumDt != toDnnl(dstT)) po.append_sum(1.f, sumDt);
            else po.append_sum(1.f);
        }
        if (act == "Relu") po.append_eltwise(1.f, dnnl::algorithm::eltwise_relu, 0.f, 0.f);
        if (act == "LeakyRelu") po.append_eltwise(1.f, dnnl::algorithm::eltwise_relu, n.attrs.getFloat("act_alpha", 0.01f), 0.f);
        if (act == "Clip") {
            float lo = n.attrs.getFloat("act_min", -INFINITY), hi = n.attrs.getFloat("act_max", INFINITY);
            lo = std::isfinite(lo) ? lo / sy : -3.4e38f;
            hi = std::isfinite(hi) ? hi / sy : 3.4e38f;
            po.append_eltwise(1.f, dnnl::algorithm::eltwise_clip, lo, hi);
        }
        attr.set_post_ops(po);

        auto makePd = [&](const memory::desc& s, const memory::desc& d) {
            dnnl::convolution_forward::desc desc(dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_direct, s, wMd,
                                                 bias ? bMd : memory::desc(), d, strides, dil, padL, padR);
            return dnnl::convolution_forward::primitive_desc(desc, attr, p_.ctx->engine());
        };
        dnnl::convolution_forward::primitive_desc pd;
        std::string note;
        try {
            pd = makePd(srcMd, dstMd);
            // A forced layout that only oneDNN's naive kernel supports (e.g. u8 nChw8c on AVX2)
            // would make the whole comparison meaningless: let oneDNN pick, and say so.
            if (!autoLayout && std::string(pd.impl_info_str()).rfind("ref", 0) == 0) {
                auto better = makePd(memory::desc(toDims(xv.dims), toDnnl(srcT), Tag::any), memory::desc(toDims(yv.dims), toDnnl(dstT), Tag::any));
                if (std::string(better.impl_info_str()).rfind("ref", 0) != 0) {
                    note = layoutName(layout()) + " has only a reference oneDNN kernel here (" + pd.impl_info_str() + "); oneDNN chose " +
                           formatName(better.src_desc());
                    pd = better;
                }
            }
        } catch (const dnnl::error& e) {
            return fallback(n, std::string("oneDNN has no convolution for this case: ") + e.what());
        }
        Step s;
        s.prim = dnnl::convolution_forward(pd);
        // weights reordered once, into the layout the implementation wants
        memory::desc wPlain(wDims, q ? DT::s8 : DT::f32, wTag);
        s.constArgs[DNNL_ARG_WEIGHTS] = constMemory(wPlain, q ? static_cast<const void*>(wq.values.data()) : w.raw(), pd.weights_desc());
        int64_t weightBytes = int64_t(pd.weights_desc().get_size());
        if (bias) {
            std::vector<float> b(static_cast<size_t>(M));
            for (int64_t m = 0; m < M; ++m)  // int8: bias joins the int32 accumulator before output scaling
                b[size_t(m)] = bias->data<float>()[m] / (q ? sx * ws[size_t(m)] : 1.f);
            s.constArgs[DNNL_ARG_BIAS] = constMemory(bMd, b.data(), pd.bias_desc());
            weightBytes += M * 4;
        }
        QL_ASSIGN(int src, ensure(n.inputs[0], pd.src_desc(), sx, zx));
        int inPlace = hasSum ? sumInPlace(n, pd.dst_desc(), dstT, sy, zy) : -1;
        int dst = newBuffer(pd.dst_desc(), dstT, yv.dims, sy, zy);
        if (inPlace >= 0) {  // the residual dies here and already looks like the output: accumulate onto it
            p_.buffers[size_t(dst)].root = inPlace;
        } else if (hasSum) {  // residual -> destination representation, before the convolution runs
            auto rit = valueBuf_.find(n.inputs[3].v);
            if (rit == valueBuf_.end()) return fallback(n, "sum input is not an activation");
            const Buffer& rb = p_.buffers[size_t(rit->second)];
            const float rs = isInt8(rb.dtype) ? rb.scale : 1.f;
            dnnl::primitive_attr rattr = scaleAttr(rs / sy, rb.zeroPoint, zy);
            memory::desc sumMd = pd.dst_desc();
            sumMd.data.data_type = static_cast<dnnl_data_type_t>(sumDt);
            dnnl::reorder::primitive_desc rpd(p_.ctx->engine(), rb.md, p_.ctx->engine(), sumMd, rattr);
            s.preReorder = dnnl::reorder(rpd);
            s.preSrc = rit->second;
            s.preDst = dst;
            p_.use(rit->second, stepIndex());
        }
        s.argBuffers = {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, dst}};
        return addNodeStep(n, std::move(s), pd.impl_info_str(), dst, weightBytes, note);
    }

    // ConvTranspose (FP32) as a oneDNN deconvolution; ONNX weights [C, M/g, k...] become [g, M/g, C/g, k...].
    // The residual's buffer, if the sum may accumulate in place: same descriptor and scale as the
    // destination, an arena buffer nobody else aliases, and this node its last reader.
    int sumInPlace(const ir::Node& n, const memory::desc& dstMd, DType dstT, float sy, int32_t zy) const {
        const ir::ValueId r = n.inputs[3];
        auto it = valueBuf_.find(r.v);
        if (it == valueBuf_.end() || p_.graph->isGraphOutput(r)) return -1;
        const int b = it->second;
        const Buffer& rb = p_.buffers[size_t(b)];
        if (rb.root >= 0 || rb.external || rb.constant || !(rb.md == dstMd) || rb.dtype != dstT) return -1;
        if (isInt8(dstT) && (rb.scale != sy || rb.zeroPoint != zy)) return -1;
        for (const Buffer& other : p_.buffers)
            if (other.root == b) return -1;
        for (ir::NodeId c : p_.graph->value(r).consumers)
            if (c != n.id && !lowered_.count(c.v)) return -1;
        return b;
    }

    Status lowerConvTranspose(const ir::Node& n) {
        const ir::Tensor* w = constantOf(n.inputs[1]);
        const ir::Tensor* bias = n.hasInput(2) ? constantOf(n.inputs[2]) : nullptr;
        if (!w || w->dtype() != DType::F32 || (n.hasInput(2) && !bias)) return fallback(n, "weights or bias are not constant f32");
        const ir::Value& xv = p_.graph->value(n.inputs[0]);
        const ir::Value& yv = p_.graph->value(n.outputs[0]);
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
        auto src = f32Input(n.inputs[0]);
        if (!src) return fallback(n, src.message());
        const bool autoLayout = layout() == Layout::Auto;
        memory::desc srcMd = autoLayout ? memory::desc(toDims(xv.dims), DT::f32, Tag::any) : actMd(xv.dims, DType::F32);
        memory::desc dstMd = autoLayout ? memory::desc(toDims(yv.dims), DT::f32, Tag::any) : actMd(yv.dims, DType::F32);
        memory::desc wMd(wDims, DT::f32, Tag::any), bMd({Mg * G}, DT::f32, Tag::a);
        dnnl::deconvolution_forward::primitive_desc pd;
        try {
            dnnl::deconvolution_forward::desc d(dnnl::prop_kind::forward_inference, dnnl::algorithm::deconvolution_direct, srcMd, wMd,
                                                bias ? bMd : memory::desc(), dstMd, strides, dil, padL, padR);
            pd = dnnl::deconvolution_forward::primitive_desc(d, p_.ctx->engine());
        } catch (const dnnl::error& e) {
            return fallback(n, std::string("oneDNN has no deconvolution for this case: ") + e.what());
        }
        std::map<int, memory> consts;
        consts[DNNL_ARG_WEIGHTS] = constMemory(memory::desc(wDims, DT::f32, G > 1 ? Tag::goihw : Tag::oihw), wt.data(), pd.weights_desc());
        if (bias) consts[DNNL_ARG_BIAS] = constMemory(bMd, bias->raw(), pd.bias_desc());
        QL_ASSIGN(int in, ensure(n.inputs[0], pd.src_desc(), 1.f));
        int dst = newBuffer(pd.dst_desc(), DType::F32, yv.dims, 1.f);
        return addPrimitive(n, dnnl::deconvolution_forward(pd), {{DNNL_ARG_SRC, in}, {DNNL_ARG_DST, dst}}, std::move(consts), pd.impl_info_str(),
                            dst, int64_t(pd.weights_desc().get_size()));
    }

    // Resize as oneDNN resampling, where the two agree on coordinates: linear with half_pixel
    // (pytorch_half_pixel when no output dim is 1), nearest with asymmetric/floor at integer
    // upsampling factors. Everything else stays on the reference kernel.
    Status lowerResize(const ir::Node& n) {
        const ir::Value& xv = p_.graph->value(n.inputs[0]);
        const ir::Value& yv = p_.graph->value(n.outputs[0]);
        if (xv.dtype != DType::F32) return fallback(n, "non-float Resize");
        if (xv.dims[0] != yv.dims[0] || xv.dims[1] != yv.dims[1]) return fallback(n, "Resize scales N or C");
        const std::string mode = n.attrs.getString("mode", "nearest");
        const std::string coord = n.attrs.getString("coordinate_transformation_mode", p_.graph->opsetVersion < 11 ? "asymmetric" : "half_pixel");
        const std::string nearest = n.attrs.getString("nearest_mode", p_.graph->opsetVersion < 11 ? "floor" : "round_prefer_floor");
        std::vector<float> factors;
        bool integerUp = true;
        for (int i = 2; i < 4; ++i) {
            factors.push_back(float(yv.dims[size_t(i)]) / float(xv.dims[size_t(i)]));
            integerUp &= yv.dims[size_t(i)] % xv.dims[size_t(i)] == 0;
        }
        // the factor oneDNN uses must be the one the model asked for (scales, not rounded sizes)
        ops::InferContext c{n, p_.graph->opsetVersion, {}, {}};
        for (ir::ValueId in : n.inputs)
            c.inputs.push_back(in.valid() ? ops::TensorInfo{true, p_.graph->value(in).dtype, p_.graph->value(in).dims, constantOf(in), {}} : ops::TensorInfo{});
        auto rp = ops::resizeParamsOf(c);
        if (!rp) return fallback(n, "Resize parameters are not constant");
        if (std::fabs(rp->scales[2] - factors[0]) > 1e-6f || std::fabs(rp->scales[3] - factors[1]) > 1e-6f)
            return fallback(n, "Resize scales do not divide the input exactly");
        dnnl::algorithm alg;
        const bool outGt1 = yv.dims[2] > 1 && yv.dims[3] > 1;
        if (mode == "linear" && (coord == "half_pixel" || (coord == "pytorch_half_pixel" && outGt1))) alg = dnnl::algorithm::resampling_linear;
        else if (mode == "nearest" && coord == "asymmetric" && nearest == "floor" && integerUp) alg = dnnl::algorithm::resampling_nearest;
        else return fallback(n, "Resize " + mode + "/" + coord + " has no matching oneDNN resampling");
        auto src = f32Input(n.inputs[0]);
        if (!src) return fallback(n, src.message());
        const memory::desc md = p_.buffers[size_t(*src)].md;
        dnnl::resampling_forward::primitive_desc pd;
        try {
            pd = dnnl::resampling_forward::primitive_desc(
                dnnl::resampling_forward::desc(dnnl::prop_kind::forward_inference, alg, factors, md, memory::desc(toDims(yv.dims), DT::f32, Tag::any)),
                p_.ctx->engine());
        } catch (const dnnl::error& e) {
            return fallback(n, std::string("oneDNN resampling unavailable: ") + e.what());
        }
        int dst = newBuffer(pd.dst_desc(), DType::F32, yv.dims, 1.f);
        return addPrimitive(n, dnnl::resampling_forward(pd), {{DNNL_ARG_SRC, *src}, {DNNL_ARG_DST, dst}}, {}, pd.impl_info_str(), dst);
    }

    Status lowerPool(const ir::Node& n) {
        const ir::Value& xv = p_.graph->value(n.inputs[0]);
        const ir::Value& yv = p_.graph->value(n.outputs[0]);
        if (xv.dims.size() != 4) return fallback(n, "only 2-D pooling runs on oneDNN");
        auto it = valueBuf_.find(n.inputs[0].v);
        if (it == valueBuf_.end()) return fallback(n, "input is not an activation");
        const Buffer& in = p_.buffers[size_t(it->second)];
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
            return fallback(n, "ceil_mode with count_include_pad differs from oneDNN's padding");
        // int8 stays int8 (same scale and zero point); layout follows the input. Padding counted
        // into an average would read as 0, not as the zero point: that case runs in f32.
        const bool zeroPadCounted = alg == dnnl::algorithm::pooling_avg_include_padding && in.zeroPoint != 0;
        const DType dt = isInt8(in.dtype) && !zeroPadCounted ? in.dtype : DType::F32;
        const memory::desc srcMd = in.md.data_type() == toDnnl(dt) ? in.md : actMd(xv.dims, dt);
        memory::desc dstMd(toDims(yv.dims), toDnnl(dt), Tag::any);
        dnnl::pooling_v2_forward::primitive_desc pd;
        try {
            dnnl::pooling_v2_forward::desc d(dnnl::prop_kind::forward_inference, alg, srcMd, dstMd, strides, kernel, dil, padL, padR);
            pd = dnnl::pooling_v2_forward::primitive_desc(d, p_.ctx->engine());
        } catch (const dnnl::error& e) {
            return fallback(n, std::string("oneDNN pooling unavailable: ") + e.what());
        }
        QL_ASSIGN(int src, ensure(n.inputs[0], pd.src_desc(), in.scale, in.zeroPoint));
        int dst = newBuffer(pd.dst_desc(), dt, yv.dims, isInt8(dt) ? in.scale : 1.f, isInt8(dt) ? in.zeroPoint : 0);
        return addPrimitive(n, dnnl::pooling_v2_forward(pd), {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, dst}}, {}, pd.impl_info_str(), dst);
    }

    Status addPrimitive(const ir::Node& n, dnnl::primitive prim, std::vector<std::pair<int, int>> args, std::map<int, memory> consts,
                        const std::string& impl, int dst, int64_t weightBytes = 0) {
        Step s;
        s.prim = std::move(prim);
        s.argBuffers = std::move(args);
        s.constArgs = std::move(consts);
        return addNodeStep(n, std::move(s), impl, dst, weightBytes);
    }

    // Appends the step that computes node n into buffer dst; its arguments stay live until then.
    Status addNodeStep(const ir::Node& n, Step s, const std::string& impl, int dst, int64_t weightBytes = 0, const std::string& note = "") {
        for (auto& [arg, b] : s.argBuffers) p_.use(b, stepIndex());
        p_.use(dst, stepIndex());
        valueBuf_[n.outputs[0].v] = dst;
        StepInfo info = nodeInfo(n);
        info.impl = impl;
        info.note = note;
        info.weightBytes = weightBytes;
        StepInfo& added = addStep(std::move(s), std::move(info));
        finishInfo(added, dst);
        return Status::ok();
    }

    // Flatten / Reshape / Squeeze / Unsqueeze: the same bytes in plain layout, new dims.
    Status lowerView(const ir::Node& n) {
        const ir::Value& xv = p_.graph->value(n.inputs[0]);
        const ir::Value& yv = p_.graph->value(n.outputs[0]);
        auto it = valueBuf_.find(n.inputs[0].v);
        if (it == valueBuf_.end()) return fallback(n, "input is not an activation");
        const Buffer& in = p_.buffers[size_t(it->second)];
        QL_ASSIGN(int src, ensure(n.inputs[0], plainMd(xv.dims, in.dtype), in.scale, in.zeroPoint));
        const Buffer& sb = p_.buffers[size_t(src)];
        int dst = newBuffer(plainMd(yv.dims, sb.dtype), sb.dtype, yv.dims, sb.scale, sb.zeroPoint);
        p_.buffers[size_t(dst)].root = p_.rootOf(src);
        Step s;
        s.kind = Step::View;
        p_.use(src, stepIndex());
        return addNodeStep(n, std::move(s), "view (no copy)", dst);
    }

    // Gemm / MatMul with constant weights as an inner product (alpha, beta folded in).
    Status lowerGemm(const ir::Node& n) {
        const ir::Value& av = p_.graph->value(n.inputs[0]);
        const ir::Value& yv = p_.graph->value(n.outputs[0]);
        const ir::Tensor& B = *constantOf(n.inputs[1]);
        const bool isGemm = n.opType == "Gemm";
        const bool transB = isGemm && n.attrs.getInt("transB", 0);
        const float alpha = isGemm ? n.attrs.getFloat("alpha", 1.f) : 1.f, beta = isGemm ? n.attrs.getFloat("beta", 1.f) : 1.f;
        const int64_t K = av.dims[1], N = yv.dims[1];
        if (B.dtype() != DType::F32) return fallback(n, "weights are not f32");
        // oneDNN inner product weights are [N, K]
        std::vector<float> w(size_t(N * K));
        for (int64_t j = 0; j < N; ++j)
            for (int64_t k = 0; k < K; ++k) w[size_t(j * K + k)] = alpha * B.data<float>()[transB ? j * K + k : k * N + j];
        std::vector<float> bias(size_t(N), 0.f);
        const ir::Tensor* C = isGemm && n.hasInput(2) ? constantOf(n.inputs[2]) : nullptr;
        if (C) {
            if (C->numel() != 1 && C->numel() != N) return fallback(n, "bias C is not a vector of N");
            for (int64_t j = 0; j < N; ++j) bias[size_t(j)] = beta * C->data<float>()[C->numel() == 1 ? 0 : j];
        }
        auto aq = int8Mode() ? int8Of(n.inputs[0]) : std::nullopt;
        if (aq && aq->zeroPoint != 0) aq.reset();  // the inner product takes symmetric int8 only
        const bool q = aq.has_value();
        const float sa = q ? aq->scale : 1.f;
        quant::QuantizedRows wq;
        if (q) {
            wq = quant::quantizeRowsS8(w.data(), N, K);
            for (int64_t j = 0; j < N; ++j) bias[size_t(j)] /= sa * wq.scales[size_t(j)];
        }
        const std::vector<float> ws = q ? wq.scales : std::vector<float>(size_t(N), 1.f);
        const DType srcT = q ? aq->dtype : DType::F32;
        memory::desc srcMd = plainMd(av.dims, srcT);
        memory::desc wMd({N, K}, q ? DT::s8 : DT::f32, Tag::any);
        memory::desc bMd({N}, DT::f32, Tag::a);
        memory::desc dstMd = plainMd(yv.dims, DType::F32);
        dnnl::primitive_attr attr;
        if (q) {
            std::vector<float> os(static_cast<size_t>(N));
            for (int64_t j = 0; j < N; ++j) os[size_t(j)] = sa * ws[size_t(j)];
            attr.set_output_scales(1 << 1, os);
        }
        dnnl::inner_product_forward::primitive_desc pd;
        try {
            dnnl::inner_product_forward::desc d(dnnl::prop_kind::forward_inference, srcMd, wMd, bMd, dstMd);
            pd = dnnl::inner_product_forward::primitive_desc(d, attr, p_.ctx->engine());
        } catch (const dnnl::error& e) {
            return fallback(n, std::string("oneDNN inner product unavailable: ") + e.what());
        }
        std::map<int, memory> consts;
        consts[DNNL_ARG_WEIGHTS] = constMemory(memory::desc({N, K}, q ? DT::s8 : DT::f32, Tag::ab), q ? static_cast<const void*>(wq.values.data()) : static_cast<const void*>(w.data()),
                                               pd.weights_desc());
        consts[DNNL_ARG_BIAS] = constMemory(bMd, bias.data(), pd.bias_desc());
        QL_ASSIGN(int src, ensure(n.inputs[0], pd.src_desc(), sa));
        int dst = newBuffer(pd.dst_desc(), DType::F32, yv.dims, 1.f);
        return addPrimitive(n, dnnl::inner_product_forward(pd), {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, dst}}, std::move(consts),
                            pd.impl_info_str(), dst, int64_t(pd.weights_desc().get_size()) + N * 4);
    }

    // f32 input in the producer's layout (dequantizing int8).
    Expected<int> f32Input(ir::ValueId v) {
        auto it = valueBuf_.find(v.v);
        if (it == valueBuf_.end()) return Status::error("not an activation");
        const Buffer& b = p_.buffers[size_t(it->second)];
        if (b.md.data_type() == DT::f32) return it->second;
        const ir::Value& val = p_.graph->value(v);
        memory::desc want = layout() == Layout::Auto ? memory::desc(b.md.dims(), DT::f32, plainTag(b.md.dims().size())) : actMd(val.dims, DType::F32);
        if (layout() == Layout::Auto && formatName(b.md) != "plain") {
            // keep the producer's blocking, change only the data type
            want = b.md;
            want.data.data_type = dnnl_f32;
        }
        return ensure(v, want, 1.f);
    }

    Status lowerEltwise(const ir::Node& n) {
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
            const ir::Tensor* mn = n.hasInput(1) ? constantOf(n.inputs[1]) : nullptr;
            const ir::Tensor* mx = n.hasInput(2) ? constantOf(n.inputs[2]) : nullptr;
            if ((n.hasInput(1) && !mn) || (n.hasInput(2) && !mx)) return fallback(n, "Clip bounds are not constant");
            alg = A::eltwise_clip;
            alpha = mn ? float(mn->getAsDouble(0)) : n.attrs.getFloat("min", -3.4e38f);
            beta = mx ? float(mx->getAsDouble(0)) : n.attrs.getFloat("max", 3.4e38f);
        }
        if (p_.graph->value(n.inputs[0]).dtype != DType::F32) return fallback(n, "non-float input");
        auto src = f32Input(n.inputs[0]);
        if (!src) return fallback(n, src.message());
        const memory::desc md = p_.buffers[size_t(*src)].md;
        dnnl::eltwise_forward::primitive_desc pd(dnnl::eltwise_forward::desc(dnnl::prop_kind::forward_inference, alg, md, alpha, beta),
                                                 p_.ctx->engine());
        const ir::Value& yv = p_.graph->value(n.outputs[0]);
        int dst = newBuffer(pd.dst_desc(), DType::F32, yv.dims, 1.f);
        return addPrimitive(n, dnnl::eltwise_forward(pd), {{DNNL_ARG_SRC, *src}, {DNNL_ARG_DST, dst}}, {}, pd.impl_info_str(), dst);
    }

    Status lowerBinary(const ir::Node& n) {
        using A = dnnl::algorithm;
        const std::string& op = n.opType;
        const A alg = op == "Add" ? A::binary_add : op == "Sub" ? A::binary_sub : op == "Mul" ? A::binary_mul : op == "Div" ? A::binary_div
                      : op == "Max" ? A::binary_max : A::binary_min;
        const ir::Value& av = p_.graph->value(n.inputs[0]);
        const ir::Value& bv = p_.graph->value(n.inputs[1]);
        const ir::Value& yv = p_.graph->value(n.outputs[0]);
        if (av.dtype != DType::F32 || bv.dtype != DType::F32) return fallback(n, "non-float operands");
        if (av.dims != yv.dims || bv.dims.size() > yv.dims.size()) return fallback(n, "first operand broadcasts");
        auto src0 = f32Input(n.inputs[0]);
        if (!src0) return fallback(n, src0.message());
        const memory::desc md0 = p_.buffers[size_t(*src0)].md;
        ir::Dims bd(yv.dims.size() - bv.dims.size(), 1);
        bd.insert(bd.end(), bv.dims.begin(), bv.dims.end());
        std::map<int, memory> consts;
        std::vector<std::pair<int, int>> args{{DNNL_ARG_SRC_0, *src0}};
        memory::desc md1;
        if (const ir::Tensor* c = constantOf(n.inputs[1])) {
            md1 = plainMd(bd, DType::F32);
            consts[DNNL_ARG_SRC_1] = constMemory(md1, c->raw(), md1);
        } else if (bd == yv.dims) {
            md1 = md0;
            QL_ASSIGN(int src1, ensure(n.inputs[1], md1, 1.f));
            args.push_back({DNNL_ARG_SRC_1, src1});
        } else {
            md1 = plainMd(bd, DType::F32);
            QL_ASSIGN(int src1, ensure(n.inputs[1], plainMd(bv.dims, DType::F32), 1.f));
            int view = newBuffer(md1, DType::F32, bd, 1.f);
            p_.buffers[size_t(view)].root = p_.rootOf(src1);
            args.push_back({DNNL_ARG_SRC_1, view});
        }
        dnnl::binary::primitive_desc pd;
        try {
            pd = dnnl::binary::primitive_desc(dnnl::binary::desc(alg, md0, md1, memory::desc(md0.dims(), DT::f32, Tag::any)), p_.ctx->engine());
        } catch (const dnnl::error& e) {
            return fallback(n, std::string("oneDNN binary unavailable: ") + e.what());
        }
        int dst = newBuffer(pd.dst_desc(), DType::F32, yv.dims, 1.f);
        args.push_back({DNNL_ARG_DST, dst});
        return addPrimitive(n, dnnl::binary(pd), std::move(args), std::move(consts), pd.impl_info_str(), dst);
    }

    Status lowerConcat(const ir::Node& n) {
        const ir::Value& yv = p_.graph->value(n.outputs[0]);
        if (yv.dtype != DType::F32) return fallback(n, "non-float concat");
        QL_ASSIGN(int axis, ops::normalizeAxis(n.attrs.getInt("axis", 1), int(yv.dims.size()), n));
        std::vector<memory::desc> mds;
        std::vector<std::pair<int, int>> args;
        memory::desc first;
        for (size_t i = 0; i < n.inputs.size(); ++i) {
            if (constantOf(n.inputs[i])) return fallback(n, "constant concat operand");
            auto b = f32Input(n.inputs[i]);
            if (!b) return fallback(n, b.message());
            // all operands in the first operand's layout family
            const ir::Value& v = p_.graph->value(n.inputs[i]);
            memory::desc want = i == 0 ? p_.buffers[size_t(*b)].md : layoutLike(first, v.dims);
            QL_ASSIGN(int src, ensure(n.inputs[i], want, 1.f));
            if (i == 0) first = p_.buffers[size_t(src)].md;
            mds.push_back(p_.buffers[size_t(src)].md);
            args.push_back({DNNL_ARG_MULTIPLE_SRC + int(i), src});
        }
        dnnl::concat::primitive_desc pd;
        try {
            pd = dnnl::concat::primitive_desc(axis, mds, p_.ctx->engine());
        } catch (const dnnl::error& e) {
            return fallback(n, std::string("oneDNN concat unavailable: ") + e.what());
        }
        int dst = newBuffer(pd.dst_desc(), DType::F32, yv.dims, 1.f);
        args.push_back({DNNL_ARG_DST, dst});
        return addPrimitive(n, dnnl::concat(pd), std::move(args), {}, pd.impl_info_str(), dst);
    }

    // Same format family as `like` (nchw/nhwc/blocked) for other dims.
    memory::desc layoutLike(const memory::desc& like, const ir::Dims& dims) const {
        const std::string f = formatName(like);
        Tag t = f == "nhwc" ? Tag::nhwc : f == "nChw8c" ? Tag::nChw8c : f == "nChw16c" ? Tag::nChw16c : plainTag(dims.size());
        return memory::desc(toDims(dims), like.data_type(), t);
    }

    Status lowerSoftmax(const ir::Node& n) {
        const ir::Value& xv = p_.graph->value(n.inputs[0]);
        const int rank = int(xv.dims.size());
        QL_ASSIGN(int axis, ops::normalizeAxis(n.attrs.getInt("axis", p_.graph->opsetVersion >= 13 ? -1 : 1), rank, n));
        if (p_.graph->opsetVersion < 13 && axis != rank - 1) return fallback(n, "pre-13 softmax over several axes");
        QL_ASSIGN(int src, ensure(n.inputs[0], plainMd(xv.dims, DType::F32), 1.f));
        const memory::desc md = p_.buffers[size_t(src)].md;
        dnnl::softmax_forward::primitive_desc pd(dnnl::softmax_forward::desc(dnnl::prop_kind::forward_inference, md, axis), p_.ctx->engine());
        int dst = newBuffer(pd.dst_desc(), DType::F32, xv.dims, 1.f);
        return addPrimitive(n, dnnl::softmax_forward(pd), {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, dst}}, {}, pd.impl_info_str(), dst);
    }

    Status lowerBatchNorm(const ir::Node& n) {
        const ir::Tensor *scale = constantOf(n.inputs[1]), *shift = constantOf(n.inputs[2]), *mean = constantOf(n.inputs[3]),
                         *var = constantOf(n.inputs[4]);
        if (!scale || !shift || !mean || !var) return fallback(n, "statistics are not constant");
        if (p_.graph->value(n.inputs[0]).dims.size() != 4) return fallback(n, "not 4-D");
        auto src = f32Input(n.inputs[0]);
        if (!src) return fallback(n, src.message());
        const memory::desc md = p_.buffers[size_t(*src)].md;
        using F = dnnl::normalization_flags;
        dnnl::batch_normalization_forward::primitive_desc pd(
            dnnl::batch_normalization_forward::desc(dnnl::prop_kind::forward_inference, md, n.attrs.getFloat("epsilon", 1e-5f),
                                                    F::use_global_stats | F::use_scale | F::use_shift),
            p_.ctx->engine());
        const memory::desc vec({scale->numel()}, DT::f32, Tag::a);
        std::map<int, memory> consts{{DNNL_ARG_SCALE, constMemory(vec, scale->raw(), vec)}, {DNNL_ARG_SHIFT, constMemory(vec, shift->raw(), vec)},
                                     {DNNL_ARG_MEAN, constMemory(vec, mean->raw(), vec)}, {DNNL_ARG_VARIANCE, constMemory(vec, var->raw(), vec)}};
        const ir::Value& yv = p_.graph->value(n.outputs[0]);
        int dst = newBuffer(pd.dst_desc(), DType::F32, yv.dims, 1.f);
        return addPrimitive(n, dnnl::batch_normalization_forward(pd), {{DNNL_ARG_SRC, *src}, {DNNL_ARG_DST, dst}}, std::move(consts),
                            pd.impl_info_str(), dst, 4 * scale->numel() * 4);
    }

    OnednnPlan::Impl& p_;
    std::vector<StepInfo>& infos_;
    std::map<int32_t, int> valueBuf_;                 // value -> buffer with its produced form
    std::multimap<int32_t, int> converted_;           // value -> its reordered copies
    std::set<int32_t> lowered_;                       // nodes already turned into steps
    std::map<int32_t, ir::Tensor> folded_;            // values computed at build time
};


Status lowerGraph(OnednnPlan::Impl& impl, std::vector<StepInfo>& infos) { return PlanBuilder(impl, infos).build(); }

}  // namespace ql::runtime
